#ifndef MECHDESIGN_PERSUASION_AGREEMENT_CONDITIONS_HPP
#define MECHDESIGN_PERSUASION_AGREEMENT_CONDITIONS_HPP

/// \file
/// \brief Conditions on the agents' payoff table under which a beneficial agreement exists or
/// fails: constant-sum weights (Corollary 1, Proposition 1's beneficial censorship), winners and
/// losers with "the winner takes the most" (Assumption 2, Proposition 2's condition (4)) and
/// coalitions (Theorem 2).
///
/// Reference: 000_b82d6ff4761a0a82.txt §3.1–§3.2 (state-independent payoffs, Assumption 1).

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
#include "mechdesign/persuasion/beneficial.hpp"
#include "mechdesign/persuasion/problem.hpp"

namespace mechdesign::persuasion {

/// \brief Nonnegative weights, summing to one, that make Σ_i y_i u_i(a) the same for all
/// actions — Corollary 1's condition and Proposition 1's characterisation (000 §3.1). ok() iff
/// the question was decided (an infeasible LP is the answer "no such weights": success).
struct constant_sum_weights : result_base {
  bool exists = false;      ///< such weights exist
  Eigen::VectorXd weights;  ///< y (when exists)
  double constant = 0.0;    ///< the common value Σ_i y_i u_i(a)
  double residual = 0.0;    ///< max_a |Σ_i y_i u_i(a) − constant|, recomputed
  lp::solution lp;          ///< the LP
};

/// \brief Find y ≥ 0, Σ y = 1 with Σ_i y_i u_i(a) constant over the actions of the |A|×n table
/// \p u (000 Corollary 1, Proposition 1); \p tol ≥ 0 bounds the recomputed residual.
/// \throws non_finite_error, invalid_argument (empty table).
[[nodiscard]] inline constant_sum_weights find_constant_sum_weights(
    const Eigen::Ref<const Eigen::MatrixXd>& u, const lp::solver_options& options = {},
    double tol = 1e-9) {
  mechdesign::detail::check_tolerance(tol, "tol", "find_constant_sum_weights");
  if (u.rows() == 0 || u.cols() == 0) {
    throw invalid_argument("find_constant_sum_weights: empty payoff table");
  }
  mechdesign::detail::require_finite(u, "payoffs", "find_constant_sum_weights");
  const int n = static_cast<int>(u.cols());
  lp::model m(lp::objective_sense::maximize);
  for (int i = 0; i < n; ++i) m.add_variable(fmt::format("y({})", i), 0.0, 1.0);
  const index_t c = m.add_variable("c", -lp::inf, lp::inf);
  for (index_t a = 0; a < u.rows(); ++a) {
    std::vector<std::pair<index_t, double>> row;
    for (int i = 0; i < n; ++i) {
      if (u(a, i) != 0.0) row.emplace_back(i, u(a, i));
    }
    row.emplace_back(c, -1.0);
    m.add_row(fmt::format("constant({})", a), row, 0.0, 0.0);
  }
  std::vector<std::pair<index_t, double>> sum;
  for (int i = 0; i < n; ++i) sum.emplace_back(i, 1.0);
  m.add_row("normalise", sum, 1.0, 1.0);
  constant_sum_weights r;
  r.lp = lp::solve(m, options);
  if (r.lp.status == lp::solve_status::infeasible ||
      r.lp.status == lp::solve_status::infeasible_or_unbounded) {
    r.status = status::success;  // a decided question: no such weights
    r.exists = false;
    r.message = "no weights make the weighted sum constant (the LP is infeasible)";
    return r;
  }
  r.status = lp::to_result_status(r.lp.status);
  if (!r.lp.ok()) {
    r.message = "constant-sum LP: " + r.lp.message;
    return r;
  }
  r.weights = r.lp.x.head(n).cwiseMax(0.0);
  r.weights /= r.weights.sum();
  const Eigen::VectorXd sums = u * r.weights;
  r.constant = sums.mean();
  r.residual = (sums.array() - r.constant).abs().maxCoeff();
  r.exists = r.residual <= tol;
  return r;
}

/// \brief Proposition 1's test (000 §3.1): with full information as disagreement and every
/// action optimal at some degenerate belief, a beneficial agreement exists iff no weights make
/// the weighted sum constant. status success (beneficial_censorship() throws if its LP fails).
struct censorship_test : result_base {
  bool hypotheses_hold = false;  ///< A = {ā(ω)} and full information is discrete
  bool beneficial = false;       ///< the proposition's verdict (meaningful if hypotheses hold)
  constant_sum_weights weights;  ///< Corollary 1's weights
};

/// \brief Proposition 1 (000 §3.1): beneficial censorship against full information.
/// \throws model_error (state-dependent payoffs), solver_error.
[[nodiscard]] inline censorship_test beneficial_censorship(const problem& p,
                                                           const beneficial_options& o = {}) {
  detail::validate_beneficial_options(o, "beneficial_censorship");
  censorship_test r;
  const Eigen::MatrixXd u = p.action_payoffs();
  const information_structure full = full_information(p, o.tol);
  std::vector<bool> used(static_cast<std::size_t>(p.num_actions()), false);
  for (index_t w = 0; w < p.num_states(); ++w) {
    for (index_t a = 0; a < p.num_actions(); ++a) {
      if (full(w, a) > 0.0) used[static_cast<std::size_t>(a)] = true;
    }
  }
  r.hypotheses_hold = check_discrete(p, full, o.tol).discrete &&
                      std::all_of(used.begin(), used.end(), [](bool b) { return b; });
  r.weights = find_constant_sum_weights(u, o.lp, o.tol);
  if (!r.weights.ok()) {
    throw solver_error("beneficial_censorship (000 Proposition 1)", r.weights.lp);
  }
  r.beneficial = !r.weights.exists;
  r.status = status::success;
  return r;
}

/// \brief Assumption 2 and condition (4) ("the winner takes the most") of Proposition 2; a
/// check report: passed iff both hold.
struct winner_report {
  bool passed = false;              ///< winners_and_losers && winner_takes_most
  bool winners_and_losers = false;  ///< ū_i = u_i(a_i) > u_j(a_i) for all j ≠ i
  bool winner_takes_most = false;   ///< condition (4) for every agent
  /// Per agent: (ū_i − u_i^sb) − Σ_{j≠i}(u_i^sb − u_i(a_j)); condition (4) needs > 0.
  Eigen::VectorXd slack;
};

/// \brief Check Assumption 2's payoff part and condition (4) (000 Proposition 2) for a square
/// table \p u with u(j, i) = u_i(a_j).
/// \throws dimension_error (not square), non_finite_error.
[[nodiscard]] inline winner_report winner_takes_most(const Eigen::Ref<const Eigen::MatrixXd>& u) {
  if (u.rows() != u.cols() || u.rows() < 2) {
    throw dimension_error(fmt::format(
        "winner_takes_most: the table must be n x n with n >= 2, got {}x{}", u.rows(), u.cols()));
  }
  mechdesign::detail::require_finite(u, "payoffs", "winner_takes_most");
  const index_t n = u.rows();
  winner_report r;
  r.winners_and_losers = true;
  r.winner_takes_most = true;
  r.slack.resize(n);
  for (index_t i = 0; i < n; ++i) {
    double sb = -std::numeric_limits<double>::infinity();
    for (index_t j = 0; j < n; ++j) {
      if (j != i) {
        sb = std::max(sb, u(j, i));
        if (!(u(i, i) > u(i, j))) r.winners_and_losers = false;
      }
    }
    double spread = 0.0;
    for (index_t j = 0; j < n; ++j) {
      if (j != i) spread += sb - u(j, i);
    }
    r.slack(i) = (u(i, i) - sb) - spread;
    if (!(r.slack(i) > 0.0)) r.winner_takes_most = false;
  }
  r.passed = r.winners_and_losers && r.winner_takes_most;
  return r;
}

/// \brief For one coalition of Theorem 2, an attainable action that helps exactly its members
/// and raises the total surplus.
struct coalition_witness {
  std::vector<int> members;  ///< φ
  index_t action = -1;       ///< −1: none found
};

/// \brief Theorem 2's condition for coalitions of size k; status success
/// (coalition_condition() throws if an LP fails).
struct coalition_test : result_base {
  int k = 0;                                  ///< the coalition size
  bool holds = false;                         ///< every φ of size k has a witness
  std::vector<coalition_witness> coalitions;  ///< every φ of size k, with its witness
};

/// \brief Theorem 2 (000 §3.2) for one coalition size \p k: for each φ with |φ| = k look for an
/// attainable action a with u_i(a) > d_i on φ, u_i(a) < d_i off φ and Σ_i (u_i(a) − d_i) > 0
/// (strict by more than tol).
/// \throws model_error (state-dependent payoffs), invalid_argument (k out of range),
///         dimension_error, solver_error.
[[nodiscard]] inline coalition_test coalition_condition(const problem& p,
                                                        const Eigen::Ref<const Eigen::VectorXd>& d,
                                                        int k, const beneficial_options& o = {}) {
  detail::validate_beneficial_options(o, "coalition_condition");
  const int n = p.num_agents();
  if (k < 1 || k > n) {
    throw invalid_argument(fmt::format("coalition_condition: k = {} not in [1, {}]", k, n));
  }
  mechdesign::detail::require_size(d.size(), n, "d", "coalition_condition");
  mechdesign::detail::require_finite(d, "d", "coalition_condition");
  if (n > 20) throw invalid_argument("coalition_condition: at most 20 agents");
  const Eigen::MatrixXd u = p.action_payoffs();
  const auto support = attainable_actions(p, o);
  coalition_test r;
  r.k = k;
  r.holds = true;
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    int size = 0;
    for (int i = 0; i < n; ++i) size += (mask >> i) & 1u;
    if (size != k) continue;
    coalition_witness c;
    for (int i = 0; i < n; ++i) {
      if (mask & (1u << i)) c.members.push_back(i);
    }
    for (index_t a = 0; a < p.num_actions() && c.action < 0; ++a) {
      if (!support[static_cast<std::size_t>(a)].attainable) continue;
      bool good = (u.row(a).transpose() - d).sum() > o.tol;
      for (int i = 0; i < n && good; ++i) {
        const double g = u(a, i) - d(i);
        good = (mask & (1u << i)) ? g > o.tol : g < -o.tol;
      }
      if (good) c.action = a;
    }
    if (c.action < 0) r.holds = false;
    r.coalitions.push_back(std::move(c));
  }
  r.status = status::success;
  return r;
}

}  // namespace mechdesign::persuasion

#endif  // MECHDESIGN_PERSUASION_AGREEMENT_CONDITIONS_HPP
