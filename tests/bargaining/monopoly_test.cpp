#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/bargaining/monopoly.hpp>

using namespace mechdesign;
using namespace mechdesign::bargaining;

TEST_CASE("bargaining: monopoly payoffs (3.2) against hand computation", "[bargaining][monopoly]") {
  // l1 = 1, h1 = 3, l2 = 2, h2 = 4.
  const auto env = bargaining_environment::binary(1, 3, 2, 4, 0.25);
  SECTION("player 1 at p2 = 0.3") {
    const auto p = beliefs::binary(0.4, 0.3);
    // l1: keep 1; price 2 sells surely: 2; price 4: 0.7*1 + 0.3*4 = 1.9.  -> 2 at price 2
    const auto o = monopoly(1.0, env.values(1), p.marginal(1));
    CHECK(o.payoff == Approx(2.0).margin(1e-15));
    CHECK(o.price == 2.0);
    CHECK(o.sale_probability == Approx(1.0).margin(1e-15));
    // h1: keep 3; price 2: 2; price 4: 0.7*3 + 0.3*4 = 3.3 -> 3.3 at price 4
    const auto m1 = monopoly_payoffs(env, p, 0);
    CHECK(m1(0) == Approx(2.0).margin(1e-15));
    CHECK(m1(1) == Approx(3.3).margin(1e-15));
    const auto o_h = monopoly(3.0, env.values(1), p.marginal(1));
    CHECK(o_h.price == 4.0);
    CHECK(o_h.sale_probability == Approx(0.3).margin(1e-15));
    // random monopoly payoffs beta_1 M_1
    CHECK(random_monopoly_payoffs(env, p, 0).isApprox(0.25 * m1, 1e-15));
  }
  SECTION("player 1 at p2 = 0.5") {
    const auto p = beliefs::binary(0.4, 0.5);
    // l1: price 4 gives 0.5 + 2 = 2.5 > 2
    const auto o = monopoly(1.0, env.values(1), p.marginal(1));
    CHECK(o.payoff == Approx(2.5).margin(1e-15));
    CHECK(o.price == 4.0);
    CHECK(o.sale_probability == Approx(0.5).margin(1e-15));
  }
  SECTION("player 2 at p1 = 0.4") {
    const auto p = beliefs::binary(0.4, 0.5);
    // l2: keep 2; price 1: 1; price 3: 0.6*2 + 0.4*3 = 2.4 -> 2.4
    // h2: keep 4; price 3: 0.6*4 + 0.4*3 = 3.6 -> keep, 4
    const auto m2 = monopoly_payoffs(env, p, 1);
    CHECK(m2(0) == Approx(2.4).margin(1e-15));
    CHECK(m2(1) == Approx(4.0).margin(1e-15));
    const auto keep = monopoly(4.0, env.values(0), p.marginal(0));
    CHECK(std::isinf(keep.price));
    CHECK(keep.sale_probability == 0.0);
    CHECK(random_monopoly_payoffs(env, p, 1).isApprox(0.75 * m2, 1e-15));
  }
}

TEST_CASE("bargaining: thresholds p2* and p2** are the owner's indifference points (002 §5.4)",
          "[bargaining][monopoly][paper]") {
  // p2* = (l2 - l1)/(h2 - l1): type l1 is indifferent between prices l2 and h2.
  const double l1 = 0.2, l2 = 0.5, h2 = 1.3;
  const double p2_star = (l2 - l1) / (h2 - l1);
  const Eigen::Vector2d buyer(l2, h2);
  const auto at = monopoly(l1, buyer, Eigen::Vector2d(1 - p2_star, p2_star));
  CHECK(at.payoff == Approx(l2).margin(1e-14));
  CHECK(((1 - p2_star) * l1 + p2_star * h2) == Approx(l2).margin(1e-14));
  CHECK(at.price == l2);  // tie rule: the lowest optimal price
  const double up = p2_star + 1e-6, down = p2_star - 1e-6;
  CHECK(monopoly(l1, buyer, Eigen::Vector2d(1 - up, up)).price == h2);
  CHECK(monopoly(l1, buyer, Eigen::Vector2d(1 - down, down)).price == l2);
  // p2** = (l2 - h1)/(h2 - h1) for type h1 < l2 (case of Proposition 2)
  const double h1 = 0.4, p2_2star = (l2 - h1) / (h2 - h1);
  CHECK(p2_2star < p2_star);
  const auto at2 = monopoly(h1, buyer, Eigen::Vector2d(1 - p2_2star, p2_2star));
  CHECK(at2.payoff == Approx(l2).margin(1e-14));
  CHECK(((1 - p2_2star) * h1 + p2_2star * h2) == Approx(l2).margin(1e-14));
  const double up2 = p2_2star + 1e-6;
  CHECK(monopoly(h1, buyer, Eigen::Vector2d(1 - up2, up2)).price == h2);
}

TEST_CASE("bargaining: known types: M = max(t_i, t_-i) (002 §3.1, §3.3)",
          "[bargaining][monopoly][paper]") {
  const Eigen::VectorXd one = Eigen::VectorXd::Ones(1);
  for (double own : {0.5, 2.0}) {
    for (double other : {0.5, 1.0, 3.0}) {
      const Eigen::VectorXd buyer = Eigen::VectorXd::Constant(1, other);
      const auto o = monopoly(own, buyer, one);
      CHECK(o.payoff == Approx(std::max(own, other)).margin(1e-15));
    }
  }
  // tie between keeping and selling at the owner's own value: report the sale
  const auto tie = monopoly(1.0, Eigen::VectorXd::Constant(1, 1.0), one);
  CHECK(tie.payoff == 1.0);
  CHECK(tie.price == 1.0);
  CHECK_THROWS_AS(monopoly(1.0, Eigen::Vector2d(1, 2), one), dimension_error);
  CHECK_THROWS_AS(monopoly(std::nan(""), Eigen::Vector2d(1, 2), Eigen::Vector2d(.5, .5)),
                  non_finite_error);
}
