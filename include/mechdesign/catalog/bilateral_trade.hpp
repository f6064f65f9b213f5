#ifndef MECHDESIGN_CATALOG_BILATERAL_TRADE_HPP
#define MECHDESIGN_CATALOG_BILATERAL_TRADE_HPP

/// \file
/// \brief The bilateral trade problem of 003 §2 (de Clippel's example without the broker), as a
/// public instance: users reproduce the paper with it, tests use it as a fixture. Opt-in (not
/// part of the umbrella header).
///
/// Reference: 003_c8f96a2253701fcb.txt §2 (the trading problem, the random dictatorship (2.1),
/// Table 2.1). Player 0 is the buyer, player 1 the seller. The buyer's value is 90 (type 0,
/// "weak", prob. 4/5) or 30 (type 1, "strong", prob. 1/5); the seller values the good at 0 and
/// has one type. Two encodings of money are provided:
///  * with_money():   decisions {no trade, trade} plus transfers x_i(t), balanced ex post; a
///                    trading plan is a trade probability and an expected payment per report.
///  * price_lottery(): no money; decisions {no trade, trade at 0, trade at 90}. Lotteries over
///                    the two extreme prices reach every expected price in [0, 90] per unit of
///                    trade, which is all a risk-neutral buyer and seller care about.
/// Singleton coalitions can only refrain from trading (reservation utility 0).

#include <Eigen/Core>
#include <cmath>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/prior.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/types.hpp"
#include "mechdesign/lp/model.hpp"

namespace mechdesign::catalog::bilateral_trade {

/// \brief The weak buyer's value (U1w in 003 §2).
inline constexpr double weak_value = 90.0;
/// \brief The strong buyer's value (U1s in 003 §2).
inline constexpr double strong_value = 30.0;
/// \brief The probability of the weak type (003 §2).
inline constexpr double weak_probability = 0.8;

/// \brief The prior of 003 §2: buyer weak with probability 4/5, seller with one type.
inline prior<> beliefs() {
  return prior<>::independent(
      {Eigen::Vector2d(weak_probability, 1.0 - weak_probability), Eigen::VectorXd::Ones(1)});
}

/// \brief The buyer's value of type \p type (0: weak, 90; otherwise strong, 30) (003 §2).
inline double buyer_value(index_t type) { return type == 0 ? weak_value : strong_value; }

/// \brief Register the singletons' only decision, "no trade" (reservation utility 0).
inline void add_singletons(bayesian_problem<>& p) {
  auto nothing = [](int, index_t, const profile&) { return 0.0; };
  p.set_decisions(coalition{0}, {"no trade"}, nothing);
  p.set_decisions(coalition{1}, {"no trade"}, nothing);
}

/// \brief 003 §2 with transfers: decisions {no trade, trade}, ex-post balanced money.
inline bayesian_problem<> with_money() {
  bayesian_problem<> p(beliefs());
  p.set_decisions(coalition{0, 1}, {"no trade", "trade"}, [](int i, index_t d, const profile& t) {
    return (d == 1 && i == 0) ? buyer_value(t[0]) : 0.0;
  });
  add_singletons(p);
  p.set_money(budget_rule::ex_post_balanced);
  return p;
}

/// \brief The price of each decision of price_lottery() (no trade, trade at 0, trade at 90).
inline constexpr double lottery_prices[3] = {0.0, 0.0, 90.0};

/// \brief 003 §2 without money: lotteries over trade at the prices 0 and 90.
inline bayesian_problem<> price_lottery() {
  bayesian_problem<> p(beliefs());
  p.set_decisions(coalition{0, 1}, {"no trade", "trade at 0", "trade at 90"},
                  [](int i, index_t d, const profile& t) {
                    if (d == 0) return 0.0;
                    const double price = lottery_prices[d];
                    return i == 0 ? buyer_value(t[0]) - price : price;
                  });
  add_singletons(p);
  return p;
}

/// \brief λ that makes player \p dictator (0 or 1) the dictator (003 §2, Table 2.1): all weight
/// on the dictator's types (in proportion to their probabilities), zero on the other player.
inline type_vectors<> dictator_weights(int dictator) {
  if (dictator == 0) {
    return {Eigen::Vector2d(weak_probability, 1.0 - weak_probability), Eigen::VectorXd::Zero(1)};
  }
  return {Eigen::Vector2d::Zero(), Eigen::VectorXd::Ones(1)};
}

/// \brief Participation thresholds (4.3) for the non-dictator (\p dictator is 0 or 1): the
/// reservation utility 0 of every type; the dictator's own rows stay free.
inline type_vectors<> dictator_participation(int dictator) {
  const double none = -lp::inf;
  if (dictator == 0) return {Eigen::Vector2d(none, none), Eigen::VectorXd::Zero(1)};
  return {Eigen::Vector2d::Zero(), Eigen::VectorXd::Constant(1, none)};
}

/// \brief Trade probability and expected price conditional on trade, per buyer report.
struct plan_row {
  double trade_probability;
  double price;  // NaN when there is no trade
};

/// \brief The plan_row of mechanism \p m at buyer report \p report (0 or 1), in either encoding.
inline plan_row plan(const coalition_problem<>& g, const mechanism<>& m, index_t report) {
  const auto col = m.probabilities.col(report);
  if (g.money()) {
    const double q = col(1);
    return {q, q > 1e-12 ? -m.transfers(0, report) / q : std::nan("")};
  }
  const double q = col(1) + col(2);
  const double paid = col(1) * lottery_prices[1] + col(2) * lottery_prices[2];
  return {q, q > 1e-12 ? paid / q : std::nan("")};
}

}  // namespace mechdesign::catalog::bilateral_trade

#endif  // MECHDESIGN_CATALOG_BILATERAL_TRADE_HPP
