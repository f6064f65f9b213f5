// Where random monopoly payoffs pin the bargaining payoffs down: 002_d7418a08844545d3.txt §4
// (the paragraph after Theorem 2) and §3.1-§3.3.
//
// When one player has all the bargaining power (beta_i in {0, 1}), when a type is known (a
// one-element type set), or when h1 > h2, only one feasible IC payoff vector gives every type
// at least beta_i M_i(t_i; p_-i), so E(p, beta) of (4.1) equals p1.beta1 M1 and Gap (4.2) is 0.
// The table shows, for each case, E, the random monopoly value, the Gap and every type's payoff
// next to its random monopoly payoff. Complete information (§3.1) is the last row: the higher
// value t2 is split beta t2 : (1 - beta) t2.
//
// Usage: bargaining_special_cases [--json]
#include <fmt/format.h>

#include <cmath>
#include <mechdesign/bargaining/gap.hpp>
#include <string>
#include <vector>

#include "support/cli.hpp"
#include "support/json.hpp"

namespace {

using namespace mechdesign;
using namespace mechdesign::bargaining;

struct special_case {
  std::string name;
  bargaining_environment env;
  beliefs belief;
};

// |x| < 1e-12 is shown as 0 so that the table reads like the paper.
double clean(double x) { return std::abs(x) < 1e-12 ? 0.0 : x; }

std::string vector_text(const Eigen::VectorXd& v) {
  std::vector<std::string> items;
  for (Eigen::Index k = 0; k < v.size(); ++k) items.push_back(fmt::format("{:.4f}", clean(v(k))));
  return fmt::format("({})", fmt::join(items, ", "));
}

std::vector<special_case> cases() {
  const Eigen::VectorXd one = Eigen::VectorXd::Ones(1);
  const auto p = beliefs::binary(0.4, 0.6);
  return {
      {"beta = 1 (player 1 proposes)", bargaining_environment::binary(0.1, 0.6, 0.3, 1.0, 1.0), p},
      {"beta = 0 (player 2 proposes)", bargaining_environment::binary(0.1, 0.6, 0.3, 1.0, 0.0), p},
      {"player 1's type known (t1 = 0.5)",
       bargaining_environment(Eigen::VectorXd::Constant(1, 0.5), Eigen::Vector2d(0.3, 1.0), 0.5),
       beliefs(one, Eigen::Vector2d(0.4, 0.6))},
      {"player 2's type known (t2 = 0.7)",
       bargaining_environment(Eigen::Vector2d(0.1, 0.6), Eigen::VectorXd::Constant(1, 0.7), 0.5),
       beliefs(Eigen::Vector2d(0.6, 0.4), one)},
      {"h1 > h2 (l1 < l2 < h2 < h1)", bargaining_environment::binary(0.1, 0.9, 0.3, 0.7, 0.5), p},
      {"complete information (t1 = 0.3 < t2 = 0.8)",
       bargaining_environment(Eigen::VectorXd::Constant(1, 0.3), Eigen::VectorXd::Constant(1, 0.8),
                              0.4),
       beliefs(one, one)},
  };
}

}  // namespace

int main(int argc, char** argv) {
  bool json = false;
  example::command_line cli("bargaining_special_cases",
                            "002 §5: the special cases of bargaining with mechanisms");
  cli.flag("--json", json, "print the results as one JSON object");
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  try {
    example_json::json items = example_json::json::array();
    if (!json) {
      fmt::print(
          "Special cases of 002_d7418a08844545d3.txt §4 where the random monopoly bound pins "
          "payoffs down (Gap = 0).\n\n");
      fmt::print("{:<44} {:>9} {:>9} {:>10}   {:<18} {:<18} {:<18} {:<18}\n", "case", "E", "p1.RM1",
                 "Gap", "u1", "RM1", "u2", "RM2");
    }
    for (const auto& c : cases()) {
      const gap_result r = solve_gap_or_throw(c.env, c.belief);
      if (json) {
        using example_json::array;
        example_json::json item;
        item["case"] = c.name;
        item["beta"] = example_json::number(c.env.power());
        item["E"] = example_json::number(r.value);
        item["random_monopoly_value"] = example_json::number(r.monopoly_value);
        item["gap"] = example_json::number(clean(r.gap));
        item["u1"] = array(r.payoffs[0]);
        item["RM1"] = array(r.thresholds[0]);
        item["u2"] = array(r.payoffs[1]);
        item["RM2"] = array(r.thresholds[1]);
        items.push_back(std::move(item));
      } else {
        fmt::print("{:<44} {:>9.5f} {:>9.5f} {:>10.2e}   {:<18} {:<18} {:<18} {:<18}\n", c.name,
                   r.value, r.monopoly_value, clean(r.gap), vector_text(r.payoffs[0]),
                   vector_text(r.thresholds[0]), vector_text(r.payoffs[1]),
                   vector_text(r.thresholds[1]));
      }
    }
    if (json) {
      example_json::json results;
      results["cases"] = std::move(items);
      example_json::print(example_json::document("002_d7418a08844545d3.txt §3-§4",
                                                 "special cases with Gap = 0", results));
    } else {
      fmt::print(
          "\nRM_i = beta_i M_i(t_i; p_-i) (eq. (3.2)); types are listed low to high. In every row "
          "E = p1.RM1, so player 1 cannot gain beyond the random monopoly bound.\n");
    }
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "bargaining_special_cases: {}\n", e.what());
    return 1;
  }
  return 0;
}
