#ifndef MECHDESIGN_PERSUASION_BARGAINING_SET_HPP
#define MECHDESIGN_PERSUASION_BARGAINING_SET_HPP

/// \file
/// \brief The bargaining set B = {E(u|π) : π IC} (Proposition 5: a polytope) and solutions of
/// the informational bargaining problem (B, d): support points, utopia point,
/// Kalai–Smorodinsky, egalitarian, Pareto efficiency of a structure, and the two-agent boundary
/// and Pareto frontier (the weighted Nash solution is in nash.hpp). Every solution comes with an
/// information structure that attains it.
///
/// Reference: 000_b82d6ff4761a0a82.txt §4 (Proposition 5, Assumption 3, the definitions of the
/// weighted Nash and Kalai–Smorodinsky solutions) and Appendix A.2.
///
#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/lp/solver_error.hpp"
#include "mechdesign/persuasion/detail/structure_lp.hpp"
#include "mechdesign/persuasion/problem.hpp"

namespace mechdesign::persuasion {

/// \brief A point of B with the IC structure that attains it; ok() iff its LP reached a
/// verified optimum.
struct bargaining_point : result_base {
  Eigen::VectorXd payoffs;          ///< x = E(u|π)
  information_structure structure;  ///< π
  double value = 0.0;               ///< the LP objective (support value, t of KS/egalitarian, ...)
  lp::solution lp;                  ///< the LP that found it
};

namespace detail {

inline void check_disagreement(const problem& p, const Eigen::Ref<const Eigen::VectorXd>& d,
                               const char* who, const char* what = "the disagreement point d") {
  mechdesign::detail::require_size(d.size(), p.num_agents(), what, who);
  mechdesign::detail::require_finite(d, what, who);
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
  r.status = lp::to_result_status(sol.status);
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
/// \param weights one finite weight per agent, of any magnitude (the LP uses w / max |w_i|).
/// \throws dimension_error (sizes, or an IC-structure LP beyond
/// mechdesign::detail::max_table_entries), non_finite_error.
[[nodiscard]] inline bargaining_point support_point(
    const problem& p, const Eigen::Ref<const Eigen::VectorXd>& weights,
    const lp::solver_options& options = {}) {
  detail::check_disagreement(p, weights, "support_point", "the weights (one per agent)");
  auto s = detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize, "support_point");
  // the objective uses w / max |w_i|, so weights of any finite magnitude give the same LP
  const double wmax = weights.cwiseAbs().maxCoeff();
  const double unit = wmax > 0.0 ? wmax : 1.0;
  Eigen::MatrixXd u = Eigen::MatrixXd::Zero(p.num_actions(), p.num_states());
  for (int i = 0; i < p.num_agents(); ++i) u += (weights(i) / unit) * p.agent(i);
  for (const auto& [c, v] : s.payoff_terms(u)) s.model.set_objective(c, s.model.objective(c) + v);
  lp::solution sol = lp::solve(s.model, options);
  const double value = sol.objective * unit;
  return detail::finish(p, s, std::move(sol), value);
}

/// \brief Lexicographic maximum: first w1·x, then w2·x over the optimal face of w1·x (an
/// extreme point of B, 000 §4). The face is fixed exactly by complementary slackness with the
/// first LP's verified duals: rows with a nonzero multiplier become equalities at their active
/// bound and columns with a nonzero reduced cost stay at their bound. If that restricted LP
/// fails, the first point is returned.
[[nodiscard]] inline bargaining_point lexicographic_point(
    const problem& p, const Eigen::Ref<const Eigen::VectorXd>& w1,
    const Eigen::Ref<const Eigen::VectorXd>& w2, const lp::solver_options& options = {}) {
  detail::check_disagreement(p, w1, "lexicographic_point", "the first weights");
  detail::check_disagreement(p, w2, "lexicographic_point", "the second weights");
  auto s =
      detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize, "lexicographic_point");
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
/// ok() iff every agent's LP reached a verified optimum.
struct utopia_point : result_base {
  Eigen::VectorXd payoffs;                    ///< η_i = max_Π E(u_i|π)
  std::vector<bargaining_point> attained_by;  ///< agent i's maximising point
};

/// \brief The single-sender persuasion optimum (Kamenica–Gentzkow): the structure that maximises
/// agent \p sender's ex-ante payoff, i.e. support_point() with weight 1 on the sender (000 §4).
/// \param p the persuasion problem; \param sender in [0, p.num_agents()).
/// \param options LP settings.
/// \throws index_error for a bad sender, and as support_point().
[[nodiscard]] inline bargaining_point optimal_signal(const problem& p, int sender = 0,
                                                     const lp::solver_options& options = {}) {
  mechdesign::detail::require_index(sender, p.num_agents(), "the sender", "optimal_signal");
  return support_point(p, Eigen::VectorXd::Unit(p.num_agents(), sender), options);
}

/// \brief The utopia point of B (000 §4).
[[nodiscard]] inline utopia_point utopia(const problem& p, const lp::solver_options& options = {}) {
  utopia_point r;
  r.status = status::success;
  r.payoffs = Eigen::VectorXd::Zero(p.num_agents());
  for (int i = 0; i < p.num_agents(); ++i) {
    r.attained_by.push_back(support_point(p, Eigen::VectorXd::Unit(p.num_agents(), i), options));
    const auto& b = r.attained_by.back();
    if (!b.ok()) {
      r.status = b.status;
      r.message = fmt::format("agent {}'s LP: {}", i, b.message);
      continue;
    }
    r.payoffs(i) = b.lp.objective;
  }
  return r;
}

/// \brief The largest t with d + t·direction ∈ B, and a structure attaining it (the common
/// step of the egalitarian and Kalai–Smorodinsky solutions, 000 §4).
/// \throws dimension_error (sizes, or an IC-structure LP beyond
/// mechdesign::detail::max_table_entries), non_finite_error.
[[nodiscard]] inline bargaining_point ray_point(const problem& p,
                                                const Eigen::Ref<const Eigen::VectorXd>& d,
                                                const Eigen::Ref<const Eigen::VectorXd>& direction,
                                                const lp::solver_options& options = {}) {
  detail::check_disagreement(p, d, "ray_point");
  detail::check_disagreement(p, direction, "ray_point", "the direction");
  auto s = detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize, "ray_point");
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
[[nodiscard]] inline bargaining_point egalitarian_solution(
    const problem& p, const Eigen::Ref<const Eigen::VectorXd>& d,
    const lp::solver_options& options = {}) {
  return ray_point(p, d, Eigen::VectorXd::Ones(p.num_agents()), options);
}

/// \brief The Kalai–Smorodinsky solution: the largest point of B on the segment from d to the
/// utopia point (000 §4). value = t, the fraction of the way to utopia.
/// \throws solver_error if the utopia LPs fail.
[[nodiscard]] inline bargaining_point kalai_smorodinsky_solution(
    const problem& p, const Eigen::Ref<const Eigen::VectorXd>& d,
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

/// \brief Pareto efficiency of a payoff vector within B; ok() iff its LP reached a verified
/// optimum.
struct efficiency_report : result_base {
  bool efficient = false;   ///< no IC π' weakly improves all agents with a total gain > tol
  double total_gain = 0.0;  ///< max Σ_i (E(u_i|π') − E(u_i|π)) subject to no agent losing
  information_structure improvement;  ///< a dominating structure when not efficient
  lp::solution lp;                    ///< the LP
};

/// \brief Whether the payoff vector \p x (e.g. of an IC structure) is Pareto efficient in B
/// (000 §4, Proposition 3, Theorem 3): LP max Σ_i (E(u_i|π') − x_i) s.t. E(u_i|π') ≥ x_i.
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
/// \throws dimension_error (sizes, or an IC-structure LP beyond
/// mechdesign::detail::max_table_entries), non_finite_error.
[[nodiscard]] inline efficiency_report pareto_efficiency(const problem& p,
                                                         const Eigen::Ref<const Eigen::VectorXd>& x,
                                                         double tol = 1e-9,
                                                         const lp::solver_options& options = {}) {
  mechdesign::detail::check_tolerance(tol, "tol", "pareto_efficiency");
  detail::check_disagreement(p, x, "pareto_efficiency", "the payoff vector x");
  auto s =
      detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize, "pareto_efficiency");
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
  r.lp = lp::solve(s.model, options);
  r.status = lp::to_result_status(r.lp.status);
  if (!r.lp.ok()) {
    r.message = "efficiency LP: " + r.lp.message;
    return r;
  }
  r.total_gain = r.lp.objective;
  r.efficient = r.total_gain <= tol;
  r.improvement = s.read(r.lp.x);
  return r;
}

/// \brief Vertices of a two-agent polygon in counter-clockwise order, each with a structure;
/// ok() iff every support LP reached a verified optimum.
struct polygon : result_base {
  std::vector<Eigen::VectorXd> vertices;          ///< counter-clockwise
  std::vector<information_structure> structures;  ///< one attaining each vertex
  int lps = 0;                                    ///< LPs solved
};

namespace detail {

inline double cross(const Eigen::VectorXd& o, const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return (a(0) - o(0)) * (b(1) - o(1)) - (a(1) - o(1)) * (b(0) - o(0));
}

// Caps of the boundary refinement (see refine()).
constexpr int max_refine_depth = 60;
constexpr int max_boundary_lps = 100000;

// Insert the vertices of B strictly between P and Q (counter-clockwise), found by support LPs
// along the outward normal of PQ.
inline void refine(const problem& p, const bargaining_point& P, const bargaining_point& Q,
                   polygon& out, double tol, const lp::solver_options& options, int depth) {
  const Eigen::Vector2d dir(Q.payoffs(0) - P.payoffs(0), Q.payoffs(1) - P.payoffs(1));
  if (dir.norm() <= tol) return;
  // Hard caps (a polygon of B has at most |A|·|Ω|-many vertices, each found by one LP): reaching
  // either is reported as iteration_limit, never silently.
  if (depth > max_refine_depth || out.lps >= max_boundary_lps) {
    if (out.status == status::success) {
      out.status = status::iteration_limit;
      out.message =
          fmt::format("bargaining set boundary: refinement stopped at its cap ({} LPs, depth {})",
                      out.lps, depth);
    }
    return;
  }
  const Eigen::Vector2d normal(dir(1), -dir(0));
  const bargaining_point R = lexicographic_point(p, normal, Eigen::Vector2d(-dir), options);
  ++out.lps;
  if (!R.ok()) {
    out.status = R.status;
    out.message = R.message;
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
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
[[nodiscard]] inline polygon bargaining_set_boundary(const problem& p, double tol = 1e-9,
                                                     const lp::solver_options& options = {}) {
  mechdesign::detail::check_tolerance(tol, "tol", "bargaining_set_boundary");
  if (p.num_agents() != 2) {
    throw invalid_argument("bargaining_set_boundary: exactly two agents are required");
  }
  polygon g;
  g.status = status::success;
  const Eigen::Vector2d dirs[4] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
  std::vector<bargaining_point> ext;
  for (int k = 0; k < 4; ++k) {
    // lexicographic tie-break along the next direction gives the counter-clockwise-last vertex
    ext.push_back(lexicographic_point(p, dirs[k], dirs[(k + 1) % 4], options));
    ++g.lps;
    if (!ext.back().ok()) {
      g.status = ext.back().status;
      g.message = ext.back().message;
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
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
[[nodiscard]] inline polygon pareto_frontier(const problem& p, double tol = 1e-9,
                                             const lp::solver_options& options = {}) {
  mechdesign::detail::check_tolerance(tol, "tol", "pareto_frontier");
  if (p.num_agents() != 2) {
    throw invalid_argument("pareto_frontier: exactly two agents are required");
  }
  polygon g;
  g.status = status::success;
  const bargaining_point A =
      lexicographic_point(p, Eigen::Vector2d(1, 0), Eigen::Vector2d(0, 1), options);
  const bargaining_point B =
      lexicographic_point(p, Eigen::Vector2d(0, 1), Eigen::Vector2d(1, 0), options);
  g.lps = 2;
  if (!A.ok() || !B.ok()) {
    g.status = A.ok() ? B.status : A.status;
    g.message = A.ok() ? B.message : A.message;
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
