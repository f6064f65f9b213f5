#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/persuasion/problem.hpp>
#include <random>

#include "persuasion/random_environments.hpp"

using namespace mechdesign;
using namespace mechdesign::persuasion;

namespace {
const double nan_value = std::numeric_limits<double>::quiet_NaN();
}  // namespace

TEST_CASE("persuasion: bad problems and structures throw typed errors", "[persuasion][problem]") {
  const Eigen::Vector2d prior(0.5, 0.5);
  const Eigen::Matrix2d ur = Eigen::Matrix2d::Identity();
  const Eigen::Matrix2d u = Eigen::Matrix2d::Ones();
  CHECK_NOTHROW(problem(prior, ur, {u}));
  CHECK_THROWS_AS(problem(Eigen::Vector2d(0.6, 0.6), ur, {u}), distribution_error);
  CHECK_THROWS_AS(problem(Eigen::Vector2d(1.0, 0.0), ur, {u}), zero_probability_error);
  CHECK_THROWS_AS(problem(Eigen::Vector2d(1.2, -0.2), ur, {u}), distribution_error);
  CHECK_THROWS_AS(problem(prior, Eigen::MatrixXd::Ones(2, 3), {u}), dimension_error);
  CHECK_THROWS_AS(problem(prior, ur, {Eigen::MatrixXd::Ones(3, 2)}), dimension_error);
  CHECK_THROWS_AS(problem(prior, ur, {}), mechdesign::invalid_argument);
  Eigen::Matrix2d bad = u;
  bad(1, 0) = nan_value;
  CHECK_THROWS_AS(problem(prior, ur, {bad}), non_finite_error);
  CHECK_THROWS_AS(problem(prior, bad, {u}), non_finite_error);
  const problem p(prior, ur, {u});
  CHECK_THROWS_AS(ex_ante_payoffs(p, Eigen::MatrixXd::Ones(2, 3)), dimension_error);
  CHECK_THROWS_AS(ex_ante_payoffs(p, Eigen::Matrix2d::Ones()), distribution_error);
  CHECK_THROWS_AS(posterior(p, Eigen::Matrix2d::Identity(), 2), index_error);
  Eigen::Matrix2d all0 = Eigen::Matrix2d::Zero();
  all0.col(0).setOnes();
  CHECK_THROWS_AS(posterior(p, all0, 1), zero_probability_error);
  CHECK_THROWS_AS(p.agent(1), index_error);
  // state-dependent payoffs have no action table (Assumption 1)
  CHECK_THROWS_AS(problem(prior, ur, {Eigen::Matrix2d::Identity()}).action_payoffs(), model_error);
}

TEST_CASE("persuasion: electoral campaign payoffs of 000 section 1",
          "[persuasion][problem][paper]") {
  const problem p = catalog::electoral_campaign();
  // full revelation: 3 x 0.1 + 1 x 0.8 + 0 x 0.1 = 1.1 for each party (tolerance 1e-12)
  const information_structure full = full_information(p);
  CHECK(full.isApprox(Eigen::Matrix3d::Identity()));
  const Eigen::VectorXd d = ex_ante_payoffs(p, full);
  CHECK(d(0) == Approx(1.1).margin(1e-12));
  CHECK(d(1) == Approx(1.1).margin(1e-12));
  // no information: the voter elects the Centrist, payoff 1 each
  const information_structure none = no_information(p);
  CHECK(none.col(0).isOnes());
  CHECK(ex_ante_payoffs(p, none).isApprox(Eigen::Vector2d(1.0, 1.0), 1e-12));
  // uniform lottery over outcomes: 3/3 + 1/3 + 0 = 4/3 ~ 1.33 (the paper rounds), not feasible
  const Eigen::MatrixXd u = p.action_payoffs();
  CHECK((u.transpose() * Eigen::Vector3d::Constant(1.0 / 3.0))(0) ==
        Approx(4.0 / 3.0).margin(1e-12));
  // the endorsement rule with 1/8 and 6/8: posterior after "Left" is 0.1/(0.1 + 0.8/8) = 0.5
  information_structure e = Eigen::Matrix3d::Identity();
  e.row(0) << 0.75, 0.125, 0.125;
  const Eigen::VectorXd post = posterior(p, e, 1);
  CHECK(post(1) == Approx(0.5).margin(1e-12));
  CHECK(post(0) == Approx(0.5).margin(1e-12));
  CHECK(information::check_obedience(p.receiver(), p.prior(), e).passed);
  const Eigen::VectorXd x = ex_ante_payoffs(p, e);
  CHECK(x(0) == Approx(1.2).margin(1e-12));
  CHECK(x(1) == Approx(1.2).margin(1e-12));
  // the voter is indifferent after "Left": the rule is IC but not discrete (Definition 1)
  const discreteness_report dr = check_discrete(p, e);
  CHECK(dr.incentive_compatible);
  CHECK_FALSE(dr.discrete);
  CHECK(check_discrete(p, full).discrete);
  CHECK(check_discrete(p, none).discrete);
  // endorsing Left in the Centrist state with 1/4 breaks obedience
  information_structure over = e;
  over.row(0) << 0.5, 0.25, 0.25;
  const information::obedience_report r =
      information::check_obedience(p.receiver(), p.prior(), over);
  CHECK_FALSE(r.passed);
  // posterior (2/3, 1/3, 0) after "Left", which is sent with probability 0.3: gain 0.3 x 1/3
  CHECK(r.worst_gain == Approx(0.3 * (2.0 / 3.0 - 1.0 / 3.0)).margin(1e-12));
  CHECK(r.deviation == 0);
}

TEST_CASE("persuasion: tie-breaking picks the lowest-indexed optimal action",
          "[persuasion][problem]") {
  const problem p = catalog::electoral_campaign();
  const Eigen::Vector3d tie(0.5, 0.5, 0.0);
  CHECK(optimal_actions(p, tie) == std::vector<index_t>{0, 1});
  CHECK(optimal_action(p, tie) == 0);
  CHECK(optimal_action(p, Eigen::Vector3d(0.4, 0.6, 0.0)) == 1);
}

TEST_CASE("persuasion: posteriors average to the prior and payoffs follow eq. (1)",
          "[persuasion][problem]") {
  const unsigned seed = GENERATE(range(1u, 9u));
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  const problem p = persuasion_test::random_state_dependent(rng, 3, 4, 2);
  const information_structure pi = persuasion_test::random_ic_structure(rng, p);
  CHECK(information::check_obedience(p.receiver(), p.prior(), pi, 1e-7).passed);
  const Eigen::VectorXd prob = recommendation_probabilities(p, pi);
  CHECK(prob.sum() == Approx(1.0).margin(1e-12));
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(3);
  Eigen::VectorXd pay = Eigen::VectorXd::Zero(2);
  for (index_t a = 0; a < 4; ++a) {
    if (prob(a) <= 0.0) continue;
    mean += prob(a) * posterior(p, pi, a);
    pay += prob(a) * payoffs_at_belief(p, posterior(p, pi, a), a);
  }
  CHECK(mean.isApprox(p.prior(), 1e-12));  // Bayes plausibility
  CHECK(pay.isApprox(ex_ante_payoffs(p, pi), 1e-12));
}

TEST_CASE("state_independent names a transposed receiver table, not the agents' payoffs",
          "[persuasion][problem]") {
  const Eigen::Vector3d prior(0.2, 0.3, 0.5);
  const Eigen::MatrixXd receiver_transposed = Eigen::MatrixXd::Identity(3, 2);  // |Omega| x |A|
  try {
    (void)mechdesign::persuasion::problem::state_independent(prior, receiver_transposed,
                                                             Eigen::Vector2d(0.0, 1.0));
    FAIL("a transposed receiver table was accepted");
  } catch (const mechdesign::dimension_error& e) {
    const std::string what = e.what();
    CHECK(what.find("receiver table is 3x2") != std::string::npos);
    CHECK(what.find("transposed") != std::string::npos);
  }
}
