"""002: Gap(p, β) over the beliefs (p1, p2) of the high types, from the LP sweep, with its
maximum marked; below 6.25 % of h2 everywhere (002 §4)."""
import numpy as np
from figure_common import new_figure, out_dir, save

import mechdesign as md

bg = md.bargaining


def main():
    env = bg.BargainingEnvironment.binary(0.05, 0.55, 0.45, 1.0, 0.5)  # l1 < l2 < h1 < h2
    grid = bg.interior_grid(30)
    s = bg.sweep_beliefs(env, grid, grid)
    assert s.ok(), repr(s)
    fig = new_figure()
    ax = fig.add_subplot()
    im = ax.imshow(s.gap.T, origin="lower", extent=(0, 1, 0, 1), aspect="equal", cmap="viridis")
    fig.colorbar(im, ax=ax, label="Gap(p, β)")
    ax.plot(grid[s.argmax_p1], grid[s.argmax_p2], "r*", ms=14,
            label=f"max Gap = {s.max_gap:.4f} = {100 * s.max_gap / env.values(1)[1]:.2f} % of h2")
    ax.set_xlabel("p1 = P(player 1's value is high)")
    ax.set_ylabel("p2 = P(player 2's value is high)")
    ax.set_title("Gap(p, β) over beliefs: l1 = 0.05, h1 = 0.55, l2 = 0.45, h2 = 1, β = 1/2 (002)")
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    save(fig, out_dir() / "gap_heatmap.png")


if __name__ == "__main__":
    main()
