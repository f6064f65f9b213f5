// Price discrimination and privacy regulation (000_b82d6ff4761a0a82.txt §3.3, Propositions 3-4).
//
// A platform (whose payoff is the seller's revenue) and a consumer-minded regulator bargain over
// what the seller learns about the buyer's value v in {1, 2, 3}. For three priors the program
// prints the revenue curve v P(value >= v) and, for every interval partition into categories, the
// seller's price per category, whether trade happens with probability one (Proposition 3), and
// whether a beneficial agreement exists against that category structure (an LP). The second prior
// shows that Proposition 4 (ii) needs the one-category partition; the third shows that the pair
// {v_i', v_i'+1} used in its proof can trade fully.
//
// Usage: persuasion_privacy [--json]
#include <fmt/format.h>

#include <mechdesign/persuasion/privacy.hpp>
#include <string>
#include <vector>

#include "support/cli.hpp"
#include "support/json.hpp"

int main(int argc, char** argv) {
  using namespace mechdesign;
  using namespace mechdesign::persuasion;
  bool as_json = false;
  example::command_line cli("persuasion_privacy", "000 §6: privacy-preserving persuasion");
  cli.flag("--json", as_json, "print the results as one JSON object");
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  const std::vector<std::pair<std::string, Eigen::Vector3d>> priors = {
      {"decreasing revenue curve (Proposition 4 (i))", {0.6, 0.3, 0.1}},
      {"increasing from v_1 to v_2 only", {0.45, 0.35, 0.2}},
      {"increasing everywhere", {0.3, 0.1, 0.6}}};
  try {
    example_json::json items = example_json::json::array();
    if (!as_json) {
      fmt::print(
          "Privacy regulation (000_b82d6ff4761a0a82.txt section 3.3): values (1, 2, 3), "
          "gamma = 0.5\n");
    }
    for (const auto& [name, prior] : priors) {
      const market mk{Eigen::Vector3d(1, 2, 3), prior, Eigen::Vector3d::Constant(0.5)};
      const Eigen::VectorXd curve = revenue_curve(mk);
      const auto checks = check_categories(mk);
      if (!as_json) {
        fmt::print("\n  prior ({}, {}, {}): {}; v P(value >= v) = ({:.4g}, {:.4g}, {:.4g})\n",
                   prior(0), prior(1), prior(2), name, curve(0), curve(1), curve(2));
        fmt::print("    {:<14} {:<14} {:>10} {:>11} {:>11}\n", "categories", "prices", "IC",
                   "full trade", "beneficial");
      }
      example_json::json rows = example_json::json::array();
      for (const auto& c : checks) {
        std::string cats, prices;
        index_t start = 0;
        for (const index_t s : c.categories) {
          index_t price = 0;
          c.structure.row(start).maxCoeff(&price);
          cats += fmt::format("{}{}", cats.empty() ? "" : "|", s);
          prices += fmt::format("{}{}", prices.empty() ? "" : ",", price + 1);
          start += s;
        }
        if (!as_json) {
          fmt::print("    {:<14} {:<14} {:>10} {:>11} {:>11}\n", cats, prices,
                     c.incentive_compatible, c.full_trade, c.beneficial);
        }
        example_json::json row;
        row["category_sizes"] = cats;
        row["prices"] = prices;
        row["incentive_compatible"] = c.incentive_compatible;
        row["full_trade"] = c.full_trade;
        row["pareto_efficient"] = c.pareto_efficient;
        row["beneficial"] = c.beneficial;
        row["max_min_gain"] = example_json::number(c.surplus);
        rows.push_back(std::move(row));
      }
      example_json::json item;
      item["case"] = name;
      item["prior"] = example_json::array(prior);
      item["revenue_curve"] = example_json::array(curve);
      item["revenue_curve_decreasing"] = revenue_curve_decreasing(mk);
      item["partitions"] = std::move(rows);
      items.push_back(std::move(item));
    }
    if (as_json) {
      example_json::json results;
      results["cases"] = std::move(items);
      example_json::print(
          example_json::document("000_b82d6ff4761a0a82.txt §3.3", "privacy regulation", results));
    }
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "persuasion_privacy: {}\n", e.what());
    return 1;
  }
  return 0;
}
