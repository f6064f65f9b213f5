// Arrogance of strength: the neutral procedural solution of 003_c8f96a2253701fcb.txt section 6
// (Table 6.1, eqs. (6.1)-(6.2), Table 6.2).
//
// Expected: U^{1,2} = (5, 5); U^{i,3} = (9/2, 5, 5/2); the grand coalition (U1, U2, U3w, U3s) =
// (10/3, 10/3, 10/3, 5/3), ex-post efficient, with a coalition {i, 3} formed with probability
// 1/3 in state s at player i's expense; Table 6.2's mechanism is certified as well.
//
// Usage: arrogance_of_strength [--json]
#include <fmt/format.h>

#include <mechdesign/catalog/cooperative_games.hpp>
#include <mechdesign/mechdesign.hpp>

#include "support/cli.hpp"
#include "support/json.hpp"
#include "support/nps_report.hpp"

int main(int argc, char** argv) {
  using namespace mechdesign;
  using namespace mechdesign::catalog;
  bool json = false;
  example::command_line cli("arrogance_of_strength",
                            "003 §6: the arrogance-of-strength game and Table 6.2");
  cli.flag("--json", json, "print the results as one JSON object");
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  try {
    const auto problem = cooperative_games::arrogance_of_strength_game();
    const nps_result r = neutral_procedural_solution(problem);
    const coalition_solution table =
        certify_neutral_procedural(problem, r, coalition::grand(3), cooperative_games::table_6_2());
    if (json) {
      example_json::json results;
      results["solution"] = nps_report::solution_json(r);
      results["table_6_2"] = nps_report::coalition_json(table);
      example_json::print(
          example_json::document("003_c8f96a2253701fcb.txt §6", "arrogance of strength", results));
      return r.ok() && table.verified ? 0 : 1;
    }
    fmt::print(
        "Arrogance of strength (003 section 6). Players 0 and 1 value the $10 project at "
        "$10; player 2 at $10 (w, 9/10) or $5 (s, 1/10).\n\n");
    nps_report::print_table(r);
    const auto& n = r.at(coalition::grand(3));
    fmt::print("\nGrand-coalition plan: probability of each decision given player 2's type\n");
    fmt::print("  {:<24} {:>8} {:>8} {:>12} {:>8}\n", "decision", "w", "s", "Table 6.2 w", "s");
    for (index_t d = 0; d < n.plan.probabilities.rows(); ++d) {
      fmt::print("  {:<24} {:>8.4f} {:>8.4f} {:>12.4f} {:>8.4f}\n",
                 n.problem.decision_labels()[static_cast<std::size_t>(d)],
                 nps_report::clean(n.plan.probabilities(d, 0)),
                 nps_report::clean(n.plan.probabilities(d, 1)), table.plan.probabilities(d, 0),
                 table.plan.probabilities(d, 1));
    }
    if (r.ok() && table.verified) {
      fmt::print(
          "\nThe search's plan and Table 6.2's may differ: both pass the certificate of "
          "Definition 4 (above for the search, below for Table 6.2), so both are neutral "
          "procedural solutions of this game.\n");
    } else {
      fmt::print("\n");
    }
    nps_report::print_certificate("Table 6.2's mechanism", table);
    return r.ok() && table.verified ? 0 : 1;
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "arrogance_of_strength: {}\n", e.what());
    return 1;
  }
}
