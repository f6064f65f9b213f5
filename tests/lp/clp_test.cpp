#include <catch2/catch.hpp>
#include <mechdesign/lp/solver.hpp>

#include "support/small_lps.hpp"

using namespace mechdesign;
using lp::inf;

#ifndef MECHDESIGN_HAS_CLP

TEST_CASE("without CLP the clp backend is refused at construction", "[lp][clp]") {
  STATIC_REQUIRE_FALSE(lp::engine_available(lp::engine::clp));
  lp::solver_options o;
  o.backend = lp::engine::clp;
  CHECK_THROWS_AS(lp::solver(o), invalid_argument);
  // automatic falls back to GLPK whatever the size.
  o.backend = lp::engine::automatic;
  o.clp_threshold = 0.0;
  lp::solver s(o);
  const auto sol = s.solve(test_support::small_max());
  REQUIRE(sol.ok());
  CHECK(sol.used == lp::engine::glpk);
}

#else

#include <unistd.h>

#include <cstdio>
#include <random>

using test_support::random_lp;
using test_support::small_min;

namespace {

lp::solver_options clp_options() {
  lp::solver_options o;
  o.backend = lp::engine::clp;
  return o;
}

// Every row type and bounded, free and fixed columns, with a unique optimum and unique duals.
// max 2x + 3y - z + w  s.t.  x + y + z <= 10 (binding),  x - y >= -2 (binding),
//   y + w = 5 (equality),  -1 <= x + z <= 20 (slack ranged),  0 <= x <= 4, y free, z >= 0,
//   w fixed at 1.
lp::model mixed_max() {
  lp::model m(lp::objective_sense::maximize);
  const index_t x = m.add_variable("x", 0.0, 4.0, 2.0);
  const index_t y = m.add_variable("y", -inf, inf, 3.0);
  const index_t z = m.add_variable("z", 0.0, inf, -1.0);
  const index_t w = m.add_variable("w", 1.0, 1.0, 1.0);
  m.add_row("cap", {{x, 1.0}, {y, 1.0}, {z, 1.0}}, -inf, 10.0);
  m.add_row("gap", {{x, 1.0}, {y, -1.0}}, -2.0, inf);
  m.add_row("eq", {{y, 1.0}, {w, 1.0}}, 5.0, 5.0);
  m.add_row("range", {{x, 1.0}, {z, 1.0}}, -1.0, 20.0);
  return m;
}

// The same rows, minimising the negated objective.
lp::model mixed_min() {
  lp::model m = mixed_max();
  m.set_sense(lp::objective_sense::minimize);
  m.set_objective(-m.objective_vector());
  return m;
}

// Raw engine answers (no certification) of both engines on \p m.
std::pair<lp::detail::engine_answer, lp::detail::engine_answer> raw_answers(
    const lp::model& m, lp::algorithm method = lp::algorithm::automatic) {
  const auto a = m.matrix();
  lp::detail::engine_call call;
  call.method = method;
  lp::detail::glpk_engine g;
  lp::detail::clp_engine c;
  g.load(m, a);
  c.load(m, a);
  return {g.solve(call), c.solve(call)};
}

}  // namespace

TEST_CASE("CLP is built in", "[lp][clp]") {
  STATIC_REQUIRE(lp::engine_available(lp::engine::clp));
  lp::solver s(clp_options());
  s.load(test_support::small_max());
  CHECK(s.active_engine() == lp::engine::clp);
}

TEST_CASE("CLP's row duals follow the solution.hpp convention, as GLPK's do", "[lp][clp]") {
  auto method = GENERATE(lp::algorithm::dual, lp::algorithm::primal);
  for (const lp::model& m : {test_support::small_max(), small_min(), mixed_max(), mixed_min()}) {
    const auto [g, c] = raw_answers(m, method);
    REQUIRE(g.claim == lp::solve_status::optimal);
    REQUIRE(c.claim == lp::solve_status::optimal);
    CHECK(c.x.isApprox(g.x, 1e-9));
    CHECK((c.y - g.y).lpNorm<Eigen::Infinity>() < 1e-9);
    lp::solution s;
    s.x = c.x;
    s.row_duals = c.y;
    const auto v = lp::verify(m, s);
    INFO(lp::describe(v));
    CHECK(v.passed);
  }
}

TEST_CASE("CLP reproduces the documented duals of the small problems", "[lp][clp]") {
  SECTION("maximisation: a binding <= row has a dual >= 0") {
    const auto s = lp::solve(test_support::small_max(), clp_options());
    REQUIRE(s.ok());
    CHECK(s.used == lp::engine::clp);
    CHECK(s.objective == Approx(11.0).margin(1e-9));
    CHECK(s.row_duals(0) == Approx(2.0).margin(1e-9));
    CHECK(s.row_duals(1) == Approx(0.0).margin(1e-9));
    CHECK(s.reduced_costs(0) == Approx(1.0).margin(1e-9));
  }
  SECTION("minimisation: a binding >= row has a dual >= 0") {
    const auto s = lp::solve(small_min(), clp_options());
    REQUIRE(s.ok());
    CHECK(s.objective == Approx(2.8).margin(1e-9));
    CHECK(s.row_duals(0) == Approx(0.4).margin(1e-9));
    CHECK(s.row_duals(1) == Approx(0.2).margin(1e-9));
  }
  SECTION("maximisation: a binding >= row has a dual <= 0") {
    const auto s = lp::solve(mixed_max(), clp_options());
    REQUIRE(s.ok());
    const auto g = lp::solve(mixed_max());
    REQUIRE(g.ok());
    CHECK(s.objective == Approx(g.objective).margin(1e-9));
    CHECK(s.row_duals(1) <= 1e-12);  // "gap" binds at its lower bound
    CHECK(s.row_duals(0) >= -1e-12);
    CHECK((s.row_duals - g.row_duals).lpNorm<Eigen::Infinity>() < 1e-9);
  }
}

TEST_CASE("CLP's basis maps to basis::state", "[lp][clp]") {
  const lp::model m = test_support::small_max();
  lp::detail::clp_engine c;
  c.load(m, m.matrix());
  CHECK_FALSE(c.has_basis());
  CHECK(c.current_basis().empty());
  const auto ans = c.solve({});
  REQUIRE(ans.claim == lp::solve_status::optimal);
  REQUIRE(c.has_basis());
  const auto b = c.current_basis();
  using st = lp::detail::basis::state;
  REQUIRE(b.rows.size() == 3);
  REQUIRE(b.cols.size() == 2);
  CHECK(b.cols[0] == st::at_upper);  // x = 3, its upper bound
  CHECK(b.cols[1] == st::basic);     // y = 1
  CHECK(b.rows[0] == st::at_upper);  // x + y <= 4 binds at its upper bound
  CHECK(b.rows[1] == st::basic);
  CHECK(b.rows[2] == st::basic);
  // GLPK accepts it as a starting basis and needs no iteration.
  lp::detail::glpk_engine g;
  g.load(m, m.matrix());
  g.set_basis(b);
  const auto again = g.solve({});
  CHECK(again.claim == lp::solve_status::optimal);
  CHECK(again.iterations == 0);
  c.forget_basis();
  CHECK_FALSE(c.has_basis());
}

TEST_CASE("CLP's infeasible and unbounded claims are certified", "[lp][clp]") {
  SECTION("infeasible") {
    lp::model m(lp::objective_sense::maximize);
    const index_t x = m.add_variable("x", 0.0, inf, 1.0);
    m.add_row("hi", {{x, 1.0}}, 3.0, inf);
    m.add_row("lo", {{x, 1.0}}, -inf, 1.0);
    const auto [g, c] = raw_answers(m);
    CHECK(c.claim == lp::solve_status::infeasible);
    const auto s = lp::solve(m, clp_options());
    REQUIRE(s.status == lp::solve_status::infeasible);
    CHECK(s.used == lp::engine::clp);
    REQUIRE(s.farkas.size() == 2);
    CHECK(lp::check_farkas(m, m.matrix(), s.farkas).passed);
  }
  SECTION("unbounded") {
    lp::model m(lp::objective_sense::maximize);
    const index_t x = m.add_variable("x", 0.0, inf, 1.0);
    const index_t y = m.add_variable("y", 0.0, inf, 1.0);
    m.add_row("r", {{x, 1.0}, {y, -1.0}}, -inf, 1.0);
    for (auto method : {lp::algorithm::primal, lp::algorithm::dual}) {
      const auto [g, c] = raw_answers(m, method);
      CHECK((c.claim == lp::solve_status::unbounded ||
             c.claim == lp::solve_status::infeasible_or_unbounded));
    }
    auto s = lp::solve(m, clp_options());
    REQUIRE(s.status == lp::solve_status::unbounded);
    CHECK(s.used == lp::engine::clp);
    CHECK(lp::check_ray(m, m.matrix(), s).passed);
  }
}

TEST_CASE("CLP honours method, presolve and scaling", "[lp][clp]") {
  const lp::model m = random_lp(7, 30, 40);
  const auto g = lp::solve(m);
  REQUIRE(g.ok());
  auto method = GENERATE(lp::algorithm::automatic, lp::algorithm::primal, lp::algorithm::dual);
  auto presolve = GENERATE(false, true);
  auto scale = GENERATE(false, true);
  lp::solver_options o = clp_options();
  o.method = method;
  o.presolve = presolve;
  o.scale = scale;
  o.retry = false;
  const auto s = lp::solve(m, o);
  INFO(s.message);
  REQUIRE(s.ok());
  CHECK(s.attempts == 1);
  CHECK(s.objective == Approx(g.objective).epsilon(1e-9));
}

TEST_CASE("CLP reports the iteration and time limits", "[lp][clp]") {
  const lp::model m = random_lp(3, 120, 160);
  SECTION("iteration limit") {
    lp::solver_options o = clp_options();
    o.iteration_limit = 2;
    const auto s = lp::solve(m, o);
    CHECK(s.status == lp::solve_status::iteration_limit);
    CHECK(s.used == lp::engine::clp);
  }
  SECTION("engine level: status 3 split by the iteration count and the clock") {
    lp::detail::clp_engine c;
    c.load(m, m.matrix());
    lp::detail::engine_call call;
    call.iteration_limit = 2;
    CHECK(c.solve(call).claim == lp::solve_status::iteration_limit);
    call.warm = false;
    call.iteration_limit = 0;
    call.time_limit_seconds = 1e-9;
    const auto ans = c.solve(call);
    CHECK((ans.claim == lp::solve_status::time_limit || ans.claim == lp::solve_status::optimal));
    call.time_limit_seconds = inf;  // no limit
    CHECK(c.solve(call).claim == lp::solve_status::optimal);
  }
}

TEST_CASE("CLP warm re-solves start from the previous basis", "[lp][clp]") {
  lp::solver s(clp_options());
  const lp::model m = random_lp(11, 40, 50);
  const auto first = s.solve(m);
  REQUIRE(first.ok());
  CHECK_FALSE(first.warm_started);
  Eigen::VectorXd c = m.objective_vector();
  c(0) += 0.05;
  s.set_objective(c);
  const auto second = s.solve();
  REQUIRE(second.ok());
  CHECK(second.warm_started);
  lp::model changed = m;
  changed.set_objective(c);
  const auto cold = lp::solve(changed, clp_options());
  REQUIRE(cold.ok());
  CHECK(second.objective == Approx(cold.objective).epsilon(1e-9));
  // Unchanged: no iteration at all.
  const auto third = s.solve();
  REQUIRE(third.ok());
  CHECK(third.iterations == 0);
}

TEST_CASE("CLP handles a model without rows", "[lp][clp]") {
  lp::model m(lp::objective_sense::minimize);
  m.add_variable("x", -1.0, 2.0, 1.0);
  m.add_variable("y", 0.0, 5.0, -2.0);
  const auto s = lp::solve(m, clp_options());
  INFO(s.message);
  REQUIRE(s.ok());
  CHECK(s.objective == Approx(-11.0).margin(1e-12));
}

TEST_CASE("CLP prints nothing unless verbose", "[lp][clp]") {
  std::fflush(stdout);
  std::FILE* capture = std::tmpfile();
  REQUIRE(capture != nullptr);
  const int saved = dup(fileno(stdout));
  dup2(fileno(capture), fileno(stdout));
  {
    lp::solver_options o = clp_options();
    lp::solve(random_lp(5, 60, 80), o);
    o.presolve = true;
    lp::solve(random_lp(6, 60, 80), o);
    lp::model inf_model(lp::objective_sense::maximize);
    const index_t x = inf_model.add_variable("x", 0.0, inf, 1.0);
    inf_model.add_row("hi", {{x, 1.0}}, 3.0, inf);
    inf_model.add_row("lo", {{x, 1.0}}, -inf, 1.0);
    lp::solve(inf_model, clp_options());
  }
  std::fflush(stdout);
  dup2(saved, fileno(stdout));
  close(saved);
  const long size = std::ftell(capture);
  std::fclose(capture);
  CHECK(size == 0);
}

#endif  // MECHDESIGN_HAS_CLP
