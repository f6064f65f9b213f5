#include <catch2/catch.hpp>
#include <mechdesign/lp/solver.hpp>
#include <mechdesign/lp/solver_error.hpp>
#include <random>
#include <thread>

#include "support/small_lps.hpp"

using namespace mechdesign;
using lp::inf;

namespace {

using test_support::random_lp;
using test_support::small_max;
using test_support::small_min;

}  // namespace

TEST_CASE("GLPK solves a maximisation with the documented dual signs", "[lp][solver]") {
  const auto s = lp::solve(small_max());
  REQUIRE(s.ok());
  CHECK(s.objective == Approx(11.0).margin(1e-9));
  CHECK(s.x(0) == Approx(3.0).margin(1e-9));
  CHECK(s.x(1) == Approx(1.0).margin(1e-9));
  CHECK(s.row_duals(0) == Approx(2.0).margin(1e-9));  // binding <= row of a max: dual >= 0
  CHECK(s.row_duals(1) == Approx(0.0).margin(1e-9));
  CHECK(s.row_duals(2) == Approx(0.0).margin(1e-9));
  CHECK(s.reduced_costs(0) == Approx(1.0).margin(1e-9));
  CHECK(s.reduced_costs(1) == Approx(0.0).margin(1e-9));
  CHECK(s.check.passed);
  CHECK(s.check.dual_objective == Approx(11.0).margin(1e-9));
}

TEST_CASE("GLPK solves a minimisation with the documented dual signs", "[lp][solver]") {
  const auto s = lp::solve(small_min());
  REQUIRE(s.ok());
  CHECK(s.objective == Approx(2.8).margin(1e-9));
  CHECK(s.row_duals(0) == Approx(0.4).margin(1e-9));  // binding >= row of a min: dual >= 0
  CHECK(s.row_duals(1) == Approx(0.2).margin(1e-9));
}

TEST_CASE("infeasible and unbounded problems get their status", "[lp][solver]") {
  const bool presolve = GENERATE(false, true);
  lp::solver_options opt;
  opt.presolve = presolve;
  lp::model infeasible(lp::objective_sense::maximize);
  const index_t x = infeasible.add_variable("x", 0.0, inf, 1.0);
  infeasible.add_row("x<=-1", {{x, 1.0}}, -inf, -1.0);
  const auto inf_s = lp::solve(infeasible, opt);
  CHECK(inf_s.status == lp::solve_status::infeasible);
  CHECK(inf_s.check.kind == lp::certificate_kind::farkas);
  CHECK(inf_s.farkas.size() == 1);

  lp::model unbounded(lp::objective_sense::maximize);
  const index_t a = unbounded.add_variable("a", 0.0, inf, 1.0);
  const index_t b = unbounded.add_variable("b", 0.0, inf, 1.0);
  unbounded.add_row("a-b<=1", {{a, 1.0}, {b, -1.0}}, -inf, 1.0);
  const auto s = lp::solve(unbounded, opt);
  // GLPK's presolver claims only "infeasible or unbounded"; lp::solver certifies which.
  CHECK(s.status == lp::solve_status::unbounded);
  REQUIRE(s.ray.size() == 2);
  CHECK(s.check.kind == lp::certificate_kind::ray);
  CHECK(s.check.passed);
  CHECK_FALSE(s.ok());
  CHECK_THROWS_AS(lp::require_optimal(s, "unbounded test"), solver_error);
  try {
    lp::require_optimal(s, "unbounded test");
  } catch (const solver_error& e) {
    CHECK(e.result().status == s.status);
    CHECK_THAT(e.what(), Catch::Contains("unbounded test"));
  }
}

TEST_CASE("presolve and exact re-solve reach the same optimum", "[lp][solver]") {
  lp::solver_options opt;
  opt.presolve = true;
  CHECK(lp::solve(small_max(), opt).objective == Approx(11.0).margin(1e-9));
  opt.presolve = false;
  opt.exact = true;
  const auto s = lp::solve(small_max(), opt);
  REQUIRE(s.ok());
  CHECK(s.exact);
  CHECK(s.objective == 11.0);  // rational arithmetic: exactly
  CHECK(s.x(1) == 1.0);
}

TEST_CASE("a changed objective re-solves warm from the previous basis", "[lp][solver]") {
  lp::solver solver;
  const auto first = solver.solve(random_lp(7, 30, 40));
  REQUIRE(first.ok());
  CHECK_FALSE(first.warm_started);
  CHECK(first.iterations > 0);
  const auto same = solver.solve();
  REQUIRE(same.ok());
  CHECK(same.warm_started);
  CHECK(same.iterations == 0);  // the basis is still optimal
  Eigen::VectorXd c = solver.current_model().objective_vector();
  c(0) += 0.5;
  solver.set_objective(c);
  const auto warm = solver.solve();
  REQUIRE(warm.ok());
  CHECK(warm.warm_started);
  // the same model solved cold agrees
  lp::model cold_model = solver.current_model();
  const auto cold = lp::solve(cold_model);
  CHECK(warm.objective == Approx(cold.objective).epsilon(1e-10));
  CHECK(warm.iterations <= cold.iterations);
}

TEST_CASE("an optimum that fails verification is not returned as an answer", "[lp][solver]") {
  // A verifier threshold far below double rounding rejects GLPK's (correct) point: the status
  // says so, the residuals are in the message, and require_optimal refuses it.
  lp::solver_options opt;
  opt.verify_tolerance = 1e-300;
  const auto s = lp::solve(random_lp(11, 30, 40), opt);
  CHECK(s.status == lp::solve_status::uncertified);
  CHECK_FALSE(s.ok());
  CHECK_FALSE(s.check.passed);
  CHECK_THAT(s.message, Catch::Contains("failed verification") && Catch::Contains("duality gap"));
  CHECK_THROWS_AS(lp::require_optimal(s, "strict"), solver_error);
}

TEST_CASE("limits are reported as statuses", "[lp][solver]") {
  lp::solver_options opt;
  opt.iteration_limit = 1;
  const auto s = lp::solve(random_lp(3, 40, 60), opt);
  CHECK(s.status == lp::solve_status::iteration_limit);
  CHECK_FALSE(s.ok());
}

TEST_CASE("bad models are rejected before GLPK sees them", "[lp][solver][errors]") {
  {
    lp::model m = small_max();
    m.add_coefficient(0, 0, std::nan(""));
    CHECK_THROWS_AS(lp::solve(m), non_finite_error);
  }
  {
    lp::model m = small_max();
    CHECK_THROWS_AS(m.add_coefficient(5, 0, 1.0), index_error);  // caught when added
    m.add_coefficient(0, 9, 1.0);                                // a column that does not exist
    CHECK_THROWS_AS(lp::solve(m), index_error);
  }
  {
    lp::model m = small_max();
    m.set_row_bounds(0, 2.0, 1.0);
    CHECK_THROWS_AS(lp::solve(m), model_error);
  }
  {
    lp::model m = small_max();
    m.set_col_bounds(0, inf, inf);
    CHECK_THROWS_AS(lp::solve(m), model_error);
  }
  {
    lp::model m = small_max();
    m.set_objective(1, std::numeric_limits<double>::infinity());
    CHECK_THROWS_AS(lp::solve(m), non_finite_error);
  }
  lp::solver solver;
  CHECK_THROWS_AS(solver.solve(), model_error);
  CHECK_THROWS_AS(solver.set_objective(Eigen::VectorXd::Zero(2)), model_error);
  solver.load(small_max());
  CHECK_THROWS_AS(solver.set_objective(Eigen::VectorXd::Zero(3)), dimension_error);
}

TEST_CASE("duplicate coefficients are summed", "[lp][model]") {
  lp::model m(lp::objective_sense::maximize);
  const index_t x = m.add_variable("x", 0.0, inf, 1.0);
  m.add_row("2x<=4", {{x, 1.0}, {x, 1.0}}, -inf, 4.0);
  const auto s = lp::solve(m);
  REQUIRE(s.ok());
  CHECK(s.x(0) == Approx(2.0).margin(1e-12));
}

TEST_CASE("each thread can solve with its own GLPK environment", "[lp][solver][threads]") {
  std::vector<double> values(4, 0.0);
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([w, &values] {
      {
        const auto s = lp::solve(random_lp(100 + static_cast<unsigned>(w), 20, 25));
        values[static_cast<std::size_t>(w)] = s.ok() ? s.objective : -1.0;
      }
      lp::free_thread_environment();
    });
  }
  for (auto& t : workers) t.join();
  for (int w = 0; w < 4; ++w) {
    const auto s = lp::solve(random_lp(100 + static_cast<unsigned>(w), 20, 25));
    CHECK(values[static_cast<std::size_t>(w)] == Approx(s.objective).epsilon(1e-12));
  }
}

TEST_CASE("a verification failure is re-solved exactly unless exact_fallback is off",
          "[lp][solver]") {
  // Coefficients without a finite binary expansion leave residuals of order 1e-17 at any
  // floating-point optimum, so a verifier threshold of 1e-300 fails every time.
  lp::model m(lp::objective_sense::maximize);
  const auto x = m.add_variable("x", 0.0, lp::inf, 0.1);
  const auto y = m.add_variable("y", 0.0, lp::inf, 0.7);
  m.add_row("a", {{x, 1.0 / 3.0}, {y, 0.3}}, -lp::inf, 0.7);
  m.add_row("b", {{x, 0.9}, {y, 1.0 / 7.0}}, -lp::inf, 1.1);
  lp::solver_options opt;
  opt.verify_tolerance = 1e-300;
  const auto with_fallback = lp::solve(m, opt);
  CHECK(with_fallback.status == lp::solve_status::uncertified);
  // the exact re-solve ran (and rounding to double still fails)
  CHECK_THAT(with_fallback.ladder, Catch::Contains("exact"));
  opt.exact_fallback = false;
  const auto without = lp::solve(m, opt);
  CHECK(without.status == lp::solve_status::uncertified);
  CHECK_FALSE(without.exact);
  CHECK_THAT(without.ladder, !Catch::Contains("exact"));
  CHECK_THAT(without.message, Catch::Contains("failed verification"));
}
