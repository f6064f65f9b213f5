// Two environments without a beneficial agreement (000_b82d6ff4761a0a82.txt §3.1 and §3.3).
//
// Guessing agents (§3.3): state-dependent payoffs; a lottery on the degenerate belief omega_1 gives
// both agents 2 > 1.5, yet no IC structure beats full revelation (the strict-dominance LP, with
// its dual weights as the certificate).
// Winner takes all (§3.1): agent i gains u_i only when action i is taken; against full revelation
// Theorem 1's LP certifies that no agreement exists with weights y proportional to 1/u_i, and
// Proposition 1's constant-weighted-sum test agrees.
//
// Usage: persuasion_no_agreement [--json]
#include <fmt/format.h>

#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/persuasion/beneficial.hpp>
#include <mechdesign/persuasion/format.hpp>
#include <string>

#include "support/cli.hpp"
#include "support/json.hpp"

int main(int argc, char** argv) {
  using namespace mechdesign;
  using namespace mechdesign::persuasion;
  bool as_json = false;
  example::command_line cli("persuasion_no_agreement",
                            "000 §4: persuasion where no agreement is beneficial");
  cli.flag("--json", as_json, "print the results as one JSON object");
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  try {
    // guessing agents
    const problem g = mechdesign::catalog::guessing_agents();
    const Eigen::VectorXd dg = ex_ante_payoffs(g, full_information(g));
    const Eigen::VectorXd at_omega1 = payoffs_at_belief(g, Eigen::Vector2d(1.0, 0.0), 0);
    const dominance_result dm = find_beneficial_structure(g, dg);
    if (!dm.ok()) throw mechdesign::error("dominance LP: " + dm.message);
    // winner takes all
    const Eigen::Vector3d wins(1.0, 2.0, 4.0);
    const problem w = mechdesign::catalog::winner_takes_all(Eigen::Vector3d(0.2, 0.3, 0.5), wins);
    const agreement_test t = beneficial_agreement_test(w, full_information(w));
    if (!t.lottery.ok()) throw mechdesign::error("Theorem 1 LP: " + t.lottery.message);
    const censorship_test c = beneficial_censorship(w);
    const Eigen::Vector3d expected = wins.cwiseInverse() / wins.cwiseInverse().sum();
    if (as_json) {
      using example_json::array;
      example_json::json results;
      results["guessing_disagreement"] = array(dg);
      results["guessing_payoffs_at_omega1"] = array(at_omega1);
      results["guessing_beneficial"] = dm.beneficial;
      results["guessing_max_min_gain"] = example_json::number(dm.surplus);
      results["guessing_dual_weights"] = array(dm.weights);
      results["wta_wins"] = array(wins);
      results["wta_beneficial"] = t.lottery.beneficial;
      results["wta_weights"] = array(t.lottery.weights);
      results["wta_weights_expected"] = array(expected);
      results["wta_certificate_value"] = example_json::number(t.lottery.certificate_value);
      results["proposition1_beneficial"] = c.beneficial;
      example_json::print(example_json::document("000_b82d6ff4761a0a82.txt §3.1, §3.3",
                                                 "no beneficial agreement", results));
      return 0;
    }
    fmt::print("Guessing agents (000_b82d6ff4761a0a82.txt section 3.3)\n");
    fmt::print("  full revelation gives {}; at the belief omega_1 the agents get {}\n",
               persuasion::detail::show_vector(dg), persuasion::detail::show_vector(at_omega1));
    fmt::print("  strict dominance LP: {}\n\n", dm);
    fmt::print("Winner takes all (section 3.1), wins {}, prior (0.2, 0.3, 0.5)\n",
               persuasion::detail::show_vector(wins));
    fmt::print("  Theorem 1: {}\n", t.lottery);
    fmt::print("  y proportional to 1/u_i: {}\n", persuasion::detail::show_vector(expected));
    fmt::print("  Proposition 1: constant weighted sum {} -> {}\n",
               c.weights.exists ? "exists" : "does not exist",
               c.beneficial ? "beneficial agreement" : "no beneficial agreement");
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "persuasion_no_agreement: {}\n", e.what());
    return 1;
  }
  return 0;
}
