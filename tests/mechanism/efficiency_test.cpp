#include <catch2/catch.hpp>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/mechanism/efficiency.hpp>
#include <random>

#include "support/random_problems.hpp"

using namespace mechdesign;
using namespace mechdesign::catalog;

TEST_CASE("optimal mechanisms of random problems are incentive efficient",
          "[mechanism][efficiency]") {
  const unsigned seed = GENERATE(range(301u, 321u));
  std::mt19937 rng(seed);
  test_support::random_spec spec;
  spec.players = 2 + static_cast<int>(seed % 2);
  spec.types = 2;
  spec.decisions = 4;
  if (seed % 4 == 0) spec.money = budget_rule::ex_post_no_deficit;
  const auto g = test_support::random_problem(spec, seed).grand();
  const auto r = solve_primal(g, test_support::random_weights(g, rng));
  REQUIRE(r.ok());
  const auto e = test_incentive_efficiency(g, r.optimal_mechanism);
  INFO("seed " << seed << ": " << e.message);
  CHECK(e.verdict == efficiency_verdict::efficient);
  CHECK(e.conditions.passed);
  CHECK(e.conditions.min_weight > 0.0);
  double total = 0.0;
  for (const auto& l : e.lambda) total += l.sum();
  CHECK(total == Approx(1.0).margin(1e-12));
}

TEST_CASE("the status quo is improvable and the improving types are named",
          "[mechanism][efficiency]") {
  // No trade in the bilateral problem: trading at any price in (0, 30) helps both buyer types
  // and the seller.
  const auto g = bilateral_trade::price_lottery().grand();
  const auto e = test_incentive_efficiency(g, mechanism<>::constant(g, 0));
  REQUIRE(e.verdict == efficiency_verdict::improvable);
  CHECK(e.total_gain > 1.0);
  CHECK(check_incentive_compatibility(g, e.improvement, 1e-9).passed);
  for (int k = 0; k < 2; ++k) {
    CHECK(e.gains[static_cast<std::size_t>(k)].minCoeff() >= -1e-9);
  }
  CHECK_FALSE(e.improving_types.empty());
  // the improvement's utilities match the reported gains
  const auto u = interim_utilities(g, e.improvement);
  CHECK(u[0].isApprox(e.interim[0] + e.gains[0], 1e-9));
}

TEST_CASE("a mechanism that is not IC is reported, not tested", "[mechanism][efficiency]") {
  const auto g = bilateral_trade::with_money().grand();
  mechanism<> m;
  m.probabilities.resize(2, 2);
  m.probabilities << 0, 0, 1, 1;
  m.transfers.resize(2, 2);
  m.transfers << -90, -30, 90, 30;
  const auto e = test_incentive_efficiency(g, m);
  CHECK(e.verdict == efficiency_verdict::not_incentive_compatible);
  CHECK(e.ic.player == 0);
  CHECK(e.ic.worst_violation == Approx(60.0).margin(1e-12));
}

TEST_CASE("Proposition 1's conditions fail for weights that do not support the mechanism",
          "[mechanism][efficiency]") {
  // The plan (2.1) with all weight on the seller is not supported: trading with the strong type
  // at price 0 has negative virtual value for him.
  const auto g = bilateral_trade::with_money().grand();
  mechanism<> m;
  m.probabilities.resize(2, 2);
  m.probabilities << 0, 0.5, 1, 0.5;
  m.transfers.resize(2, 2);
  m.transfers << -45, 0, 45, 0;
  const type_vectors<> seller_only = {Eigen::Vector2d(0.0, 0.0), Eigen::VectorXd::Ones(1)};
  const type_matrices<> no_alpha = {Eigen::Matrix2d::Zero(), Eigen::MatrixXd::Zero(1, 1)};
  const auto c = check_efficiency_conditions(g, m, seller_only, no_alpha);
  CHECK_FALSE(c.passed);
  CHECK(c.min_weight == 0.0);
  CHECK(c.transfer_imbalance > 0.5);
}
