// The electoral campaign of 000_b82d6ff4761a0a82.txt (§1, Figure 1, Proposition 6).
//
// Left and Right bargain over a joint campaign that informs a voter whose prior on the best
// party is (Centrist 0.8, Left 0.1, Right 0.1). Disagreement is full revelation (1.1 each). The
// program computes the symmetric endorsement rule of Proposition 6 (1/8 and 6/8, payoff 1.2 each),
// the symmetric Nash, Kalai-Smorodinsky and egalitarian solutions over the bargaining set B (all
// equal to it), the utopia point, the boundary of B and its Pareto frontier (Figure 1), and two
// checks the paper gets wrong: Definition 2 (iii) fails here, and the endorsement rule is not
// robust to ex-post deviations in the sense of eq. (7).
//
// Usage: persuasion_electoral_campaign [--json] [--csv FILE] [--svg FILE]
//   --csv FILE  write the boundary of B and its Pareto frontier (kind,x_right,x_left)
//   --svg FILE  draw them (Right's payoff horizontally, Left's vertically, as in Figure 1)
#include <fmt/format.h>

#include <cstdio>
#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/persuasion/bargaining_set.hpp>
#include <mechdesign/persuasion/beneficial.hpp>
#include <mechdesign/persuasion/format.hpp>
#include <mechdesign/persuasion/selection.hpp>
#include <string>
#include <vector>

#include "support/cli.hpp"
#include "support/json.hpp"
#include "support/svg_plot.hpp"

namespace {

using namespace mechdesign;
using namespace mechdesign::persuasion;

struct report {
  Eigen::VectorXd full, none, endorsement_payoffs, utopia_payoffs;
  information_structure endorsement;
  double posterior_left = 0.0;
  bargaining_point egalitarian, ks;
  nash_result nash;
  polygon boundary, frontier;
  selection_report definition2;
  robustness_report robustness;
  double reveal_gain = 0.0;  // Right's gain from revealing the state after "Left"
};

report analyse() {
  const problem p = mechdesign::catalog::electoral_campaign();
  report r;
  r.full = ex_ante_payoffs(p, full_information(p));
  r.none = ex_ante_payoffs(p, no_information(p));
  r.endorsement = symmetric_endorsement_rule(p);
  r.endorsement_payoffs = ex_ante_payoffs(p, r.endorsement);
  r.posterior_left = posterior(p, r.endorsement, 1)(1);
  r.egalitarian = egalitarian_solution(p, r.full);
  r.ks = kalai_smorodinsky_solution(p, r.full);
  r.nash = nash_solution(p, r.full, Eigen::Vector2d(0.5, 0.5));
  const utopia_point u = utopia(p);
  r.utopia_payoffs = u.payoffs;
  r.boundary = bargaining_set_boundary(p);
  r.frontier = pareto_frontier(p);
  if (!r.egalitarian.ok() || !r.ks.ok() || !r.nash.ok() || !u.ok() || !r.boundary.ok() ||
      !r.frontier.ok()) {
    throw mechdesign::error("an LP of the bargaining set failed");
  }
  r.definition2 = check_selection_environment(p);
  r.robustness = check_robustness(p, r.endorsement);
  const Eigen::VectorXd post = posterior(p, r.endorsement, 1);
  double revealed = 0.0;
  for (index_t w = 0; w < 3; ++w) revealed += post(w) * p.agent(1)(w, w);
  r.reveal_gain = revealed - p.agent(1).row(1).dot(post);
  return r;
}

std::string vec(const Eigen::VectorXd& v) { return persuasion::detail::show_vector(v); }

void print(const report& r) {
  fmt::print("Electoral campaign (000_b82d6ff4761a0a82.txt section 1): agents Left, Right\n\n");
  fmt::print("  disagreement (full revelation)   {}   paper: 1.1 each\n", vec(r.full));
  fmt::print("  no information                   {}\n", vec(r.none));
  fmt::print("  symmetric endorsement rule (Proposition 6), row of the Centrist state:\n");
  fmt::print(
      "    P(Centrist) = {:.6g}, P(Left) = {:.6g}, P(Right) = {:.6g}   paper: 6/8, 1/8, 1/8\n",
      r.endorsement(0, 0), r.endorsement(0, 1), r.endorsement(0, 2));
  fmt::print("    posterior on Left after \"Left\" = {:.6g}   paper: 0.5\n", r.posterior_left);
  fmt::print("    payoffs {}   paper: 1.2 each\n", vec(r.endorsement_payoffs));
  fmt::print("\n  bargaining solutions over B with d = full revelation:\n");
  fmt::print("    {:<28} {}\n", "symmetric Nash", vec(r.nash.payoffs));
  fmt::print("    {:<28} certified gap {:.2g} ({} cutting-plane iterations)\n", "",
             r.nash.optimality_gap, r.nash.iterations);
  fmt::print("    {:<28} {}\n", "Kalai-Smorodinsky", vec(r.ks.payoffs));
  fmt::print("    {:<28} {}\n", "egalitarian", vec(r.egalitarian.payoffs));
  fmt::print("    {:<28} {}\n", "utopia point", vec(r.utopia_payoffs));
  fmt::print("\n  boundary of B (counter-clockwise; x = (Left, Right)):\n");
  for (const auto& v : r.boundary.vertices) fmt::print("    {}\n", vec(v));
  fmt::print("  Pareto frontier: ");
  for (const auto& v : r.frontier.vertices) fmt::print("{} ", vec(v));
  fmt::print("\n\n  checks the paper gets wrong:\n");
  fmt::print("    Definition 2: {}\n", r.definition2);
  fmt::print("    eq. (7) for the endorsement rule: {}\n", r.robustness);
  fmt::print("    (revealing the state after \"Left\" alone raises Right's payoff by {:.6g})\n",
             r.reveal_gain);
}

example_json::json json(const report& r) {
  using example_json::array;
  using example_json::number;
  example_json::json boundary = example_json::json::array(), frontier = example_json::json::array();
  for (const auto& v : r.boundary.vertices) boundary.push_back(array(v));
  for (const auto& v : r.frontier.vertices) frontier.push_back(array(v));
  example_json::json out;
  out["disagreement"] = array(r.full);
  out["no_information"] = array(r.none);
  out["endorsement_rule"] = array(r.endorsement);
  out["posterior_left_after_left"] = number(r.posterior_left);
  out["endorsement_payoffs"] = array(r.endorsement_payoffs);
  out["nash"] = array(r.nash.payoffs);
  out["nash_certified_gap"] = number(r.nash.optimality_gap);
  out["kalai_smorodinsky"] = array(r.ks.payoffs);
  out["egalitarian"] = array(r.egalitarian.payoffs);
  out["utopia"] = array(r.utopia_payoffs);
  out["boundary"] = std::move(boundary);
  out["pareto_frontier"] = std::move(frontier);
  out["definition2_holds"] = r.definition2.passed;
  out["definition2_failure"] = r.definition2.first_failure;
  out["endorsement_robust_eq7"] = r.robustness.robust;
  out["eq7_worst_gain"] = number(r.robustness.worst_gain);
  out["reveal_gain_right_after_left"] = number(r.reveal_gain);
  return out;
}

void write_csv(const std::string& path, const report& r) {
  std::string out = "kind,x_right,x_left\n";
  for (const auto& v : r.boundary.vertices)
    out += fmt::format("boundary,{:.12g},{:.12g}\n", v(1), v(0));
  for (const auto& v : r.frontier.vertices)
    out += fmt::format("frontier,{:.12g},{:.12g}\n", v(1), v(0));
  out += fmt::format("disagreement,{:.12g},{:.12g}\n", r.full(1), r.full(0));
  out += fmt::format("endorsement,{:.12g},{:.12g}\n", r.endorsement_payoffs(1),
                     r.endorsement_payoffs(0));
  example::write_file(path, out);
}

void write_svg(const std::string& path, const report& r) {
  svg_plot::figure fig;
  fig.title = "Bargaining set B of the electoral campaign (000, Figure 1)";
  fig.x_label = "Right's expected payoff";
  fig.y_label = "Left's expected payoff";
  std::vector<double> bx, by, fx, fy;
  for (const auto& v : r.boundary.vertices) {
    bx.push_back(v(1));
    by.push_back(v(0));
  }
  bx.push_back(bx.front());
  by.push_back(by.front());
  for (const auto& v : r.frontier.vertices) {
    fx.push_back(v(1));
    fy.push_back(v(0));
  }
  fig.line(bx, by, "boundary of B");
  fig.line(fx, fy, "Pareto frontier");
  fig.points({r.full(1)}, {r.full(0)}, "full revelation (d)");
  fig.points({r.none(1)}, {r.none(0)}, "no information");
  fig.points({r.endorsement_payoffs(1)}, {r.endorsement_payoffs(0)},
             "symmetric endorsement = Nash = KS = egalitarian");
  fig.set_x_range(0.6, 1.7);
  fig.set_y_range(0.6, 1.7);
  fig.save(path);
}

}  // namespace

int main(int argc, char** argv) {
  bool as_json = false;
  std::string csv, svg;
  example::command_line cli("persuasion_electoral_campaign",
                            "000 §3: the electoral campaign, its frontier and endorsement rule");
  cli.flag("--json", as_json, "print the results as one JSON object")
      .option("--csv", csv, "FILE", "write the frontier and the payoffs as CSV")
      .option("--svg", svg, "FILE", "draw the frontier as SVG");
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  try {
    const report r = analyse();
    if (!csv.empty()) write_csv(csv, r);
    if (!svg.empty()) write_svg(svg, r);
    if (as_json) {
      example_json::print(example_json::document("000_b82d6ff4761a0a82.txt §1, Figure 1",
                                                 "electoral campaign", json(r)));
    } else {
      print(r);
      if (!csv.empty()) fmt::print("\nwrote {}\n", csv);
      if (!svg.empty()) fmt::print("wrote {}\n", svg);
    }
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "persuasion_electoral_campaign: {}\n", e.what());
    return 1;
  }
  return 0;
}
