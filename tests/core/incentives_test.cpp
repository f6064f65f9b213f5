#include <catch2/catch.hpp>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/core/incentives.hpp>

using namespace mechdesign;
using namespace mechdesign::catalog;

namespace {

// Trade at every report with the given expected payments (money model of 003 section 2).
mechanism<> sell_to_both(double price_weak, double price_strong) {
  mechanism<> m;
  m.probabilities.resize(2, 2);
  m.probabilities << 0, 0, 1, 1;  // rows: no trade, trade; columns: report weak, strong
  m.transfers.resize(2, 2);
  m.transfers << -price_weak, -price_strong, price_weak, price_strong;
  return m;
}

}  // namespace

TEST_CASE("interim utilities with misreports (3.1)", "[core][incentives]") {
  const auto g = bilateral_trade::with_money().grand();
  const auto m = sell_to_both(90, 30);
  const Eigen::MatrixXd u = misreport_utilities(g, m, 0);
  // weak (value 90): truthful 0, as strong 90 - 30 = 60; strong (value 30): as weak 30 - 90
  CHECK(u(0, 0) == Approx(0.0).margin(1e-12));
  CHECK(u(0, 1) == Approx(60.0).margin(1e-12));
  CHECK(u(1, 1) == Approx(0.0).margin(1e-12));
  CHECK(u(1, 0) == Approx(-60.0).margin(1e-12));
  const auto interim = interim_utilities(g, m);
  CHECK(interim[1](0) == Approx(0.8 * 90 + 0.2 * 30).margin(1e-12));
}

TEST_CASE("full surplus extraction is not incentive compatible (003 section 2)",
          "[core][incentives]") {
  const auto g = bilateral_trade::with_money().grand();
  const auto rep = check_incentive_compatibility(g, sell_to_both(90, 30));
  CHECK_FALSE(rep.passed);
  CHECK(rep.worst_violation == Approx(60.0).margin(1e-12));
  CHECK(rep.player == 0);
  CHECK(rep.type == 0);
  CHECK(rep.report == 1);
  CHECK(rep.gains[0](0, 1) == Approx(60.0).margin(1e-12));
  // one posted price is IC
  CHECK(check_incentive_compatibility(g, sell_to_both(30, 30)).passed);
}

TEST_CASE("individual rationality (3.3) names the worst-off type", "[core][incentives]") {
  const auto problem = bilateral_trade::with_money();
  const auto g = problem.grand();
  const auto rep = check_individual_rationality(problem, g, sell_to_both(100, 30));
  CHECK_FALSE(rep.passed);
  CHECK(rep.player == 0);
  CHECK(rep.type == 0);
  CHECK(rep.worst_violation == Approx(10.0).margin(1e-12));
  CHECK(rep.surplus[1](0) == Approx(0.8 * 100 + 0.2 * 30).margin(1e-12));
  CHECK(check_individual_rationality(problem, g, sell_to_both(30, 30)).passed);
  CHECK_THROWS_AS(check_individual_rationality(g, sell_to_both(30, 30), {Eigen::Vector2d::Zero()}),
                  dimension_error);
}

TEST_CASE("correlated beliefs enter the interim utility", "[core][incentives]") {
  const type_space ts({2, 2});
  const auto p = prior<>::joint(ts, Eigen::Vector4d(0.4, 0.1, 0.2, 0.3));
  bayesian_problem<> problem(p);
  // player 0 gets t_1 + 1 from decision 1 and 0 from decision 0
  problem.set_decisions(coalition{0, 1}, {"0", "1"}, [](int i, index_t d, const profile& t) {
    return (i == 0 && d == 1) ? static_cast<double>(t[1] + 1) : 0.0;
  });
  const auto g = problem.grand();
  mechanism<> m = mechanism<>::constant(g, 1);
  const auto u = interim_utilities(g, m);
  // E[t_1 + 1 | t_0 = 0] = 1 + 0.2/0.6; E[t_1 + 1 | t_0 = 1] = 1 + 0.3/0.4
  CHECK(u[0](0) == Approx(1 + 0.2 / 0.6).margin(1e-15));
  CHECK(u[0](1) == Approx(1 + 0.3 / 0.4).margin(1e-15));
}

TEST_CASE("IC checks run in long double", "[core][incentives][scalar]") {
  using ld = long double;
  using vec = prior<ld>::vector;
  std::vector<vec> marginals(2);
  marginals[0] = vec::Constant(2, 0.8L);
  marginals[0](1) = 0.2L;
  marginals[1] = vec::Ones(1);
  bayesian_problem<ld> problem(prior<ld>::independent(std::move(marginals)));
  problem.set_decisions(coalition{0, 1}, {"no trade", "trade at 0", "trade at 90"},
                        [](int i, index_t d, const profile& t) -> ld {
                          if (d == 0) return 0;
                          const ld price = d == 2 ? 90 : 0;
                          return i == 0 ? (t[0] == 0 ? 90 : 30) - price : price;
                        });
  const auto g = problem.grand();
  mechanism<ld> m;
  // the random dictatorship plan (2.1): weak report trades at 0 or 90 with probability 1/2
  // each; strong report trades at 0 with probability 1/2
  m.probabilities = mechanism<ld>::matrix::Constant(3, 2, 0.5L);
  m.probabilities(0, 0) = 0;
  m.probabilities(2, 1) = 0;
  const auto rep = check_incentive_compatibility(g, m, ld(1e-15));
  CHECK(rep.passed);
  const auto u = interim_utilities(g, m);
  CHECK(static_cast<double>(u[0](0)) == Approx(45.0).margin(1e-15));
  CHECK(static_cast<double>(u[0](1)) == Approx(15.0).margin(1e-15));
  CHECK(static_cast<double>(u[1](0)) == Approx(36.0).margin(1e-14));
}

TEST_CASE("malformed mechanisms are rejected before use", "[core][mechanism][errors]") {
  const auto money = bilateral_trade::with_money().grand();
  const auto lottery = bilateral_trade::price_lottery().grand();
  mechanism<> m = sell_to_both(30, 30);
  CHECK_NOTHROW(validate_mechanism(money, m));
  mechanism<> bad = m;
  bad.probabilities.resize(3, 2);
  CHECK_THROWS_AS(validate_mechanism(money, bad), dimension_error);
  bad = m;
  bad.probabilities(0, 1) = -0.1;
  bad.probabilities(1, 1) = 1.1;
  CHECK_THROWS_AS(validate_mechanism(money, bad), distribution_error);
  bad = m;
  bad.probabilities(0, 0) = 0.5;
  CHECK_THROWS_AS(validate_mechanism(money, bad), distribution_error);
  bad = m;
  bad.probabilities(0, 0) = std::nan("");
  CHECK_THROWS_AS(validate_mechanism(money, bad), non_finite_error);
  bad = m;
  bad.transfers.resize(0, 0);
  CHECK_THROWS_AS(validate_mechanism(money, bad), dimension_error);
  bad = m;
  bad.transfers(1, 0) = 100;  // seller receives more than the buyer pays
  CHECK_THROWS_AS(validate_mechanism(money, bad), model_error);
  mechanism<> lot = mechanism<>::constant(lottery, 0);
  CHECK_NOTHROW(validate_mechanism(lottery, lot));
  lot.transfers = Eigen::MatrixXd::Zero(2, 2);
  CHECK_THROWS_AS(validate_mechanism(lottery, lot), model_error);
  CHECK_THROWS_AS(misreport_utilities(money, m, 2), index_error);
  CHECK_THROWS_AS(mechanism<>::constant(lottery, 3), index_error);
}
