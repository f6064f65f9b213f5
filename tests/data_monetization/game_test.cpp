#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/data_monetization/benchmarks.hpp>
#include <mechdesign/data_monetization/check.hpp>
#include <random>
#include <string>

#include "data_monetization/gaussian_support.hpp"

using namespace mechdesign;
using namespace mechdesign::data_monetization;

TEST_CASE("gaussian game: input validation", "[data_monetization][game]") {
  const gaussian_prior p{1, 1, 0, 1};
  CHECK_THROWS_AS(game(1, 0.1, p), invalid_argument);
  CHECK_THROWS_AS(game(3, 0.0, p), model_error);
  CHECK_THROWS_AS(game(3, 0.5, p), model_error);   // r(n-1) = 1: (1+r)I - rJ singular
  CHECK_THROWS_AS(game(3, -1.0, p), model_error);  // r = -1: singular
  CHECK_THROWS_AS(game(3, NAN, p), non_finite_error);
  CHECK_THROWS_AS(game(3, 0.1, gaussian_prior{1, 0, 0, 1}), invalid_argument);
  CHECK_THROWS_AS(game(3, 0.1, gaussian_prior{1, 1, INFINITY, 1}), non_finite_error);
  CHECK_NOTHROW(game(3, 0.49, p));
  CHECK_NOTHROW(game(3, -0.99, p));
  cournot c;
  c.substitution = 1.0;
  CHECK_THROWS_AS(c.canonical(), model_error);
  bertrand b;
  b.firms = 3;
  b.substitution = 0.5;  // beta (n-1) = 1
  CHECK_THROWS_AS(b.canonical(), model_error);
  CHECK_THROWS_AS(first_best(game(3, 0.3, p)), model_error);  // 2r(n-1) > 1
}

// The instances' own best responses and payoffs against the canonical ones, on random draws.
TEST_CASE("gaussian game: Cournot, Bertrand and beauty contest map into the normalisation",
          "[data_monetization][game]") {
  const int n = 3;
  const std::string which = GENERATE(as<std::string>{}, "cournot", "bertrand", "beauty");
  std::mt19937_64 rng(7);
  std::normal_distribution<double> z(0.0, 1.0);
  for (int rep = 0; rep < 20; ++rep) {
    const double alpha = 2 + z(rng), ci = z(rng), a_own = z(rng);
    Eigen::VectorXd a(n);
    for (int i = 0; i < n; ++i) a(i) = z(rng);
    a(0) = a_own;
    const double others = a.sum() - a(0);
    if (which == "cournot") {
      cournot c;
      c.firms = n;
      c.substitution = 0.6;
      const game g = c.canonical();
      const double theta = alpha / 2, t = -ci / 2;
      const double profit = a(0) * (alpha - a(0) - c.substitution * others - ci);
      CHECK(profit == Approx(cournot::payoff_scale * gaussian_test::utility(g, a, theta, t, 0)));
      const double br = (alpha - ci - c.substitution * others) / 2;
      CHECK(br == Approx(theta + t + g.interaction() * others));
    } else if (which == "bertrand") {
      bertrand b;
      b.firms = n;
      b.substitution = 0.4;
      const game g = b.canonical();
      const double theta = alpha / 2, t = ci / 2;
      const double profit = (a(0) - ci) * (alpha - a(0) + b.substitution * others);
      const double gap =
          profit - bertrand::payoff_scale * gaussian_test::utility(g, a, theta, t, 0);
      CHECK(gap == Approx(-ci * (alpha + b.substitution * others)));
      const double br = (alpha + ci + b.substitution * others) / 2;
      CHECK(br == Approx(theta + t + g.interaction() * others));
    } else {
      beauty_contest bc;
      bc.players = n;
      bc.coordination = 0.3;
      const game g = bc.canonical();
      const double s = alpha, tau = ci, lam = bc.coordination;
      const double mean_others = others / (n - 1);
      auto loss = [&](double x) {
        return (1 - lam) * (x - s - tau) * (x - s - tau) +
               lam * (x - mean_others) * (x - mean_others);
      };
      auto u = [&](double x) {
        Eigen::VectorXd b = a;
        b(0) = x;
        return gaussian_test::utility(g, b, (1 - lam) * s, (1 - lam) * tau, 0);
      };
      // -loss - 2u does not depend on the own action, and the best response matches
      CHECK(-loss(a_own) - 2 * u(a_own) == Approx(-loss(a_own + 1.3) - 2 * u(a_own + 1.3)));
      const double br = (1 - lam) * (s + tau) + lam * mean_others;
      CHECK(br == Approx((1 - lam) * s + (1 - lam) * tau + g.interaction() * others));
    }
  }
}

TEST_CASE("gaussian benchmarks: complete information, first best, no information (001 §3)",
          "[data_monetization][game]") {
  const int n = GENERATE(2, 4);
  const double r = GENERATE(-0.3, 0.1);
  const game g(n, r, gaussian_prior{1.5, 0.8, 0.4, 0.6});
  std::mt19937_64 rng(11);
  std::normal_distribution<double> z(0.0, 1.0);
  const Eigen::MatrixXd J = Eigen::MatrixXd::Ones(n, n), I = Eigen::MatrixXd::Identity(n, n);
  const auto ci = complete_information(g);
  const auto fb = first_best(g);
  for (int rep = 0; rep < 5; ++rep) {
    const double theta = 1.5 + z(rng);
    Eigen::VectorXd t(n);
    for (int i = 0; i < n; ++i) t(i) = 0.4 + z(rng);
    auto act = [&](const symmetric_mechanism& x) {
      Eigen::VectorXd a(n);
      for (int i = 0; i < n; ++i) {
        a(i) = x.mean_action + x.state_weight * (theta - 1.5) + x.own_type_weight * (t(i) - 0.4) +
               x.others_type_weight * (t.sum() - t(i) - (n - 1) * 0.4);
      }
      return a;
    };
    // (6): the Nash equilibrium solves ((1+r)I - rJ) a = θ1 + t
    const Eigen::VectorXd rhs = theta * Eigen::VectorXd::Ones(n) + t;
    const Eigen::VectorXd nash = ((1 + r) * I - r * J).lu().solve(rhs);
    CHECK((act(ci) - nash).norm() < 1e-12);
    // (7): the first best solves the first-order conditions of Σ u_i
    const Eigen::VectorXd collusive = ((1 + 2 * r) * I - 2 * r * J).lu().solve(rhs);
    CHECK((act(fb) - collusive).norm() < 1e-12);
    // and is a maximum of Σ u_i: perturbations lower it
    double total = 0, total_perturbed = 0;
    Eigen::VectorXd pert = collusive;
    pert(0) += 0.1;
    for (int i = 0; i < n; ++i) {
      total += gaussian_test::utility(g, collusive, theta, t(i), i);
      total_perturbed += gaussian_test::utility(g, pert, theta, t(i), i);
    }
    CHECK(total > total_perturbed);
  }
  // complete information, no information, state only and type only are obedient, first best not
  for (const auto& x : {ci, uninformative(g), state_only(g), type_only(g)}) {
    const auto c = check_mechanism(g, x);
    CHECK(c.obedient());
    CHECK(c.max_deviation_gain < 1e-12);
  }
  const auto cf = check_mechanism(g, fb);
  CHECK_FALSE(cf.obedient());
  CHECK(cf.max_deviation_gain > 1e-3);
  // the first best dominates every obedient benchmark in welfare
  CHECK(welfare(g, fb) > welfare(g, ci));
  // (14): no information is the interim BNE a_i = m + (t_i - μ_t)
  const auto ni = uninformative(g);
  CHECK(ni.own_type_weight == 1.0);
  CHECK(ni.mean_action == Approx((1.5 + 0.4) / (1 - r * (n - 1))));
  // complete information is the sum of state only and type only (the rectangle, §4.1)
  CHECK(ci.state_weight == Approx(state_only(g).state_weight));
  CHECK(ci.others_type_weight == Approx(type_only(g).others_type_weight));
}
