#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/bargaining/closed_form.hpp>
#include <mechdesign/bargaining/gap.hpp>
#include <mechdesign/core/incentives.hpp>
#include <random>

#include "bargaining/random_parameters.hpp"

using namespace mechdesign;
using namespace mechdesign::bargaining;

namespace {

// LP (4.1)-(4.2) against Propositions 1-2 at one point; returns the LP result.
gap_result compare(const bargaining_environment& env, const beliefs& p) {
  const gap_result r = solve_gap(env, p);
  INFO("LP: " << r.message << "; residual " << r.primal.lp.check.primal_infeasibility
              << (r.polished ? " (polished)" : ""));
  REQUIRE(r.ok());
  const closed_form_gap c = proposition_gap(env, p);
  INFO("l1 " << env.values(0)(0) << " h1 " << env.values(0)(1) << " l2 " << env.values(1)(0)
             << " h2 " << env.values(1)(1) << " beta " << env.power() << " p1 " << p.high(0)
             << " p2 " << p.high(1) << " LP gap " << fmt::format("{:.3e}", r.gap));
  CHECK(r.value == Approx(c.value).margin(1e-9));
  CHECK(r.gap == Approx(c.gap).margin(1e-9));
  CHECK(r.monopoly_value == Approx(c.monopoly_value).margin(1e-12));
  CHECK(r.gap >= -1e-9);                              // Gap >= 0 within the LP accuracy (gap.hpp)
  CHECK(r.gap / env.values(1)(1) <= 0.0625 + 1e-12);  // Gap <= 6.25% h2
  return r;
}

}  // namespace

TEST_CASE("bargaining: E and Gap: LP (4.1)-(4.2) equals Propositions 1 and 2 on random parameters",
          "[bargaining][gap][paper]") {
  const bool separated = GENERATE(false, true);
  const unsigned seed = GENERATE(range(1u, 11u));
  std::mt19937 rng(seed + (separated ? 1000u : 0u));
  INFO("seed " << seed << (separated ? " (Proposition 2)" : " (Proposition 1)"));
  for (int draw = 0; draw < 20; ++draw) {
    const auto env = bargaining_test::random_environment(rng, separated);
    REQUIRE(classify(env) == (separated ? value_order::separated : value_order::overlapping));
    const double p1 = bargaining_test::random_probability(rng);
    const double p2 = bargaining_test::random_probability(rng);
    (void)compare(env, beliefs::binary(p1, p2));
  }
}

TEST_CASE("bargaining: E and Gap near the belief thresholds p2*, p2**, p1*(x)",
          "[bargaining][gap][paper]") {
  const bool separated = GENERATE(false, true);
  const unsigned seed = GENERATE(range(1u, 6u));
  std::mt19937 rng(seed + (separated ? 2000u : 100u));
  INFO("seed " << seed << (separated ? " (Proposition 2)" : " (Proposition 1)"));
  for (int draw = 0; draw < 4; ++draw) {
    const auto env = bargaining_test::random_environment(rng, separated);
    const auto c = proposition_gap(env, beliefs::binary(0.5, 0.5));
    std::vector<double> p1s = {c.p1_star}, p2s = {c.p2_star};
    if (separated) p2s.push_back(c.p2_star_star);
    for (double d : {1e-9, 1e-6, 1e-3}) {
      p1s.push_back(c.p1_star - d);
      p1s.push_back(c.p1_star + d);
    }
    const std::size_t n2 = p2s.size();
    for (std::size_t k = 0; k < n2; ++k) {
      for (double d : {1e-9, 1e-6, 1e-3}) {
        p2s.push_back(p2s[k] - d);
        p2s.push_back(p2s[k] + d);
      }
    }
    for (double p1 : p1s) {
      for (double p2 : p2s) {
        if (p1 <= 0.0 || p1 >= 1.0 || p2 <= 0.0 || p2 >= 1.0) continue;
        (void)compare(env, beliefs::binary(p1, p2));
      }
    }
    // on the kink lines the gap peaks: f = 1 at (p1*(x), p2*) and Gap = Delta(x)
    const gap_result peak = compare(env, beliefs::binary(c.p1_star, c.p2_star));
    CHECK(peak.gap == Approx(c.delta).margin(1e-9));
  }
}

TEST_CASE("bargaining: player 2's payoffs at the solution of (4.1): Table 1 and (C.5)",
          "[bargaining][gap][paper]") {
  const bool separated = GENERATE(false, true);
  const unsigned seed = GENERATE(range(1u, 6u));
  std::mt19937 rng(seed + (separated ? 3000u : 300u));
  INFO("seed " << seed << (separated ? " (Proposition 2)" : " (Proposition 1)"));
  for (int draw = 0; draw < 20; ++draw) {
    const auto env = bargaining_test::random_environment(rng, separated);
    const double p1 = bargaining_test::random_probability(rng);
    const double p2 = bargaining_test::random_probability(rng);
    const auto c = proposition_gap(env, beliefs::binary(p1, p2));
    // the payoff of h2 jumps at p2* (and p2**): stay away from the jump
    if (std::abs(p2 - c.p2_star) < 1e-6) continue;
    if (separated && std::abs(p2 - c.p2_star_star) < 1e-6) continue;
    const auto p = beliefs::binary(p1, p2);
    const gap_result r = solve_gap(env, p);
    REQUIRE(r.ok());
    const Eigen::Vector2d expected = player2_payoffs(env, p);
    INFO("beta " << env.power() << " p1 " << p1 << " p2 " << p2 << " p2* " << c.p2_star << " p2** "
                 << c.p2_star_star);
    CHECK(r.payoffs[1](0) == Approx(expected(0)).margin(1e-9));
    CHECK(r.payoffs[1](1) == Approx(expected(1)).margin(1e-9));
    // RM_2(l2) binds everywhere (002 Table 1, Table 2)
    bool rm2_low = false;
    for (const auto& b : r.binding) {
      if (b.what == binding_constraint::kind::random_monopoly && b.player == 1 && b.type == 0) {
        rm2_low = true;
      }
    }
    CHECK(rm2_low);
  }
}

TEST_CASE(
    "bargaining: (C.5) as printed fails above p2*: u2(h2) is pinned at its random monopoly payoff",
    "[bargaining][gap][erratum]") {
  // l1 < h1 < l2 < h2, x = 0.6, p1 = 0.2 < x, p2 = 0.7 > p2* = 4/9. The printed (C.5) gives
  // u2(h2) = (1 - x) M2(h2) + (x - p1)(h2 - l2) = 0.4 + 0.2 = 0.6. The LP gives 0.4, and so does
  // the LP with an extra weight on u2(h2) that would pick any optimum with a larger u2(h2).
  const auto env = bargaining_environment::binary(0.1, 0.3, 0.5, 1.0, 0.6);
  const auto p = beliefs::binary(0.2, 0.7);
  const auto r = solve_gap(env, p);
  REQUIRE(r.ok());
  CHECK(r.payoffs[1](1) == Approx(0.4).margin(1e-12));
  incentive_primal tilted(to_bayesian_problem(env, p).grand());
  tilted.set_participation(r.thresholds);
  const auto t = tilted.solve({p.marginal(0), Eigen::Vector2d(0.0, 1e-4)});
  REQUIRE(t.ok());
  CHECK(p.marginal(0).dot(t.interim[0]) == Approx(r.value).margin(1e-12));
  CHECK(t.interim[1](1) == Approx(0.4).margin(1e-12));
  CHECK(player2_payoffs(env, p)(1) == Approx(0.4).margin(1e-15));
  // below p2* the printed middle line holds: p2 = 0.3 in [p2**, p2*) = [2/7, 4/9)
  const auto q = beliefs::binary(0.2, 0.3);
  CHECK(solve_gap(env, q).payoffs[1](1) == Approx(0.4 + 0.4 * 0.5).margin(1e-12));
}

TEST_CASE("bargaining: Gap = 0 where random monopoly payoffs pin payoffs down (002 §4, Theorem 2)",
          "[bargaining][gap][paper]") {
  std::mt19937 rng(4242);
  SECTION("beta in {0, 1}") {
    for (int draw = 0; draw < 10; ++draw) {
      for (double beta : {0.0, 1.0}) {
        const auto env = bargaining_test::random_environment(rng, draw % 2 == 1).with_power(beta);
        const auto p = beliefs::binary(bargaining_test::random_probability(rng),
                                       bargaining_test::random_probability(rng));
        const auto r = solve_gap(env, p);
        REQUIRE(r.ok());
        CHECK(r.gap == Approx(0.0).margin(1e-9));
        CHECK(proposition_gap(env, p).gap == 0.0);
      }
    }
  }
  SECTION("h1 > h2") {
    for (int draw = 0; draw < 20; ++draw) {
      std::uniform_real_distribution<double> u(0.01, 1.0);
      double v[4] = {u(rng), u(rng), u(rng), u(rng)};
      std::sort(v, v + 4);
      // l1 < l2 < h2 < h1 and l1 < h2 < l2 ... keep l1 <= l2 as in the paper
      const auto env = draw % 2 ? bargaining_environment::binary(v[0], v[3], v[1], v[2], u(rng))
                                : bargaining_environment::binary(
                                      v[0], v[3], v[2], v[2] + 0.5 * (v[3] - v[2]), u(rng));
      const auto p = beliefs::binary(bargaining_test::random_probability(rng),
                                     bargaining_test::random_probability(rng));
      const auto r = solve_gap(env, p);
      REQUIRE(r.ok());
      CHECK(r.gap == Approx(0.0).margin(1e-9));
    }
  }
  SECTION("a known type (one-element type set)") {
    for (int draw = 0; draw < 10; ++draw) {
      std::uniform_real_distribution<double> u(0.01, 1.0);
      double v[3] = {u(rng), u(rng), u(rng)};
      std::sort(v, v + 3);
      const double beta = u(rng), q = bargaining_test::random_probability(rng);
      const Eigen::VectorXd known = Eigen::VectorXd::Constant(1, v[1]);
      const Eigen::VectorXd certain = Eigen::VectorXd::Ones(1);
      const Eigen::Vector2d binary(v[0], v[2]), belief(1 - q, q);
      // player 1 known, player 2 binary; then the other way round
      const auto r1 =
          solve_gap(bargaining_environment(known, binary, beta), beliefs(certain, belief));
      const auto r2 =
          solve_gap(bargaining_environment(binary, known, beta), beliefs(belief, certain));
      REQUIRE(r1.ok());
      REQUIRE(r2.ok());
      CHECK(r1.gap == Approx(0.0).margin(1e-9));
      CHECK(r2.gap == Approx(0.0).margin(1e-9));
    }
  }
  SECTION("complete information (002 §3.1): payoffs beta_i t2 for t1 < t2") {
    const Eigen::VectorXd t1 = Eigen::VectorXd::Constant(1, 0.3);
    const Eigen::VectorXd t2 = Eigen::VectorXd::Constant(1, 0.8);
    const Eigen::VectorXd one = Eigen::VectorXd::Ones(1);
    for (double beta : {0.0, 0.25, 0.5, 1.0}) {
      const auto r = solve_gap(bargaining_environment(t1, t2, beta), beliefs(one, one));
      REQUIRE(r.ok());
      CHECK(r.gap == Approx(0.0).margin(1e-12));
      CHECK(r.payoffs[0](0) == Approx(beta * 0.8).margin(1e-12));
      CHECK(r.payoffs[1](0) == Approx((1 - beta) * 0.8).margin(1e-12));
      CHECK(r.optimal_allocation.good2(0, 0) == Approx(1.0).margin(1e-12));
    }
  }
}

TEST_CASE("bargaining: the 6.25% bound is approached: l1 = 0, h1 -> l2 = h2/2, beta = 1/2",
          "[bargaining][gap][paper]") {
  // Delta(1/2) -> (1/4)(h2/2)(h2/2)/h2 = h2/16 in both cases; at (p1*, p2*) f = 1.
  for (const bool separated : {false, true}) {
    const double eps = 1e-6;
    const auto env = separated ? bargaining_environment::binary(0.0, 0.5 - eps, 0.5, 1.0, 0.5)
                               : bargaining_environment::binary(0.0, 0.5 + eps, 0.5, 1.0, 0.5);
    const auto c = proposition_gap(env, beliefs::binary(0.5, 0.5));
    const auto r = compare(env, beliefs::binary(c.p1_star, c.p2_star));
    CHECK(r.gap <= 0.0625);
    CHECK(r.gap >= 0.0625 - 1e-5);
  }
}

TEST_CASE("bargaining: gap_lp re-solves warm when beta changes", "[bargaining][gap]") {
  const auto env = bargaining_environment::binary(0.1, 0.6, 0.3, 1.0, 0.5);
  const auto p = beliefs::binary(0.4, 0.3);
  gap_lp lp(env, p);
  const auto first = lp.solve();
  REQUIRE(first.ok());
  for (double beta : {0.2, 0.7, 0.0, 1.0, 0.5}) {
    lp.set_power(beta);
    const auto warm = lp.solve();
    REQUIRE(warm.ok());
    CHECK(warm.primal.lp.warm_started);
    const auto cold = solve_gap(env.with_power(beta), p);
    CHECK(warm.value == Approx(cold.value).margin(1e-12));
    CHECK(warm.gap == Approx(proposition_gap(env.with_power(beta), p).gap).margin(1e-9));
  }
  CHECK_THROWS_AS(lp.set_power(std::nan("")), non_finite_error);
  CHECK_NOTHROW(solve_gap_or_throw(env, p));
}

TEST_CASE("bargaining: binding constraints are reported with their multipliers",
          "[bargaining][gap]") {
  // Proposition 1, zone with p1 > p1*(x) and p2 < p2*: q2(l1, l2) = 1 and the random monopoly
  // constraints of both types of player 2 bind.
  const auto env = bargaining_environment::binary(0.1, 0.6, 0.3, 1.0, 0.4);
  const auto p = beliefs::binary(0.9, 0.1);
  const auto r = solve_gap(env, p);
  REQUIRE(r.ok());
  int rm2 = 0;
  for (const auto& b : r.binding) {
    CHECK(b.multiplier >= 0.0);
    if (b.what == binding_constraint::kind::random_monopoly) {
      const double slack = r.payoffs[static_cast<std::size_t>(b.player)](b.type) -
                           r.thresholds[static_cast<std::size_t>(b.player)](b.type);
      CHECK(std::abs(slack) <= 1e-7);
      if (b.player == 1) ++rm2;
    } else {
      CHECK(b.label().rfind("IC_", 0) == 0);
    }
  }
  CHECK(rm2 == 2);
  CHECK(r.optimal_allocation.good2(0, 0) == Approx(1.0).margin(1e-9));
  CHECK(r.optimal_allocation.good1(1, 0) == Approx(1.0).margin(1e-9));
}

TEST_CASE("bargaining: player 1's payoffs (5.1) of mechanism a2, with the indicators corrected",
          "[bargaining][gap][erratum]") {
  // Corrected (5.1): u1(l1) = beta M1(l1) + 1{p1 > p1*} f Delta / (1 - p1) and
  // u1(h1) = beta M1(h1) + 1{p1 < p1*} f Delta / p1; then p1.u1 = E as in (5.2). The test checks
  // that this vector is attained by an optimal allocation of (4.1): it differs from the LP's
  // player 1 payoffs by a type-dependent transfer a with p1.a = 0 that keeps player 1's IC.
  // As printed, (5.1) pairs the indicator 1{p1 < p1*} with u1(l1) and the denominator p1 (and
  // vice versa), which gives p1.u1 = p1.beta M1 + (1 - p1) f Delta / p1 != E unless p1 = 1/2.
  const bool separated = GENERATE(false, true);
  std::mt19937 rng(separated ? 77u : 78u);
  for (int draw = 0; draw < 40; ++draw) {
    const auto env = bargaining_test::random_environment(rng, separated);
    const double p1 = bargaining_test::random_probability(rng);
    const double p2 = bargaining_test::random_probability(rng);
    const auto p = beliefs::binary(p1, p2);
    const auto r = solve_gap(env, p);
    REQUIRE(r.ok());
    const auto c = proposition_gap(env, p);
    const double f_delta = c.f * c.delta;
    const Eigen::VectorXd& rm1 = r.thresholds[0];
    const Eigen::Vector2d corrected(rm1(0) + (p1 > c.p1_star ? f_delta / (1 - p1) : 0.0),
                                    rm1(1) + (p1 < c.p1_star ? f_delta / p1 : 0.0));
    INFO("p1 " << p1 << " p1* " << c.p1_star << " p2 " << p2);
    CHECK(p.marginal(0).dot(corrected) == Approx(r.value).margin(1e-9));
    const Eigen::MatrixXd u =
        misreport_utilities(to_bayesian_problem(env, p).grand(), r.primal.optimal_mechanism, 0);
    const Eigen::Vector2d a = corrected - r.payoffs[0];
    CHECK(u(0, 0) + a(0) >= u(0, 1) + a(1) - 1e-9);  // l1 does not report h1
    CHECK(u(1, 1) + a(1) >= u(1, 0) + a(0) - 1e-9);  // h1 does not report l1
    if (p1 < c.p1_star && f_delta > 1e-6) {
      const Eigen::Vector2d printed(rm1(0) + f_delta / p1, rm1(1));
      CHECK(p.marginal(0).dot(printed) - r.value ==
            Approx((1 - p1) * f_delta / p1 - f_delta).margin(1e-9));
    }
  }
}

TEST_CASE("bargaining: the 6.25% bound needs l1 >= 0; in general Gap <= (h2 - l1)/16",
          "[bargaining][gap][erratum]") {
  // Delta(x) <= x(1-x) (l2 - l1)(h2 - l2)/(h2 - l1) <= (h2 - l1)/16 in both propositions, which
  // is h2/16 only when l1 >= 0 (the paper's footnote 6 assumes l_i > 0). With l1 = -1, l2 = 0,
  // h1 = 0.001, h2 = 1, beta = 1/2 the Gap at (p1*, p2*) is about 12.5% of h2.
  const auto env = bargaining_environment::binary(-1.0, 0.001, 0.0, 1.0, 0.5);
  const auto c = proposition_gap(env, beliefs::binary(0.5, 0.5));
  const auto r = solve_gap(env, beliefs::binary(c.p1_star, c.p2_star));
  REQUIRE(r.ok());
  CHECK(r.gap == Approx(c.delta).margin(1e-9));
  CHECK(r.gap / 1.0 > 0.0625);
  CHECK(r.gap <= (1.0 - (-1.0)) / 16.0);
  CHECK(r.gap == Approx(0.125 * 0.999 / (1.0 - 0.0005)).margin(1e-9));
}

TEST_CASE("bargaining: (4.1) is never reported infeasible where its feasible set is one point",
          "[bargaining][gap][lp-status]") {
  // Just below p2** the feasible set of (4.1) shrinks to a single payoff vector; (4.1) is always
  // feasible (the random-monopoly mechanism is a feasible point). With polishing off, the raw LP
  // must come back certified optimal and agree with Proposition 2.
  std::mt19937 rng(7);
  int solved = 0;
  for (int draw = 0; draw < 10; ++draw) {
    const auto env = bargaining_test::random_environment(rng, true);
    const auto c = proposition_gap(env, beliefs::binary(0.5, 0.5));
    for (const double d : {1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10}) {
      for (const double p1 : {0.2, 0.5, c.p1_star, 0.8}) {
        const double p2 = c.p2_star_star - d;
        if (!(p2 > 0.0 && p2 < 1.0 && p1 > 0.0 && p1 < 1.0)) continue;
        gap_options o;
        o.polish_above = -1.0;
        const gap_result r = solve_gap(env, beliefs::binary(p1, p2), o);
        INFO("p1 " << p1 << ", p2 = p2** - " << d << ": " << r.primal.lp.ladder);
        REQUIRE(r.status == mechdesign::status::success);
        CHECK_FALSE(r.polished);
        CHECK(r.value == Approx(proposition_gap(env, beliefs::binary(p1, p2)).value).margin(1e-7));
        ++solved;
      }
    }
  }
  CHECK(solved >= 200);
}
