#ifndef MECHDESIGN_INFORMATION_OBEDIENCE_HPP
#define MECHDESIGN_INFORMATION_OBEDIENCE_HPP

/// \file
/// \brief The one obedience check of the library: does a decision maker who holds a belief and
/// receives recommendations from an experiment prefer to follow every recommendation?
/// Persuasion's IC (000_b82d6ff4761a0a82.txt §2) and selling information's obedience
/// (004_7f70667d8c91100b.txt Definition 3.5) are this check with the receiver's or the buyer's
/// payoff table.
///
/// Linear form: for every signal a and every action a', the gain
/// Σ_ω β(ω) π(a|ω)(u(a', ω) − u(a, ω)) — the posterior inequality multiplied by P(a), so that
/// rarely sent recommendations do not magnify rounding. These are exactly the rows that
/// information/detail/obedience_rows.hpp writes into LPs.

#include <Eigen/Core>
#include <cmath>
#include <limits>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/types.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign::information {

/// \brief Residuals of the obedience check (check_obedience()).
struct obedience_report {
  bool passed = true;        ///< no deviation gains more than the tolerance
  double worst_gain = 0.0;   ///< largest P(a)·[value of a' − value of a] at the posterior of a
  index_t recommended = -1;  ///< recommendation with the worst gain (-1: none, one action)
  index_t deviation = -1;    ///< the most profitable deviation from it
  double tolerance = 0.0;    ///< threshold used
};

/// \brief Obedience in its linear form (000 §2 IC; 004 Definition 3.5): for every recommended a
/// with P(a) > 0 and every a' ≠ a, Σ_ω β(ω) π(a|ω)(u(a', ω) − u(a, ω)) ≤ \p tol.
/// \param payoff the decision maker's payoff table u, |A| × |Ω| (finite).
/// \param belief the decision maker's belief β over Ω (finite; the check is linear in it).
/// \param pi the experiment, |Ω| × |A|, recommendations = actions (finite; its stochasticity is
///        not re-checked: callers validate it or, like pricing::check_menu, report it).
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
/// \throws dimension_error, non_finite_error, invalid_argument (tol).
[[nodiscard]] inline obedience_report check_obedience(
    const Eigen::Ref<const Eigen::MatrixXd>& payoff,
    const Eigen::Ref<const Eigen::VectorXd>& belief, const Eigen::Ref<const Eigen::MatrixXd>& pi,
    double tol = 1e-9) {
  const char* where = "information::check_obedience";
  mechdesign::detail::require_size(belief.size(), payoff.cols(), "the belief", where);
  mechdesign::detail::require_size(pi.rows(), payoff.cols(), "the experiment's rows (states)",
                                   where);
  mechdesign::detail::require_size(pi.cols(), payoff.rows(), "the experiment's columns (actions)",
                                   where);
  mechdesign::detail::check_tolerance(tol, "the tolerance", where);
  mechdesign::detail::require_finite(payoff, "the payoff table", where);
  mechdesign::detail::require_finite(belief, "the belief", where);
  mechdesign::detail::require_finite(pi, "the experiment", where);
  obedience_report r;
  r.tolerance = tol;
  r.worst_gain = -std::numeric_limits<double>::infinity();
  for (index_t a = 0; a < payoff.rows(); ++a) {
    const Eigen::VectorXd joint = pi.col(a).cwiseProduct(belief);
    if (!(joint.sum() > 0.0)) continue;
    const Eigen::VectorXd v = payoff * joint;
    for (index_t b = 0; b < payoff.rows(); ++b) {
      if (b == a) continue;
      const double gain = v(b) - v(a);
      if (gain > r.worst_gain) {
        r.worst_gain = gain;
        r.recommended = a;
        r.deviation = b;
      }
    }
  }
  if (r.recommended < 0) r.worst_gain = 0.0;  // one action, or nothing is recommended
  r.passed = r.worst_gain <= tol;
  return r;
}

}  // namespace mechdesign::information

#endif  // MECHDESIGN_INFORMATION_OBEDIENCE_HPP
