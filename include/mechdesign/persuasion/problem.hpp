#ifndef MECHDESIGN_PERSUASION_PROBLEM_HPP
#define MECHDESIGN_PERSUASION_PROBLEM_HPP

/// \file
/// \brief The informational bargaining environment: states with an interior prior, receiver
/// actions, receiver and agent payoffs; information structures as row-stochastic recommendation
/// matrices (information::experiment); posteriors, ex-ante payoffs (1), the receiver's optimal
/// action with an explicit tie-breaking rule, and the discreteness test of Definition 1.
/// Obedience (IC) is the information layer's check: information::check_obedience(p.receiver(),
/// p.prior(), pi).
///
/// Reference: 000_b82d6ff4761a0a82.txt §2 and Definition 1 (§3.1).
///
/// Conventions. Payoff tables are |A|×|Ω| (row a, column ω: u(a, ω)). An information
/// structure π is |Ω|×|A| with row ω the distribution π(·|ω) of recommended actions.
/// Tie-breaking: where the receiver must choose among optimal actions (no_information,
/// full_information, optimal_action), she takes the lowest-indexed action whose expected payoff
/// is within `tol` of the maximum. Under an information structure she follows every
/// recommendation that is optimal at its posterior (Assumption 3, §4).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/types.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/information/detail/obedience_rows.hpp"
#include "mechdesign/information/experiment.hpp"
#include "mechdesign/information/obedience.hpp"

namespace mechdesign::persuasion {

/// \brief π(a|ω) as a |Ω|×|A| row-stochastic matrix (000 §2): an alias of the information
/// layer's one experiment type, information::experiment (signals = recommended actions).
using information_structure = information::experiment;

namespace detail {

using information::detail::snap;

}  // namespace detail

/// \brief States Ω with an interior prior μ0, receiver actions A, the receiver's payoff u_r and
/// the agents' payoffs u_i (000 §2).
class problem {
 public:
  problem() = default;

  /// \brief The environment (000 §2).
  /// \param prior μ0 over Ω, interior (every entry > 0) and summing to 1 within \p tol.
  /// \param receiver u_r as an |A|×|Ω| table.
  /// \param agents one |A|×|Ω| table u_i per agent (at least one agent).
  /// \throws dimension_error, non_finite_error, distribution_error, zero_probability_error,
  ///         invalid_argument (no states, actions or agents).
  problem(Eigen::VectorXd prior, Eigen::MatrixXd receiver, std::vector<Eigen::MatrixXd> agents,
          double tol = 1e-9)
      : prior_(std::move(prior)), receiver_(std::move(receiver)), agents_(std::move(agents)) {
    if (prior_.size() == 0) throw invalid_argument("persuasion::problem: no states");
    if (receiver_.rows() == 0) throw invalid_argument("persuasion::problem: no actions");
    if (agents_.empty()) throw invalid_argument("persuasion::problem: no agents");
    mechdesign::detail::require_distribution(prior_, prior_.size(), "prior", "persuasion::problem",
                                             tol);
    for (index_t w = 0; w < prior_.size(); ++w) {
      if (!(prior_(w) > 0.0)) {
        throw zero_probability_error(
            fmt::format("persuasion::problem: the prior must be interior; state {} has 0", w));
      }
    }
    if (receiver_.cols() != prior_.size()) {
      throw dimension_error(
          fmt::format("persuasion::problem: receiver table is {}x{}, expected {} "
                      "columns (states)",
                      receiver_.rows(), receiver_.cols(), prior_.size()));
    }
    mechdesign::detail::require_finite(receiver_, "receiver payoff", "persuasion::problem");
    for (std::size_t i = 0; i < agents_.size(); ++i) {
      if (agents_[i].rows() != receiver_.rows() || agents_[i].cols() != receiver_.cols()) {
        throw dimension_error(fmt::format(
            "persuasion::problem: agent {} table is {}x{}, expected "
            "{}x{}",
            i, agents_[i].rows(), agents_[i].cols(), receiver_.rows(), receiver_.cols()));
      }
      mechdesign::detail::require_finite(agents_[i], fmt::format("agent {} payoff", i),
                                         "persuasion::problem");
    }
  }

  /// \brief An environment with state-independent agent payoffs (Assumption 1): \p payoffs is
  /// |A|×n with entry (a, i) = u_i(a) (000 §3.1).
  /// \throws as the constructor.
  static problem state_independent(Eigen::VectorXd prior, Eigen::MatrixXd receiver,
                                   const Eigen::Ref<const Eigen::MatrixXd>& payoffs,
                                   double tol = 1e-9) {
    if (receiver.cols() != prior.size()) {  // checked first: a transposed table is the usual cause
      throw dimension_error(fmt::format(
          "persuasion::problem::state_independent: the receiver table is {}x{}, expected |A| x "
          "|Omega| with {} columns (one per state){}",
          receiver.rows(), receiver.cols(), prior.size(),
          receiver.rows() == prior.size() ? "; it looks transposed" : ""));
    }
    if (payoffs.rows() != receiver.rows()) {
      throw dimension_error(
          fmt::format("persuasion::problem::state_independent: payoffs have {} rows for {} actions",
                      payoffs.rows(), receiver.rows()));
    }
    if (payoffs.cols() == 0) throw invalid_argument("persuasion::problem: no agents");
    std::vector<Eigen::MatrixXd> agents;
    for (index_t i = 0; i < payoffs.cols(); ++i) {
      agents.push_back(payoffs.col(i).replicate(1, receiver.cols()));
    }
    return problem(std::move(prior), std::move(receiver), std::move(agents), tol);
  }

  /// \brief |Ω|.
  index_t num_states() const noexcept { return prior_.size(); }
  /// \brief |A|.
  index_t num_actions() const noexcept { return receiver_.rows(); }
  /// \brief n, the number of agents.
  int num_agents() const noexcept { return static_cast<int>(agents_.size()); }
  /// \brief μ0.
  const Eigen::VectorXd& prior() const noexcept { return prior_; }
  /// \brief u_r as |A|×|Ω|.
  const Eigen::MatrixXd& receiver() const noexcept { return receiver_; }
  /// \brief u_i as |A|×|Ω|. \throws index_error.
  const Eigen::MatrixXd& agent(int i) const {
    check_agent(i);
    return agents_[static_cast<std::size_t>(i)];
  }

  /// \brief Whether every agent's payoff is state-independent within \p tol (Assumption 1).
  /// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
  bool is_state_independent(double tol = 1e-12) const {
    mechdesign::detail::check_tolerance(tol, "tol", "persuasion::problem::is_state_independent");
    for (const auto& u : agents_) {
      for (index_t a = 0; a < u.rows(); ++a) {
        if (u.row(a).maxCoeff() - u.row(a).minCoeff() > tol) return false;
      }
    }
    return true;
  }

  /// \brief The |A|×n table u_i(a) of a state-independent environment (Assumption 1).
  /// \throws model_error if some u_i depends on the state by more than \p tol.
  Eigen::MatrixXd action_payoffs(double tol = 1e-12) const {
    if (!is_state_independent(tol)) {
      throw model_error(
          "persuasion::problem: agents' payoffs depend on the state (Assumption 1 "
          "of 000 §3.1 fails)");
    }
    Eigen::MatrixXd u(num_actions(), num_agents());
    for (int i = 0; i < num_agents(); ++i) u.col(i) = agents_[static_cast<std::size_t>(i)].col(0);
    return u;
  }

  /// \brief Throws index_error unless 0 ≤ i < n.
  void check_agent(int i) const {
    if (i < 0 || i >= num_agents()) {
      throw index_error(
          fmt::format("persuasion::problem: agent {} out of range [0, {})", i, num_agents()));
    }
  }
  /// \brief Throws index_error unless a is an action.
  void check_action(index_t a) const {
    if (a < 0 || a >= num_actions()) {
      throw index_error(
          fmt::format("persuasion::problem: action {} out of range [0, {})", a, num_actions()));
    }
  }

 private:
  Eigen::VectorXd prior_;
  Eigen::MatrixXd receiver_;
  std::vector<Eigen::MatrixXd> agents_;
};

/// \brief Throws unless \p pi is a |Ω|×|A| row-stochastic matrix (rows sum to 1 within \p tol)
/// (000 §2); information::validate_experiment() with the problem's sizes.
/// \param where the public function being called, printed first in the message.
/// \throws dimension_error, non_finite_error, distribution_error.
inline void validate_structure(const problem& p, const Eigen::Ref<const Eigen::MatrixXd>& pi,
                               double tol = 1e-9,
                               const std::string& where = "persuasion::validate_structure") {
  information::validate_experiment(pi, p.num_states(), p.num_actions(),
                                   where + ": information structure", tol);
}

/// \brief Throws unless \p belief is a distribution over Ω within \p tol (000 §2).
/// \throws dimension_error, non_finite_error, distribution_error.
inline void validate_belief(const problem& p, const Eigen::Ref<const Eigen::VectorXd>& belief,
                            double tol = 1e-9) {
  mechdesign::detail::require_distribution(belief, p.num_states(), "belief", "persuasion", tol);
}

/// \brief The receiver's expected payoff Σ_ω μ(ω) u_r(a, ω) of every action at belief μ (000 §2).
inline Eigen::VectorXd receiver_values(const problem& p,
                                       const Eigen::Ref<const Eigen::VectorXd>& belief) {
  validate_belief(p, belief);
  return p.receiver() * belief;
}

/// \brief The receiver-optimal actions ā(μ) at belief μ: all actions within \p tol of the best
/// expected payoff, in increasing index order (000 §2).
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline std::vector<index_t> optimal_actions(const problem& p,
                                            const Eigen::Ref<const Eigen::VectorXd>& belief,
                                            double tol = 1e-9) {
  mechdesign::detail::check_tolerance(tol, "tol", "optimal_actions");
  const Eigen::VectorXd v = receiver_values(p, belief);
  const double best = v.maxCoeff();
  std::vector<index_t> out;
  for (index_t a = 0; a < v.size(); ++a) {
    if (v(a) >= best - tol) out.push_back(a);
  }
  return out;
}

/// \brief The receiver's pure optimal strategy ā(μ) with the explicit tie-breaking rule of this
/// library: the lowest-indexed action within \p tol of the best (000 §2).
inline index_t optimal_action(const problem& p, const Eigen::Ref<const Eigen::VectorXd>& belief,
                              double tol = 1e-9) {
  return optimal_actions(p, belief, tol).front();
}

/// \brief The agents' expected payoffs Σ_ω μ(ω) u_i(a, ω) when the receiver takes \p a at
/// belief μ (the payoffs of a lottery point in Theorem 1 (ii), 000 §3.1).
/// \throws the exceptions of validate_belief(); index_error unless 0 ≤ a < |A|.
inline Eigen::VectorXd payoffs_at_belief(const problem& p,
                                         const Eigen::Ref<const Eigen::VectorXd>& belief,
                                         index_t a) {
  validate_belief(p, belief);
  mechdesign::detail::require_index(a, p.num_actions(), "the action", "payoffs_at_belief");
  Eigen::VectorXd x(p.num_agents());
  for (int i = 0; i < p.num_agents(); ++i) x(i) = p.agent(i).row(a).dot(belief);
  return x;
}

/// \brief The no-information structure: every state recommends ā(μ0) (000 §2).
inline information_structure no_information(const problem& p, double tol = 1e-9) {
  information_structure pi = information_structure::Zero(p.num_states(), p.num_actions());
  pi.col(optimal_action(p, p.prior(), tol)).setOnes();
  return pi;
}

/// \brief Full information: state ω recommends ā(ω), the optimal action at the degenerate
/// belief on ω (000 §2).
inline information_structure full_information(const problem& p, double tol = 1e-9) {
  information_structure pi = information_structure::Zero(p.num_states(), p.num_actions());
  for (index_t w = 0; w < p.num_states(); ++w) {
    pi(w, optimal_action(p, Eigen::VectorXd::Unit(p.num_states(), w), tol)) = 1.0;
  }
  return pi;
}

/// \brief P(a|π) = Σ_ω μ0(ω) π(a|ω), the probability of each recommendation (000 Lemma 4).
inline Eigen::VectorXd recommendation_probabilities(const problem& p,
                                                    const Eigen::Ref<const Eigen::MatrixXd>& pi) {
  validate_structure(p, pi, 1e-9, "recommendation_probabilities");
  return information::signal_probabilities(pi, p.prior());
}

/// \brief The posterior μ(·|a, π) after recommendation \p a, by Bayes' rule (000 §2).
/// \throws the exceptions of validate_structure(); index_error unless 0 ≤ a < |A|;
/// zero_probability_error if π never recommends a.
inline Eigen::VectorXd posterior(const problem& p, const Eigen::Ref<const Eigen::MatrixXd>& pi,
                                 index_t a) {
  validate_structure(p, pi, 1e-9, "persuasion::posterior");
  mechdesign::detail::require_index(a, p.num_actions(), "the recommendation",
                                    "persuasion::posterior");
  return information::signal_posterior(pi, p.prior(), a);
}

/// \brief Ex-ante payoffs E(u_i|π) = Σ_ω μ0(ω) Σ_a π(a|ω) u_i(a, ω) of every agent, eq. (1)
/// (000 §2).
inline Eigen::VectorXd ex_ante_payoffs(const problem& p,
                                       const Eigen::Ref<const Eigen::MatrixXd>& pi) {
  validate_structure(p, pi, 1e-9, "ex_ante_payoffs");
  Eigen::VectorXd x(p.num_agents());
  for (int i = 0; i < p.num_agents(); ++i) {
    double s = 0.0;
    for (index_t w = 0; w < p.num_states(); ++w) {
      s += p.prior()(w) * pi.row(w).dot(p.agent(i).col(w));
    }
    x(i) = s;
  }
  return x;
}

/// \brief The receiver's ex-ante payoff under π when she follows every recommendation (000 §2).
inline double receiver_payoff(const problem& p, const Eigen::Ref<const Eigen::MatrixXd>& pi) {
  validate_structure(p, pi, 1e-9, "receiver_payoff");
  double s = 0.0;
  for (index_t w = 0; w < p.num_states(); ++w) {
    s += p.prior()(w) * pi.row(w).dot(p.receiver().col(w));
  }
  return s;
}

/// \brief Result of the discreteness test of Definition 1.
struct discreteness_report {
  bool passed = true;         ///< π is IC and discrete (Definition 1 holds)
  bool discrete = true;       ///< every recommended posterior has a unique optimal action
  double min_margin = 0.0;    ///< smallest (best − second best) receiver value over posteriors
  index_t worst_action = -1;  ///< recommendation attaining min_margin
  bool incentive_compatible = true;  ///< the structure passed check_obedience
};

/// \brief Definition 1 (000 §3.1): π is discrete if at the posterior of every recommendation
/// the receiver has a unique optimal action — here, the best action beats every other by more
/// than \p tol. Also reports whether π is IC (Definition 1 presumes it, by
/// information::check_obedience with the receiver's payoffs and the prior).
/// \throws the exceptions of validate_structure().
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
[[nodiscard]] inline discreteness_report check_discrete(const problem& p,
                                                        const Eigen::Ref<const Eigen::MatrixXd>& pi,
                                                        double tol = 1e-9) {
  mechdesign::detail::check_tolerance(tol, "tol", "check_discrete");
  discreteness_report r;
  validate_structure(p, pi, 1e-9, "check_discrete");
  r.incentive_compatible = information::check_obedience(p.receiver(), p.prior(), pi, tol).passed;
  r.min_margin = std::numeric_limits<double>::infinity();
  for (index_t a = 0; a < p.num_actions(); ++a) {
    const Eigen::VectorXd joint = pi.col(a).cwiseProduct(p.prior());
    const double mass = joint.sum();
    if (!(mass > 0.0)) continue;
    const Eigen::VectorXd v = p.receiver() * (joint / mass);
    if (v.size() < 2) continue;
    index_t best = 0;
    v.maxCoeff(&best);
    double second = -std::numeric_limits<double>::infinity();
    for (index_t b = 0; b < v.size(); ++b) {
      if (b != best) second = std::max(second, v(b));
    }
    const double margin = v(best) - second;
    if (margin < r.min_margin) {
      r.min_margin = margin;
      r.worst_action = a;
    }
  }
  if (r.worst_action < 0) r.min_margin = std::numeric_limits<double>::infinity();
  r.discrete = r.min_margin > tol;
  r.passed = r.discrete && r.incentive_compatible;
  return r;
}

}  // namespace mechdesign::persuasion

#endif  // MECHDESIGN_PERSUASION_PROBLEM_HPP
