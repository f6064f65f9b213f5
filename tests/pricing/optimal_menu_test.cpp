#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <mechdesign/lp/solution.hpp>
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
    const auto ir = std::find_if(r.binding.begin(), r.binding.end(), [&](const auto& b) {
      return b.what == menu_constraint::kind::participation && b.type == first;
    });
    REQUIRE(ir != r.binding.end());
    CHECK(ir->label() == fmt::format("IR[{}]", first));
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

namespace {

// Profit of selling nothing: every type is told its prior-optimal action at price 0. This menu
// satisfies every row of program (10) (obedience holds because the recommended action is a best
// response to the prior, truthfulness because every report gets the same rule and price, and
// participation with equality), so the menu LP is always feasible, whatever the beliefs; its
// rules lie in [0, 1] and participation bounds the prices, so it is bounded too. An
// "infeasible" or "unbounded" answer for it is always wrong.
double no_sale_profit(const environment& env) {
  double profit = 0.0;
  for (index_t t = 0; t < env.num_types(); ++t) {
    const Eigen::VectorXd values = env.buyer_payoff * env.type_beliefs.row(t).transpose();
    index_t best = 0;
    values.maxCoeff(&best);
    for (index_t x = 0; x < env.num_states(); ++x)
      profit -= env.type_probabilities(t) * env.seller_belief(x) * env.externality(best, x);
  }
  return profit;
}

// Binary problems whose extreme types sit eps from the edge of the simplex.
environment edge_binary(double eps, double tau) {
  Eigen::VectorXd v(8), p(8);
  v << eps, 0.1, 0.25, 0.4, 0.55, 0.7, 0.9, 1.0 - eps;
  p << 0.2, 0.1, 0.1, 0.15, 0.1, 0.1, 0.05, 0.2;
  return binary_environment(tau, 0.4, v, p);
}

// Random 3-state, 3-action problems with 10 types (more than 6, so the truthfulness rows are
// generated lazily); every other type's belief has one entry of relative size eps (0: exactly
// on a face of the simplex) and one more type sits eps from a vertex.
environment edge_random(std::uint64_t seed, double eps) {
  std::mt19937_64 rng(seed);
  environment env = pricing_test::random_environment(rng, 3, 3, 10);
  std::uniform_real_distribution<double> u(0.5, 1.0);
  for (index_t t = 0; t < env.num_types(); t += 2) {
    const index_t x = t % 3;
    env.type_beliefs(t, x) = eps * u(rng);
    env.type_beliefs.row(t) /= env.type_beliefs.row(t).sum();
  }
  env.type_beliefs.row(1) << 1.0 - 2.0 * eps, eps, eps;
  return env;
}

// `agreement` is the margin between the lazily generated and the full program's profits. Beliefs
// 1e-10..1e-8 from a face give rows whose coefficients are ~eps and duals ~1/eps; there GLPK's
// floating-point optima moved by up to 1e-2 under violations its tolerances accept (random seed
// 6 at eps = 1e-9: 0.5945 from both programs, 0.6036 exactly). lp::solver re-derives such
// optima in exact arithmetic (duals that large trigger the re-check), so both programs agree.
void check_edge_instance(const environment& env, double agreement) {
  const auto start = std::chrono::steady_clock::now();
  const menu_result r = solve_optimal_menu(env);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO("status " << to_string(r.status) << " (LP " << lp::to_string(r.lp_status) << "), rounds "
                 << r.rounds << ", " << seconds << " s: " << r.message);
  CHECK(seconds < 120.0);  // the default limits end every LP solve; this instance is tiny
  // Never a false status: the LP is feasible and bounded (see no_sale_profit).
  CHECK(r.lp_status != lp::solve_status::infeasible);
  CHECK(r.lp_status != lp::solve_status::unbounded);
  CHECK(r.lp_status != lp::solve_status::infeasible_or_unbounded);
  CHECK(r.status != mechdesign::status::infeasible);
  CHECK(r.status != mechdesign::status::unbounded);
  if (!r.ok()) {
    // An honest non-optimal answer says why.
    CHECK(r.status != mechdesign::status::success);
    CHECK(!r.message.empty());
    return;
  }
  CHECK(check_menu(env, r.menu, 1e-7).passed);
  CHECK(r.profit >= no_sale_profit(env) - 1e-9);
  // An independent solve: the full program (10) with every truthfulness row.
  menu_options full;
  full.constraint_generation = false;
  const menu_result f = solve_optimal_menu(env, full);
  CHECK(f.lp_status != lp::solve_status::infeasible);
  if (f.ok()) {
    CHECK(check_menu(env, f.menu, 1e-7).passed);
    CHECK(r.profit == Approx(f.profit).margin(agreement));
  }
}

}  // namespace

TEST_CASE("pricing: beliefs at and near the simplex edge never give a false infeasible",
          "[pricing][menu][degenerate]") {
  const double eps = GENERATE(0.0, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6);
  INFO("eps " << eps);
  SECTION("binary, extreme types at eps and 1 - eps") {
    for (const double tau : {0.0, 0.3, -0.2}) {
      INFO("tau " << tau);
      const environment env = edge_binary(eps, tau);
      check_edge_instance(env, 1e-7);
      // The edge types are almost certain of the state: the menu must still be certified.
      const menu_result r = solve_optimal_menu(env);
      CHECK(r.ok());
    }
  }
  SECTION("random three-state problems with beliefs on or near the faces") {
    const std::uint64_t seed = GENERATE(range(1u, 7u));
    INFO("seed " << seed);
    check_edge_instance(edge_random(seed, eps), 1e-7);
  }
}
