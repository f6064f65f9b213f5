#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/pricing/binary.hpp>
#include <mechdesign/pricing/menu.hpp>
#include <mechdesign/pricing/optimal_menu.hpp>

using namespace mechdesign;
using namespace mechdesign::pricing;

TEST_CASE("pricing: bad input is rejected before any LP", "[pricing][environment]") {
  const Eigen::Vector2d v(0.3, 0.7), p(0.5, 0.5);
  const auto good = binary_environment(0.5, 0.4, v, p);
  CHECK_NOTHROW(validate(good));
  auto env = good;
  env.type_probabilities(0) = 0.7;  // sums to 1.2
  CHECK_THROWS_AS(solve_optimal_menu(env), distribution_error);
  env = good;
  env.type_beliefs(1, 0) = -0.1;
  env.type_beliefs(1, 1) = 1.1;
  CHECK_THROWS_AS(solve_optimal_menu(env), distribution_error);
  env = good;
  env.externality(0, 1) = std::nan("");
  CHECK_THROWS_AS(solve_optimal_menu(env), non_finite_error);
  env = good;
  env.buyer_payoff.resize(3, 3);
  CHECK_THROWS_AS(solve_optimal_menu(env), dimension_error);
  env = good;
  env.type_beliefs.resize(0, 2);
  env.type_probabilities.resize(0);
  CHECK_THROWS_AS(solve_optimal_menu(env), dimension_error);
  CHECK_THROWS_AS(binary_environment(0.5, 1.2, v, p), distribution_error);
  CHECK_THROWS_AS(binary_environment(INFINITY, 0.5, v, p), non_finite_error);
  CHECK_THROWS_AS(binary_environment(0.5, 0.5, Eigen::Vector2d(0.3, 1.5), p), distribution_error);
  menu m;  // no rules
  m.prices = Eigen::Vector2d::Zero();
  CHECK_THROWS_AS(check_menu(good, m), dimension_error);
}
