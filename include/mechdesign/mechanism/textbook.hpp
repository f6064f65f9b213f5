#ifndef MECHDESIGN_MECHANISM_TEXTBOOK_HPP
#define MECHDESIGN_MECHANISM_TEXTBOOK_HPP

/// \file
/// \brief The quasi-linear single-good models a new user writes first, as one call each:
/// Myerson's optimal auction (any number of bidders and types) and bilateral trade à la
/// Myerson–Satterthwaite, including whether ex-post efficient trade is implementable. Each
/// builds a coalition_problem and solves it with design_mechanism (mechanism/design.hpp), so the
/// answer carries the usual certificate and independent re-check.
///
/// Conventions: types are independent across agents; a transfer x_k is paid to agent k (a bidder
/// paying p has x_k = −p); reservation utilities are 0.

#include <fmt/format.h>

#include <Eigen/Core>
#include <string>
#include <vector>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/prior.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/mechanism/design.hpp"

namespace mechdesign {

/// \brief The single-good auction: decisions "keep" (the seller keeps the good) and "bidder k";
/// bidder k's utility is values[k](t_k) if it gets the good, else 0; money with no deficit
/// (Σ_k x_k ≤ 0 at every profile: the seller collects Σ payments).
/// \param values one vector of values per bidder, finite, at least one type each (any order).
/// \param priors one probability vector per bidder (same sizes), every type with positive mass.
/// \throws dimension_error, non_finite_error, distribution_error, zero_probability_error,
/// invalid_argument (no bidders, more than coalition::max_players).
inline coalition_problem<double> auction_problem(const std::vector<Eigen::VectorXd>& values,
                                                 const std::vector<Eigen::VectorXd>& priors) {
  const char* where = "auction_problem";
  if (values.empty()) throw invalid_argument(fmt::format("{}: no bidders", where));
  detail::require_size(static_cast<index_t>(priors.size()), static_cast<index_t>(values.size()),
                       "priors (one per bidder)", where);
  for (std::size_t k = 0; k < values.size(); ++k) {
    detail::require_size(values[k].size(), priors[k].size(),
                         fmt::format("the values of bidder {}", k), where);
    detail::require_finite(values[k], fmt::format("the values of bidder {}", k), where);
  }
  const prior<double> beliefs =
      detail::with_entry(where, [&] { return prior<double>::independent(priors); });
  const int n = static_cast<int>(values.size());
  const index_t profiles = beliefs.types().num_profiles();
  std::vector<std::string> labels{"keep"};
  for (int k = 0; k < n; ++k) labels.push_back(fmt::format("bidder {}", k));
  std::vector<Eigen::MatrixXd> u(static_cast<std::size_t>(n),
                                 Eigen::MatrixXd::Zero(n + 1, profiles));
  for (index_t j = 0; j < profiles; ++j) {
    for (int k = 0; k < n; ++k) {
      u[static_cast<std::size_t>(k)](1 + k, j) =
          values[static_cast<std::size_t>(k)](beliefs.types().type_of(j, k));
    }
  }
  return coalition_problem<double>(coalition::grand(n), beliefs, std::move(labels), std::move(u),
                                   budget_rule::ex_post_no_deficit);
}

/// \brief The default options of optimal_auction(): dominant-strategy IC and ex-post IR.
inline design_options auction_options() {
  design_options o;
  o.incentives = incentive_family::dominant_strategy;
  o.participation = participation_family::ex_post;
  return o;
}

/// \brief The revenue-maximising auction (Myerson 1981): expected revenue over the mechanisms
/// that are dominant-strategy IC and ex-post IR (the default), or Bayesian IC and interim IR.
/// \param values, priors as auction_problem().
/// \param options incentives and participation (defaults below), LP settings, user rows.
/// \throws the exceptions of auction_problem() and design_mechanism().
[[nodiscard]] inline design_result optimal_auction(
    const std::vector<Eigen::VectorXd>& values, const std::vector<Eigen::VectorXd>& priors,
    const design_options& options = auction_options()) {
  const coalition_problem<double> g = auction_problem(values, priors);
  return design_mechanism(g, expected_revenue(g), options);
}

/// \brief Bilateral trade of one good: member 0 is the buyer with values \p buyer_values, member
/// 1 the seller with costs \p seller_costs; decisions "no trade" and "trade"; the buyer gets
/// v − (payment), the seller payment − c; money under \p budget (default: balanced ex post).
/// \throws as auction_problem().
inline coalition_problem<double> trade_problem(const Eigen::VectorXd& buyer_values,
                                               const Eigen::VectorXd& buyer_prior,
                                               const Eigen::VectorXd& seller_costs,
                                               const Eigen::VectorXd& seller_prior,
                                               budget_rule budget = budget_rule::ex_post_balanced) {
  const char* where = "trade_problem";
  detail::require_size(buyer_values.size(), buyer_prior.size(), "the buyer's values", where);
  detail::require_size(seller_costs.size(), seller_prior.size(), "the seller's costs", where);
  detail::require_finite(buyer_values, "the buyer's values", where);
  detail::require_finite(seller_costs, "the seller's costs", where);
  const prior<double> beliefs = detail::with_entry(where, [&] {
    return prior<double>::independent({buyer_prior, seller_prior});
  });
  const index_t profiles = beliefs.types().num_profiles();
  std::vector<Eigen::MatrixXd> u(2, Eigen::MatrixXd::Zero(2, profiles));
  for (index_t j = 0; j < profiles; ++j) {
    u[0](1, j) = buyer_values(beliefs.types().type_of(j, 0));
    u[1](1, j) = -seller_costs(beliefs.types().type_of(j, 1));
  }
  return coalition_problem<double>(coalition::grand(2), beliefs, {"no trade", "trade"},
                                   std::move(u), budget);
}

/// \brief Trade if and only if it creates value (v > c): the ex-post efficient allocation of a
/// trade_problem(), as a fixed allocation for design_options.
/// \throws dimension_error unless \p g has two members and two decisions (as trade_problem()).
inline Eigen::MatrixXd efficient_trade(const coalition_problem<double>& g) {
  detail::require_size(g.num_members(), 2, "the members (buyer, seller)", "efficient_trade");
  detail::require_size(g.num_decisions(), 2, "the decisions (no trade, trade)", "efficient_trade");
  Eigen::MatrixXd a(2, g.num_profiles());
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    const bool gains = g.utility(0)(1, j) + g.utility(1)(1, j) > 0.0;
    a(1, j) = gains ? 1.0 : 0.0;
    a(0, j) = 1.0 - a(1, j);
  }
  return a;
}

/// \brief Whether ex-post efficient trade is implementable with Bayesian IC, interim IR and the
/// problem's budget rule (Myerson–Satterthwaite 1983): success with the transfers if it is,
/// infeasible with a checked Farkas ray in lp.farkas if it is not.
/// \throws the exceptions of design_mechanism().
[[nodiscard]] inline design_result efficient_trade_implementable(
    const coalition_problem<double>& g, const lp::solver_options& lp = {}) {
  design_options o;
  o.participation = participation_family::interim;
  o.fixed_allocation = efficient_trade(g);
  o.lp = lp;
  return design_mechanism(g, expected_welfare(g), o);
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_TEXTBOOK_HPP
