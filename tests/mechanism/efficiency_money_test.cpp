// Issue 16: test_incentive_efficiency on the library's own optima with money. Its participation
// thresholds are exactly U(μ) of the tested mechanism (a knife-edge of our own making); the test
// must reach the verdict `efficient` on every optimum, for every budget rule.
#include <catch2/catch.hpp>
#include <mechdesign/mechanism/efficiency.hpp>
#include <random>

#include "support/random_problems.hpp"

using namespace mechdesign;

TEST_CASE("optimal mechanisms with money pass test_incentive_efficiency for every budget rule",
          "[mechanism][efficiency][hardening]") {
  const unsigned seed = GENERATE(range(1u, 61u));
  std::mt19937 rng(seed);
  test_support::random_spec spec;
  spec.players = 2 + static_cast<int>(seed % 2);
  spec.types = 2 + static_cast<int>(seed % 3 == 0);
  spec.decisions = 3 + static_cast<int>(seed % 3);
  const budget_rule rules[] = {budget_rule::ex_post_balanced, budget_rule::ex_post_no_deficit,
                               budget_rule::ex_ante_balanced};
  spec.money = rules[seed % 3];
  const auto g = test_support::random_problem(spec, seed).grand();
  const auto r = solve_primal(g, test_support::random_weights(g, rng));
  INFO("seed " << seed << ": " << r.message);
  REQUIRE(r.ok());
  const auto e = test_incentive_efficiency(g, r.optimal_mechanism);
  INFO(e.message);
  CHECK(e.status == status::success);
  CHECK(e.verdict == efficiency_verdict::efficient);
}
