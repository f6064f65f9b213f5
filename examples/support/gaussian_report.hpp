// Shared driver of the Gaussian data-monetization examples (001_923d7a9e0fbe4058.txt §3-§5):
// benchmarks and optimal mechanisms side by side, --json, --csv FILE, --svg FILE (the obedience
// ellipse with the optimal points and the welfare stationarity curve, like Figure 4). Not part of
// the library.
#ifndef MECHDESIGN_EXAMPLES_SUPPORT_GAUSSIAN_REPORT_HPP
#define MECHDESIGN_EXAMPLES_SUPPORT_GAUSSIAN_REPORT_HPP

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <mechdesign/data_monetization/benchmarks.hpp>
#include <mechdesign/data_monetization/check.hpp>
#include <mechdesign/data_monetization/consumer.hpp>
#include <mechdesign/data_monetization/incentives.hpp>
#include <mechdesign/data_monetization/optimal.hpp>
#include <string>
#include <vector>

#include "support/cli.hpp"
#include "support/json.hpp"
#include "support/svg_plot.hpp"

namespace gaussian_report {

using namespace mechdesign::data_monetization;

struct row {
  std::string name;
  symmetric_mechanism x;
  double welfare = 0, revenue = 0, consumer_surplus = 0;
  bool obedient = false, incentive_compatible = false, deterministic = false;
};

struct options {
  bool json = false;
  std::string csv, svg;
};

// Parses argv; exits with status 0 after --help and 2 on a bad argument (see support/cli.hpp).
inline options parse(int argc, char** argv, const char* name, const std::string& summary) {
  options o;
  example::command_line cli(name, summary);
  cli.flag("--json", o.json, "print the results as one JSON object")
      .option("--csv", o.csv, "FILE", "write the mechanisms and their values as CSV")
      .option("--svg", o.svg, "FILE", "draw the obedience ellipse and the mechanisms as SVG");
  if (const auto exit_code = cli.parse(argc, argv)) std::exit(*exit_code);
  return o;
}

// Values in the instance's own money units: payoff_scale × canonical welfare and revenue.
template <class Instance>
row make_row(const Instance& inst, const std::string& name, const symmetric_mechanism& x) {
  const game g = inst.canonical();
  row r;
  r.name = name;
  r.x = x;
  const mechanism_check c = check_mechanism(g, x);
  r.obedient = c.obedient();
  r.incentive_compatible = c.incentive_compatible();
  r.deterministic = x.noise_variance < 1e-12;
  r.welfare = Instance::payoff_scale * welfare(g, x);
  r.revenue = r.incentive_compatible ? Instance::payoff_scale * revenue(g, x)
                                     : std::numeric_limits<double>::quiet_NaN();
  r.consumer_surplus = consumer_surplus(inst, x);
  return r;
}

template <class Instance>
int run(const Instance& inst, const std::string& title, int argc, char** argv, const char* prog) {
  const options opt =
      parse(argc, argv, prog, "001 §5: Gaussian data monetization in the " + title + " game");
  const game g = inst.canonical();
  const optimal_mechanism w = welfare_optimal(g), rv = revenue_optimal(g),
                          cs = consumer_optimal(inst);
  std::vector<row> rows = {
      make_row(inst, "no information", uninformative(g)),
      make_row(inst, "state only", state_only(g)),
      make_row(inst, "type only", type_only(g)),
      make_row(inst, "complete information", complete_information(g)),
      make_row(inst, "welfare-optimal", w.mechanism),
      make_row(inst, "revenue-optimal", rv.mechanism),
      make_row(inst, "consumer-optimal", cs.mechanism),
      make_row(inst, "first best (not obedient)", first_best(g)),
  };
  if (!opt.csv.empty()) {
    std::string out =
        "mechanism,state_weight,own_type_weight,others_type_weight,noise_variance,"
        "noise_correlation,welfare,revenue,consumer_surplus,obedient,ic\n";
    for (const auto& r : rows) {
      out +=
          fmt::format("{},{:.12g},{:.12g},{:.12g},{:.12g},{:.12g},{:.12g},{:.12g},{:.12g},{},{}\n",
                      r.name, r.x.state_weight, r.x.own_type_weight, r.x.others_type_weight,
                      r.x.noise_variance, r.x.noise_correlation, r.welfare, r.revenue,
                      r.consumer_surplus, r.obedient, r.incentive_compatible);
    }
    try {
      example::write_file(opt.csv, out);
    } catch (const std::exception& e) {
      fmt::print(stderr, "{}\n", e.what());
      return 1;
    }
  }
  if (!opt.svg.empty()) {
    const obedience_ellipse e = ellipse(g);
    svg_plot::figure fig;
    fig.title = title + ": obedience ellipse and optimal mechanisms (cf. 001 Figure 4)";
    fig.x_label = "d = weight on each competitor's type";
    fig.y_label = "b = weight on the state";
    std::vector<double> xs, ys;
    const double pi = std::acos(-1.0);
    for (int k = 0; k <= 360; ++k) {
      const auto [b, d] = e.boundary(2 * pi * k / 360);
      xs.push_back(d);
      ys.push_back(b);
    }
    fig.line(xs, ys, "obedience ellipse (E)", "#444444");
    std::vector<double> mus, cx, cy;
    for (int k = 0; k <= 200; ++k) mus.push_back(w.multiplier * std::pow(10.0, -1 + 4.0 * k / 200));
    for (const auto& [b, d] : stationarity_curve(g, welfare_objective(g), 0.0, mus)) {
      if (std::isfinite(b) && std::isfinite(d)) cx.push_back(d), cy.push_back(b);
    }
    if (w.multiplier > 0 && !cx.empty()) fig.line(cx, cy, "welfare stationarity curve", "#1f77b4");
    const char* colors[] = {"#7f7f7f", "#8c564b", "#e377c2", "#2ca02c",
                            "#1f77b4", "#d62728", "#ff7f0e"};
    for (std::size_t k = 0; k + 1 < rows.size(); ++k) {
      fig.points({rows[k].x.others_type_weight}, {rows[k].x.state_weight}, rows[k].name, colors[k]);
    }
    const double pad = 0.15;
    fig.set_x_range(e.others_center - (1 + pad) * e.others_semi_axis,
                    e.others_center + (1 + pad) * e.others_semi_axis);
    fig.set_y_range(e.state_center - (1 + pad) * e.state_semi_axis,
                    e.state_center + (1 + pad) * e.state_semi_axis);
    fig.save(opt.svg);
  }
  if (opt.json) {
    using example_json::number;
    example_json::json items = example_json::json::array();
    for (const auto& r : rows) {
      example_json::json o;
      o["mechanism"] = r.name;
      o["state_weight"] = number(r.x.state_weight);
      o["own_type_weight"] = number(r.x.own_type_weight);
      o["others_type_weight"] = number(r.x.others_type_weight);
      o["noise_variance"] = number(r.x.noise_variance);
      o["noise_correlation"] = number(r.x.noise_correlation);
      o["welfare"] = number(r.welfare);
      o["revenue"] = number(r.revenue);  // null when not incentive compatible
      o["consumer_surplus"] = number(r.consumer_surplus);
      o["obedient"] = r.obedient;
      o["incentive_compatible"] = r.incentive_compatible;
      o["deterministic"] = r.deterministic;
      items.push_back(std::move(o));
    }
    example_json::json top;
    top["firms"] = inst.firms;
    top["beta"] = number(inst.substitution);
    top["interaction_r"] = number(g.interaction());
    top["obedient_mean_action"] = number(g.obedient_mean_action());
    top["welfare_multiplier"] = number(w.multiplier);
    top["revenue_multiplier"] = number(rv.multiplier);
    top["consumer_multiplier"] = number(cs.multiplier);
    top["mechanisms"] = std::move(items);
    example_json::print(example_json::document("001_923d7a9e0fbe4058.txt §5", title, top));
    return 0;
  }
  fmt::print("{}: n = {}, beta = {}, E[alpha] = {}, Var alpha = {}, E[c] = {}, Var c = {}\n", title,
             inst.firms, inst.substitution, inst.demand_mean, inst.demand_variance, inst.cost_mean,
             inst.cost_variance);
  fmt::print(
      "canonical r = {:.4g}, obedient mean action m = {:.6g}; money in the instance's units "
      "(= {} x canonical (2))\n\n",
      g.interaction(), g.obedient_mean_action(), Instance::payoff_scale);
  fmt::print("{:<26} {:>8} {:>8} {:>8} {:>8} {:>6} {:>9} {:>9} {:>9}  {}\n", "mechanism", "b state",
             "c own", "d other", "noise", "rho", "welfare", "revenue", "cons.surp", "status");
  for (const auto& r : rows) {
    fmt::print("{:<26} {:>8.4f} {:>8.4f} {:>8.4f} {:>8.4f} {:>6.2f} {:>9.4f} {:>9} {:>9.4f}  {}\n",
               r.name, r.x.state_weight, r.x.own_type_weight, r.x.others_type_weight,
               r.x.noise_variance, r.x.noise_correlation, r.welfare,
               std::isfinite(r.revenue) ? fmt::format("{:.4f}", r.revenue) : std::string("-"),
               r.consumer_surplus,
               !r.obedient ? "not obedient"
                           : (r.incentive_compatible ? "obedient, IC" : "obedient, not IC"));
  }
  fmt::print("\nwelfare-optimal:  {}\nrevenue-optimal:  {}\nconsumer-optimal: {}\n", w.message,
             rv.message, cs.message);
  return 0;
}

}  // namespace gaussian_report

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_GAUSSIAN_REPORT_HPP
