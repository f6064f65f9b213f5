// Printing a neutral procedural solution as a table or JSON (shared by the examples).
#ifndef MECHDESIGN_EXAMPLES_SUPPORT_NPS_REPORT_HPP
#define MECHDESIGN_EXAMPLES_SUPPORT_NPS_REPORT_HPP

#include <fmt/format.h>

#include <cmath>
#include <mechdesign/mechdesign.hpp>
#include <string>
#include <vector>

#include "support/json.hpp"

namespace nps_report {

// Solver output is exact up to the LP tolerance (1e-7); show smaller magnitudes as 0.
inline double clean(double x) { return std::abs(x) < 1e-7 ? 0.0 : x; }

inline std::string join(const Eigen::VectorXd& v, int precision = 4) {
  std::vector<std::string> parts;
  for (Eigen::Index k = 0; k < v.size(); ++k)
    parts.push_back(fmt::format("{:.{}g}", clean(v(k)), precision));
  return fmt::format("({})", fmt::join(parts, ", "));
}

// One line per coalition: utilities per member (one entry per type), claims, weights, status.
inline void print_table(const mechdesign::nps_result& r) {
  fmt::print("{:<10} {:<34} {:<30} {:<10}\n", "coalition", "U_i(mu_S | t_i) per member",
             "warranted claims omega_i", "certified");
  for (const auto& c : r.coalitions) {
    std::vector<std::string> u, w;
    for (std::size_t k = 0; k < c.interim.size(); ++k) {
      u.push_back(join(c.interim[k]));
      if (k < c.claims.size()) w.push_back(join(c.claims[k]));
    }
    fmt::print("{:<10} {:<34} {:<30} {}\n", c.members.to_string(),
               fmt::format("{}", fmt::join(u, " ")), fmt::format("{}", fmt::join(w, " ")),
               c.verified ? "yes" : "NO: " + c.message);
  }
}

inline void print_certificate(const char* name, const mechdesign::coalition_solution& c) {
  fmt::print(
      "{}: {} (NPS2 residual {:.2g}, warrant residual {:.2g}, duality gap {:.2g}, "
      "min lambda {:.3g})\n",
      name, c.verified ? "certified" : "NOT certified: " + c.message, c.nps2_residual,
      c.warrant_residual, c.duality_gap, c.conditions.min_weight);
}

inline std::string coalition_json(const mechdesign::coalition_solution& c) {
  using example_json::object;
  std::vector<std::string> members;
  for (std::size_t k = 0; k < c.interim.size(); ++k) {
    object m;
    m.number("player", c.members.members()[k])
        .field("utilities", example_json::array(c.interim[k]))
        .field("lambda", example_json::array(c.lambda.size() > k ? c.lambda[k] : Eigen::VectorXd()))
        .field("claims",
               example_json::array(c.claims.size() > k ? c.claims[k] : Eigen::VectorXd()));
    members.push_back(m.str());
  }
  return object()
      .text("coalition", c.members.to_string())
      .boolean("certified", c.verified)
      .number("nps2_residual", c.nps2_residual)
      .number("warrant_residual", c.warrant_residual)
      .number("duality_gap", c.duality_gap)
      .field("members", example_json::array(members))
      .field("plan", example_json::array(c.plan.probabilities))
      .text("message", c.message)
      .str();
}

inline std::string solution_json(const mechdesign::nps_result& r) {
  std::vector<std::string> items;
  for (const auto& c : r.coalitions) items.push_back(coalition_json(c));
  return example_json::array(items);
}

}  // namespace nps_report

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_NPS_REPORT_HPP
