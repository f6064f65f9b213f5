// The bilateral trade problem of 003_c8f96a2253701fcb.txt §2 (de Clippel's example without the
// broker), shared by examples/bilateral_trade.cpp and its tests.
//
// Player 0 is the buyer, player 1 the seller. The buyer's value is 90 (type 0, "weak", prob.
// 4/5) or 30 (type 1, "strong", prob. 1/5); the seller values the good at 0 and has one type.
// Two encodings of money are provided:
//  * with_money():   decisions {no trade, trade} plus transfers x_i(t), balanced ex post; a
//                    trading plan is a trade probability and an expected payment per report.
//  * price_lottery(): no money; decisions {no trade, trade at 0, trade at 90}. Lotteries over
//                    the two extreme prices reach every expected price in [0, 90] per unit of
//                    trade, which is all a risk-neutral buyer and seller care about.
// Singleton coalitions can only refrain from trading (reservation utility 0).
#ifndef MECHDESIGN_EXAMPLES_SUPPORT_BILATERAL_TRADE_HPP
#define MECHDESIGN_EXAMPLES_SUPPORT_BILATERAL_TRADE_HPP

#include <mechdesign/mechdesign.hpp>

namespace bilateral_trade {

inline constexpr double weak_value = 90.0;    // U1w in the paper
inline constexpr double strong_value = 30.0;  // U1s
inline constexpr double weak_probability = 0.8;

inline mechdesign::prior<> beliefs() {
  return mechdesign::prior<>::independent(
      {Eigen::Vector2d(weak_probability, 1.0 - weak_probability), Eigen::VectorXd::Ones(1)});
}

inline double buyer_value(mechdesign::index_t type) {
  return type == 0 ? weak_value : strong_value;
}

inline void add_singletons(mechdesign::bayesian_problem<>& p) {
  auto nothing = [](int, mechdesign::index_t, const mechdesign::profile&) { return 0.0; };
  p.set_decisions(mechdesign::coalition{0}, {"no trade"}, nothing);
  p.set_decisions(mechdesign::coalition{1}, {"no trade"}, nothing);
}

inline mechdesign::bayesian_problem<> with_money() {
  mechdesign::bayesian_problem<> p(beliefs());
  p.set_decisions(mechdesign::coalition{0, 1}, {"no trade", "trade"},
                  [](int i, mechdesign::index_t d, const mechdesign::profile& t) {
                    return (d == 1 && i == 0) ? buyer_value(t[0]) : 0.0;
                  });
  add_singletons(p);
  p.set_money(mechdesign::budget_rule::ex_post_balanced);
  return p;
}

inline constexpr double lottery_prices[3] = {0.0, 0.0, 90.0};  // price of each decision

inline mechdesign::bayesian_problem<> price_lottery() {
  mechdesign::bayesian_problem<> p(beliefs());
  p.set_decisions(mechdesign::coalition{0, 1}, {"no trade", "trade at 0", "trade at 90"},
                  [](int i, mechdesign::index_t d, const mechdesign::profile& t) {
                    if (d == 0) return 0.0;
                    const double price = lottery_prices[d];
                    return i == 0 ? buyer_value(t[0]) - price : price;
                  });
  add_singletons(p);
  return p;
}

// λ that makes one player the dictator: all weight on the dictator's types (in proportion to
// their probabilities), zero on the other player.
inline mechdesign::type_vectors<> dictator_weights(int dictator) {
  if (dictator == 0) {
    return {Eigen::Vector2d(weak_probability, 1.0 - weak_probability), Eigen::VectorXd::Zero(1)};
  }
  return {Eigen::Vector2d::Zero(), Eigen::VectorXd::Ones(1)};
}

// Participation thresholds for the non-dictator: the reservation utility 0 of every type; the
// dictator's own rows stay free.
inline mechdesign::type_vectors<> dictator_participation(int dictator) {
  const double none = -mechdesign::lp::inf;
  if (dictator == 0) return {Eigen::Vector2d(none, none), Eigen::VectorXd::Zero(1)};
  return {Eigen::Vector2d::Zero(), Eigen::VectorXd::Constant(1, none)};
}

// Trade probability and expected price conditional on trade, per buyer report.
struct plan_row {
  double trade_probability;
  double price;  // NaN when there is no trade
};

inline plan_row plan(const mechdesign::coalition_problem<>& g, const mechdesign::mechanism<>& m,
                     mechdesign::index_t report) {
  const auto col = m.probabilities.col(report);
  if (g.money()) {
    const double q = col(1);
    return {q, q > 1e-12 ? -m.transfers(0, report) / q : std::nan("")};
  }
  const double q = col(1) + col(2);
  const double paid = col(1) * lottery_prices[1] + col(2) * lottery_prices[2];
  return {q, q > 1e-12 ? paid / q : std::nan("")};
}

}  // namespace bilateral_trade

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_BILATERAL_TRADE_HPP
