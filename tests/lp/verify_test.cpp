#include <catch2/catch.hpp>
#include <mechdesign/lp/solver.hpp>
#include <mechdesign/lp/verify.hpp>

#include "support/small_lps.hpp"

using namespace mechdesign;
using lp::inf;

using test_support::small_max;

TEST_CASE("the verifier accepts the optimum and recomputes its own reduced costs", "[lp][verify]") {
  const lp::model m = small_max();
  lp::solution s;
  s.x = Eigen::Vector2d(3.0, 1.0);
  s.row_duals = Eigen::Vector3d(2.0, 0.0, 0.0);
  const auto v = lp::verify(m, s);
  CHECK(v.passed);
  CHECK(v.duality_gap == Approx(0.0).margin(1e-15));
  CHECK(s.reduced_costs.isApprox(Eigen::Vector2d(1.0, 0.0)));
  CHECK(s.objective == 11.0);
}

TEST_CASE("the verifier catches corrupted solutions", "[lp][verify]") {
  const lp::model m = small_max();
  lp::solution good = lp::solve(m);
  REQUIRE(good.ok());

  SECTION("an infeasible primal point") {
    lp::solution s = good;
    s.x(1) += 0.5;  // x + y = 4.5 > 4
    const auto v = lp::verify(m, s);
    CHECK_FALSE(v.passed);
    // scaled by max(|bound|, Σ|a x|, max|a|) = max(4, 4.5, 1)
    CHECK(v.primal_infeasibility == Approx(0.5 / 4.5).margin(1e-12));
  }
  SECTION("a wrong-signed dual") {
    lp::solution s = good;
    s.row_duals(0) = -2.0;  // a "<=" row of a max cannot have a negative price
    const auto v = lp::verify(m, s);
    CHECK_FALSE(v.passed);
    CHECK(v.dual_infeasibility > 1.0);
  }
  SECTION("a feasible but suboptimal dual") {
    lp::solution s = good;
    s.row_duals(0) = 3.0;  // dual feasible, dual value 12 != 11
    const auto v = lp::verify(m, s);
    CHECK_FALSE(v.passed);
    CHECK(v.dual_objective == Approx(12.0).margin(1e-12));
    CHECK(v.duality_gap == Approx(1.0 / 12.0).margin(1e-12));
  }
  SECTION("a suboptimal primal point") {
    lp::solution s = good;
    s.x = Eigen::Vector2d(2.0, 1.0);
    const auto v = lp::verify(m, s);
    CHECK_FALSE(v.passed);
    CHECK(v.complementarity > 0.1);
  }
  SECTION("vectors of the wrong size") {
    lp::solution s = good;
    s.x.resize(3);
    CHECK_THROWS_AS(lp::verify(m, s), dimension_error);
  }
}
