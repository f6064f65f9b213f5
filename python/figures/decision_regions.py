"""004 Figures 6 and 8: what the optimal menu offers each of two buyer types (none, partial,
full information or zero-gain steering) over competition τ and the seller's belief v_s, from
the finite LP of program (11), with the model's thresholds τ^l and τ^h."""
import numpy as np
from matplotlib.patches import Patch
from figure_common import new_figure, out_dir, save

import mechdesign as md

pc = md.pricing
OFFERS = [pc.Offer.none, pc.Offer.partial, pc.Offer.full, pc.Offer.steering]
NAMES = {pc.Offer.none: "none", pc.Offer.partial: "partial", pc.Offer.full: "full",
         pc.Offer.steering: "steering"}


def region_map(v_low, v_high, phi=0.5, tau_step=0.1, vs_step=0.05):
    taus = tau_step * (np.arange(int(round(2.0 / tau_step))) + 0.5)
    beliefs = vs_step * (np.arange(int(round(1.0 / vs_step))) + 0.5)
    codes = np.zeros((len(beliefs), len(taus)), dtype=int)
    for i, vs in enumerate(beliefs):
        for j, tau in enumerate(taus):
            m = pc.solve_binary_types(pc.BinaryTypes(tau, vs, v_low, v_high, phi))
            assert m.ok(), repr(m)
            codes[i, j] = 4 * OFFERS.index(m.low) + OFFERS.index(m.high)
    return taus, beliefs, codes


def draw(name, v_low, v_high, path, phi=0.5):
    taus, beliefs, codes = region_map(v_low, v_high, phi)
    present = sorted(set(codes.ravel()))
    colors = ["#f7f7f7", "#c6dbef", "#6baed6", "#2171b5", "#fdd0a2", "#fd8d3c", "#d94801",
              "#a63603", "#c7e9c0", "#74c476", "#238b45", "#00441b", "#dadaeb", "#9e9ac8",
              "#6a51a3", "#3f007d"]
    rgb = np.array([matplotlib_color(colors[c]) for c in codes.ravel()]).reshape(*codes.shape, 3)
    fig = new_figure()
    ax = fig.add_subplot()
    ax.imshow(rgb, origin="lower", extent=(0, 2, 0, 1), aspect="auto", interpolation="nearest")
    handles = [Patch(color=colors[c], label=f"low {NAMES[OFFERS[c // 4]]}, high "
                     f"{NAMES[OFFERS[c % 4]]}") for c in present]
    # the model's thresholds as functions of v_s
    fine = np.linspace(0.01, 0.99, 99)
    th = [pc.model_thresholds(pc.BinaryTypes(0.0, vs, v_low, v_high, phi)) for vs in fine]
    (l1,) = ax.plot([t.tau_low for t in th], fine, "k--", lw=1.2, label="τ^l (model)")
    (l2,) = ax.plot([t.tau_high for t in th], fine, "k:", lw=1.5, label="τ^h (model)")
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 1)
    ax.set_xlabel("competition τ")
    ax.set_ylabel("seller's belief v_s = P(X = 0)")
    ax.set_title(f"{name}: LP offers, v_l = {v_low:.3g}, v_h = {v_high:.3g}, φ = {phi:g} (004)")
    ax.legend(handles=handles + [l1, l2], loc="upper right", fontsize=8, framealpha=0.9)
    fig.tight_layout()
    save(fig, path)


def matplotlib_color(hex_color):
    return tuple(int(hex_color[k:k + 2], 16) / 255.0 for k in (1, 3, 5))


def main():
    d = out_dir()
    draw("Figure 6 (congruent types)", 5.0 / 6.0, 2.0 / 3.0, d / "decision_regions_figure6.png")
    draw("Figure 8 (noncongruent types)", 1.0 / 6.0, 2.0 / 3.0, d / "decision_regions_figure8.png")


if __name__ == "__main__":
    main()
