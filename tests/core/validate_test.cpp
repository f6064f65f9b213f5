// Issue 16 regressions of core/: tolerance checks for every scalar type, overflow-safe sizes,
// coalition indices.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <mechdesign/core/incentives.hpp>
#include <mechdesign/core/prior.hpp>
#include <mechdesign/core/validate.hpp>

using namespace mechdesign;

TEST_CASE("core: check_tolerance rejects NaN, infinities and negatives, accepts 0",
          "[core][validate][hardening]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(detail::check_tolerance(nan, "tol", "f"), non_finite_error);
  CHECK_THROWS_AS(detail::check_tolerance(inf, "tol", "f"), non_finite_error);
  CHECK_THROWS_AS(detail::check_tolerance(-1e-300, "tol", "f"), invalid_argument);
  CHECK_NOTHROW(detail::check_tolerance(0.0, "tol", "f"));
  CHECK_THROWS_WITH(detail::check_tolerance(nan, "tol", "the_entry"),
                    Catch::Contains("the_entry") && Catch::Contains("tol"));
  CHECK_THROWS_AS(detail::require_count(5, 0, 4, "rounds", "f"), invalid_argument);
  CHECK_NOTHROW(detail::require_count(4, 0, 4, "rounds", "f"));
}

TEST_CASE("core: checked_product refuses overflow and the table limit, exactly at the limit",
          "[core][validate][hardening]") {
  const index_t limit = detail::max_table_entries;
  CHECK(detail::checked_product(limit / 2, 2, "t", "f") == limit);
  CHECK_THROWS_AS(detail::checked_product(limit / 2 + 1, 2, "t", "f"), dimension_error);
  const index_t big = std::numeric_limits<index_t>::max() / 2 + 1;
  CHECK_THROWS_AS(detail::checked_product(big, 4, "t", "f", std::numeric_limits<index_t>::max()),
                  dimension_error);
  CHECK_THROWS_AS(detail::checked_product(-1, 4, "t", "f"), dimension_error);
  CHECK(detail::checked_product(0, big, "t", "f") == 0);
  // 26 binary players is exactly the limit (2^26 profiles); 27 is refused before allocating
  CHECK_THROWS_AS(prior<>::independent(std::vector<Eigen::VectorXd>(27, Eigen::Vector2d(0.5, 0.5))),
                  dimension_error);
}

TEST_CASE("core: coalition::without and with check the index, every valid one works",
          "[core][coalition][hardening]") {
  const coalition s{0, 3, 62};
  for (int i = 0; i < coalition::max_players; ++i) {
    const coalition w = s.without(i);
    CHECK(w.contains(i) == false);
    CHECK(w.size() == s.size() - (s.contains(i) ? 1 : 0));
    CHECK(s.with(i).contains(i));
  }
  for (int bad : {-1, 63, 64, 70, std::numeric_limits<int>::min()}) {
    CHECK_THROWS_AS(s.without(bad), index_error);
    CHECK_THROWS_AS(s.with(bad), index_error);
    CHECK_FALSE(s.contains(bad));
  }
  CHECK_THROWS_AS(coalition::from_mask(~std::uint64_t{0}), index_error);
  CHECK(coalition::from_mask((std::uint64_t{1} << 63) - 1) == coalition::grand(63));
}

TEST_CASE("core: a NaN tolerance no longer passes a mechanism that gains 60 by misreporting",
          "[core][incentives][hardening]") {
  const Eigen::Vector2d half(0.5, 0.5);
  bayesian_problem<> p(prior<>::independent({half}));
  Eigen::MatrixXd u(2, 2);
  u << 0, 60, 0, 0;  // decision a is worth 60 to type 1, b is worth 0 to both types
  p.set_decisions(coalition{0}, {"a", "b"}, {u});
  const auto g = p.grand();
  mechanism<> m = mechanism<>::constant(g, 1);
  m.probabilities.col(0) << 1.0, 0.0;  // report 0 gets decision a, worth 60 to type 1
  const auto rep = check_incentive_compatibility(g, m);
  CHECK_FALSE(rep.passed);
  CHECK(rep.worst_violation == Approx(60.0).margin(1e-12));
  CHECK_THROWS_AS(check_incentive_compatibility(g, m, std::numeric_limits<double>::quiet_NaN()),
                  non_finite_error);
  CHECK_THROWS_AS(check_individual_rationality(p, g, m, std::numeric_limits<double>::quiet_NaN()),
                  non_finite_error);
  CHECK_THROWS_AS(interim_utilities(g, m, -1.0), invalid_argument);
}
