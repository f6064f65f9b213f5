// The independent certificate of the neutral procedural solution (003 Definition 4): it agrees
// with the solver on the paper's games and on random games, and rejects tampered solutions.
#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/catalog/cooperative_games.hpp>
#include <mechdesign/mechanism/neutral_procedural.hpp>
#include <mechdesign/mechanism/nps_certificate.hpp>
#include <mechdesign/mechanism/random_dictatorship.hpp>
#include <vector>

#include "support/random_problems.hpp"

using namespace mechdesign;
using namespace mechdesign::catalog;

TEST_CASE("check_neutral_procedural passes the paper's solutions (003 sections 2 and 6)",
          "[mechanism][nps][certificate][paper][003]") {
  const auto problem = GENERATE(as<bayesian_problem<>>{}, cooperative_games::broker_game(),
                                cooperative_games::arrogance_of_strength_game(),
                                bilateral_trade::with_money(), bilateral_trade::price_lottery());
  const nps_result r = neutral_procedural_solution(problem);
  REQUIRE(r.ok());
  const nps_check check = check_neutral_procedural(problem, r);
  INFO(check.message);
  CHECK(check.passed);
  CHECK(check.singleton_shortfall <= 1e-9);
  std::size_t multi = 0;
  for (const auto& c : r.coalitions) multi += c.members.size() >= 2 ? 1 : 0;
  REQUIRE(check.certificates.size() == multi);
  for (std::size_t k = 0; k < check.certificates.size(); ++k) {
    const nps_certificate& cert = check.certificates[k];
    const coalition_solution& c = r.at(check.members[k]);
    CHECK(cert.passed);
    // recomputed from the data, the residuals are the solver's own
    CHECK(cert.nps2_residual == Approx(c.nps2_residual).margin(1e-12));
    CHECK(cert.warrant_residual == Approx(c.warrant_residual).margin(1e-12));
    CHECK(cert.duality_gap == Approx(c.duality_gap).margin(1e-12));
    for (std::size_t i = 0; i < cert.claims.size(); ++i) {
      CHECK(cert.claims[i].isApprox(c.claims[i], 1e-12));
    }
  }
}

TEST_CASE("a tampered solution fails the check", "[mechanism][nps][certificate]") {
  const auto problem = cooperative_games::broker_game();
  nps_result r = neutral_procedural_solution(problem);
  REQUIRE(r.ok());
  for (auto& c : r.coalitions) {
    if (c.members == coalition::grand(3)) c.plan = mechanism<>::constant(c.problem, 0);  // no trade
  }
  const nps_check check = check_neutral_procedural(problem, r);
  CHECK_FALSE(check.passed);
  CHECK_THAT(check.message, Catch::Contains("coalition {0,1,2}"));
  // a plan that is not a mechanism is a caller mistake
  nps_result s = neutral_procedural_solution(bilateral_trade::price_lottery());
  for (auto& c : s.coalitions) {
    if (c.members == coalition{0}) c.plan.probabilities.setConstant(2.0);  // not a distribution
  }
  CHECK_THROWS_AS(check_neutral_procedural(bilateral_trade::price_lottery(), s), invalid_argument);
}

TEST_CASE("on random games the independent check agrees with the solver",
          "[mechanism][nps][certificate]") {
  int agreed = 0;
  for (unsigned seed = 601; seed < 621; ++seed) {
    const auto problem = test_support::nps_regression_game(seed);
    const nps_result r = neutral_procedural_solution(problem);
    const nps_check check = check_neutral_procedural(problem, r);
    INFO("seed " << seed << ": " << check.message);
    CHECK(check.passed == r.verified);
    CHECK(check.decided == r.decided);
    CHECK(check.decided == r.ok());
    for (std::size_t k = 0; k < check.certificates.size(); ++k) {
      const coalition_solution& c = r.at(check.members[k]);
      INFO("coalition " << c.members.to_string() << ": " << c.message);
      if (c.interim.empty() || c.lambda.empty()) continue;  // a search LP failed: no scales
      CHECK(check.certificates[k].passed == c.verified_given_threats);
      // every outcome, approximate ones included, is re-established from the data alone
      CHECK(check.outcomes[k] == c.outcome);
      ++agreed;
    }
  }
  CHECK(agreed >= 40);
}

TEST_CASE("check_nps_coalition checks its inputs", "[mechanism][nps][certificate][errors]") {
  const auto problem = bilateral_trade::price_lottery();
  const nps_result r = neutral_procedural_solution(problem);
  const auto& n = r.at(coalition{0, 1});
  const std::vector<coalition_threat> one{singleton_threat(problem, 1)};
  CHECK_THROWS_AS(check_nps_coalition(n.problem, one, n.plan, n.lambda, n.alpha), dimension_error);
  CHECK_THROWS_AS(check_nps_coalition(r.at(coalition{0}).problem, one, r.at(coalition{0}).plan,
                                      r.at(coalition{0}).lambda, r.at(coalition{0}).alpha),
                  model_error);
  const std::vector<coalition_threat> both{singleton_threat(problem, 1),
                                           singleton_threat(problem, 0)};
  const nps_certificate cert = check_nps_coalition(n.problem, both, n.plan, n.lambda, n.alpha);
  CHECK(cert.passed);
  CHECK(cert.epsilon <= 1e-7);
}

TEST_CASE("the conditional random dictatorship of bilateral trade is (2.1) (003 section 2)",
          "[mechanism][nps][paper][003]") {
  const auto problem = GENERATE(bilateral_trade::with_money(), bilateral_trade::price_lottery());
  const auto g = problem.grand();
  const random_dictatorship_result rd = conditional_random_dictatorship(
      g, {singleton_threat(problem, 1), singleton_threat(problem, 0)});
  REQUIRE(rd.ok());
  CHECK(rd.outcomes == std::vector<std::string>{"strong solution", "strong solution"});
  const auto u = interim_utilities(g, rd.plan);
  CHECK(u[0](0) == Approx(45.0).margin(1e-7));
  CHECK(u[0](1) == Approx(15.0).margin(1e-7));
  CHECK(u[1](0) == Approx(36.0).margin(1e-7));
  CHECK_THROWS_AS(conditional_random_dictatorship(g, {singleton_threat(problem, 1)}),
                  dimension_error);
}

TEST_CASE("warrant_equation_residual agrees with warranted_claims and works at zero weights",
          "[mechanism][nps][certificate]") {
  const auto problem = cooperative_games::broker_game();
  const nps_result r = neutral_procedural_solution(problem);
  REQUIRE(r.verified);
  const coalition s = coalition::grand(3);
  const coalition_solution& c = r.at(s);
  for (int player : s.members()) {
    const coalition_solution& th = r.at(s.without(player));
    const coalition_threat threat{th.problem, th.plan, th.alpha};
    const warrant_result w = warranted_claims(c.problem, player, c.lambda, c.alpha, threat);
    REQUIRE(w.ok());
    CHECK(warrant_equation_residual(c.problem, player, c.lambda, c.alpha, threat, w.claims) <=
          1e-9 * (1.0 + w.claims.cwiseAbs().maxCoeff()));
    Eigen::VectorXd off = w.claims;
    off(0) += 1.0;
    CHECK(warrant_equation_residual(c.problem, player, c.lambda, c.alpha, threat, off) > 1e-3);
    CHECK_THROWS_AS(warrant_equation_residual(c.problem, player, c.lambda, c.alpha, threat,
                                              Eigen::VectorXd::Zero(w.claims.size() + 1)),
                    dimension_error);
    Eigen::VectorXd nan = w.claims;
    nan(0) = std::nan("");
    CHECK_THROWS_AS(warrant_equation_residual(c.problem, player, c.lambda, c.alpha, threat, nan),
                    non_finite_error);
  }
  // a weight of zero: warranted_claims reports a singular system (if α gives no flow into the
  // type), the residual of given claims is still defined
  const auto trade = bilateral_trade::price_lottery();
  const nps_result t = neutral_procedural_solution(trade);
  const coalition_solution& n = t.at(coalition{0, 1});
  type_vectors<double> lambda = n.lambda;
  lambda[0](0) = 0.0;
  type_matrices<double> alpha = n.alpha;
  for (auto& a : alpha) a.setZero();
  const coalition_threat seller = singleton_threat(trade, 1);
  CHECK_FALSE(warranted_claims(n.problem, 0, lambda, alpha, seller).ok());
  CHECK(std::isfinite(
      warrant_equation_residual(n.problem, 0, lambda, alpha, seller, Eigen::VectorXd::Zero(2))));
}

TEST_CASE("degenerate certificates are re-derived, and tampered ones fail",
          "[mechanism][nps][certificate]") {
  // seed 605's coalition {0,2} is degenerate_certified (neutral_procedural_test.cpp)
  const auto problem = test_support::nps_regression_game(605);
  const nps_result r = neutral_procedural_solution(problem);
  const coalition s{0, 2};
  const coalition_solution& c = r.at(s);
  REQUIRE(c.outcome == nps_outcome::degenerate_certified);
  const std::vector<coalition_threat> threats{singleton_threat(problem, 2),
                                              singleton_threat(problem, 0)};
  const coalition_problem<double> g = problem.restrict_to(s);
  const nps_approximation_check ok = check_nps_approximation(g, threats, c);
  INFO(ok.message);
  CHECK(ok.passed);
  CHECK(ok.converging);
  CHECK(ok.incentive_efficient);
  CHECK(ok.limit_min_weight == 0.0);
  CHECK(ok.epsilon == Approx(c.epsilon).margin(1e-12));
  CHECK(ok.limit_warrant_residual <= c.approximation.limit_tolerance);
  CHECK(ok.limit_shortfall <= c.approximation.limit_tolerance);
  // claims that are not warranted at the limit
  coalition_solution bad_claims = c;
  bad_claims.approximation.limit_claims[0].array() += 1.0;
  CHECK_FALSE(check_nps_approximation(g, threats, bad_claims).passed);
  // a path whose ε does not fall
  coalition_solution flat = c;
  for (auto& point : flat.epsilon_path) point.second = 1.0;
  const nps_approximation_check f = check_nps_approximation(g, threats, flat);
  CHECK_FALSE(f.passed);
  CHECK_FALSE(f.converging);
  // limit weights with no zero are no limit of vanishing weights
  coalition_solution interior = c;
  interior.approximation.limit_lambda = c.lambda;
  CHECK_FALSE(check_nps_approximation(g, threats, interior).passed);
  // claimed as an ε-certificate at a target it does not reach
  coalition_solution tight = c;
  tight.local_outcome = nps_outcome::epsilon_certified;
  tight.approximation.epsilon_target = 0.0;
  REQUIRE(c.epsilon > 1e-8);
  CHECK_FALSE(check_nps_approximation(g, threats, tight, 1e-12).passed);
  // the whole solution: the tampered entry is re-checked down to undecided
  nps_result tampered = r;
  for (auto& entry : tampered.coalitions) {
    if (entry.members == s) entry.approximation.limit_claims[0].array() += 1.0;
  }
  const nps_check whole = check_neutral_procedural(problem, tampered);
  CHECK_FALSE(whole.decided);
  CHECK(check_neutral_procedural(problem, r).decided);
  // exact outcomes are not approximate
  const coalition_solution& exact = r.at(coalition{0, 1});
  REQUIRE(exact.outcome == nps_outcome::certified);
  CHECK_FALSE(check_nps_approximation(problem.restrict_to(coalition{0, 1}),
                                      {singleton_threat(problem, 1), singleton_threat(problem, 0)},
                                      exact)
                  .passed);
  CHECK_THROWS_AS(check_nps_approximation(problem.restrict_to(coalition{0}), {}, exact),
                  model_error);
}
