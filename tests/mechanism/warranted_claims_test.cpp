// Warranted claims (003 eq. (4.11)) and the neutral procedural solution's conditions NPS1-NPS2
// for the two-person bilateral trade of 003 section 2, where the paper's numbers are known.
#include <catch2/catch.hpp>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/mechanism/efficiency.hpp>
#include <mechdesign/mechanism/warranted_claims.hpp>
#include <random>

#include "support/random_problems.hpp"

using namespace mechdesign;
using namespace mechdesign::catalog;

TEST_CASE("the dictators' warranted claims are their strong solutions (003 section 2)",
          "[mechanism][warranted_claims][paper][003]") {
  // With money the supporting scales of the plan (2.1) are unique (see bilateral_trade_test):
  // lambda = (0.35, 0.15 | 0.5), alpha1(s|w) = 0.05. The threats are the lone players' no-trade
  // mechanisms (4.4). The buyer's warranted claims are then (90, 30), her strong solution, and
  // the seller's is 72, his (Table 2.1); (2.1) is their average with the zero threats, so NPS2
  // holds with equality: the plan is a non-degenerate neutral procedural solution.
  const auto problem = bilateral_trade::with_money();
  const auto g = problem.grand();
  const type_vectors<> lambda = {Eigen::Vector2d(0.35, 0.15), Eigen::VectorXd::Constant(1, 0.5)};
  type_matrices<> alpha = {Eigen::Matrix2d::Zero(), Eigen::MatrixXd::Zero(1, 1)};
  alpha[0](0, 1) = 0.05;
  constexpr double tol = 1e-12;

  const auto buyer = warranted_claims(g, 0, lambda, alpha, singleton_threat(problem, 1));
  REQUIRE(buyer.ok());
  CHECK(buyer.claims(0) == Approx(90.0).margin(tol));
  CHECK(buyer.claims(1) == Approx(30.0).margin(tol));
  CHECK(buyer.equation_residual <= tol);
  CHECK(buyer.transfer_imbalance <= tol);

  const auto seller = warranted_claims(g, 1, lambda, alpha, singleton_threat(problem, 0));
  REQUIRE(seller.ok());
  CHECK(seller.claims(0) == Approx(72.0).margin(tol));

  // NPS2 with epsilon = 0: U_i(mu|t) = (1/2)[U_i(threat of the other's coalition) + omega_i(t)]
  mechanism<> plan;
  plan.probabilities.resize(2, 2);
  plan.probabilities << 0, 0.5, 1, 0.5;
  plan.transfers.resize(2, 2);
  plan.transfers << -45, 0, 45, 0;
  const auto u = interim_utilities(g, plan);
  const auto seller_alone = singleton_threat(problem, 1);
  const auto buyer_alone = singleton_threat(problem, 0);
  const auto u_buyer_alone = interim_utilities(buyer_alone.problem, buyer_alone.plan);
  const auto u_seller_alone = interim_utilities(seller_alone.problem, seller_alone.plan);
  for (index_t t = 0; t < 2; ++t) {
    CHECK(u[0](t) == Approx(0.5 * (u_buyer_alone[0](t) + buyer.claims(t))).margin(1e-9));
  }
  CHECK(u[1](0) == Approx(0.5 * (u_seller_alone[0](0) + seller.claims(0))).margin(1e-9));
  // and the scales support the plan (Proposition 1)
  CHECK(check_efficiency_conditions(g, plan, lambda, alpha, 1e-9).passed);
}

TEST_CASE("warranted claims from the scales the library itself finds (003 section 2)",
          "[mechanism][warranted_claims][paper][003]") {
  // Pipeline check, both encodings: the average of the two dictator plans, its supporting
  // scales from test_incentive_efficiency, then (4.11). Without money the scales form a
  // segment; along all of it the claims are (90, 30) and 72 (trade at $0 and at $90 have equal
  // virtual worth at the weak report, and trade at $0 has zero virtual worth at the strong one).
  const bool with_money = GENERATE(true, false);
  INFO((with_money ? "money model" : "price-lottery model"));
  const auto problem =
      with_money ? bilateral_trade::with_money() : bilateral_trade::price_lottery();
  const auto g = problem.grand();
  mechanism<> plan;
  for (int dictator = 0; dictator < 2; ++dictator) {
    const auto r = solve_primal(g, bilateral_trade::dictator_weights(dictator),
                                bilateral_trade::dictator_participation(dictator));
    REQUIRE(r.ok());
    if (dictator == 0) {
      plan = r.optimal_mechanism;
    } else {
      plan.probabilities = 0.5 * (plan.probabilities + r.optimal_mechanism.probabilities);
      if (with_money) plan.transfers = 0.5 * (plan.transfers + r.optimal_mechanism.transfers);
    }
  }
  const auto e = test_incentive_efficiency(g, plan);
  REQUIRE(e.efficient());
  const auto buyer = warranted_claims(g, 0, e.lambda, e.alpha, singleton_threat(problem, 1));
  const auto seller = warranted_claims(g, 1, e.lambda, e.alpha, singleton_threat(problem, 0));
  REQUIRE(buyer.ok());
  REQUIRE(seller.ok());
  CHECK(buyer.claims(0) == Approx(90.0).margin(1e-9));
  CHECK(buyer.claims(1) == Approx(30.0).margin(1e-9));
  CHECK(seller.claims(0) == Approx(72.0).margin(1e-9));
}

TEST_CASE("virtual worth of a threat equals its weighted utilities under (4.7) (eq. 4.8)",
          "[mechanism][warranted_claims]") {
  const unsigned seed = GENERATE(range(401u, 411u));
  std::mt19937 rng(seed);
  test_support::random_spec spec;
  spec.players = 2;
  spec.types = 3;
  spec.decisions = 4;
  if (seed % 2 == 0) spec.money = budget_rule::ex_post_balanced;
  const auto g = test_support::random_problem(spec, seed).grand();
  const auto lambda = test_support::random_weights(g, rng);
  const auto r = solve_primal(g, lambda);
  REQUIRE(r.ok());
  double weighted = 0.0;
  for (int k = 0; k < 2; ++k) {
    weighted += lambda[static_cast<std::size_t>(k)].dot(r.interim[static_cast<std::size_t>(k)]);
  }
  INFO("seed " << seed);
  CHECK(virtual_worth(g, r.optimal_mechanism, lambda, r.alpha) == Approx(weighted).margin(1e-7));
}

TEST_CASE("warrant equations: singular weights and bad input are reported",
          "[mechanism][warranted_claims][errors]") {
  const auto problem = bilateral_trade::with_money();
  const auto g = problem.grand();
  const type_matrices<> no_alpha = {Eigen::Matrix2d::Zero(), Eigen::MatrixXd::Zero(1, 1)};
  // lambda_1(s) = 0 with no IC multiplier: the strong type's claim is undetermined
  const type_vectors<> degenerate = {Eigen::Vector2d(0.5, 0.0), Eigen::VectorXd::Constant(1, 0.5)};
  const auto r = warranted_claims(g, 0, degenerate, no_alpha, singleton_threat(problem, 1));
  CHECK_FALSE(r.ok());
  CHECK_THAT(r.message, Catch::Contains("singular"));
  const type_vectors<> ok = {Eigen::Vector2d(0.4, 0.1), Eigen::VectorXd::Constant(1, 0.5)};
  // the threat must be the other coalition's
  CHECK_THROWS_AS(warranted_claims(g, 0, ok, no_alpha, singleton_threat(problem, 0)), model_error);
  CHECK_THROWS_AS(warranted_claims(g, 2, ok, no_alpha, singleton_threat(problem, 1)), index_error);
  CHECK_THROWS_AS(
      warranted_claims(g, 0, {Eigen::Vector2d(0.4, 0.1)}, no_alpha, singleton_threat(problem, 1)),
      dimension_error);
  // unbalanced money weights make the claims meaningless: said in the message
  // (lambda proportional to the prior, as in `ok`, keeps a dollar worth 0.5 to everyone)
  const type_vectors<> skewed = {Eigen::Vector2d(0.3, 0.2), Eigen::VectorXd::Constant(1, 0.5)};
  const auto unbalanced = warranted_claims(g, 0, skewed, no_alpha, singleton_threat(problem, 1));
  CHECK(unbalanced.ok());
  // money weights: buyer 0.3/0.8 and 0.2/0.2, seller 0.5; the worst spread is 1.0 - 0.5
  CHECK(unbalanced.transfer_imbalance == Approx(0.5).margin(1e-12));
  CHECK_THAT(unbalanced.message, Catch::Contains("unbalanced"));
}
