#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <mechdesign/bargaining/closed_form.hpp>
#include <mechdesign/bargaining/environment.hpp>
#include <mechdesign/bargaining/gap.hpp>
#include <mechdesign/bargaining/monopoly.hpp>
#include <mechdesign/core/incentives.hpp>

using namespace mechdesign;
using namespace mechdesign::bargaining;

namespace {
const double nan_value = std::numeric_limits<double>::quiet_NaN();
const double inf_value = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("bargaining: bad environments throw typed errors before any LP",
          "[bargaining][environment]") {
  CHECK_THROWS_AS(bargaining_environment::binary(nan_value, 2, 1, 3, 0.5), non_finite_error);
  CHECK_THROWS_AS(bargaining_environment::binary(0, inf_value, 1, 3, 0.5), non_finite_error);
  CHECK_THROWS_AS(bargaining_environment::binary(2, 1, 1, 3, 0.5), model_error);  // l1 > h1
  CHECK_THROWS_AS(bargaining_environment::binary(1, 1, 1, 3, 0.5), model_error);  // tie
  CHECK_THROWS_AS(bargaining_environment(Eigen::VectorXd(0), Eigen::Vector2d(1, 2), 0.5),
                  dimension_error);
  CHECK_THROWS_AS(bargaining_environment::binary(0, 1, 2, 3, nan_value), non_finite_error);
  CHECK_THROWS_AS(bargaining_environment::binary(0, 1, 2, 3, -0.01), distribution_error);
  CHECK_THROWS_AS(bargaining_environment::binary(0, 1, 2, 3, 1.01), distribution_error);
  CHECK_NOTHROW(bargaining_environment::binary(0, 1, 2, 3, 0.0));
  CHECK_NOTHROW(bargaining_environment::binary(0, 1, 2, 3, 1.0));
  const auto env = bargaining_environment::binary(0, 1, 2, 3, 0.5);
  CHECK_THROWS_AS(env.with_power(2.0), distribution_error);
  CHECK_THROWS_AS(env.values(2), index_error);
  // every error is a mechdesign::invalid_argument
  CHECK_THROWS_AS(bargaining_environment::binary(2, 1, 1, 3, 0.5), mechdesign::invalid_argument);
}

TEST_CASE("bargaining: bad beliefs throw typed errors before any LP", "[bargaining][environment]") {
  CHECK_THROWS_AS(beliefs::binary(nan_value, 0.5), non_finite_error);
  CHECK_THROWS_AS(beliefs::binary(0.5, inf_value), non_finite_error);
  CHECK_THROWS_AS(beliefs::binary(-0.1, 0.5), distribution_error);
  CHECK_THROWS_AS(beliefs::binary(0.5, 1.5), distribution_error);
  CHECK_THROWS_AS(beliefs::binary(0.0, 0.5), zero_probability_error);
  CHECK_THROWS_AS(beliefs::binary(0.5, 1.0), zero_probability_error);
  CHECK_THROWS_AS(beliefs(Eigen::Vector2d(0.3, 0.6), Eigen::Vector2d(0.5, 0.5)),
                  distribution_error);
  CHECK_THROWS_AS(beliefs(Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(1.0, 0.0)),
                  zero_probability_error);
  // size mismatch with the environment: caught by every entry point
  const auto env = bargaining_environment::binary(0, 1, 2, 3, 0.5);
  const beliefs three(Eigen::Vector3d(0.2, 0.3, 0.5), Eigen::Vector2d(0.5, 0.5));
  CHECK_THROWS_AS(to_bayesian_problem(env, three), dimension_error);
  CHECK_THROWS_AS(solve_gap(env, three), dimension_error);
  CHECK_THROWS_AS(monopoly_payoffs(env, three, 0), dimension_error);
  CHECK_THROWS_AS(proposition_gap(env, three), dimension_error);
  // closed forms need one of the two orderings of Propositions 1-2
  CHECK_THROWS_AS(
      proposition_gap(bargaining_environment::binary(0, 5, 1, 3, 0.5), beliefs::binary(.5, .5)),
      model_error);
}

TEST_CASE("bargaining: the encoding: 0 is in U(p) and utilities are q_i t_i + tau_i",
          "[bargaining][environment]") {
  // 002 §2.2: U(p) is nonempty because the null allocation (nobody gets the good, no money)
  // is incentive compatible with payoff 0.
  const auto env = bargaining_environment::binary(1, 3, 2, 4, 0.4);
  const auto p = beliefs::binary(0.3, 0.6);
  const auto g = to_bayesian_problem(env, p).grand();
  REQUIRE(g.num_profiles() == 4);
  REQUIRE(g.money().has_value());
  const auto null = mechanism<double>::constant(g, nobody);
  CHECK(check_incentive_compatibility(g, null).passed);
  for (const auto& u : interim_utilities(g, null)) CHECK(u.isZero());
  // giving the good to player 2 always: u_2(t_2) = t_2, u_1 = 0
  const auto all2 = mechanism<double>::constant(g, player2_gets);
  const auto u = interim_utilities(g, all2);
  CHECK(u[1](0) == Approx(2.0).margin(1e-12));
  CHECK(u[1](1) == Approx(4.0).margin(1e-12));
  CHECK(u[0].isZero());
  const allocation a = to_allocation(env, all2);
  CHECK(a.good2.isApprox(Eigen::Matrix2d::Ones()));
  CHECK(interim_good(a, p, 1).isApprox(Eigen::Vector2d::Ones()));
}

namespace {

// The allocation displayed after the definition of p1*(x) in 002 §5.4 (case l1 < l2 < h1 < h2):
// (q_1, tau_1) = (0, x l2) at l1 l2, (0, x h2) at l1 h2, (1, -(1 - x) h1) at h1 l2, (0, x h2) at
// h1 h2; player 2 gets the good whenever player 1 does not and tau_2 = -tau_1.
mechanism<double> section54_allocation(const bargaining_environment& env) {
  const double l2 = env.values(1)(0), h1 = env.values(0)(1), h2 = env.values(1)(1);
  const double x = env.power();
  mechanism<double> m;
  m.probabilities = Eigen::MatrixXd::Zero(3, 4);
  m.transfers = Eigen::MatrixXd::Zero(2, 4);
  // profile index j = t1 + 2 t2
  const double tau1[4] = {x * l2, -(1.0 - x) * h1, x * h2, x * h2};
  const bool p1_gets[4] = {false, true, false, false};
  for (int j = 0; j < 4; ++j) {
    m.probabilities(p1_gets[j] ? player1_gets : player2_gets, j) = 1.0;
    m.transfers(0, j) = tau1[j];
    m.transfers(1, j) = -tau1[j];
  }
  return m;
}

}  // namespace

TEST_CASE(
    "bargaining: the allocation of 002 §5.4 is incentive compatible exactly when p1 >= p1*(x)",
    "[bargaining][environment][paper]") {
  const auto env = bargaining_environment::binary(0.1, 0.6, 0.3, 1.0, 0.4);
  const double star = p1_star(env, env.power());
  // p1*(x) = x / (x + (1 - x)(h2 - h1)/(h2 - l2)) = 0.4 / (0.4 + 0.6 * 0.4 / 0.7)
  CHECK(star == Approx(0.4 / (0.4 + 0.6 * 0.4 / 0.7)).margin(1e-15));
  const auto m = section54_allocation(env);
  for (double p2 : {0.1, 0.5, 0.9}) {
    for (double shift : {-1e-3, 0.0, 1e-3, 0.2}) {
      const double p1 = star + shift;
      const auto p = beliefs::binary(p1, p2);
      const auto g = to_bayesian_problem(env, p).grand();
      const auto ic = check_incentive_compatibility(g, m, 1e-12);
      INFO("p1 = " << p1 << ", p2 = " << p2 << ", worst gain " << ic.worst_violation);
      CHECK(ic.passed == (shift >= 0.0));
      if (shift < 0.0) CHECK(ic.player == 1);  // it is type h2 of player 2 that deviates
      // player 2 gets exactly his random monopoly payoffs (1 - x) M_2(t_2; p_1)
      const auto u = interim_utilities(g, m);
      const Eigen::VectorXd rm2 = random_monopoly_payoffs(env, p, 1);
      CHECK(u[1](0) == Approx(rm2(0)).margin(1e-12));
      CHECK(u[1](1) == Approx(rm2(1)).margin(1e-12));
    }
  }
}
