"""Shared set-up of the figure scripts: the Agg backend, one pixel size, and argument parsing.

Every script writes one or more PNGs of WIDTH x HEIGHT pixels; `python3 SCRIPT.py [OUT_DIR]`
(default: the current directory) prints the files it wrote."""
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

WIDTH, HEIGHT, DPI = 960, 720, 120  # pixels of every PNG


def new_figure():
    return plt.figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)


def out_dir():
    d = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(".")
    d.mkdir(parents=True, exist_ok=True)
    return d


def save(fig, path):
    # no bbox_inches="tight": the PNG keeps exactly WIDTH x HEIGHT pixels; the legend is placed
    # inside the axes (or with tight_layout) so nothing is cut at the edges
    fig.savefig(path, dpi=DPI)
    plt.close(fig)
    print(f"wrote {path}")
