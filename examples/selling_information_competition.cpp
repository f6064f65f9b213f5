// Profit as competition grows: Figure 11 of 004_7f70667d8c91100b.txt (§4.2, Corollary 4.9).
//
// For continuous buyer types (uniform by default) and a seller belief v_s, the program compares
// the expected profit of (i) the optimal menu (continuous solution, cross-checked by the finite
// LP on n cells), (ii) full information to every type for free (altruistic sharing: -tau) and
// (iii) selling nothing (-E[externality of the prior actions]) for tau from 0 to 2, and checks
// the paper's statements about Figure 11: nothing beats free full information, the menu is
// profitable for low tau and sells nothing for large tau.
//
// Where this differs from the paper. With the externality derived from the model (eq. (9) is
// wrong, see pricing/binary.hpp) the virtual surplus is concave in I iff tau <= 1, so the menu
// sells nothing from tau' = 1 on, for every v_s; the printed tau' = (1 - 2 v_s)^-2 (2.78 at
// v_s = 0.8) comes from eq. (9). For uniform types the menu serves [(1 + tau)/4, (3 - tau)/4] at
// price (1 + tau)/4 whatever v_s, its profit is (1 - tau^2)/8 - tau(3 - tau)/4 (positive iff
// tau < 3 - 2 sqrt 2 = 0.172) and it beats selling nothing by (1 - tau)^2 / 8.
//
// Usage: selling_information_competition [--json] [--csv FILE] [--svg FILE] [--fine] [--vs V_S]
//                                        [--types uniform|beta|normal]
//   --vs V_S     the seller's belief P(X = 0) (default 0.8, as in Figure 10)
//   --types LAW  uniform (default), beta = Beta(2, 3), normal = N(0.6, 0.2^2) on [0, 1]
//   --csv FILE   tau,menu,menu_lp,full_information,nothing,low,high,price
//   --svg FILE   the three profit curves and the LP points
//   --fine       tau step 0.025 and n = 128 cells instead of 0.1 and n = 64
#include <fmt/format.h>

#include <cmath>
#include <mechdesign/pricing/binary.hpp>
#include <mechdesign/pricing/continuous.hpp>
#include <mechdesign/pricing/format.hpp>
#include <mechdesign/pricing/optimal_menu.hpp>
#include <string>
#include <vector>

#include "support/json.hpp"
#include "support/selling_information_cli.hpp"
#include "support/svg_plot.hpp"

namespace {

using namespace mechdesign;
using namespace mechdesign::pricing;

struct row {
  double tau = 0.0, menu = 0.0, menu_lp = 0.0, full = 0.0, nothing = 0.0;
  continuous_menu solution;
};

}  // namespace

int main(int argc, char** argv) {
  selling_information::cli cli;
  if (const auto exit_code = cli.parse(argc, argv, "selling_information_competition",
                                       "004 §4: selling information under competition",
                                       {{"vs", "0.8"}, {"types", "uniform"}})) {
    return *exit_code;
  }
  const double vs = cli.number("vs");
  const std::string law = cli.values.at("types");
  if (law != "uniform" && law != "beta" && law != "normal") {
    fmt::print(stderr, "unknown --types {}\n", law);
    return 2;
  }
  try {
    const type_distribution f = law == "uniform" ? type_distribution::uniform()
                                : law == "beta"  ? type_distribution::beta(2.0, 3.0)
                                                 : type_distribution::truncated_normal(0.6, 0.2);
    const double step = cli.fine ? 0.025 : 0.1;
    const index_t n = cli.fine ? 128 : 64;
    const auto [v, p] = grid_types(f, n);
    const double half = f.cdf(0.5);
    std::vector<row> rows;
    double worst_lp_gap = 0.0;
    bool nothing_beats_free = true, none_above_one = true;
    for (int k = 0; step * k <= 2.0 + 1e-12; ++k) {
      row r;
      r.tau = step * k;
      r.solution = solve_continuous(f, r.tau, vs);
      r.menu = r.solution.profit;
      const menu_result lp = solve_optimal_menu(binary_environment(r.tau, vs, v, p));
      if (!lp.ok()) throw mechdesign::error(fmt::format("tau = {}: {}", r.tau, lp));
      r.menu_lp = lp.profit;
      r.full = -r.tau;  // expected_externality(0, v_s, tau) = tau for every type
      r.nothing = -r.tau * ((1.0 - vs) * half + vs * (1.0 - half));
      worst_lp_gap = std::max(worst_lp_gap, std::abs(r.menu_lp - r.menu));
      if (r.tau > 0.0 && r.nothing < r.full) nothing_beats_free = false;
      if (r.tau > 1.0 && r.solution.high_threshold > r.solution.low_threshold)
        none_above_one = false;
      rows.push_back(r);
    }
    // The competition level at which the menu's profit crosses zero (bisection on [0, 1]).
    double lo = 0.0, hi = 1.0;
    const bool crosses =
        solve_continuous(f, 0.0, vs).profit > 0.0 && solve_continuous(f, 1.0, vs).profit < 0.0;
    if (crosses) {
      for (int it = 0; it < 60; ++it) {
        const double mid = 0.5 * (lo + hi);
        (solve_continuous(f, mid, vs).profit > 0.0 ? lo : hi) = mid;
      }
    }
    const double zero_profit = crosses ? 0.5 * (lo + hi) : std::nan("");
    const double printed_tau_prime = 1.0 / ((1.0 - 2.0 * vs) * (1.0 - 2.0 * vs));

    if (cli.json) {
      using example_json::number;
      example_json::json items = example_json::json::array();
      for (const auto& r : rows) {
        example_json::json item;
        item["tau"] = number(r.tau);
        item["menu"] = number(r.menu);
        item["menu_lp"] = number(r.menu_lp);
        item["full_information"] = number(r.full);
        item["nothing"] = number(r.nothing);
        item["low"] = number(r.solution.low_threshold);
        item["high"] = number(r.solution.high_threshold);
        item["price"] = number(r.solution.price);
        items.push_back(std::move(item));
      }
      example_json::json results;
      results["types"] = f.name();
      results["seller_belief"] = number(vs);
      results["cells"] = n;
      results["zero_profit_tau"] = number(zero_profit);
      results["model_tau_prime"] = 1.0;
      results["printed_tau_prime"] = number(printed_tau_prime);
      results["worst_lp_difference"] = number(worst_lp_gap);
      results["nothing_beats_free_full_information"] = nothing_beats_free;
      results["nothing_sold_above_tau_prime"] = none_above_one;
      results["rows"] = std::move(items);
      example_json::print(example_json::document("004_7f70667d8c91100b.txt §4.2, Figure 11",
                                                 "profit as competition grows", results));
    } else {
      fmt::print("Profit as competition grows (004 Figure 11): {} types, v_s = {:g}\n\n", f.name(),
                 vs);
      fmt::print("{:>6} {:>11} {:>11} {:>11} {:>11}   {}\n", "tau", "menu", "menu LP", "free full",
                 "nothing", "menu: full information on [low, high] at price");
      auto unsigned_zero = [](double x) { return x == 0.0 ? 0.0 : x; };  // no "-0.000000"
      for (const auto& r : rows) {
        const bool sells = r.solution.high_threshold > r.solution.low_threshold;
        fmt::print("{:>6.3f} {:>11.6f} {:>11.6f} {:>11.6f} {:>11.6f}   {}\n", r.tau,
                   unsigned_zero(r.menu), unsigned_zero(r.menu_lp), unsigned_zero(r.full),
                   unsigned_zero(r.nothing),
                   sells ? fmt::format("[{:.4f}, {:.4f}] at {:.4f}", r.solution.low_threshold,
                                       r.solution.high_threshold, r.solution.price)
                         : std::string("nothing sold"));
      }
      fmt::print(
          "\nfinite LP on {} cells vs continuous solution: largest difference {:.2e} (the grid's\n"
          "served cells start half a cell inside the continuous thresholds, and above tau' the LP\n"
          "steers the cells next to v = 1/2 at zero gain; both effects shrink like 1/n)\n",
          n, worst_lp_gap);
      fmt::print("selling nothing beats free full information for every tau > 0: {}\n",
                 nothing_beats_free ? "yes" : "NO");
      fmt::print("menu profit positive below tau = {:.6f}", zero_profit);
      if (law == "uniform") fmt::print(" (3 - 2 sqrt 2 = {:.6f})", 3.0 - 2.0 * std::sqrt(2.0));
      fmt::print(
          "\nnothing is sold from tau' = 1 on (model): {}; the paper prints tau' = (1 - 2 v_s)^-2 "
          "= {:.4f}\n",
          none_above_one ? "yes" : "NO", printed_tau_prime);
    }
    if (!cli.csv.empty()) {
      std::string out = "tau,menu,menu_lp,full_information,nothing,low,high,price\n";
      for (const auto& r : rows) {
        out += fmt::format("{:.6g},{:.12g},{:.12g},{:.12g},{:.12g},{:.12g},{:.12g},{:.12g}\n",
                           r.tau, r.menu, r.menu_lp, r.full, r.nothing, r.solution.low_threshold,
                           r.solution.high_threshold, r.solution.price);
      }
      selling_information::write_file(cli.csv, out);
    }
    if (!cli.svg.empty()) {
      svg_plot::figure fig;
      fig.title = fmt::format("Expected profit vs competition ({}, v_s = {:g})", f.name(), vs);
      fig.x_label = "tau";
      fig.y_label = "expected profit";
      std::vector<double> t, menu, lp, full, nothing;
      for (const auto& r : rows) {
        t.push_back(r.tau);
        menu.push_back(r.menu);
        lp.push_back(r.menu_lp);
        full.push_back(r.full);
        nothing.push_back(r.nothing);
      }
      fig.line(t, menu, "optimal menu", "#1f77b4");
      fig.points(t, lp, fmt::format("finite LP, n = {}", n), "#1f77b4");
      fig.line(t, full, "full information for free", "#d62728");
      fig.line(t, nothing, "sell nothing", "#2ca02c");
      fig.save(cli.svg);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
  return 0;
}
