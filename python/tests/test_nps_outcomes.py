"""003 Definition 4 through Python: the outcome of every coalition (certified,
degenerate_certified, epsilon_certified, undecided), the independent re-check of those outcomes,
and the residual of the warrant equations (4.11). Mirrors tests/mechanism/nps_certificate_test.cpp
with the same tolerance (1e-7 for the certificates)."""
import math

import numpy as np
import pytest
from conftest import bilateral_trade, broker_game

import mechdesign as md
from mechdesign import sweeps

NPS_TOL = 1e-7
OUTCOMES = ["undecided", "epsilon_certified", "degenerate_certified", "certified"]


def threats_of(problem, solution, members):
    """The threats μ_{S∖i} of coalition ``members`` from ``solution``, in member order, each with
    its own α (the entries here are certified, so 003 Remark 4's α = 0 does not apply)."""
    out = []
    for i in members:
        th = solution.at([j for j in members if j != i])
        out.append(md.CoalitionThreat(problem.restrict_to(th.members), th.plan, th.alpha))
    return out


def test_outcome_enum_names_and_order():
    assert [str(getattr(md.NpsOutcome, name)) for name in OUTCOMES] == OUTCOMES
    # strongest last, as in C++ (a coalition's outcome is the min over its chain of threats)
    values = [int(getattr(md.NpsOutcome, name)) for name in OUTCOMES]
    assert values == sorted(values) and len(set(values)) == 4
    assert repr(md.NpsOutcome.certified) == "<NpsOutcome.certified: 3>"
    # the status vocabulary prints its C++ name the same way
    assert str(md.Status.success) == "success" and str(md.Status.time_limit) == "time_limit"


def test_broker_game_every_coalition_is_certified():
    problem = md.catalog.broker_game()
    r = md.neutral_procedural_solution(problem)
    assert r.ok() and r.decided and r.verified, repr(r)
    assert len(r.coalitions) == 7
    for c in r.coalitions:
        assert c.outcome == md.NpsOutcome.certified, repr(c)
        assert c.local_outcome == md.NpsOutcome.certified, repr(c)
        assert c.verified
        assert isinstance(c.approximation, md.NpsApproximation)
    assert "(7 certified, 0 degenerate_certified, 0 epsilon_certified, 0 undecided)" in repr(r)

    check = md.check_neutral_procedural(problem, r)
    assert check.passed and check.decided, repr(check)
    assert [str(s) for s in check.members] == ["{0,1}", "{0,2}", "{1,2}", "{0,1,2}"]
    assert check.outcomes == [md.NpsOutcome.certified] * 4
    # approximations are default-constructed for outcomes that are not approximate
    assert len(check.approximations) == 4
    for a in check.approximations:
        assert isinstance(a, md.NpsApproximationCheck) and not a.passed
    assert "; decided (re-checked: 4 certified" in repr(check)
    # the LP settings of the incentive-efficiency re-tests are the new fourth argument
    again = md.check_neutral_procedural(problem, r, NPS_TOL, md.PrimalOptions())
    assert again.decided and again.outcomes == check.outcomes
    again = md.check_neutral_procedural(problem, r, tol=NPS_TOL, options=md.PrimalOptions())
    assert again.passed


def test_check_refuses_a_solution_of_another_problem():
    # the two-player solution has no entry for the broker's coalitions
    with pytest.raises(md.IndexOutOfRange):
        md.check_neutral_procedural(broker_game(),
                                    md.neutral_bargaining_solution(bilateral_trade(True)))


def test_warrant_equation_residual_of_certified_and_perturbed_claims():
    problem = bilateral_trade(True)
    g = problem.grand()
    n = md.neutral_bargaining_solution(problem).at([0, 1])
    assert n.outcome == md.NpsOutcome.certified
    buyer_threat = md.singleton_threat(problem, 1)  # μ_{N∖0}: the seller alone
    seller_threat = md.singleton_threat(problem, 0)
    assert md.warrant_equation_residual(g, 0, n.lambda_, n.alpha, buyer_threat,
                                        n.claims[0]) <= 1e-6
    assert md.warrant_equation_residual(g, 1, n.lambda_, n.alpha, seller_threat,
                                        n.claims[1]) <= 1e-6
    # the paper's claims (90, 30) and 72 are warranted; (91, 30) and 73 are not
    assert md.warrant_equation_residual(g, 0, n.lambda_, n.alpha, buyer_threat,
                                        np.array([90.0, 30.0])) <= 1e-6
    off = md.warrant_equation_residual(g, 0, n.lambda_, n.alpha, buyer_threat,
                                       n.claims[0] + np.array([1.0, 0.0]))
    assert off > 1e-3
    assert md.warrant_equation_residual(g, 1, n.lambda_, n.alpha, seller_threat,
                                        n.claims[1] + 1.0) > 1e-3
    with pytest.raises(md.DimensionError):
        md.warrant_equation_residual(g, 0, n.lambda_, n.alpha, buyer_threat, np.zeros(3))
    with pytest.raises(md.NonFiniteError):
        md.warrant_equation_residual(g, 0, n.lambda_, n.alpha, buyer_threat,
                                     np.array([90.0, math.nan]))


def test_warrant_equation_residual_on_the_broker_grand_coalition():
    problem = broker_game()
    r = md.neutral_procedural_solution(problem)
    n = r.at([0, 1, 2])
    threats = threats_of(problem, r, [0, 1, 2])
    for k in range(3):
        assert md.warrant_equation_residual(n.problem, k, n.lambda_, n.alpha, threats[k],
                                            n.claims[k]) <= 1e-6, k
    # the broker's claim 3 (2.5) is warranted; 4 is not
    assert md.warrant_equation_residual(n.problem, 2, n.lambda_, n.alpha, threats[2],
                                        np.array([3.0])) <= 1e-6
    assert md.warrant_equation_residual(n.problem, 2, n.lambda_, n.alpha, threats[2],
                                        np.array([4.0])) > 1e-3


def test_check_nps_approximation_refuses_an_exact_outcome():
    problem = bilateral_trade(True)
    r = md.neutral_bargaining_solution(problem)
    n = r.at([0, 1])
    threats = [md.singleton_threat(problem, 1), md.singleton_threat(problem, 0)]
    a = md.check_nps_approximation(n.problem, threats, n)
    assert not a.passed and a.outcome == md.NpsOutcome.certified
    assert "is not approximate" in a.message
    assert repr(a).startswith("NPS approximation check FAILED: certified")
    with pytest.raises(md.ModelError):  # |S| < 2
        md.check_nps_approximation(r.at([0]).problem, [], r.at([0]))
    with pytest.raises(md.InvalidArgument):
        md.check_nps_approximation(n.problem, threats, n, tol=0.0)


def test_epsilon_option_range():
    o = md.NpsOptions()
    assert o.epsilon == pytest.approx(1e-6)
    for bad in (-1e-3, 1.5):
        o.epsilon = bad
        with pytest.raises(md.InvalidArgument):
            md.neutral_bargaining_solution(bilateral_trade(True), o)
    o.epsilon = math.nan
    with pytest.raises(md.InvalidArgument):  # NonFiniteError derives from InvalidArgument
        md.neutral_procedural_solution(broker_game(), o)
    # the bounds themselves are allowed; 0 disables approximate certificates
    for fine in (0.0, 1.0):
        o.epsilon = fine
        r = md.neutral_bargaining_solution(bilateral_trade(True), o)
        assert r.decided and r.at([0, 1]).outcome == md.NpsOutcome.certified


# seeds 0-7 mix certified and undecided coalitions (the undecided ones: games with money, where
# the simplicial stage does not run); seed 11's is epsilon_certified (epsilon 1e-9 with
# lambda > 0), which exercises the approximate re-check
@pytest.mark.parametrize("seed", list(range(8)) + [11])
def test_random_games_outcomes_agree_with_the_recheck(seed):
    # Whatever the search returns, its outcome is re-established by the independent check
    # (an approximate claim through check_nps_approximation), decided agrees with ok(), and
    # verified means certified.
    problem = sweeps.random_game(seed, types=2, decisions=4)
    r = md.neutral_bargaining_solution(problem)
    n = r.at([0, 1])
    assert (n.outcome == md.NpsOutcome.certified) == n.verified, repr(n)
    assert r.decided == r.ok() == (n.outcome != md.NpsOutcome.undecided), repr(r)
    assert r.verified == (n.outcome == md.NpsOutcome.certified)
    check = md.check_neutral_procedural(problem, r)
    assert check.outcomes == [n.outcome], (repr(n), repr(check))
    assert check.decided == r.decided
    if n.local_outcome in (md.NpsOutcome.epsilon_certified, md.NpsOutcome.degenerate_certified):
        threats = [md.singleton_threat(problem, 1), md.singleton_threat(problem, 0)]
        a = md.check_nps_approximation(n.problem, threats, n)
        assert a.passed and a.outcome == n.local_outcome, repr(a)
        assert n.approximation.epsilon_target > 0
        assert check.approximations[0].passed
