"""Shared builders for the Python tests: the papers' games written in Python (not taken from
the C++ catalog), so the tests exercise the binding of problems, utilities and callables."""
import numpy as np
import pytest

import mechdesign as md

WEAK_VALUE, STRONG_VALUE, WEAK_PROBABILITY = 90.0, 30.0, 0.8  # 003 §2


def buyer_value(t):
    return WEAK_VALUE if t == 0 else STRONG_VALUE


def trade_beliefs():
    return md.Prior.independent([np.array([WEAK_PROBABILITY, 1 - WEAK_PROBABILITY]), np.ones(1)])


def bilateral_trade(with_money):
    """003 §2 without the broker: the money model or the price-lottery model."""
    p = md.BayesianProblem(trade_beliefs())
    if with_money:
        p.set_decisions([0, 1], ["no trade", "trade"],
                        lambda i, d, t: buyer_value(t[0]) if (d == 1 and i == 0) else 0.0)
        p.set_money(md.BudgetRule.ex_post_balanced)
    else:
        prices = [0.0, 0.0, 90.0]

        def u(i, d, t):
            if d == 0:
                return 0.0
            return buyer_value(t[0]) - prices[d] if i == 0 else prices[d]

        p.set_decisions([0, 1], ["no trade", "trade at 0", "trade at 90"], u)
    # the singletons as tables (arrays), the pair as a callable: both routes are exercised
    p.set_decisions([0], ["no trade"], [np.zeros((1, 2))])
    p.set_decisions([1], ["no trade"], [np.zeros((1, 2))])
    return p


def broker_game():
    """003 §2 with the broker (player 2), as in catalog::cooperative_games::broker_game."""
    beliefs = md.Prior.independent([np.array([0.8, 0.2]), np.ones(1), np.ones(1)])
    p = md.BayesianProblem(beliefs)
    nothing = lambda i, d, t: 0.0  # noqa: E731
    for i in range(3):
        p.set_decisions([i], ["nothing"], nothing)
    p.set_decisions([0, 2], ["nothing"], nothing)
    p.set_decisions([1, 2], ["nothing"], nothing)
    p.set_decisions([0, 1], ["no trade", "trade"],
                    lambda i, d, t: buyer_value(t[0]) if (d == 1 and i == 0) else 0.0)

    def grand(i, d, t):
        v = buyer_value(t[0])
        paid = 0.0
        if d == 2 and t[0] == 0:
            paid = 90.0
        if d == 3 and t[0] == 1:
            paid = 30.0
        if d == 0 or i == 2:
            return 0.0
        return v - paid if i == 0 else paid

    p.set_decisions([0, 1, 2], ["no trade", "trade", "verified sale, 90 if weak",
                                "verified sale, 30 if strong"], grand)
    p.set_money(md.BudgetRule.ex_post_balanced)
    return p


def dictator(problem, who):
    """The dictator's optimal plan: weights and participation as catalog::bilateral_trade."""
    inf = float("inf")
    if who == 0:
        weights = [np.array([WEAK_PROBABILITY, 1 - WEAK_PROBABILITY]), np.zeros(1)]
        participation = [np.array([-inf, -inf]), np.zeros(1)]
    else:
        weights = [np.zeros(2), np.ones(1)]
        participation = [np.zeros(2), np.array([-inf])]
    r = md.solve_primal(problem.grand(), weights, participation)
    assert r.ok(), repr(r)
    return r


def electoral_campaign():
    """000 §1: Centrist, Left, Right; prior (0.8, 0.1, 0.1); receiver guesses the state."""
    u = np.array([[1.0, 1.0], [3.0, 0.0], [0.0, 3.0]])
    return md.persuasion.Problem.state_independent(np.array([0.8, 0.1, 0.1]), np.eye(3), u)


@pytest.fixture(params=[True, False], ids=["money", "price-lottery"])
def trade_problem(request):
    return bilateral_trade(request.param)
