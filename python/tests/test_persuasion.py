"""000 (persuasion): the electoral campaign's 1.1 and 1.2 and the bargaining set of Figure 1,
through Python. Mirrors tests/persuasion/bargaining_set_test.cpp and beneficial_test.cpp
(tolerances 1e-7 on payoffs, 1e-9 on LP vertices)."""
import numpy as np
import pytest
from conftest import electoral_campaign

import mechdesign as md

ps = md.persuasion


def test_full_information_gives_1_1_and_the_solutions_1_2():
    p = electoral_campaign()
    d = ps.ex_ante_payoffs(p, ps.full_information(p))  # disagreement: full information
    np.testing.assert_allclose(d, [1.1, 1.1], atol=1e-12)
    e = ps.egalitarian_solution(p, d)
    ks = ps.kalai_smorodinsky_solution(p, d)
    nb = ps.nash_solution(p, d, np.array([0.5, 0.5]))
    for r in (e, ks, nb):
        assert r.ok(), repr(r)
        np.testing.assert_allclose(r.payoffs, [1.2, 1.2], atol=1e-7)
        assert ps.check_obedience(p.receiver(), p.prior(), r.structure, 1e-9).passed
        np.testing.assert_allclose(ps.ex_ante_payoffs(p, r.structure), r.payoffs, rtol=1e-12)
    assert nb.converged and nb.optimality_gap <= 1e-9
    assert ks.value == pytest.approx(0.2, abs=1e-9)
    u = ps.utopia(p)
    np.testing.assert_allclose(u.payoffs, [1.6, 1.6], atol=1e-9)
    assert ps.pareto_efficiency(p, e.payoffs).efficient
    assert not ps.pareto_efficiency(p, d).efficient


def test_bargaining_set_and_frontier_of_figure_1():
    p = electoral_campaign()
    g = ps.bargaining_set_boundary(p)
    assert g.ok() and len(g.vertices) == 4
    for v in ([1.6, 0.7], [1.2, 1.2], [0.7, 1.6], [1.0, 1.0]):
        assert min(np.linalg.norm(w - v) for w in g.vertices) < 1e-9
    f = ps.pareto_frontier(p)
    assert f.ok() and len(f.vertices) == 3
    np.testing.assert_allclose(f.vertices[1], [1.2, 1.2], atol=1e-9)


def test_beneficial_agreement_with_certificate():
    p = electoral_campaign()
    d = np.array([1.1, 1.1])
    t = ps.lottery_test(p, d)
    assert t.ok() and t.beneficial, repr(t)
    # the best lottery mixes the two party wins: 1.5 each, surplus 0.4 over d = 1.1 (1e-9)
    assert t.surplus == pytest.approx(0.4, abs=1e-9)
    np.testing.assert_allclose(t.payoffs, [1.5, 1.5], atol=1e-9)
    # the dual certificate: weights on the agents whose value equals the surplus
    assert t.certificate_value == pytest.approx(t.surplus, abs=1e-9)
    assert t.weights.min() >= -1e-12 and t.weights.sum() == pytest.approx(1.0, abs=1e-9)
    pi0 = ps.full_information(p)
    a = ps.beneficial_agreement_test(p, pi0)
    assert a.ok() and a.lottery.beneficial
    c = ps.construct_agreement(p, pi0, a.lottery)
    assert c.beneficial and c.ic.passed, repr(c)
    assert (c.gains > 0).all()


def test_symmetric_endorsement_rule():
    p = electoral_campaign()
    assert ps.is_symmetric_selection_environment(p)
    pi = ps.symmetric_endorsement_rule(p)
    assert ps.is_endorsement_rule(p, pi)
    np.testing.assert_allclose(ps.ex_ante_payoffs(p, pi), [1.2, 1.2], atol=1e-9)
    # as tests/persuasion/selection_test.cpp: Definition 3, efficiency and both benefits hold,
    # but the campaign is not robust to ex-post deviations (the voter follows a Centrist
    # recommendation he is indifferent to: gain 1)
    t3 = ps.check_theorem3(p)
    assert t3.is_endorsement and t3.pareto_efficient
    assert t3.beneficial_vs_full_information and t3.beneficial_vs_no_information
    assert not t3.robustness.robust
    assert t3.robustness.worst_gain == pytest.approx(1.0, abs=1e-9)
    assert "NOT robust" in repr(t3)


def test_kamenica_gentzkow_support_point():
    # prosecutor (sender) and judge: convict iff P(guilty) >= 1/2; prior P(guilty) = 0.3
    receiver = np.array([[1.0, 0.0], [0.0, 1.0]])  # rows acquit/convict, columns innocent/guilty
    p = ps.Problem.state_independent(np.array([0.7, 0.3]), receiver, np.array([[0.0], [1.0]]))
    r = ps.support_point(p, np.ones(1))
    assert r.ok()
    assert r.payoffs[0] == pytest.approx(0.6, abs=1e-9)
