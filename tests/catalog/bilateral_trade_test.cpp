// The numbers of 003_c8f96a2253701fcb.txt section 2 without the broker: Table 2.1, the buyer's
// best plan, and the random-dictatorship allocation (2.1), which is incentive efficient.

#include <catch2/catch.hpp>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/mechdesign.hpp>

using namespace mechdesign;
using namespace mechdesign::catalog;

namespace {

constexpr double tol = 1e-9;  // LP results: exact up to floating-point rounding

primal_result dictator(const bayesian_problem<>& problem, int who) {
  const auto r = solve_primal(problem.grand(), bilateral_trade::dictator_weights(who),
                              bilateral_trade::dictator_participation(who));
  lp::require_optimal(r.lp, "dictator");
  return r;
}

mechanism<> average(const mechanism<>& a, const mechanism<>& b) {
  mechanism<> m;
  m.probabilities = 0.5 * (a.probabilities + b.probabilities);
  if (a.transfers.size() != 0) m.transfers = 0.5 * (a.transfers + b.transfers);
  return m;
}

}  // namespace

TEST_CASE("003 section 2: dictator plans and the random dictatorship (2.1)",
          "[paper][003][bilateral_trade]") {
  const bool with_money = GENERATE(true, false);
  INFO((with_money ? "money model" : "price-lottery model"));
  const auto problem =
      with_money ? bilateral_trade::with_money() : bilateral_trade::price_lottery();
  const auto g = problem.grand();

  const auto seller = dictator(problem, 1);  // Table 2.1: (0, 0, 72)
  CHECK(seller.objective == Approx(72.0).margin(tol));
  CHECK(seller.interim[0](0) == Approx(0.0).margin(tol));
  CHECK(seller.interim[0](1) == Approx(0.0).margin(tol));
  CHECK(seller.interim[1](0) == Approx(72.0).margin(tol));
  CHECK(seller.dual_objective == Approx(72.0).margin(tol));
  // Table 2.1: trade only with a buyer who claims value 90, at price 90
  const auto weak_row = bilateral_trade::plan(g, seller.optimal_mechanism, 0);
  const auto strong_row = bilateral_trade::plan(g, seller.optimal_mechanism, 1);
  CHECK(weak_row.trade_probability == Approx(1.0).margin(tol));
  CHECK(weak_row.price == Approx(90.0).margin(tol));
  CHECK(strong_row.trade_probability == Approx(0.0).margin(tol));

  const auto buyer = dictator(problem, 0);  // (90, 30, 0)
  CHECK(buyer.interim[0](0) == Approx(90.0).margin(tol));
  CHECK(buyer.interim[0](1) == Approx(30.0).margin(tol));
  CHECK(buyer.interim[1](0) == Approx(0.0).margin(tol));
  CHECK(buyer.dual_objective == Approx(78.0).margin(tol));

  const mechanism<> rd = average(seller.optimal_mechanism, buyer.optimal_mechanism);
  const auto u = interim_utilities(g, rd);
  CHECK(u[0](0) == Approx(45.0).margin(tol));  // (2.1)
  CHECK(u[0](1) == Approx(15.0).margin(tol));
  CHECK(u[1](0) == Approx(36.0).margin(tol));
  CHECK(check_incentive_compatibility(g, rd, tol).passed);
  CHECK(check_individual_rationality(problem, g, rd, tol).passed);

  const auto e = test_incentive_efficiency(g, rd);
  REQUIRE(e.efficient());
  CHECK(e.conditions.passed);
  // Supporting weights. Binding IC: the weak type's claim to be strong, so alpha1(w|s) = 0.
  // Both models force lambda1(s) = 3 alpha1(s|w) (the strong type trades with probability 1/2 at
  // price 0, so trading has virtual value 0) and lambda1(w) + alpha1(s|w) = 0.8 lambda2 (the
  // weak type pays a price strictly inside [0, 90], so money is neutral at that profile).
  const double lw = e.lambda[0](0), ls = e.lambda[0](1), l2 = e.lambda[1](0), a = e.alpha[0](0, 1);
  CHECK(e.alpha[0](1, 0) == Approx(0.0).margin(tol));
  CHECK(ls == Approx(3.0 * a).margin(tol));
  CHECK(lw + a == Approx(0.8 * l2).margin(tol));
  CHECK(lw + ls + l2 == Approx(1.0).margin(tol));
  if (with_money) {
    // Money also makes transfers neutral at the strong profile: (ls - a)/0.2 = l2, which pins
    // down lambda = (0.35, 0.15, 0.5) and alpha1(s|w) = 0.05.
    CHECK(lw == Approx(0.35).margin(tol));
    CHECK(ls == Approx(0.15).margin(tol));
    CHECK(l2 == Approx(0.5).margin(tol));
    CHECK(a == Approx(0.05).margin(tol));
  } else {
    // Without money the weights form a segment; trade at 90 must not beat trade at 0 for the
    // strong report: l2 <= (ls - a) / 0.2.
    CHECK(l2 <= (ls - a) / 0.2 + tol);
  }
}
