#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/pricing/binary.hpp>
#include <mechdesign/pricing/continuous.hpp>
#include <mechdesign/pricing/optimal_menu.hpp>
#include <random>

#include "pricing/random_instances.hpp"

using namespace mechdesign;
using namespace mechdesign::pricing;

TEST_CASE("pricing: tau = 0 uniform grid menu approaches full information on [1/4, 3/4] at 1/4",
          "[pricing][menu][paper]") {
  // 004 §4.2: with tau = 0 and uniform types, full information for v in [1/4, 3/4] at price
  // 1/4 and profit 1/8. On n midpoints the LP's revenue is 1/8 + 1/(4n) (asserted within 1e-9
  // plus that bound) and its thresholds are within one cell (1/n) of 1/4 and 3/4.
  for (const index_t n : {16, 48}) {
    const auto [v, p] = grid_types(type_distribution::uniform(), n);
    const auto r = solve_optimal_menu(binary_environment(0.0, 0.3, v, p));
    REQUIRE(r.ok());
    CHECK(std::abs(r.profit - 0.125) <= 1.0 / (4.0 * n) + 1e-9);
    CHECK(r.expected_externality == Approx(0.0).margin(1e-12));
    double lo = 2.0, hi = -1.0;
    for (index_t k = 0; k < n; ++k) {
      const double i = informativeness(r.menu.rules[static_cast<std::size_t>(k)]);
      if (std::abs(i) < 1e-7) {
        lo = std::min(lo, v(k));
        hi = std::max(hi, v(k));
        CHECK(std::abs(r.menu.prices(k) - 0.25) <= 1.0 / n);
      } else {
        CHECK(std::abs(std::abs(i) - 1.0) < 1e-7);  // the others get no information
        CHECK(std::abs(r.menu.prices(k)) < 1e-9);
      }
    }
    CHECK(std::abs(lo - 0.25) <= 1.0 / n);
    CHECK(std::abs(hi - 0.75) <= 1.0 / n);
    CHECK(r.rent.minCoeff() >= -1e-9);
    // The first served type (midpoint 1/4 + 1/(2n)) pays its whole gain: its IR row binds.
    const auto first = static_cast<index_t>(std::lround(lo * static_cast<double>(n) - 0.5));
    CHECK(r.rent(first) == Approx(0.0).margin(1e-9));
    CHECK(std::find(r.binding.begin(), r.binding.end(), fmt::format("IR[{}]", first)) !=
          r.binding.end());
  }
}

TEST_CASE("pricing: random finite instances give menus that pass the independent check",
          "[pricing][menu][random]") {
  const std::uint64_t seed = GENERATE(range(1u, 31u));
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  // 2-4 states, 2-4 actions, 2-8 types.
  const index_t s = 2 + static_cast<index_t>(seed % 3),
                a = 2 + static_cast<index_t>((seed / 3) % 3);
  const index_t k = 2 + static_cast<index_t>(seed % 7);
  const auto env = pricing_test::random_environment(rng, s, a, k);
  menu_options lazy, full;
  full.constraint_generation = false;
  const auto r = solve_optimal_menu(env, lazy);
  const auto f = solve_optimal_menu(env, full);
  REQUIRE(r.ok());
  REQUIRE(f.ok());
  // Same optimum with all truthfulness rows and with lazily added ones.
  CHECK(r.profit == Approx(f.profit).margin(1e-7));
  // The independent check, redone here at a tighter tolerance than the default.
  const menu_check c = check_menu(env, r.menu, 1e-7);
  CHECK(c.passed);
  CHECK(r.rent.minCoeff() >= -1e-7);
  CHECK(r.menu.prices.minCoeff() >= -1e-9);
  // Selling nothing (every rule recommends a prior-optimal action) is feasible, so the optimum
  // is at least its profit.
  double nothing = 0.0;
  for (index_t t = 0; t < k; ++t) {
    const Eigen::VectorXd beta = env.type_beliefs.row(t).transpose();
    const Eigen::VectorXd values = env.buyer_payoff * beta;
    index_t best = 0;
    values.maxCoeff(&best);
    for (index_t x = 0; x < s; ++x)
      nothing += env.type_probabilities(t) * env.seller_belief(x) * env.externality(best, x);
  }
  CHECK(r.profit >= -nothing - 1e-9);
}
