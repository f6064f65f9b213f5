#ifndef MECHDESIGN_MECHANISM_PRIMAL_HPP
#define MECHDESIGN_MECHANISM_PRIMAL_HPP

/// \file
/// \brief The primal problem (3.5): the incentive-compatible mechanism maximising the
/// λ-weighted sum of interim utilities, optionally with participation constraints
/// U_k(μ | t) ≥ w_k(t) (as in (4.3)), solved through lp::solver and returned with its dual (3.7):
/// IC multipliers α, participation multipliers β, virtual utilities (3.6) and the duality gap
/// recomputed from α.
///
/// Reference: 003_c8f96a2253701fcb.txt §3.2, eqs. (3.5)–(3.7); §4 eq. (4.3) and (4.9).
///
/// LP layout: one column per μ(d | t_S) ≥ 0 (and a free column per transfer x_k(t_S) when the
/// problem has money); rows Σ_d μ(d | t_S) = 1; one IC row per (member k, type t, report τ ≠ t)
/// written exactly as U_k(μ | t) − U_k(μ, τ | t) ≥ 0 in the scale of (3.1); one participation
/// row per (k, t), U_k(μ | t) ≥ w_k(t), free when no threshold is set; the budget rows.
///
/// Sign and scale of α: the LP maximises, so the solver's dual y of an IC row is ≤ 0 and equals
/// the change of the optimal value per unit increase of the row's right-hand side. Because the
/// row is the paper's constraint unscaled, α_k(τ | t) = −y: relaxing the constraint to
/// U_k(μ | t) − U_k(μ, τ | t) ≥ −ε raises the optimum by α_k(τ | t) ε to first order.
/// Likewise β_k(t) = −y of the participation row.

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <optional>
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
#include "mechdesign/lp/solver_error.hpp"
#include "mechdesign/mechanism/detail/mechanism_lp.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"

namespace mechdesign {

/// \brief Options of the primal solve.
struct primal_options {
  lp::solver_options lp;    ///< LP settings (engine, presolve, exact re-check, limits, certificate)
  double tolerance = 1e-7;  ///< tolerance of the post-solve IC check; finite, ≥ 0
};

/// \brief The primal (3.5) at one weight vector, with its dual. status is the LP's status in
/// the library vocabulary (lp::to_result_status; the engine's own status is lp.status); ok()
/// means a verified optimum, and only then are the fields below the LP filled in.
struct primal_result : result_base {
  double objective = 0.0;                   ///< Σ λ_k(t) U_k(μ | t)
  mechanism<double> optimal_mechanism;      ///< μ (and transfers)
  type_vectors<double> interim;             ///< U_k(μ | t)
  type_vectors<double> lambda;              ///< the weights used
  type_matrices<double> alpha;              ///< alpha[k](t, τ) = α_k(τ | t) ≥ 0
  type_vectors<double> beta;                ///< participation multipliers β_k(t) ≥ 0
  type_vectors<double> thresholds;          ///< participation thresholds (−∞: none)
  type_matrices<double> virtual_utilities;  ///< v_k(d, t_S) of (3.6), with λ + β as weights
  double dual_objective = 0.0;              ///< (3.7) recomputed from α and β
  double duality_gap = 0.0;                 ///< |objective − dual_objective|
  double transfer_imbalance = 0.0;          ///< money only; 0 at an exact dual optimum
  double ic_violation = 0.0;                ///< worst misreport gain of the returned μ
  lp::solution lp;                          ///< the raw LP result and verifier residuals
};

/// \brief The primal LP (3.5) of one coalition, built once and re-solved warm when only the
/// weights λ or the participation thresholds change.
class incentive_primal {
 public:
  /// \brief Build the LP for coalition problem \p g. \throws the exceptions of lp::model;
  /// non_finite_error / invalid_argument for a bad options.tolerance.
  explicit incentive_primal(coalition_problem<double> g, primal_options options = {})
      : g_(std::move(g)), options_(options), solver_(options.lp) {
    detail::require_tolerance(options.tolerance, "primal_options::tolerance", "incentive_primal",
                              HUGE_VAL);
    build();
  }

  /// \brief Impose U_k(μ | t) ≥ w_k(t) for every member and type (003 eq. (4.3)); an entry
  /// -lp::inf leaves that type unconstrained.
  /// \throws dimension_error, non_finite_error (NaN or +∞ thresholds).
  void set_participation(const type_vectors<double>& thresholds) {
    if (static_cast<int>(thresholds.size()) != g_.num_members()) {
      throw dimension_error(fmt::format("set_participation: {} vectors for {} members",
                                        thresholds.size(), g_.num_members()));
    }
    for (int k = 0; k < g_.num_members(); ++k) {
      const auto& w = thresholds[static_cast<std::size_t>(k)];
      if (w.size() != g_.num_types(k)) {
        throw dimension_error(
            fmt::format("set_participation: member {} has {} thresholds, expected {}", k, w.size(),
                        g_.num_types(k)));
      }
      for (index_t t = 0; t < w.size(); ++t) {
        if (std::isnan(w(t)) || w(t) == lp::inf) {
          throw non_finite_error(
              fmt::format("set_participation: threshold of member {} type {} is {}", k, t, w(t)));
        }
      }
    }
    thresholds_ = thresholds;
    for (int k = 0; k < g_.num_members(); ++k) {
      for (index_t t = 0; t < g_.num_types(k); ++t) {
        solver_.set_row_bounds(participation_row_[static_cast<std::size_t>(k)](t),
                               thresholds_[static_cast<std::size_t>(k)](t), lp::inf);
      }
    }
  }

  /// \brief Replace the game by one of the same shape (members, type sets, decisions, money),
  /// for instance with other beliefs or utilities. The LP is rewritten in place and the next
  /// solve starts from the last basis; participation thresholds are kept, IC slacks reset to 0.
  /// \throws dimension_error (or model_error) if the shape differs.
  void set_problem(coalition_problem<double> g) {
    if (g.members() != g_.members() || g.types() != g_.types() ||
        g.num_decisions() != g_.num_decisions() || g.money() != g_.money()) {
      throw dimension_error(
          "incentive_primal::set_problem: the new game must have the same members, type sets, "
          "decisions and money");
    }
    const type_vectors<double> thresholds = thresholds_;
    g_ = std::move(g);
    solver_.update(build_model(false));  // pushes only the rows whose coefficients changed
    set_participation(thresholds);
  }

  /// \brief Relax (ε > 0) or tighten one IC row to U_k(μ|t) − U_k(μ,τ|t) ≥ −ε; used to check
  /// the meaning of α numerically. Not part of the paper's problem.
  /// \param k member position in [0, |S|); \p t ≠ \p tau types of it; \p epsilon finite.
  /// \throws index_error, non_finite_error.
  void set_ic_slack(int k, index_t t, index_t tau, double epsilon) {
    detail::require_index(k, g_.num_members(), "member k", "incentive_primal::set_ic_slack");
    detail::require_finite(epsilon, "epsilon", "incentive_primal::set_ic_slack");
    if (t < 0 || tau < 0 || t >= g_.num_types(k) || tau >= g_.num_types(k) || t == tau) {
      throw index_error(
          fmt::format("set_ic_slack: bad pair (t={}, tau={}) for member {}", t, tau, k));
    }
    solver_.set_row_bounds(ic_row_[static_cast<std::size_t>(k)](t, tau), -epsilon, lp::inf);
  }

  /// \brief Solve (3.5) for weights \p lambda (nonnegative, one vector per member), warm
  /// starting from the previous basis.
  /// \throws dimension_error, non_finite_error, invalid_argument (negative weight).
  [[nodiscard]] primal_result solve(const type_vectors<double>& lambda) {
    detail::check_type_vectors(g_, lambda, "lambda", true);
    Eigen::VectorXd c = Eigen::VectorXd::Zero(solver_.current_model().num_cols());
    for (int k = 0; k < g_.num_members(); ++k) {
      const auto& l = lambda[static_cast<std::size_t>(k)];
      for (index_t t = 0; t < g_.num_types(k); ++t) {
        if (l(t) == 0.0) continue;
        for (const auto& [col, v] :
             utility_terms_[static_cast<std::size_t>(k)][static_cast<std::size_t>(t)]) {
          c(col) += l(t) * v;
        }
      }
    }
    solver_.set_objective(c);
    primal_result r;
    r.lambda = lambda;
    r.thresholds = thresholds_;
    r.lp = solver_.solve();
    r.status = lp::to_result_status(r.lp.status);
    if (!r.lp.ok()) {
      r.message = r.lp.message.empty()
                      ? fmt::format("the primal LP ended {}", lp::to_string(r.lp.status))
                      : r.lp.message;
      return r;
    }
    extract(r);
    return r;
  }

  /// \brief The coalition problem.
  const coalition_problem<double>& problem() const noexcept { return g_; }
  /// \brief The LP as currently set up.
  const lp::model& model() const noexcept { return solver_.current_model(); }
  /// \brief LP row of the IC constraint of member k, type t, report τ.
  index_t ic_row(int k, index_t t, index_t tau) const {
    return ic_row_.at(static_cast<std::size_t>(k))(t, tau);
  }

 private:
  using terms = detail::lp_terms;

  // A view of g_ (created per use, so that moving the object cannot leave it dangling).
  detail::mechanism_columns columns() const { return detail::mechanism_columns(g_); }

  void build() { solver_.load(build_model()); }

  // The LP; without \p named its rows and columns have empty names (an update keeps the names of
  // the loaded model).
  lp::model build_model(bool named = true) {
    ic_row_.clear();
    participation_row_.clear();
    utility_terms_.clear();
    thresholds_.clear();
    lp::model m(lp::objective_sense::maximize);
    columns().add_to(m, named);
    for (int k = 0; k < g_.num_members(); ++k) {
      const index_t nk = g_.num_types(k);
      const int player = g_.members().members()[static_cast<std::size_t>(k)];
      const detail::report_table mt = columns().report_terms(k);
      Eigen::Matrix<index_t, Eigen::Dynamic, Eigen::Dynamic> rows =
          Eigen::Matrix<index_t, Eigen::Dynamic, Eigen::Dynamic>::Constant(nk, nk, -1);
      for (index_t t = 0; t < nk; ++t) {
        const std::vector<index_t> r = detail::add_ic_rows(m, mt, t, [&](index_t tau) {
          return named ? fmt::format("ic[{}:{}->{}]", player, t, tau) : std::string();
        });
        for (index_t tau = 0; tau < nk; ++tau) rows(t, tau) = r[static_cast<std::size_t>(tau)];
      }
      ic_row_.push_back(rows);
      Eigen::Matrix<index_t, Eigen::Dynamic, 1> prow(nk);
      std::vector<terms> own(static_cast<std::size_t>(nk));
      for (index_t t = 0; t < nk; ++t) {
        own[static_cast<std::size_t>(t)] =
            mt[static_cast<std::size_t>(t)][static_cast<std::size_t>(t)];
        prow(t) = m.add_row(named ? fmt::format("participation[{}:{}]", player, t) : std::string(),
                            own[static_cast<std::size_t>(t)], -lp::inf, lp::inf);
      }
      participation_row_.push_back(prow);
      utility_terms_.push_back(std::move(own));
      thresholds_.push_back(Eigen::VectorXd::Constant(nk, -lp::inf));
    }
    return m;
  }

  void extract(primal_result& r) const {
    const lp::solution& s = r.lp;
    r.objective = s.objective;
    r.optimal_mechanism = columns().read(s.x);
    const mechanism<double>& mu = r.optimal_mechanism;
    for (int k = 0; k < g_.num_members(); ++k) {
      const index_t nk = g_.num_types(k);
      Eigen::MatrixXd a = Eigen::MatrixXd::Zero(nk, nk);
      Eigen::VectorXd b(nk), u(nk);
      for (index_t t = 0; t < nk; ++t) {
        for (index_t tau = 0; tau < nk; ++tau) {
          if (tau != t)
            a(t, tau) = std::max(0.0, -s.row_duals(ic_row_[static_cast<std::size_t>(k)](t, tau)));
        }
        const index_t pr = participation_row_[static_cast<std::size_t>(k)](t);
        b(t) = std::max(0.0, -s.row_duals(pr));
        u(t) = s.row_activity(pr);
      }
      r.alpha.push_back(std::move(a));
      r.beta.push_back(std::move(b));
      r.interim.push_back(std::move(u));
    }
    type_vectors<double> weights = r.lambda;
    for (std::size_t k = 0; k < weights.size(); ++k) weights[k] += r.beta[k];
    r.virtual_utilities = virtual_utility(g_, weights, r.alpha);
    type_vectors<double> finite_thresholds = r.thresholds;
    for (auto& w : finite_thresholds)
      w = w.unaryExpr([](double x) { return std::isfinite(x) ? x : 0.0; });
    r.dual_objective = mechdesign::dual_objective(g_, r.lambda, r.alpha, r.beta, finite_thresholds);
    r.duality_gap = std::abs(r.objective - r.dual_objective);
    r.transfer_imbalance = mechdesign::transfer_imbalance(g_, weights, r.alpha);
    r.ic_violation = check_incentive_compatibility(g_, mu, options_.tolerance).worst_violation;
  }

  coalition_problem<double> g_;
  primal_options options_;
  lp::solver solver_;
  std::vector<Eigen::Matrix<index_t, Eigen::Dynamic, Eigen::Dynamic>> ic_row_;
  std::vector<Eigen::Matrix<index_t, Eigen::Dynamic, 1>> participation_row_;
  std::vector<std::vector<terms>> utility_terms_;  // [k][t]: column terms of U_k(μ | t)
  type_vectors<double> thresholds_;
};

/// \brief Solve the primal (3.5) once for weights \p lambda (optionally with participation
/// thresholds, as in (4.3)); see incentive_primal.
[[nodiscard]] inline primal_result solve_primal(const coalition_problem<double>& g,
                                                const type_vectors<double>& lambda,
                                                const type_vectors<double>& participation = {},
                                                const primal_options& options = {}) {
  return detail::with_entry("solve_primal", [&] {
    incentive_primal p(g, options);
    if (!participation.empty()) p.set_participation(participation);
    return p.solve(lambda);
  });
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_PRIMAL_HPP
