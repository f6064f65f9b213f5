#ifndef MECHDESIGN_LP_DETAIL_CERTIFICATES_HPP
#define MECHDESIGN_LP_DETAIL_CERTIFICATES_HPP

/// \file
/// \brief Internal to lp::solver: the engines by kind, the magnitude spread that triggers exact
/// re-checks, and the certification of infeasible and unbounded claims by auxiliary LPs (the
/// phase-one LP, whose duals give a Farkas ray, and the recession LP, which gives a ray).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include "mechdesign/lp/detail/engine.hpp"
#include "mechdesign/lp/glpk.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/options.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/verify.hpp"
#ifdef MECHDESIGN_HAS_CLP
#include "mechdesign/lp/clp.hpp"
#endif

namespace mechdesign::lp::detail {

inline std::unique_ptr<engine_base> make_engine(engine e) {
#ifdef MECHDESIGN_HAS_CLP
  if (e == engine::clp) return std::make_unique<clp_engine>();
#endif
  (void)e;
  return std::make_unique<glpk_engine>();
}

// Largest / smallest nonzero magnitude among the coefficients and objective entries.
inline double magnitude_spread(const model& m, const model::sparse_matrix& a) {
  double lo = std::numeric_limits<double>::infinity(), hi = 0.0;
  for (index_t k = 0; k < a.nonZeros(); ++k) {
    const double v = std::abs(a.valuePtr()[k]);
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  for (index_t j = 0; j < m.num_cols(); ++j) {
    const double v = std::abs(m.objective(j));
    if (v == 0.0) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  return hi > 0.0 ? hi / lo : 1.0;
}

// Phase one: minimise the weighted violation of the rows, Σ w_r (p_r + n_r) with
// l_r ≤ a_r x + p_r − n_r ≤ u_r, w_r = 1 / (1 + |b_r|), x within its bounds.
inline model phase_one(const model& m) {
  model f(objective_sense::minimize);
  for (index_t j = 0; j < m.num_cols(); ++j) f.add_variable({}, m.col_lower(j), m.col_upper(j));
  for (index_t r = 0; r < m.num_rows(); ++r) {
    const double lo = m.row_lower(r), up = m.row_upper(r);
    const double w = 1.0 / scale_of(lo, up);
    std::vector<std::pair<index_t, double>> row = m.row_coefficients(r);
    if (std::isfinite(lo)) row.emplace_back(f.add_variable({}, 0.0, inf, w), 1.0);
    if (std::isfinite(up)) row.emplace_back(f.add_variable({}, 0.0, inf, w), -1.0);
    f.add_row({}, std::move(row), lo, up);
  }
  return f;
}

// The recession LP: the best slope of the objective along a ray r, ‖r‖∞ ≤ 1.
inline model recession(const model& m) {
  model f(m.sense());
  for (index_t j = 0; j < m.num_cols(); ++j) {
    f.add_variable({}, std::isfinite(m.col_lower(j)) ? 0.0 : -1.0,
                   std::isfinite(m.col_upper(j)) ? 0.0 : 1.0, m.objective(j));
  }
  for (index_t r = 0; r < m.num_rows(); ++r) {
    f.add_row({}, m.row_coefficients(r), std::isfinite(m.row_lower(r)) ? 0.0 : -inf,
              std::isfinite(m.row_upper(r)) ? 0.0 : inf);
  }
  return f;
}

/// Solves an auxiliary LP (always feasible and bounded) cold, retrying once on GLPK with the
/// other scaling and once exactly, and returns its certified optimum (status not_solved if none).
inline solution solve_auxiliary(const model& aux, const solver_options& options, engine kind,
                                engine_call call) {
  const model::sparse_matrix a = aux.matrix_unchecked();
  call.warm = false;
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::unique_ptr<engine_base> e = make_engine(attempt == 1 ? engine::glpk : kind);
    e->load(aux, a);
    if (attempt == 1) call.scale = !call.scale;
    engine_answer ans;
    if (attempt == 2) {
      auto* g = dynamic_cast<glpk_engine*>(e.get());
      if (g == nullptr || !options.exact_fallback) break;
      ans = g->solve_exact(call);
    } else {
      ans = e->solve(call);
    }
    if (ans.claim != solve_status::optimal) continue;
    solution s;
    s.x = std::move(ans.x);
    s.row_duals = std::move(ans.y);
    s.check = verify(aux, a, s, options.verify_tolerance);
    if (s.check.passed) {
      s.status = solve_status::optimal;
      return s;
    }
  }
  return {};
}

/// Certifies an engine's infeasible / unbounded claim on \p m (matrix \p a): a Farkas ray from
/// the phase-one LP, or a feasible point and a recession ray; sets s.status on success and
/// explains in s.message otherwise. \p auxiliary solves the auxiliary LPs (solve_auxiliary).
template <class Auxiliary>
void certify_claim(solution& s, solve_status claim, const model& m, const model::sparse_matrix& a,
                   const solver_options& options, Auxiliary&& auxiliary) {
  const double tol = options.verify_tolerance;
  const model f = phase_one(m);
  solution p1 = auxiliary(f);
  if (!p1.ok()) {
    s.message += "; the phase-one LP could not be solved to a certified optimum";
    return;
  }
  if (p1.objective > tol) {
    if (claim == solve_status::unbounded) {
      s.message +=
          fmt::format("; but the rows cannot all hold (weighted violation {:.3g})", p1.objective);
    }
    for (double sign : {1.0, -1.0}) {
      const Eigen::VectorXd y = sign * p1.row_duals;
      verification v = check_farkas(m, a, y, tol);
      if (v.passed) {
        s.farkas = y;
        s.check = v;
        s.status = solve_status::infeasible;
        s.message = fmt::format("infeasible: Farkas ray checked ({})", describe(v));
        return;
      }
      if (sign > 0) s.check = v;
    }
    s.message += "; no Farkas ray passed its check: " + describe(s.check);
    return;
  }
  if (claim == solve_status::infeasible) {
    s.message += fmt::format(
        "; but a phase-one LP found a point violating the rows by at most {:.3g} (weighted)",
        p1.objective);
    s.x = p1.x.head(m.num_cols());
    return;
  }
  const solution rl = auxiliary(recession(m));
  if (!rl.ok()) {
    s.message += "; the recession LP could not be solved to a certified optimum";
    return;
  }
  solution candidate;
  candidate.x = p1.x.head(m.num_cols());
  candidate.ray = rl.x;
  verification v = check_ray(m, a, candidate, tol);
  if (v.passed) {
    s.x = candidate.x;
    s.ray = candidate.ray;
    s.row_activity = candidate.row_activity;
    s.objective = candidate.objective;
    s.check = v;
    s.status = solve_status::unbounded;
    s.message = fmt::format("unbounded: feasible point and ray checked ({})", describe(v));
    return;
  }
  s.check = v;
  s.message += "; but no improving ray passed its check: " + describe(v);
}

}  // namespace mechdesign::lp::detail

#endif  // MECHDESIGN_LP_DETAIL_CERTIFICATES_HPP
