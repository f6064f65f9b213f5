#ifndef MECHDESIGN_PERSUASION_NASH_HPP
#define MECHDESIGN_PERSUASION_NASH_HPP

/// \file
/// \brief The weighted Nash solution of the informational bargaining problem (B, d), with a
/// certified optimality gap and an information structure that attains it.
///
/// Reference: 000_b82d6ff4761a0a82.txt §4 (the weighted Nash solution, Proposition 6).
///
/// Weighted Nash solution: maximise f(x) = Σ_i α_i log(x_i − d_i) over x ∈ B, x ≥ d. f is
/// concave and separable, so it is solved by an outer linearisation (Kelley's cutting planes):
/// each iteration solves the LP max Σ_i α_i z_i over (π, z) with the tangent cuts
/// z_i ≤ log(t − d_i) + (x_i − t)/(t − d_i) collected so far; its value U is an upper bound on
/// f*. The lower bound is f at the best point found (the LP points and a line search towards
/// each). At the end one more LP gives the Frank–Wolfe bound: for concave f,
/// f* ≤ f(x̂) + max_{x∈B} ∇f(x̂)·(x − x̂). The reported optimality gap is
/// min(U, f(x̂) + FW) − f(x̂), a certified bound on f* − f(x̂); the solve stops when it is below
/// nash_options::gap_tolerance.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/lp/solver_error.hpp"
#include "mechdesign/persuasion/bargaining_set.hpp"
#include "mechdesign/persuasion/detail/structure_lp.hpp"
#include "mechdesign/persuasion/problem.hpp"

namespace mechdesign::persuasion {

/// \brief Options of the weighted Nash solution.
struct nash_options {
  double gap_tolerance =
      1e-9;  ///< stop when the certified gap on Σ α_i log(x_i − d_i) is below; finite, ≥ 0
  int max_iterations = 400;  ///< cutting-plane iterations, in [0, 10^6]
  /// LP settings; algorithm::automatic runs the dual simplex in the live cutting-plane LP.
  lp::solver_options lp;
};

/// \brief The weighted Nash bargaining solution with its certificate of optimality. status:
/// success when the certified gap is within nash_options::gap_tolerance, iteration_limit when
/// the iterations ran out first (the point and its gap are still reported), infeasible when no
/// IC structure gives every agent more than d.
struct nash_result : bargaining_point {
  Eigen::VectorXd alpha;             ///< the weights α ∈ Δ(N)
  double log_product = 0.0;          ///< f(x̂) = Σ α_i log(x̂_i − d_i)
  double upper_bound = 0.0;          ///< certified upper bound on max f over B
  double optimality_gap = 0.0;       ///< upper_bound − log_product
  double cutting_plane_bound = 0.0;  ///< Kelley's bound U
  double frank_wolfe_bound = 0.0;    ///< f(x̂) + max_B ∇f(x̂)·(x − x̂)
  int iterations = 0;                ///< cutting-plane iterations
  int lps = 0;                       ///< LPs solved
  bool converged = false;            ///< optimality_gap ≤ gap_tolerance
  bool beneficial = true;            ///< B has a point strictly above d (else no solution)
};

namespace detail {

inline double log_product(const Eigen::VectorXd& x, const Eigen::VectorXd& d,
                          const Eigen::VectorXd& alpha) {
  double f = 0.0;
  for (index_t i = 0; i < x.size(); ++i) {
    if (alpha(i) == 0.0) continue;
    const double g = x(i) - d(i);
    if (!(g > 0.0)) return -std::numeric_limits<double>::infinity();
    f += alpha(i) * std::log(g);
  }
  return f;
}

}  // namespace detail

/// \brief The weighted Nash bargaining solution: maximise Π_i (E(u_i|π) − d_i)^{α_i} over IC π
/// (000 §4), by cutting planes with a certified optimality gap (see the file comment).
/// \throws dimension_error (sizes, or an IC-structure LP beyond
/// mechdesign::detail::max_table_entries), non_finite_error, distribution_error (α not in Δ(N)),
/// solver_error.
[[nodiscard]] inline nash_result nash_solution(const problem& p,
                                               const Eigen::Ref<const Eigen::VectorXd>& d,
                                               const Eigen::Ref<const Eigen::VectorXd>& alpha,
                                               const nash_options& o = {}) {
  mechdesign::detail::check_tolerance(o.gap_tolerance, "nash_options::gap_tolerance",
                                      "nash_solution");
  mechdesign::detail::require_count(o.max_iterations, 0, 1000000, "nash_options::max_iterations",
                                    "nash_solution");
  detail::check_disagreement(p, d, "nash_solution");
  mechdesign::detail::require_distribution(alpha, p.num_agents(), "alpha", "nash_solution");
  const int n = p.num_agents();
  nash_result r;
  r.alpha = alpha;
  // a point strictly above d: the max-min gain structure
  auto base =
      detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize, "nash_solution");
  bargaining_point best;
  {
    const detail::max_min_gain_lp g = detail::make_max_min_gain_lp(p, d);
    lp::solution sol = lp::solve(g.lp.model, o.lp);
    ++r.lps;
    lp::require_optimal(sol, "nash_solution: max-min gain LP");
    if (!(sol.x(g.gain) > 1e-12)) {
      r.status = status::infeasible;
      r.beneficial = false;
      r.message = "no IC structure gives every agent more than d: the Nash product is 0 on B";
      return r;
    }
    best = detail::finish(p, g.lp, std::move(sol), 0.0);
  }
  double f_best = detail::log_product(best.payoffs, d, alpha);
  // cuts: per agent, tangent points t_i (x_i − d_i at the tangent)
  std::vector<std::vector<double>> tangents(static_cast<std::size_t>(n));
  auto add_tangents = [&](const Eigen::VectorXd& x) {
    for (int i = 0; i < n; ++i) {
      const double g = x(i) - d(i);
      if (g > 1e-12 && alpha(i) > 0.0) tangents[static_cast<std::size_t>(i)].push_back(g);
    }
  };
  add_tangents(best.payoffs);
  const utopia_point up = utopia(p, o.lp);
  r.lps += n;
  for (const auto& b : up.attained_by) lp::require_optimal(b.lp, "nash_solution: utopia LP");
  add_tangents(up.payoffs);
  // One live cutting-plane LP: the base structure LP, the rows x_i ≥ d_i and the columns z_i,
  // to which each iteration appends the tangent cuts z_i − (x_i − d_i)/g ≤ log g − 1 of the
  // tangent points found since the last solve, re-solving warm.
  auto s = base;
  std::vector<std::vector<std::pair<index_t, double>>> pay(static_cast<std::size_t>(n));
  std::vector<index_t> z(static_cast<std::size_t>(n), -1);
  for (int i = 0; i < n; ++i) {
    pay[static_cast<std::size_t>(i)] = s.payoff_terms(p.agent(i));
    s.model.add_row(fmt::format("ir({})", i), pay[static_cast<std::size_t>(i)], d(i), lp::inf);
    if (alpha(i) == 0.0) continue;
    z[static_cast<std::size_t>(i)] =
        s.model.add_variable(fmt::format("z({})", i), -lp::inf, lp::inf, alpha(i));
  }
  // Appended cuts leave the basis dual feasible: the dual simplex re-solves from it.
  lp::solver_options cut_options = o.lp;
  if (cut_options.method == lp::algorithm::automatic) cut_options.method = lp::algorithm::dual;
  lp::solver cuts(cut_options);
  cuts.load(s.model);
  std::vector<std::size_t> cut_count(static_cast<std::size_t>(n), 0);
  auto add_cuts = [&] {
    for (int i = 0; i < n; ++i) {
      const auto ui = static_cast<std::size_t>(i);
      if (alpha(i) == 0.0) continue;
      for (; cut_count[ui] < tangents[ui].size(); ++cut_count[ui]) {
        const double g = tangents[ui][cut_count[ui]];
        auto row = pay[ui];
        for (auto& term : row) term.second = -term.second / g;
        row.emplace_back(z[ui], 1.0);
        cuts.add_row(fmt::format("cut({})", i), std::move(row), -lp::inf,
                     std::log(g) - 1.0 - d(i) / g);
      }
    }
  };
  double upper = std::numeric_limits<double>::infinity();
  for (r.iterations = 1; r.iterations <= o.max_iterations; ++r.iterations) {
    add_cuts();
    lp::solution sol = cuts.solve();
    ++r.lps;
    lp::require_optimal(sol, "nash_solution: cutting-plane LP");
    upper = std::min(upper, sol.objective);
    bargaining_point cand = detail::finish(p, s, sol, 0.0);
    // line search on the segment [best, cand] (concave in the step)
    double lo = 0.0, hi = 1.0;
    auto at = [&](double step) {
      return detail::log_product(best.payoffs + step * (cand.payoffs - best.payoffs), d, alpha);
    };
    for (int k = 0; k < 60; ++k) {
      const double m1 = lo + (hi - lo) / 3.0, m2 = hi - (hi - lo) / 3.0;
      if (at(m1) < at(m2)) {
        lo = m1;
      } else {
        hi = m2;
      }
    }
    const double step = 0.5 * (lo + hi);
    const double f_step = at(step), f_cand = at(1.0);
    if (f_cand >= f_step && f_cand > f_best) {
      best = cand;
      f_best = f_cand;
    } else if (f_step > f_best) {
      best.structure = (1.0 - step) * best.structure + step * cand.structure;
      best.payoffs = ex_ante_payoffs(p, best.structure);
      best.lp = cand.lp;
      f_best = detail::log_product(best.payoffs, d, alpha);
    }
    add_tangents(cand.payoffs);
    add_tangents(best.payoffs);
    if (upper - f_best <= o.gap_tolerance) break;
  }
  r.iterations = std::min(r.iterations, o.max_iterations);
  // Frank–Wolfe bound at the best point
  Eigen::VectorXd grad(n);
  for (int i = 0; i < n; ++i) {
    grad(i) = alpha(i) == 0.0 ? 0.0 : alpha(i) / (best.payoffs(i) - d(i));
  }
  bargaining_point fw = support_point(p, grad, o.lp);
  ++r.lps;
  lp::require_optimal(fw.lp, "nash_solution: Frank-Wolfe LP");
  r.frank_wolfe_bound = f_best + std::max(0.0, fw.lp.objective - grad.dot(best.payoffs));
  r.cutting_plane_bound = upper;
  r.upper_bound = std::min(upper, r.frank_wolfe_bound);
  r.log_product = f_best;
  r.optimality_gap = std::max(0.0, r.upper_bound - f_best);
  r.converged = r.optimality_gap <= o.gap_tolerance;
  r.status = r.converged ? status::success : status::iteration_limit;
  r.payoffs = best.payoffs;
  r.structure = best.structure;
  r.lp = best.lp;
  r.value = f_best;
  if (!r.converged) {
    r.message =
        fmt::format("stopped after {} iterations with gap {:.3g}", r.iterations, r.optimality_gap);
  }
  return r;
}

}  // namespace mechdesign::persuasion

#endif  // MECHDESIGN_PERSUASION_NASH_HPP
