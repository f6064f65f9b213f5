#ifndef MECHDESIGN_LP_VERIFY_HPP
#define MECHDESIGN_LP_VERIFY_HPP

/// \file
/// \brief The independent certificates of an LP answer, computed from the model's data and the
/// returned vectors only (nothing an engine reports about itself is trusted):
/// - optimality: primal feasibility, dual feasibility, complementary slackness, the duality gap,
///   and a bound on the error of the objective itself;
/// - infeasibility: a Farkas ray y, checked by min_{z∈[l,u]} yᵀz > max_{x∈[L,U]} (Aᵀy)ᵀx;
/// - unboundedness: a feasible x and a ray r in the recession cone with cᵀr > 0.
///
/// The objective error bound. For a maximisation, every feasible x* has
/// cᵀx* = yᵀAx* + dᵀx* ≤ D(y) with d = c − Aᵀy and D the dual objective (each multiplier priced at
/// the bound its sign selects). The bound adds up |cᵀx − D(y)| (the gap), the primal violations
/// weighed by |y| and |d|, and, for every multiplier whose sign selects an infinite bound (where
/// D(y) is +∞ in exact terms), |multiplier| · (1 + |value|) · 10 beyond what the engines' own
/// tolerances leave (tolerance / 100 of the size of the sum that produced the multiplier): a
/// proxy that no finite computation can make rigorous, which is why lp::solver re-checks badly
/// scaled models in exact arithmetic. All in the objective's units, divided by 1 + |cᵀx| — unlike
/// the scaled residuals, a large column cannot hide here behind a large coefficient.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <string>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/validate.hpp"
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

// Multiplier of the proxy term of the objective error bound (see the file comment).
inline constexpr double unbounded_side_factor = 10.0;
// Share of the certificate's tolerance that the proxy term forgives, relative to the size of the
// sum that produced a multiplier (the engines' own tolerances sit there: 1e-9 by default).
inline constexpr double rounding_share = 1e-2;

inline void check_sizes(const model& m, const model::sparse_matrix& a, const char* what) {
  if (a.rows() != m.num_rows() || a.cols() != m.num_cols()) {
    throw dimension_error(fmt::format("lp::{}: a {}x{} matrix for a {}x{} model", what, a.rows(),
                                      a.cols(), m.num_rows(), m.num_cols()));
  }
}

}  // namespace detail

/// \brief Certify that (x, row_duals) of \p s is an optimal primal–dual pair of \p m within
/// \p tol, with \p a the model's matrix (m.matrix(), passed in so that repeated checks reuse it).
///
/// Fills \p s.row_activity, \p s.reduced_costs (c − Aᵀy) and \p s.objective from the model and
/// returns the residuals and the objective error bound (file comment). A row's violation is
/// scaled by max(|bound|, Σ_j |a_rj x_j|, max_j |a_rj|), the size of the numbers its activity
/// sums (so that multiplying a row by a constant does not change its residual); a
/// column's dual residual by 1 + |c_j| + Σ_r |a_rj y_r|, for the same reason.
/// \param tol threshold of every residual and of the bound, > 0.
///        (NaN, ±∞ or a negative value throw non_finite_error / invalid_argument.)
/// \throws dimension_error if the vectors do not match the model.
/// \param m the model, valid; \param a its matrix (m.matrix()); \param s the point to certify,
/// with x and row_duals sized to the model.
inline verification verify(const model& m, const model::sparse_matrix& a, solution& s,
                           double tol = 1e-7) {
  mechdesign::detail::require_tolerance(tol, "tol", "lp::verify", HUGE_VAL);
  detail::check_sizes(m, a, "verify");
  if (s.x.size() != m.num_cols() || s.row_duals.size() != m.num_rows()) {
    throw dimension_error(fmt::format("lp::verify: x has {} entries and duals {} for a {}x{} model",
                                      s.x.size(), s.row_duals.size(), m.num_rows(), m.num_cols()));
  }
  const Eigen::VectorXd c = m.objective_vector();
  s.row_activity = a * s.x;
  s.reduced_costs = c - a.transpose() * s.row_duals;
  s.objective = c.dot(s.x) + m.objective_constant();

  verification v;
  v.kind = certificate_kind::optimality;
  v.tolerance = tol;
  double dual = m.objective_constant();
  double error = 0.0;     // absolute, before the final division
  double products = 0.0;  // largest |multiplier × distance to its priced bound|
  // The worst entries are kept as indices (r ≥ 0: row r; r < 0: column −r − 1) and named once.
  index_t worst_primal = 0, worst_dual = 0;
  bool have_primal = false, have_dual = false;
  auto side = [&](double y, double lo, double up, double value, double sc, double raw_scale,
                  index_t who) {
    const double pv = std::max({(lo - value) / sc, (value - up) / sc, 0.0});
    if (pv > v.primal_infeasibility) {
      v.primal_infeasibility = pv;
      worst_primal = who;
      have_primal = true;
    }
    error += std::abs(y) * pv * sc;
    const double b = detail::priced_bound(y, lo, up, m.sense());
    if (std::isnan(b)) {
      const double dv = std::abs(y) / raw_scale;
      if (dv > v.dual_infeasibility) {
        v.dual_infeasibility = dv;
        worst_dual = who;
        have_dual = true;
      }
      // beyond the rounding of the sum that produced it (raw_scale is that sum's size)
      const double excess = std::max(0.0, std::abs(y) - detail::rounding_share * tol * raw_scale);
      error += excess * (1.0 + std::abs(value)) * detail::unbounded_side_factor;
    } else {
      dual += y * b;
      products = std::max(products, std::abs(y * (value - b)));
    }
  };
  // A row's activity is a sum whose rounding error grows with Σ_j |a_rj x_j|: that magnitude
  // joins the bounds in the row's scale.
  // A row of small coefficients is as binding as the same row multiplied up: its scale is
  // max(|bound|, Σ_j |a_rj x_j|, max_j |a_rj|), not 1 + |bound| (which would let a row with
  // coefficients 1e-10 be violated by a thousand times its own size).
  Eigen::VectorXd terms = Eigen::VectorXd::Zero(m.num_rows());
  Eigen::VectorXd largest = Eigen::VectorXd::Zero(m.num_rows());
  for (index_t r = 0; r < a.outerSize(); ++r) {
    for (model::sparse_matrix::InnerIterator it(a, r); it; ++it) {
      terms(r) += std::abs(it.value() * s.x(it.col()));
      largest(r) = std::max(largest(r), std::abs(it.value()));
    }
  }
  for (index_t r = 0; r < m.num_rows(); ++r) {
    const double lo = m.row_lower(r), up = m.row_upper(r);
    const double sc = std::max({detail::scale_of(lo, up) - 1.0, terms(r), largest(r)});
    side(s.row_duals(r), lo, up, s.row_activity(r), sc > 0.0 ? sc : 1.0, 1.0, r);
  }
  // Likewise a reduced cost c_j − Σ_r a_rj y_r is scaled by 1 + |c_j| + Σ_r |a_rj y_r|.
  Eigen::VectorXd priced = c.cwiseAbs();
  for (index_t r = 0; r < a.outerSize(); ++r) {
    for (model::sparse_matrix::InnerIterator it(a, r); it; ++it)
      priced(it.col()) += std::abs(it.value() * s.row_duals(r));
  }
  for (index_t j = 0; j < m.num_cols(); ++j) {
    const double lo = m.col_lower(j), up = m.col_upper(j);
    side(s.reduced_costs(j), lo, up, s.x(j), detail::scale_of(lo, up), 1.0 + priced(j), -j - 1);
  }
  auto name = [&](index_t who) {
    return who >= 0 ? "row " + m.row_name(who) : "column " + m.col_name(-who - 1);
  };
  if (have_primal) v.worst_primal = name(worst_primal);
  if (have_dual) v.worst_dual = name(worst_dual);
  v.dual_objective = dual;
  const double denom = 1.0 + std::abs(s.objective);
  v.complementarity = products / denom;
  v.duality_gap = std::abs(s.objective - dual) / denom;
  v.objective_error = (std::abs(s.objective - dual) + error) / denom;
  v.passed = std::isfinite(s.objective) && std::isfinite(v.objective_error) &&
             v.primal_infeasibility <= tol && v.dual_infeasibility <= tol &&
             v.complementarity <= tol && v.duality_gap <= tol && v.objective_error <= tol;
  return v;
}

/// \brief verify() with the matrix built from \p m.
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline verification verify(const model& m, solution& s, double tol = 1e-7) {
  mechdesign::detail::require_tolerance(tol, "tol", "lp::verify", HUGE_VAL);
  return verify(m, m.matrix(), s, tol);
}

/// \brief Certify that \p y (one multiplier per row) proves \p m infeasible:
/// min_{z∈[l,u]} yᵀz − max_{x∈[L,U]} (Aᵀy)ᵀx > 0, scaled by Σ|y_r|(1 + |b_r|) + Σ|g_j|(1 + |B_j|).
///
/// An entry g_j of Aᵀy that faces an infinite bound must vanish; entries below
/// tol · ‖y‖₁ · (1 + ‖a_j‖∞) count as rounding, and their size is reported as dual_infeasibility.
/// \param tol threshold, > 0: the scaled margin must exceed it.
///        (NaN, ±∞ or a negative value throw non_finite_error / invalid_argument.)
/// \throws dimension_error if \p y does not match the model.
/// \param m the model, valid; \param a its matrix (m.matrix()); \param y one multiplier per
/// row, finite.
inline verification check_farkas(const model& m, const model::sparse_matrix& a,
                                 const Eigen::VectorXd& y, double tol = 1e-7) {
  mechdesign::detail::require_tolerance(tol, "tol", "lp::check_farkas", HUGE_VAL);
  detail::check_sizes(m, a, "check_farkas");
  if (y.size() != m.num_rows()) {
    throw dimension_error(
        fmt::format("lp::check_farkas: {} multipliers for {} rows", y.size(), m.num_rows()));
  }
  verification v;
  v.kind = certificate_kind::farkas;
  v.tolerance = tol;
  const double ynorm = y.lpNorm<1>();
  if (!(ynorm > 0.0) || !std::isfinite(ynorm)) {
    v.worst_dual = "the ray is zero or not finite";
    return v;
  }
  double lower = 0.0, scale = 0.0;
  for (index_t r = 0; r < m.num_rows(); ++r) {
    const double yr = y(r);
    if (yr == 0.0) continue;
    const double b = yr > 0.0 ? m.row_lower(r) : m.row_upper(r);
    if (!std::isfinite(b)) {
      const double dv = std::abs(yr) / ynorm;
      if (dv > v.dual_infeasibility) {
        v.dual_infeasibility = dv;
        v.worst_dual = "row " + m.row_name(r);
      }
      continue;
    }
    lower += yr * b;
    scale += std::abs(yr) * (1.0 + std::abs(b));
  }
  const Eigen::VectorXd g = a.transpose() * y;
  Eigen::VectorXd col_norm = Eigen::VectorXd::Zero(m.num_cols());
  for (index_t r = 0; r < a.outerSize(); ++r) {
    for (model::sparse_matrix::InnerIterator it(a, r); it; ++it)
      col_norm(it.col()) = std::max(col_norm(it.col()), std::abs(it.value()));
  }
  double upper = 0.0;
  for (index_t j = 0; j < m.num_cols(); ++j) {
    const double gj = g(j);
    if (gj == 0.0) continue;
    const double b = gj > 0.0 ? m.col_upper(j) : m.col_lower(j);
    if (!std::isfinite(b)) {
      const double dv = std::abs(gj) / (ynorm * (1.0 + col_norm(j)));
      if (dv > v.dual_infeasibility) {
        v.dual_infeasibility = dv;
        v.worst_dual = "column " + m.col_name(j);
      }
      continue;
    }
    upper += gj * b;
    scale += std::abs(gj) * (1.0 + std::abs(b));
  }
  v.dual_objective = lower - upper;
  v.margin = (lower - upper) / std::max(scale, ynorm);
  v.passed = std::isfinite(v.margin) && v.margin > tol && v.dual_infeasibility <= tol;
  return v;
}

/// \brief Certify that \p s.x is feasible for \p m and \p s.ray an improving direction of its
/// recession cone: (A r)_i ≥ 0 where row i has a lower bound, ≤ 0 where it has an upper bound,
/// likewise r_j against the column bounds, and cᵀr > tol · ‖c‖∞ · ‖r‖∞ (maximisation; < for a
/// minimisation). Fills s.row_activity and s.objective at s.x.
/// \param tol threshold of the scaled violations and of the margin, > 0.
///        (NaN, ±∞ or a negative value throw non_finite_error / invalid_argument.)
/// \throws dimension_error if the vectors do not match the model.
/// \param m the model, valid; \param a its matrix (m.matrix()); \param s the point (x) and
/// direction (ray), sized to the model.
inline verification check_ray(const model& m, const model::sparse_matrix& a, solution& s,
                              double tol = 1e-7) {
  mechdesign::detail::require_tolerance(tol, "tol", "lp::check_ray", HUGE_VAL);
  detail::check_sizes(m, a, "check_ray");
  if (s.x.size() != m.num_cols() || s.ray.size() != m.num_cols()) {
    throw dimension_error(
        fmt::format("lp::check_ray: x has {} entries and the ray {} for {} "
                    "columns",
                    s.x.size(), s.ray.size(), m.num_cols()));
  }
  verification v;
  v.kind = certificate_kind::ray;
  v.tolerance = tol;
  const Eigen::VectorXd c = m.objective_vector();
  s.row_activity = a * s.x;
  s.objective = c.dot(s.x) + m.objective_constant();
  const double rnorm = s.ray.lpNorm<Eigen::Infinity>();
  const double cnorm = c.lpNorm<Eigen::Infinity>();
  if (!(rnorm > 0.0) || !std::isfinite(rnorm) || !(cnorm > 0.0)) {
    v.worst_dual = "the ray or the objective is zero";
    return v;
  }
  const Eigen::VectorXd ar = a * s.ray;
  auto primal = [&](double lo, double up, double value, const std::string& name) {
    const double sc = detail::scale_of(lo, up);
    const double pv = std::max({(lo - value) / sc, (value - up) / sc, 0.0});
    if (pv > v.primal_infeasibility) {
      v.primal_infeasibility = pv;
      v.worst_primal = name;
    }
  };
  auto recession = [&](double lo, double up, double dir, double norm, const std::string& name) {
    double bad = 0.0;
    if (std::isfinite(lo)) bad = std::max(bad, -dir);
    if (std::isfinite(up)) bad = std::max(bad, dir);
    bad /= rnorm * (1.0 + norm);
    if (bad > v.dual_infeasibility) {
      v.dual_infeasibility = bad;
      v.worst_dual = name;
    }
  };
  Eigen::VectorXd row_norm = Eigen::VectorXd::Zero(m.num_rows());
  for (index_t r = 0; r < a.outerSize(); ++r) {
    for (model::sparse_matrix::InnerIterator it(a, r); it; ++it)
      row_norm(r) = std::max(row_norm(r), std::abs(it.value()));
  }
  for (index_t r = 0; r < m.num_rows(); ++r) {
    primal(m.row_lower(r), m.row_upper(r), s.row_activity(r), "row " + m.row_name(r));
    recession(m.row_lower(r), m.row_upper(r), ar(r), row_norm(r), "row " + m.row_name(r));
  }
  for (index_t j = 0; j < m.num_cols(); ++j) {
    primal(m.col_lower(j), m.col_upper(j), s.x(j), "column " + m.col_name(j));
    recession(m.col_lower(j), m.col_upper(j), s.ray(j), 0.0, "column " + m.col_name(j));
  }
  const double slope = c.dot(s.ray) * (m.sense() == objective_sense::maximize ? 1.0 : -1.0);
  v.margin = slope / (cnorm * rnorm);
  v.passed = std::isfinite(v.margin) && v.margin > tol && v.primal_infeasibility <= tol &&
             v.dual_infeasibility <= tol;
  return v;
}

/// \brief One-line description of a certificate's residuals.
inline std::string describe(const verification& v) {
  switch (v.kind) {
    case certificate_kind::farkas:
      return fmt::format(
          "Farkas margin {:.3g}, wrong-signed multipliers {:.3g}{} (tolerance {:.3g})", v.margin,
          v.dual_infeasibility, v.worst_dual.empty() ? "" : " at " + v.worst_dual, v.tolerance);
    case certificate_kind::ray:
      return fmt::format(
          "ray slope {:.3g}, recession violation {:.3g}{}, primal infeasibility {:.3g}{} "
          "(tolerance {:.3g})",
          v.margin, v.dual_infeasibility, v.worst_dual.empty() ? "" : " at " + v.worst_dual,
          v.primal_infeasibility, v.worst_primal.empty() ? "" : " at " + v.worst_primal,
          v.tolerance);
    case certificate_kind::none:
      return "no certificate";
    case certificate_kind::optimality:
      break;
  }
  return fmt::format(
      "primal infeasibility {:.3g}{}, dual infeasibility {:.3g}{}, complementarity {:.3g}, "
      "duality gap {:.3g}, objective error bound {:.3g}{} (tolerance {:.3g})",
      v.primal_infeasibility, v.worst_primal.empty() ? "" : " at " + v.worst_primal,
      v.dual_infeasibility, v.worst_dual.empty() ? "" : " at " + v.worst_dual, v.complementarity,
      v.duality_gap, v.objective_error, v.exact_recheck ? ", exact re-check" : "", v.tolerance);
}

}  // namespace mechdesign::lp

#endif  // MECHDESIGN_LP_VERIFY_HPP
