#ifndef MECHDESIGN_PERSUASION_PRIVACY_HPP
#define MECHDESIGN_PERSUASION_PRIVACY_HPP

/// \file
/// \brief Price discrimination and privacy regulation (§3.3): a platform and a consumer-minded
/// regulator bargain over what the seller (the receiver) learns about the buyer's value.
///
/// Reference: 000_b82d6ff4761a0a82.txt §3.3, eq. (5), Propositions 3 and 4 and their proofs
/// (Appendix A.1).
///
/// The model: buyer values v_1 < … < v_n (the states) with an interior prior; the seller's
/// actions are the prices p ∈ {v_1, …, v_n}; the seller (and the platform, agent 0) earns p if
/// p ≤ v and 0 otherwise; the regulator (agent 1) earns γ_v + v − p if p ≤ v (γ_v > 0).
///
/// Category structures: for an interval partition M of the values the seller learns the
/// category of v and sets the price that maximises p·P(v ≥ p | category); ties go to the lowest
/// price (the library's explicit rule). Recommending that price is IC.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/information/obedience.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/lp/solver_error.hpp"
#include "mechdesign/persuasion/bargaining_set.hpp"
#include "mechdesign/persuasion/beneficial.hpp"
#include "mechdesign/persuasion/dominance.hpp"
#include "mechdesign/persuasion/problem.hpp"

namespace mechdesign::persuasion {

/// \brief The market of §3.3: values, prior and the buyers' extra surplus γ_v.
struct market {
  Eigen::VectorXd values;  ///< v_1 < … < v_n, all > 0
  Eigen::VectorXd prior;   ///< μ0(v), interior
  Eigen::VectorXd gamma;   ///< γ_v > 0

  /// \brief Throws unless the market satisfies §3.3's assumptions (000 §3.3).
  /// \throws dimension_error, non_finite_error, model_error, distribution_error,
  ///         zero_probability_error.
  void validate() const {
    const index_t n = values.size();
    if (n == 0) throw invalid_argument("market: no buyer values");
    if (prior.size() != n || gamma.size() != n) {
      throw dimension_error(fmt::format("market: {} values, {} prior entries, {} gammas", n,
                                        prior.size(), gamma.size()));
    }
    mechdesign::detail::require_finite(values, "values", "market");
    mechdesign::detail::require_finite(gamma, "gamma", "market");
    mechdesign::detail::require_distribution(prior, n, "prior", "market");
    for (index_t k = 0; k < n; ++k) {
      if (!(values(k) > 0.0)) throw model_error(fmt::format("market: value {} is not > 0", k));
      if (k > 0 && !(values(k) > values(k - 1))) {
        throw model_error(fmt::format("market: values must increase strictly (index {})", k));
      }
      if (!(gamma(k) > 0.0)) throw model_error(fmt::format("market: gamma {} is not > 0", k));
      if (!(prior(k) > 0.0)) {
        throw zero_probability_error(fmt::format("market: value {} has prior 0", k));
      }
    }
  }
};

/// \brief The persuasion problem of a market: agent 0 the platform, agent 1 the regulator
/// (000 §3.3, eq. (5)).
/// \throws as market::validate(); dimension_error if the n × n tables exceed
/// mechdesign::detail::max_table_entries (before they are allocated).
inline problem make_problem(const market& mk) {
  mk.validate();
  const index_t n = mk.values.size();
  (void)mechdesign::detail::checked_product(n, n, "the payoff tables", "make_problem");
  Eigen::MatrixXd seller = Eigen::MatrixXd::Zero(n, n), regulator = seller;
  for (index_t a = 0; a < n; ++a) {
    for (index_t w = a; w < n; ++w) {  // price v_a ≤ value v_w: trade
      seller(a, w) = mk.values(a);
      regulator(a, w) = mk.gamma(w) + mk.values(w) - mk.values(a);
    }
  }
  return problem(mk.prior, seller, {seller, regulator});
}

/// \brief The probability of trade Σ_{p ≤ v} π(p|v) in every state (000 §3.3).
inline Eigen::VectorXd trade_probabilities(const market& mk,
                                           const Eigen::Ref<const Eigen::MatrixXd>& pi) {
  const problem p = make_problem(mk);
  validate_structure(p, pi, 1e-9, "trade_probabilities");
  Eigen::VectorXd t(mk.values.size());
  for (index_t w = 0; w < t.size(); ++w) t(w) = pi.row(w).head(w + 1).sum();
  return t;
}

/// \brief Proposition 3's criterion (000 §3.3): trade with probability one at every
/// recommendation (within \p tol).
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline bool trades_with_probability_one(const market& mk,
                                        const Eigen::Ref<const Eigen::MatrixXd>& pi,
                                        double tol = 1e-9) {
  mechdesign::detail::check_tolerance(tol, "tol", "trades_with_probability_one");
  return (trade_probabilities(mk, pi).array() >= 1.0 - tol).all();
}

/// \brief The revenue curve v_k Σ_{v' ≥ v_k} μ0(v') of Proposition 4 (000 §3.3).
inline Eigen::VectorXd revenue_curve(const market& mk) {
  mk.validate();
  const index_t n = mk.values.size();
  Eigen::VectorXd r(n);
  double tail = 0.0;
  for (index_t k = n - 1; k >= 0; --k) {
    tail += mk.prior(k);
    r(k) = mk.values(k) * tail;
  }
  return r;
}

/// \brief Proposition 4's condition (000 §3.3): the revenue curve is weakly decreasing.
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument),
/// relative to the curve's scale: r(k) > r(k − 1) + tol · max_k r(k) counts as an increase, so
/// scaling every value by 10^k changes no verdict.
inline bool revenue_curve_decreasing(const market& mk, double tol = 1e-12) {
  mechdesign::detail::check_tolerance(tol, "tol", "revenue_curve_decreasing");
  const Eigen::VectorXd r = revenue_curve(mk);
  const double slack = tol * r.maxCoeff();
  for (index_t k = 1; k < r.size(); ++k) {
    if (r(k) > r(k - 1) + slack) return false;
  }
  return true;
}

/// \brief An interval partition of the values as the sizes of consecutive categories.
using interval_partition = std::vector<index_t>;

/// \brief All interval partitions of n ordered values (2^{n−1} of them), coarsest first.
/// \throws invalid_argument if n < 1 or n > 20.
inline std::vector<interval_partition> interval_partitions(index_t n) {
  if (n < 1 || n > 20) throw invalid_argument("interval_partitions: n must be in [1, 20]");
  std::vector<interval_partition> out;
  for (unsigned cuts = 0; cuts < (1u << (n - 1)); ++cuts) {
    interval_partition part;
    index_t size = 1;
    for (index_t k = 0; k + 1 < n; ++k) {
      if (cuts & (1u << k)) {
        part.push_back(size);
        size = 1;
      } else {
        ++size;
      }
    }
    part.push_back(size);
    out.push_back(std::move(part));
  }
  std::stable_sort(
      out.begin(), out.end(),
      [](const interval_partition& a, const interval_partition& b) { return a.size() < b.size(); });
  return out;
}

/// \brief The category structure of an interval partition (000 §3.3): in each category the
/// seller's optimal price given the category (ties to the lowest price) is recommended.
/// \throws dimension_error if the sizes do not add up to n, model_error on an empty category.
inline information_structure category_structure(const market& mk,
                                                const interval_partition& categories) {
  mk.validate();
  const index_t n = mk.values.size();
  index_t total = 0;
  for (const index_t s : categories) {
    if (s <= 0) throw model_error("category_structure: empty category");
    total += s;
  }
  if (total != n) {
    throw dimension_error(
        fmt::format("category_structure: categories cover {} of {} values", total, n));
  }
  information_structure pi = information_structure::Zero(n, n);
  index_t start = 0;
  for (const index_t s : categories) {
    index_t best = 0;
    double best_revenue = -1.0;
    for (index_t a = 0; a < n; ++a) {
      double mass = 0.0;
      for (index_t w = std::max(a, start); w < start + s; ++w) mass += mk.prior(w);
      const double revenue = mk.values(a) * mass;
      if (revenue > best_revenue * (1.0 + 1e-12) + 1e-15) {
        best_revenue = revenue;
        best = a;
      }
    }
    for (index_t w = start; w < start + s; ++w) pi(w, best) = 1.0;
    start += s;
  }
  return pi;
}

/// \brief One category structure with Proposition 3's trade test and the beneficial-agreement
/// LP against it; status success (check_categories() throws if an LP fails).
struct category_check : result_base {
  interval_partition categories;      ///< sizes of the consecutive categories
  information_structure structure;    ///< the category structure
  bool incentive_compatible = false;  ///< information::check_obedience passed
  bool full_trade = false;            ///< Proposition 3: Pareto efficient iff this holds
  bool pareto_efficient = false;      ///< by LP (pareto_efficiency)
  bool beneficial = false;            ///< an IC structure strictly better for both (LP)
  double surplus = 0.0;               ///< the LP's max-min gain
};

/// \brief Check every interval partition of the market's values (000 Proposition 4): IC, full
/// trade, Pareto efficiency and beneficial agreement, each computed.
/// \throws as make_problem, solver_error.
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
[[nodiscard]] inline std::vector<category_check> check_categories(const market& mk,
                                                                  double tol = 1e-9) {
  mechdesign::detail::check_tolerance(tol, "tol", "check_categories");
  const problem p = make_problem(mk);
  std::vector<category_check> out;
  beneficial_options o;
  o.tol = tol;
  for (const auto& part : interval_partitions(mk.values.size())) {
    category_check c;
    c.categories = part;
    c.structure = category_structure(mk, part);
    c.incentive_compatible =
        information::check_obedience(p.receiver(), p.prior(), c.structure, tol).passed;
    c.full_trade = trades_with_probability_one(mk, c.structure, tol);
    const Eigen::VectorXd x = ex_ante_payoffs(p, c.structure);
    const efficiency_report e = pareto_efficiency(p, x, tol);
    if (!e.ok()) throw solver_error("check_categories: efficiency LP", e.lp);
    c.pareto_efficient = e.efficient;
    const dominance_result d = find_beneficial_structure(p, x, o);
    if (!d.ok()) throw solver_error("check_categories: dominance LP", d.lp);
    c.beneficial = d.beneficial;
    c.surplus = d.surplus;
    c.status = status::success;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace mechdesign::persuasion

#endif  // MECHDESIGN_PERSUASION_PRIVACY_HPP
