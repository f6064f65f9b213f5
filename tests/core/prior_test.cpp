#include <catch2/catch.hpp>
#include <mechdesign/core/prior.hpp>

using mechdesign::coalition;
using mechdesign::index_t;
using mechdesign::prior;
using mechdesign::type_space;

TEST_CASE("independent priors multiply marginals", "[core][prior]") {
  const auto p = prior<>::independent({Eigen::Vector2d(0.8, 0.2), Eigen::Vector3d(0.5, 0.3, 0.2)});
  const type_space& ts = p.types();
  CHECK(p.is_independent());
  CHECK(p.table().sum() == Approx(1.0).margin(1e-15));
  CHECK(p.probability(ts.index({1, 2})) == Approx(0.2 * 0.2).margin(1e-15));
  // p(t_{-i} | t_i) = p(t_{-i}) under independence (003 section 3.1)
  for (index_t k = 0; k < ts.num_profiles(); ++k) {
    CHECK(p.conditional(0, k) == Approx(p.marginal(1)(ts.type_of(k, 1))).margin(1e-15));
    CHECK(p.conditional(1, k) == Approx(p.marginal(0)(ts.type_of(k, 0))).margin(1e-15));
  }
  const auto sub = p.restrict_to(coalition{1});
  CHECK(sub.table().isApprox(Eigen::Vector3d(0.5, 0.3, 0.2), 1e-15));
}

TEST_CASE("joint priors give marginals and Bayes conditionals", "[core][prior]") {
  const type_space ts({2, 2});
  // p(t0, t1): (0,0)=0.4, (1,0)=0.1, (0,1)=0.2, (1,1)=0.3
  const auto p = prior<>::joint(ts, Eigen::Vector4d(0.4, 0.1, 0.2, 0.3));
  CHECK_FALSE(p.is_independent());
  CHECK(p.marginal(0).isApprox(Eigen::Vector2d(0.6, 0.4), 1e-15));
  CHECK(p.marginal(1).isApprox(Eigen::Vector2d(0.5, 0.5), 1e-15));
  CHECK(p.conditional(0, ts.index({0, 1})) == Approx(0.2 / 0.6).margin(1e-15));
  CHECK(p.conditional(1, ts.index({1, 1})) == Approx(0.3 / 0.5).margin(1e-15));
  // conditionals sum to one over t_{-i}
  for (index_t t0 = 0; t0 < 2; ++t0) {
    CHECK(p.conditional(0, ts.index({t0, 0})) + p.conditional(0, ts.index({t0, 1})) ==
          Approx(1.0).margin(1e-15));
  }
  CHECK(p.restrict_to(coalition{0}).table().isApprox(Eigen::Vector2d(0.6, 0.4), 1e-15));
}

TEST_CASE("priors run in long double", "[core][prior][scalar]") {
  using vec = prior<long double>::vector;
  vec a = vec::Constant(2, 0.25L), b = vec::Constant(2, 0.5L);
  a(1) = 0.75L;
  const auto p = prior<long double>::independent({a, b});
  CHECK(static_cast<double>(p.probability(3)) == Approx(0.375).margin(1e-18));
}

TEST_CASE("priors reject every class of bad input", "[core][prior][errors]") {
  using mechdesign::dimension_error;
  using mechdesign::distribution_error;
  using mechdesign::non_finite_error;
  using mechdesign::zero_probability_error;
  CHECK_THROWS_AS(prior<>::independent({Eigen::Vector2d(0.5, 0.6)}), distribution_error);
  CHECK_THROWS_AS(prior<>::independent({Eigen::Vector2d(1.2, -0.2)}), distribution_error);
  CHECK_THROWS_AS(prior<>::independent({Eigen::Vector2d(std::nan(""), 1.0)}), non_finite_error);
  CHECK_THROWS_AS(prior<>::independent({Eigen::Vector2d(1.0, 0.0)}), zero_probability_error);
  CHECK_THROWS_AS(prior<>::independent({Eigen::VectorXd()}), mechdesign::invalid_argument);
  CHECK_THROWS_AS(prior<>::independent({}), mechdesign::invalid_argument);
  const type_space ts({2, 2});
  CHECK_THROWS_AS(prior<>::joint(ts, Eigen::Vector3d(0.2, 0.3, 0.5)), dimension_error);
  // player 0's type 1 never occurs: its posterior is undefined
  CHECK_THROWS_AS(prior<>::joint(ts, Eigen::Vector4d(0.5, 0.0, 0.5, 0.0)), zero_probability_error);
  CHECK_THROWS_AS(prior<>::joint(ts, Eigen::Vector4d(0.5, 0.5, 0.5, 0.0)), distribution_error);
  try {
    prior<>::independent({Eigen::Vector2d(0.5, 0.5), Eigen::Vector3d(0.5, -0.1, 0.6)});
    FAIL("expected an exception");
  } catch (const distribution_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("player 1") && Catch::Contains("entry 1"));
  }
}
