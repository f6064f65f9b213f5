// Issue 16 regressions of bargaining::monopoly: the belief must be a distribution and the
// buyer values nondecreasing (ties allowed, with the same answer as the merged value).
#include <catch2/catch.hpp>
#include <mechdesign/bargaining/monopoly.hpp>

using namespace mechdesign;

TEST_CASE("bargaining: monopoly validates its belief and values", "[bargaining][hardening]") {
  CHECK_THROWS_AS(bargaining::monopoly(0.1, Eigen::Vector2d(0.2, 0.8), Eigen::Vector2d(0.5, 0.6)),
                  distribution_error);
  CHECK_THROWS_AS(bargaining::monopoly(0.1, Eigen::Vector2d(0.8, 0.2), Eigen::Vector2d(0.5, 0.5)),
                  invalid_argument);
  // a tied value splits one buyer type in two: the same offer as the merged type
  const auto merged =
      bargaining::monopoly(0.1, Eigen::Vector2d(0.2, 0.8), Eigen::Vector2d(0.4, 0.6));
  const auto split =
      bargaining::monopoly(0.1, Eigen::Vector3d(0.2, 0.8, 0.8), Eigen::Vector3d(0.4, 0.2, 0.4));
  CHECK(split.payoff == Approx(merged.payoff).margin(1e-15));
  CHECK(split.price == merged.price);
  CHECK(split.sale_probability == Approx(merged.sale_probability).margin(1e-15));
  CHECK(merged.payoff == Approx(0.4 * 0.1 + 0.6 * 0.8).margin(1e-15));
}
