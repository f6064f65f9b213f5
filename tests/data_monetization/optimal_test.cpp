// Optimal symmetric obedient mechanisms (001 §5) against a brute-force search over the obedient
// parameters (b, d, ρ) that evaluates the objectives from the mechanism's moments and never uses
// the stationarity curve, plus the paper's qualitative claims.
#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/data_monetization/benchmarks.hpp>
#include <mechdesign/data_monetization/check.hpp>
#include <mechdesign/data_monetization/consumer.hpp>
#include <mechdesign/data_monetization/incentives.hpp>
#include <mechdesign/data_monetization/optimal.hpp>
#include <random>
#include <string>
#include <vector>

#include "data_monetization/gaussian_support.hpp"

using namespace mechdesign;
using namespace mechdesign::data_monetization;

namespace {

// Brute force and closed form agree: objective to 1e-9 relative, (b, d) to 1e-5, and the noise
// (variance, and correlation when the noise is not negligible).
void compare(const optimal_mechanism& o, const gaussian_test::brute_force_result& bf,
             const std::string& what) {
  INFO(what << ": closed form b = " << o.mechanism.state_weight
            << ", d = " << o.mechanism.others_type_weight << ", s2 = " << o.mechanism.noise_variance
            << "; brute force b = " << bf.state_weight << ", d = " << bf.others_type_weight
            << ", s2 = " << bf.mechanism.noise_variance << ", rho = " << bf.noise_correlation);
  REQUIRE(o.ok());
  CHECK(bf.value <= o.objective + 1e-9 * std::max(1.0, std::abs(o.objective)));
  CHECK(o.objective == Approx(bf.value).epsilon(1e-9).margin(1e-10));
  CHECK(o.mechanism.state_weight == Approx(bf.state_weight).margin(1e-5));
  CHECK(o.mechanism.others_type_weight == Approx(bf.others_type_weight).margin(1e-5));
  CHECK(o.mechanism.noise_variance == Approx(bf.mechanism.noise_variance).margin(1e-5));
  if (o.mechanism.noise_variance > 1e-3) {
    CHECK(o.mechanism.noise_correlation == Approx(bf.noise_correlation).margin(1e-4));
  }
}

struct case_t {
  std::string name;
  game g;
};

std::vector<case_t> games() {
  const cournot cn = gaussian_test::reference_cournot(3, 0.5, 0.5);
  const bertrand bt = gaussian_test::reference_bertrand(3, 0.3, 0.5);
  beauty_contest bc;
  bc.players = 4;
  bc.coordination = 0.6;
  bc.fundamental_mean = 1.5;
  return {{"Cournot n=3", cn.canonical()},
          {"beauty contest n=4", bc.canonical()},
          {"Bertrand n=3", bt.canonical()},
          {"substitutes interior", game(2, -0.8, gaussian_prior{1, 1, 0, 0.0005})},
          {"complements n=2", game(2, 0.6, gaussian_prior{0.3, 2, 0.1, 0.4})},
          {"substitutes n=4", game(4, -0.2, gaussian_prior{3, 0.5, 1, 1.5})},
          {"high mean complements", game(3, 0.2, gaussian_prior{8, 1, 0, 0.5})}};
}

}  // namespace

TEST_CASE("gaussian optimal: welfare optimum (Proposition 7) against brute force",
          "[data_monetization][optimal]") {
  for (const auto& c : games()) {
    const optimal_mechanism o = welfare_optimal(c.g);
    const auto bf = gaussian_test::brute_force(
        c.g, [&](const symmetric_mechanism& x) { return welfare(c.g, x); }, false);
    compare(o, bf, c.name);
    const mechanism_check chk = check_mechanism(c.g, o.mechanism);
    CHECK(chk.obedient());
    // Corollary 2: implementable with the payments of Proposition 5 (c ≥ 1)
    CHECK(chk.incentive_compatible());
    CHECK(o.payments.implementable);
    // Proposition 14: maximal positive (negative) correlation for complements (substitutes)
    if (o.mechanism.noise_variance > 0) {
      CHECK(o.mechanism.noise_correlation ==
            (c.g.complements() ? 1.0 : -1.0 / (c.g.players() - 1)));
    }
    // the welfare optimum beats complete information and is beaten by the first best
    CHECK(o.welfare >= welfare(c.g, complete_information(c.g)) - 1e-12);
    if (2 * c.g.interaction() * (c.g.players() - 1) < 1 && 2 * c.g.interaction() > -1) {
      CHECK(o.welfare <= welfare(c.g, first_best(c.g)) + 1e-12);
    }
  }
}

TEST_CASE("gaussian optimal: revenue optimum (Proposition 9) against brute force",
          "[data_monetization][optimal][revenue]") {
  for (const auto& c : games()) {
    const optimal_mechanism o = revenue_optimal(c.g);
    const auto bf = gaussian_test::brute_force(
        c.g, [&](const symmetric_mechanism& x) { return revenue(c.g, x); }, true);
    compare(o, bf, c.name);
    CHECK(o.revenue == Approx(o.objective).epsilon(1e-12));
    CHECK(check_mechanism(c.g, o.mechanism).incentive_compatible());
    // revenue ≤ welfare, and the seller does better than selling the welfare optimum
    CHECK(o.revenue <= o.welfare + 1e-12);
    CHECK(o.revenue >= welfare_optimal(c.g).revenue - 1e-12);
    CHECK(o.welfare <= welfare_optimal(c.g).welfare + 1e-12);
  }
}

TEST_CASE("gaussian optimal: consumer optimum (Propositions 11-12) against brute force",
          "[data_monetization][optimal][consumer]") {
  const double beta = GENERATE(0.5, -0.3);
  const int n = GENERATE(2, 3);
  const cournot cn = gaussian_test::reference_cournot(n, beta, 0.5);
  const bertrand bt = gaussian_test::reference_bertrand(n, beta * 0.6, 0.5);
  INFO("beta = " << beta << ", n = " << n);
  {
    const game g = cn.canonical();
    const optimal_mechanism o = consumer_optimal(cn);
    compare(o,
            gaussian_test::brute_force(
                g, [&](const symmetric_mechanism& x) { return consumer_surplus(cn, x); }, true),
            "Cournot consumer");
    const auto w = welfare_optimal(g), r = revenue_optimal(g);
    const auto ci = complete_information(g);
    if (!g.complements()) {
      // Prop. 11, r < 0: deterministic, correlation sign reversed (ρ = 1 branch), more weight on
      // the state and less on own types than the welfare, revenue and complete-info mechanisms
      CHECK(o.boundary);
      CHECK_FALSE(o.ic_binding);
      CHECK(o.mechanism.state_weight > w.mechanism.state_weight);
      CHECK(o.mechanism.state_weight > r.mechanism.state_weight);
      CHECK(o.mechanism.state_weight > ci.state_weight);
      CHECK(o.mechanism.own_type_weight < w.mechanism.own_type_weight);
      CHECK(o.mechanism.own_type_weight < r.mechanism.own_type_weight);
      CHECK(o.mechanism.own_type_weight < ci.own_type_weight);
    } else {
      // Prop. 11, r > 0: IC binds, recommendations ignore the competitors' types (d = 0)
      CHECK(o.ic_binding);
      CHECK(o.mechanism.others_type_weight == 0.0);
      CHECK(o.payments.payment_derivative(0.7) == 0.0);
    }
  }
  {
    const game g = bt.canonical();
    const optimal_mechanism o = consumer_optimal(bt);
    compare(o,
            gaussian_test::brute_force(
                g, [&](const symmetric_mechanism& x) { return consumer_surplus(bt, x); }, true),
            "Bertrand consumer");
    // Prop. 12: deterministic, IC slack, on the lower-left quarter of the ellipse: prices fall
    // when demand is high (b < 0)
    CHECK(o.boundary);
    CHECK_FALSE(o.ic_binding);
    CHECK(o.mechanism.own_type_weight > 1.0);
    const obedience_ellipse e = ellipse(g);
    CHECK(o.mechanism.state_weight < e.state_center);
    CHECK(o.mechanism.state_weight < 0.0);
    CHECK((o.mechanism.others_type_weight - e.others_center) * (g.complements() ? 1 : -1) < 0);
  }
}

TEST_CASE("gaussian optimal: Proposition 6 for random linear objectives against brute force",
          "[data_monetization][optimal]") {
  std::mt19937_64 rng(424242);
  std::normal_distribution<double> z(0.0, 1.0);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int rep = 0; rep < 6; ++rep) {
    const int n = 2 + rep % 3;
    const double r = (rep % 2 ? 0.8 / (n - 1) : -0.8) * (0.2 + 0.8 * u(rng));
    const game g(n, r, gaussian_prior{z(rng), 0.3 + u(rng), z(rng), 0.3 + u(rng)});
    linear_objective obj;
    obj.action_variance = z(rng);
    obj.action_covariance = z(rng);
    obj.state_covariance = z(rng);
    obj.own_type_covariance = z(rng);
    obj.other_type_covariance = z(rng);
    const bool ic = rep % 3 == 0;
    optimal_options opt;
    opt.impose_incentive_compatibility = ic;
    const optimal_mechanism o = maximize_over_obedient(g, obj, 0.0, opt);
    const auto bf = gaussian_test::brute_force(
        g, [&](const symmetric_mechanism& x) { return obj.value(moments(g, x)); }, ic);
    compare(o, bf, "random objective " + std::to_string(rep));
    CHECK(check_mechanism(g, o.mechanism).obedient());
  }
}

TEST_CASE("gaussian optimal: randomisation regime of the welfare optimum (Proposition 8)",
          "[data_monetization][optimal]") {
  // complements: always deterministic
  for (double ratio : {1e-4, 0.01, 1.0, 100.0}) {
    const game g(3, 0.3, gaussian_prior{1, 1, 0, ratio});
    CHECK(welfare_optimal(g).boundary);
    CHECK_FALSE(welfare_optimum_regime(g).interior);
  }
  // substitutes: interior iff σ_t²/σ_θ² is below the threshold, which the solver confirms on
  // both sides
  for (int n : {2, 3, 5}) {
    for (double r : {-0.9, -0.6, -0.3}) {
      const game probe(n, r, gaussian_prior{1, 1, 0, 1});
      const welfare_regime reg = welfare_optimum_regime(probe);
      INFO("n = " << n << ", r = " << r << ", threshold " << reg.critical_variance_ratio);
      REQUIRE(reg.interior_below_ratio);
      // the library's derivation: an interior regime exists iff r < −1/(n+1)
      CHECK((reg.critical_variance_ratio > 0) == (r < -1.0 / (n + 1)));
      if (!(reg.critical_variance_ratio > 0)) {
        // no interior regime: deterministic at every variance ratio
        for (double ratio : {1e-6, 1e-3, 1.0}) {
          CHECK(welfare_optimal(game(n, r, gaussian_prior{1, 1, 0, ratio})).boundary);
        }
        continue;
      }
      for (double f : {0.5, 0.9, 1.1, 2.0}) {
        const game g(n, r, gaussian_prior{1, 1, 0, f * reg.critical_variance_ratio});
        CHECK(welfare_optimal(g).boundary == (f > 1));
        CHECK(welfare_optimum_regime(g).interior == (f < 1));
      }
    }
  }
}

TEST_CASE("gaussian optimal: comparisons of Proposition 10", "[data_monetization][optimal]") {
  for (double r : {-0.3, 0.2}) {
    for (int n : {2, 3}) {
      INFO("r = " << r << ", n = " << n);
      std::vector<optimal_mechanism> rev, wel;
      std::vector<double> means;
      for (double mu : {0.0, 0.2, 0.5, 1.0, 2.0, 5.0, 20.0}) {
        const game g(n, r, gaussian_prior{mu, 1.0, 0.0, 0.5});
        rev.push_back(revenue_optimal(g));
        wel.push_back(welfare_optimal(g));
        means.push_back(g.obedient_mean_action());
      }
      const game g0(n, r, gaussian_prior{0.0, 1.0, 0.0, 0.5});
      const symmetric_mechanism ci = complete_information(g0);
      for (std::size_t k = 0; k < rev.size(); ++k) {
        // (1) the welfare optimum does not depend on the mean action
        CHECK(wel[k].mechanism.state_weight == Approx(wel[0].mechanism.state_weight));
        CHECK(wel[k].mechanism.others_type_weight == Approx(wel[0].mechanism.others_type_weight));
        // W-opt puts more weight on own types and less on the state than complete information
        CHECK(wel[k].mechanism.state_weight < ci.state_weight);
        CHECK(wel[k].mechanism.own_type_weight > ci.own_type_weight);
        if (k > 0) {
          // (2) revenue optimum: state weight falls, own-type weight rises with m
          CHECK(rev[k].mechanism.state_weight < rev[k - 1].mechanism.state_weight);
          CHECK(rev[k].mechanism.own_type_weight > rev[k - 1].mechanism.own_type_weight);
        }
      }
      // (3) small m: b^W < b^R < b^CI and c^CI < c^R < c^W
      CHECK(wel[0].mechanism.state_weight < rev[0].mechanism.state_weight);
      CHECK(rev[0].mechanism.state_weight < ci.state_weight);
      CHECK(ci.own_type_weight < rev[0].mechanism.own_type_weight);
      CHECK(rev[0].mechanism.own_type_weight < wel[0].mechanism.own_type_weight);
      // (4) large m: the order with W-opt is reversed
      CHECK(rev.back().mechanism.state_weight < wel.back().mechanism.state_weight);
      CHECK(rev.back().mechanism.own_type_weight > wel.back().mechanism.own_type_weight);
    }
  }
}

TEST_CASE(
    "gaussian payments: Proposition 5 off-path action maximises payments; state-only "
    "mechanisms need no transfers",
    "[data_monetization][incentives]") {
  const game g(3, -0.25, gaussian_prior{1, 0.25, -0.25, 0.125});
  const optimal_mechanism o = welfare_optimal(g);
  const payment_rule& pay = o.payments;
  REQUIRE(pay.implementable);
  // brute force over the mean aggregate A: the smallest constant K with
  // K + m x + c x²/2 ≥ U₀(μ_t + x; A) on a fine grid of types; minimal at A*, value m²/(2c)
  auto min_constant = [&](double A) {
    double K = -INFINITY;
    for (int i = -4000; i <= 4000; ++i) {
      const double x = i * 0.002;
      K = std::max(K, pay.reservation_utility(pay.type_mean + x, A) - pay.mean_action * x -
                          0.5 * pay.own_type_weight * x * x);
    }
    return K;
  };
  double best_A = 0, best_K = INFINITY;
  for (int i = -400; i <= 400; ++i) {
    const double A = pay.off_path_aggregate + i * 0.01;
    const double K = min_constant(A);
    if (K < best_K) best_K = K, best_A = A;
  }
  CHECK(best_A == Approx(pay.off_path_aggregate).margin(0.011));
  CHECK(best_K ==
        Approx(pay.mean_action * pay.mean_action / (2 * pay.own_type_weight)).margin(1e-6));
  CHECK(pay.rent(pay.type_mean) == Approx(best_K).margin(1e-6));
  // payments: p(t) = V/2 + (c−1) ā(t)²/(2c), derivative (c − 1) ā (Proposition 4)
  for (double t : {-1.0, 0.0, 0.5}) {
    const double h = 1e-5;
    CHECK((pay.payment(t + h) - pay.payment(t - h)) / (2 * h) ==
          Approx(pay.payment_derivative(t)).margin(1e-7));
  }
  CHECK(pay.expected_payment() * 3 == Approx(o.revenue));
  // state only: d = 0, so p' ≡ 0: implementable without (discriminatory) transfers
  const payment_rule so = revenue_maximizing_payments(g, state_only(g));
  CHECK(so.implementable);
  for (double t : {-2.0, 0.0, 3.0}) CHECK(so.payment_derivative(t) == 0.0);
  CHECK(so.payment(-2.0) == Approx(so.payment(3.0)));
  // not obedient: rejected
  symmetric_mechanism bad = state_only(g);
  bad.noise_variance = 1;
  CHECK_THROWS_AS(revenue_maximizing_payments(g, bad), model_error);
}

TEST_CASE("gaussian optimal: Cournot consumer optimum under complements (Proposition 11.3)",
          "[data_monetization][optimal][consumer]") {
  for (int n : {2, 3}) {
    const double rbar = cournot_consumer_threshold(n);
    INFO("n = " << n << ", threshold r = " << rbar);
    REQUIRE(rbar > 0);
    REQUIRE(rbar * (n - 1) < 1);
    for (double f : {0.5, 0.95, 1.05, 1.5}) {
      const double r = f * rbar;
      if (r * (n - 1) >= 1 || 2 * r >= 1.0 / (n - 1)) continue;
      const cournot cn = gaussian_test::reference_cournot(n, -2 * r, 0.5);
      const game g = cn.canonical();
      const optimal_mechanism o = consumer_optimal(cn);
      CHECK(o.ic_binding);
      if (f < 1) {
        // state only: fully reveals the state, deterministic
        CHECK(o.mechanism.state_weight == Approx(state_only(g).state_weight).epsilon(1e-9));
        CHECK(o.mechanism.noise_variance < 1e-12);
      } else {
        CHECK(o.mechanism.state_weight == Approx((1 + 2 * r) / (2 * n * r)).epsilon(1e-9));
        CHECK(o.mechanism.noise_variance > 1e-6);
        CHECK(o.mechanism.noise_correlation == -1.0 / (n - 1));
      }
    }
  }
}

TEST_CASE("gaussian optimal: the revenue optimum's randomisation threshold falls with m (§5.3)",
          "[data_monetization][optimal][revenue]") {
  // critical σ_t²/σ_θ² below which the revenue optimum is randomised, by bisection on the
  // solver's regime; the paper: qualitatively as Proposition 8, with a threshold decreasing in m
  for (int n : {2, 3}) {
    const double r = -0.6;
    double previous = INFINITY;
    for (double mu : {0.0, 1.0, 2.0, 4.0}) {
      auto interior = [&](double ratio) {
        return !revenue_optimal(game(n, r, gaussian_prior{mu, 1, 0, ratio})).boundary;
      };
      double lo = 1e-8, hi = 10;
      REQUIRE(interior(lo));
      REQUIRE_FALSE(interior(hi));
      for (int i = 0; i < 60; ++i) {
        const double mid = std::sqrt(lo * hi);
        (interior(mid) ? lo : hi) = mid;
      }
      INFO("n = " << n << ", mu = " << mu << ", threshold " << lo);
      CHECK(lo < previous);
      previous = lo;
    }
  }
}

TEST_CASE("gaussian optimal: instance overloads report consumer surplus",
          "[data_monetization][optimal][consumer]") {
  cournot cn;
  cn.firms = 3;
  bertrand bt;
  bt.firms = 2;
  const optimal_mechanism wc = welfare_optimal(cn), rc = revenue_optimal(cn),
                          cc = consumer_optimal(cn);
  const optimal_mechanism wb = welfare_optimal(bt), cb = consumer_optimal(bt);
  CHECK(wc.consumer_surplus == Approx(consumer_surplus(cn, wc.mechanism)));
  CHECK(rc.consumer_surplus == Approx(consumer_surplus(cn, rc.mechanism)));
  CHECK(cc.consumer_surplus == Approx(consumer_surplus(cn, cc.mechanism)));
  CHECK(wb.consumer_surplus == Approx(consumer_surplus(bt, wb.mechanism)));
  // the consumer optimum has the most consumer surplus, the welfare optimum the most welfare
  CHECK(cc.consumer_surplus >= wc.consumer_surplus);
  CHECK(cc.consumer_surplus >= rc.consumer_surplus);
  CHECK(cb.consumer_surplus >= wb.consumer_surplus);
  CHECK(wc.welfare >= cc.welfare);
  CHECK(std::isnan(welfare_optimal(cn.canonical()).consumer_surplus));
}
