#ifndef MECHDESIGN_PERSUASION_BENEFICIAL_HPP
#define MECHDESIGN_PERSUASION_BENEFICIAL_HPP

/// \file
/// \brief Theorem 1's test for a beneficial agreement (an IC structure strictly better than the
/// disagreement payoffs d for every agent) with its certificate, the actions that are ā(μ) for
/// some belief, and Lemma 1's construction of an agreement.
///
/// Reference: 000_b82d6ff4761a0a82.txt §3: Theorem 1 (conditions (ii) and (iii)), Lemma 1 and
/// its proof (Appendix A.1). Corollary 1, Propositions 1–2 and Theorem 2 are in
/// agreement_conditions.hpp; strict Pareto dominance for state-dependent payoffs (§3.3) in
/// dominance.hpp.
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
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/information/obedience.hpp"
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
  tie_rule ties = tie_rule::follow_recommendation;  ///< see the file comment
  /// Decision threshold on surpluses, margins and certificates, finite and ≥ 0. In
  /// attainable_actions() and lottery_test() it is relative to the data's scale: a receiver
  /// margin counts when it exceeds tol · max |u_r|, a surplus when it exceeds
  /// tol · (max |u_i(a)| + max |d_i|), so scaling every payoff by 10^k changes no verdict. The
  /// other tests (dominance, coalition and censorship conditions) compare it as given.
  double tol = 1e-9;
  lp::solver_options lp;  ///< LP settings of every LP of the test
};

namespace detail {

/// Throws non_finite_error / invalid_argument unless o.tol is finite and ≥ 0.
inline void validate_beneficial_options(const beneficial_options& o, const char* where) {
  mechdesign::detail::check_tolerance(o.tol, "beneficial_options::tol", where);
}

}  // namespace detail

/// \brief Whether action a is the receiver's choice at some belief, with a witness belief.
/// status success once its LP is solved (attainable_actions() throws otherwise).
struct action_support : result_base {
  index_t action = -1;      ///< a
  double margin = 0.0;      ///< t* = max_μ min_{a'≠a} (value of a − value of a') at μ
  Eigen::VectorXd belief;   ///< a belief attaining t*
  bool attainable = false;  ///< under the tie rule of the options
  lp::solution lp;          ///< the LP and its certificate
};

/// \brief For every action, the LP deciding whether it is ā(μ) for some belief μ (000 Theorem
/// 1; see the file comment for the tie rule).
/// \throws dimension_error if |A|²·|Ω| exceeds mechdesign::detail::max_table_entries (before any
/// LP is built); solver_error if an LP has no verified optimum.
[[nodiscard]] inline std::vector<action_support> attainable_actions(
    const problem& p, const beneficial_options& o = {}) {
  detail::validate_beneficial_options(o, "attainable_actions");
  std::vector<action_support> out;
  const index_t m = p.num_states(), na = p.num_actions();
  // |A| LPs of |A| rows with |Ω| entries each: refused beyond the library's table limit
  (void)mechdesign::detail::checked_product(
      mechdesign::detail::checked_product(na, na, "the LPs' rows", "attainable_actions"), m,
      "the LPs' coefficients", "attainable_actions");
  const double receiver_scale = p.receiver().cwiseAbs().maxCoeff();  // snapping is relative
  // the LP works in units of max |u_r| (coefficients in [-2, 2], t within ±3), so payoffs of
  // any magnitude give the same LP; the margin is reported in the payoffs' units
  const double unit = receiver_scale > 0.0 ? receiver_scale : 1.0;
  const double bound = 1.0 + 2.0 * receiver_scale / unit;
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
        const double c =
            detail::snap(p.receiver()(a, w) - p.receiver()(b, w), receiver_scale) / unit;
        if (c != 0.0) row.emplace_back(w, c);
      }
      row.emplace_back(t, -1.0);
      lpm.add_row(fmt::format("beats({})", b), row, 0.0, lp::inf);
    }
    action_support s;
    s.action = a;
    s.lp = lp::solve(lpm, o.lp);
    lp::require_optimal(s.lp, fmt::format("persuasion::attainable_actions (action {})", a));
    s.margin = (na == 1 ? bound : s.lp.x(t)) * unit;
    s.belief = s.lp.x.head(m).cwiseMax(0.0);
    s.belief /= s.belief.sum();
    s.attainable = o.ties == tie_rule::follow_recommendation ? s.margin >= -o.tol * receiver_scale
                                                             : s.margin > o.tol * receiver_scale;
    s.status = status::success;
    out.push_back(std::move(s));
  }
  return out;
}

/// \brief Theorem 1's lottery LP and its dual certificate; ok() iff the LP reached a verified
/// optimum (status from lp::to_result_status).
struct lottery_result : result_base {
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
  lp::solution lp;  ///< the lottery LP
};

/// \brief Theorem 1 (ii)/(iii) for disagreement payoffs \p d (000 Theorem 1): maximise the
/// smallest surplus s over lotteries λ of attainable actions; s* > tol gives the lottery of (ii),
/// otherwise the dual weights y certify that (iii) fails. Both LPs work in units of the data's
/// scale, so finite payoffs of any magnitude (1e-300 to 1e300) give the same verdict and a
/// surplus in the payoffs' units.
/// \throws model_error (state-dependent payoffs), dimension_error (sizes, or |A|²·|Ω| beyond
///         mechdesign::detail::max_table_entries), non_finite_error, solver_error (an LP of
///         attainable_actions()).
[[nodiscard]] inline lottery_result lottery_test(const problem& p,
                                                 const Eigen::Ref<const Eigen::VectorXd>& d,
                                                 const beneficial_options& o = {}) {
  detail::validate_beneficial_options(o, "lottery_test");
  if (d.size() != p.num_agents()) {
    throw dimension_error(
        fmt::format("lottery_test: d has {} entries for {} agents", d.size(), p.num_agents()));
  }
  mechdesign::detail::require_finite(d, "d", "lottery_test");
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
  const double surplus_scale = u.cwiseAbs().maxCoeff() + d.cwiseAbs().maxCoeff();
  // the LP works in units of surplus_scale (coefficients in [-2, 2], s within ±3), so payoffs
  // of any magnitude give the same LP; s* is reported in the payoffs' units
  const double unit = surplus_scale > 0.0 ? surplus_scale : 1.0;
  const double bound = 1.0 + 2.0 * surplus_scale / unit;
  lp::model m(lp::objective_sense::maximize);
  for (index_t a = 0; a < na; ++a) {
    m.add_variable(fmt::format("lambda({})", a), 0.0,
                   r.attainable[static_cast<std::size_t>(a)] ? lp::inf : 0.0);
  }
  const index_t s = m.add_variable("s", -bound, bound, 1.0);
  for (int i = 0; i < n; ++i) {
    std::vector<std::pair<index_t, double>> row;
    for (index_t a = 0; a < na; ++a) {
      const double c = detail::snap(u(a, i) - d(i), surplus_scale) / unit;
      if (c != 0.0) row.emplace_back(a, c);
    }
    row.emplace_back(s, -1.0);
    m.add_row(fmt::format("surplus({})", i), row, 0.0, lp::inf);
  }
  std::vector<std::pair<index_t, double>> conv;
  for (index_t a = 0; a < na; ++a) conv.emplace_back(a, 1.0);
  m.add_row("lottery", conv, 1.0, 1.0);
  r.lp = lp::solve(m, o.lp);
  r.status = lp::to_result_status(r.lp.status);
  if (!r.ok()) {
    r.message = "Theorem 1 lottery LP: " + r.lp.message;
    return r;
  }
  r.surplus = r.lp.x(s) * unit;
  r.lottery = r.lp.x.head(na).cwiseMax(0.0);
  r.lottery /= r.lottery.sum();
  r.payoffs = u.transpose() * r.lottery;
  r.beneficial = r.surplus > o.tol * surplus_scale;
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
/// reports whether π0 is IC and discrete (the theorem's hypothesis). status and message are the
/// lottery's.
struct agreement_test : result_base {
  lottery_result lottery;                      ///< Theorem 1's LP with d = E(u|π0)
  discreteness_report disagreement_structure;  ///< Definition 1 for π0
  /// \brief π0 is IC and discrete (Definition 1), as Theorem 1 assumes.
  bool hypotheses_hold() const noexcept {
    return disagreement_structure.incentive_compatible && disagreement_structure.discrete;
  }
};

/// \brief Theorem 1 with d = E(u|π0) (000 Theorem 1 and eq. (1)).
/// \throws as lottery_test and validate_structure.
[[nodiscard]] inline agreement_test beneficial_agreement_test(
    const problem& p, const Eigen::Ref<const Eigen::MatrixXd>& pi0,
    const beneficial_options& o = {}) {
  detail::validate_beneficial_options(o, "beneficial_agreement_test");
  agreement_test t;
  t.disagreement_structure = check_discrete(p, pi0, o.tol);
  t.lottery = lottery_test(p, ex_ante_payoffs(p, pi0), o);
  t.status = t.lottery.status;
  t.message = t.lottery.message;
  return t;
}

/// \brief An IC structure built from a lottery by Lemma 1's construction, and its check;
/// status success iff the structure is IC and beneficial (else numerical_issue: the
/// construction's arithmetic did not certify).
struct constructed_agreement : result_base {
  information_structure structure;   ///< the merged recommendation matrix
  double epsilon = 0.0;              ///< shrink of π0's posteriors toward μ0
  double gamma = 0.0;                ///< weight of the lottery beliefs in each split
  Eigen::VectorXd payoffs;           ///< E(u|π), eq. (1)
  Eigen::VectorXd gains;             ///< payoffs − d
  information::obedience_report ic;  ///< information::check_obedience of the structure
  bool beneficial = false;           ///< IC and every gain > 0
};

/// \brief Lemma 1's Bayes-plausible construction (000 Appendix A.1, see the file comment):
/// turn the lottery of \p t into an IC structure strictly better than d = E(u|π0).
/// \param tol ≥ 0 and finite, the obedience tolerance of the checks.
/// \throws model_error if π0 is not IC or not discrete, the lottery is not beneficial, or \p t
/// is the lottery_result of another problem (its sizes differ); non_finite_error /
/// invalid_argument for a bad \p tol.
[[nodiscard]] inline constructed_agreement construct_agreement(
    const problem& p, const Eigen::Ref<const Eigen::MatrixXd>& pi0, const lottery_result& t,
    double tol = 1e-9) {
  mechdesign::detail::check_tolerance(tol, "tol", "construct_agreement");
  const index_t na0 = p.num_actions();
  if (t.lottery.size() != na0 || t.beliefs.rows() != p.num_states() || t.beliefs.cols() != na0 ||
      t.disagreement.size() != p.num_agents() || static_cast<index_t>(t.attainable.size()) != na0) {
    throw model_error(fmt::format(
        "construct_agreement: the lottery result does not belong to this problem (lottery of {} "
        "actions, beliefs {}x{}, {} disagreement payoffs; the problem has {} states, {} actions "
        "and {} agents)",
        t.lottery.size(), t.beliefs.rows(), t.beliefs.cols(), t.disagreement.size(), p.num_states(),
        na0, p.num_agents()));
  }
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
  out.ic = information::check_obedience(ur, mu0, out.structure, tol);
  out.beneficial = out.ic.passed && out.gains.minCoeff() > 0.0;
  if (out.beneficial) {
    out.status = status::success;
  } else {
    out.status = status::numerical_issue;
    out.message = fmt::format(
        "construct_agreement: the constructed structure is {} with smallest gain {:.3g}",
        out.ic.passed ? "obedient" : "not obedient", out.gains.minCoeff());
  }
  return out;
}

}  // namespace mechdesign::persuasion

#endif  // MECHDESIGN_PERSUASION_BENEFICIAL_HPP
