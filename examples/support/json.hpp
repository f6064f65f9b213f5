// A minimal JSON writer for the examples' --json output (objects, arrays, numbers, strings,
// booleans). Not part of the library.
#ifndef MECHDESIGN_EXAMPLES_SUPPORT_JSON_HPP
#define MECHDESIGN_EXAMPLES_SUPPORT_JSON_HPP

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <string>
#include <vector>

namespace example_json {

inline std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<int>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

inline std::string number(double x) {
  return std::isfinite(x) ? fmt::format("{:.12g}", x) : "null";
}

inline std::string array(const std::vector<std::string>& items) {
  return fmt::format("[{}]", fmt::join(items, ", "));
}

// A vector as a JSON array, a matrix as an array of its rows.
inline std::string array(const Eigen::MatrixXd& v) {
  std::vector<std::string> items;
  if (v.cols() == 1 || v.rows() == 1) {
    for (Eigen::Index k = 0; k < v.size(); ++k) items.push_back(number(v(k)));
  } else {
    for (Eigen::Index r = 0; r < v.rows(); ++r) {
      std::vector<std::string> row;
      for (Eigen::Index c = 0; c < v.cols(); ++c) row.push_back(number(v(r, c)));
      items.push_back(array(row));
    }
  }
  return array(items);
}

// An object built field by field, preserving order.
// The one top-level shape of every example's --json output: which paper (file and section; ""
// for textbook models), which model, and the example's results.
inline std::string document(const std::string& paper, const std::string& model,
                            const std::string& results_json) {
  return fmt::format("{{\"paper\": {}, \"model\": {}, \"results\": {}}}", quote(paper),
                     quote(model), results_json);
}

class object {
 public:
  object& field(const std::string& key, const std::string& raw_json) {
    fields_.push_back(quote(key) + ": " + raw_json);
    return *this;
  }
  object& number(const std::string& key, double x) { return field(key, example_json::number(x)); }
  object& text(const std::string& key, const std::string& s) { return field(key, quote(s)); }
  object& boolean(const std::string& key, bool b) { return field(key, b ? "true" : "false"); }
  std::string str() const { return fmt::format("{{{}}}", fmt::join(fields_, ", ")); }

 private:
  std::vector<std::string> fields_;
};

}  // namespace example_json

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_JSON_HPP
