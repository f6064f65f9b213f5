"""001 Figure 4: the obedience ellipse E(b, d) ≥ 0 of a Cournot market (3 firms, β = 1/2) in
the plane (d = weight on each competitor's type, b = weight on the state), with the benchmarks,
the welfare- and revenue-optimal mechanisms and the welfare stationarity curve."""
import numpy as np
from figure_common import new_figure, out_dir, save

import mechdesign as md

dm = md.data_monetization


def main():
    inst = dm.Cournot(firms=3, substitution=0.5, demand_mean=2.0, demand_variance=1.0,
                      cost_mean=0.5, cost_variance=0.5)
    g = inst.canonical()
    e = dm.ellipse(g)
    phi = np.linspace(0, 2 * np.pi, 361)
    pts = np.array([e.boundary(x) for x in phi])  # (b, d)
    w = dm.welfare_optimal(inst)
    r = dm.revenue_optimal(inst)
    assert w.ok() and r.ok()
    fig = new_figure()
    ax = fig.add_subplot()
    ax.plot(pts[:, 1], pts[:, 0], color="#444444", lw=2, label="obedience ellipse (E)")
    if w.multiplier > 0:
        mus = list(w.multiplier * 10.0 ** np.linspace(-1, 3, 201))
        curve = np.array([c for c in dm.stationarity_curve(g, dm.welfare_objective(g), 0.0, mus)
                          if np.isfinite(c).all()])
        if len(curve):
            ax.plot(curve[:, 1], curve[:, 0], color="#1f77b4", lw=1, ls="--",
                    label="welfare stationarity curve")
    marks = [("no information", dm.uninformative(g), "#7f7f7f", "o"),
             ("state only", dm.state_only(g), "#8c564b", "s"),
             ("type only", dm.type_only(g), "#e377c2", "D"),
             ("complete information", dm.complete_information(g), "#2ca02c", "^"),
             ("welfare optimum", w.mechanism, "#1f77b4", "*"),
             ("revenue optimum", r.mechanism, "#d62728", "P")]
    for name, x, color, marker in marks:
        ax.plot(x.others_type_weight, x.state_weight, marker, color=color, ms=10, ls="none",
                label=name)
    pad = 0.15
    ax.set_xlim(e.others_center - (1 + pad) * e.others_semi_axis,
                e.others_center + (1 + pad) * e.others_semi_axis)
    ax.set_ylim(e.state_center - (1 + pad) * e.state_semi_axis,
                e.state_center + (1 + pad) * e.state_semi_axis)
    ax.set_xlabel("d = weight on each competitor's type")
    ax.set_ylabel("b = weight on the state")
    ax.set_title("Cournot (3 firms): obedience ellipse and optimal mechanisms (cf. 001 Figure 4)")
    ax.legend(loc="lower right", fontsize=9, framealpha=0.9)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    save(fig, out_dir() / "obedience_ellipse.png")


if __name__ == "__main__":
    main()
