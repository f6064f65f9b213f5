#ifndef MECHDESIGN_MECHANISM_DETAIL_NPS_RESTARTS_HPP
#define MECHDESIGN_MECHANISM_DETAIL_NPS_RESTARTS_HPP

/// \file
/// \brief Internal: the restart points of the neutral procedural search — primal optima at
/// seeded random weights and the price adjustment (A.1a) (003 Appendix A).

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/mechanism/detail/nps_lp.hpp"
#include "mechdesign/mechanism/detail/nps_steps.hpp"
#include "mechdesign/mechanism/primal.hpp"

namespace mechdesign::detail {

// The map (A.1a) as a price adjustment: at weights λ solve the primal (3.5), take α from its
// dual, the warranted claims ω(λ, α) and the excess e_i(t) = |S| U_i(μ|t) − Σ_{j≠i}
// U_i(μ_{S∖j}|t) − ω_i(t) (Σ λ·e = 0 by (5.2)); types with a negative excess get more weight:
// λ ← λ·exp(−η e / scale), renormalised, with a floor. Returns the average plan of the second
// half of the path (the iterates cycle around the solution's weights, where the primal optimum
// is a face; the average approximates the point of that face the solution needs), then the
// plan at the iterate of smallest ε (the most negative excess over |S|). Problems without money
// only: with money the primal is unbounded unless the weights balance the money (4.9). Each
// step reports ("price adjustment", ε) to \p monitor and ends the path if told to stop.
inline std::vector<mechanism<double>> price_adjustment(const nps_context& c, nps_monitor& monitor) {
  const auto& g = c.g;
  std::vector<mechanism<double>> plans;
  mechanism<double> best_plan, average;
  int averaged = 0;
  const index_t m = c.num_types_total;
  const double scale = c.utility_scale;
  type_vectors<double> lambda;
  for (int k = 0; k < c.n; ++k) {
    lambda.push_back(Eigen::VectorXd::Constant(g.num_types(k), 1.0 / static_cast<double>(m)));
  }
  double best = lp::inf;
  double eta = 2.0;
  auto finish = [&]() {
    if (best < lp::inf) plans.push_back(best_plan);
    if (averaged > 0) {
      average.probabilities /= static_cast<double>(averaged);
      if (g.money()) average.transfers /= static_cast<double>(averaged);
      plans.insert(plans.begin(), average);
    }
    return plans;
  };
  incentive_primal primal(g, c.opt.primal);  // only the weights change: warm re-solves
  for (int it = 0; it < nps_constants::tatonnement_steps; ++it) {
    const primal_result r = primal.solve(lambda);
    if (!r.ok()) return finish();
    if (2 * it >= nps_constants::tatonnement_steps) {
      if (averaged++ == 0) {
        average = r.optimal_mechanism;
      } else {
        average.probabilities += r.optimal_mechanism.probabilities;
        if (g.money()) average.transfers += r.optimal_mechanism.transfers;
      }
    }
    const std::optional<type_vectors<double>> e_all = excess(c, r.interim, lambda, r.alpha);
    if (!e_all) return finish();
    const double eps = epsilon_of_excess(c, *e_all);
    if (eps < best) {
      best = eps;
      best_plan = r.optimal_mechanism;
      if (best <= c.opt.tolerance * scale) return finish();
    }
    if (!monitor.proceed("price adjustment", eps)) return finish();
    double total = 0.0;
    for (int k = 0; k < c.n; ++k) {
      auto& l = lambda[static_cast<std::size_t>(k)];
      const auto& e = (*e_all)[static_cast<std::size_t>(k)];
      for (index_t t = 0; t < l.size(); ++t) {
        const double step = std::clamp(-eta * e(t) / scale, -3.0, 3.0);
        l(t) = std::max(l(t) * std::exp(step), 1e-6 / static_cast<double>(m));
      }
      total += l.sum();
    }
    for (auto& l : lambda) l /= total;
    eta *= 0.99;
  }
  return finish();
}

/// A start for a restart of the search.
struct restart_point {
  bool price_adjusted = false;  // from the price adjustment (tried first)
  double residual = lp::inf;    // step A's residual at the plan
  mechanism<double> plan;
};

// Restart points: primal optima (3.5) at sampled weights λ⁰ (the uniform weights first,
// then Dirichlet(1) draws mixed with the uniform weights so that none vanishes), ordered by
// the residual of step A at that optimum, after the plans of the price adjustment (games
// without money); mechanisms no scales support (or whose step A fails) are dropped.
inline std::vector<restart_point> restart_points(const nps_context& c, nps_monitor& monitor) {
  const auto& g = c.g;
  std::mt19937_64 rng(c.opt.seed);
  std::exponential_distribution<double> draw(1.0);
  const index_t m = c.num_types_total;
  std::vector<restart_point> out;
  incentive_primal primal(g, c.opt.primal);  // only the weights change: warm re-solves
  for (int k = 0; k < c.opt.restart_candidates; ++k) {
    type_vectors<double> l0;
    for (int i = 0; i < c.n; ++i) {
      Eigen::VectorXd l(g.num_types(i));
      for (index_t t = 0; t < l.size(); ++t) l(t) = k == 0 ? 1.0 : draw(rng);
      l0.push_back(std::move(l));
    }
    double total = 0.0;
    for (const auto& l : l0) total += l.sum();
    for (auto& l : l0) l = 0.9 * l / total + Eigen::VectorXd::Constant(l.size(), 0.1 / m);
    const primal_result r = primal.solve(l0);
    if (!r.ok()) continue;
    const scale_step fit = step_a(c, r.optimal_mechanism);
    if (fit.supported()) out.push_back({false, fit.residual, r.optimal_mechanism});
  }
  if (!g.money()) {
    for (auto& plan : price_adjustment(c, monitor)) {
      const scale_step fit = step_a(c, plan);
      if (fit.supported()) out.push_back({true, fit.residual, std::move(plan)});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const restart_point& a, const restart_point& b) {
    if (a.price_adjusted != b.price_adjusted) return a.price_adjusted;
    return !a.price_adjusted && a.residual < b.residual;
  });
  return out;
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_MECHANISM_DETAIL_NPS_RESTARTS_HPP
