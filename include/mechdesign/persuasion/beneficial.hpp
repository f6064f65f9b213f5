#ifndef MECHDESIGN_PERSUASION_BENEFICIAL_HPP
#define MECHDESIGN_PERSUASION_BENEFICIAL_HPP

/// \file
/// \brief Tests for a beneficial agreement (an IC structure strictly better than the
/// disagreement payoffs d for every agent), each with a certificate.
///
/// Reference: 000_b82d6ff4761a0a82.txt §3: Theorem 1 (conditions (ii) and (iii)), Lemma 1 and
/// its proof (Appendix A.1), Corollary 1, Proposition 1, Proposition 2 with condition (4),
/// Theorem 2 (coalitions), and, for state-dependent payoffs (§3.3), strict Pareto dominance of
/// the disagreement structure as an LP.
///
/// Which actions are ā(μ) for some belief μ. For each action a one LP maximises
/// t = min_{a'≠a} Σ_ω μ(ω)(u_r(a, ω) − u_r(a', ω)) over beliefs μ. Tie-breaking rule:
/// - tie_rule::follow_recommendation (the default, Assumption 3 of §4): the receiver follows any
///   recommendation that is optimal at its posterior, so a is attainable iff t* ≥ −tol (a is
///   optimal at some belief);
/// - tie_rule::unique_optimum: a counts only where it is the unique optimum, t* > tol (the
///   attainable set of every optimal pure strategy ā contains these actions).
///
/// Lemma 1's construction (construct_agreement). Given the disagreement structure π0 (IC,
/// discrete) with posteriors ν_b (recommendation b, probability τ_b) and a lottery λ over
/// attainable actions a_l with witness beliefs μ_l: (1) shrink every ν_b toward the prior,
/// ν̂_b = ε μ0 + (1 − ε) ν_b, with ε small enough that b stays the unique optimum; (2) split
/// ν̂_b = γ μ_l + (1 − γ) η_lb with one γ small enough that η_lb is a belief at which b is still
/// the unique optimum; (3) in the branch of b draw l with probability λ_l and then μ_l (prob. γ,
/// recommendation a_l) or η_lb (recommendation b). The beliefs average to μ0, so merging signals
/// by recommendation gives an IC structure, and (Assumption 1) its payoffs are
/// γ Σ_l λ_l u(a_l) + (1 − γ) d, strictly above d. This is the proof's idea with a single γ,
/// which makes its second mixing weight unnecessary.

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

/// \brief How ties in the receiver's choice count when asking which actions are ā(μ).
enum class tie_rule {
  follow_recommendation,  ///< optimal somewhere suffices (Assumption 3)
  unique_optimum          ///< must be the unique optimum somewhere
};

/// \brief Options of the beneficial-agreement tests.
struct beneficial_options {
  tie_rule ties = tie_rule::follow_recommendation;
  double tol = 1e-9;  ///< decision threshold on surpluses, margins and certificates
  lp::solver_options lp;
};

/// \brief Whether action a is the receiver's choice at some belief, with a witness belief.
struct action_support {
  index_t action = -1;
  double margin = 0.0;      ///< t* = max_μ min_{a'≠a} (value of a − value of a') at μ
  Eigen::VectorXd belief;   ///< a belief attaining t*
  bool attainable = false;  ///< under the tie rule of the options
  lp::solution lp;
};

/// \brief For every action, the LP deciding whether it is ā(μ) for some belief μ (000 Theorem
/// 1; see the file comment for the tie rule).
/// \throws solver_error if an LP has no verified optimum.
inline std::vector<action_support> attainable_actions(const problem& p,
                                                      const beneficial_options& o = {}) {
  std::vector<action_support> out;
  const index_t m = p.num_states(), na = p.num_actions();
  const double bound = 1.0 + 2.0 * p.receiver().cwiseAbs().maxCoeff();
  for (index_t a = 0; a < na; ++a) {
    lp::model lpm(lp::objective_sense::maximize);
    for (index_t w = 0; w < m; ++w) lpm.add_variable(fmt::format("mu({})", w), 0.0, 1.0);
    const index_t t = lpm.add_variable("t", -bound, bound, 1.0);
    std::vector<std::pair<index_t, double>> simplex;
    for (index_t w = 0; w < m; ++w) simplex.emplace_back(w, 1.0);
    lpm.add_row("simplex", simplex, 1.0, 1.0);
    for (index_t b = 0; b < na; ++b) {
      if (b == a) continue;
      std::vector<std::pair<index_t, double>> row;
      for (index_t w = 0; w < m; ++w) {
        const double c = detail::snap(p.receiver()(a, w) - p.receiver()(b, w), bound);
        if (c != 0.0) row.emplace_back(w, c);
      }
      row.emplace_back(t, -1.0);
      lpm.add_row(fmt::format("beats({})", b), row, 0.0, lp::inf);
    }
    action_support s;
    s.action = a;
    s.lp = lp::solve(lpm, o.lp);
    lp::require_optimal(s.lp, fmt::format("persuasion::attainable_actions (action {})", a));
    s.margin = na == 1 ? bound : s.lp.x(t);
    s.belief = s.lp.x.head(m).cwiseMax(0.0);
    s.belief /= s.belief.sum();
    s.attainable =
        o.ties == tie_rule::follow_recommendation ? s.margin >= -o.tol : s.margin > o.tol;
    out.push_back(std::move(s));
  }
  return out;
}

/// \brief Theorem 1's lottery LP and its dual certificate.
struct lottery_result {
  lp::solve_status status = lp::solve_status::not_solved;
  bool beneficial = false;       ///< condition (ii) holds: surplus > tol
  double surplus = 0.0;          ///< s* = max over lotteries of min_i Σ_a λ_a u_i(a) − d_i
  Eigen::VectorXd lottery;       ///< λ over actions (0 on unattainable ones)
  Eigen::MatrixXd beliefs;       ///< |Ω|×|A|: column a is a belief μ with ā(μ) = a
  Eigen::VectorXd payoffs;       ///< Σ_a λ_a u_i(a)
  Eigen::VectorXd disagreement;  ///< d
  std::vector<bool> attainable;  ///< which actions are ā(μ) for some μ
  /// Certificate of condition (iii) failing when !beneficial: y ≥ 0, Σ y = 1, from the LP dual.
  Eigen::VectorXd weights;
  /// max over attainable a of Σ_i y_i (u_i(a) − d_i), recomputed (≤ tol certifies no agreement).
  double certificate_value = 0.0;
  lp::solution lp;
  std::string message;

  /// \brief True iff the LP was solved to a verified optimum.
  bool ok() const noexcept { return status == lp::solve_status::optimal; }
};

/// \brief Theorem 1 (ii)/(iii) for disagreement payoffs \p d (000 Theorem 1): maximise the
/// smallest surplus s over lotteries λ of attainable actions; s* > tol gives the lottery of (ii),
/// otherwise the dual weights y certify that (iii) fails.
/// \throws model_error (state-dependent payoffs), dimension_error, non_finite_error,
///         solver_error.
inline lottery_result lottery_test(const problem& p, const Eigen::Ref<const Eigen::VectorXd>& d,
                                   const beneficial_options& o = {}) {
  if (d.size() != p.num_agents()) {
    throw dimension_error(
        fmt::format("lottery_test: d has {} entries for {} agents", d.size(), p.num_agents()));
  }
  detail::check_finite(d, "lottery_test: d");
  const Eigen::MatrixXd u = p.action_payoffs();
  const auto support = attainable_actions(p, o);
  const index_t na = p.num_actions();
  const int n = p.num_agents();
  lottery_result r;
  r.disagreement = d;
  r.beliefs = Eigen::MatrixXd::Zero(p.num_states(), na);
  for (const auto& s : support) {
    r.attainable.push_back(s.attainable);
    r.beliefs.col(s.action) = s.belief;
  }
  const double bound = 1.0 + 2.0 * (u.cwiseAbs().maxCoeff() + d.cwiseAbs().maxCoeff());
  lp::model m(lp::objective_sense::maximize);
  for (index_t a = 0; a < na; ++a) {
    m.add_variable(fmt::format("lambda({})", a), 0.0,
                   r.attainable[static_cast<std::size_t>(a)] ? lp::inf : 0.0);
  }
  const index_t s = m.add_variable("s", -bound, bound, 1.0);
  for (int i = 0; i < n; ++i) {
    std::vector<std::pair<index_t, double>> row;
    for (index_t a = 0; a < na; ++a) {
      const double c = detail::snap(u(a, i) - d(i), bound);
      if (c != 0.0) row.emplace_back(a, c);
    }
    row.emplace_back(s, -1.0);
    m.add_row(fmt::format("surplus({})", i), row, 0.0, lp::inf);
  }
  std::vector<std::pair<index_t, double>> conv;
  for (index_t a = 0; a < na; ++a) conv.emplace_back(a, 1.0);
  m.add_row("lottery", conv, 1.0, 1.0);
  r.lp = lp::solve(m, o.lp);
  r.status = r.lp.status;
  if (!r.ok()) {
    r.message = r.lp.message;
    return r;
  }
  r.surplus = r.lp.x(s);
  r.lottery = r.lp.x.head(na).cwiseMax(0.0);
  r.lottery /= r.lottery.sum();
  r.payoffs = u.transpose() * r.lottery;
  r.beneficial = r.surplus > o.tol;
  // Dual: a binding ≥ row of a maximisation has a multiplier ≤ 0 (lp/solution.hpp), so
  // y_i = −dual_i ≥ 0; the free column s forces Σ y = 1 and every λ_a column gives
  // Σ_i y_i (u_i(a) − d_i) ≤ dual(lottery) = s*.
  r.weights.resize(n);
  for (int i = 0; i < n; ++i) r.weights(i) = std::max(0.0, -r.lp.row_duals(i));
  const double total = r.weights.sum();
  if (total > 0.0) r.weights /= total;
  r.certificate_value = -std::numeric_limits<double>::infinity();
  for (index_t a = 0; a < na; ++a) {
    if (!r.attainable[static_cast<std::size_t>(a)]) continue;
    r.certificate_value = std::max(r.certificate_value, r.weights.dot(u.row(a).transpose() - d));
  }
  return r;
}

/// \brief Theorem 1 against a disagreement structure π0 (000 Theorem 1): d = E(u|π0); also
/// reports whether π0 is IC and discrete (the theorem's hypothesis).
struct agreement_test {
  lottery_result lottery;
  discreteness_report disagreement_structure;  ///< Definition 1 for π0
  bool hypotheses_hold() const noexcept {
    return disagreement_structure.incentive_compatible && disagreement_structure.discrete;
  }
};

/// \brief Theorem 1 with d = E(u|π0) (000 Theorem 1 and eq. (1)).
/// \throws as lottery_test and validate_structure.
inline agreement_test beneficial_agreement_test(const problem& p,
                                                const Eigen::Ref<const Eigen::MatrixXd>& pi0,
                                                const beneficial_options& o = {}) {
  agreement_test t;
  t.disagreement_structure = check_discrete(p, pi0, o.tol);
  t.lottery = lottery_test(p, ex_ante_payoffs(p, pi0), o);
  return t;
}

/// \brief An IC structure built from a lottery by Lemma 1's construction, and its check.
struct constructed_agreement {
  information_structure structure;  ///< the merged recommendation matrix
  double epsilon = 0.0;             ///< shrink of π0's posteriors toward μ0
  double gamma = 0.0;               ///< weight of the lottery beliefs in each split
  Eigen::VectorXd payoffs;          ///< E(u|π), eq. (1)
  Eigen::VectorXd gains;            ///< payoffs − d
  obedience_report ic;              ///< check_obedience of the structure
  bool beneficial = false;          ///< IC and every gain > 0
};

/// \brief Lemma 1's Bayes-plausible construction (000 Appendix A.1, see the file comment):
/// turn the lottery of \p t into an IC structure strictly better than d = E(u|π0).
/// \throws model_error if π0 is not IC or not discrete, or the lottery is not beneficial.
inline constructed_agreement construct_agreement(const problem& p,
                                                 const Eigen::Ref<const Eigen::MatrixXd>& pi0,
                                                 const lottery_result& t, double tol = 1e-9) {
  const discreteness_report dr = check_discrete(p, pi0, tol);
  if (!dr.incentive_compatible || !dr.discrete) {
    throw model_error(
        "construct_agreement: Lemma 1 needs an IC and discrete disagreement "
        "structure (Definition 1)");
  }
  if (!t.ok() || !t.beneficial) {
    throw model_error("construct_agreement: the lottery does not satisfy Theorem 1 (ii)");
  }
  const index_t m = p.num_states(), na = p.num_actions();
  const Eigen::MatrixXd& ur = p.receiver();
  const Eigen::VectorXd& mu0 = p.prior();
  // posteriors of π0
  std::vector<index_t> recs;
  std::vector<double> tau;
  std::vector<Eigen::VectorXd> nu;
  const Eigen::VectorXd prob = recommendation_probabilities(p, pi0);
  for (index_t b = 0; b < na; ++b) {
    if (prob(b) > 0.0) {
      recs.push_back(b);
      tau.push_back(prob(b));
      nu.push_back(posterior(p, pi0, b));
    }
  }
  // ε: b stays the unique optimum at ν̂_b
  double eps = 0.5;
  for (std::size_t k = 0; k < recs.size(); ++k) {
    const index_t b = recs[k];
    for (index_t a = 0; a < na; ++a) {
      if (a == b) continue;
      const Eigen::RowVectorXd diff = ur.row(b) - ur.row(a);
      const double mk = diff.dot(nu[k]), m0 = diff.dot(mu0);
      if (m0 < 0.0) eps = std::min(eps, 0.5 * mk / (mk - m0));
    }
  }
  std::vector<Eigen::VectorXd> nuhat;
  for (const auto& v : nu) nuhat.push_back(eps * mu0 + (1.0 - eps) * v);
  // lottery actions and their beliefs
  std::vector<index_t> acts;
  std::vector<double> lam;
  for (index_t a = 0; a < na; ++a) {
    if (t.lottery(a) > 0.0) {
      acts.push_back(a);
      lam.push_back(t.lottery(a));
    }
  }
  // γ: η_lb ≥ 0 and b strictly optimal at η_lb
  double gamma = 1.0;
  for (std::size_t k = 0; k < recs.size(); ++k) {
    const index_t b = recs[k];
    for (const index_t a : acts) {
      const Eigen::VectorXd& mul = t.beliefs.col(a);
      for (index_t w = 0; w < m; ++w) {
        if (mul(w) > 0.0) gamma = std::min(gamma, nuhat[k](w) / mul(w));
      }
      for (index_t c = 0; c < na; ++c) {
        if (c == b) continue;
        const Eigen::RowVectorXd diff = ur.row(b) - ur.row(c);
        const double mhat = diff.dot(nuhat[k]), g = diff.dot(mul);
        if (g > 0.0) gamma = std::min(gamma, mhat / g);
      }
    }
  }
  gamma *= 0.5;
  constructed_agreement out;
  out.epsilon = eps;
  out.gamma = gamma;
  Eigen::MatrixXd joint = Eigen::MatrixXd::Zero(m, na);  // P(ω, recommendation)
  for (std::size_t k = 0; k < recs.size(); ++k) {
    for (std::size_t l = 0; l < acts.size(); ++l) {
      const Eigen::VectorXd& mul = t.beliefs.col(acts[l]);
      const Eigen::VectorXd eta = (nuhat[k] - gamma * mul) / (1.0 - gamma);
      joint.col(acts[l]) += tau[k] * lam[l] * gamma * mul;
      joint.col(recs[k]) += tau[k] * lam[l] * (1.0 - gamma) * eta.cwiseMax(0.0);
    }
  }
  out.structure = information_structure(m, na);
  for (index_t w = 0; w < m; ++w) {
    out.structure.row(w) = joint.row(w) / joint.row(w).sum();
  }
  out.payoffs = ex_ante_payoffs(p, out.structure);
  out.gains = out.payoffs - ex_ante_payoffs(p, pi0);
  out.ic = check_obedience(p, out.structure, tol);
  out.beneficial = out.ic.ok && out.gains.minCoeff() > 0.0;
  return out;
}

/// \brief Nonnegative weights, summing to one, that make Σ_i y_i u_i(a) the same for all
/// actions — Corollary 1's condition and Proposition 1's characterisation (000 §3.1).
struct constant_sum_weights {
  lp::solve_status status = lp::solve_status::not_solved;
  bool exists = false;      ///< such weights exist
  Eigen::VectorXd weights;  ///< y (when exists)
  double constant = 0.0;    ///< the common value Σ_i y_i u_i(a)
  double residual = 0.0;    ///< max_a |Σ_i y_i u_i(a) − constant|, recomputed
  lp::solution lp;
};

/// \brief Find y ≥ 0, Σ y = 1 with Σ_i y_i u_i(a) constant over the actions of the |A|×n table
/// \p u (000 Corollary 1, Proposition 1).
/// \throws non_finite_error, invalid_argument (empty table).
inline constant_sum_weights find_constant_sum_weights(const Eigen::Ref<const Eigen::MatrixXd>& u,
                                                      const lp::solver_options& options = {},
                                                      double tol = 1e-9) {
  if (u.rows() == 0 || u.cols() == 0) {
    throw invalid_argument("find_constant_sum_weights: empty payoff table");
  }
  detail::check_finite(u, "find_constant_sum_weights: payoffs");
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
  r.status = r.lp.status;
  if (r.status == lp::solve_status::infeasible || r.status == lp::solve_status::infeasible_or_unbounded) {
    r.status = lp::solve_status::optimal;  // a decided question: no such weights
    r.exists = false;
    return r;
  }
  if (!r.lp.ok()) return r;
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
/// the weighted sum constant.
struct censorship_test {
  bool hypotheses_hold = false;  ///< A = {ā(ω)} and full information is discrete
  bool beneficial = false;       ///< the proposition's verdict (meaningful if hypotheses hold)
  constant_sum_weights weights;
};

/// \brief Proposition 1 (000 §3.1): beneficial censorship against full information.
/// \throws model_error (state-dependent payoffs), solver_error.
inline censorship_test beneficial_censorship(const problem& p, const beneficial_options& o = {}) {
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
  if (!r.weights.lp.ok() && r.weights.status != lp::solve_status::optimal) {
    throw solver_error("beneficial_censorship (000 Proposition 1)", r.weights.lp);
  }
  r.beneficial = !r.weights.exists;
  return r;
}

/// \brief Assumption 2 and condition (4) ("the winner takes the most") of Proposition 2.
struct winner_report {
  bool winners_and_losers = false;  ///< ū_i = u_i(a_i) > u_j(a_i) for all j ≠ i
  bool winner_takes_most = false;   ///< condition (4) for every agent
  /// Per agent: (ū_i − u_i^sb) − Σ_{j≠i}(u_i^sb − u_i(a_j)); condition (4) needs > 0.
  Eigen::VectorXd slack;
};

/// \brief Check Assumption 2's payoff part and condition (4) (000 Proposition 2) for a square
/// table \p u with u(j, i) = u_i(a_j).
/// \throws dimension_error (not square), non_finite_error.
inline winner_report winner_takes_most(const Eigen::Ref<const Eigen::MatrixXd>& u) {
  if (u.rows() != u.cols() || u.rows() < 2) {
    throw dimension_error(fmt::format(
        "winner_takes_most: the table must be n x n with n >= 2, got {}x{}", u.rows(), u.cols()));
  }
  detail::check_finite(u, "winner_takes_most: payoffs");
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
  return r;
}

/// \brief For one coalition of Theorem 2, an attainable action that helps exactly its members
/// and raises the total surplus.
struct coalition_witness {
  std::vector<int> members;  ///< φ
  index_t action = -1;       ///< −1: none found
};

/// \brief Theorem 2's condition for coalitions of size k.
struct coalition_test {
  int k = 0;
  bool holds = false;  ///< every φ of size k has a witness
  std::vector<coalition_witness> coalitions;
};

/// \brief Theorem 2 (000 §3.2) for one coalition size \p k: for each φ with |φ| = k look for an
/// attainable action a with u_i(a) > d_i on φ, u_i(a) < d_i off φ and Σ_i (u_i(a) − d_i) > 0
/// (strict by more than tol).
/// \throws model_error (state-dependent payoffs), invalid_argument (k out of range),
///         dimension_error, solver_error.
inline coalition_test coalition_condition(const problem& p,
                                          const Eigen::Ref<const Eigen::VectorXd>& d, int k,
                                          const beneficial_options& o = {}) {
  const int n = p.num_agents();
  if (k < 1 || k > n) {
    throw invalid_argument(fmt::format("coalition_condition: k = {} not in [1, {}]", k, n));
  }
  if (d.size() != n) throw dimension_error("coalition_condition: d has the wrong size");
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
  return r;
}

/// \brief The direct test for any payoffs (000 §3.3): is there an IC structure π with
/// E(u_i|π) > d_i for all i? LP: maximise s subject to E(u_i|π) − s ≥ d_i.
struct dominance_result {
  lp::solve_status status = lp::solve_status::not_solved;
  bool beneficial = false;          ///< s* > tol
  double surplus = 0.0;             ///< s*
  information_structure structure;  ///< an optimal π
  Eigen::VectorXd payoffs;          ///< E(u|π)
  /// Dual weights y ≥ 0, Σ y = 1 with Σ_i y_i (E(u_i|π') − d_i) ≤ s* for every IC π'.
  Eigen::VectorXd weights;
  lp::solution lp;
  std::string message;
  bool ok() const noexcept { return status == lp::solve_status::optimal; }
};

/// \brief Strict Pareto dominance of the disagreement payoffs \p d by an IC structure, as an LP
/// (000 §3.3).
/// \throws dimension_error, non_finite_error.
inline dominance_result find_beneficial_structure(const problem& p,
                                                  const Eigen::Ref<const Eigen::VectorXd>& d,
                                                  const beneficial_options& o = {}) {
  if (d.size() != p.num_agents()) {
    throw dimension_error("find_beneficial_structure: d has the wrong size");
  }
  detail::check_finite(d, "find_beneficial_structure: d");
  auto s = detail::make_structure_lp(p, p.prior(), lp::objective_sense::maximize);
  double scale = d.cwiseAbs().maxCoeff();
  for (int i = 0; i < p.num_agents(); ++i)
    scale = std::max(scale, p.agent(i).cwiseAbs().maxCoeff());
  const index_t sc = s.model.add_variable("s", -1.0 - 2.0 * scale, 1.0 + 2.0 * scale, 1.0);
  const index_t first = s.model.num_rows();
  for (int i = 0; i < p.num_agents(); ++i) {
    auto row = s.payoff_terms(p.agent(i));
    row.emplace_back(sc, -1.0);
    s.model.add_row(fmt::format("gain({})", i), row, d(i), lp::inf);
  }
  dominance_result r;
  r.lp = lp::solve(s.model, o.lp);
  r.status = r.lp.status;
  if (!r.ok()) {
    r.message = r.lp.message;
    return r;
  }
  r.surplus = r.lp.x(sc);
  r.beneficial = r.surplus > o.tol;
  r.structure = s.read(r.lp.x);
  r.payoffs = ex_ante_payoffs(p, r.structure);
  r.weights.resize(p.num_agents());
  for (int i = 0; i < p.num_agents(); ++i) {
    r.weights(i) = std::max(0.0, -r.lp.row_duals(first + i));
  }
  if (r.weights.sum() > 0.0) r.weights /= r.weights.sum();
  return r;
}

}  // namespace mechdesign::persuasion

#endif  // MECHDESIGN_PERSUASION_BENEFICIAL_HPP
