// Two buyer types: the decision regions of Figures 6 and 8 computed by the optimal-menu LP,
// 004_7f70667d8c91100b.txt §4.1 (Corollary 4.4).
//
// Figure 6: congruent types v_l = 5/6, v_h = 2/3; Figure 8: noncongruent types v_l = 1/6,
// v_h = 2/3; phi = P(high type). For every (tau, v_s) on a grid the finite LP (obedience, double
// deviations, participation; no sign restriction on I) gives each type's offer: none, partial,
// full or steering (an informative rule the type is indifferent to, obeyed, that moves its
// actions in the seller's favour). The program prints the region maps, overlays the thresholds
// tau^l(v_s), tau^h(v_s) re-derived from the model and those printed in §4.1, and counts where
// each predicts the LP's decision.
//
// Where the printed thresholds differ and why. They come from eq. (9), which is wrong: full
// information (I = 0) must cost the seller tau whatever v_s (the obedient buyer always matches
// the state), but (9) gives tau(1 - 2 v_s(1 - v_s)). From the model,
// c(I) = tau(1 - I(1{I>=0} - v_s)), and the paper's restricted programs give
//   congruent:    tau^h = (1 - v_h)/(1 - v_s),
//                 tau^l = [(1 - v_l) - phi(1 - v_h)] / [(1 - phi)(1 - v_s)];
//   noncongruent: tau^h = (1 - v_h)/(1 - v_s),  tau^l = v_l / v_s,
// instead of the printed ones, which carry an extra factor 1/(1 - 2 v_s) (1/(2 v_s - 1) in the
// noncongruent tau^l): infinite at v_s = 1/2 and negative on one side of it. Consequently, for
// v_s > 1/2 the high type is NOT served "irrespective of tau": information stops above
// (1 - v_h)/(1 - v_s). Second difference: the paper restricts congruent types to I >= 0
// ("necessary" by participation); the LP shows it is not. When the seller's belief is more
// extreme than a type's in the same direction (v_s > v_k > 1/2, or v_s < v_k < 1/2), steering
// beats selling nothing for large tau, so above some tau the LP steers instead of stopping
// (cells marked s).
//
// Usage: selling_information_binary_types [--json] [--csv FILE] [--svg FILE] [--fine] [--phi PHI]
//   --phi PHI   probability of the high type (default 0.25)
//   --csv FILE  figure,phi,tau,v_s,I_low,I_high,t_low,t_high,offer_low,offer_high,profit,
//               model_tau_low,model_tau_high,printed_tau_low,printed_tau_high
//   --svg FILE  Figure 6's map to FILE and Figure 8's to FILE with "-figure8" before ".svg"
//   --fine      tau step 0.025 and v_s step 0.025 instead of 0.1 and 0.05
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <mechdesign/pricing/binary_types.hpp>
#include <mechdesign/pricing/format.hpp>
#include <string>
#include <vector>

#include "support/json.hpp"
#include "support/selling_information_cli.hpp"
#include "support/svg_plot.hpp"

namespace {

using namespace mechdesign;
using namespace mechdesign::pricing;

struct cell {
  double tau = 0.0, vs = 0.0;
  binary_type_menu menu;
  decision_thresholds model, printed;
};

struct figure_report {
  std::string name;
  double v_low = 0.0, v_high = 0.0;
  std::vector<cell> cells;
  int compared = 0, model_agrees = 0, printed_agrees = 0, steering = 0;
};

// Can type v be steered profitably, i.e. is the seller's belief more extreme than v in the same
// direction?
bool steerable(double v, double vs) { return (v > 0.5 && vs > v) || (v < 0.5 && vs < v); }

// Does a threshold rule predict the LP's "nothing for type k"? Printed thresholds that are
// negative or not finite are read as "information is never stopped by competition".
bool predicts(double threshold, double tau, offer o) {
  const bool stop = std::isfinite(threshold) && threshold >= 0.0 && tau > threshold;
  return stop == (o == offer::none || o == offer::steering);
}

figure_report run(const std::string& name, double v_low, double v_high, double phi, double tau_step,
                  double vs_step) {
  figure_report f;
  f.name = name;
  f.v_low = v_low;
  f.v_high = v_high;
  const int rows = static_cast<int>(std::lround(1.0 / vs_step));
  const int cols = static_cast<int>(std::lround(2.0 / tau_step));
  for (int i = 0; i < rows; ++i) {
    const double vs = vs_step * (i + 0.5);
    for (int j = 0; j < cols; ++j) {
      const double tau = tau_step * (j + 0.5);
      binary_types p;
      p.tau = tau;
      p.seller_belief = vs;
      p.v_low = v_low;
      p.v_high = v_high;
      p.phi = phi;
      cell c{tau, vs, solve_binary_types(p), model_thresholds(p), printed_thresholds(p)};
      if (!c.menu.ok()) throw mechdesign::error(fmt::format("{}: {}", name, c.menu));
      for (int k = 0; k < 2; ++k) {
        const offer o = k == 0 ? c.menu.low : c.menu.high;
        const double m = k == 0 ? c.model.tau_low : c.model.tau_high;
        const double pr = k == 0 ? c.printed.tau_low : c.printed.tau_high;
        if (o == offer::steering) ++f.steering;
        if (std::abs(tau - m) < tau_step / 2) continue;        // the boundary cell itself
        if (steerable(k == 0 ? v_low : v_high, vs)) continue;  // thresholds do not apply
        ++f.compared;
        f.model_agrees += predicts(m, tau, o);
        f.printed_agrees += predicts(pr, tau, o);
      }
      f.cells.push_back(c);
    }
  }
  return f;
}

char symbol(offer o) {
  switch (o) {
    case offer::none:
      return '.';
    case offer::partial:
      return 'p';
    case offer::full:
      return 'F';
    case offer::steering:
      return 's';
  }
  return '?';
}

void print_map(const figure_report& f, double tau_step) {
  fmt::print("\n{}: v_l = {:.4f}, v_h = {:.4f}. Each cell: offer to low, offer to high\n", f.name,
             f.v_low, f.v_high);
  fmt::print("(. none, p partial, F full, s steering); rows v_s, columns tau from {:g} step {:g}\n",
             tau_step / 2, tau_step);
  double vs = -1.0;
  std::string line;
  for (const auto& c : f.cells) {
    if (c.vs != vs) {
      if (!line.empty()) fmt::print("{}\n", line);
      vs = c.vs;
      line = fmt::format("v_s={:.3f} |", c.vs);
    }
    line += fmt::format(" {}{}", symbol(c.menu.low), symbol(c.menu.high));
  }
  fmt::print("{}\n", line);
  fmt::print(
      "LP decision 'nothing for type k' predicted by tau > tau^k (cells off the boundary where k\n"
      "cannot be steered): model thresholds {}/{}, printed thresholds {}/{}; steering offers: {}\n",
      f.model_agrees, f.compared, f.printed_agrees, f.compared, f.steering);
}

void add_threshold_lines(svg_plot::figure& fig, const figure_report& f) {
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> lines;
  for (int k = 0; k <= 200; ++k) {
    const double vs = 0.0025 + 0.995 * k / 200.0;
    binary_types p;
    p.seller_belief = vs;
    p.v_low = f.v_low;
    p.v_high = f.v_high;
    p.phi = f.cells.empty() ? 0.25 : f.cells.front().menu.parameters.phi;
    const auto m = model_thresholds(p), pr = printed_thresholds(p);
    auto put = [&](const std::string& name, double tau) {
      const bool show = std::isfinite(tau) && tau >= 0.0 && tau <= 2.0;
      lines[name].first.push_back(show ? tau : std::nan(""));
      lines[name].second.push_back(vs);
    };
    put("model tau^l", m.tau_low);
    put("model tau^h", m.tau_high);
    put("printed tau^l", pr.tau_low);
    put("printed tau^h", pr.tau_high);
  }
  fig.line(lines["model tau^l"].first, lines["model tau^l"].second, "model tau^l", "#000000");
  fig.line(lines["model tau^h"].first, lines["model tau^h"].second, "model tau^h", "#555555");
  fig.line(lines["printed tau^l"].first, lines["printed tau^l"].second, "printed tau^l", "#d62728");
  fig.line(lines["printed tau^h"].first, lines["printed tau^h"].second, "printed tau^h", "#ff7f0e");
}

void save_map(const figure_report& f, double tau_step, double vs_step, const std::string& path) {
  static const char* colors[4][4] = {{"#f0f0f0", "#c6dbef", "#6baed6", "#fdd0a2"},
                                     {"#e5f5e0", "#a1d99b", "#41ab5d", "#fdae6b"},
                                     {"#d9f0a3", "#78c679", "#238443", "#f16913"},
                                     {"#efedf5", "#bcbddc", "#807dba", "#d94801"}};
  svg_plot::figure fig;
  fig.title = fmt::format("{}: LP offers (low/high), phi = {:g}", f.name,
                          f.cells.empty() ? 0.0 : f.cells.front().menu.parameters.phi);
  fig.x_label = "tau";
  fig.y_label = "v_s";
  for (const auto& c : f.cells) {
    const int lo = static_cast<int>(c.menu.low), hi = static_cast<int>(c.menu.high);
    fig.rect(c.tau - tau_step / 2, c.vs - vs_step / 2, c.tau + tau_step / 2, c.vs + vs_step / 2,
             colors[lo][hi],
             fmt::format("low {}, high {}", to_string(c.menu.low), to_string(c.menu.high)));
  }
  add_threshold_lines(fig, f);
  fig.set_x_range(0.0, 2.0);
  fig.set_y_range(0.0, 1.0);
  fig.save(path, 860, 520);
}

example_json::json json_report(const figure_report& f) {
  using example_json::number;
  example_json::json cells = example_json::json::array();
  for (const auto& c : f.cells) {
    example_json::json cell;
    cell["tau"] = number(c.tau);
    cell["v_s"] = number(c.vs);
    cell["low"] = to_string(c.menu.low);
    cell["high"] = to_string(c.menu.high);
    cell["I_low"] = number(c.menu.i_low);
    cell["I_high"] = number(c.menu.i_high);
    cell["profit"] = number(c.menu.lp.profit);
    cells.push_back(std::move(cell));
  }
  example_json::json out;
  out["figure"] = f.name;
  out["v_low"] = number(f.v_low);
  out["v_high"] = number(f.v_high);
  out["compared"] = f.compared;
  out["model_thresholds_agree"] = f.model_agrees;
  out["printed_thresholds_agree"] = f.printed_agrees;
  out["steering_offers"] = f.steering;
  out["cells"] = std::move(cells);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  selling_information::cli cli;
  if (const auto exit_code =
          cli.parse(argc, argv, "selling_information_binary_types",
                    "004 §3: selling information to binary buyer types (Figures 6 and 8)",
                    {{"phi", "0.25"}})) {
    return *exit_code;
  }
  const double phi = cli.number("phi");
  const double tau_step = cli.fine ? 0.025 : 0.1, vs_step = cli.fine ? 0.025 : 0.05;
  try {
    const std::vector<figure_report> figs{
        run("Figure 6 (congruent)", 5.0 / 6.0, 2.0 / 3.0, phi, tau_step, vs_step),
        run("Figure 8 (noncongruent)", 1.0 / 6.0, 2.0 / 3.0, phi, tau_step, vs_step)};
    if (cli.json) {
      example_json::json results;
      results["phi"] = example_json::number(phi);
      results["figures"] = example_json::json::array();
      for (const auto& f : figs) results["figures"].push_back(json_report(f));
      example_json::print(example_json::document("004_7f70667d8c91100b.txt §4.1, Figures 6 and 8",
                                                 "two buyer types", results));
    } else {
      fmt::print(
          "Two buyer types: decision regions by the optimal-menu LP (004 §4.1), phi = {:g}\n", phi);
      for (const auto& f : figs) print_map(f, tau_step);
      fmt::print(
          "\nThe printed thresholds inherit eq. (9)'s error (full information must cost tau, not\n"
          "tau(1 - 2 v_s(1 - v_s))); the model's thresholds lack its factor 1/(1 - 2 v_s). Where "
          "the\nLP steers (s), the seller's belief is more extreme than the type's: the paper's "
          "restriction\nto I >= 0 for congruent types does not hold there.\n");
    }
    if (!cli.csv.empty()) {
      std::string out =
          "figure,phi,tau,v_s,I_low,I_high,t_low,t_high,offer_low,offer_high,profit,"
          "model_tau_low,model_tau_high,printed_tau_low,printed_tau_high\n";
      for (const auto& f : figs) {
        for (const auto& c : f.cells) {
          out += fmt::format(
              "{},{:g},{:.6g},{:.6g},{:.10g},{:.10g},{:.10g},{:.10g},{},{},{:.10g},{:.10g},"
              "{:.10g},{:.10g},{:.10g}\n",
              f.name.substr(0, 8), phi, c.tau, c.vs, c.menu.i_low, c.menu.i_high, c.menu.t_low,
              c.menu.t_high, to_string(c.menu.low), to_string(c.menu.high), c.menu.lp.profit,
              c.model.tau_low, c.model.tau_high, c.printed.tau_low, c.printed.tau_high);
        }
      }
      selling_information::write_file(cli.csv, out);
    }
    if (!cli.svg.empty()) {
      save_map(figs[0], tau_step, vs_step, cli.svg);
      std::string second = cli.svg;
      const auto dot = second.rfind(".svg");
      second = dot == std::string::npos ? second + "-figure8.svg"
                                        : second.substr(0, dot) + "-figure8.svg";
      save_map(figs[1], tau_step, vs_step, second);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
  return 0;
}
