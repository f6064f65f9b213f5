// The Gap between interim-efficient and random-monopoly payoffs: 002_d7418a08844545d3.txt §4,
// eqs. (4.1)-(4.2), and its closed forms, Propositions 1 and 2 (§5.4).
//
// For one parameter set of each case (l1 < l2 < h1 < h2 and l1 < h1 < l2 < h2, beta = 1/2) the
// program solves the LP (4.1) on a grid of beliefs (p1, p2) = probabilities of the high types,
// prints the largest Gap/h2 and where it is attained (the paper's bound is 6.25 %), compares
// every grid point with the closed form f(p; x) Delta(x), and draws the surface as a text heat
// map. The peak sits at (p1*(x), p2*) where f = 1 and Gap = Delta(x).
//
// Usage: bargaining_gap [--json] [--csv FILE] [--grid N] [--threads K]
//   --grid N     N interior points k/(N+1) per axis (default 59)
//   --csv FILE   also write case,p1,p2,E,gap,gap_over_h2,closed_form_gap to FILE
//   --threads K  solve the grid on K threads (default 1)
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mechdesign/bargaining/closed_form.hpp>
#include <mechdesign/bargaining/sweep.hpp>
#include <string>
#include <vector>

#include "support/cli.hpp"
#include "support/json.hpp"

namespace {

using namespace mechdesign;
using namespace mechdesign::bargaining;

struct parameter_set {
  std::string name;
  bargaining_environment env;
};

struct case_report {
  parameter_set params;
  gap_surface surface;
  Eigen::MatrixXd closed_form;  // f(p; x) Delta(x) on the grid
  double worst_difference = 0.0;
  closed_form_gap peak;  // the closed form at (p1*(x), p2*)
};

case_report analyse(const parameter_set& ps, index_t grid, int threads) {
  case_report r{ps, {}, {}, 0.0, {}};
  const Eigen::VectorXd axis = interior_grid(grid);
  sweep_options options;
  options.threads = threads;
  r.surface = sweep_beliefs(ps.env, axis, axis, options);
  if (!r.surface.ok()) {
    throw mechdesign::error(fmt::format("{}: {}", ps.name, r.surface.message));
  }
  r.closed_form.resize(grid, grid);
  for (index_t a = 0; a < grid; ++a) {
    for (index_t b = 0; b < grid; ++b) {
      r.closed_form(a, b) = proposition_gap(ps.env, beliefs::binary(axis(a), axis(b))).gap;
      r.worst_difference =
          std::max(r.worst_difference, std::abs(r.closed_form(a, b) - r.surface.gap(a, b)));
    }
  }
  const closed_form_gap centre = proposition_gap(ps.env, beliefs::binary(0.5, 0.5));
  r.peak = proposition_gap(ps.env, beliefs::binary(centre.p1_star, centre.p2_star));
  return r;
}

// Rows: p1 from high (top) to low; columns: p2 from low (left) to high. At most 24 x 60 cells.
void print_heat_map(const case_report& r) {
  static const char shades[] = " .:-=+*#%@";
  const auto& g = r.surface.gap;
  const index_t rows = std::min<index_t>(24, g.rows()), cols = std::min<index_t>(60, g.cols());
  fmt::print(
      "  heat map of Gap / max Gap (rows: p1 from {:.2f} down to {:.2f}; columns: p2 from "
      "{:.2f} to {:.2f})\n",
      r.surface.p1(g.rows() - 1), r.surface.p1(0), r.surface.p2(0), r.surface.p2(g.cols() - 1));
  for (index_t i = 0; i < rows; ++i) {
    const index_t a = g.rows() - 1 - (i * (g.rows() - 1)) / std::max<index_t>(1, rows - 1);
    std::string line = "  |";
    for (index_t j = 0; j < cols; ++j) {
      const index_t b = (j * (g.cols() - 1)) / std::max<index_t>(1, cols - 1);
      const double level = r.surface.max_gap > 0 ? g(a, b) / r.surface.max_gap : 0.0;
      const int k = std::clamp(static_cast<int>(std::lround(level * 9.0)), 0, 9);
      line += shades[k];
    }
    fmt::print("{}|\n", line);
  }
}

void print_table(const case_report& r) {
  const bargaining_environment& e = r.params.env;
  const gap_surface& s = r.surface;
  const double h2 = e.values(1)(1);
  fmt::print("\n== {} ==\n", r.params.name);
  fmt::print("  l1 = {}, h1 = {}, l2 = {}, h2 = {}, beta = {}\n", e.values(0)(0), e.values(0)(1),
             e.values(1)(0), e.values(1)(1), e.power());
  fmt::print("  thresholds: p1*(x) = {:.6f}, p2* = {:.6f}{}\n", r.peak.p1_star, r.peak.p2_star,
             std::isnan(r.peak.p2_star_star) ? std::string()
                                             : fmt::format(", p2** = {:.6f}", r.peak.p2_star_star));
  fmt::print("  grid {} x {}: {} LPs, {} simplex iterations, {} polished\n", s.p1.size(),
             s.p2.size(), s.solves, s.iterations, s.polished);
  fmt::print("  max Gap / h2 on the grid = {:.4f} % at (p1, p2) = ({:.4f}, {:.4f})\n",
             100.0 * s.max_gap / h2, s.p1(s.argmax_p1), s.p2(s.argmax_p2));
  fmt::print("  sup over beliefs (closed form, f = 1 at (p1*, p2*)): Delta(x)/h2 = {:.4f} %\n",
             100.0 * r.peak.delta / h2);
  fmt::print("  paper's bound 6.25 %: {}\n", s.max_gap / h2 <= 0.0625 ? "holds" : "VIOLATED");
  fmt::print("  min Gap on the grid = {:.3g}; max |LP - closed form| = {:.3g}\n", s.min_gap,
             r.worst_difference);
  print_heat_map(r);
}

example_json::json json_report(const case_report& r) {
  using example_json::number;
  const bargaining_environment& e = r.params.env;
  const gap_surface& s = r.surface;
  const double h2 = e.values(1)(1);
  example_json::json out;
  out["case"] = r.params.name;
  out["l1"] = number(e.values(0)(0));
  out["h1"] = number(e.values(0)(1));
  out["l2"] = number(e.values(1)(0));
  out["h2"] = number(h2);
  out["beta"] = number(e.power());
  out["p1_star"] = number(r.peak.p1_star);
  out["p2_star"] = number(r.peak.p2_star);
  out["p2_star_star"] = number(r.peak.p2_star_star);
  out["grid_points"] = s.solves;
  out["max_gap_over_h2"] = number(s.max_gap / h2);
  out["argmax_p1"] = number(s.p1(s.argmax_p1));
  out["argmax_p2"] = number(s.p2(s.argmax_p2));
  out["delta_over_h2"] = number(r.peak.delta / h2);
  out["min_gap"] = number(s.min_gap);
  out["max_abs_lp_minus_closed_form"] = number(r.worst_difference);
  out["bound_6_25_percent_holds"] = s.max_gap / h2 <= 0.0625;
  out["polished_points"] = s.polished;
  return out;
}

void write_csv(const std::string& path, const std::vector<case_report>& reports) {
  std::string out = "case,p1,p2,E,gap,gap_over_h2,closed_form_gap\n";
  for (std::size_t c = 0; c < reports.size(); ++c) {
    const auto& s = reports[c].surface;
    const double h2 = reports[c].params.env.values(1)(1);
    for (index_t a = 0; a < s.p1.size(); ++a) {
      for (index_t b = 0; b < s.p2.size(); ++b) {
        out += fmt::format("{},{:.10g},{:.10g},{:.12g},{:.12g},{:.12g},{:.12g}\n", c + 1, s.p1(a),
                           s.p2(b), s.value(a, b), s.gap(a, b), s.gap(a, b) / h2,
                           reports[c].closed_form(a, b));
      }
    }
  }
  example::write_file(path, out);
}

}  // namespace

int main(int argc, char** argv) {
  bool json = false;
  std::string csv;
  long grid = 59, threads = 1;
  example::command_line cli(
      "bargaining_gap", "002 §4: Gap(p, beta) by LP on a belief grid, against Propositions 1-2");
  cli.flag("--json", json, "print the results as one JSON object")
      .option("--csv", csv, "FILE", "write every grid point as CSV")
      .option("--grid", grid, "N", "grid points per belief axis (1 to 2000, default 59)", 1, 2000)
      .option("--threads", threads, "K", "worker threads (1 to 64, default 1)", 1, 64);
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  try {
    const std::vector<parameter_set> sets = {
        {"Proposition 1: l1 < l2 < h1 < h2",
         bargaining_environment::binary(0.05, 0.55, 0.45, 1.0, 0.5)},
        {"Proposition 2: l1 < h1 < l2 < h2",
         bargaining_environment::binary(0.05, 0.45, 0.55, 1.0, 0.5)}};
    std::vector<case_report> reports;
    for (const auto& ps : sets) reports.push_back(analyse(ps, grid, threads));
    if (!csv.empty()) write_csv(csv, reports);
    if (json) {
      example_json::json results;
      results["bound"] = 0.0625;
      results["cases"] = example_json::json::array();
      for (const auto& r : reports) results["cases"].push_back(json_report(r));
      example_json::print(example_json::document("002_d7418a08844545d3.txt §4",
                                                 "Gap(p, beta) on a belief grid", results));
    } else {
      fmt::print(
          "Gap(p, beta) = E(p, beta) - p1.beta1 M1 (002_d7418a08844545d3.txt eqs. (4.1)-(4.2)) "
          "by LP on a {} x {} belief grid, against Propositions 1-2.\n",
          grid, grid);
      for (const auto& r : reports) print_table(r);
      if (!csv.empty()) fmt::print("\nwrote {}\n", csv);
    }
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "bargaining_gap: {}\n", e.what());
    return 1;
  }
  return 0;
}
