// Selling information as a third party (tau = 0), uniform buyer types:
// 004_7f70667d8c91100b.txt §4.2 (Corollary 4.9 and the uniform example).
//
// The paper: with tau = 0 the optimal menu gives full information to the types in [1/4, 3/4] at
// price 1/4 and nothing to the others (the Bergemann-Bonatti-Smolin benchmark); profit 1/8.
// The program computes this twice: from the continuous solution (virtual values, lambda*) and
// from the finite optimal-menu LP (obedience, double deviations, participation) on n equal
// cells of [0, 1], for n = 8, 16, ..., 128 (--fine: up to 512), and prints how the LP menu
// converges: its profit is 1/8 + 1/(4n) on these grids and its thresholds lie within one cell.
//
// Usage: selling_information_third_party [--json] [--csv FILE] [--svg FILE] [--fine]
//                                        [--vs V_S]
//   --vs V_S    the seller's belief (irrelevant at tau = 0; default 0.5)
//   --csv FILE  n,profit,profit_error,low,high,price_min,price_max,rounds,seconds
//   --svg FILE  the price schedule t(v) of the finest LP grid and of the continuous menu
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
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

struct grid_row {
  index_t n = 0;
  double profit = 0.0, low = 2.0, high = -1.0, price_min = 1e9, price_max = -1e9;
  int rounds = 0;
  double seconds = 0.0;
  bool ok = false;
  std::vector<double> v, t;
};

grid_row solve_grid(index_t n, double vs) {
  grid_row row;
  row.n = n;
  const auto [v, p] = grid_types(type_distribution::uniform(), n);
  const auto start = std::chrono::steady_clock::now();
  const menu_result r = solve_optimal_menu(binary_environment(0.0, vs, v, p));
  row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  row.ok = r.ok();
  if (!row.ok) throw mechdesign::error(fmt::format("grid {}: {}", n, r));
  row.profit = r.profit;
  row.rounds = r.rounds;
  for (index_t k = 0; k < n; ++k) {
    row.v.push_back(v(k));
    row.t.push_back(r.menu.prices(k));
    if (std::abs(informativeness(r.menu.rules[static_cast<std::size_t>(k)])) < 1e-7 &&
        r.gain(k) > 1e-9) {
      row.low = std::min(row.low, v(k));
      row.high = std::max(row.high, v(k));
      row.price_min = std::min(row.price_min, r.menu.prices(k));
      row.price_max = std::max(row.price_max, r.menu.prices(k));
    }
  }
  return row;
}

}  // namespace

int main(int argc, char** argv) {
  selling_information::cli cli;
  if (const auto exit_code = cli.parse(
          argc, argv, "selling_information_third_party",
          "004 §4.2: the continuous menu against its finite discretisations", {{"vs", "0.5"}})) {
    return *exit_code;
  }
  const double vs = cli.number("vs");
  try {
    const continuous_menu c = solve_continuous(type_distribution::uniform(), 0.0, vs);
    std::vector<grid_row> rows;
    for (index_t n = 8; n <= (cli.fine ? 512 : 128); n *= 2) rows.push_back(solve_grid(n, vs));

    if (cli.json) {
      using example_json::number;
      example_json::json grids = example_json::json::array();
      for (const auto& r : rows) {
        example_json::json item;
        item["n"] = r.n;
        item["profit"] = number(r.profit);
        item["profit_error"] = number(r.profit - c.profit);
        item["full_information_low"] = number(r.low);
        item["full_information_high"] = number(r.high);
        item["price_min"] = number(r.price_min);
        item["price_max"] = number(r.price_max);
        item["rounds"] = r.rounds;
        grids.push_back(std::move(item));
      }
      example_json::json continuous;
      continuous["low"] = number(c.low_threshold);
      continuous["high"] = number(c.high_threshold);
      continuous["price"] = number(c.price);
      continuous["lambda"] = number(c.lambda);
      continuous["profit"] = number(c.profit);
      example_json::json results;
      results["seller_belief"] = number(vs);
      results["continuous"] = std::move(continuous);
      results["grids"] = std::move(grids);
      example_json::print(
          example_json::document("004_7f70667d8c91100b.txt §4.2, uniform types, tau = 0",
                                 "continuous menu against its discretisations", results));
    } else {
      fmt::print("Selling information as a third party (tau = 0), uniform types (004 §4.2)\n\n");
      fmt::print("continuous solution: {}\n", c);
      fmt::print("paper: full information on [1/4, 3/4] at price 1/4, profit 1/8\n\n");
      fmt::print("finite LP on n equal cells (types at the midpoints):\n");
      fmt::print("{:>5} {:>12} {:>12} {:>10} {:>8} {:>8} {:>15} {:>6} {:>8}\n", "n", "profit",
                 "- 1/8", "x 4n", "low", "high", "prices", "rounds", "seconds");
      for (const auto& r : rows) {
        fmt::print(
            "{:>5} {:>12.8f} {:>12.3e} {:>10.6f} {:>8.4f} {:>8.4f} {:>7.4f}-{:<7.4f} {:>6} "
            "{:>8.3f}\n",
            r.n, r.profit, r.profit - c.profit,
            (r.profit - c.profit) * 4.0 * static_cast<double>(r.n), r.low, r.high, r.price_min,
            r.price_max, r.rounds, r.seconds);
      }
      fmt::print(
          "\nThe LP's profit exceeds 1/8 by 1/(4n): its first served cell has midpoint "
          "1/4 + 1/(2n)\nand that type's whole gain is the common price. Every LP menu passed "
          "the independent check\n(obedience, misreport-then-best-respond, participation).\n");
    }
    if (!cli.csv.empty()) {
      std::string out = "n,profit,profit_error,low,high,price_min,price_max,rounds,seconds\n";
      for (const auto& r : rows) {
        out += fmt::format("{},{:.12g},{:.12g},{:.12g},{:.12g},{:.12g},{:.12g},{},{:.6g}\n", r.n,
                           r.profit, r.profit - c.profit, r.low, r.high, r.price_min, r.price_max,
                           r.rounds, r.seconds);
      }
      selling_information::write_file(cli.csv, out);
    }
    if (!cli.svg.empty()) {
      svg_plot::figure f;
      f.title = "Price schedule at tau = 0, uniform types (004 §4.2)";
      f.x_label = "buyer type v_b";
      f.y_label = "price t(v_b)";
      std::vector<double> xs, ys;
      for (int k = 0; k <= 400; ++k) {
        xs.push_back(k / 400.0);
        ys.push_back(c.transfer(k / 400.0));
      }
      f.line(xs, ys, "continuous (12)");
      f.points(rows.back().v, rows.back().t, fmt::format("LP, n = {}", rows.back().n));
      f.set_y_range(-0.02, 0.3);
      f.save(cli.svg);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
  return 0;
}
