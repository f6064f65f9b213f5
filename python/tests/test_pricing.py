"""004 (pricing): the τ = 0 uniform benchmark, full information on [1/4, 3/4] at price 1/4,
through Python. Mirrors tests/pricing/continuous_test.cpp (1e-9, bisection) and
tests/pricing/optimal_menu_test.cpp (grid menus within one cell 1/n)."""
import numpy as np
import pytest

import mechdesign as md

pc = md.pricing


def test_continuous_uniform_tau_0():
    m = pc.solve_continuous(pc.TypeDistribution.uniform(), 0.0, 0.7)
    assert m.ok() and m.concave and m.regular
    assert m.low_threshold == pytest.approx(0.25, abs=1e-9)
    assert m.high_threshold == pytest.approx(0.75, abs=1e-9)
    assert m.price == pytest.approx(0.25, abs=1e-9)
    assert m.lambda_ == pytest.approx(0.5, abs=1e-9)
    assert m.profit == pytest.approx(0.125, abs=1e-9)
    for v in (0.1, 0.3, 0.5, 0.74, 0.9):
        assert m.transfer(v) == pytest.approx(0.25 if 0.25 <= v <= 0.75 else 0.0, abs=1e-9)
    assert "[0.25, 0.75]" in repr(m)


@pytest.mark.parametrize("n", [16, 48])
def test_grid_menu_tau_0(n):
    v, p = pc.grid_types(pc.TypeDistribution.uniform(), n)
    r = pc.solve_optimal_menu(pc.binary_environment(0.0, 0.3, v, p))
    assert r.ok(), repr(r)
    assert abs(r.profit - 0.125) <= 1.0 / (4.0 * n) + 1e-9
    assert r.expected_externality == pytest.approx(0.0, abs=1e-12)
    served = []
    for k in range(n):
        i = pc.informativeness(r.menu.rules[k])
        if abs(i) < 1e-7:
            served.append(v[k])
            assert abs(r.menu.prices[k] - 0.25) <= 1.0 / n
        else:
            assert abs(abs(i) - 1.0) < 1e-7
            assert abs(r.menu.prices[k]) < 1e-9
    assert abs(min(served) - 0.25) <= 1.0 / n
    assert abs(max(served) - 0.75) <= 1.0 / n
    assert r.rent.min() >= -1e-9
    assert r.check.passed


def test_binary_types_tau_0():
    # tau = 0: both types fully informed at the low type's gain 1/6; profit 1/6
    m = pc.solve_binary_types(pc.BinaryTypes(tau=0.0, seller_belief=0.3, phi=0.25))
    assert m.ok(), repr(m)
    assert m.low == pc.Offer.full and m.high == pc.Offer.full
    assert m.lp.profit == pytest.approx(1.0 / 6.0, abs=1e-7)


def test_custom_distribution_from_python_callables():
    f = pc.TypeDistribution("uniform (Python)", lambda v: 1.0, lambda v: min(max(v, 0.0), 1.0))
    m = pc.solve_continuous(f, 0.0, 0.7)
    assert m.low_threshold == pytest.approx(0.25, abs=1e-9)
    assert m.distribution == "uniform (Python)"
