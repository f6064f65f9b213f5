#ifndef MECHDESIGN_LP_VERIFY_HPP
#define MECHDESIGN_LP_VERIFY_HPP

/// \file
/// \brief Independent check of an LP optimum: primal feasibility, dual feasibility,
/// complementary slackness and the duality gap, all computed from the model's data and the
/// returned x and row duals (nothing a solver reports about itself is trusted).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <string>

#include "mechdesign/core/error.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"

namespace mechdesign::lp {

namespace detail {

// For a dual value y of a constraint with bounds [lo, up]: which bound it prices. For a
// maximisation y > 0 prices the upper bound and y < 0 the lower; for a minimisation the reverse.
// Returns the bound, or NaN if that bound is infinite (the sign is then dual infeasible).
inline double priced_bound(double y, double lo, double up, objective_sense sense) {
  if (y == 0.0) return 0.0;
  const bool upper = (y > 0.0) == (sense == objective_sense::maximize);
  const double b = upper ? up : lo;
  return std::isfinite(b) ? b : std::nan("");
}

inline double scale_of(double lo, double up) {
  double m = 0.0;
  if (std::isfinite(lo)) m = std::max(m, std::abs(lo));
  if (std::isfinite(up)) m = std::max(m, std::abs(up));
  return 1.0 + m;
}

}  // namespace detail

/// \brief Verify that (x, row_duals) is an optimal primal–dual pair of \p m within \p tol.
///
/// Fills \p s.row_activity, \p s.reduced_costs (c − Aᵀy) and \p s.objective from the model and
/// returns the residuals. The dual objective is Σ_r y_r b_r + Σ_j d_j l_j + c0 with each bound
/// chosen by the sign of its multiplier (see lp/solution.hpp).
/// \throws dimension_error if the vectors do not match the model.
inline verification verify(const model& m, solution& s, double tol = 1e-7) {
  if (s.x.size() != m.num_cols() || s.row_duals.size() != m.num_rows()) {
    throw dimension_error(fmt::format("lp::verify: x has {} entries and duals {} for a {}x{} model",
                                      s.x.size(), s.row_duals.size(), m.num_rows(), m.num_cols()));
  }
  const model::sparse_matrix a = m.matrix();
  const Eigen::VectorXd c = m.objective_vector();
  s.row_activity = a * s.x;
  s.reduced_costs = c - a.transpose() * s.row_duals;
  s.objective = c.dot(s.x) + m.objective_constant();

  verification v;
  v.tolerance = tol;
  double dual = m.objective_constant();
  for (index_t r = 0; r < m.num_rows(); ++r) {
    const double lo = m.row_lower(r), up = m.row_upper(r), ax = s.row_activity(r);
    const double sc = detail::scale_of(lo, up);
    const double pv = std::max((lo - ax) / sc, (ax - up) / sc);
    if (pv > v.primal_infeasibility) {
      v.primal_infeasibility = pv;
      v.worst_primal = "row " + m.row_name(r);
    }
    const double y = s.row_duals(r);
    const double b = detail::priced_bound(y, lo, up, m.sense());
    if (std::isnan(b)) {
      if (std::abs(y) > v.dual_infeasibility) {
        v.dual_infeasibility = std::abs(y);
        v.worst_dual = "row " + m.row_name(r);
      }
    } else {
      dual += y * b;
      v.complementarity = std::max(v.complementarity, std::abs(y * (ax - b)) / sc);
    }
  }
  for (index_t j = 0; j < m.num_cols(); ++j) {
    const double lo = m.col_lower(j), up = m.col_upper(j), xj = s.x(j);
    const double sc = detail::scale_of(lo, up);
    const double pv = std::max((lo - xj) / sc, (xj - up) / sc);
    if (pv > v.primal_infeasibility) {
      v.primal_infeasibility = pv;
      v.worst_primal = "column " + m.col_name(j);
    }
    const double d = s.reduced_costs(j);
    const double b = detail::priced_bound(d, lo, up, m.sense());
    if (std::isnan(b)) {
      const double dv = std::abs(d) / (1.0 + std::abs(c(j)));
      if (dv > v.dual_infeasibility) {
        v.dual_infeasibility = dv;
        v.worst_dual = "column " + m.col_name(j);
      }
    } else {
      dual += d * b;
      v.complementarity = std::max(v.complementarity, std::abs(d * (xj - b)) / sc);
    }
  }
  v.dual_objective = dual;
  v.duality_gap = std::abs(s.objective - dual) / (1.0 + std::abs(s.objective));
  v.passed = std::isfinite(s.objective) && v.primal_infeasibility <= tol &&
             v.dual_infeasibility <= tol && v.complementarity <= tol && v.duality_gap <= tol;
  return v;
}

/// \brief One-line description of verification residuals.
inline std::string describe(const verification& v) {
  return fmt::format(
      "primal infeasibility {:.3g}{}, dual infeasibility {:.3g}{}, complementarity {:.3g}, "
      "duality gap {:.3g} (tolerance {:.3g})",
      v.primal_infeasibility, v.worst_primal.empty() ? "" : " at " + v.worst_primal,
      v.dual_infeasibility, v.worst_dual.empty() ? "" : " at " + v.worst_dual, v.complementarity,
      v.duality_gap, v.tolerance);
}

}  // namespace mechdesign::lp

#endif  // MECHDESIGN_LP_VERIFY_HPP
