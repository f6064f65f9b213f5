#ifndef MECHDESIGN_MECHANISM_EFFICIENCY_HPP
#define MECHDESIGN_MECHANISM_EFFICIENCY_HPP

/// \file
/// \brief Incentive-efficiency test (Proposition 1): either weights λ ∈ Λ_{++} and multipliers
/// α that support a given IC mechanism through (3.8a–b), or an IC mechanism that Pareto-improves
/// it, with the types that gain named.
///
/// Reference: 003_c8f96a2253701fcb.txt §3.2, definition (3.4) and Proposition 1.
///
/// Method: solve max Σ_k Σ_t U_k(μ' | t) over IC mechanisms μ' subject to
/// U_k(μ' | t) ≥ U_k(μ | t) for every type (the primal (3.5) with unit weights and participation
/// thresholds at μ's interim utilities). μ is incentive efficient iff the optimal gain is zero.
/// Then μ is itself optimal, and the LP's dual gives λ = 1 + β > 0 and α satisfying (3.8a–b)
/// for μ by complementary slackness; both are normalised so that Σ λ = 1 (Λ_+ of §3.2), and the
/// conditions are re-checked on μ directly. Otherwise the optimal μ' is the improvement.

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/mechanism/primal.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"

namespace mechdesign {

/// \brief What the incentive-efficiency test concluded.
enum class efficiency_verdict {
  undetermined,             ///< the test did not finish (see efficiency_result::status)
  efficient,                ///< supported by λ > 0 and α (Proposition 1)
  improvable,               ///< an IC mechanism makes no type worse and some type better
  not_incentive_compatible  ///< the mechanism violates (3.2); nothing else was computed
};

/// \brief Short name of a verdict.
inline const char* to_string(efficiency_verdict v) noexcept {
  switch (v) {
    case efficiency_verdict::undetermined:
      return "undetermined";
    case efficiency_verdict::efficient:
      return "efficient";
    case efficiency_verdict::improvable:
      return "improvable";
    case efficiency_verdict::not_incentive_compatible:
      return "not_incentive_compatible";
  }
  return "unknown";
}

/// \brief A member's type, named by global player index.
struct player_type {
  int player = -1;
  index_t type = -1;
  friend bool operator==(const player_type& a, const player_type& b) noexcept {
    return a.player == b.player && a.type == b.type;
  }
};

/// \brief Result of test_incentive_efficiency(). status is success when the test reached a
/// verdict (any of efficient, improvable, not_incentive_compatible: each is a usable answer);
/// otherwise it is the status of the LP that failed and the verdict is undetermined.
struct efficiency_result : result_base {
  efficiency_verdict verdict = efficiency_verdict::undetermined;  ///< what the test concluded
  type_vectors<double> interim;  ///< U_k(μ | t) of the tested mechanism
  // When efficient:
  type_vectors<double> lambda;               ///< λ ∈ Λ_{++}, Σ λ = 1
  type_matrices<double> alpha;               ///< α with (3.8a–b), same normalisation
  efficiency_conditions<double> conditions;  ///< residuals of (3.2), (3.8a), (3.8b) at (μ, λ, α)
  // When improvable:
  mechanism<double> improvement;             ///< IC, weakly better for every type
  type_vectors<double> gains;                ///< U_k(improvement | t) − U_k(μ | t) ≥ 0
  std::vector<player_type> improving_types;  ///< types with a gain above the tolerance
  double total_gain = 0.0;                   ///< Σ_k Σ_t gains
  ic_report<double> ic;                      ///< IC check of the tested mechanism
  primal_result lp;                          ///< the underlying primal solve

  /// \brief True iff the verdict is `efficient`.
  bool efficient() const noexcept { return verdict == efficiency_verdict::efficient; }
};

/// \brief Test whether IC mechanism \p m is incentive efficient for coalition problem \p g
/// (003 Proposition 1), returning supporting (λ, α) or a Pareto improvement.
/// \param tol tolerance of the IC check and of a gain (relative to 1 + |U|), > 0.
///        (NaN, ±∞ or a negative value throw non_finite_error / invalid_argument.)
/// \returns the verdict; status is the LP's status if the LP does not reach a verified optimum.
/// \throws the exceptions of validate_mechanism on a malformed mechanism.
[[nodiscard]] inline efficiency_result test_incentive_efficiency(
    const coalition_problem<double>& g, const mechanism<double>& m, double tol = 1e-7,
    const primal_options& options = {}) {
  detail::require_tolerance(tol, "tol", "test_incentive_efficiency", HUGE_VAL);
  efficiency_result r;
  detail::with_entry("test_incentive_efficiency", [&] { validate_mechanism(g, m, tol); });
  r.ic = check_incentive_compatibility(g, m, tol);
  r.interim = interim_utilities(g, m);
  if (!r.ic.passed) {
    r.verdict = efficiency_verdict::not_incentive_compatible;
    r.status = status::success;
    r.message = fmt::format("type {} of player {} gains {} by reporting {}", r.ic.type, r.ic.player,
                            r.ic.worst_violation, r.ic.report);
    return r;
  }
  type_vectors<double> ones;
  for (int k = 0; k < g.num_members(); ++k) ones.push_back(Eigen::VectorXd::Ones(g.num_types(k)));
  r.lp = solve_primal(g, ones, r.interim, options);
  if (!r.lp.ok()) {
    r.status = r.lp.status;
    r.message = fmt::format("test_incentive_efficiency: the primal LP ended {}: {}",
                            to_string(r.lp.status), r.lp.message);
    return r;
  }
  r.status = status::success;
  r.total_gain = 0.0;
  for (int k = 0; k < g.num_members(); ++k) {
    Eigen::VectorXd gain =
        r.lp.interim[static_cast<std::size_t>(k)] - r.interim[static_cast<std::size_t>(k)];
    r.total_gain += gain.sum();
    for (index_t t = 0; t < gain.size(); ++t) {
      if (gain(t) > tol * (1.0 + std::abs(r.interim[static_cast<std::size_t>(k)](t)))) {
        r.improving_types.push_back({g.members().members()[static_cast<std::size_t>(k)], t});
      }
    }
    r.gains.push_back(std::move(gain));
  }
  if (!r.improving_types.empty()) {
    r.verdict = efficiency_verdict::improvable;
    r.improvement = r.lp.optimal_mechanism;
    r.message = fmt::format("{} type(s) can be made better off; total gain {}",
                            r.improving_types.size(), r.total_gain);
    return r;
  }
  double total_weight = 0.0;
  for (int k = 0; k < g.num_members(); ++k) {
    Eigen::VectorXd l = ones[static_cast<std::size_t>(k)] + r.lp.beta[static_cast<std::size_t>(k)];
    total_weight += l.sum();
    r.lambda.push_back(std::move(l));
  }
  r.alpha = r.lp.alpha;
  for (auto& l : r.lambda) l /= total_weight;
  for (auto& a : r.alpha) a /= total_weight;
  r.conditions = check_efficiency_conditions(g, m, r.lambda, r.alpha, tol);
  r.verdict = efficiency_verdict::efficient;
  if (!r.conditions.passed) {
    r.message = fmt::format(
        "no improvement exists, but the recovered (lambda, alpha) leave residuals: IC {:.3g}, "
        "(3.8a) {:.3g}, (3.8b) {:.3g}, transfers {:.3g}",
        r.conditions.ic_violation, r.conditions.complementary_slackness,
        r.conditions.virtual_optimality, r.conditions.transfer_imbalance);
  }
  return r;
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_EFFICIENCY_HPP
