// Collusion among three parties (000_b82d6ff4761a0a82.txt §3.2, Theorem 2, Theorem 1, Lemma 1).
//
// Right, Left and Religious bargain against full revelation; the Centrist incumbent is not an
// agent. The program prints the disagreement payoffs (0.375, -0.6, -4.55), checks Theorem 2 for
// every coalition size (it holds for pairs), solves Theorem 1's lottery LP, turns the lottery into
// an IC information structure by Lemma 1's construction, and compares with the LP that finds the
// structure with the largest smallest gain directly.
//
// Usage: persuasion_three_parties [--json]
#include <fmt/format.h>

#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/persuasion/beneficial.hpp>
#include <mechdesign/persuasion/format.hpp>
#include <string>
#include <vector>

#include "support/cli.hpp"
#include "support/json.hpp"

namespace {

using namespace mechdesign;
using namespace mechdesign::persuasion;

const char* const parties[] = {"Right", "Left", "Religious", "Centrist"};

void print_structure(const information_structure& pi) {
  fmt::print("    {:>22}", "state \\ recommendation");
  for (const char* name : parties) fmt::print(" {:>10}", name);
  fmt::print("\n");
  for (index_t w = 0; w < pi.rows(); ++w) {
    fmt::print("    {:>22}", parties[w]);
    for (index_t a = 0; a < pi.cols(); ++a) fmt::print(" {:>10.6f}", pi(w, a));
    fmt::print("\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool as_json = false;
  example::command_line cli("persuasion_three_parties", "000 §5: persuasion with three parties");
  cli.flag("--json", as_json, "print the results as one JSON object");
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  try {
    const problem p = mechdesign::catalog::three_parties();
    const information_structure full = full_information(p);
    const Eigen::VectorXd d = ex_ante_payoffs(p, full);
    std::vector<coalition_test> sizes;
    for (int k = 1; k <= 3; ++k) sizes.push_back(coalition_condition(p, d, k));
    const agreement_test t = beneficial_agreement_test(p, full);
    if (!t.lottery.ok()) throw mechdesign::error("Theorem 1 LP: " + t.lottery.message);
    const constructed_agreement c = construct_agreement(p, full, t.lottery);
    const dominance_result direct = find_beneficial_structure(p, d);
    if (!direct.ok()) throw mechdesign::error("dominance LP: " + direct.message);
    if (as_json) {
      using example_json::array;
      using example_json::number;
      example_json::json holds = example_json::json::array();
      for (const auto& s : sizes) holds.push_back(s.holds);
      example_json::json results;
      results["disagreement"] = array(d);
      results["theorem2_holds_for_k_1_2_3"] = std::move(holds);
      results["beneficial"] = t.lottery.beneficial;
      results["lottery"] = array(t.lottery.lottery);
      results["lottery_payoffs"] = array(t.lottery.payoffs);
      results["lottery_surplus"] = number(t.lottery.surplus);
      results["lemma1_structure"] = array(c.structure);
      results["lemma1_payoffs"] = array(c.payoffs);
      results["lemma1_ic"] = c.ic.passed;
      results["lemma1_beneficial"] = c.beneficial;
      results["direct_structure"] = array(direct.structure);
      results["direct_payoffs"] = array(direct.payoffs);
      results["direct_min_gain"] = number(direct.surplus);
      example_json::print(example_json::document("000_b82d6ff4761a0a82.txt §3.2",
                                                 "collusion among three parties", results));
      return 0;
    }
    fmt::print("Collusion among three parties (000_b82d6ff4761a0a82.txt section 3.2)\n\n");
    fmt::print("  disagreement payoffs (full revelation) {}   paper: (0.375, -0.6, -4.55)\n",
               persuasion::detail::show_vector(d));
    fmt::print("  total {:.6g}   paper: -4.775\n\n", d.sum());
    for (const auto& s : sizes) {
      fmt::print("  Theorem 2 with coalitions of size {}: {}\n", s.k, s.holds ? "holds" : "fails");
      if (!s.holds) continue;
      for (const auto& w : s.coalitions) {
        std::string names;
        for (int i : w.members) names += std::string(names.empty() ? "" : "+") + parties[i];
        fmt::print("    {:<16} gains when {} is in power\n", names, parties[w.action]);
      }
    }
    fmt::print("\n  Theorem 1: {}\n", t.lottery);
    fmt::print("\n  Lemma 1's construction (epsilon = {:.4g}, gamma = {:.4g}): {}\n", c.epsilon,
               c.gamma, c.ic);
    print_structure(c.structure);
    fmt::print("    payoffs {} (gains {})\n", persuasion::detail::show_vector(c.payoffs),
               persuasion::detail::show_vector(c.gains));
    fmt::print("\n  The structure with the largest smallest gain (LP): {}\n", direct);
    print_structure(direct.structure);
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "persuasion_three_parties: {}\n", e.what());
    return 1;
  }
  return 0;
}
