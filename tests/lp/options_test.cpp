#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <mechdesign/lp/solver.hpp>

#include "support/small_lps.hpp"

using namespace mechdesign;

namespace {

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("the default options are valid and solve", "[lp][options]") {
  const lp::solver_options o;
  CHECK_NOTHROW(lp::validate(o));
  CHECK(std::isfinite(o.time_limit_seconds));  // a default limit: no solve can hang
  CHECK(lp::solve(test_support::small_max(), o).ok());
}

TEST_CASE("every out-of-range option throws invalid_argument before an engine runs",
          "[lp][options][errors]") {
  using setter = void (*)(lp::solver_options&);
  const std::vector<std::pair<const char*, setter>> bad{
      {"feasibility_tolerance", [](lp::solver_options& o) { o.feasibility_tolerance = 0.0; }},
      {"feasibility_tolerance", [](lp::solver_options& o) { o.feasibility_tolerance = -1e-9; }},
      {"feasibility_tolerance", [](lp::solver_options& o) { o.feasibility_tolerance = nan_value; }},
      {"feasibility_tolerance", [](lp::solver_options& o) { o.feasibility_tolerance = 1.0; }},
      {"feasibility_tolerance", [](lp::solver_options& o) { o.feasibility_tolerance = 1e-13; }},
      {"verify_tolerance", [](lp::solver_options& o) { o.verify_tolerance = 0.0; }},
      {"verify_tolerance", [](lp::solver_options& o) { o.verify_tolerance = nan_value; }},
      {"verify_tolerance", [](lp::solver_options& o) { o.verify_tolerance = 0.5; }},
      {"verify_tolerance", [](lp::solver_options& o) { o.verify_tolerance = -infinity; }},
      {"time_limit_seconds", [](lp::solver_options& o) { o.time_limit_seconds = 0.0; }},
      {"time_limit_seconds", [](lp::solver_options& o) { o.time_limit_seconds = -3.0; }},
      {"time_limit_seconds", [](lp::solver_options& o) { o.time_limit_seconds = nan_value; }},
      {"iteration_limit", [](lp::solver_options& o) { o.iteration_limit = -1; }},
      {"iteration_limit", [](lp::solver_options& o) { o.iteration_limit = 1L << 40; }},
      {"stall_iterations", [](lp::solver_options& o) { o.stall_iterations = 10; }},
      {"clp_threshold", [](lp::solver_options& o) { o.clp_threshold = -1.0; }},
      {"clp_threshold", [](lp::solver_options& o) { o.clp_threshold = nan_value; }},
      {"backend", [](lp::solver_options& o) { o.backend = static_cast<lp::engine>(7); }},
      {"method", [](lp::solver_options& o) { o.method = static_cast<lp::algorithm>(-2); }},
  };
  for (const auto& [field, set] : bad) {
    lp::solver_options o;
    set(o);
    INFO(field);
    CHECK_THROWS_AS(lp::validate(o), invalid_argument);
    CHECK_THROWS_WITH(lp::solver(o), Catch::Contains(field));
    CHECK_THROWS_AS(lp::solve(test_support::small_max(), o), invalid_argument);
  }
}

TEST_CASE("an unlimited time is accepted and the extremes of each range are", "[lp][options]") {
  lp::solver_options o;
  o.time_limit_seconds = infinity;
  o.feasibility_tolerance = 1e-12;
  o.verify_tolerance = 1e-2;
  o.iteration_limit = std::numeric_limits<int>::max();
  o.clp_threshold = infinity;
  CHECK_NOTHROW(lp::validate(o));
  CHECK(lp::solve(test_support::small_max(), o).ok());
  o.feasibility_tolerance = 1e-4;
  CHECK(lp::solve(test_support::small_max(), o).ok());
}

TEST_CASE("engine and algorithm names", "[lp][options]") {
  CHECK(std::string(lp::to_string(lp::engine::glpk)) == "glpk");
  CHECK(std::string(lp::to_string(lp::engine::clp)) == "clp");
  CHECK(std::string(lp::to_string(lp::algorithm::dual)) == "dual");
  CHECK(lp::engine_available(lp::engine::glpk));
  CHECK(lp::engine_available(lp::engine::automatic));
}
