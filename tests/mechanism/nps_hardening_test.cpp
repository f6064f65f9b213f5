// Issue 16 regressions of the neutral procedural solution: sizes are refused before anything is
// allocated, and a solution of another problem is refused with a typed error instead of an
// Eigen assertion.
#include <catch2/catch.hpp>
#include <mechdesign/mechanism/neutral_procedural.hpp>
#include <mechdesign/mechanism/nps_certificate.hpp>

using namespace mechdesign;

namespace {

bayesian_problem<> nps_hardening_problem(index_t types0) {
  Eigen::VectorXd m0 = Eigen::VectorXd::Constant(types0, 1.0 / static_cast<double>(types0));
  bayesian_problem<> g(prior<>::independent({m0, Eigen::Vector2d(0.5, 0.5)}));
  const index_t n = g.types().num_profiles();
  Eigen::MatrixXd u0(2, n), u1(2, n);
  u0.row(0).setZero();
  u1.row(0).setZero();
  for (index_t j = 0; j < n; ++j) {
    u0(1, j) = 1.0 + static_cast<double>(j % 3);
    u1(1, j) = 2.0 - static_cast<double>(j % 2);
  }
  g.set_decisions(coalition{0, 1}, {"q", "a"}, {u0, u1});
  g.set_decisions(coalition{0}, {"q"}, {Eigen::MatrixXd::Zero(1, n)});
  g.set_decisions(coalition{1}, {"q"}, {Eigen::MatrixXd::Zero(1, n)});
  return g;
}

}  // namespace

TEST_CASE("NPS: 30 one-type players are refused at once, 3 with a missing coalition too",
          "[mechanism][nps][hardening]") {
  bayesian_problem<> big(
      prior<>::independent(std::vector<Eigen::VectorXd>(30, Eigen::VectorXd::Ones(1))));
  big.set_decisions(coalition::grand(30), {"q"},
                    std::vector<Eigen::MatrixXd>(30, Eigen::MatrixXd::Zero(1, 1)));
  CHECK_THROWS_AS(neutral_procedural_solution(big), dimension_error);
  bayesian_problem<> three(
      prior<>::independent(std::vector<Eigen::VectorXd>(3, Eigen::VectorXd::Ones(1))));
  three.set_decisions(coalition::grand(3), {"q"},
                      std::vector<Eigen::MatrixXd>(3, Eigen::MatrixXd::Zero(1, 1)));
  CHECK_THROWS_WITH(neutral_procedural_solution(three),
                    Catch::Contains("neutral_procedural_solution") && Catch::Contains("{0}"));
}

TEST_CASE("NPS: another problem's nps_result is refused by the checker and the certifier",
          "[mechanism][nps][hardening]") {
  const auto two = nps_hardening_problem(2);
  const auto three = nps_hardening_problem(3);
  const nps_result solved = neutral_procedural_solution(two);
  REQUIRE(solved.ok());
  CHECK(check_neutral_procedural(two, solved).passed);
  CHECK_THROWS_AS(check_neutral_procedural(three, solved), model_error);
  const coalition n{0, 1};
  const mechanism<> plan = mechanism<>::constant(three.restrict_to(n), 1);
  CHECK_THROWS_AS(certify_neutral_procedural(three, solved, n, plan), model_error);
}
