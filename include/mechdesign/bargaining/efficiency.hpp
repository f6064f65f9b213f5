#ifndef MECHDESIGN_BARGAINING_EFFICIENCY_HPP
#define MECHDESIGN_BARGAINING_EFFICIENCY_HPP

/// \file
/// \brief Λ-weighted interim efficiency over U(p) (§2.2) and the characterisation of Λ-optimal
/// allocations for binary types (Proposition 4, Appendix C).
///
/// Reference: 002_d7418a08844545d3.txt §2.2 (u is Λ-optimal under p if it maximises
/// Σ_i Λ_i·u_i over U(p), with Σ_{t_i} Λ_i(t_i) = 1) and Appendix C, Proposition 4 and (C.2)–(C.4).
///
/// Derivation used by proposition4(). Write D_i = u_i(h_i) − u_i(l_i); IC is
/// D_i ∈ [Δ_i Q_i(l), Δ_i Q_i(h)] with Q_i monotone, and ex-ante budget balance fixes
/// Σ_i p_i·u_i = W(q), the expected value of the allocation. Hence
/// Σ_i Λ_i·u_i = W(q) + Σ_i (Λ_i − p_i) D_i, maximised by D_i = Δ_i Q_i(h) when Λ_i > p_i and
/// D_i = Δ_i Q_i(l) when Λ_i < p_i. With Λ_1 = p_1 and q_1 = 1 − q_2 this makes the objective
/// linear in q_2 with, per profile (t_1, t_2), the coefficient
///   t_2 − t_1 + min(0, (Λ_2 − p_2)/(1 − p_2)) Δ_2   if t_2 = l_2,
///   t_2 − t_1 + max(0, (Λ_2 − p_2)/p_2) Δ_2         if t_2 = h_2,
/// times p(t) — the content of (C.4); q_2(t) is 1 where it is positive and 0 where negative.
/// Erratum: the printed (C.2) gives for q_2^{lh} (player 1 high, player 2 low) the thresholds
/// p_2 − (1 − p_2)(l_2 − h_1)/Δ_2 for "1" and p_2 − (1 − p_2)(l_2 − l_1)/Δ_2 for "0". The second
/// should be the first: the coefficient above changes sign only there. When l_2 < h_1 the
/// coefficient is negative for every Λ_2, so q_2^{lh} = 0 even where the printed rule says 1
/// (Λ_2 > p_2 + (1 − p_2)(h_1 − l_2)/Δ_2, a nonempty range since h_1 < h_2); the tests check this
/// against the LP.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "mechdesign/bargaining/environment.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/mechanism/primal.hpp"

namespace mechdesign::bargaining {

/// \brief A Λ-optimal payoff vector and the allocation the LP found.
struct [[nodiscard]] lambda_optimum : result_base {
  double value = 0.0;            ///< max Σ_i Λ_i·u_i over U(p)
  type_vectors<double> payoffs;  ///< u_i(t_i)
  allocation optimal_allocation;
  primal_result primal;  ///< the raw primal (3.5) solve; status is its LP status, mapped
};

/// \brief Λ-weighted interim efficiency (002 §2.2): maximise Σ_i Σ_{t_i} Λ_i(t_i) u_i(t_i) over
/// U(p), via the foundation's primal (3.5) on to_bayesian_problem(env, p).
/// \throws dimension_error, non_finite_error, distribution_error (a Λ_i that is negative or does
/// not sum to one).
inline lambda_optimum lambda_optimal(const bargaining_environment& env, const beliefs& p,
                                     const type_vectors<double>& weights,
                                     const primal_options& options = {}) {
  p.check_against(env, "bargaining::lambda_optimal");
  if (weights.size() != 2) {
    throw dimension_error(
        fmt::format("bargaining::lambda_optimal: {} weight vectors for 2 players", weights.size()));
  }
  for (int i = 0; i < 2; ++i) {
    if (weights[static_cast<std::size_t>(i)].size() != env.num_types(i)) {
      throw dimension_error(
          fmt::format("bargaining::lambda_optimal: weights of player {} have {} entries for {} "
                      "types",
                      i, weights[static_cast<std::size_t>(i)].size(), env.num_types(i)));
    }
    mechdesign::detail::check_distribution<double>(
        weights[static_cast<std::size_t>(i)], 1e-9,
        fmt::format("bargaining::lambda_optimal: Λ_{}", i + 1));
  }
  lambda_optimum r;
  r.primal = solve_primal(to_bayesian_problem(env, p).grand(), weights, {}, options);
  r.status = lp::to_result_status(r.primal.lp.status);
  if (!r.ok()) {
    r.message = r.primal.message;
    return r;
  }
  r.value = r.primal.objective;
  r.payoffs = r.primal.interim;
  r.optimal_allocation = to_allocation(env, r.primal.optimal_mechanism);
  return r;
}

/// \brief What Proposition 4 says about Λ-optimal allocations when Λ_1 = p_1.
struct proposition4_prediction {
  /// q_2(t_1, t_2) (rows: player 1's type l, h; columns: player 2's type l, h); NaN where the
  /// proposition leaves it free (a zero coefficient).
  Eigen::Matrix2d good2 = Eigen::Matrix2d::Constant(std::numeric_limits<double>::quiet_NaN());
  /// The coefficient of q_2(t) in the objective, divided by p(t) (see the file comment).
  Eigen::Matrix2d coefficient = Eigen::Matrix2d::Zero();
  /// +1: IC_2(l) binds, u_2(h) − u_2(l) = Δ_2 Q_2(h) (Λ_2 > p_2); −1: IC_2(h) binds,
  /// u_2(h) − u_2(l) = Δ_2 Q_2(l) (Λ_2 < p_2); 0: Λ_2 = p_2, no restriction.
  int binding_ic2 = 0;
  /// max Σ_i Λ_i·u_i = W(q) + (Λ_2 − p_2) Δ_2 Q_2(h or l) at the predicted allocation (free
  /// cells contribute nothing).
  double value = 0.0;
  double threshold_ll = 0.0;  ///< p_2 − (1 − p_2)(l_2 − l_1)/Δ_2 (C.2)
  double threshold_hl = 0.0;  ///< p_2 − (1 − p_2)(l_2 − h_1)/Δ_2 (C.2), player 1 high
};

/// \brief Proposition 4 (002 Appendix C, eq. (C.2) as corrected in the file comment): the
/// Λ-optimal allocation for binary types with Λ_1(h_1) = p_1 and Λ_2(h_2) = \p lambda2.
/// \throws dimension_error (not binary), non_finite_error / distribution_error (\p lambda2
/// outside [0, 1]).
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline proposition4_prediction proposition4(const bargaining_environment& env, const beliefs& p,
                                            double lambda2, double tol = 1e-12) {
  mechdesign::detail::require_tolerance(tol, "tol", "bargaining::proposition4", HUGE_VAL);
  p.check_against(env, "bargaining::proposition4");
  if (!env.is_binary()) throw dimension_error("bargaining::proposition4: needs binary types");
  if (!std::isfinite(lambda2)) {
    throw non_finite_error("bargaining::proposition4: Λ_2 is not finite");
  }
  if (lambda2 < 0.0 || lambda2 > 1.0) {
    throw distribution_error(
        fmt::format("bargaining::proposition4: Λ_2 = {} is outside [0, 1]", lambda2));
  }
  const double l1 = env.values(0)(0), h1 = env.values(0)(1);
  const double l2 = env.values(1)(0), h2 = env.values(1)(1);
  const double p1 = p.high(0), p2 = p.high(1), d2 = h2 - l2;
  proposition4_prediction r;
  r.threshold_ll = p2 - (1.0 - p2) * (l2 - l1) / d2;
  r.threshold_hl = p2 - (1.0 - p2) * (l2 - h1) / d2;
  const double low_shift = std::min(0.0, (lambda2 - p2) / (1.0 - p2)) * d2;
  const double high_shift = std::max(0.0, (lambda2 - p2) / p2) * d2;
  const double v1[2] = {l1, h1}, v2[2] = {l2, h2};
  for (int a = 0; a < 2; ++a) {
    for (int b = 0; b < 2; ++b) {
      const double c = v2[b] - v1[a] + (b == 0 ? low_shift : high_shift);
      r.coefficient(a, b) = c;
      if (c > tol * (1.0 + std::abs(v2[b]) + std::abs(v1[a]))) {
        r.good2(a, b) = 1.0;
      } else if (c < -tol * (1.0 + std::abs(v2[b]) + std::abs(v1[a]))) {
        r.good2(a, b) = 0.0;
      }
    }
  }
  r.binding_ic2 = lambda2 > p2 ? 1 : (lambda2 < p2 ? -1 : 0);
  // Value: W(q) + (Λ2 − p2) Δ2 Q2(·); free cells are set to 0 (their coefficient is 0).
  const double pr1[2] = {1.0 - p1, p1}, pr2[2] = {1.0 - p2, p2};
  double w = 0.0, q2_low = 0.0, q2_high = 0.0;
  for (int a = 0; a < 2; ++a) {
    for (int b = 0; b < 2; ++b) {
      const double q = std::isnan(r.good2(a, b)) ? 0.0 : r.good2(a, b);
      w += pr1[a] * pr2[b] * (q * v2[b] + (1.0 - q) * v1[a]);
      (b == 0 ? q2_low : q2_high) += pr1[a] * q;
    }
  }
  r.value = w + (lambda2 - p2) * d2 * (lambda2 > p2 ? q2_high : q2_low);
  return r;
}

}  // namespace mechdesign::bargaining

#endif  // MECHDESIGN_BARGAINING_EFFICIENCY_HPP
