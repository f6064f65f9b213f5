#ifndef MECHDESIGN_PRICING_MENU_HPP
#define MECHDESIGN_PRICING_MENU_HPP

/// \file
/// \brief Menus of direct communication rules and prices, their value to each type, their
/// expected externality, and an independent check of obedience, truthfulness against double
/// deviations and individual rationality.
///
/// Reference: 004_7f70667d8c91100b.txt §3 (Definitions 3.1 and 3.3–3.6, Proposition 3.2). A
/// direct rule for report k is an information::experiment, the S × A matrix rule(x, a) =
/// P(recommend a | state x) (row x: a distribution over recommended actions, the orientation of
/// the whole library); its value to a buyer of belief β who best-responds to every message is
/// Σ_a max_{a'} Σ_x β(x) rule(x, a) u_b(a', x). Obedience is information::check_obedience with
/// the buyer's payoffs. The checker works from these definitions only (no LP rows), so it can
/// audit the optimal-menu LP of optimal_menu.hpp.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/information/experiment.hpp"
#include "mechdesign/information/obedience.hpp"
#include "mechdesign/pricing/environment.hpp"

namespace mechdesign::pricing {

/// \brief A menu: for each reportable type a direct rule (states × actions) and a price.
struct menu {
  /// rules[k](x, a) = P(recommend a | x) after report k: an S × A information::experiment
  std::vector<information::experiment> rules;
  Eigen::VectorXd prices;  ///< prices(k) = t(k)
};

/// \brief Expected buyer payoff when a buyer of belief \p belief obeys the S × A \p rule,
/// Σ_{a,x} β(x) rule(x, a) u_b(a, x) (004_7f70667d8c91100b.txt Definition 3.5).
inline double obedient_value(const environment& env,
                             const Eigen::Ref<const Eigen::VectorXd>& belief,
                             const Eigen::Ref<const Eigen::MatrixXd>& rule) {
  double v = 0.0;
  for (index_t a = 0; a < rule.cols(); ++a)
    for (index_t x = 0; x < rule.rows(); ++x) v += belief(x) * rule(x, a) * env.buyer_payoff(a, x);
  return v;
}

/// \brief Expected buyer payoff when a buyer of belief \p belief best-responds to each message
/// of the S × A \p rule, Σ_a max_{a'} Σ_x β(x) rule(x, a) u_b(a', x) (004_7f70667d8c91100b.txt
/// §3, value of a communication rule).
inline double best_response_value(const environment& env,
                                  const Eigen::Ref<const Eigen::VectorXd>& belief,
                                  const Eigen::Ref<const Eigen::MatrixXd>& rule) {
  double v = 0.0;
  for (index_t m = 0; m < rule.cols(); ++m) {
    const Eigen::VectorXd joint = belief.cwiseProduct(rule.col(m));
    v += (env.buyer_payoff * joint).maxCoeff();
  }
  return v;
}

/// \brief Expected externality Σ_{a,x} v_s(x) rule(x, a) e(a, x) of an obeyed S × A rule under
/// the seller's belief (004_7f70667d8c91100b.txt §4, the seller's cost, derived from the model).
inline double expected_externality(const environment& env,
                                   const Eigen::Ref<const Eigen::MatrixXd>& rule) {
  double c = 0.0;
  for (index_t a = 0; a < rule.cols(); ++a)
    for (index_t x = 0; x < rule.rows(); ++x)
      c += env.seller_belief(x) * rule(x, a) * env.externality(a, x);
  return c;
}

/// \brief Residuals of the independent menu check (all ≥ 0; 0 means the property holds).
struct menu_check {
  double rule_violation = 0.0;           ///< worst negative entry or |row sum − 1|
  double obedience_violation = 0.0;      ///< worst gain of a truthful type from disobeying
  double truthfulness_violation = 0.0;   ///< worst gain from misreporting then best-responding
  double participation_violation = 0.0;  ///< worst shortfall of rent below zero
  double price_violation = 0.0;          ///< worst negative price (when prices must be ≥ 0)
  std::string worst;                     ///< the constraint with the largest violation
  double tolerance = 0.0;                ///< threshold used
  bool passed = false;                   ///< every residual ≤ tolerance

  /// \brief The largest residual.
  double max_violation() const noexcept {
    return std::max({rule_violation, obedience_violation, truthfulness_violation,
                     participation_violation, price_violation});
  }
};

/// \brief Check a menu against the definitions: stochastic rules, obedience (Definition 3.5, by
/// information::check_obedience),
/// truthfulness against double deviations (Definitions 3.4 and 3.6: misreport, then best-respond
/// to every message) and individual rationality (Definition 3.3) for every type
/// (004_7f70667d8c91100b.txt §3).
/// \param tolerance ≥ 0, the threshold of passed.
/// \throws dimension_error if the menu does not have one S × A rule and one price per type or
///         K² exceeds mechdesign::detail::max_table_entries;
///         non_finite_error for a non-finite price or rule entry.
[[nodiscard]] inline menu_check check_menu(const environment& env, const menu& m,
                                           double tolerance = 1e-7,
                                           bool nonnegative_prices = true) {
  validate(env, "pricing::check_menu");
  mechdesign::detail::check_tolerance(tolerance, "tolerance", "check_menu");
  const index_t s = env.num_states(), na = env.num_actions(), k = env.num_types();
  // the truthfulness check visits every (true type, report) pair
  (void)mechdesign::detail::checked_product(k, k, "the (true type, report) pairs",
                                            "pricing::check_menu");
  if (static_cast<index_t>(m.rules.size()) != k || m.prices.size() != k) {
    throw dimension_error(fmt::format("check_menu: {} rules and {} prices for {} types",
                                      m.rules.size(), m.prices.size(), k));
  }
  menu_check c;
  c.tolerance = tolerance;
  double worst = -1.0;
  auto note = [&](double v, double& slot, const std::string& what) {
    slot = std::max(slot, v);
    if (v > worst) {
      worst = v;
      c.worst = what;
    }
  };
  for (index_t j = 0; j < k; ++j) {
    const auto& r = m.rules[static_cast<std::size_t>(j)];
    if (r.rows() != s || r.cols() != na) {
      throw dimension_error(fmt::format("check_menu: rule {} is {}x{}, expected {}x{}", j, r.rows(),
                                        r.cols(), s, na));
    }
    if (!r.allFinite()) {
      throw non_finite_error(fmt::format("check_menu: rule {} has a non-finite entry", j));
    }
    for (index_t x = 0; x < s; ++x) {
      note(std::abs(r.row(x).sum() - 1.0), c.rule_violation,
           fmt::format("rule[{}] state {}", j, x));
      for (index_t a = 0; a < na; ++a)
        note(std::max(0.0, -r(x, a)), c.rule_violation, fmt::format("rule[{}]({}, {})", j, x, a));
    }
    if (!std::isfinite(m.prices(j))) {
      throw non_finite_error(fmt::format("check_menu: price {} is {}", j, m.prices(j)));
    }
    if (nonnegative_prices)
      note(std::max(0.0, -m.prices(j)), c.price_violation, fmt::format("price[{}]", j));
  }
  for (index_t t = 0; t < k; ++t) {
    const Eigen::VectorXd belief = env.type_beliefs.row(t).transpose();
    const auto& own = m.rules[static_cast<std::size_t>(t)];
    const double truthful = obedient_value(env, belief, own) - m.prices(t);
    // Obedience: for each recommendation a, no other action does better against the joint
    // β(x) rule(x, a) — the information layer's check.
    const information::obedience_report ob =
        information::check_obedience(env.buyer_payoff, belief, own, tolerance);
    note(std::max(0.0, ob.worst_gain), c.obedience_violation,
         fmt::format("obedience[{}: {}]", t, std::max<index_t>(0, ob.recommended)));
    note(no_information_value(env, belief) - truthful, c.participation_violation,
         fmt::format("IR[{}]", t));
    for (index_t j = 0; j < k; ++j) {
      if (j == t) continue;
      const double deviation =
          best_response_value(env, belief, m.rules[static_cast<std::size_t>(j)]) - m.prices(j);
      note(deviation - truthful, c.truthfulness_violation, fmt::format("IC[{}->{}]", t, j));
    }
  }
  c.passed = c.max_violation() <= tolerance;
  return c;
}

}  // namespace mechdesign::pricing

#endif  // MECHDESIGN_PRICING_MENU_HPP
