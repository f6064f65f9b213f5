#ifndef MECHDESIGN_CATALOG_COOPERATIVE_GAMES_HPP
#define MECHDESIGN_CATALOG_COOPERATIVE_GAMES_HPP

/// \file
/// \brief The Bayesian cooperative games of 003 §2 (bilateral trade with a broker) and §6 (the
/// arrogance of strength), with the paper's mechanisms of Tables 2.3 and 6.2, as public
/// instances. Opt-in (not part of the umbrella header).
///
/// Reference: 003_c8f96a2253701fcb.txt §2 ((2.4), (2.5), Table 2.3) and §6 (Table 6.1, (6.1),
/// (6.2), Table 6.2).

#include <Eigen/Core>

#include "mechdesign/catalog/bilateral_trade.hpp"
#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/prior.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/types.hpp"

namespace mechdesign::catalog::cooperative_games {

/// \brief 003 §2 with the broker (player 2). Buyer (player 0): value 90 ("weak", prob. 4/5) or 30
/// ("strong", prob. 1/5); seller (player 1) values the good at 0; the broker (player 2) has no
/// stake in the good. Money with ex-post balanced transfers in every coalition.
///
/// How verification is modelled. A mechanism only sees reports; what the broker adds is that the
/// grand coalition can condition payments on the buyer's TRUE value. That is a set of decisions
/// of N whose payoffs depend on the true type:
///   "verified sale, 90 if weak":   trade; the buyer pays 90 to the seller iff her value is 90;
///   "verified sale, 30 if strong": trade; the buyer pays 30 to the seller iff her value is 30.
/// Lotteries over these, plain trade and report-contingent transfers give every plan whose
/// price may depend on the true value (for instance trade at the buyer's value, worth 78 to the
/// seller, which no IC plan of {buyer, seller} reaches). A misreport no longer changes what a
/// buyer of a given value pays under these decisions, which is how the broker "releases the
/// traders from their incentive constraints". Coalitions without the broker have only
/// {no trade, trade}; the broker with either trader alone can produce nothing.
inline bayesian_problem<> broker_game() {
  const auto beliefs = prior<>::independent(
      {Eigen::Vector2d(0.8, 0.2), Eigen::VectorXd::Ones(1), Eigen::VectorXd::Ones(1)});
  bayesian_problem<> p(beliefs);
  auto nothing = [](int, index_t, const profile&) { return 0.0; };
  for (int i = 0; i < 3; ++i) p.set_decisions(coalition{i}, {"nothing"}, nothing);
  p.set_decisions(coalition{0, 2}, {"nothing"}, nothing);
  p.set_decisions(coalition{1, 2}, {"nothing"}, nothing);
  auto trade = [](int i, index_t d, const profile& t) {
    return (d == 1 && i == 0) ? bilateral_trade::buyer_value(t[0]) : 0.0;
  };
  p.set_decisions(coalition{0, 1}, {"no trade", "trade"}, trade);
  p.set_decisions(coalition::grand(3),
                  {"no trade", "trade", "verified sale, 90 if weak", "verified sale, 30 if strong"},
                  [](int i, index_t d, const profile& t) {
                    const double v = bilateral_trade::buyer_value(t[0]);
                    double paid = 0.0;  // buyer to seller, by true type
                    if (d == 2 && t[0] == 0) paid = 90.0;
                    if (d == 3 && t[0] == 1) paid = 30.0;
                    if (d == 0 || i == 2) return 0.0;
                    return i == 0 ? v - paid : paid;
                  });
  p.set_money(budget_rule::ex_post_balanced);
  return p;
}

/// \brief 003 Table 2.3: trade at both reports; price 45 if weak, 15 if strong; at the strong
/// report the broker gets 5, paid by the seller. With verification this is one lottery at both
/// reports: "verified sale, 90 if weak" and "verified sale, 30 if strong" with probability 1/2
/// each. A weak buyer then pays 45 and a strong one 15 in expectation, whatever they report, so the
/// plan is IC although the prices differ by type.
inline mechanism<> table_2_3() {
  mechanism<> m;
  m.probabilities = Eigen::MatrixXd::Zero(4, 2);
  for (index_t report = 0; report < 2; ++report) {
    m.probabilities(2, report) = 0.5;
    m.probabilities(3, report) = 0.5;
  }
  m.transfers = Eigen::MatrixXd::Zero(3, 2);
  m.transfers(1, 1) = -5.0;  // seller pays the commission at the strong report
  m.transfers(2, 1) = 5.0;
  return m;
}

/// \brief 003 §6 (arrogance of strength), Table 6.1. Players 0 and 1 value a $10 project at $10;
/// player 2 values it at $10 ("weak", prob. 9/10) or $5 ("strong", prob. 1/10).
/// D_{01} = {[d0,d1], d01}; D_{i2} = {[d_i,d2], d^i_{i2} (at i's expense), d^2_{i2} (at 2's)};
/// D_N = D_{01} x D_2 u D_{02} x D_1 u D_{12} x D_0. No money (cost shares are lotteries).
inline bayesian_problem<> arrogance_of_strength_game() {
  const auto beliefs = prior<>::independent(
      {Eigen::VectorXd::Ones(1), Eigen::VectorXd::Ones(1), Eigen::Vector2d(0.9, 0.1)});
  bayesian_problem<> p(beliefs);
  auto nothing = [](int, index_t, const profile&) { return 0.0; };
  for (int i = 0; i < 3; ++i) p.set_decisions(coalition{i}, {"alone"}, nothing);
  // payoff of the project run by {i, 2} at the expense of `payer`
  auto with_player2 = [](int i, int payer, int who, const profile& t) {
    const double value2 = t[2] == 0 ? 10.0 : 5.0;
    if (who == 2) return payer == 2 ? value2 - 10.0 : value2;
    return who == i && payer == i ? 0.0 : (who == i ? 10.0 : 0.0);
  };
  p.set_decisions(coalition{0, 1}, {"[d0,d1]", "d01"},
                  [](int, index_t d, const profile&) { return d == 1 ? 5.0 : 0.0; });
  for (int i = 0; i < 2; ++i) {
    p.set_decisions(coalition{i, 2}, {"[d_i,d2]", "at i's expense", "at 2's expense"},
                    [=](int who, index_t d, const profile& t) {
                      if (d == 0) return 0.0;
                      return with_player2(i, d == 1 ? i : 2, who, t);
                    });
  }
  p.set_decisions(coalition::grand(3),
                  {"nothing", "{0,1} share", "{0,2} at 0's expense", "{0,2} at 2's expense",
                   "{1,2} at 1's expense", "{1,2} at 2's expense"},
                  [=](int who, index_t d, const profile& t) {
                    switch (d) {
                      case 1:
                        return who == 2 ? 0.0 : 5.0;
                      case 2:
                        return with_player2(0, 0, who == 1 ? -1 : who, t);
                      case 3:
                        return with_player2(0, 2, who == 1 ? -1 : who, t);
                      case 4:
                        return with_player2(1, 1, who == 0 ? -1 : who, t);
                      case 5:
                        return with_player2(1, 2, who == 0 ? -1 : who, t);
                      default:
                        return 0.0;
                    }
                  });
  return p;
}

/// \brief 003 Table 6.2: both types of player 2: {0,1} with probability 2/3, {0,2} and {1,2} with
/// 1/6 each, the project always at the expense of player 0 or 1.
inline mechanism<> table_6_2() {
  mechanism<> m;
  m.probabilities = Eigen::MatrixXd::Zero(6, 2);
  for (index_t t = 0; t < 2; ++t) {
    m.probabilities(1, t) = 2.0 / 3.0;
    m.probabilities(2, t) = 1.0 / 6.0;
    m.probabilities(4, t) = 1.0 / 6.0;
  }
  return m;
}

}  // namespace mechdesign::catalog::cooperative_games

#endif  // MECHDESIGN_CATALOG_COOPERATIVE_GAMES_HPP
