#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/pricing/binary.hpp>
#include <mechdesign/pricing/menu.hpp>
#include <random>

using namespace mechdesign;
using namespace mechdesign::pricing;

TEST_CASE("pricing: informativeness and the ceiling rules of Proposition 4.1",
          "[pricing][binary]") {
  CHECK(ceiling_rule(0.0).isApprox(Eigen::Matrix2d::Identity(), 1e-15));
  const Eigen::Matrix2d r = ceiling_rule(0.4);  // I_0 = 1, I_1 = 0.6
  CHECK(r(0, 0) == 1.0);
  CHECK(r(1, 1) == Approx(0.6).margin(1e-15));
  CHECK(informativeness(r) == Approx(0.4).margin(1e-15));
  CHECK(informativeness(ceiling_rule(-0.7)) == Approx(-0.7).margin(1e-15));
  CHECK(ceiling_rule(-0.7)(1, 1) == 1.0);
  CHECK_THROWS_AS(ceiling_rule(1.5), invalid_argument);
  CHECK_THROWS_AS(informativeness(Eigen::Matrix3d::Identity()), dimension_error);
  CHECK_THROWS_AS(gain(0.0, -0.1), distribution_error);
}

TEST_CASE("pricing: the gain (8) agrees with the finite model and Figure 4's observations",
          "[pricing][binary][paper]") {
  // Figure 4: full information is worth 1/2 to v = 1/2 and 0 to v in {0, 1}; it is the most
  // valuable rule for every type.
  CHECK(gain(0.0, 0.5) == Approx(0.5).margin(1e-15));
  CHECK(gain(0.0, 0.0) == Approx(0.0).margin(1e-15));
  CHECK(gain(0.0, 1.0) == Approx(0.0).margin(1e-15));
  const auto env =
      binary_environment(0.0, 0.5, Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5));
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0.0, 1.0), ui(-1.0, 1.0);
  for (int draw = 0; draw < 200; ++draw) {
    const double v = u(rng), i = ui(rng);
    INFO("draw " << draw << ": v = " << v << ", I = " << i);
    const Eigen::Vector2d belief(v, 1.0 - v);
    const auto [lo, hi] = obedience_bounds(v);
    const double model =
        obedient_value(env, belief, ceiling_rule(i)) - no_information_value(env, belief);
    if (i >= lo && i <= hi) {
      // Inside the obedience bounds (4)-(5) the type obeys and (8) is its gain.
      CHECK(gain(i, v) == Approx(model).margin(1e-12));
      CHECK(best_response_value(env, belief, ceiling_rule(i)) ==
            Approx(obedient_value(env, belief, ceiling_rule(i))).margin(1e-12));
      CHECK(gain(i, v) >= -1e-12);
    } else {
      // Outside them obeying is worse than ignoring a message.
      CHECK(best_response_value(env, belief, ceiling_rule(i)) >
            obedient_value(env, belief, ceiling_rule(i)) + 1e-12);
    }
    CHECK(gain(0.0, v) >= gain(i, v) - 1e-12);
  }
  // At the bounds the type is indifferent: zero gain.
  CHECK(gain(0.25, 0.2) == Approx(0.0).margin(1e-15));
  CHECK(gain(-0.25, 0.8) == Approx(0.0).margin(1e-15));
}

TEST_CASE("pricing: expected externality from the model; full information costs tau",
          "[pricing][binary][erratum]") {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0), ui(-1.0, 1.0), ut(-2.0, 3.0);
  for (int draw = 0; draw < 200; ++draw) {
    const double vs = u(rng), i = ui(rng), tau = ut(rng);
    INFO("draw " << draw << ": v_s = " << vs << ", I = " << i << ", tau = " << tau);
    const auto env =
        binary_environment(tau, vs, Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5));
    // Closed form vs. the finite model's sum over states and recommendations.
    CHECK(expected_externality(i, vs, tau) ==
          Approx(pricing::expected_externality(env, ceiling_rule(i))).margin(1e-12));
    // Sanity property: the fully informed obedient buyer always matches the state.
    CHECK(expected_externality(0.0, vs, tau) == Approx(tau).margin(1e-12));
    CHECK(pricing::expected_externality(env, ceiling_rule(0.0)) == Approx(tau).margin(1e-12));
    // No information: the buyer always plays 0 (I = 1) or 1 (I = -1).
    CHECK(expected_externality(1.0, vs, tau) == Approx(tau * vs).margin(1e-12));
    CHECK(expected_externality(-1.0, vs, tau) == Approx(tau * (1.0 - vs)).margin(1e-12));
  }
  // The printed eq. (9) violates the sanity property: at I = 0 it gives tau(1 - 2v_s(1 - v_s)),
  // e.g. 0.5 tau at v_s = 1/2 instead of tau.
  CHECK(printed_expected_externality(0.0, 0.5, 1.0) == Approx(0.5).margin(1e-15));
  CHECK(printed_expected_externality(0.0, 0.2, 2.0) ==
        Approx(2.0 * (1.0 - 2.0 * 0.2 * 0.8)).margin(1e-15));
  CHECK(std::abs(printed_expected_externality(0.0, 0.2, 2.0) -
                 expected_externality(0.0, 0.2, 2.0)) > 0.5);
}
