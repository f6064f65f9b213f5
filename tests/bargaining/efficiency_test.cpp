#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/bargaining/efficiency.hpp>
#include <random>

#include "bargaining/random_parameters.hpp"

using namespace mechdesign;
using namespace mechdesign::bargaining;

TEST_CASE("bargaining: Lambda-optimal allocations: LP against Proposition 4 (Appendix C)",
          "[bargaining][efficiency][paper]") {
  const bool separated = GENERATE(false, true);
  const unsigned seed = GENERATE(range(1u, 6u));
  std::mt19937 rng(seed + (separated ? 5000u : 500u));
  INFO("seed " << seed << (separated ? " (l1 < h1 < l2 < h2)" : " (l1 < l2 < h1 < h2)"));
  for (int draw = 0; draw < 6; ++draw) {
    const auto env = bargaining_test::random_environment(rng, separated);
    const double p1 = bargaining_test::random_probability(rng);
    const double p2 = bargaining_test::random_probability(rng);
    const auto p = beliefs::binary(p1, p2);
    const double d2 = env.values(1)(1) - env.values(1)(0);
    for (double lambda2 :
         {0.0, 0.3 * p2, p2, 0.5 * (p2 + 1.0), 1.0, bargaining_test::random_probability(rng)}) {
      const auto pred = proposition4(env, p, lambda2);
      const auto r = lambda_optimal(
          env, p, {Eigen::Vector2d(1 - p1, p1), Eigen::Vector2d(1 - lambda2, lambda2)});
      REQUIRE(r.ok());
      INFO("p1 " << p1 << " p2 " << p2 << " Lambda2 " << lambda2);
      CHECK(r.value == Approx(pred.value).margin(1e-9));
      for (int a = 0; a < 2; ++a) {
        for (int b = 0; b < 2; ++b) {
          if (std::isnan(pred.good2(a, b))) continue;
          INFO("cell (" << a << ", " << b << ")");
          CHECK(r.optimal_allocation.good2(a, b) == Approx(pred.good2(a, b)).margin(1e-9));
          CHECK(r.optimal_allocation.good1(a, b) == Approx(1.0 - pred.good2(a, b)).margin(1e-9));
        }
      }
      // q_2^{hl} = q_2^{hh} = 1 whenever h2 > h1
      CHECK(pred.good2(0, 1) == 1.0);
      CHECK(pred.good2(1, 1) == 1.0);
      // incentive constraints of player 2 (Proposition 4 (2))
      const Eigen::VectorXd q2 = interim_good(r.optimal_allocation, p, 1);
      const double diff = r.payoffs[1](1) - r.payoffs[1](0);
      if (pred.binding_ic2 > 0) CHECK(diff == Approx(d2 * q2(1)).margin(1e-9));
      if (pred.binding_ic2 < 0) CHECK(diff == Approx(d2 * q2(0)).margin(1e-9));
    }
  }
}

TEST_CASE(
    "bargaining: (C.2) erratum: q2 at (h1, l2) stays 0 above the printed threshold when l2 < h1",
    "[bargaining][efficiency][erratum]") {
  // l1 = 1, h1 = 3, l2 = 2, h2 = 4; p = (0.4, 0.3). Printed (C.2): q2^{lh} = 1 for
  // Lambda2 > p2 - (1 - p2)(l2 - h1)/(h2 - l2) = 0.3 + 0.7 * 1/2 = 0.65.
  const auto env = bargaining_environment::binary(1, 3, 2, 4, 0.5);
  const auto p = beliefs::binary(0.4, 0.3);
  for (double lambda2 : {0.7, 0.9, 1.0}) {
    const auto pred = proposition4(env, p, lambda2);
    CHECK(pred.threshold_hl == Approx(0.65).margin(1e-15));
    CHECK(lambda2 > pred.threshold_hl);
    CHECK(pred.good2(1, 0) == 0.0);
    const auto r =
        lambda_optimal(env, p, {Eigen::Vector2d(0.6, 0.4), Eigen::Vector2d(1 - lambda2, lambda2)});
    REQUIRE(r.ok());
    CHECK(r.optimal_allocation.good2(1, 0) == Approx(0.0).margin(1e-12));
    // forcing q2^{lh} = 1 (the printed rule) loses value: W drops by p(h1, l2)(h1 - l2)
    CHECK(r.value == Approx(pred.value).margin(1e-12));
  }
}

TEST_CASE("bargaining: lambda_optimal rejects bad weights before any LP",
          "[bargaining][efficiency]") {
  const auto env = bargaining_environment::binary(1, 3, 2, 4, 0.5);
  const auto p = beliefs::binary(0.4, 0.3);
  CHECK_THROWS_AS(lambda_optimal(env, p, {Eigen::Vector2d(0.5, 0.6), Eigen::Vector2d(0.5, 0.5)}),
                  distribution_error);
  CHECK_THROWS_AS(lambda_optimal(env, p, {Eigen::Vector2d(1.5, -0.5), Eigen::Vector2d(0.5, 0.5)}),
                  distribution_error);
  CHECK_THROWS_AS(
      lambda_optimal(env, p, {Eigen::Vector2d(std::nan(""), 0.5), Eigen::Vector2d(0.5, 0.5)}),
      non_finite_error);
  CHECK_THROWS_AS(lambda_optimal(env, p, {Eigen::Vector2d(0.5, 0.5)}), dimension_error);
  CHECK_THROWS_AS(proposition4(env, p, 1.5), distribution_error);
  CHECK_THROWS_AS(proposition4(env, p, std::nan("")), non_finite_error);
}
