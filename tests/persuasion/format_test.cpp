#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/persuasion/format.hpp>
#include <string>

using namespace mechdesign;
using namespace mechdesign::persuasion;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("persuasion: results print one-line reports", "[persuasion][format]") {
  const problem p = catalog::electoral_campaign();
  const agreement_test t = beneficial_agreement_test(p, full_information(p));
  const std::string lottery = fmt::format("{}", t.lottery);
  CHECK(contains(lottery, "beneficial agreement (Theorem 1 (ii))"));
  CHECK(contains(lottery, "smallest surplus 0.4"));
  CHECK(contains(fmt::format("{}", t), "disagreement structure discrete, IC"));
  const nash_result nb = nash_solution(p, Eigen::Vector2d(1.1, 1.1), Eigen::Vector2d(0.5, 0.5));
  const std::string nash = fmt::format("{}", nb);
  CHECK(contains(nash, "weighted Nash solution (1.2, 1.2)"));
  CHECK_FALSE(contains(nash, "NOT converged"));
  const std::string robust = fmt::format("{}", check_robustness(p, symmetric_endorsement_rule(p)));
  CHECK(contains(robust, "NOT robust"));
  const std::string sel = fmt::format("{}", check_selection_environment(p));
  CHECK(contains(sel, "(iii)"));
  information_structure bad = Eigen::Matrix3d::Identity();
  bad.row(0) << 0.5, 0.25, 0.25;
  CHECK(contains(fmt::format("{}", information::check_obedience(p.receiver(), p.prior(), bad)),
                 "NOT obedient"));
  CHECK(contains(fmt::format("{}", check_discrete(p, bad)), "NOT IC"));
  const auto support = attainable_actions(p);
  CHECK(contains(fmt::format("{}", support.front()), "action 0 attainable"));
  const Eigen::Vector2d d(1.1, 1.1);
  CHECK(contains(fmt::format("{}", find_beneficial_structure(p, d)), "beneficial structure found"));
  CHECK(contains(fmt::format("{}", support_point(p, Eigen::Vector2d(1.0, 0.0))), "payoffs ("));
  CHECK(contains(fmt::format("{}", utopia(p)), "utopia point ("));
  CHECK(contains(fmt::format("{}", pareto_efficiency(p, d)), "NOT Pareto efficient"));
  CHECK(contains(fmt::format("{}", pareto_frontier(p)), "vertices"));
  CHECK(contains(fmt::format("{}", bargaining_set_boundary(p)), "vertices"));
  CHECK(contains(fmt::format("{}", find_constant_sum_weights(p.action_payoffs())),
                 "constant-sum weights"));
  CHECK(contains(fmt::format("{}", beneficial_censorship(p)), "Proposition 1"));
  CHECK(
      contains(fmt::format("{}", winner_takes_most(Eigen::Matrix2d::Identity())), "Proposition 2"));
  CHECK(contains(fmt::format("{}", coalition_condition(p, d, 1)), "Theorem 2 for k = 1"));
  CHECK(contains(fmt::format("{}", check_theorem3(p)), "Theorem 3 fails"));
}

TEST_CASE("persuasion: Lemma 1 and privacy results print one-line reports",
          "[persuasion][format]") {
  const problem w = catalog::three_parties();
  const Eigen::MatrixXd pi0 = no_information(w);
  const lottery_result lottery = lottery_test(w, ex_ante_payoffs(w, pi0));
  REQUIRE(lottery.ok());
  REQUIRE(lottery.beneficial);
  const constructed_agreement c = construct_agreement(w, pi0, lottery);
  CHECK(c.ok());
  CHECK(contains(fmt::format("{}", c), "Lemma 1 structure (beneficial)"));
  market mk;
  mk.values = Eigen::Vector3d(1.0, 2.0, 3.0);
  mk.prior = Eigen::Vector3d(0.2, 0.3, 0.5);
  mk.gamma = Eigen::Vector3d(0.1, 0.1, 0.1);
  const auto categories = check_categories(mk);
  REQUIRE_FALSE(categories.empty());
  CHECK(categories.front().ok());
  CHECK(contains(fmt::format("{}", categories.front()), "categories (3): IC true"));
  CHECK(contains(fmt::format("{}", nash_result{}), "not_computed"));
}
