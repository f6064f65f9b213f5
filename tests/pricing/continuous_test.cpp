#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/pricing/binary.hpp>
#include <mechdesign/pricing/continuous.hpp>
#include <mechdesign/pricing/optimal_menu.hpp>

using namespace mechdesign;
using namespace mechdesign::pricing;

TEST_CASE("pricing: type distributions", "[pricing][continuous]") {
  const auto b = type_distribution::beta(2.0, 3.0);
  CHECK(b.cdf(0.5) == Approx(11.0 / 16.0).margin(1e-13));            // I_{1/2}(2, 3) = 11/16
  CHECK(b.density(0.5) == Approx(12.0 * 0.5 * 0.25).margin(1e-12));  // 12 v (1 - v)^2
  // I_x(2, 3) is the polynomial 6x^2 - 8x^3 + 3x^4.
  for (double x : {0.1, 0.37, 0.81}) {
    CHECK(b.cdf(x) == Approx(6 * x * x - 8 * x * x * x + 3 * x * x * x * x).margin(1e-13));
  }
  const auto n = type_distribution::truncated_normal(0.5, 0.2);
  CHECK(n.cdf(0.5) == Approx(0.5).margin(1e-14));
  CHECK(n.cdf(0.0) == Approx(0.0).margin(1e-15));
  CHECK(n.cdf(1.0) == Approx(1.0).margin(1e-15));
  // Density integrates to the CDF (Simpson on [0.2, 0.7]).
  double s = 0.0;
  const int m = 200;
  for (int i = 0; i <= m; ++i) {
    const double x = 0.2 + 0.5 * i / m, w = (i == 0 || i == m) ? 1 : (i % 2 ? 4 : 2);
    s += w * n.density(x);
  }
  CHECK(s * 0.5 / (3.0 * m) == Approx(n.cdf(0.7) - n.cdf(0.2)).margin(1e-10));
  CHECK_THROWS_AS(type_distribution::beta(0.5, 2.0), invalid_argument);
  CHECK_THROWS_AS(type_distribution::truncated_normal(0.5, 0.0), invalid_argument);
  CHECK_THROWS_AS(solve_continuous(type_distribution::uniform(), 0.1, 1.5), distribution_error);
  CHECK_THROWS_AS(grid_types(type_distribution::uniform(), 0), invalid_argument);
  // A user-supplied law that is not a distribution on [0, 1].
  const type_distribution half(
      "half", [](double) { return 0.5; }, [](double v) { return 0.5 * v; });
  CHECK_THROWS_AS(solve_continuous(half, 0.1, 0.5), distribution_error);
  const type_distribution negative(
      "negative", [](double v) { return 3.0 - 4.0 * v; },
      [](double v) { return 3.0 * v - 2.0 * v * v; });
  CHECK_THROWS_AS(solve_continuous(negative, 0.1, 0.5), distribution_error);
}

TEST_CASE("pricing: uniform types at tau = 0, the third-party benchmark",
          "[pricing][continuous][paper]") {
  // 004 §4.2: full information to v in [1/4, 3/4] at price 1/4; lambda* = (pi-(1/2) +
  // pi+(1/2))/2 = 1/2 (Corollary 4.9); profit 1/8. Tolerance 1e-9 (bisection).
  const auto m = solve_continuous(type_distribution::uniform(), 0.0, 0.7);
  CHECK(m.concave);
  CHECK(m.regular);
  CHECK(m.low_threshold == Approx(0.25).margin(1e-9));
  CHECK(m.high_threshold == Approx(0.75).margin(1e-9));
  CHECK(m.price == Approx(0.25).margin(1e-9));
  CHECK(m.lambda == Approx(0.5).margin(1e-9));
  CHECK(m.profit == Approx(0.125).margin(1e-9));
  CHECK(m.expected_externality == 0.0);
  // Transfers (12): 1/4 on the full-information interval, 0 elsewhere.
  for (double v : {0.1, 0.3, 0.5, 0.74, 0.9}) {
    CHECK(m.transfer(v) == Approx(v >= 0.25 && v <= 0.75 ? 0.25 : 0.0).margin(1e-9));
  }
  CHECK(m.informativeness(0.1) == -1.0);
  CHECK(m.informativeness(0.5) == 0.0);
  CHECK(m.informativeness(0.9) == 1.0);
}

TEST_CASE("pricing: uniform closed form with competition", "[pricing][continuous]") {
  // Re-derived with the model's externality: lambda* = (1 + tau(1 - 2 v_s))/2 =
  // (pi-(1/2) + pi+(1/2))/2, thresholds (1 + tau)/4 and (3 - tau)/4, price (1 + tau)/4, profit
  // (1 - tau^2)/8 - tau(3 - tau)/4 for tau <= 1; no information and profit -tau/2 above 1.
  const auto u = type_distribution::uniform();
  for (double tau : {-0.6, 0.0, 0.2, 0.5, 0.9}) {
    for (double vs : {0.1, 0.5, 0.8}) {
      INFO("tau = " << tau << ", v_s = " << vs);
      const auto m = solve_continuous(u, tau, vs);
      CHECK(m.lambda == Approx((1.0 + tau * (1.0 - 2.0 * vs)) / 2.0).margin(1e-9));
      CHECK(m.lambda == Approx((negative_virtual_value(u, 0.5, tau, vs) +
                                positive_virtual_value(u, 0.5, tau, vs)) /
                               2.0)
                            .margin(1e-9));
      CHECK(m.low_threshold == Approx((1.0 + tau) / 4.0).margin(1e-9));
      CHECK(m.high_threshold == Approx((3.0 - tau) / 4.0).margin(1e-9));
      CHECK(m.price == Approx((1.0 + tau) / 4.0).margin(1e-9));
      CHECK(m.profit == Approx((1.0 - tau * tau) / 8.0 - tau * (3.0 - tau) / 4.0).margin(1e-9));
      // The menu beats selling nothing by (1 - tau)^2 / 8.
      CHECK(m.profit + tau / 2.0 == Approx((1.0 - tau) * (1.0 - tau) / 8.0).margin(1e-9));
    }
  }
  // Uniform virtual values from the model: pi- = 2v - tau v_s, pi+ = 2v - 1 + tau(1 - v_s)
  // (the paper prints tau v_s(1 - 2v_s) and tau(1 - v_s)(1 - 2v_s) for the tau terms).
  CHECK(negative_virtual_value(u, 0.3, 0.5, 0.8) == Approx(0.6 - 0.4).margin(1e-15));
  CHECK(positive_virtual_value(u, 0.3, 0.5, 0.8) == Approx(0.6 - 1.0 + 0.1).margin(1e-15));
  // Concave (selling possible) exactly up to tau' = 1 for every v_s; the printed
  // tau' = (1 - 2 v_s)^-2 is 2.78 at v_s = 0.8.
  CHECK(solve_continuous(u, 0.99, 0.8).high_threshold >
        solve_continuous(u, 0.99, 0.8).low_threshold);
  CHECK_FALSE(solve_continuous(u, 1.01, 0.8).concave);
  CHECK(solve_continuous(u, 2.0, 0.8).high_threshold ==
        solve_continuous(u, 2.0, 0.8).low_threshold);
  const auto none = solve_continuous(u, 1.5, 0.3);
  CHECK_FALSE(none.concave);
  CHECK(none.high_threshold == none.low_threshold);
  CHECK(none.profit == Approx(-0.75).margin(1e-12));
  // Profit is positive exactly below tau = 3 - 2 sqrt(2).
  const double root = 3.0 - 2.0 * std::sqrt(2.0);
  CHECK(solve_continuous(u, root - 1e-3, 0.5).profit > 0.0);
  CHECK(solve_continuous(u, root + 1e-3, 0.5).profit < 0.0);
}

TEST_CASE("pricing: continuous solution vs. the finite LP on a fine grid",
          "[pricing][continuous][menu]") {
  // Types on n = 160 midpoints with cell probabilities. Profit within 3/n and the
  // full-information interval within 2/n of the continuous thresholds.
  const index_t n = 160;
  struct instance {
    type_distribution f;
    double tau, vs;
  };
  const std::vector<instance> cases{{type_distribution::uniform(), 0.4, 0.2},
                                    {type_distribution::uniform(), -0.5, 0.7},
                                    {type_distribution::beta(2.0, 3.0), 0.3, 0.6},
                                    {type_distribution::truncated_normal(0.6, 0.2), 0.2, 0.3},
                                    {type_distribution::uniform(), 1.4, 0.5}};
  for (const auto& c : cases) {
    INFO(c.f.name() << ", tau = " << c.tau << ", v_s = " << c.vs);
    const auto m = solve_continuous(c.f, c.tau, c.vs);
    const auto [v, p] = grid_types(c.f, n);
    const auto r = solve_optimal_menu(binary_environment(c.tau, c.vs, v, p));
    REQUIRE(r.ok());
    CHECK(std::abs(r.profit - m.profit) <= 3.0 / n);
    double lo = 2.0, hi = -1.0;
    for (index_t k = 0; k < n; ++k) {
      if (std::abs(informativeness(r.menu.rules[static_cast<std::size_t>(k)])) < 1e-7 &&
          r.gain(k) > 1e-9) {
        lo = std::min(lo, v(k));
        hi = std::max(hi, v(k));
      }
    }
    if (m.high_threshold > m.low_threshold) {
      CHECK(std::abs(lo - m.low_threshold) <= 2.0 / n);
      CHECK(std::abs(hi - m.high_threshold) <= 2.0 / n);
    } else {
      CHECK(hi < lo);  // nobody is fully informed
    }
  }
}

TEST_CASE("pricing: Corollary 4.9's lambda* formula holds for uniform types only",
          "[pricing][continuous][erratum]") {
  // For Beta(2, 3) at tau = 0, lambda* = (pi-(1/2) + pi+(1/2))/2 = 0.6875 would serve
  // [sup{pi- < 0.6875}, inf{pi+ > 0.6875}] = [0.251, 0.699], which violates (13b) (the measures
  // of I = -1 and I = +1 differ by 0.05). The solver's lambda* = 0.7638 satisfies (13b) and its
  // interval [0.2704, 0.7296] is the one the finite LP finds (within 2/n, n = 160).
  const auto f = type_distribution::beta(2.0, 3.0);
  const auto m = solve_continuous(f, 0.0, 0.5);
  const double printed =
      (negative_virtual_value(f, 0.5, 0.0, 0.5) + positive_virtual_value(f, 0.5, 0.0, 0.5)) / 2.0;
  CHECK(printed == Approx(0.6875).margin(1e-12));
  CHECK(m.lambda == Approx(0.7638).margin(1e-4));
  CHECK(m.low_threshold + m.high_threshold == Approx(1.0).margin(1e-9));
  double a = 0.0, b = 1.0;
  for (int i = 0; i <= 20000; ++i) {
    const double v = i / 20000.0;
    if (negative_virtual_value(f, v, 0.0, 0.5) < printed) a = v;
  }
  for (int i = 20000; i >= 0; --i) {
    const double v = i / 20000.0;
    if (positive_virtual_value(f, v, 0.0, 0.5) > printed) b = v;
  }
  CHECK(std::abs(a + b - 1.0) > 0.04);  // (13b) fails at the printed lambda*
  const index_t n = 160;
  const auto [v, p] = grid_types(f, n);
  const auto r = solve_optimal_menu(binary_environment(0.0, 0.5, v, p));
  REQUIRE(r.ok());
  double lo = 2.0, hi = -1.0;
  for (index_t k = 0; k < n; ++k) {
    if (std::abs(informativeness(r.menu.rules[static_cast<std::size_t>(k)])) < 1e-7 &&
        r.gain(k) > 1e-9) {
      lo = std::min(lo, v(k));
      hi = std::max(hi, v(k));
    }
  }
  CHECK(std::abs(lo - m.low_threshold) <= 2.0 / n);
  CHECK(std::abs(hi - m.high_threshold) <= 2.0 / n);
  CHECK(std::abs(hi - b) > 2.0 / n);  // the printed lambda*'s upper threshold is off
}

TEST_CASE("pricing: continuous_options::tolerance 0 terminates, bad tolerances throw",
          "[pricing][continuous]") {
  // A zero tolerance bisects to adjacent doubles (it used to loop forever) and gives the same
  // menu as the default tolerance 1e-13.
  const auto u = type_distribution::uniform();
  continuous_options exact;
  exact.tolerance = 0.0;
  for (const double tau : {0.0, 0.4}) {
    INFO("tau = " << tau);
    const continuous_menu m = solve_continuous(u, tau, 0.5, exact);
    const continuous_menu d = solve_continuous(u, tau, 0.5);
    REQUIRE(m.ok());
    REQUIRE(d.ok());
    CHECK(m.low_threshold == Approx((1.0 + tau) / 4.0).margin(1e-12));
    CHECK(m.low_threshold == Approx(d.low_threshold).margin(1e-12));
    CHECK(m.lambda == Approx(d.lambda).margin(1e-12));
    CHECK(m.profit == Approx(d.profit).margin(1e-12));
  }
  const continuous_menu b = solve_continuous(type_distribution::beta(2.0, 3.0), 0.0, 0.5, exact);
  REQUIRE(b.ok());
  CHECK(b.lambda == Approx(0.7638).margin(1e-4));
  continuous_options bad;
  bad.tolerance = -1e-9;
  CHECK_THROWS_AS(solve_continuous(u, 0.0, 0.5, bad), mechdesign::invalid_argument);
  bad.tolerance = std::nan("");
  CHECK_THROWS_AS(solve_continuous(u, 0.0, 0.5, bad), mechdesign::invalid_argument);
  bad.tolerance = 2.0;
  CHECK_THROWS_AS(solve_continuous(u, 0.0, 0.5, bad), mechdesign::invalid_argument);
}
