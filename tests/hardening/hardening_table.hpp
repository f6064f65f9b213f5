// The bad-input table's vocabulary (issue 16), shared by the table's files in tests/hardening/:
// a case is a family (a group of public entry points), a class of bad input, a name and a
// lambda that returns normally iff the documented outcome was observed — a typed exception
// whose message names the entry point, or a correct answer the lambda checks itself.
#ifndef MECHDESIGN_TESTS_HARDENING_TABLE_HPP
#define MECHDESIGN_TESTS_HARDENING_TABLE_HPP

#include <fmt/format.h>

#include <exception>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

namespace hardening {

inline const double nan = std::numeric_limits<double>::quiet_NaN();
inline const double inf = std::numeric_limits<double>::infinity();

/// The public entry-point families of the issue, plus the three modules written after it.
inline const std::vector<std::string>& families() {
  static const std::vector<std::string> f{"priors",
                                          "type spaces",
                                          "problems",
                                          "mechanisms",
                                          "lp models and options",
                                          "primal",
                                          "efficiency",
                                          "warranted claims",
                                          "selection",
                                          "NPS",
                                          "bargaining",
                                          "persuasion",
                                          "bargaining set",
                                          "selection environments",
                                          "privacy",
                                          "pricing finite",
                                          "pricing binary",
                                          "pricing continuous",
                                          "data monetization",
                                          "design",
                                          "textbook",
                                          "io json"};
  return f;
}

/// The bad-input classes every family is checked against (a cell of the matrix is either a case
/// or a not-applicable entry with its reason).
inline const std::vector<std::string>& required_classes() {
  static const std::vector<std::string> c{"NaN",
                                          "inf",
                                          "negative probability",
                                          "sum off by 1e-3",
                                          "sum off by 1e-15",
                                          "empty",
                                          "mismatched sizes",
                                          "zero-probability type",
                                          "duplicate players",
                                          "out-of-range index",
                                          "huge size",
                                          "throwing callable",
                                          "magnitude 1e300/1e-300",
                                          "all-zero"};
  return c;
}

/// Further classes a case may carry (not part of the matrix): parameters outside their range,
/// results passed back with another problem, and checks that a correct answer is reported.
inline const std::vector<std::string>& extra_classes() {
  static const std::vector<std::string> c{"out-of-range parameter", "another problem's result",
                                          "answer"};
  return c;
}

struct table_case {
  std::string family;
  std::string input_class;
  std::string name;
  std::function<void()> run;  // returns normally iff the documented outcome was observed
};

/// The cases of one table file, added as add(family, class, name, lambda).
struct case_list {
  std::vector<table_case> cases;
  void operator()(std::string family, std::string input_class, std::string name,
                  std::function<void()> run) {
    cases.push_back({std::move(family), std::move(input_class), std::move(name), std::move(run)});
  }
};

/// A matrix cell that has no case, with the reason the class does not apply to the family.
struct not_applicable {
  std::string family;
  std::string input_class;
  std::string reason;
};

struct failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// A case that must throw E (or a subclass) whose message contains \p entry (never empty).
template <class E>
std::function<void()> throws_named(std::string entry, std::function<void()> f) {
  if (entry.empty()) throw std::logic_error("throws_named: the entry point's name is required");
  return [entry = std::move(entry), f = std::move(f)]() {
    try {
      f();
    } catch (const E& e) {
      if (std::string(e.what()).find(entry) == std::string::npos) {
        throw failure(fmt::format("threw {} but the message '{}' does not name '{}'",
                                  typeid(E).name(), e.what(), entry));
      }
      return;
    } catch (const std::exception& e) {
      throw failure(fmt::format("threw the wrong type ({}): {}", typeid(e).name(), e.what()));
    }
    throw failure("returned normally, expected a typed exception");
  };
}

/// A case whose lambda checks the answer itself (throws failure if it is wrong).
inline std::function<void()> answers(std::function<void()> f) { return f; }

inline void expect(bool ok, const std::string& what) {
  if (!ok) throw failure(what);
}

/// The mechanism-side families' cases and not-applicable cells (bad_input_test.cpp).
std::vector<table_case> mechanism_cases();
std::vector<not_applicable> mechanism_not_applicable();
/// The information-side families' cases and not-applicable cells
/// (bad_input_information_test.cpp).
std::vector<table_case> information_cases();
std::vector<not_applicable> information_not_applicable();

}  // namespace hardening

#endif  // MECHDESIGN_TESTS_HARDENING_TABLE_HPP
