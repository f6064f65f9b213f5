"""Myerson and Satterthwaite with three types per side: no Bayesian-IC, interim-IR, ex-post
budget-balanced mechanism trades efficiently.

Buyer values v in {1, 2, 3}, seller costs c in {0.5, 1.5, 2.5}, independent and uniform.
Ex-post efficiency (trade iff v > c) gives expected gains from trade 7/9 = 0.7778. The primal
LP of 003 (3.5) with the prior as welfare weights and participation thresholds 0 finds the
largest expected gains of any IC, IR, balanced mechanism: 20/27 = 0.7407. The certificate is the
dual solution (alpha, beta) of the LP: by weak duality (3.7) at (alpha, beta) bounds the welfare
of every such mechanism, and it is 0.7407 < 0.7778, so none is efficient.
Run: PYTHONPATH=build/python python3 python/examples/myerson_satterthwaite.py
"""
import numpy as np

import mechdesign as md

VALUES = np.array([1.0, 2.0, 3.0])
COSTS = np.array([0.5, 1.5, 2.5])
PRIOR = np.full(3, 1.0 / 3.0)


def trade_problem():
    p = md.BayesianProblem(md.Prior.independent([PRIOR, PRIOR]))
    p.set_decisions([0], ["no trade"], lambda i, d, t: 0.0)
    p.set_decisions([1], ["no trade"], lambda i, d, t: 0.0)

    def u(i, d, t):
        if d == 0:
            return 0.0
        return VALUES[t[0]] if i == 0 else -COSTS[t[1]]

    p.set_decisions([0, 1], ["no trade", "trade"], u)
    p.set_money(md.BudgetRule.ex_post_balanced)
    return p


def main():
    problem = trade_problem()
    g = problem.grand()
    first_best = sum(PRIOR[a] * PRIOR[b] * max(VALUES[a] - COSTS[b], 0.0)
                     for a in range(3) for b in range(3))
    lam = [PRIOR.copy(), PRIOR.copy()]  # expected welfare
    thresholds = [np.zeros(3), np.zeros(3)]  # interim IR
    r = md.solve_primal(g, lam, thresholds)
    assert r.ok(), repr(r)
    print(r)
    print(f"ex-post efficient gains from trade: {first_best:.4f}")
    print(f"best IC, IR, budget-balanced gains: {r.objective:.4f}")
    # the certificate: (alpha, beta) and the dual objective (3.7) recomputed from them alone
    bound = md.dual_objective(g, r.lambda_, r.alpha, r.beta, r.thresholds)
    print(f"dual bound (3.7) at (alpha, beta): {bound:.4f}")
    for k, name in enumerate(["buyer", "seller"]):
        a = r.alpha[k]
        for t in range(3):
            for tau in range(3):
                if a[t, tau] > 1e-9:
                    print(f"  alpha[{name}]: type {t} -> report {tau}: {a[t, tau]:.6f}")
        for t in range(3):
            if r.beta[k][t] > 1e-9:
                print(f"  beta[{name}]: type {t}: {r.beta[k][t]:.6f}")
    gap = first_best - bound
    print(f"certificate: every IC, IR, balanced mechanism has gains <= {bound:.4f} "
          f"< {first_best:.4f} (short by {gap:.4f}), so none is ex-post efficient")
    assert bound < first_best - 1e-6


if __name__ == "__main__":
    main()
