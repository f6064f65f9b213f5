"""000 Figure 1: the bargaining set B of the electoral campaign, its Pareto frontier, the
disagreement point (full revelation, 1.1 each), no information, the utopia point and the
symmetric endorsement rule's (1.2, 1.2). Right's payoff horizontally, Left's vertically."""
import numpy as np
from figure_common import new_figure, out_dir, save

import mechdesign as md

ps = md.persuasion


def main():
    u = np.array([[1.0, 1.0], [3.0, 0.0], [0.0, 3.0]])  # Centrist, Left, Right elected
    p = ps.Problem.state_independent(np.array([0.8, 0.1, 0.1]), np.eye(3), u)
    boundary = ps.bargaining_set_boundary(p)
    frontier = ps.pareto_frontier(p)
    assert boundary.ok() and frontier.ok()
    full = ps.ex_ante_payoffs(p, ps.full_information(p))
    none = ps.ex_ante_payoffs(p, ps.no_information(p))
    endorse = ps.ex_ante_payoffs(p, ps.symmetric_endorsement_rule(p))
    utopia = ps.utopia(p).payoffs

    fig = new_figure()
    ax = fig.add_subplot()
    b = np.array(boundary.vertices + [boundary.vertices[0]])
    f = np.array(frontier.vertices)
    ax.fill(b[:, 1], b[:, 0], color="#1f77b4", alpha=0.15, label="bargaining set B")
    ax.plot(b[:, 1], b[:, 0], color="#1f77b4", lw=1.5, label="boundary of B")
    ax.plot(f[:, 1], f[:, 0], color="#d62728", lw=2.5, label="Pareto frontier")
    ax.plot(full[1], full[0], "o", color="k", label="full revelation d = (1.1, 1.1)")
    ax.plot(none[1], none[0], "s", color="#7f7f7f", label="no information")
    ax.plot(endorse[1], endorse[0], "*", ms=14, color="#2ca02c",
            label="symmetric endorsement rule (1.2, 1.2)")
    ax.plot(utopia[1], utopia[0], "^", color="#ff7f0e", label="utopia point")
    ax.set_xlim(0.6, 1.7)
    ax.set_ylim(0.6, 1.7)
    ax.set_xlabel("Right's expected payoff")
    ax.set_ylabel("Left's expected payoff")
    ax.set_title("Bargaining set B of the electoral campaign (000, Figure 1)")
    ax.legend(loc="lower left", fontsize=9)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    save(fig, out_dir() / "bargaining_set.png")


if __name__ == "__main__":
    main()
