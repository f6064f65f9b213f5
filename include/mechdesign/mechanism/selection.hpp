#ifndef MECHDESIGN_MECHANISM_SELECTION_HPP
#define MECHDESIGN_MECHANISM_SELECTION_HPP

/// \file
/// \brief The mechanism-selection problem Γ_S^i(μ_{S∖i}): player i dictates a mechanism for S,
/// every other member can veto it and fall back on the threat μ_{S∖i}. Feasibility (Def. 1),
/// undominated mechanisms via the LP (4.3), safe mechanisms (4.12a–b), strong solutions.
///
/// Reference: 003_c8f96a2253701fcb.txt §4, eqs. (4.1)–(4.3), (4.12a–b), Definitions 1–3,
/// footnote 12 (safety requires (4.12b) with equality).
///
/// Strong solutions are found with two LPs. (1) Maximise Σ_t U_i(μ | t) over safe mechanisms:
/// dictator IC, IC of every other member conditional on each type of i (4.12a), and (4.12b) as
/// equalities. (2) Test the maximiser μ* for domination among feasible mechanisms (the primal
/// (4.3) with thresholds U_i(μ* | t) for i's types). If a strong solution μ^s exists, no safe
/// mechanism gives any type of i more than μ^s does (otherwise that type could demand it: it
/// stays feasible whatever the others infer, contradicting the argument of §4.3), so μ* has
/// μ^s's utilities and is itself undominated. Hence: LP (1) infeasible ⇒ no safe mechanism and
/// no strong solution; μ* dominated ⇒ no strong solution; otherwise μ* is one.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/mechanism/detail/mechanism_lp.hpp"
#include "mechdesign/mechanism/primal.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"
#include "mechdesign/mechanism/warranted_claims.hpp"

namespace mechdesign {

/// \brief Report of mechanism_selection::check_feasible (Definition 1).
struct selection_feasibility {
  bool passed = false;                   ///< the mechanism is feasible (IC and (4.1) within tol)
  ic_report<double> ic;                  ///< (3.2) for every member of S
  double participation_shortfall = 0.0;  ///< worst U_j^{S∖i}(threat) − U_j^S(μ) over j ≠ i (4.1)
  int player = -1;                       ///< where the worst shortfall is (global index), or -1
  index_t type = -1;
};

/// \brief Report of mechanism_selection::check_safe (Definition 3, (4.12a–b)).
struct safety_report {
  bool passed = false;                    ///< safe: feasible given every type of the dictator
  std::vector<bool> feasible_given;       ///< per dictator type t_i
  double dictator_ic_violation = 0.0;     ///< (3.2) for i
  double conditional_ic_violation = 0.0;  ///< worst gain in (4.12a)
  double participation_gap = 0.0;         ///< worst |lhs − rhs| of (4.12b)
};

/// \brief What the strong-solution search concluded.
enum class strong_solution_verdict {
  undetermined,       ///< an LP failed before a verdict (see strong_solution_result::status)
  found,              ///< a safe and undominated mechanism
  no_safe_mechanism,  ///< (4.12a–b) cannot be met: no strong solution
  dominated           ///< the best safe mechanism is dominated: no strong solution
};

/// \brief The former name of strong_solution_verdict.
using strong_solution_status = strong_solution_verdict;

/// \brief Short name of a strong_solution_verdict.
inline const char* to_string(strong_solution_verdict s) noexcept {
  switch (s) {
    case strong_solution_verdict::undetermined:
      return "undetermined";
    case strong_solution_verdict::found:
      return "found";
    case strong_solution_verdict::no_safe_mechanism:
      return "no_safe_mechanism";
    case strong_solution_verdict::dominated:
      return "dominated";
  }
  return "unknown";
}

/// \brief Result of mechanism_selection::strong_solution(). status is success when a verdict was
/// reached (found, no_safe_mechanism and dominated are all usable answers); otherwise it is the
/// status of the LP that failed and the verdict is undetermined.
struct strong_solution_result : result_base {
  strong_solution_verdict verdict = strong_solution_verdict::undetermined;  ///< the conclusion
  mechanism<double> best_safe;         ///< the maximiser of LP (1) (when a safe mechanism exists)
  Eigen::VectorXd dictator_utilities;  ///< U_i(best_safe | t_i)
  safety_report safety;                ///< independent re-check of best_safe
  Eigen::VectorXd domination_gain;     ///< per dictator type, from LP (2) (≈ 0 when found)
  lp::solution safe_lp;                ///< LP (1)
  primal_result domination_lp;         ///< LP (2)

  /// \brief True iff a strong solution was found (best_safe is it).
  bool exists() const noexcept { return verdict == strong_solution_verdict::found; }
};

/// \brief The mechanism-selection problem Γ_S^i(μ_{S∖i}) (003 §4).
class mechanism_selection {
 public:
  /// \brief Γ_S^i(μ_{S∖i}) for game \p game (= Γ_S), dictator \p dictator (global index) and the
  /// threat of S \ {dictator}.
  /// \throws index_error if the dictator is not in S, model_error if the threat is not a
  /// mechanism of S \ {dictator}, if S is a singleton, or if the prior is correlated.
  mechanism_selection(coalition_problem<double> game, int dictator, coalition_threat threat,
                      primal_options options = {})
      : game_(std::move(game)),
        dictator_(dictator),
        threat_(std::move(threat)),
        options_(options),
        primal_(game_, options) {
    position_ = detail::check_dictator_and_threat(game_, dictator, threat_, "mechanism_selection");
    const auto u = interim_utilities(threat_.problem, threat_.plan, 1e-9);
    for (int k = 0; k < game_.num_members(); ++k) {
      if (k == position_) {
        threat_utilities_.push_back(Eigen::VectorXd::Constant(game_.num_types(k), -lp::inf));
      } else {
        const int player = game_.members().members()[static_cast<std::size_t>(k)];
        threat_utilities_.push_back(
            u[static_cast<std::size_t>(threat_.problem.members().position(player))]);
      }
    }
    primal_.set_participation(threat_utilities_);
  }

  /// \brief The game Γ_S.
  const coalition_problem<double>& game() const noexcept { return game_; }
  /// \brief The dictator i (global index).
  int dictator() const noexcept { return dictator_; }
  /// \brief The threat μ_{S∖i}.
  const coalition_threat& threat() const noexcept { return threat_; }
  /// \brief The right-hand sides of (4.1), U_j^{S∖i}(μ_{S∖i} | t_j), one vector per member of S
  /// in S's order; the dictator's entry is −∞ (no constraint).
  const type_vectors<double>& threat_utilities() const noexcept { return threat_utilities_; }

  /// \brief Definition 1: IC for S (3.2) and participation (4.1) for every j ≠ i.
  /// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
  selection_feasibility check_feasible(const mechanism<double>& m, double tol = 1e-7) const {
    detail::require_tolerance(tol, "tol", "mechanism_selection::check_feasible", HUGE_VAL);
    selection_feasibility r;
    detail::with_entry("mechanism_selection::check_feasible",
                       [&] { validate_mechanism(game_, m, tol); });
    r.ic = check_incentive_compatibility(game_, m, tol);
    const auto u = interim_utilities(game_, m, tol);
    for (int k = 0; k < game_.num_members(); ++k) {
      if (k == position_) continue;
      for (index_t t = 0; t < game_.num_types(k); ++t) {
        const double shortfall =
            threat_utilities_[static_cast<std::size_t>(k)](t) - u[static_cast<std::size_t>(k)](t);
        if (shortfall > r.participation_shortfall) {
          r.participation_shortfall = shortfall;
          r.player = game_.members().members()[static_cast<std::size_t>(k)];
          r.type = t;
        }
      }
    }
    r.passed = r.ic.passed && r.participation_shortfall <= tol;
    return r;
  }

  /// \brief An undominated mechanism: the primal (4.3) for strictly positive weights
  /// \p weights on the dictator's types (warm-started across calls).
  /// \throws dimension_error, invalid_argument (a weight that is not strictly positive).
  [[nodiscard]] primal_result undominated(const Eigen::VectorXd& weights) {
    check_dictator_weights(weights, "undominated");
    return primal_.solve(dictator_weights(weights));
  }

  /// \brief Definition 3: whether \p m is feasible given each type of the dictator
  /// ((3.2) for i, (4.12a) and (4.12b) for every j ≠ i).
  /// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
  safety_report check_safe(const mechanism<double>& m, double tol = 1e-7) const {
    detail::require_tolerance(tol, "tol", "mechanism_selection::check_safe", HUGE_VAL);
    validate_mechanism(game_, m, tol);
    safety_report r;
    const index_t ni = game_.num_types(position_);
    r.feasible_given.assign(static_cast<std::size_t>(ni), true);
    const auto ic = check_incentive_compatibility(game_, m, tol);
    const auto& gains_i = ic.gains[static_cast<std::size_t>(position_)];
    for (index_t t = 0; t < ni; ++t) {
      const double worst = gains_i.row(t).maxCoeff();
      r.dictator_ic_violation = std::max(r.dictator_ic_violation, worst);
      if (worst > tol) r.feasible_given[static_cast<std::size_t>(t)] = false;
    }
    for (int k = 0; k < game_.num_members(); ++k) {
      if (k == position_) continue;
      const auto cond = conditional_utilities(m, k);  // [t_i](t_k, τ_k)
      for (index_t ti = 0; ti < ni; ++ti) {
        const Eigen::MatrixXd& c = cond[static_cast<std::size_t>(ti)];
        for (index_t tk = 0; tk < c.rows(); ++tk) {
          const double gain = (c.row(tk).array() - c(tk, tk)).maxCoeff();
          const double gap =
              std::abs(c(tk, tk) - threat_utilities_[static_cast<std::size_t>(k)](tk));
          r.conditional_ic_violation = std::max(r.conditional_ic_violation, gain);
          r.participation_gap = std::max(r.participation_gap, gap);
          if (gain > tol || gap > tol) r.feasible_given[static_cast<std::size_t>(ti)] = false;
        }
      }
    }
    r.passed =
        std::all_of(r.feasible_given.begin(), r.feasible_given.end(), [](bool b) { return b; });
    return r;
  }

  /// \brief Find a strong solution (safe and undominated) or report that none exists (see the
  /// file comment for the method and why it is complete).
  /// \param tol tolerance of the domination and safety tests.
  ///        (NaN, ±∞ or a negative value throw non_finite_error / invalid_argument.)
  /// \param weights positive weights on the dictator's types for LP (1) (default: all ones);
  /// by the argument in the file comment the verdict does not depend on them.
  /// \returns the verdict with status success, or (an LP ended without a verified optimum for a
  /// reason other than infeasibility of the safe set) that LP's status and verdict undetermined.
  /// \throws dimension_error / invalid_argument on bad weights.
  [[nodiscard]] strong_solution_result strong_solution(double tol = 1e-7,
                                                       Eigen::VectorXd weights = {}) {
    detail::require_tolerance(tol, "tol", "mechanism_selection::strong_solution", HUGE_VAL);
    strong_solution_result r;
    const detail::mechanism_columns cols(game_);
    lp::model m(lp::objective_sense::maximize);
    cols.add_to(m);
    const index_t ni = game_.num_types(position_);
    if (weights.size() == 0) weights = Eigen::VectorXd::Ones(ni);
    check_dictator_weights(weights, "strong_solution");
    const auto& ts = game_.types();
    // dictator IC and the objective Σ_t w(t) U_i(μ | t)
    {
      const detail::report_table own = cols.report_terms(position_);
      for (index_t t = 0; t < ni; ++t) {
        for (const auto& [col, v] : own[static_cast<std::size_t>(t)][static_cast<std::size_t>(t)]) {
          m.set_objective(col, m.objective(col) + weights(t) * v);
        }
        detail::add_ic_rows(m, own, t, [&](index_t tau) {
          return fmt::format("ic[{}:{}->{}]", dictator_, t, tau);
        });
      }
    }
    // (4.12a) and (4.12b) for every other member, conditional on each t_i
    for (int k = 0; k < game_.num_members(); ++k) {
      if (k == position_) continue;
      const index_t nk = game_.num_types(k);
      const int player = game_.members().members()[static_cast<std::size_t>(k)];
      for (index_t ti = 0; ti < ni; ++ti) {
        // U_k(μ, τ_k | t_k) given t_i: the profiles with that t_i, conditionally weighted
        const detail::report_table terms = cols.report_terms(k, [&](index_t j) {
          return ts.type_of(j, position_) == ti ? conditional_weight(j, k) : 0.0;
        });
        for (index_t tk = 0; tk < nk; ++tk) {
          const double rhs = threat_utilities_[static_cast<std::size_t>(k)](tk);
          m.add_row(fmt::format("safe_participation[{}|{}:{}]", ti, player, tk),
                    terms[static_cast<std::size_t>(tk)][static_cast<std::size_t>(tk)], rhs, rhs);
          detail::add_ic_rows(m, terms, tk, [&](index_t tau) {
            return fmt::format("safe_ic[{}|{}:{}->{}]", ti, player, tk, tau);
          });
        }
      }
    }
    r.safe_lp = lp::solve(m, options_.lp);
    if (r.safe_lp.status == lp::solve_status::infeasible ||
        r.safe_lp.status == lp::solve_status::infeasible_or_unbounded) {
      r.verdict = strong_solution_verdict::no_safe_mechanism;
      r.status = status::success;
      r.message = "no mechanism is feasible given every type of the dictator: no strong solution";
      return r;
    }
    if (!r.safe_lp.ok()) {
      r.status = lp::to_result_status(r.safe_lp.status);
      r.message = fmt::format("strong_solution: best safe mechanism: LP status {}{}{}",
                              lp::to_string(r.safe_lp.status),
                              r.safe_lp.message.empty() ? "" : ": ", r.safe_lp.message);
      return r;
    }
    r.best_safe = cols.read(r.safe_lp.x);
    r.dictator_utilities =
        interim_utilities(game_, r.best_safe, 1e-9)[static_cast<std::size_t>(position_)];
    r.safety = check_safe(r.best_safe, tol);
    // LP (2): can a feasible mechanism do better for some type without hurting another?
    type_vectors<double> thresholds = threat_utilities_;
    thresholds[static_cast<std::size_t>(position_)] = r.dictator_utilities;
    incentive_primal check(game_, options_);
    check.set_participation(thresholds);
    r.domination_lp = check.solve(dictator_weights(Eigen::VectorXd::Ones(ni)));
    const primal_result& d = r.domination_lp;
    if (!d.ok()) {
      r.status = d.status;
      r.message = fmt::format("strong_solution: domination test: {}", d.message);
      return r;
    }
    r.status = status::success;
    r.domination_gain = d.interim[static_cast<std::size_t>(position_)] - r.dictator_utilities;
    const double scale = 1.0 + r.dictator_utilities.cwiseAbs().maxCoeff();
    if (r.domination_gain.maxCoeff() > tol * scale) {
      r.verdict = strong_solution_verdict::dominated;
      index_t worst = 0;
      r.domination_gain.maxCoeff(&worst);
      r.message = fmt::format(
          "the best safe mechanism is dominated (type {} of player {} can gain {:.6g}): no strong "
          "solution",
          worst, dictator_, r.domination_gain(worst));
      return r;
    }
    r.verdict = strong_solution_verdict::found;
    if (!r.safety.passed) {
      r.message = fmt::format(
          "found, but the independent safety re-check leaves residuals (conditional IC {:.3g}, "
          "(4.12b) {:.3g})",
          r.safety.conditional_ic_violation, r.safety.participation_gap);
    }
    return r;
  }

 private:
  void check_dictator_weights(const Eigen::VectorXd& weights, const char* where) const {
    if (weights.size() != game_.num_types(position_)) {
      throw dimension_error(fmt::format("{}: {} weights for {} types", where, weights.size(),
                                        game_.num_types(position_)));
    }
    for (index_t t = 0; t < weights.size(); ++t) {
      if (!(weights(t) > 0.0) || !std::isfinite(weights(t))) {
        throw invalid_argument(
            fmt::format("{}: the weight of type {} must be positive and finite (got {})", where, t,
                        weights(t)));
      }
    }
  }

  type_vectors<double> dictator_weights(const Eigen::VectorXd& w) const {
    type_vectors<double> lambda;
    for (int k = 0; k < game_.num_members(); ++k) {
      lambda.push_back(k == position_ ? w : Eigen::VectorXd::Zero(game_.num_types(k)));
    }
    return lambda;
  }

  // p(t_{S\{i,k}}) at profile j: the weight of (4.12a–b) given t_i and t_k.
  double conditional_weight(index_t j, int k) const {
    const auto& ts = game_.types();
    return game_.probability(j) / (game_.beliefs().marginal(position_)(ts.type_of(j, position_)) *
                                   game_.beliefs().marginal(k)(ts.type_of(j, k)));
  }

  // For member k: one |T_k| × |T_k| matrix per dictator type t_i, entry (t_k, τ_k) the
  // expected payoff of type t_k reporting τ_k given t_i (both sides of (4.12a)).
  std::vector<Eigen::MatrixXd> conditional_utilities(const mechanism<double>& m, int k) const {
    const auto& ts = game_.types();
    const index_t ni = game_.num_types(position_), nk = game_.num_types(k);
    std::vector<Eigen::MatrixXd> out(static_cast<std::size_t>(ni), Eigen::MatrixXd::Zero(nk, nk));
    const auto& u = game_.utility(k);
    for (index_t j = 0; j < game_.num_profiles(); ++j) {
      const double w = conditional_weight(j, k);
      const index_t ti = ts.type_of(j, position_), tk = ts.type_of(j, k);
      for (index_t tau = 0; tau < nk; ++tau) {
        const index_t jr = ts.with_type(j, k, tau);
        double value = m.probabilities.col(jr).dot(u.col(j));
        if (game_.money()) value += m.transfers(k, jr);
        out[static_cast<std::size_t>(ti)](tk, tau) += w * value;
      }
    }
    return out;
  }

  coalition_problem<double> game_;
  int dictator_;
  int position_ = -1;
  coalition_threat threat_;
  primal_options options_;
  incentive_primal primal_;
  type_vectors<double> threat_utilities_;
};

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_SELECTION_HPP
