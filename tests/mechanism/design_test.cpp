// design_mechanism: textbook models stated directly — Myerson's optimal auction under Bayesian
// and dominant-strategy IC, the Myerson–Satterthwaite impossibility as an implementability
// question with its Farkas certificate, user constraints, and bad input.
#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/mechanism/design.hpp>
#include <mechdesign/mechanism/format.hpp>
#include <mechdesign/mechanism/textbook.hpp>
#include <string>
#include <vector>

using namespace mechdesign;

namespace {

constexpr double design_tol = 1e-9;

// Two bidders with values {1, 2, 3}, uniform and independent; decisions: keep, 0 wins, 1 wins.
coalition_problem<double> two_bidder_auction() {
  const Eigen::Vector3d values(1.0, 2.0, 3.0);
  const Eigen::VectorXd uniform = Eigen::VectorXd::Constant(3, 1.0 / 3.0);
  const prior<double> beliefs = prior<double>::independent({uniform, uniform});
  std::vector<Eigen::MatrixXd> u(2, Eigen::MatrixXd::Zero(3, 9));
  for (index_t j = 0; j < 9; ++j) {
    for (int k = 0; k < 2; ++k)
      u[static_cast<std::size_t>(k)](1 + k, j) = values(beliefs.types().type_of(j, k));
  }
  return coalition_problem<double>(coalition::grand(2), beliefs, {"keep", "bidder 0", "bidder 1"},
                                   u, budget_rule::ex_post_no_deficit);
}

// Buyer values {1, 2, 3}, seller costs {0.5, 1.5, 2.5}, uniform and independent; decisions: no
// trade, trade; money with an ex-post balanced budget.
coalition_problem<double> three_type_trade() {
  const Eigen::Vector3d value(1.0, 2.0, 3.0), cost(0.5, 1.5, 2.5);
  const Eigen::VectorXd uniform = Eigen::VectorXd::Constant(3, 1.0 / 3.0);
  const prior<double> beliefs = prior<double>::independent({uniform, uniform});
  std::vector<Eigen::MatrixXd> u(2, Eigen::MatrixXd::Zero(2, 9));
  for (index_t j = 0; j < 9; ++j) {
    u[0](1, j) = value(beliefs.types().type_of(j, 0));
    u[1](1, j) = -cost(beliefs.types().type_of(j, 1));
  }
  return coalition_problem<double>(coalition::grand(2), beliefs, {"no trade", "trade"}, u,
                                   budget_rule::ex_post_balanced);
}

// E[max(φ_1, φ_2, 0)] with the discrete virtual values φ(v_i) = v_i − (v_{i+1} − v_i)(1 −
// F(v_i))/p_i.
double virtual_value_revenue() {
  const double v[3] = {1.0, 2.0, 3.0};
  double phi[3];
  for (int i = 0; i < 3; ++i) {
    const double above = (2.0 - i) / 3.0;
    phi[i] = i == 2 ? v[i] : v[i] - (v[i + 1] - v[i]) * above / (1.0 / 3.0);
  }
  double revenue = 0.0;
  for (int a = 0; a < 3; ++a) {
    for (int b = 0; b < 3; ++b) revenue += std::max({phi[a], phi[b], 0.0}) / 9.0;
  }
  return revenue;
}

}  // namespace

TEST_CASE("design: Myerson's optimal auction, Bayesian and dominant-strategy IC",
          "[mechanism][design][textbook]") {
  const auto g = two_bidder_auction();
  REQUIRE(virtual_value_revenue() == Approx(2.0).margin(1e-12));
  for (const bool dominant : {false, true}) {
    INFO((dominant ? "DSIC + ex-post IR" : "BIC + interim IR"));
    design_options o;
    o.incentives = dominant ? incentive_family::dominant_strategy : incentive_family::bayesian;
    o.participation = dominant ? participation_family::ex_post : participation_family::interim;
    const design_result r = design_mechanism(g, expected_revenue(g), o);
    INFO(r.message);
    REQUIRE(r.ok());
    CHECK(r.objective == Approx(virtual_value_revenue()).margin(design_tol));
    CHECK(fmt::format("{}", r).rfind(
              fmt::format("mechanism design optimal: objective {:.10g}", r.objective), 0) == 0);
    CHECK(r.ic_violation <= 1e-9);
    CHECK(r.ir_violation <= 1e-9);
    if (dominant) {  // every bidder's ex-post utility is non-negative at every profile
      for (index_t j = 0; j < g.num_profiles(); ++j) {
        for (int k = 0; k < 2; ++k) {
          const double ux = r.optimal_mechanism.probabilities.col(j).dot(g.utility(k).col(j)) +
                            r.optimal_mechanism.transfers(k, j);
          CHECK(ux >= -1e-9);
        }
      }
    }
    // the good is never sold to a bidder whose virtual value is negative (value 1) unless the
    // other's is lower: at (1, 1) the seller keeps it
    CHECK(r.optimal_mechanism.probabilities(0, 0) == Approx(1.0).margin(1e-9));
  }
}

TEST_CASE("design: without participation constraints revenue is unbounded, and says why",
          "[mechanism][design]") {
  const auto g = two_bidder_auction();
  design_options o;
  o.participation = participation_family::none;
  const design_result r = design_mechanism(g, expected_revenue(g), o);
  CHECK(r.status == status::unbounded);
  CHECK(r.message.find("participation") != std::string::npos);
  CHECK(fmt::format("{}", r).rfind("mechanism design unbounded: ", 0) == 0);
  CHECK(r.lp.ray.size() == r.lp.x.size());
}

TEST_CASE("design: Myerson–Satterthwaite, efficient trade is not implementable",
          "[mechanism][design][textbook]") {
  const auto g = three_type_trade();
  // the first best: E[(v − c)+] = 7/9
  Eigen::MatrixXd efficient(2, 9);
  double first_best = 0.0;
  for (index_t j = 0; j < 9; ++j) {
    const double gain = g.utility(0)(1, j) + g.utility(1)(1, j);
    efficient(1, j) = gain > 0 ? 1.0 : 0.0;
    efficient(0, j) = 1.0 - efficient(1, j);
    first_best += g.probability(j) * std::max(gain, 0.0);
  }
  CHECK(first_best == Approx(7.0 / 9.0).margin(1e-12));
  design_options o;
  o.participation = participation_family::interim;
  o.fixed_allocation = efficient;
  const design_result fixed = design_mechanism(g, expected_welfare(g), o);
  CHECK(fixed.status == status::infeasible);
  CHECK(fixed.lp.check.passed);  // the Farkas ray was re-checked from the model data
  CHECK(fixed.lp.farkas.size() == design_model(g, expected_welfare(g), o).num_rows());
  // the second best, with the allocation free: strictly below the first best
  o.fixed_allocation.reset();
  const design_result best = design_mechanism(g, expected_welfare(g), o);
  REQUIRE(best.ok());
  CHECK(best.objective == Approx(20.0 / 27.0).margin(design_tol));  // 0.7407
  CHECK(best.objective < first_best - 0.03);
  CHECK(best.ic_violation <= 1e-9);
  CHECK(best.ir_violation <= 1e-9);
}

TEST_CASE("design: user constraints and the independent re-check", "[mechanism][design]") {
  const auto g = two_bidder_auction();
  design_options o;
  o.participation = participation_family::interim;
  // the seller keeps the good with probability at most 1/20
  mechanism_constraint keep = {zero_functional(g), -lp::inf, 0.05, "keep at most 5%"};
  for (index_t j = 0; j < g.num_profiles(); ++j)
    keep.functional.on_probabilities(0, j) = g.probability(j);
  o.constraints.push_back(keep);
  const design_result r = design_mechanism(g, expected_revenue(g), o);
  REQUIRE(r.ok());
  CHECK(keep.functional.value(r.optimal_mechanism) <= 0.05 + 1e-9);
  CHECK(r.constraint_violation <= 1e-9);
  CHECK(r.objective < 2.0 - 1e-6);  // selling more often costs revenue
  CHECK(r.objective > 1.5);
  const lp::model m = design_model(g, expected_revenue(g), o);
  CHECK(m.row_name(m.num_rows() - 1) == "keep at most 5%");
}

TEST_CASE("design: bad input is refused before any LP", "[mechanism][design]") {
  const auto g = two_bidder_auction();
  mechanism_functional wrong = zero_functional(g);
  wrong.on_probabilities.resize(2, 9);
  CHECK_THROWS_AS(design_mechanism(g, wrong), dimension_error);
  mechanism_functional nan = expected_revenue(g);
  nan.on_transfers(0, 0) = std::nan("");
  CHECK_THROWS_AS(design_mechanism(g, nan), non_finite_error);
  design_options o;
  o.tolerance = std::nan("");
  CHECK_THROWS_AS(design_mechanism(g, expected_revenue(g), o), non_finite_error);
  o.tolerance = 1e-7;
  o.reservation = {Eigen::VectorXd::Zero(3)};
  CHECK_THROWS_AS(design_mechanism(g, expected_revenue(g), o), dimension_error);
  o.reservation.clear();
  o.fixed_allocation = Eigen::MatrixXd::Constant(3, 9, 0.5);  // columns sum to 1.5
  CHECK_THROWS_AS(design_mechanism(g, expected_revenue(g), o), distribution_error);
  o.fixed_allocation.reset();
  o.constraints.push_back({zero_functional(g), 1.0, 0.0, "empty"});
  CHECK_THROWS_AS(design_mechanism(g, expected_revenue(g), o), mechdesign::invalid_argument);
  CHECK_THROWS_AS(expected_utility(g, 2), index_error);
  const auto no_money = coalition_problem<double>(
      coalition::grand(1), prior<double>::independent({Eigen::Vector2d(0.5, 0.5)}), {"a", "b"},
      {Eigen::MatrixXd::Zero(2, 2)});
  CHECK_THROWS_AS(expected_revenue(no_money), model_error);
}

TEST_CASE("textbook: optimal_auction, trade_problem and efficient_trade_implementable",
          "[mechanism][design][textbook]") {
  const Eigen::Vector3d values(1.0, 2.0, 3.0);
  const Eigen::VectorXd uniform = Eigen::VectorXd::Constant(3, 1.0 / 3.0);
  const design_result dsic = optimal_auction({values, values}, {uniform, uniform});
  REQUIRE(dsic.ok());
  CHECK(dsic.objective == Approx(2.0).margin(design_tol));  // Myerson: revenue 2, reserve 2
  design_options bic;
  bic.participation = participation_family::interim;
  const design_result b = optimal_auction({values, values}, {uniform, uniform}, bic);
  REQUIRE(b.ok());
  CHECK(b.objective == Approx(2.0).margin(design_tol));
  // one bidder: the optimal posted price for values {1, 2, 3} uniform is 2 (revenue 4/3)
  const design_result one = optimal_auction({values}, {uniform});
  REQUIRE(one.ok());
  CHECK(one.objective == Approx(4.0 / 3.0).margin(design_tol));
  const auto g = trade_problem(values, uniform, Eigen::Vector3d(0.5, 1.5, 2.5), uniform);
  const design_result ms = efficient_trade_implementable(g);
  CHECK(ms.status == status::infeasible);
  CHECK(ms.lp.check.passed);
  // a seller whose cost is always below every value: always trading at a price between the
  // highest cost and the lowest value is efficient and implementable
  const auto easy =
      trade_problem(values, uniform, Eigen::Vector2d(0.1, 0.5), Eigen::Vector2d(0.5, 0.5));
  const design_result ok = efficient_trade_implementable(easy);
  REQUIRE(ok.ok());
  CHECK(ok.ic_violation <= 1e-9);
  CHECK(ok.ir_violation <= 1e-9);
  // the builders make exactly the problems written out by hand above
  const auto built = auction_problem({values, values}, {uniform, uniform});
  const auto by_hand = two_bidder_auction();
  for (int k = 0; k < 2; ++k) CHECK(built.utility(k) == by_hand.utility(k));
  CHECK(built.money() == by_hand.money());
  for (int k = 0; k < 2; ++k) CHECK(g.utility(k) == three_type_trade().utility(k));
  CHECK(efficient_trade(g) == efficient_trade(three_type_trade()));
  CHECK_THROWS_AS(auction_problem({values}, {uniform, uniform}), dimension_error);
  CHECK_THROWS_AS(auction_problem({}, {}), mechdesign::invalid_argument);
  CHECK_THROWS_AS(efficient_trade(auction_problem({values}, {uniform})), dimension_error);
}
