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
  CHECK(fmt::format("{}", r) ==
        "neutral procedural solution success: 3 of 3 coalitions verified (3 certified, 0 "
        "degenerate_certified, 0 epsilon_certified, 0 undecided)");
  const coalition_solution& n = r.at(coalition{0, 1});
  CHECK_THAT(fmt::format("{}", n),
             Catch::StartsWith("coalition {0,1}: success, certified; U [45, 15] [36]"));
  const warrant_result w = warranted_claims(g, 0, n.lambda, n.alpha, singleton_threat(problem, 1));
  CHECK_THAT(fmt::format("{}", w), Catch::StartsWith("warranted claims (4.11) [90, 30]"));
  const random_dictatorship_result rd = conditional_random_dictatorship(
      g, {singleton_threat(problem, 1), singleton_threat(problem, 0)});
  CHECK(fmt::format("{}", rd) ==
        "conditional random dictatorship success (strong solution; strong solution)");
  const nps_check check = check_neutral_procedural(problem, r);
  CHECK_THAT(fmt::format("{}", check),
             Catch::StartsWith("neutral procedural check passed: 1 of 1 coalitions pass"));
  CHECK_THAT(fmt::format("{}", check),
             Catch::EndsWith("; decided (re-checked: 1 certified, 0 degenerate_certified, 0 "
                             "epsilon_certified, 0 undecided)"));
  CHECK_THAT(fmt::format("{}", check.certificates.front()),
             Catch::StartsWith("NPS certificate passed: NPS2 residual"));

  const consistent_value_result shapley =
      shapley_value(2, [](const coalition& s) { return s.size() == 2 ? 10.0 : 1.0; });
  CHECK(fmt::format("{}", shapley) == "consistent value success: [5, 5]");
}

TEST_CASE("neutral procedural outcomes and approximate certificates print what is established",
          "[format][mechanism][nps]") {
  CHECK(fmt::format("{}", nps_outcome::degenerate_certified) == "degenerate_certified");
  CHECK(fmt::format("{} {}", nps_outcome::certified, nps_outcome::undecided) ==
        "certified undecided");

  const auto problem = catalog::bilateral_trade::with_money();
  const nps_result r = neutral_procedural_solution(problem);
  REQUIRE(r.decided);
  const coalition_solution& n = r.at(coalition{0, 1});
  REQUIRE(n.outcome == nps_outcome::certified);

  // A certified entry is not approximate: its approximation check says so.
  const nps_approximation_check exact = check_nps_approximation(
      n.problem, {singleton_threat(problem, 1), singleton_threat(problem, 0)}, n);
  CHECK(fmt::format("{}", exact) ==
        "NPS approximation check FAILED: certified, epsilon inf, min lambda 0, not incentive "
        "efficient; check_nps_approximation: outcome certified is not approximate");

  nps_approximation_check degenerate;
  degenerate.passed = true;
  degenerate.outcome = nps_outcome::degenerate_certified;
  degenerate.epsilon = 2e-9;
  degenerate.min_weight = 1e-4;
  degenerate.incentive_efficient = true;
  degenerate.converging = true;
  degenerate.limit_min_weight = 0.0;
  degenerate.limit_warrant_residual = 3e-10;
  CHECK(fmt::format("{}", degenerate) ==
        "NPS approximation check passed: degenerate_certified, epsilon 2e-09, min lambda 0.0001, "
        "incentive efficient; path converging, limit min lambda 0, limit warrant 3e-10");

  // An entry whose own conditions are approximate, and one held back by its threats.
  coalition_solution approx = n;
  approx.outcome = nps_outcome::epsilon_certified;
  approx.local_outcome = nps_outcome::epsilon_certified;
  approx.approximation.epsilon_target = 1e-6;
  CHECK_THAT(fmt::format("{}", approx),
             Catch::StartsWith("coalition {0,1}: success, epsilon_certified; U [45, 15] [36]"));
  CHECK_THAT(fmt::format("{}", approx), Catch::Contains(" (target 1e-06)"));
  coalition_solution held = n;
  held.outcome = nps_outcome::undecided;
  held.local_outcome = nps_outcome::degenerate_certified;
  held.approximation.limit_warrant_residual = 1e-9;
  held.approximation.limit_tolerance = 1e-7;
  held.epsilon_path = {{1e-2, 1e-3}, {1e-3, 1e-4}};
  CHECK_THAT(fmt::format("{}", held),
             Catch::StartsWith(
                 "coalition {0,1}: success, undecided (own conditions degenerate_certified); U"));
  CHECK_THAT(fmt::format("{}", held),
             Catch::Contains("; limit warrant 1e-09 (accepted 1e-07), 2 path points"));

  // The counts of a solution and of a check follow the outcomes.
  nps_result mixed = r;
  mixed.coalitions.back().outcome = nps_outcome::undecided;
  mixed.coalitions.front().outcome = nps_outcome::epsilon_certified;
  CHECK_THAT(fmt::format("{}", mixed),
             Catch::Contains("(1 certified, 0 degenerate_certified, 1 epsilon_certified, 1 "
                             "undecided)"));
  nps_check check = check_neutral_procedural(problem, r);
  check.decided = false;
  check.outcomes = {nps_outcome::degenerate_certified, nps_outcome::undecided};
  CHECK_THAT(fmt::format("{}", check),
             Catch::Contains("; NOT decided (re-checked: 0 certified, 1 degenerate_certified, 0 "
                             "epsilon_certified, 1 undecided)"));
}
