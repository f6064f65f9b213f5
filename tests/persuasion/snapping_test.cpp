// Issue 16: coefficient snapping is relative to the data's scale, so scaling every agent's
// payoff (and d) by 10^k scales the bargaining solutions by 10^k; before, payoffs at or below
// about 1e-13 were snapped to 0 against an absolute floor of 1.
#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/persuasion/bargaining_set.hpp>
#include <mechdesign/persuasion/beneficial.hpp>

using namespace mechdesign;

namespace {

persuasion::problem snapping_problem(double scale) {
  // two states, the receiver matches the state; agent 0 wants action 0, agent 1 prefers action 1
  Eigen::MatrixXd payoffs(2, 2);
  payoffs << 1.0, 0.3, 0.0, 0.8;
  return persuasion::problem::state_independent(Eigen::Vector2d(0.6, 0.4),
                                                Eigen::MatrixXd::Identity(2, 2), payoffs * scale);
}

}  // namespace

TEST_CASE("persuasion: the egalitarian solution scales with the payoffs down to 1e-13",
          "[persuasion][hardening]") {
  const persuasion::problem unit = snapping_problem(1.0);
  const Eigen::Vector2d d(0.2, 0.1);
  const auto base = persuasion::egalitarian_solution(unit, d);
  REQUIRE(base.ok());
  REQUIRE(base.value > 0.01);  // a real gain, so the comparison below is not vacuous
  for (double scale : {1e-6, 1e-13, 1e-15, 1e6}) {
    INFO("scale " << scale);
    const auto scaled = persuasion::egalitarian_solution(snapping_problem(scale), d * scale);
    REQUIRE(scaled.ok());
    CHECK(scaled.value / scale == Approx(base.value).epsilon(1e-9));
    CHECK((scaled.payoffs / scale - base.payoffs).cwiseAbs().maxCoeff() < 1e-9);
  }
}

TEST_CASE("persuasion: the lottery test's verdict does not depend on the payoffs' scale",
          "[persuasion][hardening]") {
  const Eigen::Vector2d d(0.2, 0.1);
  const auto base = persuasion::lottery_test(snapping_problem(1.0), d);
  REQUIRE(base.ok());
  REQUIRE(base.beneficial);
  for (double scale : {1e-13, 1e-15}) {
    INFO("scale " << scale);
    const auto scaled = persuasion::lottery_test(snapping_problem(scale), d * scale);
    REQUIRE(scaled.ok());
    CHECK(scaled.surplus / scale == Approx(base.surplus).epsilon(1e-9));
    CHECK(scaled.beneficial);
  }
}
