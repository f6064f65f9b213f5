"""003 (mechanism): §2's bilateral trade and the broker, through Python. Mirrors
tests/catalog/bilateral_trade_test.cpp and tests/mechanism/neutral_procedural_test.cpp with the
same tolerances (1e-9 for single LP results, 1e-7 for the NPS certificates)."""
import numpy as np
import pytest
from conftest import bilateral_trade, broker_game, dictator

import mechdesign as md

TOL = 1e-9
NPS_TOL = 1e-7


def test_dictators_and_random_dictatorship(trade_problem):
    g = trade_problem.grand()
    seller = dictator(trade_problem, 1)  # Table 2.1: (0, 0, 72)
    assert seller.objective == pytest.approx(72.0, abs=TOL)
    assert seller.dual_objective == pytest.approx(72.0, abs=TOL)
    np.testing.assert_allclose(seller.interim[0], [0.0, 0.0], atol=TOL)
    np.testing.assert_allclose(seller.interim[1], [72.0], atol=TOL)
    buyer = dictator(trade_problem, 0)  # (90, 30, 0)
    np.testing.assert_allclose(buyer.interim[0], [90.0, 30.0], atol=TOL)
    np.testing.assert_allclose(buyer.interim[1], [0.0], atol=TOL)
    assert buyer.dual_objective == pytest.approx(78.0, abs=TOL)

    a, b = seller.optimal_mechanism, buyer.optimal_mechanism
    rd = md.Mechanism(0.5 * (a.probabilities + b.probabilities),
                      0.5 * (a.transfers + b.transfers) if a.transfers.size else np.zeros((0, 0)))
    u = md.interim_utilities(g, rd)
    np.testing.assert_allclose(u[0], [45.0, 15.0], atol=TOL)  # (2.1)
    np.testing.assert_allclose(u[1], [36.0], atol=TOL)
    assert md.check_incentive_compatibility(g, rd, TOL).passed
    assert md.check_individual_rationality(trade_problem, g, rd, TOL).passed
    e = md.test_incentive_efficiency(g, rd)
    assert e.efficient(), repr(e)
    assert e.verdict == md.EfficiencyVerdict.efficient
    assert e.conditions.passed
    assert sum(float(l.sum()) for l in e.lambda_) == pytest.approx(1.0, abs=TOL)
    # the virtual utilities at the supporting weights have the sizes of the problem
    v = md.virtual_utility(g, e.lambda_, e.alpha)
    assert [x.shape for x in v] == [(g.num_decisions(), 2), (g.num_decisions(), 2)]
    assert md.dual_objective(g, e.lambda_, e.alpha) == pytest.approx(
        sum(float(l @ x) for l, x in zip(e.lambda_, u)), abs=1e-7)


def test_neutral_bargaining_solution(trade_problem):
    r = md.neutral_bargaining_solution(trade_problem)
    assert r.ok(), repr(r)
    n = r.at([0, 1])
    assert n.verified and n.conditions.passed and n.nps2_residual <= NPS_TOL
    np.testing.assert_allclose(n.interim[0], [45.0, 15.0], atol=NPS_TOL)
    np.testing.assert_allclose(n.interim[1], [36.0], atol=NPS_TOL)
    np.testing.assert_allclose(n.claims[0], [90.0, 30.0], atol=NPS_TOL)
    np.testing.assert_allclose(n.claims[1], [72.0], atol=NPS_TOL)
    assert n.dictator_outcomes == ["strong solution", "strong solution"]
    assert "verified" in repr(r)


def test_strong_solution_and_warranted_claims():
    problem = bilateral_trade(True)
    g = problem.grand()
    threat = md.singleton_threat(problem, 1)
    sel = md.MechanismSelection(g, 0, threat)
    s = sel.strong_solution()
    assert s.ok() and s.exists(), repr(s)
    np.testing.assert_allclose(s.dictator_utilities, [90.0, 30.0], atol=NPS_TOL)
    n = md.neutral_bargaining_solution(problem).at([0, 1])
    w = md.warranted_claims(g, 0, n.lambda_, n.alpha, threat)
    assert w.ok(), repr(w)
    np.testing.assert_allclose(w.claims, [90.0, 30.0], atol=NPS_TOL)


def test_broker_45_15_38_1():
    problem = broker_game()
    r = md.neutral_procedural_solution(problem)
    assert r.ok(), repr(r)
    for c in r.coalitions:
        assert c.verified, repr(c)
        assert c.nps2_residual <= NPS_TOL and c.warrant_residual <= NPS_TOL
        assert c.duality_gap <= NPS_TOL and c.conditions.min_weight > 0
    traders = r.at([0, 1])
    np.testing.assert_allclose(traders.interim[0], [45.0, 15.0], atol=NPS_TOL)
    np.testing.assert_allclose(traders.interim[1], [36.0], atol=NPS_TOL)
    n = r.at(md.Coalition.grand(3))  # (2.5) = (45, 15, 38, 1)
    np.testing.assert_allclose(n.interim[0], [45.0, 15.0], atol=NPS_TOL)
    assert n.interim[1][0] == pytest.approx(38.0, abs=NPS_TOL)
    assert n.interim[2][0] == pytest.approx(1.0, abs=NPS_TOL)
    np.testing.assert_allclose(n.claims[0], [90.0, 30.0], atol=NPS_TOL)
    assert n.claims[1][0] == pytest.approx(78.0, abs=NPS_TOL)
    assert n.claims[2][0] == pytest.approx(78.0 - (0.8 * 45 + 0.2 * 15 + 36), abs=NPS_TOL)
    assert md.check_neutral_procedural(problem, r).passed
    # Table 2.3's brokerage plan is a neutral procedural threat of N as well
    probs = np.zeros((4, 2))
    probs[2, :] = 0.5
    probs[3, :] = 0.5
    transfers = np.zeros((3, 2))
    transfers[1, 1], transfers[2, 1] = -5.0, 5.0
    t23 = md.certify_neutral_procedural(problem, r, [0, 1, 2], md.Mechanism(probs, transfers))
    assert t23.verified, repr(t23)
    assert t23.interim[1][0] == pytest.approx(38.0, abs=NPS_TOL)
    assert t23.interim[2][0] == pytest.approx(1.0, abs=NPS_TOL)


def test_shapley_value_of_a_python_worth():
    # v(S) = |S|^2 for three players: symmetric, so the Shapley value is 9/3 each
    r = md.shapley_value(3, lambda s: float(len(s)) ** 2)
    assert r.ok(), repr(r)
    np.testing.assert_allclose(r.value, [3.0, 3.0, 3.0], atol=NPS_TOL)
    # an asymmetric glove game: player 0 holds the left glove, 1 and 2 right gloves
    r = md.shapley_value(3, lambda s: 1.0 if (0 in s and len(s) >= 2) else 0.0)
    np.testing.assert_allclose(r.value, [2 / 3, 1 / 6, 1 / 6], atol=NPS_TOL)
