#ifndef MECHDESIGN_PERSUASION_SELECTION_HPP
#define MECHDESIGN_PERSUASION_SELECTION_HPP

/// \file
/// \brief Selection environments (Definition 2), endorsement rules (Definition 3), robustness to
/// ex-post deviations (eq. (7)), symmetric environments (Definition 4) with the symmetric
/// endorsement rule of Proposition 6, and the checks of Theorem 3.
///
/// Reference: 000_b82d6ff4761a0a82.txt §4.1 and Appendix A.3.
///
/// Indexing: state 0 and action 0 are ω0 and a0 (no selection); state j and action j (1 ≤ j ≤ n)
/// are ω_j and a_j, the selection of agent j − 1 (agents are numbered from 0).
///
/// Definition 2 (iv) is printed as Σ_i u_i(a_i, ω_i) ≥ Σ_i u_i(a_j', ω_j), which sums each
/// agent's payoff at a different state. The library reads it as the property its caption states
/// and Theorem 3's Claim 2 uses: in every agent state ω_j, the correct selection maximises the
/// total, Σ_k u_k(a_j, ω_j) ≥ Σ_k u_k(a_j', ω_j) for all j'. (The proof of Claim 2 bounds with
/// the stronger min_i Γ_ii ≥ max_{i≠j} Γ_ij, which this reading does not need: the total changes
/// by Σ_j μ0(ω_j) Σ_i π(a_i|ω_j)(Γ_jj − Γ_ij) ≥ 0 when π becomes an endorsement rule.)

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
#include "mechdesign/information/obedience.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/lp/solver_error.hpp"
#include "mechdesign/persuasion/bargaining_set.hpp"
#include "mechdesign/persuasion/detail/structure_lp.hpp"
#include "mechdesign/persuasion/problem.hpp"

namespace mechdesign::persuasion {

/// \brief Which conditions of Definition 2 hold (a check report: passed iff all of them).
struct selection_report {
  bool passed = false;            ///< all of Definition 2
  bool shape = false;             ///< |Ω| = |A| = n + 1
  bool receiver_guesses = false;  ///< (6): u_r(a_j, ω_j') = x_j > 0 if j = j', else 0
  bool default_optimal = false;   ///< μ0(ω0) x0 > μ0(ω_j) x_j for every agent j
  bool own_best = false;          ///< (ii) u_i(a_i, ω_i) ≥ u_i(a_j, ω_j') for all j, j'
  bool selection_better = false;  ///< (iii) u_i(a_i', ω_j) > u_i(a0, ω_j)
  bool correct_surplus = false;   ///< (iv), read as in the file comment
  Eigen::VectorXd x;              ///< x_j = u_r(a_j, ω_j)
  std::string first_failure;      ///< the first violated condition, with indices
  /// \brief The structural part (shape, (6), default optimal) that endorsement rules need.
  bool structural() const noexcept { return shape && receiver_guesses && default_optimal; }
};

/// \brief Check Definition 2 (000 §4.1) condition by condition, within \p tol ≥ 0.
[[nodiscard]] inline selection_report check_selection_environment(const problem& p,
                                                                  double tol = 1e-12) {
  mechdesign::detail::check_tolerance(tol, "tol", "check_selection_environment");
  selection_report r;
  const int n = p.num_agents();
  const index_t m = n + 1;
  auto fail = [&](std::string why) {
    if (r.first_failure.empty()) r.first_failure = std::move(why);
  };
  r.shape = p.num_states() == m && p.num_actions() == m;
  if (!r.shape) {
    fail(fmt::format("|Omega| = {} and |A| = {} should both be n + 1 = {}", p.num_states(),
                     p.num_actions(), m));
    return r;
  }
  const Eigen::MatrixXd& ur = p.receiver();
  r.x = ur.diagonal();
  r.receiver_guesses = true;
  for (index_t a = 0; a < m; ++a) {
    for (index_t w = 0; w < m; ++w) {
      const bool good = a == w ? ur(a, w) > 0.0 : std::abs(ur(a, w)) <= tol;
      if (!good && r.receiver_guesses) {
        r.receiver_guesses = false;
        fail(fmt::format("(6): u_r(a_{}, omega_{}) = {}", a, w, ur(a, w)));
      }
    }
  }
  r.default_optimal = true;
  for (index_t j = 1; j < m; ++j) {
    if (!(p.prior()(0) * ur(0, 0) > p.prior()(j) * ur(j, j))) {
      r.default_optimal = false;
      fail(fmt::format("mu0(omega_0) x_0 > mu0(omega_{0}) x_{0} fails", j));
    }
  }
  r.own_best = r.selection_better = r.correct_surplus = true;
  for (int i = 0; i < n; ++i) {
    const Eigen::MatrixXd& u = p.agent(i);
    const index_t own = i + 1;
    if (u(own, own) < u.maxCoeff() - tol) {
      r.own_best = false;
      fail(fmt::format("(ii): agent {} gets more than u(a_{}, omega_{}) = {} elsewhere", i, own,
                       own, u(own, own)));
    }
    for (index_t w = 0; w < m; ++w) {
      for (index_t a = 1; a < m; ++a) {
        if (!(u(a, w) > u(0, w))) {
          if (r.selection_better) {
            fail(
                fmt::format("(iii): agent {}: u(a_{}, omega_{}) = {} is not above u(a_0, "
                            "omega_{}) = {}",
                            i, a, w, u(a, w), w, u(0, w)));
          }
          r.selection_better = false;
        }
      }
    }
  }
  for (index_t w = 1; w < m; ++w) {
    double correct = 0.0;
    for (int i = 0; i < n; ++i) correct += p.agent(i)(w, w);
    for (index_t a = 0; a < m; ++a) {
      double other = 0.0;
      for (int i = 0; i < n; ++i) other += p.agent(i)(a, w);
      if (other > correct + tol) {
        if (r.correct_surplus) {
          fail(fmt::format("(iv): total {} at (a_{}, omega_{}) exceeds the correct selection's {}",
                           other, a, w, correct));
        }
        r.correct_surplus = false;
      }
    }
  }
  r.passed = r.structural() && r.own_best && r.selection_better && r.correct_surplus;
  return r;
}

/// \brief Throws model_error unless the structural part of Definition 2 holds (000 §4.1).
inline selection_report require_selection_structure(const problem& p) {
  selection_report r = check_selection_environment(p);
  if (!r.structural()) {
    throw model_error("not a selection environment (000 Definition 2): " + r.first_failure);
  }
  return r;
}

/// \brief Definition 3 (000 §4.1): π is IC and π(a_j|ω_j) = 1 for every agent state.
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline bool is_endorsement_rule(const problem& p, const Eigen::Ref<const Eigen::MatrixXd>& pi,
                                double tol = 1e-9) {
  mechdesign::detail::check_tolerance(tol, "tol", "is_endorsement_rule");
  require_selection_structure(p);
  validate_structure(p, pi, 1e-9, "is_endorsement_rule");
  if (!information::check_obedience(p.receiver(), p.prior(), pi, tol).passed) return false;
  for (index_t j = 1; j < p.num_states(); ++j) {
    if (pi(j, j) < 1.0 - tol) return false;
  }
  return true;
}

/// \brief The structure that reveals every agent state and draws from \p state0 (a distribution
/// over actions) in ω0 (Definition 3's form, 000 §4.1). IC is not implied: check it.
/// \throws model_error (not a selection environment), dimension_error, distribution_error.
inline information_structure endorsement_rule(const problem& p,
                                              const Eigen::Ref<const Eigen::VectorXd>& state0) {
  require_selection_structure(p);
  mechdesign::detail::require_distribution(state0, p.num_actions(), "row of omega_0",
                                           "endorsement_rule");
  information_structure pi = information_structure::Identity(p.num_states(), p.num_actions());
  pi.row(0) = state0.transpose();
  return pi;
}

/// \brief Definition 4 (000 §4.1): payoffs invariant under relabelling the agents (with their
/// states and actions; ω0, a0 fixed), equal priors and receiver values x on agent states.
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline bool is_symmetric_selection_environment(const problem& p, double tol = 1e-12) {
  mechdesign::detail::check_tolerance(tol, "tol", "is_symmetric_selection_environment");
  const selection_report r = check_selection_environment(p, tol);
  if (!r.structural()) return false;
  const int n = p.num_agents();
  for (int j = 2; j <= n; ++j) {
    if (std::abs(p.prior()(j) - p.prior()(1)) > tol || std::abs(r.x(j) - r.x(1)) > tol) {
      return false;
    }
  }
  // invariance under every transposition (k l) of agents, which generate all permutations
  for (int k = 0; k < n; ++k) {
    for (int l = k + 1; l < n; ++l) {
      auto sigma = [&](index_t s) -> index_t {
        if (s == k + 1) return l + 1;
        if (s == l + 1) return k + 1;
        return s;
      };
      for (int i = 0; i < n; ++i) {
        const int si = i == k ? l : (i == l ? k : i);
        for (index_t a = 0; a <= n; ++a) {
          for (index_t w = 0; w <= n; ++w) {
            if (std::abs(p.agent(i)(a, w) - p.agent(si)(sigma(a), sigma(w))) > tol) return false;
          }
        }
      }
    }
  }
  return true;
}

/// \brief Proposition 6's symmetric endorsement rule (000 §4.1): π(a_i|ω0) = 1/n if
/// x(1 − μ0)/(x0 μ0) ≥ 1, else x(1 − μ0)/(n x0 μ0), with μ0 = μ0(ω0) and the rest on a0.
/// \throws model_error if the environment is not a symmetric selection environment.
inline information_structure symmetric_endorsement_rule(const problem& p) {
  if (!is_symmetric_selection_environment(p)) {
    throw model_error(
        "symmetric_endorsement_rule: not a symmetric selection environment (000 "
        "Definition 4)");
  }
  const int n = p.num_agents();
  const double mu = p.prior()(0), x0 = p.receiver()(0, 0), x = p.receiver()(1, 1);
  const double ratio = x * (1.0 - mu) / (x0 * mu);
  const double each = ratio >= 1.0 ? 1.0 / n : ratio / n;
  Eigen::VectorXd row = Eigen::VectorXd::Constant(n + 1, each);
  row(0) = std::max(0.0, 1.0 - n * each);
  row /= row.sum();
  return endorsement_rule(p, row);
}

/// \brief Result of the robustness test of eq. (7). It is a check that needs LPs: ok() says
/// every LP reached a verified optimum, passed that the structure is robust as well.
struct robustness_report : result_base {
  bool passed = false;          ///< ok() && robust
  bool robust = true;           ///< no agent gains more than tol after any recommendation
  double worst_gain = 0.0;      ///< largest gain of an ex-post structure over the current payoff
  index_t recommendation = -1;  ///< where it happens
  int agent = -1;
  information_structure deviation;  ///< the ex-post IC structure π' attaining it
  int lps = 0;                      ///< LPs solved
};

/// \brief Robustness to ex-post deviations, eq. (7) (000 §4.1): after each recommendation a of
/// π, the best IC structure π' at the posterior μ(·|a, π) (IC with respect to that posterior)
/// must not raise any agent's expected payoff above Σ_ω μ(ω|a, π) u_i(a, ω). One LP per
/// recommendation and agent; \p tol ≥ 0.
/// \throws the exceptions of validate_structure(); dimension_error if an IC-structure LP exceeds
/// mechdesign::detail::max_table_entries.
[[nodiscard]] inline robustness_report check_robustness(const problem& p,
                                                        const Eigen::Ref<const Eigen::MatrixXd>& pi,
                                                        double tol = 1e-9,
                                                        const lp::solver_options& options = {}) {
  mechdesign::detail::check_tolerance(tol, "tol", "check_robustness");
  validate_structure(p, pi, 1e-9, "check_robustness");
  robustness_report r;
  r.status = status::success;
  r.worst_gain = -std::numeric_limits<double>::infinity();
  const Eigen::VectorXd prob = pi.transpose() * p.prior();
  for (index_t a = 0; a < p.num_actions(); ++a) {
    if (!(prob(a) > 0.0)) continue;
    const Eigen::VectorXd post = posterior(p, pi, a);
    auto s = detail::make_structure_lp(p, post, lp::objective_sense::maximize, "check_robustness");
    lp::solver solver(options);
    solver.load(s.model);
    for (int i = 0; i < p.num_agents(); ++i) {
      Eigen::VectorXd c = Eigen::VectorXd::Zero(s.model.num_cols());
      for (const auto& [col, v] : s.payoff_terms(p.agent(i))) c(col) += v;
      solver.set_objective(c);
      const lp::solution sol = solver.solve();
      ++r.lps;
      if (!sol.ok()) {
        r.status = lp::to_result_status(sol.status);
        r.message =
            fmt::format("ex-post LP after recommendation {} for agent {}: {}", a, i, sol.message);
        r.robust = false;
        return r;
      }
      const double now = p.agent(i).row(a).dot(post);
      const double gain = sol.objective - now;
      if (gain > r.worst_gain) {
        r.worst_gain = gain;
        r.recommendation = a;
        r.agent = i;
        r.deviation = s.read(sol.x);
      }
    }
  }
  r.robust = r.worst_gain <= tol;
  r.passed = r.robust;
  return r;
}

/// \brief The checks of Theorem 3 on one selection environment; status is the robustness
/// LPs' (check_theorem3() throws if another LP fails).
struct theorem3_report : result_base {
  selection_report environment;       ///< Definition 2
  information_structure endorsement;  ///< the max-surplus endorsement rule (most even in ω0)
  Eigen::VectorXd payoffs;            ///< its E(u|π)
  double total = 0.0;                 ///< Σ_i E(u_i|π)
  double max_total = 0.0;             ///< max over all IC structures of Σ_i E(u_i)
  bool is_endorsement = false;        ///< Definition 3 verified
  bool pareto_efficient = false;      ///< pareto_efficiency(payoffs)
  bool beneficial_vs_no_information = false;
  bool beneficial_vs_full_information = false;
  robustness_report robustness;          ///< eq. (7) for the endorsement rule
  double min_selection_in_state0 = 0.0;  ///< min_i π(a_i|ω0)
  /// \brief The existence claim of Theorem 3 holds for this environment.
  bool existence_holds() const noexcept {
    return is_endorsement && pareto_efficient && beneficial_vs_no_information &&
           beneficial_vs_full_information && robustness.robust;
  }
};

/// \brief Theorem 3's existence claim (000 §4.1, Appendix A.3): the endorsement rule that
/// maximises the agents' total payoff — and, among those, the largest min_i π(a_i|ω0) — checked for
/// Definition 3, Pareto efficiency, strict gains over no and full information, and eq. (7).
/// \throws model_error (structure of Definition 2 fails), solver_error.
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
[[nodiscard]] inline theorem3_report check_theorem3(const problem& p, double tol = 1e-9,
                                                    const lp::solver_options& options = {}) {
  mechdesign::detail::check_tolerance(tol, "tol", "check_theorem3");
  theorem3_report r;
  r.environment = require_selection_structure(p);
  const int n = p.num_agents();
  const index_t m = n + 1;
  Eigen::MatrixXd total = Eigen::MatrixXd::Zero(m, m);
  for (int i = 0; i < n; ++i) total += p.agent(i);
  {
    const bargaining_point any = support_point(p, Eigen::VectorXd::Ones(n), options);
    lp::require_optimal(any.lp, "check_theorem3: max total");
    r.max_total = any.lp.objective;
  }
  // endorsement rules: π(a_j|ω_j) = 1; maximise the total, then the least selection at ω0
  auto s = detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize, "check_theorem3");
  for (index_t j = 1; j < m; ++j) s.model.set_col_bounds(s.col(j, j), 1.0, 1.0);
  lp::model stage1 = s.model;
  for (const auto& [c, v] : s.payoff_terms(total)) stage1.set_objective(c, stage1.objective(c) + v);
  const lp::solution first = lp::solve(stage1, options);
  lp::require_optimal(first, "check_theorem3: max-surplus endorsement rule");
  lp::model stage2 = detail::optimal_face(stage1, first);
  for (index_t c = 0; c < stage2.num_cols(); ++c) stage2.set_objective(c, 0.0);
  const index_t z = stage2.add_variable("least", 0.0, 1.0, 1.0);
  for (index_t j = 1; j < m; ++j) {
    stage2.add_row(fmt::format("least({})", j), {{s.col(0, j), 1.0}, {z, -1.0}}, 0.0, lp::inf);
  }
  const lp::solution second = lp::solve(stage2, options);
  lp::require_optimal(second, "check_theorem3: most even endorsement rule");
  r.endorsement = s.read(second.x);
  r.payoffs = ex_ante_payoffs(p, r.endorsement);
  r.total = r.payoffs.sum();
  r.min_selection_in_state0 = r.endorsement.row(0).tail(n).minCoeff();
  r.is_endorsement = is_endorsement_rule(p, r.endorsement, tol);
  const efficiency_report efficiency = pareto_efficiency(p, r.payoffs, tol, options);
  if (!efficiency.ok()) throw solver_error("check_theorem3: Pareto efficiency", efficiency.lp);
  r.pareto_efficient = efficiency.efficient;
  const Eigen::VectorXd none = ex_ante_payoffs(p, no_information(p));
  const Eigen::VectorXd full = ex_ante_payoffs(p, full_information(p));
  r.beneficial_vs_no_information = (r.payoffs - none).minCoeff() > tol;
  r.beneficial_vs_full_information = (r.payoffs - full).minCoeff() > tol;
  r.robustness = check_robustness(p, r.endorsement, tol, options);
  r.status = r.robustness.status;
  r.message = r.robustness.message;
  return r;
}

}  // namespace mechdesign::persuasion

#endif  // MECHDESIGN_PERSUASION_SELECTION_HPP
