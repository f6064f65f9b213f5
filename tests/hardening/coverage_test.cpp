// The bad-input table (issue 16) run as one test, and its coverage matrix: every family ×
// required class is either covered by at least one case or listed as not applicable with its
// reason, never both and never neither.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <utility>

#include "hardening/hardening_table.hpp"

namespace {

bool hardening_listed(const std::vector<std::string>& names, const std::string& x) {
  return std::find(names.begin(), names.end(), x) != names.end();
}

std::vector<hardening::table_case> hardening_all_cases() {
  auto all = hardening::mechanism_cases();
  auto more = hardening::information_cases();
  all.insert(all.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  return all;
}

std::vector<hardening::not_applicable> hardening_all_not_applicable() {
  auto all = hardening::mechanism_not_applicable();
  const auto more = hardening::information_not_applicable();
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

}  // namespace

TEST_CASE("hardening: every bad-input case has its documented outcome", "[hardening]") {
  const auto cases = hardening_all_cases();
  std::map<std::string, int> per_family;
  std::set<std::pair<std::string, std::string>> names;
  int failed = 0;
  for (const auto& k : cases) {
    ++per_family[k.family];
    INFO(k.family << " / " << k.input_class << " / " << k.name);
    CHECK(hardening_listed(hardening::families(), k.family));
    CHECK((hardening_listed(hardening::required_classes(), k.input_class) ||
           hardening_listed(hardening::extra_classes(), k.input_class)));
    CHECK(names.insert({k.family, k.name}).second);  // case names are unique per family
    std::string why;
    try {
      k.run();
    } catch (const std::exception& e) {
      why = e.what();
    }
    if (!why.empty()) {
      ++failed;
      FAIL_CHECK(k.family << " / " << k.name << ": " << why);
    }
  }
  for (const auto& [family, n] : per_family) {
    fmt::print(stderr, "hardening: {:>3} cases  {}\n", n, family);
  }
  fmt::print(stderr, "hardening: {} cases, {} failed\n", cases.size(), failed);
  CHECK(failed == 0);
  CHECK(per_family.size() == hardening::families().size());
}

TEST_CASE("hardening: the coverage matrix has no empty cell", "[hardening]") {
  const auto cases = hardening_all_cases();
  const auto skipped = hardening_all_not_applicable();
  std::map<std::pair<std::string, std::string>, int> covered;
  for (const auto& k : cases) ++covered[{k.family, k.input_class}];
  std::map<std::pair<std::string, std::string>, std::string> reasons;
  for (const auto& s : skipped) {
    INFO(s.family << " / " << s.input_class);
    CHECK(hardening_listed(hardening::families(), s.family));
    CHECK(hardening_listed(hardening::required_classes(), s.input_class));
    CHECK(s.reason.size() >= 10);  // a reason, not a placeholder
    CHECK(reasons.emplace(std::make_pair(s.family, s.input_class), s.reason).second);
  }
  int cells = 0, with_cases = 0, missing = 0;
  for (const auto& family : hardening::families()) {
    std::string row = fmt::format("{:<24}", family);
    for (const auto& klass : hardening::required_classes()) {
      ++cells;
      const auto key = std::make_pair(family, klass);
      const auto c = covered.find(key);
      const bool has_case = c != covered.end();
      const bool skip = reasons.count(key) != 0;
      INFO(family << " / " << klass);
      CHECK_FALSE((has_case && skip));  // a cell with cases is not also "not applicable"
      if (!has_case && !skip) {
        ++missing;
        FAIL_CHECK("no case and no not-applicable reason for " << family << " / " << klass);
      }
      with_cases += has_case ? 1 : 0;
      row += has_case ? fmt::format(" {:>3}", c->second) : (skip ? "   -" : "   ?");
    }
    fmt::print(stderr, "hardening matrix: {}\n", row);
  }
  fmt::print(stderr, "hardening matrix: {} cells, {} with cases, {} not applicable, {} missing\n",
             cells, with_cases, cells - with_cases - missing, missing);
  CHECK(missing == 0);
}
