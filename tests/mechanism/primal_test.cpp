#include <catch2/catch.hpp>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/mechanism/primal.hpp>
#include <random>

#include "support/random_problems.hpp"

using namespace mechdesign;
using namespace mechdesign::catalog;

TEST_CASE("primal (3.5) and dual (3.7) agree on random problems", "[mechanism][primal][dual]") {
  const unsigned seed = GENERATE(range(1u, 41u));
  std::mt19937 rng(seed);
  test_support::random_spec spec;
  spec.players = 2 + static_cast<int>(seed % 2);
  spec.types = 2 + static_cast<int>(seed % 3 == 0);
  spec.decisions = 3 + static_cast<int>(seed % 4);
  spec.correlated = seed % 5 == 0;
  if (seed % 3 == 1) spec.money = budget_rule::ex_post_balanced;
  if (seed % 7 == 2) spec.money = budget_rule::ex_ante_no_deficit;
  INFO("seed " << seed << ", players " << spec.players << ", types " << spec.types << ", decisions "
               << spec.decisions << ", correlated " << spec.correlated << ", money "
               << spec.money.has_value());
  const auto problem = test_support::random_problem(spec, seed);
  const auto g = problem.grand();
  const auto lambda = test_support::random_weights(g, rng);
  const auto r = solve_primal(g, lambda);
  REQUIRE(r.ok());
  // strong duality, with the dual objective recomputed from alpha alone
  CHECK(r.duality_gap <= 1e-7 * (1.0 + std::abs(r.objective)));
  CHECK(r.dual_objective == Approx(r.objective).margin(1e-7));
  CHECK(r.transfer_imbalance <= 1e-7);
  CHECK(r.ic_violation <= 1e-7);
  // the objective is the weighted sum of the interim utilities of the returned mechanism
  const auto u = interim_utilities(g, r.optimal_mechanism);
  double weighted = 0.0;
  for (int k = 0; k < g.num_members(); ++k) {
    weighted += lambda[static_cast<std::size_t>(k)].dot(u[static_cast<std::size_t>(k)]);
    CHECK(u[static_cast<std::size_t>(k)].isApprox(r.interim[static_cast<std::size_t>(k)], 1e-7));
  }
  CHECK(weighted == Approx(r.objective).margin(1e-7));
  // Proposition 1 holds at the optimum with the LP's own (lambda, alpha)
  const auto cond = check_efficiency_conditions(g, r.optimal_mechanism, lambda, r.alpha, 1e-6);
  CHECK(cond.complementary_slackness <= 1e-6);
  CHECK(cond.virtual_optimality <= 1e-6);
}

TEST_CASE("alpha is the marginal value of relaxing an IC constraint", "[mechanism][primal][dual]") {
  // For the concave value V(b) of the right-hand side b of "U(t) - U(tau|t) >= b", any dual
  // price -alpha satisfies V(-eps) - V(0) <= alpha eps and V(0) - V(eps) >= alpha eps. A sign
  // error or a missing probability factor in the conversion breaks the bracket.
  const unsigned seed = GENERATE(range(101u, 116u));
  std::mt19937 rng(seed);
  test_support::random_spec spec;
  spec.players = 2;
  spec.types = 3;
  spec.decisions = 4;
  const auto g = test_support::random_problem(spec, seed).grand();
  const auto lambda = test_support::random_weights(g, rng);
  incentive_primal primal(g);
  const auto base = primal.solve(lambda);
  REQUIRE(base.ok());
  const double eps = 1e-5;
  for (int k = 0; k < 2; ++k) {
    for (index_t t = 0; t < 3; ++t) {
      for (index_t tau = 0; tau < 3; ++tau) {
        if (t == tau) continue;
        const double a = base.alpha[static_cast<std::size_t>(k)](t, tau);
        primal.set_ic_slack(k, t, tau, eps);
        const double relaxed = primal.solve(lambda).objective;
        primal.set_ic_slack(k, t, tau, -eps);
        const double tightened = primal.solve(lambda).objective;
        primal.set_ic_slack(k, t, tau, 0.0);
        INFO("seed " << seed << " member " << k << " t " << t << " tau " << tau << " alpha " << a);
        CHECK((relaxed - base.objective) / eps <= a + 1e-4);
        CHECK((base.objective - tightened) / eps >= a - 1e-4);
      }
    }
  }
  CHECK(primal.solve(lambda).objective == Approx(base.objective).margin(1e-9));
}

TEST_CASE("IC multiplier of the seller-dictator problem with money", "[mechanism][primal][dual]") {
  // max U2 s.t. IC, U1(w) >= 0, U1(s) >= 0 (003 Table 2.1). The weak type's IC and
  // participation both bind, so the dual is not unique. Money neutrality at each report gives
  // beta1(w) + alpha = 0.8 and beta1(s) - alpha = 0.2 (alpha = alpha1(s|w)); no trade with the
  // strong report needs (0.2 + alpha) 30 - 90 alpha <= 0, i.e. alpha >= 0.1; beta1(w) >= 0 needs
  // alpha <= 0.8. Whatever point GLPK returns, the recomputed dual must equal 72.
  const auto g = bilateral_trade::with_money().grand();
  const auto r = solve_primal(g, bilateral_trade::dictator_weights(1),
                              bilateral_trade::dictator_participation(1));
  REQUIRE(r.ok());
  CHECK(r.objective == Approx(72.0).margin(1e-9));
  const double a = r.alpha[0](0, 1);
  CHECK(a >= 0.1 - 1e-9);
  CHECK(a <= 0.8 + 1e-9);
  CHECK(r.beta[0](0) == Approx(0.8 - a).margin(1e-9));
  CHECK(r.beta[0](1) == Approx(0.2 + a).margin(1e-9));
  CHECK(r.alpha[0](1, 0) == Approx(0.0).margin(1e-12));
  CHECK(r.dual_objective == Approx(72.0).margin(1e-9));
}

TEST_CASE("virtual utility (3.6) by hand for the bilateral trade", "[mechanism][virtual_utility]") {
  // lambda = (0.35, 0.15 | 0.5), alpha1(s|w) = 0.05; p(w) = 0.8, p(s) = 0.2; money model.
  const auto g = bilateral_trade::with_money().grand();
  const type_vectors<> lambda = {Eigen::Vector2d(0.35, 0.15), Eigen::VectorXd::Constant(1, 0.5)};
  type_matrices<> alpha = {Eigen::Matrix2d::Zero(), Eigen::MatrixXd::Zero(1, 1)};
  alpha[0](0, 1) = 0.05;
  const auto v = virtual_utility(g, lambda, alpha);
  // buyer, report weak, trade: (0.35 + 0.05) * 90 / 0.8 = 45
  CHECK(v[0](1, 0) == Approx(45.0).margin(1e-12));
  // buyer, report strong, trade: (0.15 * 30 - 0.05 * 90) / 0.2 = 0
  CHECK(v[0](1, 1) == Approx(0.0).margin(1e-12));
  CHECK(v[0](0, 0) == 0.0);
  CHECK(v[1].isZero());
  // a dollar is worth 0.5 to everybody: transfers are neutral in the dual
  const auto w = virtual_money_weights(g, lambda, alpha);
  CHECK(w.isApprox(Eigen::MatrixXd::Constant(2, 2, 0.5), 1e-12));
  CHECK(transfer_imbalance(g, lambda, alpha) == Approx(0.0).margin(1e-12));
  // (3.7): p(w) * 45 + p(s) * 0 = 36, the value of the plan (2.1) weighted by lambda
  CHECK(dual_objective(g, lambda, alpha) == Approx(36.0).margin(1e-12));
}

TEST_CASE("participation thresholds and their multipliers", "[mechanism][primal]") {
  const unsigned seed = GENERATE(range(201u, 211u));
  std::mt19937 rng(seed);
  test_support::random_spec spec;
  spec.players = 3;
  spec.types = 2;
  spec.decisions = 5;
  const auto g = test_support::random_problem(spec, seed).grand();
  const auto lambda = test_support::random_weights(g, rng);
  // thresholds: what the status quo and a fraction of the unconstrained optimum give
  const auto free_opt = solve_primal(g, lambda);
  REQUIRE(free_opt.ok());
  type_vectors<> w;
  for (int k = 0; k < g.num_members(); ++k) {
    w.push_back(0.5 * free_opt.interim[static_cast<std::size_t>(k)].cwiseMax(0.0));
  }
  const auto r = solve_primal(g, lambda, w);
  REQUIRE(r.ok());
  INFO("seed " << seed);
  CHECK(r.dual_objective == Approx(r.objective).margin(1e-7));
  for (int k = 0; k < g.num_members(); ++k) {
    const auto& u = r.interim[static_cast<std::size_t>(k)];
    const auto& b = r.beta[static_cast<std::size_t>(k)];
    for (index_t t = 0; t < u.size(); ++t) {
      CHECK(u(t) >= w[static_cast<std::size_t>(k)](t) - 1e-9);
      CHECK(b(t) * (u(t) - w[static_cast<std::size_t>(k)](t)) == Approx(0.0).margin(1e-7));
    }
  }
}

TEST_CASE("primal inputs are validated", "[mechanism][primal][errors]") {
  const auto g = bilateral_trade::price_lottery().grand();
  CHECK_THROWS_AS(solve_primal(g, {Eigen::Vector2d(1, 1)}), dimension_error);
  CHECK_THROWS_AS(solve_primal(g, {Eigen::Vector2d(1, -1), Eigen::VectorXd::Ones(1)}),
                  invalid_argument);
  CHECK_THROWS_AS(solve_primal(g, {Eigen::Vector2d(1, std::nan("")), Eigen::VectorXd::Ones(1)}),
                  non_finite_error);
  incentive_primal p(g);
  CHECK_THROWS_AS(p.set_participation({Eigen::Vector2d(0, std::nan("")), Eigen::VectorXd::Zero(1)}),
                  non_finite_error);
  CHECK_THROWS_AS(p.set_participation({Eigen::Vector3d::Zero(), Eigen::VectorXd::Zero(1)}),
                  dimension_error);
  CHECK_THROWS_AS(p.set_ic_slack(0, 0, 0, 1.0), index_error);
  // unreachable thresholds: the status is reported, nothing is thrown
  p.set_participation({Eigen::Vector2d(100, 100), Eigen::VectorXd::Zero(1)});
  const auto r = p.solve({Eigen::Vector2d(1, 1), Eigen::VectorXd::Ones(1)});
  CHECK(r.lp.status == lp::solve_status::infeasible);
  CHECK_FALSE(r.ok());
}

// --- Statuses that GLPK alone got wrong (the LP seam certifies or retries; lp/solver.hpp) ------

TEST_CASE("a one-type primal with utilities (1/3, 1.17e8, -1e-8) is optimal, not unbounded",
          "[mechanism][primal][lp-status]") {
  // GLPK's scaled simplex claims "unbounded" here; the claim has no ray, so lp::solver retries
  // and certifies the optimum: every player gets 1.17e8 from the middle decision.
  for (const int players : {1, 2}) {
    for (const bool money : {false, true}) {
      const type_space ts(std::vector<index_t>(static_cast<std::size_t>(players), 1));
      bayesian_problem<> problem(prior<>::joint(ts, Eigen::VectorXd::Ones(1)));
      std::vector<Eigen::MatrixXd> tables;
      for (int i = 0; i < players; ++i) {
        Eigen::MatrixXd u(3, 1);
        u << 1.0 / 3.0, 1.17e8, -1e-8;
        tables.push_back(u);
      }
      problem.set_decisions(coalition::grand(players), {"a", "b", "c"}, tables);
      if (players > 1) {
        for (int i = 0; i < players; ++i)
          problem.set_decisions(coalition{i}, {"a"}, {Eigen::MatrixXd::Zero(1, 1)});
      }
      if (money) problem.set_money(budget_rule::ex_post_balanced);
      const type_vectors<double> lambda(static_cast<std::size_t>(players),
                                        Eigen::VectorXd::Ones(1));
      const primal_result r = solve_primal(problem.grand(), lambda);
      INFO("players " << players << ", money " << money << ": " << r.lp.ladder);
      REQUIRE(r.ok());
      CHECK(r.objective == Approx(1.17e8 * players).epsilon(1e-12));
      CHECK(r.lp.check.objective_error <= 1e-7);
    }
  }
}

TEST_CASE("a bounded primal with money is never reported unbounded at the lump-sum knife edge",
          "[mechanism][primal][lp-status]") {
  // With lambda_k(t) = p_k(t) a lump-sum transfer from one player to another changes the
  // objective by sum_t p_k(t) - sum_t p_k'(t) = 0 in exact terms; the double-rounded slope is
  // about 1e-17. The LP is bounded and must come back certified optimal.
  for (unsigned seed = 1; seed <= 40; ++seed) {
    test_support::random_spec spec;
    spec.players = 2 + static_cast<int>(seed % 2);
    spec.types = 3;
    spec.decisions = 4;
    spec.money = budget_rule::ex_post_balanced;
    spec.correlated = seed % 2 == 0;
    const auto g = test_support::random_problem(spec, seed).grand();
    type_vectors<double> lambda;
    for (int k = 0; k < g.num_members(); ++k) {
      Eigen::VectorXd l = Eigen::VectorXd::Zero(g.num_types(k));
      for (index_t j = 0; j < g.num_profiles(); ++j) l(g.types().type_of(j, k)) += g.probability(j);
      lambda.push_back(l);
    }
    const primal_result r = solve_primal(g, lambda);
    INFO("seed " << seed << ": " << r.lp.ladder << " | " << r.message);
    REQUIRE(r.ok());
    CHECK(r.duality_gap <= 1e-7 * (1.0 + std::abs(r.objective)));
    CHECK(r.ic_violation <= 1e-7);
  }
}

TEST_CASE("utilities beyond the LP layer's magnitudes are refused before any engine runs",
          "[mechanism][primal][errors]") {
  // GLPK's scaler would compute a zero scale factor from 1e160 and abort the process.
  const type_space ts(std::vector<index_t>{2});
  bayesian_problem<> problem(prior<>::joint(ts, Eigen::Vector2d(0.5, 0.5)));
  Eigen::MatrixXd u(2, 2);
  u << 1e160, 1.0, 0.0, 2.0;
  problem.set_decisions(coalition::grand(1), {"a", "b"}, {u});
  CHECK_THROWS_AS(solve_primal(problem.grand(), {Eigen::Vector2d(1.0, 1.0)}), invalid_argument);
  CHECK_THROWS_WITH(solve_primal(problem.grand(), {Eigen::Vector2d(1.0, 1.0)}),
                    Catch::Contains("1e+160"));
}
