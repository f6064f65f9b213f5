// Bilateral trade without a broker: 003_c8f96a2253701fcb.txt §2, Table 2.1 and eq. (2.1).
//
// The seller as dictator extracts (U1w, U1s, U2) = (0, 0, 72) by selling only to a buyer who
// reports value 90, at price 90 (Table 2.1); the buyer as dictator takes everything,
// (90, 30, 0). Their average (45, 15, 36) is what the conditional random dictatorship gives, and
// it is incentive efficient: the program finds the weights λ and IC multipliers α of
// Proposition 1 that support it, and checks strong duality of (3.5)/(3.7) at each dictator plan.
//
// Usage: bilateral_trade [--json]

#include <fmt/format.h>

#include <cmath>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/mechdesign.hpp>
#include <string>
#include <vector>

#include "support/cli.hpp"
#include "support/json.hpp"

namespace {

using namespace mechdesign;
using namespace mechdesign::catalog;

struct plan_summary {
  std::string name;
  mechanism<> plan;
  type_vectors<> utilities;
  double primal = 0.0, dual = 0.0;  // (3.5) and (3.7) values where an LP was solved
};

plan_summary dictator_plan(const bayesian_problem<>& problem, int dictator) {
  const auto g = problem.grand();
  primal_result r = solve_primal(g, bilateral_trade::dictator_weights(dictator),
                                 bilateral_trade::dictator_participation(dictator));
  lp::require_optimal(r.lp, dictator == 0 ? "buyer's plan" : "seller's plan");
  return {dictator == 0 ? "buyer dictator" : "seller dictator (Table 2.1)", r.optimal_mechanism,
          r.interim, r.objective, r.dual_objective};
}

// Solver output is exact up to rounding; show |x| < 1e-9 as 0 so tables read like the paper's.
double clean(double x) { return std::abs(x) < 1e-9 ? 0.0 : x; }

std::string plan_text(const coalition_problem<>& g, const mechanism<>& m, index_t report) {
  const auto row = bilateral_trade::plan(g, m, report);
  if (row.trade_probability < 1e-12) return "(0, -)";
  return fmt::format("({:.3g}, ${:.4g})", clean(row.trade_probability), clean(row.price));
}

struct model_report {
  std::string name;
  std::vector<plan_summary> plans;  // seller, buyer, average
  efficiency_result efficiency;
  ic_report<> ic;
  ir_report<> ir;
};

model_report analyse(const std::string& name, const bayesian_problem<>& problem) {
  const auto g = problem.grand();
  model_report rep{name, {dictator_plan(problem, 1), dictator_plan(problem, 0)}, {}, {}, {}};
  plan_summary average{"random dictatorship (2.1)", {}, {}, 0.0, 0.0};
  average.plan.probabilities =
      0.5 * (rep.plans[0].plan.probabilities + rep.plans[1].plan.probabilities);
  if (g.money()) {
    average.plan.transfers = 0.5 * (rep.plans[0].plan.transfers + rep.plans[1].plan.transfers);
  }
  average.utilities = interim_utilities(g, average.plan);
  rep.plans.push_back(average);
  rep.ic = check_incentive_compatibility(g, average.plan, 1e-9);
  rep.ir = check_individual_rationality(problem, g, average.plan, 1e-9);
  rep.efficiency = test_incentive_efficiency(g, average.plan);
  return rep;
}

void print_table(const model_report& r, const coalition_problem<>& g) {
  fmt::print("\n== {} ==\n", r.name);
  fmt::print("{:<30} {:>8} {:>8} {:>8}   {:<16} {:<16} {:>10} {:>10}\n", "plan", "U1w", "U1s", "U2",
             "value $90", "value $30", "(3.5)", "(3.7)");
  for (const auto& p : r.plans) {
    const bool solved = p.primal != 0.0 || p.dual != 0.0;
    fmt::print("{:<30} {:>8.4f} {:>8.4f} {:>8.4f}   {:<16} {:<16} {:>10} {:>10}\n", p.name,
               clean(p.utilities[0](0)), clean(p.utilities[0](1)), clean(p.utilities[1](0)),
               plan_text(g, p.plan, 0), plan_text(g, p.plan, 1),
               solved ? fmt::format("{:.6g}", p.primal) : "-",
               solved ? fmt::format("{:.6g}", p.dual) : "-");
  }
  fmt::print("(plan cells: probability of trade, expected price if trade)\n");
  fmt::print("average plan: {}; {}\n", r.ic, r.ir);
  fmt::print("{}\n", r.efficiency);
  if (r.efficiency.efficient()) {
    const auto& e = r.efficiency;
    fmt::print("  supporting weights  lambda1(w) = {:.6f}  lambda1(s) = {:.6f}  lambda2 = {:.6f}\n",
               e.lambda[0](0), e.lambda[0](1), e.lambda[1](0));
    fmt::print("  IC multipliers      alpha1(s|w) = {:.6f}  alpha1(w|s) = {:.6f}\n",
               e.alpha[0](0, 1), e.alpha[0](1, 0));
  }
}

example_json::json json_report(const model_report& r, const coalition_problem<>& g) {
  using example_json::array;
  using example_json::json;
  using example_json::number;
  json plans = json::array();
  for (const auto& p : r.plans) {
    json rows = json::array();
    for (index_t t = 0; t < 2; ++t) {
      const auto row = bilateral_trade::plan(g, p.plan, t);
      json cell;
      cell["buyer_value"] = number(bilateral_trade::buyer_value(t));
      cell["trade_probability"] = number(row.trade_probability);
      cell["price_if_trade"] = number(row.price);
      rows.push_back(std::move(cell));
    }
    json plan;
    plan["name"] = p.name;
    plan["U1w"] = number(p.utilities[0](0));
    plan["U1s"] = number(p.utilities[0](1));
    plan["U2"] = number(p.utilities[1](0));
    plan["plan"] = std::move(rows);
    plans.push_back(std::move(plan));
  }
  const auto& e = r.efficiency;
  json eff;
  eff["verdict"] = to_string(e.verdict);
  if (e.efficient()) {
    eff["lambda_buyer"] = array(e.lambda[0]);
    eff["lambda_seller"] = array(e.lambda[1]);
    eff["alpha_buyer"] = array(e.alpha[0]);
    eff["residual_3_8a"] = number(e.conditions.complementary_slackness);
    eff["residual_3_8b"] = number(e.conditions.virtual_optimality);
  }
  json out;
  out["model"] = r.name;
  out["plans"] = std::move(plans);
  out["average_incentive_compatible"] = r.ic.passed;
  out["average_individually_rational"] = r.ir.passed;
  out["incentive_efficiency"] = std::move(eff);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  bool json = false;
  example::command_line cli(
      "bilateral_trade",
      "003 §2: bilateral trade, incentive efficiency and the neutral procedural solution");
  cli.flag("--json", json, "print the results as one JSON object");
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  try {
    const auto money = bilateral_trade::with_money();
    const auto lottery = bilateral_trade::price_lottery();
    const model_report a = analyse("trading plans with money (ex-post balanced transfers)", money);
    const model_report b = analyse("lotteries over the prices $0 and $90 (no money)", lottery);
    if (json) {
      example_json::json results;
      results["models"] = example_json::json::array(
          {json_report(a, money.grand()), json_report(b, lottery.grand())});
      example_json::print(
          example_json::document("003_c8f96a2253701fcb.txt §2", "bilateral trade", results));
    } else {
      fmt::print(
          "Bilateral trade (003_c8f96a2253701fcb.txt section 2): buyer value $90 (weak, "
          "prob 4/5) or $30 (strong, prob 1/5); seller value $0.\n");
      print_table(a, money.grand());
      print_table(b, lottery.grand());
      fmt::print(
          "\nWith money the supporting weights are unique: lambda = (0.35, 0.15, 0.5), "
          "alpha1(s|w) = 0.05.\nWithout money any point of a segment of weights supports "
          "the plan; the one printed is the LP's.\n");
    }
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "bilateral_trade: {}\n", e.what());
    return 1;
  }
  return 0;
}
