#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/bargaining/closed_form.hpp>
#include <mechdesign/bargaining/sweep.hpp>
#include <vector>

using namespace mechdesign;
using namespace mechdesign::bargaining;

TEST_CASE(
    "bargaining: Gap surface: nonnegative, below 6.25% h2, equal to the closed forms, peak inside",
    "[bargaining][sweep][paper]") {
  const bool separated = GENERATE(false, true);
  const auto env = separated ? bargaining_environment::binary(0.05, 0.45, 0.55, 1.0, 0.5)
                             : bargaining_environment::binary(0.05, 0.55, 0.45, 1.0, 0.5);
  const Eigen::VectorXd grid = interior_grid(24);
  const auto s = sweep_beliefs(env, grid, grid);
  REQUIRE(s.ok());
  CHECK(s.solves == 24 * 24);
  CHECK(s.min_gap >= -1e-12);
  CHECK(s.max_gap / env.values(1)(1) <= 0.0625);
  // "if h2 > h1 and beta in (0, 1) the gap is maximised at interior beliefs"
  CHECK(s.argmax_p1 > 0);
  CHECK(s.argmax_p1 < grid.size() - 1);
  CHECK(s.argmax_p2 > 0);
  CHECK(s.argmax_p2 < grid.size() - 1);
  for (index_t a = 0; a < grid.size(); ++a) {
    for (index_t b = 0; b < grid.size(); ++b) {
      const auto c = proposition_gap(env, beliefs::binary(grid(a), grid(b)));
      CHECK(s.gap(a, b) == Approx(c.gap).margin(1e-9));
    }
  }
}

TEST_CASE("bargaining: Gap surface on two threads equals the single-threaded one",
          "[bargaining][sweep]") {
  const auto env = bargaining_environment::binary(0.05, 0.55, 0.45, 1.0, 0.3);
  const Eigen::VectorXd p1 = interior_grid(9), p2 = interior_grid(7);
  sweep_options two;
  two.threads = 2;
  const auto a = sweep_beliefs(env, p1, p2);
  const auto b = sweep_beliefs(env, p1, p2, two);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.gap.isApprox(b.gap, 1e-12));
  CHECK(a.argmax_p1 == b.argmax_p1);
  CHECK(a.argmax_p2 == b.argmax_p2);
}

TEST_CASE("bargaining: belief sweeps warm-start from the previous point", "[bargaining][sweep]") {
  const auto env = bargaining_environment::binary(0.05, 0.55, 0.45, 1.0, 0.4);
  const Eigen::VectorXd p1 = interior_grid(6), p2 = interior_grid(5);
  const auto s = sweep_beliefs(env, p1, p2);
  REQUIRE(s.ok());
  CHECK(s.warm_starts == s.solves - 1);  // one worker: every solve but the first
  // moving an LP to new beliefs gives what a fresh LP gives
  gap_lp moved(env, beliefs::binary(0.3, 0.6));
  REQUIRE(moved.solve().ok());
  moved.set_beliefs(beliefs::binary(0.7, 0.2));
  const gap_result warm = moved.solve();
  const gap_result cold = solve_gap(env, beliefs::binary(0.7, 0.2));
  REQUIRE(warm.ok());
  REQUIRE(cold.ok());
  CHECK(warm.primal.lp.warm_started);
  CHECK(warm.value == Approx(cold.value).margin(1e-9));
  CHECK(warm.gap == Approx(proposition_gap(env, beliefs::binary(0.7, 0.2)).gap).margin(1e-9));
  CHECK_THROWS_AS(
      moved.set_beliefs(beliefs(Eigen::Vector3d(0.2, 0.3, 0.5), Eigen::Vector2d(0.5, 0.5))),
      dimension_error);
}

TEST_CASE("bargaining: sweep_power warm-starts along beta", "[bargaining][sweep]") {
  const auto env = bargaining_environment::binary(0.05, 0.45, 0.55, 1.0, 0.5);
  const auto p = beliefs::binary(0.4, 0.5);
  Eigen::VectorXd powers = Eigen::VectorXd::LinSpaced(11, 0.0, 1.0);
  const auto s = sweep_power(env, p, powers);
  REQUIRE(s.ok());
  CHECK(s.warm_starts == powers.size() - 1);
  CHECK(s.gap(0) == Approx(0.0).margin(1e-9));
  CHECK(s.gap(powers.size() - 1) == Approx(0.0).margin(1e-9));
  for (index_t k = 0; k < powers.size(); ++k) {
    CHECK(s.gap(k) == Approx(proposition_gap(env.with_power(powers(k)), p).gap).margin(1e-9));
  }
}

TEST_CASE("bargaining: sweeps report progress and stop when asked", "[bargaining][sweep]") {
  const auto env = bargaining_environment::binary(0.05, 0.45, 0.55, 1.0, 0.5);
  for (int threads : {1, 2}) {
    INFO("threads = " << threads);
    std::vector<sweep_progress> seen;
    sweep_options o;
    o.threads = threads;
    o.progress = [&](const sweep_progress& at) {
      seen.push_back(at);
      return true;
    };
    const gap_surface full = sweep_beliefs(env, interior_grid(3), interior_grid(2), o);
    REQUIRE(full.ok());
    REQUIRE(seen.size() == 6);
    for (std::size_t k = 0; k < seen.size(); ++k) {
      CHECK(seen[k].done == static_cast<index_t>(k + 1));  // serialised, counted in order
      CHECK(seen[k].total == 6);
      CHECK(seen[k].solved);
      CHECK(seen[k].power == 0.5);
    }
    seen.clear();
    o.progress = [&](const sweep_progress& at) {
      seen.push_back(at);
      return at.done < 2;
    };
    const gap_surface stopped = sweep_beliefs(env, interior_grid(3), interior_grid(2), o);
    CHECK(stopped.status == mechdesign::status::iteration_limit);
    CHECK_FALSE(stopped.ok());
    CHECK(stopped.message.find("stopped by the progress callback") != std::string::npos);
    CHECK(seen.size() >= 2);
    CHECK(stopped.solves < 6);
  }
  std::vector<double> betas;
  sweep_options o;
  o.progress = [&](const sweep_progress& at) {
    betas.push_back(at.power);
    return at.done < 3;
  };
  const power_sweep s =
      sweep_power(env, beliefs::binary(0.4, 0.5), Eigen::VectorXd::LinSpaced(5, 0.0, 1.0), o);
  CHECK(s.status == mechdesign::status::iteration_limit);
  CHECK(betas == std::vector<double>{0.0, 0.25, 0.5});
  CHECK(std::isnan(s.gap(4)));
}

TEST_CASE("bargaining: sweeps reject bad grids before any LP", "[bargaining][sweep]") {
  const auto env = bargaining_environment::binary(0.05, 0.45, 0.55, 1.0, 0.5);
  const Eigen::VectorXd good = interior_grid(3);
  CHECK_THROWS_AS(sweep_beliefs(env, Eigen::Vector3d(0.2, std::nan(""), 0.5), good),
                  non_finite_error);
  CHECK_THROWS_AS(sweep_beliefs(env, good, Eigen::Vector2d(0.2, 1.2)), distribution_error);
  CHECK_THROWS_AS(sweep_beliefs(env, good, Eigen::Vector2d(0.0, 0.5)), zero_probability_error);
  CHECK_THROWS_AS(sweep_beliefs(env, Eigen::VectorXd(0), good), dimension_error);
  sweep_options none;
  none.threads = 0;
  CHECK_THROWS_AS(sweep_beliefs(env, good, good, none), mechdesign::invalid_argument);
  const bargaining_environment three(Eigen::Vector3d(0, 1, 2), Eigen::Vector2d(0.5, 3), 0.5);
  CHECK_THROWS_AS(sweep_beliefs(three, good, good), dimension_error);
  CHECK_THROWS_AS(sweep_power(env, beliefs::binary(0.5, 0.5), Eigen::Vector2d(0.5, 1.5)),
                  distribution_error);
  CHECK_THROWS_AS(interior_grid(0), mechdesign::invalid_argument);
}
