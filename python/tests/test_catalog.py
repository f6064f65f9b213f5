"""The games written in Python (conftest) equal the C++ catalog's, table for table; and the
remaining bindings (agreement conditions, privacy, delegation) answer as the papers state."""
import numpy as np
import pytest
from conftest import bilateral_trade, broker_game, electoral_campaign

import mechdesign as md

cat = md.catalog
ps = md.persuasion


def same_tables(a, b, coalitions):
    for s in coalitions:
        assert a.decision_labels(s) == b.decision_labels(s)
        for k in range(len(s)):
            np.testing.assert_array_equal(a.utility_table(s, k), b.utility_table(s, k))
    assert a.money() == b.money()


def test_python_games_equal_the_catalog():
    same_tables(bilateral_trade(True), cat.bilateral_trade_with_money(), [[0], [1], [0, 1]])
    same_tables(bilateral_trade(False), cat.bilateral_trade_price_lottery(), [[0], [1], [0, 1]])
    same_tables(broker_game(), cat.broker_game(),
                [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]])
    p, q = electoral_campaign(), ps.electoral_campaign()
    np.testing.assert_array_equal(p.prior(), q.prior())
    np.testing.assert_array_equal(p.action_payoffs(), q.action_payoffs())


def test_arrogance_of_strength_table_6_2():
    problem = cat.arrogance_of_strength_game()
    r = md.neutral_procedural_solution(problem)
    assert r.ok(), repr(r)
    pair = r.at([0, 1])  # complete information: (5, 5)
    assert pair.interim[0][0] == pytest.approx(5.0, abs=1e-7)
    assert pair.interim[1][0] == pytest.approx(5.0, abs=1e-7)
    for i in range(2):  # U^{i,3} = (9/2, 5, 5/2)
        c = r.at([i, 2])
        assert c.interim[0][0] == pytest.approx(4.5, abs=1e-7)


def test_agreement_conditions():
    # Corollary 1: u_3 = 2 - u_1 - u_2 has a constant sum, so weights (1, 1, 1)/3 exist
    rng = np.random.default_rng(7)
    u = rng.uniform(0.0, 1.0, (4, 3))
    u[:, 2] = 2.0 - u[:, 0] - u[:, 1]
    w = ps.find_constant_sum_weights(u)
    assert w.ok() and w.exists and w.residual <= 1e-9
    np.testing.assert_allclose(u @ w.weights, np.full(4, w.constant), atol=1e-9)
    # Proposition 2 on a winner-takes-all problem (as beneficial_test.cpp's winner test):
    wins = np.array([1.5, 1.2, 0.8])
    p = ps.winner_takes_all(np.array([0.5, 0.3, 0.2]), wins)
    wt = ps.winner_takes_most(p.action_payoffs())
    assert wt.winners_and_losers and wt.winner_takes_most
    t = ps.beneficial_agreement_test(p, ps.full_information(p))
    assert t.lottery.ok() and not t.lottery.beneficial
    expected = (1 / wins) / (1 / wins).sum()  # the dual certificate of no agreement
    np.testing.assert_allclose(t.lottery.weights, expected, atol=1e-9)
    c = ps.beneficial_censorship(p)
    assert c.hypotheses_hold and not c.beneficial


def test_privacy_full_revelation_trades_and_is_platform_optimal():
    mk = ps.Market(np.array([1.0, 2.0, 3.0]), np.array([0.3, 0.4, 0.3]), np.array([0.2, 0.2, 0.2]))
    p = ps.make_problem(mk)
    full = ps.full_information(p)
    assert ps.trades_with_probability_one(mk, full)
    u = ps.utopia(p)
    assert ps.ex_ante_payoffs(p, full)[0] == pytest.approx(u.payoffs[0], abs=1e-9)
    checks = ps.check_categories(mk)
    assert len(checks) == len(ps.interval_partitions(3))
    for c in checks:  # Proposition 3: Pareto efficient iff full trade, among IC categories
        if c.incentive_compatible:
            assert c.pareto_efficient == c.full_trade


def test_delegation():
    g = md.data_monetization.Game(2, 0.2)
    d = md.data_monetization.delegated_revenue_optimal(g)
    assert d.ok(), repr(d)
    assert d.revenue == pytest.approx(md.data_monetization.delegated_revenue(g, d.mechanism),
                                      abs=1e-9)
