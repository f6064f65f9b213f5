"""Runs the three textbook scripts of python/examples as a user would and checks the numbers
they print (to the printed precision)."""
import os
import pathlib
import re
import subprocess
import sys

import pytest

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


def run(name):
    out = subprocess.run([sys.executable, str(EXAMPLES / name)], capture_output=True, text=True,
                         env=dict(os.environ), timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def number(text, label):
    m = re.search(re.escape(label) + r"\s*(-?[0-9.e+-]+)", text)
    assert m, f"'{label}' not in output:\n{text}"
    return float(m.group(1))


def test_myerson_optimal_auction():
    out = run("myerson_auction.py")
    assert number(out, "LP revenue:") == pytest.approx(2.0, abs=1e-6)
    assert number(out, "LP dual bound:") == pytest.approx(2.0, abs=1e-6)
    assert number(out, "virtual-value revenue:") == pytest.approx(2.0, abs=1e-6)
    assert number(out, "reserve price:") == 2.0
    assert number(out, "largest probability that a value-1 bidder wins:") <= 1e-9
    assert "incentive compatible" in out


def test_kamenica_gentzkow_prosecutor():
    out = run("kamenica_gentzkow.py")
    assert number(out, "conviction probability:") == pytest.approx(0.6, abs=1e-6)
    assert number(out, "posterior P(guilty | convict):") == pytest.approx(0.5, abs=1e-6)
    assert number(out, "no information:") == pytest.approx(0.0, abs=1e-6)
    assert number(out, "full information:") == pytest.approx(0.3, abs=1e-6)


def test_myerson_satterthwaite_certificate():
    out = run("myerson_satterthwaite.py")
    efficient = number(out, "ex-post efficient gains from trade:")
    best = number(out, "best IC, IR, budget-balanced gains:")
    bound = number(out, "dual bound (3.7) at (alpha, beta):")
    assert efficient == pytest.approx(7 / 9, abs=1e-4)
    assert best == pytest.approx(20 / 27, abs=1e-4)
    assert bound == pytest.approx(best, abs=1e-4)
    assert bound < efficient
    assert "alpha[buyer]" in out and "beta[seller]" in out
