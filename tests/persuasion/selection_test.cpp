#include <catch2/catch.hpp>
#include <map>
#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/persuasion/bargaining_set.hpp>
#include <mechdesign/persuasion/nash.hpp>
#include <mechdesign/persuasion/selection.hpp>
#include <random>
#include <tuple>

#include "persuasion/random_environments.hpp"

using namespace mechdesign;
using namespace mechdesign::persuasion;

namespace {

// A random selection environment satisfying Definition 2 (rejection sampling).
problem random_selection_environment(std::mt19937& rng, int n) {
  using persuasion_test::uniform;
  for (;;) {
    Eigen::VectorXd prior(n + 1), x(n + 1);
    prior(0) = uniform(rng, 0.3, 0.7);
    for (int j = 1; j <= n; ++j) prior(j) = uniform(rng, 0.2, 1.0);
    prior.tail(n) *= (1.0 - prior(0)) / prior.tail(n).sum();
    for (int j = 0; j <= n; ++j) x(j) = uniform(rng, 0.5, 1.5);
    std::vector<Eigen::MatrixXd> u;
    for (int i = 0; i < n; ++i) {
      Eigen::MatrixXd t(n + 1, n + 1);
      for (int a = 0; a <= n; ++a) {
        for (int w = 0; w <= n; ++w) {
          t(a, w) = a == 0 ? uniform(rng, 0.0, 0.9) : uniform(rng, 1.0, 2.0);
        }
      }
      t(i + 1, i + 1) = uniform(rng, 3.0, 4.0);
      u.push_back(t);
    }
    problem p(prior, Eigen::MatrixXd(x.asDiagonal()), u);
    if (check_selection_environment(p).passed) return p;
  }
}

// A random symmetric selection environment (Definition 4): payoffs depend on the pattern of
// (is j = 0, is l = 0, j = i, l = i, j = l) only.
problem random_symmetric_environment(std::mt19937& rng, int n, double ratio_target) {
  using persuasion_test::uniform;
  for (;;) {
    std::map<std::tuple<bool, bool, bool, bool, bool>, double> value;
    auto pattern_value = [&](int i, int j, int l) {
      const auto key = std::make_tuple(j == 0, l == 0, j == i + 1, l == i + 1, j == l);
      auto it = value.find(key);
      if (it != value.end()) return it->second;
      double v = j == 0 ? uniform(rng, 0.0, 0.9) : uniform(rng, 1.0, 2.0);
      if (j == i + 1 && l == i + 1) v = uniform(rng, 3.0, 4.0);
      value[key] = v;
      return v;
    };
    std::vector<Eigen::MatrixXd> u;
    for (int i = 0; i < n; ++i) {
      Eigen::MatrixXd t(n + 1, n + 1);
      for (int j = 0; j <= n; ++j) {
        for (int l = 0; l <= n; ++l) t(j, l) = pattern_value(i, j, l);
      }
      u.push_back(t);
    }
    // mu0(omega_0) and x0 from the target ratio x (1 - mu0) / (x0 mu0), x = 1
    const double m0 = uniform(rng, 0.4, 0.8);
    const double x0 = (1.0 - m0) / (m0 * ratio_target);
    Eigen::VectorXd prior = Eigen::VectorXd::Constant(n + 1, (1.0 - m0) / n);
    prior(0) = m0;
    Eigen::VectorXd x = Eigen::VectorXd::Ones(n + 1);
    x(0) = x0;
    problem p(prior, Eigen::MatrixXd(x.asDiagonal()), u);
    if (check_selection_environment(p).passed) return p;
  }
}

}  // namespace

TEST_CASE("persuasion: electoral campaign: Proposition 6's rule is the paper's 1/8 and 6/8",
          "[persuasion][selection][paper]") {
  const problem p = catalog::electoral_campaign();
  const selection_report r = check_selection_environment(p);
  CHECK(r.structural());
  CHECK(is_symmetric_selection_environment(p));
  const information_structure e = symmetric_endorsement_rule(p);
  // x (1 - mu0) / (x0 mu0) = 0.2 / 0.8 < 1: pi(a_i|omega_0) = 0.25 / 2 = 1/8 (tolerance 1e-12)
  CHECK(e(0, 1) == Approx(0.125).margin(1e-12));
  CHECK(e(0, 2) == Approx(0.125).margin(1e-12));
  CHECK(e(0, 0) == Approx(0.75).margin(1e-12));
  CHECK(is_endorsement_rule(p, e));
  const Eigen::VectorXd x = ex_ante_payoffs(p, e);
  CHECK(x.isApprox(Eigen::Vector2d(1.2, 1.2), 1e-12));
  // beneficial against full (1.1) and no information (1.0), and Pareto efficient
  CHECK((x - ex_ante_payoffs(p, full_information(p))).minCoeff() > 0.0);
  CHECK((x - ex_ante_payoffs(p, no_information(p))).minCoeff() > 0.0);
  CHECK(pareto_efficiency(p, x).efficient);
}

TEST_CASE(
    "persuasion: electoral campaign violates Definition 2 (iii) and its endorsement rule is "
    "not robust to ex-post deviations (erratum)",
    "[persuasion][selection][paper][erratum]") {
  const problem p = catalog::electoral_campaign();
  const selection_report r = check_selection_environment(p);
  // each party prefers the Centrist (no selection) to the other party: (iii) fails
  CHECK_FALSE(r.selection_better);
  CHECK_FALSE(r.passed);
  const information_structure e = symmetric_endorsement_rule(p);
  // after the endorsement of Left the posterior is (0.5 Centrist, 0.5 Left); full revelation
  // then elects the Centrist half of the time: Right's payoff rises from 0 to 0.5 (eq. (7))
  const Eigen::VectorXd post = posterior(p, e, 1);
  const double now = p.agent(1).row(1).dot(post);
  double after = 0.0;
  for (index_t w = 0; w < 3; ++w) after += post(w) * p.agent(1)(w, w);  // reveal the state
  CHECK(now == Approx(0.0).margin(1e-12));
  CHECK(after == Approx(0.5).margin(1e-12));
  const robustness_report rb = check_robustness(p, e);
  REQUIRE(rb.ok());
  CHECK_FALSE(rb.robust);
  CHECK(rb.agent == 1);
  CHECK(rb.recommendation == 1);
  // the LP's best ex-post structure recommends the Centrist outright (the voter is indifferent
  // and follows, Assumption 3): gain 1
  CHECK(rb.worst_gain == Approx(1.0).margin(1e-9));
  const theorem3_report t3 = check_theorem3(p);
  CHECK(t3.is_endorsement);
  CHECK(t3.pareto_efficient);
  CHECK(t3.beneficial_vs_full_information);
  CHECK(t3.beneficial_vs_no_information);
  CHECK_FALSE(t3.robustness.robust);
}

TEST_CASE("persuasion: Theorem 3 on random selection environments",
          "[persuasion][selection][random]") {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const problem p = random_selection_environment(rng, 2 + static_cast<int>(seed % 2));
    const theorem3_report t3 = check_theorem3(p);
    INFO("endorsement " << t3.is_endorsement << " efficient " << t3.pareto_efficient << " vs none "
                        << t3.beneficial_vs_no_information << " vs full "
                        << t3.beneficial_vs_full_information << " robust " << t3.robustness.robust
                        << " min pi(a_i|w0) " << t3.min_selection_in_state0);
    CHECK(t3.existence_holds());
    CHECK(t3.total == Approx(t3.max_total).margin(1e-8));
    CHECK(t3.min_selection_in_state0 > 0.0);
    // robust to ex-post deviations iff an endorsement rule (Claim 3 and its converse)
    std::vector<information_structure> structures = {full_information(p), no_information(p),
                                                     t3.endorsement};
    for (int k = 0; k < 8; ++k) structures.push_back(persuasion_test::random_ic_structure(rng, p));
    for (const auto& pi : structures) {
      const robustness_report rb = check_robustness(p, pi);
      REQUIRE(rb.ok());
      CHECK(rb.robust == is_endorsement_rule(p, pi));
    }
  }
}

TEST_CASE("persuasion: Proposition 6 on random symmetric selection environments",
          "[persuasion][selection][random]") {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const int n = 2 + static_cast<int>(seed % 2);
    const double ratio = seed % 3 == 0 ? persuasion_test::uniform(rng, 1.0, 1.0 * n - 0.05)
                                       : persuasion_test::uniform(rng, 0.2, 0.95);
    const problem p = random_symmetric_environment(rng, n, ratio);
    REQUIRE(is_symmetric_selection_environment(p));
    const information_structure e = symmetric_endorsement_rule(p);
    const double expected = ratio >= 1.0 ? 1.0 / n : ratio / n;
    CHECK(e(0, 1) == Approx(expected).margin(1e-12));
    CHECK(is_endorsement_rule(p, e));
    const Eigen::VectorXd x = ex_ante_payoffs(p, e);
    const Eigen::VectorXd d = ex_ante_payoffs(p, full_information(p));
    CHECK(pareto_efficiency(p, x).efficient);
    const bargaining_point eg = egalitarian_solution(p, d);
    const bargaining_point ks = kalai_smorodinsky_solution(p, d);
    const nash_result nb = nash_solution(p, d, Eigen::VectorXd::Constant(n, 1.0 / n));
    REQUIRE(eg.ok());
    REQUIRE(ks.ok());
    REQUIRE(nb.ok());
    CHECK(nb.converged);
    CHECK(eg.payoffs.isApprox(x, 1e-7));
    CHECK(ks.payoffs.isApprox(x, 1e-7));
    CHECK(nb.payoffs.isApprox(x, 1e-6));
    CHECK(check_robustness(p, e).robust);
  }
}

TEST_CASE("persuasion: selection functions validate Definition 2's structure",
          "[persuasion][selection]") {
  const problem three = catalog::three_parties();
  CHECK_FALSE(check_selection_environment(three).structural());
  CHECK_THROWS_AS(symmetric_endorsement_rule(three), model_error);
  CHECK_THROWS_AS(check_theorem3(three), model_error);
  const problem p = catalog::electoral_campaign();
  CHECK_THROWS_AS(endorsement_rule(p, Eigen::Vector3d(0.5, 0.6, 0.0)), distribution_error);
  CHECK_THROWS_AS(endorsement_rule(p, Eigen::Vector2d(0.5, 0.5)), dimension_error);
}
