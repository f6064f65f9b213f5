"""Renders every figure of python/figures (matplotlib, Agg) into a temporary folder and checks
each PNG: a valid PNG signature, the scripts' WIDTH x HEIGHT pixels, and not a blank canvas."""
import os
import pathlib
import struct
import subprocess
import sys

import pytest

FIGURES = pathlib.Path(__file__).resolve().parents[1] / "figures"
sys.path.insert(0, str(FIGURES))
from figure_common import HEIGHT, WIDTH  # noqa: E402

CASES = {
    "bargaining_set.py": ["bargaining_set.png"],
    "gap_heatmap.py": ["gap_heatmap.png"],
    "decision_regions.py": ["decision_regions_figure6.png", "decision_regions_figure8.png"],
    "profit_competition.py": ["profit_competition.png"],
    "obedience_ellipse.py": ["obedience_ellipse.png"],
}


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("script", sorted(CASES))
def test_figure_renders(script, tmp_path):
    env = dict(os.environ, MPLBACKEND="Agg")
    out = subprocess.run([sys.executable, str(FIGURES / script), str(tmp_path)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    import matplotlib.image as mpimg

    for name in CASES[script]:
        path = tmp_path / name
        assert path.exists(), out.stdout
        assert path.stat().st_size > 10_000
        assert png_size(path) == (WIDTH, HEIGHT)
        pixels = mpimg.imread(str(path))
        assert pixels.shape[:2] == (HEIGHT, WIDTH)
        assert pixels[..., :3].std() > 0.05  # drawn on, not a blank canvas
