// Issue 16 regressions of pricing/: rules are checked like prices, type laws without mass and
// empty callables are refused, the continuous solver's grids are validated, not clamped.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <mechdesign/pricing/continuous.hpp>
#include <mechdesign/pricing/menu.hpp>

using namespace mechdesign;
using namespace mechdesign::pricing;

TEST_CASE("pricing: check_menu refuses a rule with a NaN or infinite entry",
          "[pricing][menu][hardening]") {
  const auto env =
      binary_environment(0.0, 0.5, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(0.5, 0.5));
  menu m;
  m.rules = {Eigen::MatrixXd::Identity(2, 2), Eigen::MatrixXd::Identity(2, 2)};
  m.prices = Eigen::Vector2d::Zero();
  REQUIRE(check_menu(env, m).passed);  // full information for free is obedient, IC and IR
  for (double bad :
       {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    m.rules[1](1, 0) = bad;
    CHECK_THROWS_AS(check_menu(env, m), non_finite_error);
    CHECK_THROWS_WITH(check_menu(env, m),
                      Catch::Contains("check_menu") && Catch::Contains("rule 1"));
  }
}

TEST_CASE("pricing: grid_types normalises a law with mass on part of [0, 1] and refuses none",
          "[pricing][continuous][hardening]") {
  // mass only on [0.5, 1]: F(v) = max(0, 2v - 1)
  const type_distribution upper(
      "upper half", [](double v) { return v >= 0.5 ? 2.0 : 0.0; },
      [](double v) { return std::max(0.0, 2.0 * v - 1.0); });
  const auto [v, p] = grid_types(upper, 4);
  CHECK(p.sum() == Approx(1.0).margin(1e-15));
  CHECK(p(0) == 0.0);
  CHECK(p(1) == 0.0);
  CHECK(p(2) == Approx(0.5).margin(1e-15));
  const type_distribution none(
      "none", [](double) { return 0.0; }, [](double) { return 0.5; });
  CHECK_THROWS_AS(grid_types(none, 4), distribution_error);
  CHECK_THROWS_AS(type_distribution(
                      "no cdf", [](double) { return 1.0; }, nullptr),
                  invalid_argument);
}

TEST_CASE("pricing: solve_continuous validates its grids and returns for tolerance 0",
          "[pricing][continuous][hardening]") {
  continuous_options o;
  o.regularity_grid = 1;
  CHECK_THROWS_AS(solve_continuous(type_distribution::uniform(), 0.5, 0.5, o), invalid_argument);
  o = continuous_options{};
  o.search_cells = -5;
  CHECK_THROWS_AS(solve_continuous(type_distribution::uniform(), 0.5, 0.5, o), invalid_argument);
  o = continuous_options{};
  o.tolerance = 0.0;  // bisects to adjacent doubles, under the cap
  const auto exact = solve_continuous(type_distribution::uniform(), 0.5, 0.5, o);
  const auto loose = solve_continuous(type_distribution::uniform(), 0.5, 0.5);
  CHECK((exact.status == status::success || exact.status == status::iteration_limit));
  CHECK(exact.low_threshold == Approx(loose.low_threshold).margin(1e-9));
}
