#include <catch2/catch.hpp>
#include <mechdesign/core/problem.hpp>

using namespace mechdesign;

namespace {

// Three players with two types each; u_i(d, t) = d + 10 t_0 + 100 t_2 + 1000 i.
bayesian_problem<> three_players(const prior<>& p) {
  bayesian_problem<> problem(p);
  auto u = [](int i, index_t d, const profile& t) {
    return static_cast<double>(d + 10 * t[0] + 100 * t[2] + 1000 * i);
  };
  problem.set_decisions(coalition{0, 1}, {"a", "b"}, u);
  problem.set_decisions(coalition::grand(3), {"a", "b", "c"}, u);
  return problem;
}

}  // namespace

TEST_CASE("coalition restriction averages out the outsiders' types (003 before (3.1))",
          "[core][problem]") {
  const auto p = prior<>::independent(
      {Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.25, 0.75)});
  const auto problem = three_players(p);
  const auto g = problem.restrict_to(coalition{0, 1});
  REQUIRE(g.num_members() == 2);
  REQUIRE(g.num_profiles() == 4);
  REQUIRE(g.num_decisions() == 2);
  // u^S_0(d, t_S) = d + 10 t_0 + 100 E[t_2] = d + 10 t_0 + 75
  for (index_t j = 0; j < 4; ++j) {
    const index_t t0 = g.types().type_of(j, 0);
    for (index_t d = 0; d < 2; ++d) {
      CHECK(g.utility(0)(d, j) == Approx(static_cast<double>(d + 10 * t0 + 75)).margin(1e-12));
      CHECK(g.utility(1)(d, j) == Approx(static_cast<double>(d + 10 * t0 + 1075)).margin(1e-12));
    }
  }
  // the grand coalition is not averaged at all
  const auto n = problem.grand();
  CHECK(n.utility(2)(2, n.types().index({1, 0, 1})) == 2 + 10 + 100 + 2000);
}

TEST_CASE("with correlated types the restriction uses p(t_-S | t_S)", "[core][problem]") {
  const type_space ts({2, 2, 2});
  Eigen::VectorXd table(8);
  // t_2 equals t_0 with probability 0.9
  for (index_t k = 0; k < 8; ++k) {
    const profile t = ts.decode(k);
    table(k) = 0.25 * (t[2] == t[0] ? 0.9 : 0.1);
  }
  const auto problem = three_players(prior<>::joint(ts, table));
  const auto g = problem.restrict_to(coalition{0, 1});
  const index_t j = g.types().index({1, 0});  // t_0 = 1: E[t_2 | t_S] = 0.9
  CHECK(g.utility(0)(0, j) == Approx(10 + 90.0).margin(1e-12));
  CHECK(g.belief(0, j) == Approx(0.5).margin(1e-15));
}

TEST_CASE("callable and table utilities agree", "[core][problem]") {
  const auto p = prior<>::independent({Eigen::Vector2d(0.3, 0.7), Eigen::Vector2d(0.6, 0.4)});
  bayesian_problem<> a(p), b(p);
  auto u = [](int i, index_t d, const profile& t) {
    return i == 0 ? d * 1.5 - t[1] : d + t[0] * 2.0;
  };
  a.set_decisions(coalition{0, 1}, {"x", "y"}, u);
  Eigen::MatrixXd u0(2, 4), u1(2, 4);
  for (index_t j = 0; j < 4; ++j) {
    const profile t = p.types().decode(j);
    for (index_t d = 0; d < 2; ++d) {
      u0(d, j) = u(0, d, t);
      u1(d, j) = u(1, d, t);
    }
  }
  b.set_decisions(coalition{0, 1}, {"x", "y"}, {u0, u1});
  CHECK(a.grand().utility(0) == b.grand().utility(0));
  CHECK(a.grand().utility(1) == b.grand().utility(1));
}

TEST_CASE("reservation utilities are the best singleton decisions (3.3)", "[core][problem]") {
  const auto p = prior<>::independent({Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5)});
  bayesian_problem<> problem(p);
  problem.set_decisions(coalition{0}, {"stay", "leave"},
                        [](int, index_t d, const profile& t) { return d == 0 ? 1.0 : 3.0 * t[0]; });
  CHECK(problem.reservation_utility(0).isApprox(Eigen::Vector2d(1.0, 3.0), 1e-15));
  CHECK_THROWS_AS(problem.reservation_utility(1), model_error);
}

TEST_CASE("superadditivity is checked in payoff terms", "[core][problem]") {
  const auto p = prior<>::independent({Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5)});
  bayesian_problem<> problem(p);
  auto solo = [](int i, index_t d, const profile& t) { return static_cast<double>(d + i + t[i]); };
  problem.set_decisions(coalition{0}, {"0", "1"}, solo);
  problem.set_decisions(coalition{1}, {"0"}, solo);
  // D_N contains (0,0) and (1,0): superadditive
  problem.set_decisions(coalition{0, 1}, {"(0,0)", "(1,0)", "joint"},
                        [&](int i, index_t d, const profile& t) {
                          if (d == 2) return 5.0;
                          return i == 0 ? solo(0, d, t) : solo(1, 0, t);
                        });
  CHECK(problem.check_superadditivity().passed);
  // without (1,0) it is not
  problem.set_decisions(coalition{0, 1}, {"(0,0)", "joint"},
                        [&](int i, index_t d, const profile& t) {
                          if (d == 1) return 5.0;
                          return i == 0 ? solo(0, 0, t) : solo(1, 0, t);
                        });
  const auto rep = problem.check_superadditivity();
  CHECK_FALSE(rep.passed);
  CHECK(rep.decision_r == 1);
  CHECK(rep.r == coalition{0});
}

TEST_CASE("problems reject malformed decisions and utilities", "[core][problem][errors]") {
  const auto p = prior<>::independent({Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5)});
  bayesian_problem<> problem(p);
  const Eigen::MatrixXd ok = Eigen::MatrixXd::Zero(2, 4);
  CHECK_THROWS_AS(problem.set_decisions(coalition{0, 1}, {"a", "b"}, {ok}), dimension_error);
  CHECK_THROWS_AS(problem.set_decisions(coalition{0, 1}, {"a"}, {ok, ok}), dimension_error);
  CHECK_THROWS_AS(problem.set_decisions(coalition{0, 1}, {}, std::vector<Eigen::MatrixXd>{}),
                  model_error);
  Eigen::MatrixXd bad = ok;
  bad(1, 3) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(problem.set_decisions(coalition{0, 1}, {"a", "b"}, {ok, bad}), non_finite_error);
  CHECK_THROWS_AS(problem.set_decisions(coalition{0, 2}, {"a", "b"}, {ok, ok}), index_error);
  CHECK_THROWS_AS(problem.restrict_to(coalition{0, 1}), model_error);
  try {
    problem.set_decisions(coalition{0, 1}, {"a", "b"}, {ok, bad});
  } catch (const non_finite_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("player 1") && Catch::Contains("profile 3"));
  }
}
