// Monte Carlo validation of returned mechanisms (001 §4): obedience, truth-telling against double
// deviations, participation, welfare and consumer surplus, on simulated draws of the joint law.
//
// Tolerances: every comparison is "|estimate − prediction| ≤ 4.5 standard errors" where the
// standard error is the sample standard deviation over √N of the per-draw quantity (for paired
// comparisons, of the per-draw difference under common random numbers). Under the null a single
// check fails with probability < 1e-5; the seeds are fixed, so the outcome is reproducible.
#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/data_monetization/benchmarks.hpp>
#include <mechdesign/data_monetization/check.hpp>
#include <mechdesign/data_monetization/consumer.hpp>
#include <mechdesign/data_monetization/incentives.hpp>
#include <mechdesign/data_monetization/optimal.hpp>
#include <string>
#include <vector>

#include "data_monetization/gaussian_support.hpp"

using namespace mechdesign::data_monetization;
using gaussian_test::running_mean;
using gaussian_test::sampler;

namespace {

constexpr double z_crit = 4.5;

// Largest |mean(z·g)| / SE over players and features z ∈ {1, t_i − μ_t, a_i − m}, where
// g = θ + t_i + r Σ_{j≠i} a_j − a_i is the marginal payoff: zero means under obedience (eq. (8)).
double obedience_z_score(const game& g, const symmetric_mechanism& x, int draws,
                         unsigned long long seed) {
  sampler s(g, joint(g, x), seed);
  const int n = g.players();
  std::vector<running_mean> stats(3 * n);
  for (int k = 0; k < draws; ++k) {
    const Eigen::VectorXd f = s.fundamentals();
    const Eigen::VectorXd a = s.actions(f);
    for (int i = 0; i < n; ++i) {
      const double gi = f(0) + f(1 + i) + g.interaction() * (a.sum() - a(i)) - a(i);
      stats[3 * i].add(gi);
      stats[3 * i + 1].add((f(1 + i) - g.prior().type_mean) * gi);
      stats[3 * i + 2].add((a(i) - x.mean_action) * gi);
    }
  }
  double worst = 0;
  for (const auto& st : stats) worst = std::max(worst, std::abs(st.mean()) / st.standard_error());
  return worst;
}

}  // namespace

TEST_CASE("gaussian Monte Carlo: optimal mechanisms are obedient, the first best is not",
          "[data_monetization][montecarlo]") {
  const unsigned long long seed = 20240611;
  INFO("seed " << seed);
  const cournot cn = gaussian_test::reference_cournot(3, 0.5, 0.5);
  const bertrand bt = gaussian_test::reference_bertrand(3, 0.3, 0.5);
  const game interior(2, -0.8, gaussian_prior{1, 1, 0, 0.0005});  // randomised welfare optimum
  REQUIRE_FALSE(welfare_optimal(interior).boundary);
  struct item {
    std::string name;
    game g;
    symmetric_mechanism x;
  };
  const std::vector<item> items = {
      {"Cournot welfare", cn.canonical(), welfare_optimal(cn.canonical()).mechanism},
      {"Cournot revenue", cn.canonical(), revenue_optimal(cn.canonical()).mechanism},
      {"Cournot consumer", cn.canonical(), consumer_optimal(cn).mechanism},
      {"Bertrand welfare", bt.canonical(), welfare_optimal(bt.canonical()).mechanism},
      {"Bertrand consumer", bt.canonical(), consumer_optimal(bt).mechanism},
      {"interior welfare", interior, welfare_optimal(interior).mechanism},
  };
  for (const auto& it : items) {
    INFO(it.name);
    CHECK(obedience_z_score(it.g, it.x, 20000, seed) < z_crit);
  }
  // negative control: the collusive first best violates obedience far beyond sampling error
  CHECK(obedience_z_score(cn.canonical(), first_best(cn.canonical()), 20000, seed) > 20);
}

TEST_CASE("gaussian Monte Carlo: welfare and consumer surplus formulas",
          "[data_monetization][montecarlo]") {
  const unsigned long long seed = 77;
  INFO("seed " << seed);
  const bool is_cournot = GENERATE(true, false);
  const cournot cn = gaussian_test::reference_cournot(3, 0.5, 1.0);
  const bertrand bt = gaussian_test::reference_bertrand(3, 0.3, 1.0);
  const game g = is_cournot ? cn.canonical() : bt.canonical();
  const int n = g.players();
  const double beta = is_cournot ? cn.substitution : bt.substitution;
  for (const auto& x : {welfare_optimal(g).mechanism, complete_information(g), first_best(g)}) {
    sampler s(g, joint(g, x), seed);
    running_mean w, cs;
    for (int k = 0; k < 20000; ++k) {
      const Eigen::VectorXd f = s.fundamentals();
      const Eigen::VectorXd a = s.actions(f);
      double total = 0;
      for (int i = 0; i < n; ++i) total += gaussian_test::utility(g, a, f(0), f(1 + i), i);
      w.add(total);
      if (is_cournot) {
        // CS = ½ q'Bq, B = I + β(J − I)
        cs.add(0.5 * ((1 - beta) * a.squaredNorm() + beta * a.sum() * a.sum()));
      } else {
        // q = α1 − Cp, C = I − β(J − I); CS = ½ q'C⁻¹q
        const double alpha = 2 * f(0);
        const Eigen::MatrixXd C =
            (1 + beta) * Eigen::MatrixXd::Identity(n, n) - beta * Eigen::MatrixXd::Ones(n, n);
        const Eigen::VectorXd q = alpha * Eigen::VectorXd::Ones(n) - C * a;
        cs.add(0.5 * q.dot(C.ldlt().solve(q)));
      }
    }
    CHECK(std::abs(w.mean() - welfare(g, x)) < z_crit * w.standard_error());
    const double predicted = is_cournot ? consumer_surplus(cn, x) : consumer_surplus(bt, x);
    CHECK(std::abs(cs.mean() - predicted) < z_crit * cs.standard_error());
  }
}

namespace {

struct deviation_estimate {
  running_mean follow_gain, deviate_gain;  // paired against truthful obedience
  running_mean deviate_payoff;             // absolute payoff of the double deviation
};

// Player 0 of true type t reports τ; under common random numbers compares (i) following and
// (ii) the best linear second-stage deviation a₀ + α̂ + β̂ (a₀ − ā), estimated by least squares of
// the true marginal payoff on the recommendation, against reporting t and obeying.
deviation_estimate misreport(const game& g, const symmetric_mechanism& x, const payment_rule& pay,
                             double t, double tau, int draws, unsigned long long seed) {
  sampler truth(g, joint(g, x), seed), lie(g, joint(g, x), seed);
  std::vector<double> honest(draws), a0(draws), gain_follow(draws), marginal(draws), theta(draws);
  std::vector<Eigen::VectorXd> acts(draws);
  for (int k = 0; k < draws; ++k) {
    Eigen::VectorXd f = truth.fundamentals();
    lie.fundamentals();  // keep the two streams aligned
    f(1) = t;
    const Eigen::VectorXd a_true = truth.actions(f);
    Eigen::VectorXd f_lie = f;
    f_lie(1) = tau;
    const Eigen::VectorXd a = lie.actions(f_lie);
    honest[k] = gaussian_test::utility(g, a_true, f(0), t, 0) - pay.payment(t);
    gain_follow[k] = gaussian_test::utility(g, a, f(0), t, 0) - pay.payment(tau) - honest[k];
    a0[k] = a(0);
    marginal[k] = f(0) + t + g.interaction() * (a.sum() - a(0)) - a(0);
    theta[k] = f(0);
    acts[k] = a;
  }
  // least squares of marginal on (1, a0)
  double ma = 0, mg = 0;
  for (int k = 0; k < draws; ++k) ma += a0[k] / draws, mg += marginal[k] / draws;
  double sag = 0, saa = 0;
  for (int k = 0; k < draws; ++k)
    sag += (a0[k] - ma) * (marginal[k] - mg), saa += (a0[k] - ma) * (a0[k] - ma);
  const double slope = saa > 1e-14 ? sag / saa : 0.0;
  deviation_estimate e;
  for (int k = 0; k < draws; ++k) {
    Eigen::VectorXd a = acts[k];
    a(0) += mg + slope * (a0[k] - ma);
    const double payoff = gaussian_test::utility(g, a, theta[k], t, 0) - pay.payment(tau);
    e.follow_gain.add(gain_follow[k]);
    e.deviate_gain.add(payoff - honest[k]);
    e.deviate_payoff.add(payoff);
  }
  return e;
}

}  // namespace

TEST_CASE("gaussian Monte Carlo: truth-telling against double deviations (Propositions 3-4)",
          "[data_monetization][montecarlo][incentives]") {
  const unsigned long long seed = 5150;
  INFO("seed " << seed);
  const cournot cn = gaussian_test::reference_cournot(3, 0.5, 1.0);
  const game g = cn.canonical();
  const double mt = g.prior().type_mean, st = std::sqrt(g.prior().type_variance);
  SECTION("welfare- and revenue-optimal mechanisms with the Proposition 5 payments are IC") {
    for (const auto& o : {welfare_optimal(g), revenue_optimal(g)}) {
      REQUIRE(o.payments.implementable);
      for (double t : {mt - 1.5 * st, mt, mt + 1.5 * st}) {
        for (double dz : {-2.0, -1.0, -0.5, 0.5, 1.0, 2.0}) {
          const double tau = t + dz * st;
          INFO("t = " << t << ", tau = " << tau);
          const deviation_estimate e = misreport(g, o.mechanism, o.payments, t, tau, 4000, seed);
          CHECK(e.follow_gain.mean() < z_crit * e.follow_gain.standard_error() + 1e-12);
          CHECK(e.deviate_gain.mean() < z_crit * e.deviate_gain.standard_error() + 1e-12);
          // the closed-form payoff of the double deviation (eq. (16)) matches the simulation
          CHECK(std::abs(e.deviate_payoff.mean() - o.payments.misreport_payoff(t, tau, true)) <
                z_crit * e.deviate_payoff.standard_error() + 1e-9);
        }
      }
    }
  }
  SECTION("a truthful but not IC mechanism (0 < c < 1) loses to a double deviation") {
    // substitutes with r d < 0: c = 1 + k d < 1 (Proposition 4 fails, Proposition 3 holds)
    const obedience_ellipse e = ellipse(g);
    const symmetric_mechanism x =
        obedient_mechanism(g, e.state_center, e.others_center + 0.9 * e.others_semi_axis, 1.0);
    REQUIRE(x.own_type_weight < 1);
    REQUIRE(x.own_type_weight > 0);
    const payment_rule pay = revenue_maximizing_payments(g, x);
    CHECK_FALSE(pay.implementable);
    CHECK(pay.status == mechdesign::status::infeasible);
    CHECK_FALSE(pay.ok());
    const double t = mt, tau = mt + 2 * st;
    const deviation_estimate est = misreport(g, x, pay, t, tau, 4000, seed);
    CHECK(est.follow_gain.mean() < z_crit * est.follow_gain.standard_error() + 1e-12);
    CHECK(est.deviate_gain.mean() > z_crit * est.deviate_gain.standard_error());
    // the gain is (1 − c)(t − τ)²/2
    CHECK(
        std::abs(est.deviate_gain.mean() - 0.5 * (1 - x.own_type_weight) * (t - tau) * (t - tau)) <
        z_crit * est.deviate_gain.standard_error());
  }
}

TEST_CASE("gaussian Monte Carlo: participation with the off-path action of Proposition 5",
          "[data_monetization][montecarlo][incentives]") {
  const unsigned long long seed = 31337;
  INFO("seed " << seed);
  const bertrand bt = gaussian_test::reference_bertrand(3, 0.3, 1.0);
  const game g = bt.canonical();
  const int n = g.players();
  const double mt = g.prior().type_mean, st = std::sqrt(g.prior().type_variance);
  for (const auto& o : {welfare_optimal(g), revenue_optimal(g)}) {
    const payment_rule& pay = o.payments;
    REQUIRE(pay.implementable);
    for (double t : {mt - 2 * st, mt - st, pay.critical_type, mt, mt + st, mt + 2 * st}) {
      INFO("t = " << t);
      // on path: report t, obey, pay p(t)
      sampler s(g, joint(g, o.mechanism), seed);
      running_mean on;
      // off path: the others' actions have mean aggregate A* and noise independent of θ
      std::mt19937_64 rng(seed + 1);
      std::normal_distribution<double> z(0.0, 1.0);
      std::vector<double> th, agg;
      for (int k = 0; k < 4000; ++k) {
        Eigen::VectorXd f = s.fundamentals();
        f(1) = t;
        const Eigen::VectorXd a = s.actions(f);
        on.add(gaussian_test::utility(g, a, f(0), t, 0) - pay.payment(t));
        th.push_back(g.prior().state_mean + std::sqrt(g.prior().state_variance) * z(rng));
        double sum = 0;
        for (int j = 1; j < n; ++j) sum += pay.off_path_aggregate / (n - 1) + z(rng);
        agg.push_back(sum);
      }
      // the non-participant best-responds with the sample-optimal constant action
      double best = 0;
      for (std::size_t k = 0; k < th.size(); ++k)
        best += (th[k] + t + g.interaction() * agg[k]) / th.size();
      running_mean off;
      for (std::size_t k = 0; k < th.size(); ++k) {
        off.add(best * (th[k] + t + g.interaction() * agg[k]) - 0.5 * best * best);
      }
      CHECK(std::abs(off.mean() - pay.reservation_utility(t)) <
            z_crit * off.standard_error() + 1e-9);
      CHECK(std::abs(on.mean() - pay.rent(t)) < z_crit * on.standard_error() + 1e-9);
      CHECK(on.mean() - off.mean() > -z_crit * (on.standard_error() + off.standard_error()));
    }
    // exact: rent ≥ reservation with equality only at the critical type (Corollary 3)
    CHECK(std::abs(pay.rent(pay.critical_type)) < 1e-12);
    CHECK(std::abs(pay.reservation_utility(pay.critical_type)) < 1e-12);
    for (int k = -40; k <= 40; ++k) {
      const double t = mt + 0.1 * k * st;
      CHECK(pay.rent(t) - pay.reservation_utility(t) > -1e-12);
      CHECK(pay.payment(t) >= 0);
    }
  }
}
