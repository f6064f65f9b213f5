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
               c.verified
                   ? "yes"
                   : fmt::format("NO ({}): {}", mechdesign::to_string(c.outcome), c.message));
  }
}

inline void print_certificate(const char* name, const mechdesign::coalition_solution& c) {
  fmt::print(
      "{}: {} (NPS2 residual {:.2g}, warrant residual {:.2g}, duality gap {:.2g}, "
      "min lambda {:.3g})\n",
      name, c.verified ? "certified" : "NOT certified: " + c.message, c.nps2_residual,
      c.warrant_residual, c.duality_gap, c.conditions.min_weight);
}

inline example_json::json coalition_json(const mechdesign::coalition_solution& c) {
  using example_json::array;
  using example_json::number;
  example_json::json members = example_json::json::array();
  for (std::size_t k = 0; k < c.interim.size(); ++k) {
    example_json::json m;
    m["player"] = c.members.members()[k];
    m["utilities"] = array(c.interim[k]);
    m["lambda"] = array(c.lambda.size() > k ? c.lambda[k] : Eigen::VectorXd());
    m["claims"] = array(c.claims.size() > k ? c.claims[k] : Eigen::VectorXd());
    members.push_back(std::move(m));
  }
  example_json::json out;
  out["coalition"] = c.members.to_string();
  out["certified"] = c.verified;
  out["outcome"] = std::string(mechdesign::to_string(c.outcome));
  out["nps2_residual"] = number(c.nps2_residual);
  out["warrant_residual"] = number(c.warrant_residual);
  out["duality_gap"] = number(c.duality_gap);
  out["members"] = std::move(members);
  out["plan"] = array(c.plan.probabilities);
  out["message"] = c.message;
  return out;
}

inline example_json::json solution_json(const mechdesign::nps_result& r) {
  example_json::json items = example_json::json::array();
  for (const auto& c : r.coalitions) items.push_back(coalition_json(c));
  return items;
}

}  // namespace nps_report

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_NPS_REPORT_HPP
