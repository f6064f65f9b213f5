#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <mechdesign/information/experiment.hpp>

using namespace mechdesign;
using namespace mechdesign::information;

TEST_CASE("information: experiments are validated in one orientation (states x signals)",
          "[information][experiment]") {
  experiment pi(2, 3);
  pi << 0.5, 0.25, 0.25,  //
      0.0, 0.0, 1.0;
  CHECK_NOTHROW(validate_experiment(pi, 2, 3, "test"));
  // The transpose (signals x states) is rejected: one orientation everywhere.
  CHECK_THROWS_AS(validate_experiment(pi.transpose(), 2, 3, "test"), dimension_error);
  experiment bad = pi;
  bad(1, 2) = 0.9;
  CHECK_THROWS_AS(validate_experiment(bad, 2, 3, "test"), distribution_error);
  bad = pi;
  bad(0, 0) = -0.25;
  bad(0, 1) = 1.0;
  CHECK_THROWS_AS(validate_experiment(bad, 2, 3, "test"), distribution_error);
  bad = pi;
  bad(0, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(validate_experiment(bad, 2, 3, "test"), non_finite_error);
  CHECK_THROWS_AS(validate_experiment(pi, 2, 3, "test", -1.0), mechdesign::invalid_argument);
  try {
    validate_experiment(bad, 2, 3, "persuasion::f");
    FAIL("no throw");
  } catch (const non_finite_error& e) {
    CHECK(std::string(e.what()).find("persuasion::f") == 0);
  }
}

TEST_CASE("information: signal probabilities and posteriors by Bayes' rule",
          "[information][experiment]") {
  experiment pi(2, 3);
  pi << 0.5, 0.25, 0.25,  //
      0.0, 0.0, 1.0;
  const Eigen::Vector2d prior(0.8, 0.2);
  const Eigen::VectorXd p = signal_probabilities(pi, prior);
  CHECK(p(0) == Approx(0.4).margin(1e-15));
  CHECK(p(1) == Approx(0.2).margin(1e-15));
  CHECK(p(2) == Approx(0.4).margin(1e-15));
  const Eigen::VectorXd post = signal_posterior(pi, prior, 2);
  CHECK(post(0) == Approx(0.5).margin(1e-15));
  CHECK(post(1) == Approx(0.5).margin(1e-15));
  CHECK(signal_posterior(pi, prior, 0).isApprox(Eigen::Vector2d(1.0, 0.0)));
  experiment never = pi;
  never.col(1).setZero();
  never(0, 0) = 0.75;
  CHECK_THROWS_AS(signal_posterior(never, prior, 1), zero_probability_error);
  CHECK_THROWS_AS(signal_posterior(pi, prior, 3), index_error);
  CHECK_THROWS_AS(signal_probabilities(pi, Eigen::Vector3d(0.2, 0.3, 0.5)), dimension_error);
}
