#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/data_monetization/benchmarks.hpp>
#include <mechdesign/data_monetization/format.hpp>
#include <mechdesign/data_monetization/optimal.hpp>
#include <string>
#include <vector>

using namespace mechdesign::data_monetization;

TEST_CASE("gaussian format: one-line reports", "[data_monetization][format]") {
  const game g(3, -0.25, gaussian_prior{1, 0.25, -0.25, 0.125});
  const optimal_mechanism o = welfare_optimal(g);
  const std::string s = fmt::format("{}", o);
  CHECK(s.find("deterministic") != std::string::npos);
  CHECK(s.find(fmt::format("{:.8g}", o.welfare)) != std::string::npos);
  CHECK(fmt::format("{}", check_mechanism(g, o.mechanism)).rfind("obedient and IC", 0) == 0);
  CHECK(fmt::format("{}", check_mechanism(g, first_best(g))).rfind("not obedient", 0) == 0);
  CHECK(fmt::format("{}", o.payments).find("A* = ") != std::string::npos);
  const delegation_result d = delegated_revenue_optimal(game(2, 0.3, gaussian_prior{0.1, 1, 0, 5}));
  CHECK(fmt::format("{}", d).find("(c >= 1 binding)") != std::string::npos);
  CHECK(fmt::format("{}", d).find(fmt::format("{:.8g}", d.revenue)) != std::string::npos);
  CHECK(fmt::format("{}", moments(g, o.mechanism)).find("gamma_own = ") != std::string::npos);
  CHECK(fmt::format("{}", obedience_residuals_of(g, o.mechanism)).rfind("obedient:", 0) == 0);
  CHECK(fmt::format("{}", obedience_residuals_of(g, first_best(g))).rfind("not obedient", 0) == 0);
  CHECK(fmt::format("{}", ellipse(g)).find("semi-axes") != std::string::npos);
  const welfare_regime w = welfare_optimum_regime(g);
  CHECK(fmt::format("{}", w).rfind(w.interior ? "welfare optimum interior" : "welfare optimum on",
                                   0) == 0);
}

TEST_CASE("gaussian optimal: the stationarity curve (Proposition 6, Figure 4)",
          "[data_monetization][optimal]") {
  const game g(3, -0.25, gaussian_prior{1, 0.25, -0.25, 0.125});
  const optimal_mechanism o = welfare_optimal(g);
  REQUIRE(o.boundary);
  const auto curve = stationarity_curve(g, welfare_objective(g), 0.0, {o.multiplier, 1e8});
  // at the optimal multiplier the curve meets the optimum, and it tends to the ellipse's center
  CHECK(curve[0].first == Approx(o.mechanism.state_weight).epsilon(1e-9));
  CHECK(curve[0].second == Approx(o.mechanism.others_type_weight).epsilon(1e-9));
  const obedience_ellipse e = ellipse(g);
  CHECK(curve[1].first == Approx(e.state_center).epsilon(1e-6));
  CHECK(curve[1].second == Approx(e.others_center).epsilon(1e-6));
  // Corollary 2: the welfare curve lies in the quadrant r d ≥ 0 (here d ≤ 0), b ≥ 0
  std::vector<double> mus;
  for (int i = 1; i < 60; ++i) mus.push_back(std::pow(10.0, -3 + 0.1 * i));
  for (const auto& [b, d] : stationarity_curve(g, welfare_objective(g), 0.0, mus)) {
    if (std::isnan(b) || std::isnan(d)) continue;
    CHECK(d <= 0);
    CHECK(b >= 0);
  }
}
