#ifndef MECHDESIGN_MECHANISM_DETAIL_MECHANISM_LP_HPP
#define MECHDESIGN_MECHANISM_DETAIL_MECHANISM_LP_HPP

/// \file
/// \brief Internal: a coalition's mechanism laid out as LP columns, with the rows every
/// mechanism LP shares (distributions, budget) and the column terms of interim utilities.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <utility>
#include <vector>

#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/lp/model.hpp"

namespace mechdesign::detail {

/// Sparse row or objective terms: (column, coefficient).
using lp_terms = std::vector<std::pair<index_t, double>>;

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

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_MECHANISM_DETAIL_MECHANISM_LP_HPP
