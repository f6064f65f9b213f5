"""mechdesign.design_mechanism and the textbook one-liners (mechanism/textbook.hpp) from Python:
Myerson's auction under dominant-strategy IC with ex-post IR, Myerson–Satterthwaite as an
implementability question with its Farkas certificate, Kamenica–Gentzkow's optimal signal, and
the LP export."""
import numpy as np
import pytest

import mechdesign as md

VALUES = np.array([1.0, 2.0, 3.0])
UNIFORM = np.full(3, 1.0 / 3.0)


def test_optimal_auction_dsic_and_bic():
    r = md.optimal_auction([VALUES, VALUES], [UNIFORM, UNIFORM])
    assert r.ok()
    assert r.objective == pytest.approx(2.0, abs=1e-9)  # Myerson: revenue 2 with reserve 2
    assert r.ic_violation <= 1e-9 and r.ir_violation <= 1e-9
    o = md.DesignOptions()
    o.incentives = md.IncentiveFamily.bayesian
    o.participation = md.ParticipationFamily.interim
    assert md.optimal_auction([VALUES, VALUES], [UNIFORM, UNIFORM], o).objective == pytest.approx(
        2.0, abs=1e-9)
    assert "mechanism design optimal" in repr(r)


def test_myerson_satterthwaite_is_infeasible_with_a_certificate():
    g = md.trade_problem(VALUES, UNIFORM, np.array([0.5, 1.5, 2.5]), UNIFORM)
    r = md.efficient_trade_implementable(g)
    assert not r.ok()
    assert r.lp.check.passed  # the Farkas ray was re-checked from the model data
    o = md.DesignOptions()
    o.participation = md.ParticipationFamily.interim
    best = md.design_mechanism(g, md.expected_welfare(g), o)
    assert best.ok()
    assert best.objective == pytest.approx(20.0 / 27.0, abs=1e-9)  # 0.7407 < 7/9


def test_unbounded_without_participation_says_why():
    g = md.auction_problem([VALUES, VALUES], [UNIFORM, UNIFORM])
    o = md.DesignOptions()
    o.participation = md.ParticipationFamily.none
    r = md.design_mechanism(g, md.expected_revenue(g), o)
    assert not r.ok()
    assert "participation" in r.message


def test_optimal_signal_kamenica_gentzkow():
    judge = np.array([[1.0, 0.0], [0.0, 1.0]])  # rows acquit, convict; columns innocent, guilty
    p = md.persuasion.Problem.state_independent(np.array([0.7, 0.3]), judge,
                                                np.array([[0.0], [1.0]]))
    s = md.persuasion.optimal_signal(p)
    assert s.ok()
    assert s.payoffs[0] == pytest.approx(0.6, abs=1e-9)


def test_lp_export_and_bad_input(tmp_path):
    g = md.auction_problem([VALUES, VALUES], [UNIFORM, UNIFORM])
    path = tmp_path / "auction.mps"
    md.write_design_lp(g, md.expected_revenue(g), md.auction_options(), str(path))
    text = path.read_text()
    assert "ROWS" in text and "COLUMNS" in text
    bad = md.zero_functional(g)
    bad.on_probabilities = np.zeros((2, 9))
    with pytest.raises(md.DimensionError):
        md.design_mechanism(g, bad)
    with pytest.raises(md.InvalidArgument):
        md.auction_problem([VALUES], [UNIFORM, UNIFORM])
