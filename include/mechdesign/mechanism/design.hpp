#ifndef MECHDESIGN_MECHANISM_DESIGN_HPP
#define MECHDESIGN_MECHANISM_DESIGN_HPP

/// \file
/// \brief Mechanism design as a user states it: any linear objective of the mechanism, a choice
/// of incentive constraints (Bayesian IC or dominant-strategy IC) and of participation
/// constraints (interim or ex-post IR), user constraints, and optionally a fixed allocation (the
/// implementability question: do transfers exist that make it IC and IR?).
///
/// Reference: 003_c8f96a2253701fcb.txt §3.1–3.2 (mechanisms, (3.1) interim utilities, (3.2)
/// Bayesian IC); dominant-strategy IC and ex-post IR are the ex-post counterparts of (3.2) and
/// of the participation rows of (4.3): for every profile t, member k and report τ,
/// u_k(μ(t), t) + x_k(t) ≥ u_k(μ(τ, t_{-k}), t) + x_k(τ, t_{-k}), and
/// u_k(μ(t), t) + x_k(t) ≥ r_k(t_k).
///
/// The LP has the columns of the primal (3.5) (mechanism/primal.hpp): μ(d | t) ≥ 0 profile-major,
/// then a free transfer x_k(t) per member and profile when the problem has money, with the same
/// distribution and budget rows; then the chosen IC and IR rows and the user's rows. Its dual
/// multipliers are in the returned lp::solution (row order: distribution rows, budget rows, IC
/// rows, IR rows, then the user rows; a fixed allocation fixes the μ columns' bounds). The duals
/// follow lp/solution.hpp's convention: every IC and IR row is a "≥ 0" (or "≥ r_k") row of a
/// maximisation, so a binding one has a dual ≤ 0, and its multiplier in the paper's sign (the
/// rate at which the optimum rises when the constraint is relaxed) is −dual, as for α in
/// mechanism/primal.hpp. Virtual utilities (3.6) are defined for the Bayesian primal only and
/// are not computed here (use solve_primal).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/options.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/mechanism/detail/mechanism_lp.hpp"

namespace mechdesign {

/// \brief Which incentive constraints a design imposes.
enum class incentive_family {
  none,              ///< no incentive constraints (first best)
  bayesian,          ///< Bayesian IC, 003 eq. (3.2)
  dominant_strategy  ///< dominant-strategy (ex-post) IC: truth is optimal at every profile
};

/// \brief Which participation constraints a design imposes.
enum class participation_family {
  none,     ///< none (with money and no participation an objective like revenue is unbounded)
  interim,  ///< U_k(μ | t_k) ≥ r_k(t_k) for every member and type (as in 003 eq. (4.3))
  ex_post   ///< u_k(μ(t), t) + x_k(t) ≥ r_k(t_k) at every profile
};

/// \brief A linear functional of a mechanism,
/// Σ_{d,j} a(d, j) μ(d | t^j) + Σ_{k,j} b(k, j) x_k(t^j) + c (profiles t^j of T_S in the type
/// space's order).
struct mechanism_functional {
  Eigen::MatrixXd on_probabilities;  ///< a: |D_S| × |T_S|
  Eigen::MatrixXd on_transfers;      ///< b: |S| × |T_S| (0 × 0 when the problem has no money)
  double constant = 0.0;             ///< c

  /// \brief The functional's value at \p m (sizes must match).
  double value(const mechanism<double>& m) const {
    double v = constant + (on_probabilities.array() * m.probabilities.array()).sum();
    if (on_transfers.size() > 0) v += (on_transfers.array() * m.transfers.array()).sum();
    return v;
  }
};

/// \brief The zero functional of \p g (the shape every functional of g must have).
inline mechanism_functional zero_functional(const coalition_problem<double>& g) {
  mechanism_functional f;
  f.on_probabilities = Eigen::MatrixXd::Zero(g.num_decisions(), g.num_profiles());
  if (g.money()) f.on_transfers = Eigen::MatrixXd::Zero(g.num_members(), g.num_profiles());
  return f;
}

/// \brief Expected utility of member \p k, E[u_k(μ(t), t) + x_k(t)] under the prior (003 §3.1).
/// \throws index_error unless 0 ≤ k < |S|.
inline mechanism_functional expected_utility(const coalition_problem<double>& g, int k) {
  detail::require_index(k, g.num_members(), "member k", "expected_utility");
  mechanism_functional f = zero_functional(g);
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    f.on_probabilities.col(j) += g.probability(j) * g.utility(k).col(j);
    if (g.money()) f.on_transfers(k, j) += g.probability(j);
  }
  return f;
}

/// \brief Expected welfare Σ_k E[u_k + x_k]; with money the transfers count (a budget-balanced
/// mechanism's transfers sum to zero).
inline mechanism_functional expected_welfare(const coalition_problem<double>& g) {
  mechanism_functional f = zero_functional(g);
  for (int k = 0; k < g.num_members(); ++k) {
    const mechanism_functional u = expected_utility(g, k);
    f.on_probabilities += u.on_probabilities;
    if (g.money()) f.on_transfers += u.on_transfers;
  }
  return f;
}

/// \brief Expected revenue −E[Σ_k x_k(t)] collected from the members (transfers x_k are paid to
/// member k).
/// \throws model_error if the problem has no money.
inline mechanism_functional expected_revenue(const coalition_problem<double>& g) {
  if (!g.money()) throw model_error("expected_revenue: the problem has no money");
  mechanism_functional f = zero_functional(g);
  for (index_t j = 0; j < g.num_profiles(); ++j) f.on_transfers.col(j).array() -= g.probability(j);
  return f;
}

/// \brief A user constraint lower ≤ f(μ, x) ≤ upper (−lp::inf / lp::inf for one-sided rows).
struct mechanism_constraint {
  mechanism_functional functional;  ///< f, shaped like zero_functional(g)
  double lower = -lp::inf;
  double upper = lp::inf;
  std::string name;  ///< LP row name (default "user[i]")
};

/// \brief Options of design_mechanism().
struct design_options {
  incentive_family incentives = incentive_family::bayesian;
  participation_family participation = participation_family::none;
  /// r_k(t_k) per member and type for the participation rows; empty means 0 for every type
  type_vectors<double> reservation;
  /// fix μ to this |D_S| × |T_S| column-stochastic matrix and solve for transfers only
  std::optional<Eigen::MatrixXd> fixed_allocation;
  std::vector<mechanism_constraint> constraints;  ///< user rows
  lp::solver_options lp;                          ///< LP settings
  double tolerance = 1e-7;  ///< re-check tolerance of the returned mechanism, in (0, 1e-2]
};

/// \brief The result of design_mechanism(): the optimal mechanism and its independent re-check.
struct [[nodiscard]] design_result : result_base {
  double objective = 0.0;               ///< the objective at the returned mechanism
  mechanism<double> optimal_mechanism;  ///< μ and transfers
  double ic_violation = 0.0;            ///< worst gain from a misreport (of the chosen family)
  double ir_violation = 0.0;            ///< worst shortfall below r_k (of the chosen family)
  double constraint_violation = 0.0;    ///< worst violation of a user row
  lp::solution lp;                      ///< the LP's solution and certificate (farkas, ray)
};

namespace detail {

inline void check_functional(const coalition_problem<double>& g, const mechanism_functional& f,
                             const std::string& what) {
  const char* where = "design_mechanism";
  if (f.on_probabilities.rows() != g.num_decisions() ||
      f.on_probabilities.cols() != g.num_profiles()) {
    throw dimension_error(fmt::format("{}: {} has {}x{} probability weights, expected {}x{}", where,
                                      what, f.on_probabilities.rows(), f.on_probabilities.cols(),
                                      g.num_decisions(), g.num_profiles()));
  }
  const index_t tr = g.money() ? g.num_members() : 0, tc = g.money() ? g.num_profiles() : 0;
  if (f.on_transfers.size() != 0 && (f.on_transfers.rows() != tr || f.on_transfers.cols() != tc)) {
    throw dimension_error(fmt::format("{}: {} has {}x{} transfer weights, expected {}x{}", where,
                                      what, f.on_transfers.rows(), f.on_transfers.cols(), tr, tc));
  }
  require_finite(f.on_probabilities, what, where);
  require_finite(f.on_transfers, what, where);
  require_finite(f.constant, what + " (constant)", where);
}

inline lp_terms functional_terms(const mechanism_columns& cols, const coalition_problem<double>& g,
                                 const mechanism_functional& f) {
  lp_terms terms;
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    for (index_t d = 0; d < g.num_decisions(); ++d) {
      if (f.on_probabilities(d, j) != 0.0)
        terms.emplace_back(cols.mu(d, j), f.on_probabilities(d, j));
    }
    if (f.on_transfers.size() == 0) continue;
    for (int k = 0; k < g.num_members(); ++k) {
      if (f.on_transfers(k, j) != 0.0) terms.emplace_back(cols.x(k, j), f.on_transfers(k, j));
    }
  }
  return terms;
}

inline double reservation_of(const design_options& o, int k, index_t t) {
  return o.reservation.empty() ? 0.0 : o.reservation[static_cast<std::size_t>(k)](t);
}

inline void check_design_options(const coalition_problem<double>& g, const design_options& o) {
  const char* where = "design_mechanism";
  lp::validate(o.lp);
  require_in_range(o.tolerance, 1e-15, 1e-2, "design_options::tolerance", where);
  if (!o.reservation.empty()) {
    require_size(static_cast<index_t>(o.reservation.size()), g.num_members(),
                 "design_options::reservation", where);
    for (int k = 0; k < g.num_members(); ++k) {
      const auto& r = o.reservation[static_cast<std::size_t>(k)];
      require_size(r.size(), g.num_types(k), fmt::format("the reservation of member {}", k), where);
      require_finite(r, fmt::format("the reservation of member {}", k), where);
    }
  }
  if (o.fixed_allocation) {
    mechanism<double> probe;
    probe.probabilities = *o.fixed_allocation;
    if (g.money()) probe.transfers = Eigen::MatrixXd::Zero(g.num_members(), g.num_profiles());
    validate_mechanism(g, probe, 1e-9);
  }
  for (std::size_t i = 0; i < o.constraints.size(); ++i) {
    const auto& c = o.constraints[i];
    check_functional(g, c.functional, fmt::format("constraint {}", i));
    if (std::isnan(c.lower) || std::isnan(c.upper) || c.lower > c.upper || c.lower == lp::inf ||
        c.upper == -lp::inf) {
      throw invalid_argument(
          fmt::format("{}: constraint {} has bounds [{}, {}]", where, i, c.lower, c.upper));
    }
  }
}

}  // namespace detail

/// \brief The LP of design_mechanism() (see the file comment for its layout), for export
/// (lp::write_mps, lp::write_lp) or for changes of one's own before lp::solve.
/// \param g the coalition's problem (any shape; with or without money).
/// \param objective shaped like zero_functional(g), finite; it is maximised.
/// \param options the constraint families, user rows, fixed allocation and LP settings
/// (design_options; tolerance in [1e-15, 1e-2]).
/// \throws dimension_error, non_finite_error, distribution_error (a fixed allocation that is not
/// column-stochastic), invalid_argument (options out of range).
inline lp::model design_model(const coalition_problem<double>& g,
                              const mechanism_functional& objective,
                              const design_options& options = {}) {
  detail::check_functional(g, objective, "the objective");
  detail::with_entry("design_mechanism", [&] { detail::check_design_options(g, options); });
  const detail::mechanism_columns cols(g);
  lp::model m(lp::objective_sense::maximize);
  cols.add_to(m);
  for (const auto& [c, v] : detail::functional_terms(cols, g, objective)) {
    m.set_objective(c, m.objective(c) + v);
  }
  m.set_objective_constant(objective.constant);
  for (int k = 0; k < g.num_members(); ++k) {
    const index_t nk = g.num_types(k);
    if (options.incentives == incentive_family::bayesian) {
      const detail::report_table report = cols.report_terms(k);
      for (index_t t = 0; t < nk; ++t) {
        detail::add_ic_rows(m, report, t,
                            [&](index_t tau) { return fmt::format("ic[{}|{}->{}]", k, t, tau); });
      }
    } else if (options.incentives == incentive_family::dominant_strategy) {
      for (index_t j = 0; j < g.num_profiles(); ++j) {
        const index_t t = g.types().type_of(j, k);
        for (index_t tau = 0; tau < nk; ++tau) {
          if (tau == t) continue;
          detail::lp_terms row;
          cols.add_report_terms(row, k, j, t, 1.0);
          cols.add_report_terms(row, k, j, tau, -1.0);
          m.add_row(fmt::format("dsic[{}|{}:{}->{}]", k, j, t, tau), std::move(row), 0.0, lp::inf);
        }
      }
    }
    if (options.participation == participation_family::interim) {
      const detail::report_table report = cols.report_terms(k);
      for (index_t t = 0; t < nk; ++t) {
        m.add_row(fmt::format("ir[{}|{}]", k, t),
                  report[static_cast<std::size_t>(t)][static_cast<std::size_t>(t)],
                  detail::reservation_of(options, k, t), lp::inf);
      }
    } else if (options.participation == participation_family::ex_post) {
      for (index_t j = 0; j < g.num_profiles(); ++j) {
        const index_t t = g.types().type_of(j, k);
        detail::lp_terms row;
        cols.add_report_terms(row, k, j, t, 1.0);
        m.add_row(fmt::format("expost_ir[{}|{}]", k, j), std::move(row),
                  detail::reservation_of(options, k, t), lp::inf);
      }
    }
  }
  for (std::size_t i = 0; i < options.constraints.size(); ++i) {
    const auto& c = options.constraints[i];
    m.add_row(c.name.empty() ? fmt::format("user[{}]", i) : c.name,
              detail::functional_terms(cols, g, c.functional), c.lower, c.upper);
  }
  if (options.fixed_allocation) {
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      for (index_t d = 0; d < g.num_decisions(); ++d) {
        const double p = std::max(0.0, (*options.fixed_allocation)(d, j));
        m.set_col_bounds(cols.mu(d, j), p, p);
      }
    }
  }
  return m;
}

/// \brief Maximise \p objective over the mechanisms of \p g that satisfy the chosen incentive
/// and participation constraints and the user's rows (see the file comment). The returned
/// mechanism is re-checked from the problem data, independently of the LP: status success needs
/// an optimal LP and every re-checked violation within options.tolerance (else
/// numerical_issue). infeasible carries a Farkas ray in lp.farkas (with a fixed allocation it
/// proves that no transfers implement it); unbounded a ray in lp.ray.
/// \throws the exceptions of design_model().
[[nodiscard]] inline design_result design_mechanism(const coalition_problem<double>& g,
                                                    const mechanism_functional& objective,
                                                    const design_options& options = {}) {
  const lp::model m = design_model(g, objective, options);
  design_result r;
  r.lp = lp::solve(m, options.lp);
  r.status = lp::to_result_status(r.lp.status);
  if (r.lp.status == lp::solve_status::infeasible) {
    r.message = options.fixed_allocation
                    ? "no transfers make the fixed allocation satisfy the constraints (the "
                      "Farkas ray in lp.farkas certifies it)"
                    : "no mechanism satisfies the constraints (lp.farkas certifies it)";
    return r;
  }
  if (r.lp.status == lp::solve_status::unbounded) {
    r.message = g.money() && options.participation == participation_family::none
                    ? "unbounded: with money and no participation constraints the transfers can "
                      "grow without limit; impose participation (interim or ex_post)"
                    : "unbounded (lp.ray is an improving direction)";
    return r;
  }
  if (!r.ok()) {
    r.message = r.lp.message;
    return r;
  }
  const detail::mechanism_columns cols(g);
  r.optimal_mechanism = cols.read(r.lp.x);
  if (options.fixed_allocation) r.optimal_mechanism.probabilities = *options.fixed_allocation;
  r.objective = objective.value(r.optimal_mechanism);
  const mechanism<double>& mu = r.optimal_mechanism;
  // ex-post payoff of member k at true profile j when k reports tau
  auto payoff = [&](int k, index_t j, index_t tau) {
    const index_t jr = g.types().with_type(j, k, tau);
    double v = mu.probabilities.col(jr).dot(g.utility(k).col(j));
    if (g.money()) v += mu.transfers(k, jr);
    return v;
  };
  for (int k = 0; k < g.num_members(); ++k) {
    const index_t nk = g.num_types(k);
    // interim[t][tau] = U_k(μ, τ | t) of 003 eq. (3.1), from the beliefs p(t_{-k} | t_k)
    Eigen::MatrixXd interim = Eigen::MatrixXd::Zero(nk, nk);
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      const index_t t = g.types().type_of(j, k);
      const double w = g.belief(k, j);
      for (index_t tau = 0; tau < nk; ++tau) {
        const double v = payoff(k, j, tau);
        interim(t, tau) += w * v;
        if (options.incentives == incentive_family::dominant_strategy) {
          r.ic_violation = std::max(r.ic_violation, v - payoff(k, j, t));
        }
      }
      if (options.participation == participation_family::ex_post) {
        r.ir_violation =
            std::max(r.ir_violation, detail::reservation_of(options, k, t) - payoff(k, j, t));
      }
    }
    for (index_t t = 0; t < nk; ++t) {
      if (options.incentives == incentive_family::bayesian) {
        r.ic_violation = std::max(r.ic_violation, interim.row(t).maxCoeff() - interim(t, t));
      }
      if (options.participation == participation_family::interim) {
        r.ir_violation =
            std::max(r.ir_violation, detail::reservation_of(options, k, t) - interim(t, t));
      }
    }
  }
  for (const auto& c : options.constraints) {
    const double v = c.functional.value(mu);
    r.constraint_violation = std::max({r.constraint_violation, c.lower - v, v - c.upper});
  }
  const double scale = 1.0 + std::abs(r.objective);
  const double worst = std::max({r.ic_violation, r.ir_violation, r.constraint_violation});
  if (worst > options.tolerance * scale) {
    r.status = status::numerical_issue;
    r.message = fmt::format(
        "the LP's optimum fails the independent re-check: IC {:.3g}, IR {:.3g}, user rows {:.3g}",
        r.ic_violation, r.ir_violation, r.constraint_violation);
  }
  return r;
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_DESIGN_HPP
