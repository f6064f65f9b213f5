// Bilateral trade with a broker: the neutral procedural solution of 003_c8f96a2253701fcb.txt
// section 2, eqs. (2.1), (2.4), (2.5) and Table 2.3.
//
// The broker verifies the buyer's value, which lets the grand coalition condition payments on
// it (see mechdesign/catalog/cooperative_games.hpp for how that is modelled). Expected: the
// traders alone settle at (45, 15, 36); the grand coalition at (U1w, U1s, U2, U3) =
// (45, 15, 38, 1), the average of the dictators' claims (90, 30, 0, 0), (0, 0, 78, 0) and
// (45, 15, 36, 3), the broker extracting 3 = 78 - (4/5 45 + 1/5 15 + 36).
//
// Usage: broker [--json]
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
  example::command_line cli("broker", "003 §2: bilateral trade with a broker (three players)");
  cli.flag("--json", json, "print the results as one JSON object");
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  try {
    const auto problem = cooperative_games::broker_game();
    const nps_result r = neutral_procedural_solution(problem);
    const coalition_solution table =
        certify_neutral_procedural(problem, r, coalition::grand(3), cooperative_games::table_2_3());
    const auto& n = r.at(coalition::grand(3));
    const double surplus =
        0.8 * n.interim[0](0) + 0.2 * n.interim[0](1) + n.interim[1](0) + n.interim[2](0);
    if (json) {
      example_json::json results;
      results["solution"] = nps_report::solution_json(r);
      results["table_2_3"] = nps_report::coalition_json(table);
      results["expected_surplus_2_4"] = example_json::number(surplus);
      example_json::print(example_json::document("003_c8f96a2253701fcb.txt §2",
                                                 "bilateral trade with a broker", results));
      return r.ok() && table.verified ? 0 : 1;
    }
    fmt::print(
        "Bilateral trade with a broker (003 section 2). Players: 0 buyer (value 90 w.p. "
        "4/5, 30 w.p. 1/5), 1 seller, 2 broker.\n\n");
    nps_report::print_table(r);
    fmt::print(
        "\nGrand coalition (U1w, U1s, U2, U3) = ({:.4g}, {:.4g}, {:.4g}, {:.4g}); "
        "(2.4): 4/5 U1w + 1/5 U1s + U2 + U3 = {:.6g}\n",
        n.interim[0](0), n.interim[0](1), n.interim[1](0), n.interim[2](0), surplus);
    fmt::print("Dictators' warranted claims: buyer {}, seller {}, broker {}\n",
               nps_report::join(n.claims[0]), nps_report::join(n.claims[1]),
               nps_report::join(n.claims[2]));
    fmt::print("Supporting weights lambda: buyer {}, seller {}, broker {}\n",
               nps_report::join(n.lambda[0]), nps_report::join(n.lambda[1]),
               nps_report::join(n.lambda[2]));
    fmt::print("\nComputed plan (rows: decisions; columns: buyer reports $90, $30):\n");
    for (index_t d = 0; d < n.plan.probabilities.rows(); ++d) {
      fmt::print("  {:<30} {:>8.4f} {:>8.4f}\n",
                 n.problem.decision_labels()[static_cast<std::size_t>(d)],
                 nps_report::clean(n.plan.probabilities(d, 0)),
                 nps_report::clean(n.plan.probabilities(d, 1)));
    }
    fmt::print("  transfers to (buyer, seller, broker): report $90 {}, report $30 {}\n",
               nps_report::join(n.plan.transfers.col(0)),
               nps_report::join(n.plan.transfers.col(1)));
    fmt::print("\n");
    nps_report::print_certificate(
        "Table 2.3 (price 45 / 15, a $5 commission at the $30 report paid by the seller)", table);
    return r.ok() && table.verified ? 0 : 1;
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "broker: {}\n", e.what());
    return 1;
  }
}
