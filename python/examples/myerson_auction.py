"""Myerson's optimal auction, computed as a Bayesian mechanism-design LP with mechdesign.

Two bidders with values {1, 2, 3}, independent and uniform; a seller who values the good at 0.
The seller is a third player with a single type whose utility is the money he receives
(ex-post balanced transfers), so maximising his interim utility over Bayesian-IC mechanisms
that give every bidder type at least 0 (interim IR) is maximising expected revenue: the primal
LP of 003 (3.5) with weight 1 on the seller and 0 on the bidders, participation thresholds 0.

Myerson's formula: with virtual values phi(v) = v - (v_next - v)(1 - F(v)) / f(v) the optimal
revenue is E[max(phi(v_1), phi(v_2), 0)] and the good goes to the highest non-negative virtual
value, here a reserve price of 2. Run: PYTHONPATH=build/python python3 python/examples/myerson_auction.py
"""
import numpy as np

import mechdesign as md

VALUES = np.array([1.0, 2.0, 3.0])
PRIOR = np.full(3, 1.0 / 3.0)


def auction_problem():
    beliefs = md.Prior.independent([PRIOR, PRIOR, np.ones(1)])
    p = md.BayesianProblem(beliefs)
    for i in range(3):
        p.set_decisions([i], ["nothing"], lambda i, d, t: 0.0)
    # decision 0: the seller keeps the good; 1 + k: bidder k gets it
    p.set_decisions([0, 1, 2], ["keep", "to bidder 0", "to bidder 1"],
                    lambda i, d, t: VALUES[t[i]] if (i < 2 and d == 1 + i) else 0.0)
    p.set_money(md.BudgetRule.ex_post_balanced)
    return p


def virtual_values(values, prior):
    cdf = np.cumsum(prior)
    nxt = np.append(values[1:], values[-1])
    return values - (nxt - values) * (1.0 - cdf) / prior


def main():
    problem = auction_problem()
    g = problem.grand()
    inf = float("inf")
    weights = [np.zeros(3), np.zeros(3), np.ones(1)]           # maximise the seller's revenue
    participation = [np.zeros(3), np.zeros(3), np.array([-inf])]  # interim IR for the bidders
    r = md.solve_primal(g, weights, participation)
    assert r.ok(), repr(r)
    print(r)
    print(f"LP revenue: {r.objective:.6f}")
    print(f"LP dual bound: {r.dual_objective:.6f}")
    phi = virtual_values(VALUES, PRIOR)
    formula = sum(PRIOR[a] * PRIOR[b] * max(phi[a], phi[b], 0.0)
                  for a in range(3) for b in range(3))
    print("virtual values:", " ".join(f"{x:g}" for x in phi))
    reserve = VALUES[np.argmax(phi >= 0)]
    print(f"virtual-value revenue: {formula:.6f}")
    print(f"reserve price: {reserve:g}")
    # the LP's allocation: a bidder of value 1 never gets the good
    mu = r.optimal_mechanism.probabilities
    types = g.types()
    low_wins = max(mu[1 + k, j] for j in range(g.num_profiles()) for k in range(2)
                   if types.type_of(j, k) == 0)
    print(f"largest probability that a value-1 bidder wins: {low_wins:.2e}")
    print("IC:", md.check_incentive_compatibility(g, r.optimal_mechanism, 1e-7))
    print("bidders' interim utilities:", [np.round(u, 6).tolist() for u in r.interim[:2]])


if __name__ == "__main__":
    main()
