"""Parameter sweeps whose points run as independent tasks, locally or on a Dask cluster.

Each sweep takes an optional ``client`` (a ``distributed.Client``). Without one, the points run
one after another in this process; with one, every point is a task (``client.map``) and the
results are gathered in grid order, so the answer does not depend on where the points ran.
Tasks receive only numbers and rebuild the C++ objects on the worker, because the compiled
objects are not picklable; the workers need ``mechdesign`` importable (the same PYTHONPATH).

On one machine::

    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
        surface = gap_surface((0.05, 0.55, 0.45, 1.0, 0.5), grid, grid, client=client)

On a real cluster, start ``dask scheduler`` on one host and ``dask worker tcp://HOST:8786`` on
the others (each with mechdesign on its PYTHONPATH), then pass ``Client("tcp://HOST:8786")``.
Within one machine the C++ sweeps' own threads (``bargaining.SweepOptions.threads``) are cheaper.
"""
import numpy as np

from . import _core

__all__ = ["gap_point", "gap_surface", "menu_profit", "menu_profits", "nps_batch", "nps_point",
           "random_game", "run_points"]


def gap_point(l1, h1, l2, h2, beta, p1, p2):
    """E and Gap at one belief point (002 (4.1)-(4.2)); NaN when the LP has no verified optimum."""
    bg = _core.bargaining
    env = bg.BargainingEnvironment.binary(l1, h1, l2, h2, beta)
    r = bg.solve_gap(env, bg.Beliefs.binary(p1, p2))
    return (r.value, r.gap) if r.ok() else (float("nan"), float("nan"))


def menu_profit(tau, seller_belief, n):
    """Profit of the optimal finite menu (004 (10)) for n uniform grid types at competition tau."""
    pc = _core.pricing
    v, p = pc.grid_types(pc.TypeDistribution.uniform(), int(n))
    r = pc.solve_optimal_menu(pc.binary_environment(tau, seller_belief, v, p))
    return r.profit if r.ok() else float("nan")


def run_points(function, points, client=None):
    """function(*point) for every point, in order: here, or as one Dask task per point."""
    points = [tuple(float(x) for x in pt) for pt in points]
    if client is None:
        return [function(*pt) for pt in points]
    futures = client.map(function, *zip(*points), pure=True)
    return client.gather(futures)


def gap_surface(environment, p1, p2, client=None):
    """E and Gap on the grid p1 × p2 for a binary environment (l1, h1, l2, h2, beta).

    Returns a dict with ``p1``, ``p2``, ``value`` and ``gap`` (arrays of shape len(p1) × len(p2)),
    the same layout as ``bargaining.sweep_beliefs``."""
    l1, h1, l2, h2, beta = (float(x) for x in environment)
    p1, p2 = np.asarray(p1, dtype=float), np.asarray(p2, dtype=float)
    points = [(l1, h1, l2, h2, beta, a, b) for a in p1 for b in p2]
    out = np.array(run_points(gap_point, points, client), dtype=float).reshape(len(p1), len(p2), 2)
    return {"p1": p1, "p2": p2, "value": out[..., 0], "gap": out[..., 1]}


def menu_profits(taus, seller_belief, n, client=None):
    """Optimal-menu profit at every competition level in ``taus`` (004 Figure 11's LP points)."""
    points = [(t, seller_belief, n) for t in np.asarray(taus, dtype=float)]
    return np.array(run_points(menu_profit, points, client), dtype=float)


def random_game(seed, types=2, decisions=3):
    """A two-player Bayesian game with money: uniform independent types, utilities drawn
    uniformly from [0, 10) by numpy's PCG64 seeded with ``seed``, a zero outside option."""
    rng = np.random.default_rng(int(seed))
    types, decisions = int(types), int(decisions)
    prior = _core.Prior.independent([np.full(types, 1.0 / types)] * 2)
    p = _core.BayesianProblem(prior)
    profiles = types * types
    for i in range(2):
        p.set_decisions([i], ["out"], [np.zeros((1, profiles))])
    tables = [np.vstack([np.zeros(profiles), rng.uniform(0.0, 10.0, (decisions - 1, profiles))])
              for _ in range(2)]
    p.set_decisions([0, 1], [f"d{k}" for k in range(decisions)], tables)
    p.set_money(_core.BudgetRule.ex_post_balanced)
    return p


def nps_point(seed, types=2, decisions=3):
    """The neutral bargaining solution of random_game(seed): (verified, interim utilities of
    both players concatenated)."""
    r = _core.neutral_bargaining_solution(random_game(seed, types, decisions))
    n = r.at(_core.Coalition([0, 1]))
    return bool(n.verified), tuple(float(x) for u in n.interim for x in u)


def nps_batch(seeds, types=2, decisions=3, client=None):
    """nps_point for every seed, in order (one task per game with a client)."""
    return run_points(nps_point, [(s, types, decisions) for s in seeds], client)
