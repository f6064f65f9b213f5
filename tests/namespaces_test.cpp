// Every public namespace opened at once: the names that used to be defined in two of them
// (issue 11) now resolve to exactly one entity each, so this file compiles with no qualification.
#include <catch2/catch.hpp>
#include <mechdesign/mechdesign.hpp>
#include <type_traits>

using namespace mechdesign;
using namespace mechdesign::lp;
using namespace mechdesign::persuasion;
using namespace mechdesign::pricing;
using namespace mechdesign::bargaining;
using namespace mechdesign::data_monetization;
using namespace mechdesign::information;

TEST_CASE("namespaces: every public namespace opens at once without ambiguity", "[namespaces]") {
  // status vocabularies: the library's and the LP layer's
  STATIC_REQUIRE(std::is_same_v<decltype(status::success), mechdesign::status>);
  STATIC_REQUIRE(std::is_same_v<decltype(solve_status::optimal), mechdesign::lp::solve_status>);
  // results of incentive efficiency (003) and of 002's Λ-weighted efficiency
  STATIC_REQUIRE(std::is_same_v<efficiency_result, mechdesign::efficiency_result>);
  STATIC_REQUIRE(std::is_same_v<lambda_optimum, mechdesign::bargaining::lambda_optimum>);
  // environments: 004's selling-information model and 002's bargaining environment
  STATIC_REQUIRE(std::is_same_v<environment, mechdesign::pricing::environment>);
  STATIC_REQUIRE(
      std::is_same_v<bargaining_environment, mechdesign::bargaining::bargaining_environment>);
  // problem builders and uninformative benchmarks
  const auto env = bargaining_environment::binary(0.0, 1.0, 0.5, 2.0, 0.5);
  const bayesian_problem<double> g = to_bayesian_problem(env, beliefs::binary(0.5, 0.5));
  CHECK(g.num_players() == 2);
  const data_monetization::game lq(2, 0.25, gaussian_prior{});
  CHECK(uninformative(lq).state_weight == 0.0);
  CHECK(obedience_residuals_of(lq, uninformative(lq)).obedient());
  // one obedience check for finite experiments (000 and 004), another name for 001's residuals
  const Eigen::Matrix2d payoff = Eigen::Matrix2d::Identity();  // match the state
  const obedience_report o =
      check_obedience(payoff, Eigen::Vector2d(0.5, 0.5), Eigen::Matrix2d::Identity());
  CHECK(o.passed);
  STATIC_REQUIRE(std::is_same_v<obedience_report, mechdesign::information::obedience_report>);
  // validate() is an overload set across namespaces, resolved by argument type
  solver_options options;
  CHECK_NOTHROW(validate(options));
  // results share one contract
  STATIC_REQUIRE(std::is_base_of_v<result_base, gap_result>);
  STATIC_REQUIRE(std::is_base_of_v<result_base, optimal_mechanism>);
  STATIC_REQUIRE(std::is_base_of_v<result_base, root_bracket>);
  CHECK_FALSE(gap_result{}.ok());
  CHECK(gap_result{}.status == status::not_computed);
}
