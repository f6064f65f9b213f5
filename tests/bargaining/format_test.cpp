#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <mechdesign/bargaining/format.hpp>
#include <string>

using namespace mechdesign;
using namespace mechdesign::bargaining;

TEST_CASE("bargaining: one-line reports of the results", "[bargaining][format]") {
  const auto env = bargaining_environment::binary(0.1, 0.6, 0.3, 1.0, 0.4);
  const auto p = beliefs::binary(0.9, 0.1);
  const std::string lp = fmt::format("{}", solve_gap(env, p));
  CHECK(lp.find("E = ") == 0);
  CHECK(lp.find("RM_2(t0)") != std::string::npos);
  const std::string cf = fmt::format("{}", proposition_gap(env, p));
  CHECK(cf.find("Proposition 1") == 0);
  const std::string grid =
      fmt::format("{}", sweep_beliefs(env, interior_grid(3), interior_grid(2)));
  CHECK(grid.find("Gap surface 3x2") == 0);
  gap_result failed;
  CHECK(fmt::format("{}", failed).find("not_computed") != std::string::npos);
  const power_sweep ps = sweep_power(env, p, Eigen::Vector3d(0.0, 0.4, 1.0));
  REQUIRE(ps.ok());
  CHECK(fmt::format("{}", ps).rfind("power sweep success (3 values of beta, 0 failures): Gap from",
                                    0) == 0);
  const lambda_optimum lo = lambda_optimal(env, p, {p.marginal(0), p.marginal(1)});
  REQUIRE(lo.ok());
  CHECK(fmt::format("{}", lo) == fmt::format("Lambda-optimum: value {:.10g}", lo.value));
  CHECK(fmt::format("{}", lambda_optimum{}).rfind("Lambda-optimum not_computed", 0) == 0);
  const monopoly_offer m = monopoly(0.1, Eigen::Vector2d(0.3, 1.0), Eigen::Vector2d(0.9, 0.1));
  CHECK(fmt::format("{}", m).find(fmt::format("payoff {:.10g}", m.payoff)) != std::string::npos);
  CHECK(fmt::format("{}", proposition4(env, p, 0.5)).rfind("Proposition 4: value", 0) == 0);
}
