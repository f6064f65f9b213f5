#include <algorithm>
#include <catch2/catch.hpp>
#include <mechdesign/persuasion/privacy.hpp>
#include <random>

#include "persuasion/random_environments.hpp"

using namespace mechdesign;
using namespace mechdesign::persuasion;

namespace {

market random_market(std::mt19937& rng, index_t n) {
  using persuasion_test::uniform;
  market m;
  m.values.resize(n);
  double v = 0.0;
  for (index_t k = 0; k < n; ++k) m.values(k) = v += uniform(rng, 0.2, 1.0);
  m.prior = persuasion_test::random_prior(rng, n);
  m.gamma.resize(n);
  for (index_t k = 0; k < n; ++k) m.gamma(k) = uniform(rng, 0.05, 0.5);
  return m;
}

}  // namespace

TEST_CASE("persuasion: Proposition 3: Pareto efficient iff trade with probability one",
          "[persuasion][privacy][random]") {
  int efficient = 0, inefficient = 0;
  for (unsigned seed = 1; seed <= 20; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const market mk = random_market(rng, 3 + static_cast<index_t>(seed % 2));
    const problem p = make_problem(mk);
    const information_structure full = full_information(p);
    // full revelation: the platform's best structure, and efficient
    CHECK(trades_with_probability_one(mk, full));
    const utopia_point u = utopia(p);
    REQUIRE(u.ok());
    const Eigen::VectorXd xf = ex_ante_payoffs(p, full);
    CHECK(xf(0) == Approx(u.payoffs(0)).margin(1e-9));
    for (int k = 0; k < 6; ++k) {
      const information_structure pi = persuasion_test::random_ic_structure(rng, p);
      // eq. (5), evaluated directly
      double platform = 0.0, regulator = 0.0;
      for (index_t v = 0; v < mk.values.size(); ++v) {
        for (index_t q = 0; q <= v; ++q) {
          platform += mk.prior(v) * pi(v, q) * mk.values(q);
          regulator += mk.prior(v) * pi(v, q) * (mk.gamma(v) + mk.values(v) - mk.values(q));
        }
      }
      CHECK(ex_ante_payoffs(p, pi).isApprox(Eigen::Vector2d(platform, regulator), 1e-12));
      const efficiency_report e = pareto_efficiency(p, ex_ante_payoffs(p, pi), 1e-9);
      REQUIRE(e.ok());
      const bool trade = trades_with_probability_one(mk, pi, 1e-9);
      CHECK(e.efficient == trade);
      if (trade) {
        ++efficient;
        // full revelation is the regulator's worst efficient structure
        CHECK(xf(1) <= ex_ante_payoffs(p, pi)(1) + 1e-9);
      } else {
        ++inefficient;
      }
    }
  }
  CHECK(efficient >= 10);
  CHECK(inefficient >= 10);
}

TEST_CASE(
    "persuasion: Proposition 4 (i): a decreasing revenue curve makes every category "
    "structure efficient",
    "[persuasion][privacy][random]") {
  int tested = 0;
  for (unsigned seed = 1; seed <= 200 && tested < 10; ++seed) {
    std::mt19937 rng(seed);
    const market mk = random_market(rng, 4);
    if (!revenue_curve_decreasing(mk)) continue;
    INFO("seed " << seed);
    ++tested;
    for (const category_check& c : check_categories(mk)) {
      CHECK(c.incentive_compatible);
      CHECK(c.full_trade);
      CHECK(c.pareto_efficient);
      CHECK_FALSE(c.beneficial);
      // the recommended price in each category is its lowest value
      index_t start = 0;
      for (const index_t s : c.categories) {
        for (index_t w = start; w < start + s; ++w) CHECK(c.structure(w, start) == 1.0);
        start += s;
      }
    }
  }
  CHECK(tested >= 5);
}

TEST_CASE("persuasion: Proposition 4 (ii) holds only with the one-category partition (erratum)",
          "[persuasion][privacy][paper][erratum]") {
  // values 1 < 2 < 3, gamma 0.5. Revenue curve v S(v) = (1, 1.1, 0.6): increasing from v_1 to v_2
  market mk{Eigen::Vector3d(1, 2, 3), Eigen::Vector3d(0.45, 0.35, 0.2),
            Eigen::Vector3d(0.5, 0.5, 0.5)};
  CHECK(revenue_curve(mk).isApprox(Eigen::Vector3d(1.0, 1.1, 0.6), 1e-12));
  CHECK_FALSE(revenue_curve_decreasing(mk));
  const auto checks = check_categories(mk);
  REQUIRE(checks.size() == 4);
  for (const category_check& c : checks) {
    INFO("categories " << c.categories.size());
    CHECK(c.incentive_compatible);
    // only pooling everything (no information) leaves v_1 without trade
    if (c.categories.size() == 1) {
      CHECK(c.beneficial);
      CHECK_FALSE(c.full_trade);
    } else {
      CHECK_FALSE(c.beneficial);
      CHECK(c.full_trade);
    }
  }
  // the proof's pair {v_1, v_2} trades fully even where the whole curve increases:
  // prior (0.3, 0.1, 0.6) gives v S(v) = (1, 1.4, 1.8), yet in {v_1, v_2} price 1 earns 0.4 and
  // price 2 earns 0.2
  market rising{Eigen::Vector3d(1, 2, 3), Eigen::Vector3d(0.3, 0.1, 0.6),
                Eigen::Vector3d(0.5, 0.5, 0.5)};
  CHECK(revenue_curve(rising).isApprox(Eigen::Vector3d(1.0, 1.4, 1.8), 1e-12));
  const information_structure pair = category_structure(rising, {2, 1});
  CHECK(trades_with_probability_one(rising, pair));
  // while the upper interval {v_2, v_3} (the library's witness) blocks trade at v_2
  const information_structure upper = category_structure(rising, {1, 2});
  CHECK_FALSE(trades_with_probability_one(rising, upper));
  CHECK(
      find_beneficial_structure(make_problem(rising), ex_ante_payoffs(make_problem(rising), upper))
          .beneficial);
}

TEST_CASE("persuasion: Proposition 4 (ii) with the one-category partition allowed",
          "[persuasion][privacy][random]") {
  int tested = 0;
  for (unsigned seed = 1; seed <= 100 && tested < 10; ++seed) {
    std::mt19937 rng(seed);
    const market mk = random_market(rng, 4);
    if (revenue_curve_decreasing(mk)) continue;
    INFO("seed " << seed);
    ++tested;
    const auto checks = check_categories(mk);
    CHECK(std::any_of(checks.begin(), checks.end(),
                      [](const category_check& c) { return c.beneficial; }));
    for (const category_check& c : checks) {
      CHECK(c.incentive_compatible);
      CHECK(c.beneficial == !c.full_trade);  // Proposition 3
    }
  }
  CHECK(tested >= 5);
}

TEST_CASE("persuasion: markets are validated", "[persuasion][privacy]") {
  CHECK_THROWS_AS(
      make_problem(market{Eigen::Vector2d(2, 1), Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(1, 1)}),
      model_error);
  CHECK_THROWS_AS(
      make_problem(market{Eigen::Vector2d(1, 2), Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0, 1)}),
      model_error);
  CHECK_THROWS_AS(make_problem(market{Eigen::Vector2d(1, 2), Eigen::Vector3d(0.2, 0.3, 0.5),
                                      Eigen::Vector2d(1, 1)}),
                  dimension_error);
  const market ok{Eigen::Vector2d(1, 2), Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(1, 1)};
  CHECK_THROWS_AS(category_structure(ok, {1}), dimension_error);
  CHECK(interval_partitions(4).size() == 8);
}
