"""The Dask scale-out of the sweeps: on a LocalCluster with 2 worker processes the results equal
the single-process sweep (exactly: the same LP per point) and the C++ sweep (1e-12, as
tests/bargaining/sweep_test.cpp compares its threaded sweep)."""
import numpy as np
import pytest

import mechdesign as md
from mechdesign import sweeps

distributed = pytest.importorskip("distributed")

ENV = (0.05, 0.55, 0.45, 1.0, 0.3)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_local_sweep_equals_the_cpp_sweep():
    p1, p2 = md.bargaining.interior_grid(5), md.bargaining.interior_grid(4)
    local = sweeps.gap_surface(ENV, p1, p2)
    cpp = md.bargaining.sweep_beliefs(md.bargaining.BargainingEnvironment.binary(*ENV), p1, p2)
    np.testing.assert_allclose(local["gap"], cpp.gap, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(local["value"], cpp.value, rtol=1e-12, atol=1e-14)


def test_dask_gap_surface_equals_local(client):
    assert len(client.scheduler_info()["workers"]) == 2
    p1, p2 = md.bargaining.interior_grid(6), md.bargaining.interior_grid(5)
    local = sweeps.gap_surface(ENV, p1, p2)
    remote = sweeps.gap_surface(ENV, p1, p2, client=client)
    np.testing.assert_array_equal(remote["gap"], local["gap"])
    np.testing.assert_array_equal(remote["value"], local["value"])
    assert np.nanmax(remote["gap"]) / ENV[3] <= 0.0625


def test_dask_menu_profits_equal_local(client):
    taus = np.linspace(0.0, 1.0, 6)
    local = sweeps.menu_profits(taus, 0.8, 16)
    remote = sweeps.menu_profits(taus, 0.8, 16, client=client)
    np.testing.assert_array_equal(remote, local)
    assert local[0] > 0 > local[-1]  # profitable without competition, not at tau = 1


def test_dask_nps_batch_equals_local(client):
    seeds = range(1, 7)
    local = sweeps.nps_batch(seeds)
    remote = sweeps.nps_batch(seeds, client=client)
    assert remote == local
    assert all(len(u) == 4 for _, u in local)
    assert any(verified for verified, _ in local)
