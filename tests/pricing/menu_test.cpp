#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/pricing/binary.hpp>
#include <mechdesign/pricing/menu.hpp>
#include <mechdesign/pricing/optimal_menu.hpp>

using namespace mechdesign;
using namespace mechdesign::pricing;

TEST_CASE("pricing: the checker catches a double deviation that a single one misses",
          "[pricing][menu]") {
  // Type A (v = 0.3) gets no information for free; type B (v = 0.9) gets I = 0.9 with a subsidy
  // of 0.1. Reporting B and obeying gives A 0.37 + 0.1 < 0.7, but reporting B and ignoring the
  // message m0 (posterior 0.3/0.93 < 1/2) gives 0.7 + 0.1: a violation of 0.1.
  const auto env =
      binary_environment(0.0, 0.5, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(0.5, 0.5));
  menu m;
  m.rules = {ceiling_rule(-1.0), ceiling_rule(0.9)};
  m.prices = Eigen::Vector2d(0.0, -0.1);
  const Eigen::Vector2d a(0.3, 0.7);
  CHECK(obedient_value(env, a, m.rules[1]) == Approx(0.37).margin(1e-12));
  CHECK(best_response_value(env, a, m.rules[1]) == Approx(0.70).margin(1e-12));
  const menu_check c = check_menu(env, m, 1e-9, false);
  CHECK_FALSE(c.passed);
  CHECK(c.truthfulness_violation == Approx(0.1).margin(1e-12));
  CHECK(c.worst == "IC[0->1]");
  CHECK(c.obedience_violation <= 1e-12);
  CHECK(c.participation_violation <= 1e-12);
  // The same menu with nonnegative prices required also flags the subsidy.
  CHECK(check_menu(env, m, 1e-9, true).price_violation == Approx(0.1).margin(1e-12));
  // A disobeyed own rule: type A given I = 0.9 is told to play 0 when its posterior says 1.
  m.rules = {ceiling_rule(0.9), ceiling_rule(1.0)};
  m.prices = Eigen::Vector2d::Zero();
  CHECK(check_menu(env, m).obedience_violation == Approx(0.63 - 0.3).margin(1e-12));
}
