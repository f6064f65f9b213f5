#ifndef MECHDESIGN_DATA_MONETIZATION_DELEGATION_HPP
#define MECHDESIGN_DATA_MONETIZATION_DELEGATION_HPP

/// \file
/// \brief Delegation: the players let the designer take their actions, so obedience is dropped
/// but types are still reported strategically (001 Appendix E, Proposition 17).
///
/// Derivation (canonical normalisation, k = r(n−1), M = μ_θ + μ_t). Truthful participation needs,
/// as in Proposition 5, rent R' = ā and c = Cov(a_i, t_i)/σ_t² ≥ 1, and the largest payments
/// leave the rent R(t) = ā(t)²/(2c), now with a free mean action m. Per player
///   E p = E u_i − (m² + c² σ_t²)/(2c),
/// E u_i = m M + γ_θ + γ_own + k (m² + w) − (m² + v)/2 (eq. (2)). Noise adds s² (kρ − ½) < 0 when
/// −1/2 < r < 1/(2(n−1)), so the optimum is deterministic; then b = 1/(1 − 2k) (as in the first
/// best), d = 2 k c / D with D = (n−1)(1 − 2r(n−2)), m = M / (1 − 2k + 1/c), and c maximises
///   σ_t² [c/2 − Q c²/2] + M² c / (2((1 − 2k) c + 1)),   Q = 1 − 4k²/D,
/// i.e. solves σ_t² (½ − Q c) + M² / (2((1 − 2k)c + 1)²) = 0 (a cubic, eq. (47)), or c = 1 when
/// that root is below 1 (the monotonicity constraint binds). The welfare optimum under delegation
/// is the first best (7), which has c ≥ 1 and so is implementable.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/root_finding.hpp"
#include "mechdesign/data_monetization/benchmarks.hpp"
#include "mechdesign/data_monetization/game.hpp"
#include "mechdesign/data_monetization/mechanism.hpp"

namespace mechdesign::data_monetization {

/// \brief Revenue n E p of a delegated (not necessarily obedient) symmetric mechanism with the
/// payment-maximising participation payments (001 Appendix E); NaN when c < 1.
inline double delegated_revenue(const game& g, const symmetric_mechanism& x) {
  const double c = x.own_type_weight;
  if (!(c >= 1.0)) return std::numeric_limits<double>::quiet_NaN();
  const double rent = (x.mean_action * x.mean_action + c * c * g.prior().type_variance) / (2.0 * c);
  return g.players() * (expected_utility(g, moments(g, x)) - rent);
}

/// \brief The revenue-optimal delegated mechanism (001 Proposition 17).
struct [[nodiscard]] delegation_result : result_base {
  symmetric_mechanism mechanism;
  double unconstrained_own_weight = 0.0;  ///< root c* of the cubic (47)
  bool monotonicity_binding = false;      ///< c* < 1, so c = 1
  double revenue = 0.0;
  double welfare = 0.0;
  // status: success when a finite revenue was found (001 Proposition 17).
};

/// \brief Revenue-maximising symmetric delegated mechanism with truthful participation (001
/// Proposition 17).
/// \throws model_error unless −1/2 < r < 1/(2(n−1)) (otherwise revenue is unbounded).
inline delegation_result delegated_revenue_optimal(const game& g) {
  const double r = g.interaction(), n = g.players(), k = g.aggregate_interaction();
  if (!(2 * r > -1 && 2 * k < 1)) {
    throw model_error(
        fmt::format("data_monetization::delegated_revenue_optimal: revenue is unbounded unless "
                    "-1/2 < r < {} (r = {})",
                    1 / (2 * (n - 1)), r));
  }
  const auto& p = g.prior();
  const double M = p.state_mean + p.type_mean, st = p.type_variance;
  const double D = (n - 1) * (1 - 2 * r * (n - 2));
  const double Q = 1 - 4 * k * k / D;
  auto foc = [&](double c) {
    const double den = (1 - 2 * k) * c + 1;
    return st * (0.5 - Q * c) + M * M / (2 * den * den);
  };
  // foc decreases on c > 0 from foc(0) > 0; bracket and bisect
  delegation_result out;
  auto positive = [&](double c) { return foc(c) > 0; };
  root_options doubling;
  doubling.max_iterations = 1100;
  const root_bracket bracket = expand_bracket(positive, 0.0, 1.0, doubling);
  if (!bracket.ok()) {
    out.status = status::numerical_issue;
    out.message = "the first-order condition does not change sign: " + bracket.message;
    return out;
  }
  root_options narrowing;
  narrowing.relative_tolerance = 1e-15;
  narrowing.max_iterations = 200;
  const double root = bisect(positive, bracket.lower, bracket.upper, narrowing).midpoint();
  out.unconstrained_own_weight = root;
  out.monotonicity_binding = out.unconstrained_own_weight < 1;
  const double c = std::max(1.0, out.unconstrained_own_weight);
  symmetric_mechanism& x = out.mechanism;
  x.own_type_weight = c;
  x.others_type_weight = 2 * k * c / D;
  x.state_weight = 1 / (1 - 2 * k);
  x.mean_action = M / (1 - 2 * k + 1 / c);
  out.revenue = delegated_revenue(g, x);
  out.welfare = welfare(g, x);
  if (std::isfinite(out.revenue)) {
    out.status = status::success;
  } else {
    out.status = status::numerical_issue;
    out.message = "the delegated revenue is not finite";
  }
  return out;
}

}  // namespace mechdesign::data_monetization

#endif  // MECHDESIGN_DATA_MONETIZATION_DELEGATION_HPP
