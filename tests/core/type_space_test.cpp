#include <catch2/catch.hpp>
#include <mechdesign/core/coalition.hpp>
#include <mechdesign/core/type_space.hpp>

using mechdesign::coalition;
using mechdesign::index_t;
using mechdesign::profile;
using mechdesign::type_space;

TEST_CASE("mixed-radix indexing puts the first player fastest", "[core][type_space]") {
  const type_space ts({2, 3, 4});
  CHECK(ts.num_players() == 3);
  CHECK(ts.num_profiles() == 24);
  CHECK(ts.index({0, 0, 0}) == 0);
  CHECK(ts.index({1, 0, 0}) == 1);
  CHECK(ts.index({0, 1, 0}) == 2);
  CHECK(ts.index({0, 0, 1}) == 6);
  CHECK(ts.index({1, 2, 3}) == 1 + 2 * 2 + 3 * 6);
  for (index_t k = 0; k < ts.num_profiles(); ++k) {
    const profile t = ts.decode(k);
    REQUIRE(ts.index(t) == k);
    for (int i = 0; i < 3; ++i) CHECK(ts.type_of(k, i) == t[static_cast<std::size_t>(i)]);
  }
}

TEST_CASE("with_type replaces one player's type (the profile (tau_i, t_-i))",
          "[core][type_space]") {
  const type_space ts({2, 3, 4});
  const index_t k = ts.index({1, 2, 3});
  CHECK(ts.with_type(k, 1, 0) == ts.index({1, 0, 3}));
  CHECK(ts.with_type(k, 0, 0) == ts.index({0, 2, 3}));
  CHECK(ts.with_type(k, 2, 3) == k);
  CHECK_THROWS_AS(ts.with_type(k, 1, 3), mechdesign::index_error);
}

TEST_CASE("coalition sub-profiles t_S are indexed in T_S", "[core][type_space]") {
  const type_space ts({2, 3, 4});
  const coalition s{2, 0};
  CHECK(s.members() == std::vector<int>{0, 2});
  const type_space sub = ts.restrict_to(s);
  CHECK(sub.sizes() == std::vector<index_t>{2, 4});
  for (index_t k = 0; k < ts.num_profiles(); ++k) {
    const profile t = ts.decode(k);
    CHECK(ts.project(k, s) == sub.index({t[0], t[2]}));
  }
  const coalition minus_one = coalition::grand(3).without(1);  // t_{-1}
  CHECK(minus_one == s);
}

TEST_CASE("coalition set operations", "[core][coalition]") {
  const coalition a{0, 1}, b{2};
  CHECK(a.disjoint(b));
  CHECK(a.unite(b) == coalition::grand(3));
  CHECK(a.subset_of(coalition::grand(3)));
  CHECK_FALSE(coalition::grand(3).subset_of(a));
  CHECK(a.contains(1));
  CHECK_FALSE(a.contains(2));
  CHECK(a.position(1) == 1);
  CHECK(a.position(2) == -1);
  CHECK(a.with(2) == coalition::grand(3));
  CHECK(coalition::from_mask(0b101) == coalition({0, 2}));
  CHECK(a.to_string() == "{0,1}");
}

TEST_CASE("type spaces and coalitions reject bad input", "[core][type_space][errors]") {
  CHECK_THROWS_AS(type_space(std::vector<index_t>{}), mechdesign::invalid_argument);
  CHECK_THROWS_AS(type_space({2, 0}), mechdesign::invalid_argument);
  CHECK_THROWS_AS(type_space({2, -1}), mechdesign::invalid_argument);
  const type_space ts({2, 3});
  CHECK_THROWS_AS(ts.index({0}), mechdesign::dimension_error);
  CHECK_THROWS_AS(ts.index({2, 0}), mechdesign::index_error);
  CHECK_THROWS_AS(ts.decode(6), mechdesign::index_error);
  CHECK_THROWS_AS(ts.restrict_to(coalition{0, 2}), mechdesign::index_error);
  CHECK_THROWS_AS(ts.restrict_to(coalition{}), mechdesign::invalid_argument);
  CHECK_THROWS_AS(coalition({1, 1}), mechdesign::invalid_argument);
  CHECK_THROWS_AS(coalition({-1}), mechdesign::index_error);
  CHECK_THROWS_AS(type_space(std::vector<index_t>(64, 2)), mechdesign::dimension_error);
}
