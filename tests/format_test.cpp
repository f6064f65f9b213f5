#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/format.hpp>
#include <mechdesign/lp/solver.hpp>
#include <mechdesign/mechdesign.hpp>

#include "support/small_lps.hpp"

using namespace mechdesign;

TEST_CASE("an LP solution prints its status, engine, objective and certificate", "[format][lp]") {
  const lp::solution s = lp::solve(test_support::small_max());
  REQUIRE(s.ok());
  const std::string text = fmt::format("{}", s);
  CHECK_THAT(text, Catch::StartsWith(
                       fmt::format("lp optimal ({}): objective 11,", lp::to_string(s.used))));
  CHECK_THAT(text, Catch::Contains("objective error bound"));
  CHECK(fmt::format("{}", lp::solve_status::uncertified) == "uncertified");

  lp::model infeasible(lp::objective_sense::maximize);
  const index_t x = infeasible.add_variable("x", 0.0, 1.0, 1.0);
  infeasible.add_row("x>=2", {{x, 1.0}}, 2.0, lp::inf);
  const lp::solution f = lp::solve(infeasible);
  const std::string none = fmt::format("{}", f);
  CHECK_THAT(none, Catch::StartsWith(fmt::format("lp infeasible ({})", lp::to_string(f.used))));
  CHECK_THAT(none, Catch::Contains("Farkas margin"));
}

// --- mechanism results (mechanism/format.hpp) ------------------------------------------------

TEST_CASE("every mechanism result prints a one-line report", "[format][mechanism]") {
  const auto problem = catalog::bilateral_trade::with_money();
  const auto g = problem.grand();
  const primal_result p = solve_primal(g, catalog::bilateral_trade::dictator_weights(1),
                                       catalog::bilateral_trade::dictator_participation(1));
  REQUIRE(p.ok());
  CHECK_THAT(fmt::format("{}", p), Catch::StartsWith("primal (3.5) optimal: value 72,"));
  type_vectors<> impossible = catalog::bilateral_trade::dictator_participation(1);
  impossible[0] = Eigen::Vector2d(100.0, 100.0);  // the buyer cannot get 100 from a value 90
  const primal_result none =
      solve_primal(catalog::bilateral_trade::price_lottery().grand(),
                   catalog::bilateral_trade::dictator_weights(1), impossible);  // no money
  CHECK_THAT(fmt::format("{}", none), Catch::StartsWith("primal (3.5) infeasible"));

  const efficiency_result e = test_incentive_efficiency(g, p.optimal_mechanism);
  CHECK_THAT(fmt::format("{}", e),
             Catch::StartsWith("incentive efficiency: efficient (min lambda"));
  CHECK_THAT(fmt::format("{}", e.conditions), Catch::StartsWith("Proposition 1 conditions hold"));

  mechanism_selection buyer(g, 0, singleton_threat(problem, 1));
  const strong_solution_result strong = buyer.strong_solution();
  CHECK(fmt::format("{}", strong) == "strong solution: found (dictator utilities [90, 30])");
  CHECK_THAT(fmt::format("{}", buyer.check_feasible(strong.best_safe)),
             Catch::StartsWith("feasible (Definition 1): yes; incentive compatible"));
  CHECK_THAT(fmt::format("{}", buyer.check_safe(strong.best_safe)),
             Catch::StartsWith("safe (4.12a-b): yes"));

  const nps_result r = neutral_procedural_solution(problem);
  REQUIRE(r.ok());
  CHECK(fmt::format("{}", r) == "neutral procedural solution success: 3 of 3 coalitions verified");
  const coalition_solution& n = r.at(coalition{0, 1});
  CHECK_THAT(fmt::format("{}", n),
             Catch::StartsWith("coalition {0,1}: success, verified; U [45, 15] [36]"));
  const warrant_result w = warranted_claims(g, 0, n.lambda, n.alpha, singleton_threat(problem, 1));
  CHECK_THAT(fmt::format("{}", w), Catch::StartsWith("warranted claims (4.11) [90, 30]"));
  const random_dictatorship_result rd = conditional_random_dictatorship(
      g, {singleton_threat(problem, 1), singleton_threat(problem, 0)});
  CHECK(fmt::format("{}", rd) ==
        "conditional random dictatorship success (strong solution; strong solution)");
  const nps_check check = check_neutral_procedural(problem, r);
  CHECK_THAT(fmt::format("{}", check),
             Catch::StartsWith("neutral procedural check passed: 1 of 1 coalitions pass"));
  CHECK_THAT(fmt::format("{}", check.certificates.front()),
             Catch::StartsWith("NPS certificate passed: NPS2 residual"));

  const consistent_value_result shapley =
      shapley_value(2, [](const coalition& s) { return s.size() == 2 ? 10.0 : 1.0; });
  CHECK(fmt::format("{}", shapley) == "consistent value success: [5, 5]");
}
