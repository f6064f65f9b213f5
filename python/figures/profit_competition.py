"""004 Figure 11: expected profit of the optimal menu as competition τ grows (uniform types,
v_s = 0.8), against giving full information for free and selling nothing, with the finite LP's
menu on a 64-type grid as points."""
import numpy as np
from figure_common import new_figure, out_dir, save

import mechdesign as md

pc = md.pricing


def main(vs=0.8, n=64):
    f = pc.TypeDistribution.uniform()
    v, p = pc.grid_types(f, n)
    taus = np.linspace(0.0, 2.0, 41)
    menu = [pc.solve_continuous(f, t, vs).profit for t in taus]
    coarse = taus[::4]
    lp = []
    for t in coarse:
        r = pc.solve_optimal_menu(pc.binary_environment(t, vs, v, p))
        assert r.ok(), repr(r)
        lp.append(r.profit)
    half = f.cdf(0.5)
    fig = new_figure()
    ax = fig.add_subplot()
    ax.plot(taus, menu, color="#1f77b4", lw=2, label="optimal menu (continuous types)")
    ax.plot(coarse, lp, "o", color="#1f77b4", label=f"finite LP, n = {n}")
    ax.plot(taus, -taus, color="#d62728", label="full information for free")
    ax.plot(taus, -taus * ((1 - vs) * half + vs * (1 - half)), color="#2ca02c",
            label="sell nothing")
    ax.axhline(0.0, color="k", lw=0.5)
    ax.set_xlabel("competition τ")
    ax.set_ylabel("expected profit")
    ax.set_title(f"Expected profit vs competition (uniform types, v_s = {vs:g}; 004 Figure 11)")
    ax.legend(loc="lower left", fontsize=9)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    save(fig, out_dir() / "profit_competition.png")


if __name__ == "__main__":
    main()
