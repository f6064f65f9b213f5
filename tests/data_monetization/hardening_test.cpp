// Issue 16 regressions of data_monetization/: NaN moments and tolerances are refused, joint()
// refuses sizes beyond its documented limit before allocating, options are validated.
#include <catch2/catch.hpp>
#include <limits>
#include <mechdesign/data_monetization/benchmarks.hpp>
#include <mechdesign/data_monetization/mechanism.hpp>
#include <mechdesign/data_monetization/optimal.hpp>

using namespace mechdesign;
using namespace mechdesign::data_monetization;

TEST_CASE("data_monetization: mechanism_from_moments refuses NaN and round-trips good moments",
          "[data_monetization][hardening]") {
  const game g(3, 0.2, gaussian_prior{});
  const symmetric_mechanism x = obedient_mechanism(g, 0.3, 0.1, 0.2);
  const symmetric_mechanism back = mechanism_from_moments(g, moments(g, x));
  CHECK(back.state_weight == Approx(x.state_weight).margin(1e-12));
  CHECK(back.noise_correlation == Approx(x.noise_correlation).margin(1e-9));
  symmetric_moments bad = moments(g, x);
  bad.other_type_covariance = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(mechanism_from_moments(g, bad), non_finite_error);
  CHECK_THROWS_AS(mechanism_from_moments(g, moments(g, x), -1.0), invalid_argument);
}

TEST_CASE("data_monetization: joint refuses 1.5e9 players with a typed error",
          "[data_monetization][hardening]") {
  const game huge(1500000000, -0.25, gaussian_prior{});
  CHECK_THROWS_AS(joint(huge, uninformative(huge)), dimension_error);
  const game small(4, 0.2, gaussian_prior{});
  CHECK(joint(small, uninformative(small)).covariance.rows() == 9);
}

TEST_CASE("data_monetization: optimiser options are validated", "[data_monetization][hardening]") {
  const game g(3, 0.2, gaussian_prior{});
  optimal_options o;
  o.tolerance = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(welfare_optimal(g, o), non_finite_error);
  o = optimal_options{};
  o.max_iterations = 0;
  CHECK_THROWS_AS(welfare_optimal(g, o), invalid_argument);
}
