#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <mechdesign/format.hpp>
#include <mechdesign/lp/solver.hpp>

#include "support/small_lps.hpp"

using namespace mechdesign;

TEST_CASE("an LP solution prints its status, engine, objective and certificate", "[format][lp]") {
  const lp::solution s = lp::solve(test_support::small_max());
  REQUIRE(s.ok());
  const std::string text = fmt::format("{}", s);
  CHECK_THAT(text, Catch::StartsWith(
                       fmt::format("lp optimal ({}): objective 11,", lp::to_string(s.used))));
  CHECK_THAT(text, Catch::Contains("objective error bound"));
  CHECK(fmt::format("{}", lp::solve_status::uncertified) == "uncertified");

  lp::model infeasible(lp::objective_sense::maximize);
  const index_t x = infeasible.add_variable("x", 0.0, 1.0, 1.0);
  infeasible.add_row("x>=2", {{x, 1.0}}, 2.0, lp::inf);
  const lp::solution f = lp::solve(infeasible);
  const std::string none = fmt::format("{}", f);
  CHECK_THAT(none, Catch::StartsWith(fmt::format("lp infeasible ({})", lp::to_string(f.used))));
  CHECK_THAT(none, Catch::Contains("Farkas margin"));
}
