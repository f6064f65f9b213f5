#ifndef MECHDESIGN_PERSUASION_BARGAINING_SET_HPP
#define MECHDESIGN_PERSUASION_BARGAINING_SET_HPP

/// \file
/// \brief The bargaining set B = {E(u|π) : π IC} (Proposition 5: a polytope) and solutions of
/// the informational bargaining problem (B, d): utopia point, weighted Nash, Kalai–Smorodinsky,
/// egalitarian, Pareto efficiency of a structure, and the two-agent boundary and Pareto frontier.
/// Every solution comes with an information structure that attains it.
///
/// Reference: 000_b82d6ff4761a0a82.txt §4 (Proposition 5, Assumption 3, the definitions of the
/// weighted Nash and Kalai–Smorodinsky solutions) and Appendix A.2.
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

#include "mechdesign/core/error.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/lp/solver_error.hpp"
#include "mechdesign/persuasion/detail/structure_lp.hpp"
#include "mechdesign/persuasion/problem.hpp"

namespace mechdesign::persuasion {

/// \brief A point of B with the IC structure that attains it.
struct bargaining_point {
  lp::solve_status status = lp::solve_status::not_solved;
  Eigen::VectorXd payoffs;          ///< x = E(u|π)
  information_structure structure;  ///< π
  double value = 0.0;               ///< the LP objective (support value, t of KS/egalitarian, ...)
  lp::solution lp;
  std::string message;
  bool ok() const noexcept { return status == lp::solve_status::optimal; }
};

namespace detail {

inline void check_disagreement(const problem& p, const Eigen::Ref<const Eigen::VectorXd>& d,
                               const char* who) {
  if (d.size() != p.num_agents()) {
    throw dimension_error(
        fmt::format("{}: d has {} entries for {} agents", who, d.size(), p.num_agents()));
  }
  check_finite(d, std::string(who) + ": d");
}

inline double payoff_scale(const problem& p) {
  double s = 0.0;
  for (int i = 0; i < p.num_agents(); ++i) s = std::max(s, p.agent(i).cwiseAbs().maxCoeff());
  return s;
}

/// The feasible set of \p m restricted to the optimal face of the verified optimum \p sol:
/// rows with a nonzero multiplier are fixed at their active bound and columns with a nonzero
/// reduced cost at theirs (complementary slackness). The objective is kept.
inline lp::model optimal_face(const lp::model& m, const lp::solution& sol, double tol = 1e-9) {
  lp::model face = m;
  for (index_t r = 0; r < face.num_rows(); ++r) {
    if (std::abs(sol.row_duals(r)) <= tol) continue;
    const double lo = face.row_lower(r), up = face.row_upper(r), ax = sol.row_activity(r);
    const double b = std::abs(ax - lo) <= std::abs(ax - up) ? lo : up;
    face.set_row_bounds(r, b, b);
  }
  for (index_t c = 0; c < face.num_cols(); ++c) {
    if (std::abs(sol.reduced_costs(c)) <= tol) continue;
    const double lo = face.col_lower(c), up = face.col_upper(c), x = sol.x(c);
    const double b = std::abs(x - lo) <= std::abs(x - up) ? lo : up;
    face.set_col_bounds(c, b, b);
  }
  return face;
}

inline bargaining_point finish(const problem& p, const structure_lp& s, lp::solution sol,
                               double value) {
  bargaining_point r;
  r.status = sol.status;
  r.message = sol.message;
  if (sol.ok()) {
    r.structure = s.read(sol.x);
    r.payoffs = ex_ante_payoffs(p, r.structure);
    r.value = value;
  }
  r.lp = std::move(sol);
  return r;
}

}  // namespace detail

/// \brief max_{x∈B} w·x and a structure attaining it (the support function of B, 000 §4).
/// \throws dimension_error, non_finite_error.
inline bargaining_point support_point(const problem& p,
                                      const Eigen::Ref<const Eigen::VectorXd>& weights,
                                      const lp::solver_options& options = {}) {
  detail::check_disagreement(p, weights, "support_point");
  auto s = detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize);
  Eigen::MatrixXd u = Eigen::MatrixXd::Zero(p.num_actions(), p.num_states());
  for (int i = 0; i < p.num_agents(); ++i) u += weights(i) * p.agent(i);
  for (const auto& [c, v] : s.payoff_terms(u)) s.model.set_objective(c, s.model.objective(c) + v);
  lp::solution sol = lp::solve(s.model, options);
  const double value = sol.objective;
  return detail::finish(p, s, std::move(sol), value);
}

/// \brief Lexicographic maximum: first w1·x, then w2·x over the optimal face of w1·x (an
/// extreme point of B, 000 §4). The face is fixed exactly by complementary slackness with the
/// first LP's verified duals: rows with a nonzero multiplier become equalities at their active
/// bound and columns with a nonzero reduced cost stay at their bound. If that restricted LP
/// fails, the first point is returned.
inline bargaining_point lexicographic_point(const problem& p,
                                            const Eigen::Ref<const Eigen::VectorXd>& w1,
                                            const Eigen::Ref<const Eigen::VectorXd>& w2,
                                            const lp::solver_options& options = {}) {
  detail::check_disagreement(p, w1, "lexicographic_point");
  detail::check_disagreement(p, w2, "lexicographic_point");
  auto s = detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize);
  Eigen::MatrixXd u1 = Eigen::MatrixXd::Zero(p.num_actions(), p.num_states());
  Eigen::MatrixXd u2 = u1;
  for (int i = 0; i < p.num_agents(); ++i) {
    u1 += w1(i) * p.agent(i);
    u2 += w2(i) * p.agent(i);
  }
  lp::model first_model = s.model;
  for (const auto& [c, v] : s.payoff_terms(u1)) first_model.set_objective(c, v);
  lp::solution first = lp::solve(first_model, options);
  if (!first.ok()) return detail::finish(p, s, std::move(first), 0.0);
  lp::model face = detail::optimal_face(s.model, first);
  for (const auto& [c, v] : s.payoff_terms(u2)) face.set_objective(c, v);
  lp::solution second = lp::solve(face, options);
  if (!second.ok()) {
    const double value = first.objective;
    return detail::finish(p, s, std::move(first), value);
  }
  const double value = second.objective;
  return detail::finish(p, s, std::move(second), value);
}

/// \brief The utopia point: max_Π E(u_i|π) for each agent, with the maximising structures
/// (000 §4, the Kalai–Smorodinsky reference point).
struct utopia_point {
  lp::solve_status status = lp::solve_status::not_solved;
  Eigen::VectorXd payoffs;  ///< η_i = max_Π E(u_i|π)
  std::vector<bargaining_point> attained_by;
  bool ok() const noexcept { return status == lp::solve_status::optimal; }
};

/// \brief The utopia point of B (000 §4).
inline utopia_point utopia(const problem& p, const lp::solver_options& options = {}) {
  utopia_point r;
  r.status = lp::solve_status::optimal;
  r.payoffs.resize(p.num_agents());
  for (int i = 0; i < p.num_agents(); ++i) {
    r.attained_by.push_back(support_point(p, Eigen::VectorXd::Unit(p.num_agents(), i), options));
    const auto& b = r.attained_by.back();
    if (!b.ok()) {
      r.status = b.status;
      continue;
    }
    r.payoffs(i) = b.lp.objective;
  }
  return r;
}

/// \brief The largest t with d + t·direction ∈ B, and a structure attaining it (the common
/// step of the egalitarian and Kalai–Smorodinsky solutions, 000 §4).
/// \throws dimension_error, non_finite_error.
inline bargaining_point ray_point(const problem& p, const Eigen::Ref<const Eigen::VectorXd>& d,
                                  const Eigen::Ref<const Eigen::VectorXd>& direction,
                                  const lp::solver_options& options = {}) {
  detail::check_disagreement(p, d, "ray_point");
  detail::check_disagreement(p, direction, "ray_point");
  auto s = detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize);
  const double big = 1.0 + 4.0 * (detail::payoff_scale(p) + d.cwiseAbs().maxCoeff());
  const double dmax = direction.cwiseAbs().maxCoeff();
  const double bound = dmax > 0.0 ? big / dmax : big;
  const index_t t = s.model.add_variable("t", -bound, bound, 1.0);
  for (int i = 0; i < p.num_agents(); ++i) {
    auto row = s.payoff_terms(p.agent(i));
    if (direction(i) != 0.0) row.emplace_back(t, -direction(i));
    s.model.add_row(fmt::format("ray({})", i), row, d(i), d(i));
  }
  lp::solution sol = lp::solve(s.model, options);
  const double value = sol.ok() ? sol.x(t) : 0.0;
  return detail::finish(p, s, std::move(sol), value);
}

/// \brief The egalitarian solution: the largest point of B of the form d + t·(1, …, 1)
/// (000 §4 and Proposition 6). value = t.
inline bargaining_point egalitarian_solution(const problem& p,
                                             const Eigen::Ref<const Eigen::VectorXd>& d,
                                             const lp::solver_options& options = {}) {
  return ray_point(p, d, Eigen::VectorXd::Ones(p.num_agents()), options);
}

/// \brief The Kalai–Smorodinsky solution: the largest point of B on the segment from d to the
/// utopia point (000 §4). value = t, the fraction of the way to utopia.
/// \throws solver_error if the utopia LPs fail.
inline bargaining_point kalai_smorodinsky_solution(const problem& p,
                                                   const Eigen::Ref<const Eigen::VectorXd>& d,
                                                   const lp::solver_options& options = {}) {
  detail::check_disagreement(p, d, "kalai_smorodinsky_solution");
  const utopia_point u = utopia(p, options);
  if (!u.ok()) {
    for (const auto& b : u.attained_by) {
      if (!b.ok()) throw solver_error("kalai_smorodinsky_solution: utopia point", b.lp);
    }
  }
  return ray_point(p, d, u.payoffs - d, options);
}

/// \brief Options of the weighted Nash solution.
struct nash_options {
  double gap_tolerance = 1e-9;  ///< stop when the certified gap on Σ α_i log(x_i − d_i) is below
  int max_iterations = 400;     ///< cutting-plane iterations
  /// LP settings; algorithm::automatic runs the dual simplex in the live cutting-plane LP.
  lp::solver_options lp;
};

/// \brief The weighted Nash bargaining solution with its certificate of optimality.
struct nash_result : bargaining_point {
  Eigen::VectorXd alpha;             ///< the weights α ∈ Δ(N)
  double log_product = 0.0;          ///< f(x̂) = Σ α_i log(x̂_i − d_i)
  double upper_bound = 0.0;          ///< certified upper bound on max f over B
  double optimality_gap = 0.0;       ///< upper_bound − log_product
  double cutting_plane_bound = 0.0;  ///< Kelley's bound U
  double frank_wolfe_bound = 0.0;    ///< f(x̂) + max_B ∇f(x̂)·(x − x̂)
  int iterations = 0;
  int lps = 0;             ///< LPs solved
  bool converged = false;  ///< optimality_gap ≤ gap_tolerance
  bool beneficial = true;  ///< B has a point strictly above d (else no solution)
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
/// \throws dimension_error, non_finite_error, distribution_error (α not in Δ(N)), solver_error.
inline nash_result nash_solution(const problem& p, const Eigen::Ref<const Eigen::VectorXd>& d,
                                 const Eigen::Ref<const Eigen::VectorXd>& alpha,
                                 const nash_options& o = {}) {
  detail::check_disagreement(p, d, "nash_solution");
  detail::check_belief(alpha, p.num_agents(), 1e-9, "nash_solution: alpha");
  const int n = p.num_agents();
  nash_result r;
  r.alpha = alpha;
  // a point strictly above d: the max-min gain structure
  auto base = detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize);
  const double big = 1.0 + 4.0 * (detail::payoff_scale(p) + d.cwiseAbs().maxCoeff());
  bargaining_point best;
  {
    auto s = base;
    const index_t t = s.model.add_variable("t", -big, big, 1.0);
    for (int i = 0; i < n; ++i) {
      auto row = s.payoff_terms(p.agent(i));
      row.emplace_back(t, -1.0);
      s.model.add_row(fmt::format("gain({})", i), row, d(i), lp::inf);
    }
    lp::solution sol = lp::solve(s.model, o.lp);
    ++r.lps;
    lp::require_optimal(sol, "nash_solution: max-min gain LP");
    if (!(sol.x(t) > 1e-12)) {
      r.status = lp::solve_status::infeasible;
      r.beneficial = false;
      r.message = "no IC structure gives every agent more than d: the Nash product is 0 on B";
      return r;
    }
    best = detail::finish(p, s, std::move(sol), 0.0);
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
  r.status = lp::solve_status::optimal;
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

/// \brief Pareto efficiency of a structure within B.
struct efficiency_report {
  lp::solve_status status = lp::solve_status::not_solved;
  bool efficient = false;   ///< no IC π' weakly improves all agents with a total gain > tol
  double total_gain = 0.0;  ///< max Σ_i (E(u_i|π') − E(u_i|π)) subject to no agent losing
  information_structure improvement;  ///< a dominating structure when not efficient
  bool ok() const noexcept { return status == lp::solve_status::optimal; }
};

/// \brief Whether the payoff vector \p x (e.g. of an IC structure) is Pareto efficient in B
/// (000 §4, Proposition 3, Theorem 3): LP max Σ_i (E(u_i|π') − x_i) s.t. E(u_i|π') ≥ x_i.
inline efficiency_report pareto_efficiency(const problem& p,
                                           const Eigen::Ref<const Eigen::VectorXd>& x,
                                           double tol = 1e-9,
                                           const lp::solver_options& options = {}) {
  detail::check_disagreement(p, x, "pareto_efficiency");
  auto s = detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize);
  Eigen::MatrixXd total = Eigen::MatrixXd::Zero(p.num_actions(), p.num_states());
  for (int i = 0; i < p.num_agents(); ++i) {
    total += p.agent(i);
    s.model.add_row(fmt::format("keep({})", i), s.payoff_terms(p.agent(i)),
                    x(i) - 1e-12 * (1.0 + std::abs(x(i))), lp::inf);
  }
  for (const auto& [c, v] : s.payoff_terms(total)) {
    s.model.set_objective(c, s.model.objective(c) + v);
  }
  s.model.set_objective_constant(-x.sum());
  efficiency_report r;
  const lp::solution sol = lp::solve(s.model, options);
  r.status = sol.status;
  if (!sol.ok()) return r;
  r.total_gain = sol.objective;
  r.efficient = r.total_gain <= tol;
  r.improvement = s.read(sol.x);
  return r;
}

/// \brief Vertices of a two-agent polygon in counter-clockwise order, each with a structure.
struct polygon {
  lp::solve_status status = lp::solve_status::not_solved;
  std::vector<Eigen::VectorXd> vertices;
  std::vector<information_structure> structures;
  int lps = 0;
  bool ok() const noexcept { return status == lp::solve_status::optimal; }
};

namespace detail {

inline double cross(const Eigen::VectorXd& o, const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return (a(0) - o(0)) * (b(1) - o(1)) - (a(1) - o(1)) * (b(0) - o(0));
}

// Insert the vertices of B strictly between P and Q (counter-clockwise), found by support LPs
// along the outward normal of PQ.
inline void refine(const problem& p, const bargaining_point& P, const bargaining_point& Q,
                   polygon& out, double tol, const lp::solver_options& options, int depth) {
  const Eigen::Vector2d dir(Q.payoffs(0) - P.payoffs(0), Q.payoffs(1) - P.payoffs(1));
  if (dir.norm() <= tol || depth > 60) return;
  const Eigen::Vector2d normal(dir(1), -dir(0));
  const bargaining_point R = lexicographic_point(p, normal, Eigen::Vector2d(-dir), options);
  ++out.lps;
  if (!R.ok()) {
    out.status = R.status;
    return;
  }
  const double beyond = normal.dot(R.payoffs) - normal.dot(P.payoffs.head<2>());
  if (beyond <= tol * (1.0 + normal.norm())) return;
  refine(p, P, R, out, tol, options, depth + 1);
  out.vertices.push_back(R.payoffs);
  out.structures.push_back(R.structure);
  refine(p, R, Q, out, tol, options, depth + 1);
}

inline void drop_collinear(polygon& g, double tol) {
  bool changed = true;
  while (changed && g.vertices.size() > 2) {
    changed = false;
    const std::size_t m = g.vertices.size();
    for (std::size_t b = 0; b < m; ++b) {
      const Eigen::VectorXd& pa = g.vertices[(b + m - 1) % m];
      const Eigen::VectorXd& pc = g.vertices[(b + 1) % m];
      const double len = (pc - pa).norm();
      if (std::abs(cross(pa, g.vertices[b], pc)) <= tol * (1.0 + len)) {
        g.vertices.erase(g.vertices.begin() + static_cast<std::ptrdiff_t>(b));
        g.structures.erase(g.structures.begin() + static_cast<std::ptrdiff_t>(b));
        changed = true;
        break;
      }
    }
  }
}

}  // namespace detail

/// \brief The whole boundary of B for two agents, as a counter-clockwise polygon (the
/// bargaining set of Figure 1, 000 §1 and Proposition 5).
/// \throws invalid_argument unless there are exactly two agents.
inline polygon bargaining_set_boundary(const problem& p, double tol = 1e-9,
                                       const lp::solver_options& options = {}) {
  if (p.num_agents() != 2) {
    throw invalid_argument("bargaining_set_boundary: exactly two agents are required");
  }
  polygon g;
  g.status = lp::solve_status::optimal;
  const Eigen::Vector2d dirs[4] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
  std::vector<bargaining_point> ext;
  for (int k = 0; k < 4; ++k) {
    // lexicographic tie-break along the next direction gives the counter-clockwise-last vertex
    ext.push_back(lexicographic_point(p, dirs[k], dirs[(k + 1) % 4], options));
    ++g.lps;
    if (!ext.back().ok()) {
      g.status = ext.back().status;
      return g;
    }
  }
  for (int k = 0; k < 4; ++k) {
    const auto& P = ext[static_cast<std::size_t>(k)];
    const auto& Q = ext[static_cast<std::size_t>((k + 1) % 4)];
    if (g.vertices.empty() || (g.vertices.back() - P.payoffs).norm() > tol) {
      g.vertices.push_back(P.payoffs);
      g.structures.push_back(P.structure);
    }
    detail::refine(p, P, Q, g, tol, options, 0);
  }
  while (g.vertices.size() > 1 && (g.vertices.back() - g.vertices.front()).norm() <= tol) {
    g.vertices.pop_back();
    g.structures.pop_back();
  }
  detail::drop_collinear(g, tol);
  return g;
}

/// \brief The Pareto frontier of B for two agents: its vertices from the best point for agent 1
/// to the best point for agent 2 (counter-clockwise), with structures (000 §4, Figure 1).
/// \throws invalid_argument unless there are exactly two agents.
inline polygon pareto_frontier(const problem& p, double tol = 1e-9,
                               const lp::solver_options& options = {}) {
  if (p.num_agents() != 2) {
    throw invalid_argument("pareto_frontier: exactly two agents are required");
  }
  polygon g;
  g.status = lp::solve_status::optimal;
  const bargaining_point A =
      lexicographic_point(p, Eigen::Vector2d(1, 0), Eigen::Vector2d(0, 1), options);
  const bargaining_point B =
      lexicographic_point(p, Eigen::Vector2d(0, 1), Eigen::Vector2d(1, 0), options);
  g.lps = 2;
  if (!A.ok() || !B.ok()) {
    g.status = A.ok() ? B.status : A.status;
    return g;
  }
  g.vertices.push_back(A.payoffs);
  g.structures.push_back(A.structure);
  detail::refine(p, A, B, g, tol, options, 0);
  if ((B.payoffs - A.payoffs).norm() > tol) {
    g.vertices.push_back(B.payoffs);
    g.structures.push_back(B.structure);
  }
  return g;
}

}  // namespace mechdesign::persuasion

#endif  // MECHDESIGN_PERSUASION_BARGAINING_SET_HPP
