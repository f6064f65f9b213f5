#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <mechdesign/bargaining/format.hpp>
#include <string>

using namespace mechdesign;
using namespace mechdesign::bargaining;

TEST_CASE("bargaining: one-line reports of the results", "[bargaining][format]") {
  const auto env = environment::binary(0.1, 0.6, 0.3, 1.0, 0.4);
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
  CHECK(fmt::format("{}", failed).find("not_solved") != std::string::npos);
}
