"""Kamenica and Gentzkow's prosecutor and judge, as a one-sender persuasion problem.

The defendant is guilty with prior probability 0.3; the judge convicts iff her posterior that he
is guilty is at least 1/2 (payoff 1 for the right verdict, 0 otherwise); the prosecutor wants a
conviction whatever the state. The prosecutor's optimal information structure is the
single-sender support point persuasion.support_point(p, [1]): it recommends "convict" always when
guilty and with probability 3/7 when innocent, so the posterior after "convict" is exactly 1/2
and the conviction probability is 0.3 + 0.7 * 3/7 = 0.6 (against 0 without information and 0.3
with full information). Run: PYTHONPATH=build/python python3 python/examples/kamenica_gentzkow.py
"""
import numpy as np

import mechdesign as md

ps = md.persuasion


def main():
    prior = np.array([0.7, 0.3])  # states: innocent, guilty
    judge = np.array([[1.0, 0.0],  # acquit: right when innocent
                      [0.0, 1.0]])  # convict: right when guilty
    prosecutor = np.array([[0.0], [1.0]])  # u(acquit) = 0, u(convict) = 1
    p = ps.Problem.state_independent(prior, judge, prosecutor)
    best = ps.support_point(p, np.ones(1))
    assert best.ok(), repr(best)
    pi = best.structure
    print(best)
    print("information structure pi(action | state), rows innocent/guilty, columns acquit/convict:")
    print(np.round(pi, 6))
    print(f"posterior P(guilty | convict): {ps.posterior(p, pi, 1)[1]:.6f}")
    print(f"conviction probability: {best.payoffs[0]:.6f}")
    none = ps.ex_ante_payoffs(p, ps.no_information(p))[0]
    full = ps.ex_ante_payoffs(p, ps.full_information(p))[0]
    print(f"no information: {none:.6f}; full information: {full:.6f}")
    print("obedience:", ps.check_obedience(p.receiver(), p.prior(), pi, 1e-9))


if __name__ == "__main__":
    main()
