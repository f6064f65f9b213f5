"""Bad input raises the mapped Python exceptions with the C++ message, never crashes the
interpreter; a Python callable's own exception propagates unchanged."""
import numpy as np
import pytest
from conftest import bilateral_trade, electoral_campaign, trade_beliefs

import mechdesign as md


def test_hierarchy():
    assert issubclass(md.InvalidArgument, ValueError)
    assert issubclass(md.InvalidArgument, md.Error)
    for e in (md.DimensionError, md.IndexOutOfRange, md.NonFiniteError, md.DistributionError,
              md.ZeroProbabilityError, md.ModelError):
        assert issubclass(e, md.InvalidArgument)
    assert issubclass(md.IndexOutOfRange, IndexError)
    assert issubclass(md.SolverError, RuntimeError) and issubclass(md.SolverError, md.Error)
    assert not issubclass(md.SolverError, ValueError)


def test_non_distribution_prior():
    with pytest.raises(md.DistributionError, match="sum to 1.1"):
        md.Prior.independent([np.array([0.8, 0.3])])
    with pytest.raises(md.DistributionError):
        md.Prior.independent([np.array([1.2, -0.2])])


def test_nan_utility_table():
    p = md.BayesianProblem(trade_beliefs())
    with pytest.raises(md.NonFiniteError, match="not finite"):
        p.set_decisions([0, 1], ["a", "b"], [np.array([[0.0, np.nan], [1.0, 1.0]]), np.zeros((2, 2))])


def test_wrong_sizes():
    p = md.BayesianProblem(trade_beliefs())
    with pytest.raises(md.DimensionError, match="expected 2x2"):
        p.set_decisions([0, 1], ["a", "b"], [np.zeros((2, 3)), np.zeros((2, 2))])
    with pytest.raises(md.DimensionError):
        p.set_decisions([0, 1], ["a", "b"], [np.zeros((2, 2))])  # one table for two members
    g = bilateral_trade(True).grand()
    with pytest.raises(md.InvalidArgument):
        md.solve_primal(g, [np.ones(3), np.ones(1)])  # three weights for two types
    with pytest.raises(md.DimensionError):
        md.interim_utilities(g, md.Mechanism(np.ones((3, 2)) / 3, np.zeros((2, 2))))
    with pytest.raises(md.DimensionError):
        md.persuasion.lottery_test(electoral_campaign(), np.array([1.0, 1.0, 1.0]))


def test_index_errors():
    with pytest.raises(md.IndexOutOfRange):
        md.Coalition([0, 99])
    with pytest.raises(IndexError):  # also a builtin IndexError
        bilateral_trade(True).grand().utility(5)
    with pytest.raises(md.ModelError, match="no decisions registered"):
        md.BayesianProblem(trade_beliefs()).grand()


def test_mechanism_not_a_distribution():
    g = bilateral_trade(True).grand()
    with pytest.raises(md.DistributionError):
        md.check_incentive_compatibility(g, md.Mechanism(np.ones((2, 2)), np.zeros((2, 2))))


def test_wrong_python_types_are_type_errors():
    with pytest.raises(TypeError):
        md.Prior.independent("not a list of arrays")
    with pytest.raises(TypeError):
        md.bargaining.Beliefs.binary("a", 0.5)


def test_raising_callable_propagates_with_its_message():
    p = md.BayesianProblem(trade_beliefs())

    def u(i, d, t):
        raise KeyError(f"no utility for player {i}")

    with pytest.raises(KeyError, match="no utility for player 0"):
        p.set_decisions([0, 1], ["a", "b"], u)
    assert not p.has_decisions(md.Coalition([0, 1]))  # nothing was registered
    with pytest.raises(ZeroDivisionError):
        md.shapley_value(2, lambda s: 1 / 0)
    f = md.pricing.TypeDistribution("broken", lambda v: 1.0, lambda v: [][1])
    with pytest.raises(IndexError, match="list index out of range"):
        md.pricing.solve_continuous(f, 0.0, 0.5)


def test_callable_returning_a_non_number():
    p = md.BayesianProblem(trade_beliefs())
    with pytest.raises(TypeError, match="utility callable returned 'x', expected a float"):
        p.set_decisions([0, 1], ["a"], lambda i, d, t: "x")


def test_invalid_options_and_ranges():
    with pytest.raises(md.InvalidArgument):
        md.bargaining.interior_grid(0)
    with pytest.raises(md.ZeroProbabilityError):
        md.bargaining.sweep_beliefs(md.bargaining.BargainingEnvironment.binary(0, 0.5, 0.4, 1, 0.5),
                                    np.array([0.0, 0.5]), np.array([0.5]))
    with pytest.raises(md.NonFiniteError):
        md.pricing.solve_continuous(md.pricing.TypeDistribution.uniform(), float("nan"), 0.5)
    with pytest.raises(md.ModelError):
        md.data_monetization.Game(2, 0.0)


def test_raising_progress_callback_stops_the_solve():
    o = md.NpsOptions()

    def progress(coalition, stage, residual):
        raise RuntimeError(f"stop at {stage}")

    o.progress = progress
    with pytest.raises(RuntimeError, match="stop at"):
        md.neutral_bargaining_solution(bilateral_trade(True), o)
