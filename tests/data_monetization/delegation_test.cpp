// Delegation (001 Appendix E, Proposition 17) against a compass search over all deterministic
// symmetric linear rules (m, b, c, d) with c ≥ 1, which does not use the closed form.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <mechdesign/data_monetization/benchmarks.hpp>
#include <mechdesign/data_monetization/delegation.hpp>
#include <mechdesign/data_monetization/optimal.hpp>

using namespace mechdesign;
using namespace mechdesign::data_monetization;

namespace {

symmetric_mechanism rule(const double v[4]) {
  symmetric_mechanism x;
  x.mean_action = v[0];
  x.state_weight = v[1];
  x.own_type_weight = v[2];
  x.others_type_weight = v[3];
  return x;
}

// compass search from the no-information rule
double search(const game& g, double best_out[4]) {
  double v[4] = {g.obedient_mean_action(), 0.0, 1.0, 0.0};
  auto f = [&](const double* w) {
    if (w[2] < 1.0) return -std::numeric_limits<double>::infinity();
    return delegated_revenue(g, rule(w));
  };
  double best = f(v), step = 1.0;
  while (step > 1e-11) {
    bool improved = false;
    for (int i = 0; i < 4; ++i) {
      for (double s : {step, -step}) {
        double w[4] = {v[0], v[1], v[2], v[3]};
        w[i] += s;
        if (i == 2) w[2] = std::max(w[2], 1.0);
        const double val = f(w);
        if (val > best) {
          best = val;
          std::copy(w, w + 4, v);
          improved = true;
        }
      }
    }
    if (!improved) step *= 0.5;
  }
  std::copy(v, v + 4, best_out);
  return best;
}

}  // namespace

TEST_CASE("gaussian delegation: revenue optimum (Proposition 17) against a search",
          "[data_monetization][delegation]") {
  struct item {
    int n;
    double r, ms, mt, tv;
  };
  for (const item& it : {item{2, 0.3, 1.0, 0.5, 0.5}, item{3, -0.4, 2.0, 0.0, 0.3},
                         item{3, 0.1, 0.1, 0.0, 2.0}, item{4, -0.2, 3.0, 1.0, 1.0}}) {
    const game g(it.n, it.r, gaussian_prior{it.ms, 1.0, it.mt, it.tv});
    INFO("n = " << it.n << ", r = " << it.r << ", tv = " << it.tv);
    const delegation_result d = delegated_revenue_optimal(g);
    double v[4];
    const double best = search(g, v);
    CHECK(d.revenue == Approx(best).epsilon(1e-8));
    CHECK(best <= d.revenue + 1e-9);
    CHECK(d.mechanism.mean_action == Approx(v[0]).margin(1e-4));
    CHECK(d.mechanism.state_weight == Approx(v[1]).margin(1e-4));
    CHECK(d.mechanism.own_type_weight == Approx(v[2]).margin(1e-4));
    CHECK(d.mechanism.others_type_weight == Approx(v[3]).margin(1e-4));
    // noise never helps (deterministic recommendations)
    for (double rho : {-1.0 / (it.n - 1), 0.0, 1.0}) {
      symmetric_mechanism y = d.mechanism;
      y.noise_variance = 0.2;
      y.noise_correlation = rho;
      CHECK(delegated_revenue(g, y) < d.revenue);
    }
    // |mean action| below the first best's; revenue at least the obedient revenue optimum's
    const symmetric_mechanism fb = first_best(g);
    CHECK(std::abs(d.mechanism.mean_action) <= std::abs(fb.mean_action) + 1e-12);
    CHECK(d.revenue >= revenue_optimal(g).revenue - 1e-9);
    // the welfare optimum under delegation is the first best; it satisfies c ≥ 1 (implementable)
    CHECK(fb.own_type_weight >= 1.0);
    CHECK(d.welfare <= welfare(g, fb) + 1e-12);
  }
  // a large type variance relative to the means makes the monotonicity constraint bind
  const delegation_result bind =
      delegated_revenue_optimal(game(2, 0.3, gaussian_prior{0.1, 1, 0, 5}));
  CHECK(bind.monotonicity_binding);
  CHECK(bind.mechanism.own_type_weight == 1.0);
  CHECK_THROWS_AS(delegated_revenue_optimal(game(3, 0.3, gaussian_prior{})), model_error);
}
