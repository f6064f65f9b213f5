#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <mechdesign/persuasion/format.hpp>
#include <string>

#include "support/persuasion_examples.hpp"

using namespace mechdesign::persuasion;

TEST_CASE("persuasion: results print one-line reports", "[persuasion][format]") {
  const problem p = persuasion_examples::electoral_campaign();
  const agreement_test t = beneficial_agreement_test(p, full_information(p));
  const std::string lottery = fmt::format("{}", t.lottery);
  CHECK(lottery.find("beneficial agreement (Theorem 1 (ii))") != std::string::npos);
  CHECK(lottery.find("smallest surplus 0.4") != std::string::npos);
  const nash_result nb = nash_solution(p, Eigen::Vector2d(1.1, 1.1), Eigen::Vector2d(0.5, 0.5));
  const std::string nash = fmt::format("{}", nb);
  CHECK(nash.find("weighted Nash solution (1.2, 1.2)") != std::string::npos);
  CHECK(nash.find("NOT converged") == std::string::npos);
  const std::string robust = fmt::format("{}", check_robustness(p, symmetric_endorsement_rule(p)));
  CHECK(robust.find("NOT robust") != std::string::npos);
  const std::string sel = fmt::format("{}", check_selection_environment(p));
  CHECK(sel.find("(iii)") != std::string::npos);
  information_structure bad = Eigen::Matrix3d::Identity();
  bad.row(0) << 0.5, 0.25, 0.25;
  CHECK(fmt::format("{}", check_obedience(p, bad)).find("NOT obedient") != std::string::npos);
}
