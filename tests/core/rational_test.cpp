// The templated core in exact arithmetic: Proposition 1 for the plan (2.1) of 003 section 2
// holds with zero residuals, not just within a tolerance.
#include <catch2/catch.hpp>
#include <mechdesign/core/incentives.hpp>
#include <mechdesign/core/rational.hpp>
#include <mechdesign/mechanism/virtual_utility.hpp>

using namespace mechdesign;
using q = rational;

namespace {

bayesian_problem<q> bilateral_trade_exact() {
  prior<q>::vector buyer = prior<q>::vector::Constant(2, q(4, 5));
  buyer(1) = q(1, 5);
  const prior<q>::vector seller = prior<q>::vector::Ones(1);
  bayesian_problem<q> problem(prior<q>::independent({buyer, seller}));
  problem.set_decisions(coalition{0, 1}, {"no trade", "trade"},
                        [](int i, index_t d, const profile& t) -> q {
                          return (d == 1 && i == 0) ? q(t[0] == 0 ? 90 : 30) : q(0);
                        });
  problem.set_decisions(coalition{0}, {"no trade"},
                        [](int, index_t, const profile&) { return q(0); });
  problem.set_decisions(coalition{1}, {"no trade"},
                        [](int, index_t, const profile&) { return q(0); });
  problem.set_money(budget_rule::ex_post_balanced);
  return problem;
}

}  // namespace

TEST_CASE("Proposition 1 holds exactly for the plan (2.1)", "[core][rational][paper][003]") {
  const auto problem = bilateral_trade_exact();
  const auto g = problem.grand();
  mechanism<q> m;
  m.probabilities = mechanism<q>::matrix::Zero(2, 2);
  m.probabilities(1, 0) = 1;        // weak report: trade, pay 45
  m.probabilities(0, 1) = q(1, 2);  // strong report: trade with probability 1/2 at price 0
  m.probabilities(1, 1) = q(1, 2);
  m.transfers = mechanism<q>::matrix::Zero(2, 2);
  m.transfers(0, 0) = -45;
  m.transfers(1, 0) = 45;
  const auto u = interim_utilities(g, m, q(0));
  CHECK(u[0](0) == 45);
  CHECK(u[0](1) == 15);
  CHECK(u[1](0) == 36);
  const auto ic = check_incentive_compatibility(g, m, q(0));
  CHECK(ic.passed);
  CHECK(ic.gains[0](0, 1) == 0);  // the weak type is indifferent to claiming strong
  CHECK(check_individual_rationality(problem, g, m, q(0)).passed);

  const type_vectors<q> lambda = {prior<q>::vector::Constant(2, q(7, 20)),
                                  prior<q>::vector::Constant(1, q(1, 2))};
  type_vectors<q> l = lambda;
  l[0](1) = q(3, 20);
  type_matrices<q> alpha = {mechanism<q>::matrix::Zero(2, 2), mechanism<q>::matrix::Zero(1, 1)};
  alpha[0](0, 1) = q(1, 20);
  const auto c = check_efficiency_conditions(g, m, l, alpha, q(0));
  CHECK(c.passed);
  CHECK(c.complementary_slackness == 0);
  CHECK(c.virtual_optimality == 0);
  CHECK(c.transfer_imbalance == 0);
  CHECK(dual_objective(g, l, alpha) == 36);  // = 0.35*45 + 0.15*15 + 0.5*36
  const auto v = virtual_utility(g, l, alpha);
  CHECK(v[0](1, 0) == 45);
  CHECK(v[0](1, 1) == 0);
}

TEST_CASE("exact priors reject sums that are off by any amount", "[core][rational][errors]") {
  prior<q>::vector p = prior<q>::vector::Constant(3, q(1, 3));
  CHECK_NOTHROW(prior<q>::independent({p}));
  p(2) = q(1, 3) + q(1, 1000000000);
  CHECK_THROWS_AS(prior<q>::independent({p}), distribution_error);
}
