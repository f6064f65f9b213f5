#include <catch2/catch.hpp>
#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/persuasion/agreement_conditions.hpp>
#include <mechdesign/persuasion/beneficial.hpp>
#include <mechdesign/persuasion/dominance.hpp>
#include <random>

#include "persuasion/random_environments.hpp"

using namespace mechdesign;
using namespace mechdesign::persuasion;

namespace {

// The lottery of Theorem 1 (ii) verified from scratch: a distribution on attainable actions
// whose payoffs beat d by the reported surplus.
void verify_lottery(const problem& p, const lottery_result& r) {
  const Eigen::MatrixXd u = p.action_payoffs();
  CHECK(r.lottery.minCoeff() >= 0.0);
  CHECK(r.lottery.sum() == Approx(1.0).margin(1e-12));
  for (index_t a = 0; a < p.num_actions(); ++a) {
    if (r.lottery(a) <= 0.0) continue;
    CHECK(r.attainable[static_cast<std::size_t>(a)]);
    // the witness belief makes a optimal for the receiver
    const Eigen::VectorXd v = receiver_values(p, r.beliefs.col(a));
    CHECK(v(a) >= v.maxCoeff() - 1e-9);
  }
  const Eigen::VectorXd gains = u.transpose() * r.lottery - r.disagreement;
  CHECK(gains.minCoeff() == Approx(r.surplus).margin(1e-9));
}

// The certificate of Theorem 1 (iii) failing, verified from scratch.
void verify_certificate(const problem& p, const lottery_result& r) {
  const Eigen::MatrixXd u = p.action_payoffs();
  CHECK(r.weights.minCoeff() >= 0.0);
  CHECK(r.weights.sum() == Approx(1.0).margin(1e-12));
  for (index_t a = 0; a < p.num_actions(); ++a) {
    if (!r.attainable[static_cast<std::size_t>(a)]) continue;
    CHECK(r.weights.dot(u.row(a).transpose() - r.disagreement) <= 1e-9);
  }
}

}  // namespace

TEST_CASE("persuasion: electoral campaign has a beneficial agreement (Theorem 1, Lemma 1)",
          "[persuasion][beneficial][paper]") {
  const problem p = catalog::electoral_campaign();
  const information_structure full = full_information(p);
  const agreement_test t = beneficial_agreement_test(p, full);
  REQUIRE(t.lottery.ok());
  CHECK(t.hypotheses_hold());
  CHECK(t.lottery.beneficial);
  verify_lottery(p, t.lottery);
  // the best lottery mixes the two party wins: 1.5 each, surplus 0.4 over d = 1.1 (1e-9)
  CHECK(t.lottery.surplus == Approx(0.4).margin(1e-9));
  const constructed_agreement c = construct_agreement(p, full, t.lottery);
  CHECK(c.ic.passed);
  CHECK(c.beneficial);
  CHECK(c.gains.minCoeff() > 0.0);
  // Lemma 1's payoffs: gamma * lottery + (1 - gamma) * d
  CHECK(c.payoffs.isApprox(c.gamma * t.lottery.payoffs + (1.0 - c.gamma) * t.lottery.disagreement,
                           1e-9));
  // the direct LP: the best equal gain is the endorsement rule's 1.2 - 1.1 = 0.1 (1e-9)
  const dominance_result dm = find_beneficial_structure(p, t.lottery.disagreement);
  REQUIRE(dm.ok());
  CHECK(dm.beneficial);
  CHECK(dm.surplus == Approx(0.1).margin(1e-9));
  CHECK(dm.payoffs.isApprox(Eigen::Vector2d(1.2, 1.2), 1e-9));
}

TEST_CASE("persuasion: three-party coalition of 000 section 3.2 (Theorem 2 with pairs)",
          "[persuasion][beneficial][paper]") {
  const problem p = catalog::three_parties();
  const information_structure full = full_information(p);
  const Eigen::VectorXd d = ex_ante_payoffs(p, full);
  // the paper's benchmark column (0.375, -0.6, -4.55), total -4.775 (tolerance 1e-12)
  CHECK(d(0) == Approx(0.375).margin(1e-12));
  CHECK(d(1) == Approx(-0.6).margin(1e-12));
  CHECK(d(2) == Approx(-4.55).margin(1e-12));
  CHECK(d.sum() == Approx(-4.775).margin(1e-12));
  // the totals row (-4, 1, -3.5, -8)
  const Eigen::VectorXd totals = p.action_payoffs().rowwise().sum();
  CHECK(totals.isApprox(Eigen::Vector4d(-4.0, 1.0, -3.5, -8.0), 1e-12));
  // Theorem 2 holds with k = 2 only; the witnesses are the paper's
  CHECK_FALSE(coalition_condition(p, d, 1).holds);
  CHECK_FALSE(coalition_condition(p, d, 3).holds);
  const coalition_test pairs = coalition_condition(p, d, 2);
  REQUIRE(pairs.holds);
  for (const auto& c : pairs.coalitions) {
    if (c.members == std::vector<int>{0, 1}) CHECK(c.action == 0);  // Right in power
    if (c.members == std::vector<int>{1, 2}) CHECK(c.action == 1);  // Left in power
    if (c.members == std::vector<int>{0, 2}) CHECK(c.action == 2);  // Religious in power
  }
  const agreement_test t = beneficial_agreement_test(p, full);
  REQUIRE(t.lottery.ok());
  CHECK(t.lottery.beneficial);
  verify_lottery(p, t.lottery);
  const constructed_agreement c = construct_agreement(p, full, t.lottery);
  CHECK(c.ic.passed);
  CHECK(c.beneficial);
  CHECK(find_beneficial_structure(p, d).beneficial);
}

TEST_CASE("persuasion: guessing agents: a good belief exists but no agreement (000 section 3.3)",
          "[persuasion][beneficial][paper]") {
  const problem p = catalog::guessing_agents();
  CHECK_FALSE(p.is_state_independent());
  const Eigen::VectorXd d = ex_ante_payoffs(p, full_information(p));
  // full revelation gives 0.5 x 2 + 0.5 x 1 = 1.5; the degenerate belief on omega_1 gives 2
  CHECK(d.isApprox(Eigen::Vector2d(1.5, 1.5), 1e-12));
  const Eigen::VectorXd at_omega1 = payoffs_at_belief(p, Eigen::Vector2d(1.0, 0.0), 0);
  CHECK(at_omega1.isApprox(Eigen::Vector2d(2.0, 2.0), 1e-12));
  // the lottery condition holds (a lottery on that belief beats d) yet no IC structure does
  const dominance_result dm = find_beneficial_structure(p, d);
  REQUIRE(dm.ok());
  CHECK_FALSE(dm.beneficial);
  CHECK(dm.surplus == Approx(0.0).margin(1e-9));
  // the dual weights bound every IC structure: sum_i y_i (E u_i - d_i) <= 0
  std::mt19937 rng(7);
  for (int k = 0; k < 20; ++k) {
    const information_structure pi = persuasion_test::random_ic_structure(rng, p);
    CHECK(dm.weights.dot(ex_ante_payoffs(p, pi) - d) <= 1e-9);
  }
}

TEST_CASE("persuasion: winner takes all: no agreement, weights proportional to 1/u_i",
          "[persuasion][beneficial][paper]") {
  const Eigen::Vector3d wins(1.0, 2.0, 4.0);
  const problem p = catalog::winner_takes_all(Eigen::Vector3d(0.2, 0.3, 0.5), wins);
  const agreement_test t = beneficial_agreement_test(p, full_information(p));
  REQUIRE(t.lottery.ok());
  CHECK_FALSE(t.lottery.beneficial);
  verify_certificate(p, t.lottery);
  const Eigen::Vector3d expected = wins.cwiseInverse() / wins.cwiseInverse().sum();
  CHECK(t.lottery.weights.isApprox(expected, 1e-9));
  const censorship_test c = beneficial_censorship(p);
  CHECK(c.hypotheses_hold);
  CHECK_FALSE(c.beneficial);
  CHECK(c.weights.weights.isApprox(expected, 1e-9));
  const winner_report w = winner_takes_most(p.action_payoffs());
  CHECK(w.winners_and_losers);
  CHECK(w.winner_takes_most);
}

TEST_CASE("persuasion: Theorem 1 (ii) xor (iii) on random state-independent problems",
          "[persuasion][beneficial][random]") {
  int agreements = 0, certificates = 0;
  for (unsigned seed = 1; seed <= 60; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const index_t states = 2 + static_cast<index_t>(seed % 3);
    const index_t actions = 2 + static_cast<index_t>(seed % 4);
    const int agents = 2 + static_cast<int>(seed % 3);
    const problem p = persuasion_test::random_state_independent(rng, states, actions, agents);
    const information_structure pi0 = seed % 2 ? full_information(p) : no_information(p);
    const agreement_test t = beneficial_agreement_test(p, pi0);
    REQUIRE(t.lottery.ok());
    if (!t.hypotheses_hold()) continue;
    const dominance_result dm = find_beneficial_structure(p, t.lottery.disagreement);
    REQUIRE(dm.ok());
    if (t.lottery.beneficial) {
      ++agreements;
      verify_lottery(p, t.lottery);
      // (iii) holds: the certificate's weights do not separate
      CHECK(t.lottery.certificate_value > 1e-9);
      const constructed_agreement c = construct_agreement(p, pi0, t.lottery);
      CHECK(c.ic.passed);
      CHECK(c.beneficial);
      // and the direct LP agrees, at least as well as the construction
      CHECK(dm.beneficial);
      CHECK(dm.surplus >= c.gains.minCoeff() - 1e-9);
    } else {
      ++certificates;
      verify_certificate(p, t.lottery);
      CHECK_FALSE(dm.beneficial);
    }
  }
  CHECK(agreements >= 5);
  CHECK(certificates >= 5);
}

TEST_CASE(
    "persuasion: Lemma 1 construction on random problems with an interior or no-information "
    "disagreement",
    "[persuasion][beneficial][random]") {
  int built = 0;
  for (unsigned seed = 100; seed < 140; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const problem p = persuasion_test::random_state_independent(rng, 3, 4, 3);
    // a discrete IC disagreement structure: the receiver's optimal action at the posteriors of
    // a random partition-like signal
    const information_structure pi0 = seed % 2 ? no_information(p) : full_information(p);
    const agreement_test t = beneficial_agreement_test(p, pi0);
    REQUIRE(t.lottery.ok());
    if (!t.hypotheses_hold() || !t.lottery.beneficial) continue;
    const constructed_agreement c = construct_agreement(p, pi0, t.lottery);
    ++built;
    CHECK(c.ic.passed);
    CHECK(c.beneficial);
    CHECK(c.gamma > 0.0);
    CHECK(c.structure.rowwise().sum().isOnes(1e-12));
    CHECK(c.gains.minCoeff() == Approx(c.gamma * t.lottery.surplus).margin(1e-9));
  }
  CHECK(built >= 5);
}

TEST_CASE("persuasion: Proposition 1 agrees with Theorem 1 against full information",
          "[persuasion][beneficial][random]") {
  int tested = 0;
  for (unsigned seed = 200; seed < 240; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const index_t k = 2 + static_cast<index_t>(seed % 3);
    const int n = 1 + static_cast<int>(seed % 3);
    // receiver guesses the state (every action optimal at its degenerate belief)
    Eigen::VectorXd x(k);
    for (index_t j = 0; j < k; ++j) x(j) = persuasion_test::uniform(rng, 0.5, 2.0);
    Eigen::MatrixXd u = persuasion_test::random_matrix(rng, k, n, 0.0, 1.0);
    if (seed % 4 == 0) {  // a constant weighted sum by construction: y = (1, ..., 1)
      u.col(n - 1) = Eigen::VectorXd::Constant(k, 2.0) - u.leftCols(n - 1).rowwise().sum();
    }
    const problem p = problem::state_independent(persuasion_test::random_prior(rng, k),
                                                 Eigen::MatrixXd(x.asDiagonal()), u);
    const censorship_test c = beneficial_censorship(p);
    REQUIRE(c.hypotheses_hold);
    const agreement_test t = beneficial_agreement_test(p, full_information(p));
    REQUIRE(t.lottery.ok());
    CHECK(c.beneficial == t.lottery.beneficial);
    if (!c.beneficial) {
      CHECK(c.weights.residual <= 1e-9);
      ++tested;
    }
  }
  CHECK(tested >= 5);
}

TEST_CASE(
    "persuasion: Corollary 1 for any discrete disagreement and Corollary 2 for generic "
    "payoffs",
    "[persuasion][beneficial][random]") {
  for (unsigned seed = 500; seed < 520; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    // Corollary 1: u_3 = 2 - u_1 - u_2 makes the sum constant; no disagreement admits an agreement
    Eigen::MatrixXd u = persuasion_test::random_matrix(rng, 4, 3, 0.0, 1.0);
    u.col(2) = Eigen::VectorXd::Constant(4, 2.0) - u.col(0) - u.col(1);
    const problem p =
        problem::state_independent(persuasion_test::random_prior(rng, 3),
                                   persuasion_test::random_matrix(rng, 4, 3, 0.0, 1.0), u);
    REQUIRE(find_constant_sum_weights(u).exists);
    for (const information_structure& pi0 : {full_information(p), no_information(p)}) {
      const agreement_test t = beneficial_agreement_test(p, pi0);
      REQUIRE(t.lottery.ok());
      CHECK_FALSE(t.lottery.beneficial);
      CHECK_FALSE(find_beneficial_structure(p, t.lottery.disagreement).beneficial);
    }
    // Corollary 2: k - 1 >= n actions (each optimal in its own state) and generic payoffs
    const int n = 2 + static_cast<int>(seed % 2);
    const index_t k = n + 1;
    Eigen::VectorXd x(k);
    for (index_t j = 0; j < k; ++j) x(j) = persuasion_test::uniform(rng, 0.5, 2.0);
    const problem q = problem::state_independent(persuasion_test::random_prior(rng, k),
                                                 Eigen::MatrixXd(x.asDiagonal()),
                                                 persuasion_test::random_matrix(rng, k, n, -1, 1));
    const censorship_test c = beneficial_censorship(q);
    REQUIRE(c.hypotheses_hold);
    CHECK(c.beneficial);
  }
}

TEST_CASE("persuasion: Proposition 2: the winner takes the most gives no agreement",
          "[persuasion][beneficial][random]") {
  int tested = 0;
  for (unsigned seed = 300; seed < 400 && tested < 25; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const index_t n = 2 + static_cast<index_t>(seed % 3);
    Eigen::MatrixXd u = persuasion_test::random_matrix(rng, n, n, -0.3, 0.3);
    for (index_t i = 0; i < n; ++i) u(i, i) = persuasion_test::uniform(rng, 1.0, 2.0);
    const winner_report w = winner_takes_most(u);
    if (!w.winners_and_losers || !w.winner_takes_most) continue;
    ++tested;
    Eigen::VectorXd x(n);
    for (index_t j = 0; j < n; ++j) x(j) = persuasion_test::uniform(rng, 0.5, 2.0);
    const problem p = problem::state_independent(persuasion_test::random_prior(rng, n),
                                                 Eigen::MatrixXd(x.asDiagonal()), u);
    const agreement_test t = beneficial_agreement_test(p, full_information(p));
    REQUIRE(t.lottery.ok());
    CHECK_FALSE(t.lottery.beneficial);
    verify_certificate(p, t.lottery);
    CHECK(find_constant_sum_weights(u).exists);
  }
  CHECK(tested >= 10);
}

TEST_CASE("persuasion: beneficial tests reject bad input before any LP",
          "[persuasion][beneficial]") {
  const problem p = catalog::electoral_campaign();
  CHECK_THROWS_AS(lottery_test(p, Eigen::Vector3d::Zero()), dimension_error);
  CHECK_THROWS_AS(lottery_test(catalog::guessing_agents(), Eigen::Vector2d::Zero()), model_error);
  CHECK_THROWS_AS(coalition_condition(p, Eigen::Vector2d::Zero(), 3), mechdesign::invalid_argument);
  CHECK_THROWS_AS(winner_takes_most(Eigen::MatrixXd::Ones(2, 3)), dimension_error);
  CHECK_THROWS_AS(construct_agreement(p, full_information(p), lottery_result{}), model_error);
}

TEST_CASE("persuasion: the tie rule decides whether an action optimal only at a tie counts",
          "[persuasion][beneficial]") {
  // action 2 is optimal only at the belief (1/2, 1/2), where all three actions tie; both agents
  // want it and get 0 otherwise
  Eigen::MatrixXd ur(3, 2);
  ur << 1.0, 0.0, 0.0, 1.0, 0.5, 0.5;
  Eigen::MatrixXd u = Eigen::MatrixXd::Zero(3, 2);
  u.row(2) << 1.0, 1.0;
  const problem p = problem::state_independent(Eigen::Vector2d(0.3, 0.7), ur, u);
  const auto support = attainable_actions(p);
  CHECK(support[2].margin == Approx(0.0).margin(1e-9));
  CHECK(support[2].belief.isApprox(Eigen::Vector2d(0.5, 0.5), 1e-9));
  const information_structure full = full_information(p);
  // Assumption 3 (the receiver follows an optimal recommendation): an agreement exists, and
  // the direct LP over IC structures agrees
  const agreement_test follow = beneficial_agreement_test(p, full);
  CHECK(follow.lottery.beneficial);
  CHECK(find_beneficial_structure(p, follow.lottery.disagreement).beneficial);
  const constructed_agreement c = construct_agreement(p, full, follow.lottery);
  CHECK(c.ic.passed);
  CHECK(c.beneficial);
  // counting only unique optima, action 2 is never chosen and no agreement is found
  beneficial_options strict;
  strict.ties = tie_rule::unique_optimum;
  const agreement_test unique = beneficial_agreement_test(p, full, strict);
  CHECK_FALSE(unique.lottery.attainable[2]);
  CHECK_FALSE(unique.lottery.beneficial);
}
