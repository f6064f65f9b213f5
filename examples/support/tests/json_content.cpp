// Checks an example's --json output: its shape and its content (CTest: example.<stem>.json).
//
//   example_json_content <stem> <program>
//
// Runs <program> (the text report) and <program> --json; both must end with status 0. The JSON must
// parse (nlohmann/json) and have the one shape of every example, {"paper": string, "model":
// string, "results": object}. Then the example's own checks (checks_for() below; an example
// without checks fails) compare JSON values
//   - with the numbers the text report prints: a regular expression finds them in the text and
//     a JSON pointer names the value; a number printed with d decimals must agree with the JSON to
//     half a unit in its last digit (0.379 within 5e-4, 23 exactly), so a field that carries
//     another column's value, or a value off by more than the printing, fails;
//   - with the papers' and textbooks' numbers (003 §2's 72, (90, 30, 0), (45, 15, 36), ...).
// JSON null (NaN or ±inf, support/json.hpp) compares equal only to a text cell that prints no
// number, so a check never pairs null with a printed value. Every failure is reported; the
// status is 1 if any check fails.
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using json = nlohmann::ordered_json;  // objects in document order, as the examples write them

/// \brief A number as the text report prints it: its value, and half a unit in its last digit.
struct printed_number {
  double value = 0.0;
  double tolerance = 0.0;
};

/// \brief Every number in a piece of text, in order, with the tolerance its printed precision
/// allows; the words true, yes, holds (1) and false, no, NO, fails, VIOLATED (0) count as exact
/// numbers, to compare with JSON booleans.
std::vector<printed_number> numbers_in(const std::string& text) {
  static const std::regex token(
      R"(\b(?:true|yes|holds|false|no|NO|fails|VIOLATED)\b|[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)");
  std::vector<printed_number> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), token);
       it != std::sregex_iterator(); ++it) {
    const std::string s = it->str();
    if (!(*it)[1].matched) {
      out.push_back({s == "true" || s == "yes" || s == "holds" ? 1.0 : 0.0, 0.0});
      continue;
    }
    const std::string mantissa = (*it)[1].str();
    const auto dot = mantissa.find('.');
    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
    const int exponent = (*it)[2].matched ? std::stoi((*it)[2].str().substr(1)) : 0;
    const double value = std::stod(s);
    const double half_unit = 0.5 * std::pow(10.0, exponent - decimals);
    out.push_back({value, half_unit * (1.0 + 1e-9) + 1e-12 * std::abs(value)});
  }
  return out;
}

/// \brief The numbers of a JSON value in document order (booleans as 1/0, null as NaN); strings
/// and objects' keys are skipped.
void flatten(const json& j, std::vector<double>& out) {
  if (j.is_number()) {
    out.push_back(j.get<double>());
  } else if (j.is_boolean()) {
    out.push_back(j.get<bool>() ? 1.0 : 0.0);
  } else if (j.is_null()) {
    out.push_back(std::numeric_limits<double>::quiet_NaN());
  } else if (j.is_array() || j.is_object()) {
    for (const auto& item : j) flatten(item, out);
  }
}

std::string shorten(std::string s, std::size_t length = 160) {
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s.size() <= length ? s : s.substr(0, length) + "...";
}

/// \brief One example's outputs and the verdicts of its checks.
class checker {
 public:
  checker(std::string text, json document) : text_(std::move(text)), doc_(std::move(document)) {}

  /// \brief The numbers in the first match of `pattern` in the text (in its groups if it has
  /// any) equal the JSON value at `pointer` (all its numbers, in order), times `scale`. In every
  /// pointer of these checks a segment "*" stands for all elements of an array, in order.
  checker& text(const std::string& pointer, const std::string& pattern, double scale = 1.0) {
    std::smatch m;
    const std::regex re(pattern);
    if (!std::regex_search(text_, m, re)) {
      return fail(pointer, "the text has no match for /" + pattern + "/");
    }
    std::string cells;
    for (std::size_t g = 1; g < m.size(); ++g) cells += m[g].str() + " ";
    compare(pointer, m.size() > 1 ? cells : m[0].str(), scale);
    return *this;
  }

  /// \brief Every match of `pattern` in the text is one element of the JSON array at `pointer`
  /// (as many matches as elements, in order); group g of a match is compared with the element's
  /// field fields[g - 1]: an empty name skips the group, "." is the element itself, a name with
  /// slashes is a pointer inside the element ("members/*/utilities"); suffixes: "name@100"
  /// scales the JSON value by 100 first (a fraction printed as a percentage), "name#4" takes
  /// the text as printed with 4 significant digits (see significant_digits()), "name?" skips
  /// the group when it took no part in the match (a row that prints "nothing sold"). A group
  /// that took no part otherwise shows no number, which only JSON null matches.
  checker& rows(const std::string& pointer, const std::string& pattern,
                const std::vector<std::string>& fields, double scale = 1.0) {
    const bool listed = pointer.size() >= 2 && pointer.compare(pointer.size() - 2, 2, "/*") == 0;
    const std::vector<std::string> elements = expand(listed ? pointer : pointer + "/*");
    const std::regex re(pattern);
    std::size_t k = 0;
    for (auto it = std::sregex_iterator(text_.begin(), text_.end(), re);
         it != std::sregex_iterator(); ++it, ++k) {
      if (k >= elements.size()) continue;
      for (std::size_t g = 1; g < it->size() && g <= fields.size(); ++g) {
        std::string field = fields[g - 1];
        if (field.empty()) continue;
        double field_scale = scale;
        int digits = digits_;
        bool optional = false;
        // Suffixes: "?" the group may take no part in the match (then it is skipped), "@s" the
        // JSON value times s, "#d" printed with d significant digits.
        for (auto at = field.find_last_of("?@#"); at != std::string::npos;
             at = field.find_last_of("?@#")) {
          if (field[at] == '?') optional = true;
          if (field[at] == '@') field_scale *= std::stod(field.substr(at + 1));
          if (field[at] == '#') digits = std::stoi(field.substr(at + 1));
          field.resize(at);
        }
        if (optional && !(*it)[static_cast<int>(g)].matched) continue;
        const int saved = digits_;
        digits_ = digits;
        compare(elements[k] + "/" + field, (*it)[static_cast<int>(g)].str(), field_scale);
        digits_ = saved;
      }
    }
    if (k != elements.size()) {
      fail(pointer, std::to_string(elements.size()) + " elements, but the text has " +
                        std::to_string(k) + " rows matching /" + pattern + "/");
    }
    return *this;
  }

  /// \brief The numbers of the JSON value at `pointer` equal `expected` within `tolerance`.
  checker& equals(const std::string& pointer, const std::vector<double>& expected,
                  double tolerance = 1e-9) {
    const selection sel = select(pointer);
    if (!sel.found) return *this;
    const std::vector<double>& got = sel.numbers;
    const json* j = &sel.value;
    if (got.size() != expected.size()) {
      return fail(pointer, "has " + std::to_string(got.size()) + " numbers, expected " +
                               std::to_string(expected.size()));
    }
    for (std::size_t k = 0; k < got.size(); ++k) {
      if (!(std::abs(got[k] - expected[k]) <= tolerance)) {
        return fail(pointer, "is " + j->dump() + ", expected " + list(expected) + " within " +
                                 format_tolerance(tolerance));
      }
    }
    return pass();
  }
  checker& equals(const std::string& pointer, double expected, double tolerance = 1e-9) {
    return equals(pointer, std::vector<double>{expected}, tolerance);
  }

  /// \brief The JSON boolean at `pointer` is true exactly when the text matches `pattern` (for
  /// verdicts the text prints as words, e.g. "incentive efficiency: efficient").
  checker& flag(const std::string& pointer, const std::string& pattern) {
    const json* j = find(pointer);
    if (j == nullptr) return *this;
    const bool shown = std::regex_search(text_, std::regex(pattern));
    if (!j->is_boolean() || j->get<bool>() != shown) {
      return fail(pointer, "is " + j->dump() + ", but the text " +
                               (shown ? "matches" : "does not match") + " /" + pattern + "/");
    }
    return pass();
  }

  /// \brief The JSON value at `pointer` is exactly `expected` (a boolean, string or count).
  checker& is(const std::string& pointer, const json& expected) {
    const json* j = find(pointer);
    if (j == nullptr) return *this;
    if (*j != expected) return fail(pointer, "is " + j->dump() + ", expected " + expected.dump());
    return pass();
  }

  /// \brief The JSON array (or object) at `pointer` has `n` elements.
  checker& size(const std::string& pointer, std::size_t n) {
    const json* j = find(pointer);
    if (j == nullptr) return *this;
    if (j->size() != n) {
      return fail(pointer,
                  "has " + std::to_string(j->size()) + " elements, expected " + std::to_string(n));
    }
    return pass();
  }

  /// \brief From here on, text numbers are taken as printed with `digits` significant digits
  /// ({:.6g} prints 1.1 for 1.1000004): they must agree to half a unit in the sixth digit, not
  /// only in the last digit shown; a printed 0 must be below 1e-7 in magnitude (the examples
  /// clean smaller solver noise to 0). 0 goes back to the last digit shown.
  checker& significant_digits(int digits) {
    digits_ = digits;
    return *this;
  }

  /// \brief A condition on the document that the helpers above cannot state.
  checker& holds(const std::string& what, bool condition) {
    return condition ? pass() : fail(what, "does not hold");
  }

  const json& document() const { return doc_; }
  const std::string& output() const { return text_; }
  int passed() const { return passed_; }
  const std::vector<std::string>& failures() const { return failures_; }

 private:
  static std::string list(const std::vector<double>& v) {
    std::ostringstream s;
    s.precision(12);
    s << "[";
    for (std::size_t k = 0; k < v.size(); ++k) s << (k ? ", " : "") << v[k];
    s << "]";
    return s.str();
  }

  const json* find(const std::string& pointer) {
    try {
      return &doc_.at(json::json_pointer(pointer));
    } catch (const json::exception& e) {
      fail(pointer, std::string("not in the JSON (") + e.what() + ")");
      return nullptr;
    }
  }

  // The concrete pointers a pointer names, where a segment "*" stands for every element of an
  // array (in order) and a segment "." for the value itself; empty (and a failure recorded) if
  // a value is missing.
  std::vector<std::string> expand(const std::string& pointer) {
    std::vector<std::string> at{""};
    std::size_t start = 1;
    while (start <= pointer.size() && !pointer.empty()) {
      const std::size_t end = std::min(pointer.find('/', start), pointer.size());
      const std::string segment = pointer.substr(start, end - start);
      std::vector<std::string> next;
      for (const std::string& p : at) {
        if (segment == ".") {
          next.push_back(p);
          continue;
        }
        const json* j = find(p);
        if (j == nullptr) return {};
        if (segment == "*") {
          if (!j->is_array()) {
            fail(pointer, "'" + p + "' is not an array");
            return {};
          }
          for (std::size_t k = 0; k < j->size(); ++k) next.push_back(p + "/" + std::to_string(k));
        } else {
          if (find(p + "/" + segment) == nullptr) return {};
          next.push_back(p + "/" + segment);
        }
      }
      at = std::move(next);
      start = end + 1;
    }
    return at;
  }

  std::vector<const json*> resolve(const std::string& pointer) {
    std::vector<const json*> out;
    for (const std::string& p : expand(pointer)) out.push_back(&doc_.at(json::json_pointer(p)));
    return out;
  }

  static std::string format_tolerance(double t) {
    std::ostringstream out;
    out << t;
    return out.str();
  }

  // The values a pointer (with * wildcards) selects: their numbers in order, and the value
  // itself (one match) or the array of all matches, for messages and labels.
  struct selection {
    bool found = false;
    std::vector<double> numbers;
    json value;
  };
  selection select(const std::string& pointer) {
    selection out;
    const std::vector<const json*> values = resolve(pointer);
    if (values.empty()) return out;
    out.found = true;
    out.value = json::array();
    for (const json* v : values) {
      flatten(*v, out.numbers);
      out.value.push_back(*v);
    }
    if (values.size() == 1) out.value = *values.front();
    return out;
  }

  // The JSON value at pointer (× scale) against the numbers printed in `cell`.
  void compare(const std::string& pointer, const std::string& cell, double scale) {
    const selection sel = select(pointer);
    if (!sel.found) return;
    const std::vector<double>& got = sel.numbers;
    const json* j = &sel.value;
    if (j->is_string()) {  // a label: the text shows it verbatim (surrounding blanks aside)
      const auto first = cell.find_first_not_of(' '), last = cell.find_last_not_of(' ');
      const std::string trimmed =
          first == std::string::npos ? "" : cell.substr(first, last - first + 1);
      if (trimmed == j->get<std::string>()) {
        pass();
      } else {
        fail(pointer, "is " + j->dump() + ", the text shows '" + shorten(cell) + "'");
      }
      return;
    }
    std::vector<printed_number> shown = numbers_in(cell);
    if (digits_ > 0) {
      for (auto& n : shown) {
        if (n.tolerance == 0.0) continue;  // a word (true, yes, ...)
        n.tolerance =
            n.value == 0.0
                ? 1e-7  // the examples print |x| < 1e-7 as 0
                : 0.5 * std::pow(10.0, std::floor(std::log10(std::abs(n.value))) - (digits_ - 1)) *
                      (1.0 + 1e-9);
      }
    }
    const bool all_null =
        !got.empty() && std::all_of(got.begin(), got.end(), [](double x) { return std::isnan(x); });
    if (all_null && shown.empty()) {
      pass();
      return;
    }
    if (got.size() != shown.size()) {
      fail(pointer, "is " + shorten(j->dump()) + " (" + std::to_string(got.size()) +
                        " numbers), the text shows '" + shorten(cell) + "' (" +
                        std::to_string(shown.size()) + ")");
      return;
    }
    for (std::size_t k = 0; k < got.size(); ++k) {
      if (!(std::abs(scale * got[k] - shown[k].value) <= shown[k].tolerance)) {
        fail(pointer, "is " + shorten(j->dump()) + ", the text shows '" + shorten(cell) + "'");
        return;
      }
    }
    pass();
  }

  checker& pass() {
    ++passed_;
    return *this;
  }
  checker& fail(const std::string& pointer, const std::string& why) {
    failures_.push_back(pointer + ": " + why);
    return *this;
  }

  std::string text_;
  json doc_;
  int passed_ = 0;
  int digits_ = 0;
  std::vector<std::string> failures_;
};

// One printed number in a pattern (number_re), and the same as a group (num()). Patterns use
// [^\n] rather than '.' to stay within a line.
const std::string number_re = R"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)";

std::string num() { return "(" + number_re + ")"; }

using check_list = std::function<void(checker&)>;

// 001 §5, both instances: the header and every row of the table (revenue "-" is JSON null).
void gaussian_checks(checker& c) {
  c.text("/results/firms", "n = " + num() + ", beta");
  c.significant_digits(15);  // {} prints the shortest exact form
  c.text("/results/beta", "beta = " + num() + ", E");
  c.significant_digits(4);
  c.text("/results/interaction_r", "canonical r = " + num());
  c.significant_digits(6);
  c.text("/results/obedient_mean_action", "obedient mean action m = " + num() + ";");
  c.significant_digits(0);
  c.rows("/results/mechanisms",
         R"(\n(no information|state only|type only|complete information|welfare-optimal|)"
         R"(revenue-optimal|consumer-optimal|first best \(not obedient\)) +)" +
             num() + " +" + num() + " +" + num() + " +" + num() + " +" + num() + " +" + num() +
             " +(" + number_re + "|-) +" + num() + "  (obedient, IC|obedient, not IC|not obedient)",
         {"mechanism", "state_weight", "own_type_weight", "others_type_weight", "noise_variance",
          "noise_correlation", "welfare", "revenue", "consumer_surplus"});
  // The status column: obedient and incentive_compatible as the text words them.
  const std::regex status(R"(  (obedient, IC|obedient, not IC|not obedient)\n)");
  std::vector<std::string> shown, written;
  for (auto it = std::sregex_iterator(c.output().begin(), c.output().end(), status);
       it != std::sregex_iterator(); ++it) {
    shown.push_back((*it)[1].str());
  }
  for (const auto& m : c.document().at("results").at("mechanisms")) {
    written.push_back(!m.at("obedient").get<bool>()              ? "not obedient"
                      : m.at("incentive_compatible").get<bool>() ? "obedient, IC"
                                                                 : "obedient, not IC");
  }
  c.holds("the status column is obedient / incentive_compatible", shown == written);
  c.size("/results/mechanisms", 8);
  c.is("/results/mechanisms/7/mechanism", "first best (not obedient)");
  c.is("/results/mechanisms/7/obedient", false);
  c.is("/results/mechanisms/7/revenue", nullptr);
  c.is("/results/mechanisms/4/mechanism", "welfare-optimal");
  c.is("/results/mechanisms/4/incentive_compatible", true);
}

// A neutral procedural solution as nps_report writes it (003 Definition 4): every coalition's
// members are the players its name lists, and a certified coalition's residuals are at the
// LP tolerance.
void nps_solution_checks(checker& c, const std::string& pointer) {
  const auto& doc = c.document();
  const auto& solution = doc.at(json::json_pointer(pointer));
  bool players = true, residuals = true;
  for (const auto& s : solution) {
    std::string listed;
    for (const auto& m : s.at("members")) listed += std::to_string(m.at("player").get<int>()) + ",";
    std::string named = s.at("coalition").get<std::string>();  // "{0,1,2}"
    named = named.substr(1, named.size() - 2) + ",";
    players = players && listed == named;
    if (s.at("certified").get<bool>()) {
      for (const char* r : {"nps2_residual", "warrant_residual", "duality_gap"}) {
        residuals = residuals && s.at(r).is_number() && std::abs(s.at(r).get<double>()) < 1e-6;
      }
      residuals = residuals && s.at("message").get<std::string>().empty();
    }
  }
  c.holds(pointer + ": members are the players each coalition names", players);
  c.holds(pointer + ": certified coalitions have residuals below 1e-6 and no message", residuals);
}

const std::map<std::string, check_list>& checks_for() {
  static const std::map<std::string, check_list> all = {
      // --- 003 §6: the arrogance-of-strength game ---
      {"arrogance_of_strength",
       [](checker& c) {
         // The coalition table: utilities and warranted claims per member, certified.
         c.rows("/results/solution",
                R"(\n(\{[\d,]*\}) +((?:\([^)]*\) ?)+) +((?:\([^)]*\) ?)+) +(yes|NO))",
                {"coalition", "members/*/utilities#4", "members/*/claims#4", "certified"});
         // The grand coalition's plan next to Table 6.2's, row by row.
         const std::string plan = R"(\n  ([^\n]*?) +()" + number_re + " +" + number_re + ") +(" +
                                  number_re + " +" + number_re + R"()(?=\n))";
         c.rows("/results/solution/6/plan", plan, {"", ".", ""});
         c.rows("/results/table_6_2/plan", plan, {"", "", "."});
         c.text("/results/table_6_2/nps2_residual", "NPS2 residual " + num());
         c.text("/results/table_6_2/warrant_residual", "warrant residual " + num());
         c.text("/results/table_6_2/duality_gap", "duality gap " + num());
         // 003 §6: U^{1,2} = (5, 5), U^{i,3} = (9/2, 5, 5/2), the grand coalition (10/3, 10/3,
         // 10/3, 5/3); Table 6.2 is certified.
         c.is("/results/solution/6/coalition", "{0,1,2}");
         c.equals("/results/solution/3/members/*/utilities", {5, 5});
         c.equals("/results/solution/4/members/*/utilities", {4.5, 5, 2.5});
         c.equals("/results/solution/5/members/*/utilities", {4.5, 5, 2.5});
         c.equals("/results/solution/6/members/*/utilities",
                  {10.0 / 3, 10.0 / 3, 10.0 / 3, 5.0 / 3});
         c.is("/results/table_6_2/certified", true);
         c.is("/results/table_6_2/coalition", "{0,1,2}");
         c.equals("/results/table_6_2/members/*/player", {0, 1, 2}, 0.0);
         c.equals("/results/table_6_2/members/*/utilities",
                  {10.0 / 3, 10.0 / 3, 10.0 / 3, 5.0 / 3});
         // claims carry the search LPs' tolerance (1e-7) through (4.11): 1e-6
         c.equals("/results/table_6_2/members/*/claims", {0.5, 0.5, 0, 0}, 1e-6);
         nps_solution_checks(c, "/results/solution");
       }},
      // --- 002 §4: Gap on a belief grid ---
      {"bargaining_gap",
       [](checker& c) {
         c.rows("/results/cases",
                R"(\n== ([^\n]*) ==\n  l1 = )" + num() + ", h1 = " + num() + ", l2 = " + num() +
                    ", h2 = " + num() + ", beta = " + num() + R"(\n  thresholds: p1\*\(x\) = )" +
                    num() + R"(, p2\* = )" + num() + R"((?:, p2\*\* = )" + num() +
                    R"()?\n  grid \d+ x \d+: )" + num() + " LPs, " + number_re +
                    R"( simplex iterations, )" + num() +
                    R"( polished\n  max Gap / h2 on the grid = )" + num() +
                    R"( % at \(p1, p2\) = \()" + num() + ", " + num() + R"(\)\n[^\n]*= )" + num() +
                    R"( %\n  paper's bound 6.25 %: (holds|VIOLATED)\n  min Gap on the grid = )" +
                    num() + R"(; max \|LP - closed form\| = )" + num(),
                {"case", "l1#15", "h1#15", "l2#15", "h2#15", "beta#15", "p1_star", "p2_star",
                 "p2_star_star", "grid_points", "polished_points", "max_gap_over_h2@100",
                 "argmax_p1", "argmax_p2", "delta_over_h2@100", "bound_6_25_percent_holds",
                 "min_gap", "max_abs_lp_minus_closed_form"});
         // 002: Gap <= 6.25 % of h2 on any grid; the LP equals the closed forms.
         c.equals("/results/bound", 0.0625, 0.0);
         for (const char* k : {"0", "1"}) {
           const std::string at = std::string("/results/cases/") + k;
           const auto& r = c.document().at(json::json_pointer(at));
           c.holds(
               at + ": max Gap / h2 <= 6.25 %",
               r.at("max_gap_over_h2").get<double>() <= 0.0625 &&
                   r.at("max_gap_over_h2").get<double>() <= r.at("delta_over_h2").get<double>());
           c.equals(at + "/max_abs_lp_minus_closed_form", 0.0, 1e-9);
         }
       }},
      // --- 002 §3-§4: the special cases with Gap = 0 ---
      {"bargaining_special_cases",
       [](checker& c) {
         const std::string vec = R"((\([^)]*\)))";
         c.rows("/results/cases",
                "\n([^\n]{44}) +" + num() + " +" + num() + " +" + num() + "   " + vec + " +" + vec +
                    " +" + vec + " +" + vec,
                {"case", "E", "random_monopoly_value", "gap", "u1", "RM1", "u2", "RM2"});
         // Gap = 0 in every case; E = p1.RM1; complete information splits t2 = 0.8 as 0.32 : 0.48.
         c.equals("/results/cases/*/gap", std::vector<double>(6, 0.0), 1e-9);
         c.equals("/results/cases/0/E", 0.72);
         c.equals("/results/cases/5/u1", 0.32);
         c.equals("/results/cases/5/u2", 0.48);
       }},
      // --- 003 §2: bilateral trade ---
      {"bilateral_trade",
       [](checker& c) {
         const std::string cell = R"(\(()" + number_re + R"(), \$?()" + number_re + R"(|-)\))";
         c.rows(
             "/results/models/*/plans/*",
             R"(\n(seller dictator \(Table 2.1\)|buyer dictator|random dictatorship \(2.1\)) +)" +
                 num() + " +" + num() + " +" + num() + " +" + cell + " +" + cell,
             {"name", "U1w", "U1s", "U2", "plan/0/trade_probability#3", "plan/0/price_if_trade#4",
              "plan/1/trade_probability#3", "plan/1/price_if_trade#4"});
         c.rows("/results/models", R"(residuals \(3.8a\) )" + num() + R"(, \(3.8b\) )" + num(),
                {"incentive_efficiency/residual_3_8a#3", "incentive_efficiency/residual_3_8b#3"});
         c.rows("/results/models", R"(\n== ([^\n]*) ==)", {"model"});
         c.rows("/results/models",
                R"(\n  supporting weights  lambda1\(w\) = )" + num() + R"(  lambda1\(s\) = )" +
                    num() + "  lambda2 = " + num() +
                    R"(\n  IC multipliers      alpha1\(s\|w\) = )" + num() +
                    R"(  alpha1\(w\|s\) = )" + num(),
                {"incentive_efficiency/lambda_buyer/0", "incentive_efficiency/lambda_buyer/1",
                 "incentive_efficiency/lambda_seller/0", "incentive_efficiency/alpha_buyer/0/1",
                 "incentive_efficiency/alpha_buyer/1/0"});
         c.equals("/results/models/*/average_incentive_compatible", {1, 1}, 0.0);
         c.equals("/results/models/*/average_individually_rational", {1, 1}, 0.0);
         // 003 §2: the seller dictator's 72, the buyer's (90, 30, 0), their average (45, 15, 36),
         // supported with money by lambda = (0.35, 0.15, 0.5), alpha1(s|w) = 0.05.
         for (const char* m : {"/results/models/0", "/results/models/1"}) {
           const std::string at = m;
           c.equals(at + "/plans/*/U1w", {0, 90, 45});
           c.equals(at + "/plans/*/U1s", {0, 30, 15});
           c.equals(at + "/plans/*/U2", {72, 0, 36});
           c.is(at + "/incentive_efficiency/verdict", "efficient");
         }
         c.equals("/results/models/0/incentive_efficiency/lambda_buyer", {0.35, 0.15});
         c.equals("/results/models/0/incentive_efficiency/lambda_seller", 0.5);
         c.equals("/results/models/0/incentive_efficiency/alpha_buyer/0/1", 0.05);
       }},
      // --- 003 §2: the broker ---
      {"broker",
       [](checker& c) {
         c.rows("/results/solution",
                R"(\n(\{[\d,]*\}) +((?:\([^)]*\) ?)+) +((?:\([^)]*\) ?)+) +(yes|NO))",
                {"coalition", "members/*/utilities#4", "members/*/claims#4", "certified"});
         c.significant_digits(4);  // nps_report::join and this line print {:.4g}
         c.text("/results/solution/6/members/*/utilities", R"(\(U1w, U1s, U2, U3\) = (\([^)]*\)))");
         c.text(
             "/results/solution/6/members/*/claims",
             R"(Dictators' warranted claims: buyer (\([^)]*\)), seller (\([^)]*\)), broker (\([^)]*\)))");
         c.text(
             "/results/solution/6/members/*/lambda",
             R"(Supporting weights lambda: buyer (\([^)]*\)), seller (\([^)]*\)), broker (\([^)]*\)))");
         c.significant_digits(6);
         c.text("/results/expected_surplus_2_4", "U2 \\+ U3 = " + num());
         c.significant_digits(0);
         c.rows("/results/solution/6/plan",
                R"(\n  (no trade|trade|verified sale[^\n]*?) +()" + number_re + " +" + number_re +
                    ")(?=\n)",
                {"", "."});
         c.text("/results/table_2_3/nps2_residual", "NPS2 residual " + num());
         c.text("/results/table_2_3/warrant_residual", "warrant residual " + num());
         c.text("/results/table_2_3/duality_gap", "duality gap " + num());
         // 003 §2: the traders alone settle at (45, 15, 36); the grand coalition at (45, 15, 38, 1)
         // with surplus 78, the average of the dictators' claims; Table 2.3 is certified.
         c.is("/results/solution/3/coalition", "{0,1}");
         c.equals("/results/solution/3/members/*/utilities", {45, 15, 36});
         // claims carry the search LPs' tolerance (1e-7) through (4.11): 1e-6
         c.equals("/results/solution/3/members/*/claims", {90, 30, 72}, 1e-6);
         c.is("/results/solution/6/coalition", "{0,1,2}");
         c.equals("/results/solution/6/members/*/utilities", {45, 15, 38, 1});
         // claims carry the search LPs' tolerance (1e-7) through (4.11): 1e-6
         c.equals("/results/solution/6/members/*/claims", {90, 30, 78, 3}, 1e-6);
         c.equals("/results/expected_surplus_2_4", 78);
         c.is("/results/table_2_3/certified", true);
         c.is("/results/table_2_3/coalition", "{0,1,2}");
         c.equals("/results/table_2_3/members/*/player", {0, 1, 2}, 0.0);
         c.equals("/results/table_2_3/members/*/utilities", {45, 15, 38, 1});
         // claims carry the search LPs' tolerance (1e-7) through (4.11): 1e-6
         c.equals("/results/table_2_3/members/*/claims", {90, 30, 78, 3}, 1e-6);
         nps_solution_checks(c, "/results/solution");
       }},
      // --- 001 §5: Gaussian data monetization ---
      {"gaussian_bertrand", gaussian_checks},
      {"gaussian_cournot", gaussian_checks},
      // --- 003 Definition 4: timing of the neutral procedural solution ---
      {"nps_benchmark",
       [](checker& c) {
         // Every column that does not depend on the clock, under its own name: a field that
         // carries another column (e.g. undecided <- epsilon_certified, restarts <- coalitions)
         // fails. worst eps prints "-" (no undecided coalition) or "inf" for JSON null.
         c.rows("/results/rows",
                R"(\n +(\d+) +(\d+) +(\d+) +(\d+) +)" + number_re + " +" + number_re +
                    R"( +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +()" + number_re +
                    "|-|inf)(?=\n)",
                {"players", "types", "decisions", "profiles", "certified", "degenerate_certified",
                 "epsilon_certified", "undecided", "coalitions", "restarts", "worst_epsilon#3"});
         c.text("/results/seeds", R"(random games \(()" + number_re + R"() per size, epsilon)");
         c.text("/results/epsilon", R"(per size, epsilon ()" + number_re + R"()\))");
         c.equals("/results/epsilon", 1e-6);  // nps_options' default
         c.size("/results/rows", 3);
         // Each coalition has exactly one outcome; worst_epsilon is undefined (null) when no
         // coalition is undecided.
         bool partition = true, undefined_without_undecided = true;
         for (const auto& r : c.document().at("results").at("rows")) {
           const int sum = r.at("certified").get<int>() + r.at("degenerate_certified").get<int>() +
                           r.at("epsilon_certified").get<int>() + r.at("undecided").get<int>();
           partition = partition && sum == r.at("coalitions").get<int>();
           if (r.at("undecided").get<int>() == 0) {
             undefined_without_undecided =
                 undefined_without_undecided && r.at("worst_epsilon").is_null();
           }
         }
         c.holds("certified + degenerate + epsilon + undecided = coalitions in every row",
                 partition);
         c.holds("worst_epsilon is null in rows without an undecided coalition",
                 undefined_without_undecided);
       }},
      // --- 000 §1: the electoral campaign ---
      {"persuasion_electoral_campaign",
       [](checker& c) {
         c.significant_digits(6);  // show_vector and these lines print {:.6g}
         c.text("/results/disagreement", R"(disagreement \(full revelation\) +(\([^)]*\)))");
         c.text("/results/no_information", R"(no information +(\([^)]*\)))");
         c.text("/results/endorsement_rule/0", "P\\(Centrist\\) = " + num() + ", P\\(Left\\) = " +
                                                   num() + ", P\\(Right\\) = " + num());
         c.text("/results/posterior_left_after_left", "after \"Left\" = " + num());
         c.text("/results/endorsement_payoffs", R"(    payoffs (\([^)]*\)))");
         c.text("/results/nash", R"(symmetric Nash +(\([^)]*\)))");
         c.text("/results/nash_certified_gap", "certified gap " + num());
         c.text("/results/kalai_smorodinsky", R"(Kalai-Smorodinsky +(\([^)]*\)))");
         c.text("/results/egalitarian", R"(egalitarian +(\([^)]*\)))");
         c.text("/results/utopia", R"(utopia point +(\([^)]*\)))");
         c.rows("/results/boundary", R"(\n    (\([-\d., ]*\))(?=\n))", {"."});
         c.text("/results/pareto_frontier", R"(Pareto frontier: ([^\n]*))");
         c.text("/results/reveal_gain_right_after_left", "Right's payoff by " + num());
         c.text("/results/eq7_worst_gain", "agent 1 gains " + num() + " with another");
         c.text("/results/definition2_failure",
                R"(Definition 2 fails \(structure holds\): ([^\n]*))");
         // 000 §1 and Proposition 6: disagreement 1.1 each, the endorsement rule 6/8, 1/8, 1/8
         // with payoffs 1.2 each, equal to the Nash, KS and egalitarian solutions.
         c.equals("/results/disagreement", {1.1, 1.1});
         c.equals("/results/endorsement_rule/0", {0.75, 0.125, 0.125});
         c.equals("/results/endorsement_payoffs", {1.2, 1.2});
         c.equals("/results/nash", {1.2, 1.2});
         c.equals("/results/kalai_smorodinsky", {1.2, 1.2});
         c.equals("/results/egalitarian", {1.2, 1.2});
         c.is("/results/definition2_holds", false);
         c.is("/results/endorsement_robust_eq7", false);
       }},
      // --- 000 §3.1, §3.3: no beneficial agreement ---
      {"persuasion_no_agreement",
       [](checker& c) {
         c.text("/results/wta_certificate_value", R"(- d_i\) = )" + num());  // {:.3g}
         c.significant_digits(6);
         c.text("/results/guessing_disagreement", R"(full revelation gives (\([^)]*\)))");
         c.text("/results/guessing_payoffs_at_omega1", R"(the agents get (\([^)]*\)))");
         c.text("/results/guessing_max_min_gain", "max-min gain " + num());
         c.text("/results/guessing_dual_weights", R"(dual weights (\([^)]*\)))");
         c.text("/results/wta_wins", R"(wins (\([^)]*\)))");
         c.text("/results/wta_weights", R"(weights y = (\([^)]*\)))");
         c.text("/results/wta_weights_expected", R"(proportional to 1/u_i: (\([^)]*\)))");
         // 000 §3.3: the lottery gives 2 > 1.5 at omega_1, yet nothing beats full revelation;
         // §3.1: y proportional to 1/u_i.
         c.equals("/results/guessing_disagreement", {1.5, 1.5});
         c.equals("/results/guessing_payoffs_at_omega1", {2, 2});
         c.is("/results/guessing_beneficial", false);
         c.is("/results/wta_beneficial", false);
         c.is("/results/proposition1_beneficial", false);
         c.equals("/results/wta_weights", {4.0 / 7, 2.0 / 7, 1.0 / 7});
       }},
      // --- 000 §3.3: privacy regulation ---
      {"persuasion_privacy",
       [](checker& c) {
         c.rows("/results/cases",
                R"(\n  prior \()" + num() + ", " + num() + ", " + num() +
                    R"(\): ([^;\n]*); v P\(value >= v\) = (\([^)]*\)))",
                {"prior/0#15", "prior/1#15", "prior/2#15", "case", "revenue_curve#4"});
         c.rows(
             "/results/cases/*/partitions/*",
             R"(\n    (\d(?:\|\d)*) +(\d(?:,\d)*) +(true|false) +(true|false) +(true|false)(?=\n))",
             {"category_sizes", "prices", "incentive_compatible", "full_trade", "beneficial"});
         // 000 Proposition 4 (i): with a decreasing revenue curve no category structure admits a
         // beneficial agreement; the other two priors have one against the single category.
         c.is("/results/cases/0/revenue_curve_decreasing", true);
         c.equals("/results/cases/0/partitions/*/beneficial", {0, 0, 0, 0}, 0.0);
         c.is("/results/cases/1/revenue_curve_decreasing", false);
         c.is("/results/cases/1/partitions/0/beneficial", true);
         c.is("/results/cases/2/partitions/0/beneficial", true);
         c.is("/results/cases/2/revenue_curve_decreasing", false);
         c.equals("/results/cases/*/revenue_curve", {1, 0.8, 0.3, 1, 1.1, 0.6, 1, 1.4, 1.8});
       }},
      // --- 000 §3.2: collusion among three parties ---
      {"persuasion_three_parties",
       [](checker& c) {
         c.rows("/results/theorem2_holds_for_k_1_2_3",
                R"(Theorem 2 with coalitions of size (\d): (holds|fails))", {"", "."});
         const std::string line = R"( +[A-Za-z]+ +()" + number_re + " +" + number_re + " +" +
                                  number_re + " +" + number_re + R"()\n)";
         c.text("/results/lemma1_structure",
                R"(Lemma 1's construction[^\n]*\n[^\n]*\n)" + line + line + line + line);
         c.text("/results/direct_structure",
                R"(largest smallest gain \(LP\)[^\n]*\n[^\n]*\n)" + line + line + line + line);
         c.significant_digits(6);  // show_vector prints {:.6g}
         c.text("/results/disagreement", R"(\(full revelation\) (\([^)]*\)))");
         c.text("/results/lottery", R"(lottery (\([^)]*\)) gives)");
         c.text("/results/lottery_payoffs", R"(gives (\([^)]*\)) > d)");
         c.text("/results/lottery_surplus", "smallest surplus " + num());
         c.text("/results/lemma1_payoffs", R"(    payoffs (\([^)]*\)) \(gains)");
         c.text("/results/direct_min_gain", "max-min gain " + num() + " at payoffs");
         c.text("/results/direct_payoffs", R"(max-min gain [^ ]+ at payoffs (\([^)]*\)))");
         // 000 §3.2: d = (0.375, -0.6, -4.55); Theorem 2 holds for pairs only; a beneficial
         // lottery exists and Lemma 1's structure attains a beneficial IC agreement.
         c.equals("/results/disagreement", {0.375, -0.6, -4.55});
         c.is("/results/theorem2_holds_for_k_1_2_3", json::array({false, true, false}));
         c.is("/results/beneficial", true);
         c.is("/results/lemma1_ic", true);
         c.is("/results/lemma1_beneficial", true);
       }},
      // --- README's tour: 003 §2 with weights (0.8, 0.2, 1.05) ---
      {"quick_tour",
       [](checker& c) {
         c.text("/results/objective", R"(primal \(3.5\) optimal: value )" + num());
         c.text("/results/dual_objective", R"(, dual \(3.7\) )" + num());
         c.rows("/results/trade_probability", "trade with probability " + num(), {"."});
         c.text("/results/alpha_weak_as_strong", R"(alpha\(value 90 claims 30\) = )" + num());
         c.flag("/results/efficient", R"(incentive efficiency: efficient \(min lambda)");
         // 0.8 * 60 + 0.2 * 0 + 1.05 * 30 = 79.5: both buyer types trade at price 30.
         c.equals("/results/objective", 79.5);
         c.equals("/results/dual_objective", 79.5);
         c.equals("/results/trade_probability", {1, 1});
         c.equals("/results/alpha_weak_as_strong", 0.04);
         c.is("/results/efficient", true);
       }},
      // --- 004 §4.1: two buyer types, Figures 6 and 8 ---
      {"selling_information_binary_types",
       [](checker& c) {
         c.significant_digits(6);
         c.text("/results/phi", "phi = " + num() + "\n");
         c.significant_digits(0);
         c.rows("/results/figures",
                R"(\n(Figure [68] \([a-z]+\)): v_l = )" + num() + ", v_h = " + num() + R"(\.)",
                {"figure", "v_low", "v_high"});
         c.rows(
             "/results/figures",
             R"(model thresholds (\d+)/(\d+), printed thresholds (\d+)/(\d+); steering offers: (\d+))",
             {"model_thresholds_agree", "compared", "printed_thresholds_agree", "compared",
              "steering_offers"});
         // Every cell of the two region maps: the text's symbols for (low, high) are the JSON's
         // offers, row by row (v_s) and column by column (tau).
         const std::map<std::string, char> symbol = {
             {"none", '.'}, {"partial", 'p'}, {"full", 'F'}, {"steering", 's'}};
         const std::regex map_row(R"(\nv_s=()" + number_re + R"() \|((?: [.pFs]{2})+))");
         std::vector<std::string> text_rows;
         for (auto it = std::sregex_iterator(c.output().begin(), c.output().end(), map_row);
              it != std::sregex_iterator(); ++it) {
           text_rows.push_back((*it)[1].str() + " |" + (*it)[2].str());
         }
         std::vector<std::string> json_rows;
         for (const auto& f : c.document().at("results").at("figures")) {
           double vs = -1.0;
           for (const auto& cell : f.at("cells")) {
             if (cell.at("v_s").get<double>() != vs) {
               vs = cell.at("v_s").get<double>();
               char head[32];
               std::snprintf(head, sizeof head, "%.3f |", vs);
               json_rows.emplace_back(head);
             }
             json_rows.back() += std::string(" ") + symbol.at(cell.at("low").get<std::string>()) +
                                 symbol.at(cell.at("high").get<std::string>());
           }
         }
         c.holds("the region maps (" + std::to_string(text_rows.size()) +
                     " text rows) show the JSON cells' offers",
                 !text_rows.empty() && text_rows == json_rows);
         // 004 Cor. 4.4 re-derived from the model predicts every non-steering cell.
         for (const char* f : {"/results/figures/0", "/results/figures/1"}) {
           const auto& fig = c.document().at(json::json_pointer(f));
           c.holds(std::string(f) + ": model thresholds agree on every compared cell",
                   fig.at("compared").get<int>() > 0 &&
                       fig.at("model_thresholds_agree") == fig.at("compared"));
         }
       }},
      // --- 004 §4.2, Figure 11: profit as competition grows ---
      {"selling_information_competition",
       [](checker& c) {
         c.rows("/results/rows",
                R"(\n +)" + num() + " +" + num() + " +" + num() + " +" + num() + " +" + num() +
                    R"(   (\[()" + number_re + "), (" + number_re + R"()\] at ()" + number_re +
                    R"()|nothing sold))",
                {"tau", "menu", "menu_lp", "full_information", "nothing", "", "low?", "high?",
                 "price?"});
         c.text("/results/types", R"(Figure 11\): ([^,\n]*) types, v_s)");
         c.significant_digits(6);
         c.text("/results/seller_belief", "types, v_s = " + num() + "\n");
         c.significant_digits(0);
         c.text("/results/cells", "finite LP on " + num() + " cells");
         c.text("/results/worst_lp_difference", "largest difference " + num());
         c.text("/results/zero_profit_tau", "menu profit positive below tau = " + num());
         c.text("/results/printed_tau_prime", R"(\(1 - 2 v_s\)\^-2 = )" + num());
         c.flag("/results/nothing_beats_free_full_information", "for every tau > 0: yes");
         c.flag("/results/nothing_sold_above_tau_prime", R"(\(model\): yes)");
         // 004 §4.2, uniform types: at tau = 0 full information on [1/4, 3/4] at price 1/4,
         // profit 1/8; the profit is (1 - tau^2)/8 - tau(3 - tau)/4, zero at 3 - 2 sqrt 2.
         c.equals("/results/rows/0/menu", 0.125, 1e-9);
         c.equals("/results/rows/0/low", 0.25, 1e-9);
         c.equals("/results/rows/0/high", 0.75, 1e-9);
         c.equals("/results/rows/0/price", 0.25, 1e-9);
         c.equals("/results/zero_profit_tau", 3 - 2 * std::sqrt(2.0), 1e-9);
         c.equals("/results/model_tau_prime", 1.0, 0.0);
         bool formula = true;
         for (const auto& r : c.document().at("results").at("rows")) {
           const double tau = r.at("tau").get<double>();
           if (tau > 1.0 + 1e-12) continue;  // from tau' = 1 on nothing is sold
           formula = formula && std::abs(r.at("menu").get<double>() -
                                         ((1 - tau * tau) / 8 - tau * (3 - tau) / 4)) < 1e-9;
         }
         c.holds("menu profit = (1 - tau^2)/8 - tau(3 - tau)/4 for tau <= 1", formula);
       }},
      // --- 004 §4.2, tau = 0: the continuous menu against its discretisations ---
      {"selling_information_third_party",
       [](checker& c) {
         c.rows("/results/grids",
                R"(\n +(\d+) +)" + num() + " +" + num() + " +" + number_re + " +" + num() + " +" +
                    num() + " +" + num() + "-" + num() + R"( +(\d+) +)" + number_re + "(?=\n)",
                {"n", "profit", "profit_error", "full_information_low", "full_information_high",
                 "price_min", "price_max", "rounds"});
         c.significant_digits(6);  // the continuous menu's formatter prints {:.6g}
         c.text("/results/continuous", R"(full information on \[)" + num() + ", " + num() +
                                           R"(\] at price )" + num() + R"(, lambda\* = )" + num() +
                                           "; profit " + num());
         c.text("/results/seller_belief", "tau = 0, v_s = " + num() + ":");
         // 004 §4.2: full information to [1/4, 3/4] at price 1/4, lambda* = 1/2, profit 1/8; the
         // LP on n cells earns 1/8 + 1/(4n).
         c.equals("/results/continuous", {0.25, 0.75, 0.25, 0.5, 0.125}, 1e-9);
         c.equals("/results/grids/*/n", {8, 16, 32, 64, 128}, 0.0);
         c.equals("/results/grids/*/profit",
                  {0.125 + 1.0 / 32, 0.125 + 1.0 / 64, 0.125 + 1.0 / 128, 0.125 + 1.0 / 256,
                   0.125 + 1.0 / 512},
                  1e-9);
       }},
      // --- textbook models (no paper) ---
      {"textbook_models",
       [](checker& c) {
         c.significant_digits(10);  // the design result's formatter and these lines: {:.10g}
         c.text("/results/auction_revenue_dsic",
                R"(DSIC \+ ex-post IR:  mechanism design optimal: objective )" + num());
         c.text("/results/auction_revenue_bic",
                R"(BIC \+ interim IR:   mechanism design optimal: objective )" + num());
         c.text("/results/auction_revenue_virtual_values",
                R"(E\[max\(phi1, phi2, 0\)\] = )" + num());
         c.text("/results/conviction_probability", "conviction probability " + num() + ";");
         c.significant_digits(0);
         c.text("/results/second_best_gains", "second best " + num());
         c.text("/results/first_best_gains", "first best " + num());
         c.flag("/results/efficient_trade_implementable",
                "ex-post efficient trade: mechanism design optimal");
         // Myerson: revenue 2 = E[max(phi_1, phi_2, 0)]; Kamenica-Gentzkow: conviction 0.6;
         // Myerson-Satterthwaite: not implementable (checked Farkas certificate), second best
         // 20/27 < first best 7/9.
         c.equals("/results/auction_revenue_dsic", 2.0);
         c.equals("/results/auction_revenue_bic", 2.0);
         c.equals("/results/auction_revenue_virtual_values", 2.0, 1e-12);
         c.equals("/results/conviction_probability", 0.6);
         c.is("/results/efficient_trade_implementable", false);
         c.is("/results/farkas_certificate_checked", true);
         c.equals("/results/second_best_gains", 20.0 / 27, 1e-9);
         c.equals("/results/first_best_gains", 7.0 / 9, 1e-12);
       }},
  };
  return all;
}

/// \brief The standard output of a command and its exit status (-1 if it did not exit).
std::pair<std::string, int> run(const std::string& command) {
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {"", -1};
  std::string out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = pclose(pipe);
  return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

std::string quoted(const std::string& path) {
  std::string out = "'";
  for (char c : path) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: example_json_content <example name> <example executable>\n";
    return 2;
  }
  const std::string stem = argv[1], program = quoted(argv[2]);
  const auto found = checks_for().find(stem);
  if (found == checks_for().end()) {
    std::cerr << stem << ": no content checks; add them to examples/support/tests/"
              << "json_content.cpp\n";
    return 1;
  }
  const auto [text, text_status] = run(program);
  const auto [out, json_status] = run(program + " --json");
  if (text_status != 0 || json_status != 0) {
    std::cerr << stem << ": exit status " << text_status << " (text), " << json_status
              << " (--json)\n";
    return 1;
  }
  json doc;
  try {
    doc = json::parse(out);
  } catch (const json::exception& e) {
    std::cerr << stem << " --json printed invalid JSON: " << e.what() << "\n" << out << "\n";
    return 1;
  }
  // The one shape of every example (support/json.hpp's document()).
  if (!doc.is_object() || doc.size() != 3 || !doc.contains("paper") || !doc["paper"].is_string() ||
      !doc.contains("model") || !doc["model"].is_string() || !doc.contains("results") ||
      !doc["results"].is_object()) {
    std::cerr << stem << " --json: not of the shape {\"paper\": string, \"model\": string, "
              << "\"results\": object}:\n"
              << shorten(out, 400) << "\n";
    return 1;
  }
  checker c(text, doc);
  try {
    found->second(c);
  } catch (const std::exception& e) {
    c.holds(std::string("the checks ran to the end (") + e.what() + ")", false);
  }
  for (const auto& f : c.failures()) std::cerr << stem << ": FAILED " << f << "\n";
  std::cout << stem << ": shape ok; " << c.passed() << " content checks passed, "
            << c.failures().size() << " failed\n";
  if (c.passed() == 0 && c.failures().empty()) {
    std::cerr << stem << ": the check list is empty\n";
    return 1;
  }
  return c.failures().empty() ? 0 : 1;
}
