// The examples' --json output, built with nlohmann/json (Debian nlohmann-json3-dev). Not part of
// the library: only the examples need nlohmann/json (examples/CMakeLists.txt finds it).
//
//   example_json::json results;
//   results["objective"] = example_json::number(r.objective);
//   results["weights"] = example_json::array(lambda);
//   example_json::print(example_json::document("003_c8f96a2253701fcb.txt §2", "model", results));
//
// One policy for numbers that JSON cannot hold: NaN and ±inf are written as null (number() and
// array() map them; nlohmann's dump() would print null for any that slipped through, so the
// output is always valid JSON). Readers of the output treat null as "not defined here" (e.g. a
// revenue of a mechanism that is not incentive compatible, or a threshold that does not exist).
#ifndef MECHDESIGN_EXAMPLES_SUPPORT_JSON_HPP
#define MECHDESIGN_EXAMPLES_SUPPORT_JSON_HPP

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

namespace example_json {

/// \brief A JSON value whose objects keep their keys in insertion order (the order the examples
/// write them, which is the order a reader expects).
using json = nlohmann::ordered_json;

/// \brief x as a JSON number, or null when x is NaN or infinite (the examples' one policy).
inline json number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

/// \brief A vector as a JSON array of numbers, a matrix as an array of its rows (a matrix with
/// one row or one column is written as a flat array); entries pass through number().
inline json array(const Eigen::MatrixXd& m) {
  json out = json::array();
  if (m.cols() == 1 || m.rows() == 1) {
    for (Eigen::Index k = 0; k < m.size(); ++k) out.push_back(number(m(k)));
  } else {
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
      json row = json::array();
      for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(number(m(r, c)));
      out.push_back(std::move(row));
    }
  }
  return out;
}

/// \brief The one top-level shape of every example's --json output: which paper (file and
/// section; "" for textbook models), which model, and the example's results (an object).
inline json document(const std::string& paper, const std::string& model, json results) {
  json out = json::object();
  out["paper"] = paper;
  out["model"] = model;
  out["results"] = std::move(results);
  return out;
}

/// \brief Prints a document to stdout as one line of JSON (bytes that are not UTF-8, which no
/// example writes, would be replaced rather than throw).
inline void print(const json& document) {
  fmt::print("{}\n", document.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace example_json

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_JSON_HPP
