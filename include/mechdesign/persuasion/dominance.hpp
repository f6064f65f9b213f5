#ifndef MECHDESIGN_PERSUASION_DOMINANCE_HPP
#define MECHDESIGN_PERSUASION_DOMINANCE_HPP

/// \file
/// \brief Strict Pareto dominance of disagreement payoffs by an IC structure, for any
/// (state-dependent) payoffs, as the max-min-gain LP with its dual certificate.
///
/// Reference: 000_b82d6ff4761a0a82.txt §3.3.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <string>

#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/persuasion/beneficial.hpp"
#include "mechdesign/persuasion/detail/structure_lp.hpp"
#include "mechdesign/persuasion/problem.hpp"

namespace mechdesign::persuasion {

/// \brief The direct test for any payoffs (000 §3.3): is there an IC structure π with
/// E(u_i|π) > d_i for all i? The max-min-gain LP: maximise s subject to E(u_i|π) − s ≥ d_i.
/// ok() iff the LP reached a verified optimum.
struct dominance_result : result_base {
  bool beneficial = false;          ///< s* > tol
  double surplus = 0.0;             ///< s*
  information_structure structure;  ///< an optimal π
  Eigen::VectorXd payoffs;          ///< E(u|π)
  /// Dual weights y ≥ 0, Σ y = 1 with Σ_i y_i (E(u_i|π') − d_i) ≤ s* for every IC π'.
  Eigen::VectorXd weights;
  lp::solution lp;  ///< the max-min-gain LP
};

/// \brief Strict Pareto dominance of the disagreement payoffs \p d by an IC structure, as an LP
/// (000 §3.3), by the max-min-gain LP (detail::make_max_min_gain_lp).
/// \throws dimension_error, non_finite_error.
[[nodiscard]] inline dominance_result find_beneficial_structure(
    const problem& p, const Eigen::Ref<const Eigen::VectorXd>& d,
    const beneficial_options& o = {}) {
  detail::validate_beneficial_options(o, "find_beneficial_structure");
  mechdesign::detail::require_size(d.size(), p.num_agents(), "d", "find_beneficial_structure");
  mechdesign::detail::require_finite(d, "d", "find_beneficial_structure");
  const detail::max_min_gain_lp g = detail::make_max_min_gain_lp(p, d);
  const detail::structure_lp& s = g.lp;
  dominance_result r;
  r.lp = lp::solve(s.model, o.lp);
  r.status = lp::to_result_status(r.lp.status);
  if (!r.ok()) {
    r.message = "max-min-gain LP: " + r.lp.message;
    return r;
  }
  r.surplus = r.lp.x(g.gain);
  r.beneficial = r.surplus > o.tol;
  r.structure = s.read(r.lp.x);
  r.payoffs = ex_ante_payoffs(p, r.structure);
  r.weights.resize(p.num_agents());
  for (int i = 0; i < p.num_agents(); ++i) {
    r.weights(i) = std::max(0.0, -r.lp.row_duals(g.first_gain_row + i));
  }
  if (r.weights.sum() > 0.0) r.weights /= r.weights.sum();
  return r;
}

}  // namespace mechdesign::persuasion

#endif  // MECHDESIGN_PERSUASION_DOMINANCE_HPP
