#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <mechdesign/information/detail/obedience_rows.hpp>
#include <mechdesign/information/experiment.hpp>
#include <mechdesign/information/format.hpp>
#include <mechdesign/information/obedience.hpp>
#include <random>
#include <string>
#include <vector>

using namespace mechdesign;
using namespace mechdesign::information;

TEST_CASE("information: the obedience check in its linear form", "[information][obedience]") {
  // 000 §1's voter: payoff 1 for electing the best party (identity table), prior (0.8, 0.1, 0.1).
  const Eigen::Matrix3d u = Eigen::Matrix3d::Identity();
  const Eigen::Vector3d prior(0.8, 0.1, 0.1);
  experiment endorse = Eigen::Matrix3d::Identity();
  endorse.row(0) << 0.75, 0.125, 0.125;  // indifferent after "Left": obedient
  const obedience_report ok = check_obedience(u, prior, endorse);
  CHECK(ok.passed);
  CHECK(ok.worst_gain == Approx(0.0).margin(1e-15));
  experiment over = endorse;
  over.row(0) << 0.5, 0.25, 0.25;  // posterior (2/3, 1/3, 0) after "Left", sent w.p. 0.3
  const obedience_report r = check_obedience(u, prior, over);
  CHECK_FALSE(r.passed);
  CHECK(r.worst_gain == Approx(0.3 * (2.0 / 3.0 - 1.0 / 3.0)).margin(1e-12));
  CHECK(r.recommended == 1);
  CHECK(r.deviation == 0);
  CHECK(r.tolerance == 1e-9);
  // A looser tolerance passes it.
  CHECK(check_obedience(u, prior, over, 0.2).passed);
  // One action: nothing to deviate to.
  const obedience_report one = check_obedience(
      Eigen::MatrixXd::Ones(1, 2), Eigen::Vector2d(0.5, 0.5), Eigen::MatrixXd::Ones(2, 1));
  CHECK(one.passed);
  CHECK(one.recommended == -1);
  // Caller mistakes.
  CHECK_THROWS_AS(check_obedience(u, prior, over.transpose().topRows(2)), dimension_error);
  CHECK_THROWS_AS(check_obedience(u, Eigen::Vector2d(0.5, 0.5), over), dimension_error);
  CHECK_THROWS_AS(check_obedience(u, prior, over, -1.0), mechdesign::invalid_argument);
  experiment nan = over;
  nan(0, 0) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(check_obedience(u, prior, nan), non_finite_error);
  CHECK(fmt::format("{}", r).find("NOT obedient: after recommendation 1") == 0);
  CHECK(fmt::format("{}", ok).find("obedient (") == 0);
}

TEST_CASE("information: the obedience LP rows are the check's inequalities",
          "[information][obedience][random]") {
  // For random payoffs, beliefs and experiments, every row written by obedience_rows,
  // evaluated at π, equals minus the gain the check computes for that (recommendation,
  // deviation) pair; the check's worst gain is the most negative row.
  const unsigned seed = GENERATE(range(1u, 11u));
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const index_t states = 2 + static_cast<index_t>(seed % 3), actions = 2 + (seed / 3) % 3;
  Eigen::MatrixXd u(actions, states);
  for (index_t a = 0; a < actions; ++a)
    for (index_t w = 0; w < states; ++w) u(a, w) = unit(rng);
  Eigen::VectorXd belief(states);
  for (index_t w = 0; w < states; ++w) belief(w) = unit(rng) + 0.1;
  belief /= belief.sum();
  experiment pi(states, actions);
  for (index_t w = 0; w < states; ++w) {
    for (index_t a = 0; a < actions; ++a) pi(w, a) = unit(rng);
    pi.row(w) /= pi.row(w).sum();
  }
  const auto col = [&](index_t w, index_t a) { return w * actions + a; };
  Eigen::VectorXd x(states * actions);
  for (index_t w = 0; w < states; ++w)
    for (index_t a = 0; a < actions; ++a) x(col(w, a)) = pi(w, a);
  double most_negative = std::numeric_limits<double>::infinity();
  int rows = 0;
  for (const bool keep_zeros : {false, true}) {
    rows = 0;
    information::detail::obedience_rows(
        u, belief, col,
        [&](index_t a, index_t b, std::vector<std::pair<index_t, double>> terms) {
          ++rows;
          if (keep_zeros) CHECK(static_cast<index_t>(terms.size()) == states);
          double activity = 0.0;
          for (const auto& [c, v] : terms) activity += v * x(c);
          const Eigen::VectorXd joint = pi.col(a).cwiseProduct(belief);
          const double gain = (u.row(b) - u.row(a)).dot(joint);
          CHECK(activity == Approx(-gain).margin(1e-14));
          most_negative = std::min(most_negative, activity);
        },
        0.0, keep_zeros);
    CHECK(rows == actions * (actions - 1));
  }
  const obedience_report r = check_obedience(u, belief, pi);
  CHECK(r.worst_gain == Approx(-most_negative).margin(1e-14));
}

TEST_CASE("information: snap removes rounding noise relative to a scale",
          "[information][obedience]") {
  using information::detail::snap;
  CHECK(snap(1e-17, 10.0) == 0.0);
  CHECK(snap(1e-10, 10.0) == 1e-10);
  CHECK(snap(1e-300, 0.0) == 1e-300);  // scale 0: exact zeros only
  CHECK(snap(0.0, 0.0) == 0.0);
}
