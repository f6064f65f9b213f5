#ifndef MECHDESIGN_BARGAINING_CLOSED_FORM_HPP
#define MECHDESIGN_BARGAINING_CLOSED_FORM_HPP

/// \file
/// \brief Closed forms of E(p, β) and Gap(p, β) for binary types: Proposition 1
/// (l1 < l2 < h1 < h2) and Proposition 2 (l1 < h1 < l2 < h2).
///
/// Reference: 002_d7418a08844545d3.txt §5.4. With x = β (player 1's share):
/// p2* = (l2 − l1)/(h2 − l1); in the first case p1*(x) = x / (x + (1 − x)(h2 − h1)/(h2 − l2)),
/// f2 = min(p2/p2*, (1 − p2)/(1 − p2*)) and
/// Δ(x) = x(1 − x) (h2 − l2)/(h2 − l1) · (h2 − h1)/(h2 − x l2 − (1 − x) h1) · (l2 − l1);
/// in the second case p2** = (l2 − h1)/(h2 − h1), p1*(x) = x,
/// f2 = max(0, min((p2 − p2**)/(p2* − p2**), (1 − p2)/(1 − p2*))) (the printed numerator
/// "p_i − p2**" is read as p2 − p2**) and Δ(x) = x(1 − x)(h2 − l2)(h1 − l1)/(h2 − l1).
/// In both, f1 = min(p1/p1*(x), (1 − p1)/(1 − p1*(x))), f = f1 f2,
/// E(p, x) = p_1·(x M_1(·; p_2)) + f Δ(x), hence Gap = f Δ(x).
/// At x ∈ {0, 1}, Δ = 0 and f1 is evaluated with the finite branch of the min.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "mechdesign/bargaining/environment.hpp"
#include "mechdesign/bargaining/monopoly.hpp"
#include "mechdesign/core/error.hpp"

namespace mechdesign::bargaining {

/// \brief Which ordering of the binary values holds (002 §5.4).
enum class value_order {
  overlapping,  ///< l1 < l2 < h1 < h2 (Proposition 1)
  separated,    ///< l1 < h1 < l2 < h2 (Proposition 2)
  other         ///< neither (e.g. h1 > h2, or ties)
};

/// \brief The ordering of the values of a binary environment (002 §5.4).
/// \throws dimension_error unless both players have two types.
inline value_order classify(const bargaining_environment& env) {
  if (!env.is_binary()) {
    throw dimension_error("bargaining::classify: the closed forms need two types per player");
  }
  const double l1 = env.values(0)(0), h1 = env.values(0)(1);
  const double l2 = env.values(1)(0), h2 = env.values(1)(1);
  if (l1 < l2 && l2 < h1 && h1 < h2) return value_order::overlapping;
  if (l1 < h1 && h1 < l2 && l2 < h2) return value_order::separated;
  return value_order::other;
}

/// \brief Every quantity of Proposition 1 or 2 at one (p, β).
struct closed_form_gap {
  value_order order = value_order::other;
  double x = 0.0;        ///< β, player 1's share
  double p2_star = 0.0;  ///< p2* = (l2 − l1)/(h2 − l1)
  double p2_star_star = std::numeric_limits<double>::quiet_NaN();  ///< p2** (Prop. 2 only)
  double p1_star = 0.0;                                            ///< p1*(x)
  double f1 = 0.0;                                                 ///< f_1(p_1; x)
  double f2 = 0.0;                                                 ///< f_2(p_2; x)
  double f = 0.0;                                                  ///< f(p; x) = f1 f2
  double delta = 0.0;                                              ///< Δ(x)
  double monopoly_value = 0.0;                                     ///< p_1·(x M_1(·; p_2))
  double value = 0.0;                                              ///< E(p, x)
  double gap = 0.0;                                                ///< f Δ(x)
};

/// \brief The threshold p1*(x) of Proposition 1 or 2 (002 §5.4) for the ordering of \p env.
/// \throws dimension_error, model_error (ordering covered by neither proposition),
/// non_finite_error / distribution_error (x outside [0, 1]).
inline double p1_star(const bargaining_environment& env, double x) {
  const bargaining_environment checked = env.with_power(x);  // validates x
  const double h1 = env.values(0)(1), l2 = env.values(1)(0), h2 = env.values(1)(1);
  switch (classify(checked)) {
    case value_order::overlapping:
      return x / (x + (1.0 - x) * (h2 - h1) / (h2 - l2));
    case value_order::separated:
      return x;
    default:
      throw model_error(
          "bargaining::p1_star: values satisfy neither l1 < l2 < h1 < h2 nor l1 < h1 < l2 < h2");
  }
}

/// \brief Proposition 1 (l1 < l2 < h1 < h2) or Proposition 2 (l1 < h1 < l2 < h2) of 002 §5.4 at
/// beliefs \p p and x = env.power().
/// \throws dimension_error (not binary, or beliefs of the wrong size), model_error (ordering
/// covered by neither proposition).
inline closed_form_gap proposition_gap(const bargaining_environment& env, const beliefs& p) {
  p.check_against(env, "bargaining::proposition_gap");
  closed_form_gap r;
  r.order = classify(env);
  if (r.order == value_order::other) {
    throw model_error(
        "bargaining::proposition_gap: values satisfy neither l1 < l2 < h1 < h2 (Proposition 1) "
        "nor l1 < h1 < l2 < h2 (Proposition 2)");
  }
  const double l1 = env.values(0)(0), h1 = env.values(0)(1);
  const double l2 = env.values(1)(0), h2 = env.values(1)(1);
  const double x = env.power();
  const double p1 = p.high(0), p2 = p.high(1);
  r.x = x;
  r.p2_star = (l2 - l1) / (h2 - l1);
  r.p1_star = p1_star(env, x);
  if (r.p1_star <= 0.0) {
    r.f1 = (1.0 - p1) / (1.0 - r.p1_star);
  } else if (r.p1_star >= 1.0) {
    r.f1 = p1 / r.p1_star;
  } else {
    r.f1 = std::min(p1 / r.p1_star, (1.0 - p1) / (1.0 - r.p1_star));
  }
  if (r.order == value_order::overlapping) {
    r.f2 = std::min(p2 / r.p2_star, (1.0 - p2) / (1.0 - r.p2_star));
    r.delta = x * (1.0 - x) * (h2 - l2) / (h2 - l1) * (h2 - h1) / (h2 - x * l2 - (1.0 - x) * h1) *
              (l2 - l1);
  } else {
    r.p2_star_star = (l2 - h1) / (h2 - h1);
    r.f2 = std::max(0.0, std::min((p2 - r.p2_star_star) / (r.p2_star - r.p2_star_star),
                                  (1.0 - p2) / (1.0 - r.p2_star)));
    r.delta = x * (1.0 - x) * (h2 - l2) * (h1 - l1) / (h2 - l1);
  }
  r.f = r.f1 * r.f2;
  r.monopoly_value = x * p.marginal(0).dot(monopoly_payoffs(env, p, 0));
  r.gap = r.f * r.delta;
  r.value = r.monopoly_value + r.gap;
  return r;
}

/// \brief Player 2's payoffs (u_2(l_2), u_2(h_2)) at the solution of (4.1) in the two cases of
/// 002 §5.4: Table 1 (zone B) for l1 < l2 < h1 < h2 and (C.5) for l1 < h1 < l2 < h2, with x = β.
///
/// u_2(l_2) = (1 − x) M_2(l_2; p_1) in both cases. u_2(h_2) − (1 − x) M_2(h_2; p_1) is
/// max(0, x(1 − p_1)(h_2 − l_2) − (1 − x) p_1 (h_2 − h_1)) for p_2 < p2* in the first case;
/// x(h_2 − l_2) for p_2 < p2** and max(0, x − p_1)(h_2 − l_2) for p2** ≤ p_2 < p2* in the second;
/// 0 for p_2 > p2* in both. Erratum: (C.5) as printed applies its middle line to every
/// p_2 ≥ p2**; above p2* the LP (with a small extra weight on u_2(h_2), so that any optimum with a
/// larger u_2(h_2) would be found) gives u_2(h_2) = (1 − x) M_2(h_2; p_1) — see the tests. At
/// p_2 = p2* (and p2**) the payoff jumps and the optimum is not unique.
/// \throws the exceptions of proposition_gap.
inline Eigen::Vector2d player2_payoffs(const bargaining_environment& env, const beliefs& p) {
  const closed_form_gap c = proposition_gap(env, p);  // validates
  const double h1 = env.values(0)(1), l2 = env.values(1)(0), h2 = env.values(1)(1);
  const double x = c.x, p1 = p.high(0), p2 = p.high(1);
  const Eigen::VectorXd m2 = (1.0 - x) * monopoly_payoffs(env, p, 1);
  double extra = 0.0;
  if (c.order == value_order::overlapping) {
    if (p2 < c.p2_star) {
      extra = std::max(0.0, x * (1.0 - p1) * (h2 - l2) - (1.0 - x) * p1 * (h2 - h1));
    }
  } else if (p2 < c.p2_star_star) {
    extra = x * (h2 - l2);
  } else if (p2 < c.p2_star) {
    extra = std::max(0.0, x - p1) * (h2 - l2);
  }
  return Eigen::Vector2d(m2(0), m2(1) + extra);
}

}  // namespace mechdesign::bargaining

#endif  // MECHDESIGN_BARGAINING_CLOSED_FORM_HPP
