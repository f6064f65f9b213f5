#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/data_monetization/benchmarks.hpp>
#include <mechdesign/data_monetization/check.hpp>
#include <mechdesign/data_monetization/mechanism.hpp>
#include <random>

using namespace mechdesign;
using namespace mechdesign::data_monetization;

TEST_CASE("gaussian mechanism: mean/covariance and linear-plus-noise forms agree (eqs. (3)-(5))",
          "[data_monetization][mechanism]") {
  const game g(3, -0.2, gaussian_prior{1, 0.7, -0.3, 1.9});
  symmetric_mechanism x;
  x.mean_action = 0.4;
  x.state_weight = 0.8;
  x.own_type_weight = 1.3;
  x.others_type_weight = -0.25;
  x.noise_variance = 0.6;
  x.noise_correlation = -0.3;
  const joint_distribution j = joint(g, x);
  const linear_form f = linear_decomposition(j);
  for (int i = 0; i < 3; ++i) {
    CHECK(f.mean_action(i) == Approx(0.4));
    CHECK(f.weights(i, 0) == Approx(0.8));
    for (int l = 0; l < 3; ++l) {
      CHECK(f.weights(i, 1 + l) == Approx(l == i ? 1.3 : -0.25));
      CHECK(f.noise_covariance(i, l) == Approx(l == i ? 0.6 : -0.18).margin(1e-12));
    }
  }
  const symmetric_mechanism y = mechanism_from_moments(g, moments(g, x));
  CHECK(y.state_weight == Approx(x.state_weight));
  CHECK(y.own_type_weight == Approx(x.own_type_weight));
  CHECK(y.others_type_weight == Approx(x.others_type_weight));
  CHECK(y.noise_variance == Approx(x.noise_variance));
  CHECK(y.noise_correlation == Approx(x.noise_correlation));
  // moments outside the PSD cone are rejected (Lemma 3)
  symmetric_moments bad = moments(g, x);
  bad.action_covariance = bad.action_variance + 1;
  CHECK_THROWS_AS(mechanism_from_moments(g, bad), model_error);
  CHECK(check_mechanism(g, joint_distribution{j.mean, j.covariance}).valid());
  CHECK_THROWS_AS(check_mechanism(game(2, 0.1, {}), j), dimension_error);
}

TEST_CASE("gaussian obedience: Proposition 2 mechanisms pass the independent check",
          "[data_monetization][mechanism][obedience]") {
  const int n = GENERATE(2, 3, 5);
  const double r = GENERATE(-0.6, -0.1, 0.15);
  if (r * (n - 1) >= 1) return;
  const game g(n, r, gaussian_prior{0.5, 1.2, 0.2, 0.8});
  const obedience_ellipse e = ellipse(g);
  std::mt19937_64 rng(2024);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const double pi = std::acos(-1.0);
  for (int rep = 0; rep < 25; ++rep) {
    const double s = std::sqrt(u(rng)), phi = 2 * pi * u(rng);
    const double rho = -1.0 / (n - 1) + u(rng) * (1 + 1.0 / (n - 1));
    const auto [b, d] = e.boundary(phi);
    const double bb = e.state_center + s * (b - e.state_center);
    const double dd = e.others_center + s * (d - e.others_center);
    const symmetric_mechanism x = obedient_mechanism(g, bb, dd, rho);
    const mechanism_check c = check_mechanism(g, x, 1e-10);
    CHECK(c.obedient());
    CHECK(c.max_deviation_gain < 1e-12);
    CHECK(c.psd_min_eigenvalue > -1e-10);
    CHECK(obedience_residuals_of(g, x).obedient(1e-12));
    // Proposition 4: IC iff c ≥ 1 iff r d ≥ 0
    CHECK(c.incentive_compatible() == (r * dd >= -1e-12));
    CHECK(c.passed == c.incentive_compatible());
    // moving the variance off (11) breaks obedience, and the checker sees a gain
    symmetric_mechanism y = x;
    y.noise_variance += 0.05;
    const mechanism_check cy = check_mechanism(g, y, 1e-10);
    CHECK_FALSE(cy.obedient());
    CHECK(cy.max_deviation_gain > 1e-6);
  }
  // outside the ellipse no obedient mechanism exists (Proposition 2)
  CHECK_THROWS_AS(
      obedient_mechanism(g, e.state_center + 1.01 * e.state_semi_axis, e.others_center, 0),
      model_error);
  CHECK_THROWS_AS(obedient_mechanism(g, 0, 0, 1.5), invalid_argument);
  // on the boundary the noise vanishes: deterministic given (θ, t)
  const auto [b1, d1] = e.boundary(0.7);
  CHECK(obedient_mechanism(g, b1, d1, 0.3).noise_variance < 1e-12);
  // the ellipse passes through the no-information, state-only, type-only, complete-info points
  for (const auto& x : {uninformative(g), state_only(g), type_only(g), complete_information(g)}) {
    CHECK(std::abs(e.slack(x.state_weight, x.others_type_weight)) < 1e-12);
  }
}

TEST_CASE("gaussian obedience: Proposition 1 is necessary and sufficient on random moments",
          "[data_monetization][mechanism][obedience]") {
  // random symmetric (b, c, d, s², ρ): the checker's verdict must match conditions (10)-(11)
  const game g(3, 0.2, gaussian_prior{1, 1, 0.5, 0.5});
  std::mt19937_64 rng(99);
  std::normal_distribution<double> z(0.0, 1.0);
  int obedient_count = 0;
  for (int rep = 0; rep < 200; ++rep) {
    symmetric_mechanism x = obedient_mechanism(g, 0.3 + 0.3 * z(rng) * (rep % 2), 0.05, 0.5, 1e9);
    // half of them perturbed in one parameter
    switch (rep % 4) {
      case 1:
        x.mean_action += 0.1 * z(rng);
        break;
      case 3:
        x.own_type_weight += 0.1 * z(rng);
        break;
      default:
        break;
    }
    if (x.noise_variance <= 0) continue;
    const bool pred = obedience_residuals_of(g, x).obedient(1e-10);
    const mechanism_check c = check_mechanism(g, x, 1e-10);
    CHECK(pred == c.obedient());
    obedient_count += pred;
  }
  CHECK(obedient_count > 20);
}
