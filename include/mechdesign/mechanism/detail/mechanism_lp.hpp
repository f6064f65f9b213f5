#ifndef MECHDESIGN_MECHANISM_DETAIL_MECHANISM_LP_HPP
#define MECHDESIGN_MECHANISM_DETAIL_MECHANISM_LP_HPP

/// \file
/// \brief Internal: a coalition's mechanism laid out as LP columns, with the rows every
/// mechanism LP shares (distributions, budget), the column terms of interim utilities, and the
/// one writer of Bayesian IC rows (003 eq. (3.2)) used by the primal (3.5), the selection LPs
/// (4.3), (4.12a) and the neutral procedural search.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/lp/model.hpp"

namespace mechdesign::detail {

/// Sparse row or objective terms: (column, coefficient).
using lp_terms = std::vector<std::pair<index_t, double>>;

/// Column terms of one member's interim payoffs with misreports: report[t][τ] is the linear
/// form of (weighted) U_k(μ, τ | t) of 003 eq. (3.1); report[t][t] is the truthful U_k(μ | t).
using report_table = std::vector<std::vector<lp_terms>>;

/// Columns μ(d | t_S) ≥ 0 (profile-major), then free transfers x_k(t_S) when there is money.
class mechanism_columns {
 public:
  explicit mechanism_columns(const coalition_problem<double>& g) : g_(&g) {}

  index_t mu(index_t d, index_t j) const { return j * g_->num_decisions() + d; }
  index_t x(int k, index_t j) const {
    return g_->num_decisions() * g_->num_profiles() + j * g_->num_members() + k;
  }

  /// Adds the columns, the rows Σ_d μ(d | t_S) = 1 and the budget rows to \p m; without
  /// \p named the rows and columns get empty names (for models that only update a loaded one).
  void add_to(lp::model& m, bool named = true) const {
    const auto& g = *g_;
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      for (index_t d = 0; d < g.num_decisions(); ++d) {
        m.add_variable(
            named ? fmt::format("mu[{}|{}]", g.decision_labels()[static_cast<std::size_t>(d)], j)
                  : std::string());
      }
    }
    if (g.money()) {
      for (index_t j = 0; j < g.num_profiles(); ++j) {
        for (int k = 0; k < g.num_members(); ++k) {
          m.add_variable(
              named ? fmt::format("x[{}|{}]", g.members().members()[static_cast<std::size_t>(k)], j)
                    : std::string(),
              -lp::inf, lp::inf);
        }
      }
    }
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      lp_terms row;
      for (index_t d = 0; d < g.num_decisions(); ++d) row.emplace_back(mu(d, j), 1.0);
      m.add_row(named ? fmt::format("sum[{}]", j) : std::string(), std::move(row), 1.0, 1.0);
    }
    if (!g.money()) return;
    const budget_rule rule = *g.money();
    const double lo = is_balanced(rule) ? 0.0 : -lp::inf;
    if (is_ex_post(rule)) {
      for (index_t j = 0; j < g.num_profiles(); ++j) {
        lp_terms row;
        for (int k = 0; k < g.num_members(); ++k) row.emplace_back(x(k, j), 1.0);
        m.add_row(named ? fmt::format("budget[{}]", j) : std::string(), std::move(row), lo, 0.0);
      }
    } else {
      lp_terms row;
      for (index_t j = 0; j < g.num_profiles(); ++j) {
        for (int k = 0; k < g.num_members(); ++k) row.emplace_back(x(k, j), g.probability(j));
      }
      m.add_row(named ? "budget" : "", std::move(row), lo, 0.0);
    }
  }

  /// Appends w · [Σ_d μ(d | report) u_k(d, t_S^j) + x_k(report)] where the report is profile j
  /// with member k's type replaced by \p tau: the payoff of the true profile j to member k when
  /// k reports τ.
  void add_report_terms(lp_terms& dst, int k, index_t j, index_t tau, double w) const {
    if (w == 0.0) return;
    const auto& g = *g_;
    const auto& u = g.utility(k);
    const index_t jr = g.types().with_type(j, k, tau);
    for (index_t d = 0; d < g.num_decisions(); ++d) {
      if (u(d, j) != 0.0) dst.emplace_back(mu(d, jr), w * u(d, j));
    }
    if (g.money()) dst.emplace_back(x(k, jr), w);
  }

  /// The report table of member \p k (see report_table): for every profile j, the payoff of j
  /// to k under each report τ, weighted by \p weight(j) (0 skips the profile), added to entry
  /// [t_k(j)][τ]. The usual weight is g.belief(k, j), which gives (3.1).
  template <class Weight>
  report_table report_terms(int k, Weight&& weight) const {
    const auto& g = *g_;
    const index_t nk = g.num_types(k);
    report_table out(static_cast<std::size_t>(nk),
                     std::vector<lp_terms>(static_cast<std::size_t>(nk)));
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      const index_t t = g.types().type_of(j, k);
      const double w = weight(j);
      for (index_t tau = 0; tau < nk; ++tau) {
        add_report_terms(out[static_cast<std::size_t>(t)][static_cast<std::size_t>(tau)], k, j, tau,
                         w);
      }
    }
    return out;
  }

  /// The report table of member \p k with the belief weights of (3.1).
  report_table report_terms(int k) const {
    return report_terms(k, [this, k](index_t j) { return g_->belief(k, j); });
  }

  /// The mechanism encoded by an LP point (rounding below zero clipped, columns renormalised).
  mechanism<double> read(const Eigen::VectorXd& point) const {
    const auto& g = *g_;
    mechanism<double> m;
    m.probabilities.resize(g.num_decisions(), g.num_profiles());
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      for (index_t d = 0; d < g.num_decisions(); ++d) {
        m.probabilities(d, j) = std::max(0.0, point(mu(d, j)));
      }
      m.probabilities.col(j) /= m.probabilities.col(j).sum();
    }
    if (g.money()) {
      m.transfers.resize(g.num_members(), g.num_profiles());
      for (index_t j = 0; j < g.num_profiles(); ++j) {
        for (int k = 0; k < g.num_members(); ++k) m.transfers(k, j) = point(x(k, j));
      }
    }
    return m;
  }

 private:
  const coalition_problem<double>* g_;
};

/// The terms of U(μ | t) − U(μ, τ | t) from a report table: the gain of telling the truth
/// instead of reporting τ (the left side of 003 eq. (3.2)).
inline lp_terms ic_terms(const report_table& report, index_t t, index_t tau) {
  const auto& own = report[static_cast<std::size_t>(t)];
  lp_terms row = own[static_cast<std::size_t>(t)];
  for (const auto& [col, v] : own[static_cast<std::size_t>(tau)]) row.emplace_back(col, -v);
  return row;
}

/// The one writer of Bayesian IC rows (003 eq. (3.2)): for true type \p t and every report
/// τ ≠ t with keep(τ), adds the row lower ≤ U(μ | t) − U(μ, τ | t) ≤ upper named name(τ) to
/// \p m (IC itself is lower = 0, upper = ∞). Returns the row index per report (−1 where none).
template <class Name, class Keep>
std::vector<index_t> add_ic_rows(lp::model& m, const report_table& report, index_t t, Name&& name,
                                 double lower, double upper, Keep&& keep) {
  const index_t n = static_cast<index_t>(report.size());
  std::vector<index_t> rows(static_cast<std::size_t>(n), -1);
  for (index_t tau = 0; tau < n; ++tau) {
    if (tau == t || !keep(tau)) continue;
    rows[static_cast<std::size_t>(tau)] =
        m.add_row(name(tau), ic_terms(report, t, tau), lower, upper);
  }
  return rows;
}

/// add_ic_rows for every report τ ≠ t: the IC rows U(μ | t) − U(μ, τ | t) ≥ 0 of type \p t.
template <class Name>
std::vector<index_t> add_ic_rows(lp::model& m, const report_table& report, index_t t, Name&& name) {
  return add_ic_rows(m, report, t, name, 0.0, lp::inf, [](index_t) { return true; });
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_MECHANISM_DETAIL_MECHANISM_LP_HPP
