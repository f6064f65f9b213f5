"""001 (data monetization): the obedience ellipse and the welfare optimum through Python,
checked against the closed forms of 001 Proposition 2 (1e-12) and the moments' obedience."""
import math

import pytest

import mechdesign as md

dm = md.data_monetization


def test_ellipse_center_matches_proposition_2():
    g = dm.Game(3, 0.2, dm.GaussianPrior(1.0, 1.0, 0.0, 1.0))
    k, r = g.aggregate_interaction(), g.interaction()
    e = dm.ellipse(g)
    assert e.state_center == pytest.approx(1 / (2 * (1 - k)), abs=1e-12)
    assert e.others_center == pytest.approx(r / (2 * (1 + r) * (1 - k)), abs=1e-12)
    for phi in (0.0, 1.0, 2.5):
        b, d = e.boundary(phi)
        assert e.slack(b, d) == pytest.approx(0.0, abs=1e-12)


def test_welfare_and_revenue_optimum_are_obedient():
    g = dm.Game(2, 0.3)
    w = dm.welfare_optimal(g)
    assert w.ok(), repr(w)
    assert dm.obedience_residuals_of(g, w.mechanism).obedient(1e-9)
    assert w.welfare == pytest.approx(dm.welfare(g, w.mechanism), abs=1e-9)
    for bench in (dm.uninformative(g), dm.state_only(g), dm.complete_information(g)):
        assert dm.welfare(g, bench) <= w.welfare + 1e-9
    r = dm.revenue_optimal(g)
    assert r.ok(), repr(r)
    assert r.mechanism.own_type_weight >= 1 - 1e-9  # IC imposed (Proposition 4)
    assert math.isfinite(r.revenue)
    assert dm.check_mechanism(g, r.mechanism).passed
