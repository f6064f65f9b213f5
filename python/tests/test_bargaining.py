"""002 (bargaining): E and Gap by LP against the closed forms, and a Gap grid below 6.25 % of
h2, through Python. Mirrors tests/bargaining/sweep_test.cpp and gap_test.cpp (1e-9 LP vs
closed form)."""
import numpy as np
import pytest

import mechdesign as md

bg = md.bargaining


@pytest.mark.parametrize("separated", [False, True], ids=["overlapping", "separated"])
def test_gap_grid_below_6_25_percent(separated):
    env = (bg.BargainingEnvironment.binary(0.05, 0.45, 0.55, 1.0, 0.5) if separated
           else bg.BargainingEnvironment.binary(0.05, 0.55, 0.45, 1.0, 0.5))
    grid = bg.interior_grid(24)
    s = bg.sweep_beliefs(env, grid, grid)
    assert s.ok(), repr(s)
    assert s.solves == 24 * 24
    assert s.min_gap >= -1e-12
    assert s.max_gap / env.values(1)[1] <= 0.0625
    assert 0 < s.argmax_p1 < len(grid) - 1 and 0 < s.argmax_p2 < len(grid) - 1
    for a in range(len(grid)):
        for b in range(len(grid)):
            c = bg.proposition_gap(env, bg.Beliefs.binary(grid[a], grid[b]))
            assert s.gap[a, b] == pytest.approx(c.gap, abs=1e-9)


def test_single_point_lp_equals_closed_form():
    env = bg.BargainingEnvironment.binary(0.05, 0.55, 0.45, 1.0, 0.3)
    p = bg.Beliefs.binary(0.4, 0.6)
    r = bg.solve_gap(env, p)
    c = bg.proposition_gap(env, p)
    assert r.ok(), repr(r)
    assert c.order == bg.ValueOrder.overlapping
    assert r.value == pytest.approx(c.value, abs=1e-9)
    assert r.gap == pytest.approx(c.gap, abs=1e-9)
    assert r.monopoly_value == pytest.approx(c.monopoly_value, abs=1e-12)
    assert r.optimal_allocation.good1.shape == (2, 2)


def test_two_threads_equal_one():
    env = bg.BargainingEnvironment.binary(0.05, 0.55, 0.45, 1.0, 0.3)
    p1, p2 = bg.interior_grid(5), bg.interior_grid(4)
    one = bg.sweep_beliefs(env, p1, p2)
    o = bg.SweepOptions()
    o.threads = 2
    two = bg.sweep_beliefs(env, p1, p2, o)
    assert one.ok() and two.ok()
    np.testing.assert_allclose(two.gap, one.gap, rtol=1e-12, atol=1e-15)  # as sweep_test.cpp
    assert (one.argmax_p1, one.argmax_p2) == (two.argmax_p1, two.argmax_p2)


def test_power_sweep():
    env = bg.BargainingEnvironment.binary(0.05, 0.55, 0.45, 1.0, 0.5)
    p = bg.Beliefs.binary(0.5, 0.5)
    powers = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
    s = bg.sweep_power(env, p, powers)
    assert s.ok()
    for k, beta in enumerate(powers):
        assert s.gap[k] == pytest.approx(bg.proposition_gap(env.with_power(beta), p).gap, abs=1e-9)
