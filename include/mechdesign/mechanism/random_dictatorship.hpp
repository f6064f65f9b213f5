#ifndef MECHDESIGN_MECHANISM_RANDOM_DICTATORSHIP_HPP
#define MECHDESIGN_MECHANISM_RANDOM_DICTATORSHIP_HPP

/// \file
/// \brief The conditional random dictatorship of a coalition: the average over its members i of
/// i's strong solution in Γ_S^i(μ_{S∖i}) (or, when i has none, of an undominated mechanism of
/// (4.3) with equal weights). The neutral procedural search starts from it.
///
/// Reference: 003_c8f96a2253701fcb.txt §2 (the random dictatorship (2.1) of bilateral trade),
/// §4 (strong solutions, (4.3)), §5 (the argument (5.2) behind Definition 4).

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <string>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/mechanism/primal.hpp"
#include "mechdesign/mechanism/selection.hpp"
#include "mechdesign/mechanism/warranted_claims.hpp"

namespace mechdesign {

/// \brief Result of conditional_random_dictatorship(): the averaged plan and, per member, what
/// its dictatorship contributed. ok() iff every member's mechanism was computed.
struct random_dictatorship_result : result_base {
  mechanism<double> plan;             ///< (1/|S|) Σ_i μ^i
  std::vector<std::string> outcomes;  ///< per member: "strong solution" or what replaced it
};

/// \brief The conditional random dictatorship of coalition S (003 §2, §4–5): the average of
/// every member's strong solution in Γ_S^i(μ_{S∖i}); a member without one contributes the
/// undominated mechanism of (4.3) for equal weights on its types, and when Γ_S^i is infeasible
/// (the threat is not attainable in D_S: the game is not superadditive at S) the utilitarian
/// primal optimum.
/// \param g the game Γ_S, |S| ≥ 2, independent types.
/// \param threats threats[k] = (Γ_{S∖i}, μ_{S∖i}, α^{S∖i}) for the k-th member i of S.
/// \param options LP settings of the selection LPs. \param tol tolerance of the strong-solution
/// tests, > 0 (NaN, ±∞ or a negative value throw non_finite_error / invalid_argument).
/// \returns status success with the plan, or the status of the first LP that failed.
/// \throws dimension_error if there is not one threat per member; the exceptions of
/// mechanism_selection (a threat of the wrong coalition, a correlated prior).
[[nodiscard]] inline random_dictatorship_result conditional_random_dictatorship(
    const coalition_problem<double>& g, const std::vector<coalition_threat>& threats,
    const primal_options& options = {}, double tol = 1e-7) {
  detail::require_tolerance(tol, "tol", "conditional_random_dictatorship", HUGE_VAL);
  const int n = g.num_members();
  if (static_cast<int>(threats.size()) != n) {
    throw dimension_error(fmt::format("conditional_random_dictatorship: {} threats for {} members",
                                      threats.size(), n));
  }
  random_dictatorship_result out;
  for (int k = 0; k < n; ++k) {
    const int player = g.members().members()[static_cast<std::size_t>(k)];
    mechanism_selection sel(g, player, threats[static_cast<std::size_t>(k)], options);
    const strong_solution_result strong = sel.strong_solution(tol);
    if (!strong.ok()) {
      out.status = strong.status;
      out.message = fmt::format("player {}: {}", player, strong.message);
      return out;
    }
    mechanism<double> pick;
    if (strong.exists()) {
      pick = strong.best_safe;
      out.outcomes.emplace_back("strong solution");
    } else {
      primal_result r = sel.undominated(Eigen::VectorXd::Ones(g.num_types(k)));
      if (r.lp.status == lp::solve_status::infeasible) {
        // No IC mechanism of S gives the others their threat payoffs: D_S does not contain
        // what the sub-coalition S∖i can do (the game is not superadditive at S). The
        // member's start is then the utilitarian primal optimum.
        type_vectors<double> l0;
        for (int j = 0; j < n; ++j) l0.push_back(g.beliefs().marginal(j));
        r = solve_primal(g, l0, {}, options);
        out.outcomes.emplace_back(
            "Gamma_S^i infeasible (the threat is not attainable in D_S: not superadditive); "
            "utilitarian optimum used");
      } else {
        out.outcomes.emplace_back(std::string("no strong solution (") + to_string(strong.verdict) +
                                  "); undominated mechanism used");
      }
      if (!r.ok()) {
        out.status = r.status;
        out.message =
            fmt::format("neutral_procedural_solution: start of the search: LP status {}{}{}",
                        lp::to_string(r.lp.status), r.lp.message.empty() ? "" : ": ", r.lp.message);
        return out;
      }
      pick = r.optimal_mechanism;
    }
    if (k == 0) {
      out.plan = pick;
    } else {
      out.plan.probabilities += pick.probabilities;
      if (g.money()) out.plan.transfers += pick.transfers;
    }
  }
  out.plan.probabilities /= static_cast<double>(n);
  if (g.money()) out.plan.transfers /= static_cast<double>(n);
  out.status = status::success;
  return out;
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_RANDOM_DICTATORSHIP_HPP
