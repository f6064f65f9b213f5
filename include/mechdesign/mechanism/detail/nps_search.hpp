#ifndef MECHDESIGN_MECHANISM_DETAIL_NPS_SEARCH_HPP
#define MECHDESIGN_MECHANISM_DETAIL_NPS_SEARCH_HPP

/// \file
/// \brief Internal: the local search of the neutral procedural solution for one coalition
/// (003 Definition 4; the method is described in mechanism/neutral_procedural.hpp): the
/// alternation of steps A and B, joint trust-region steps, restarts and the ε-stage. Every
/// function takes the point it starts from and returns the point it reaches.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/mechanism/detail/nps_epsilon.hpp"
#include "mechdesign/mechanism/detail/nps_lp.hpp"
#include "mechdesign/mechanism/detail/nps_restarts.hpp"
#include "mechdesign/mechanism/detail/nps_simplicial.hpp"
#include "mechdesign/mechanism/detail/nps_steps.hpp"
#include "mechdesign/mechanism/nps_certificate.hpp"
#include "mechdesign/mechanism/nps_result.hpp"
#include "mechdesign/mechanism/primal.hpp"

namespace mechdesign::detail {

/// A point of the search: μ, the scales of step A at μ, its (3.8b) slack, the residual.
struct search_point {
  mechanism<double> mu;
  nps_scales scales;
  Eigen::VectorXd sigma;  // per-profile (3.8b) slack of step A at mu (zero at a restart)
  double residual = lp::inf;
};

/// An LP of the search ended without an optimum: the attempt ends at \p plan with a report.
struct search_failure {
  mechanism<double> plan;
  status reason = status::numerical_issue;
  std::string message;
};

/// What a phase of the search (alternation, joint descent) produced.
struct search_phase {
  search_point point;
  int iterations = 0;  // alternations counted so far (alternate only)
  std::optional<search_failure> failure;
};

// Steps B and A in turn while the residual falls (at most max_iterations in all, counted from
// \p it); a step that no scales support (rounding in a degenerate face) or that raises the
// residual is not taken.
inline search_phase alternate(const nps_context& c, search_point p, int it, nps_monitor& monitor) {
  for (; it < c.opt.max_iterations && p.residual > c.opt.tolerance; ++it) {
    const plan_step b = step_b(c, p.mu, p.scales, p.sigma);
    if (!b.plan) break;
    scale_step a = step_a(c, *b.plan);
    if (a.failed()) {
      return {std::move(p), it,
              search_failure{*b.plan, lp::to_result_status(a.lp_status), a.failure}};
    }
    if (a.unsupported() || a.residual > p.residual) break;
    const bool stalled = p.residual - a.residual <= 1e-12 * (1.0 + std::abs(a.residual));
    p = search_point{*b.plan, std::move(a.scales), std::move(a.sigma), a.residual};
    if (stalled) break;
    if (!monitor.proceed("alternation", p.residual)) {
      ++it;
      break;
    }
  }
  return {std::move(p), it, std::nullopt};
}

// Joint steps where the alternation stalls: (W) is bilinear in μ and (λ, α), and the
// alternation moves one block at a time. Linearise (W) at the current point in both blocks,
// W(μ, z) ≈ W(μ₀, z) + W(μ, z₀) − W(μ₀, z₀), keep the current pattern (μ's support, the IC
// constraints that carry a multiplier stay binding, the (3.8b) rows of μ₀'s support), bound
// the move by a trust region Δ, and solve one LP in (μ, z) (joint_step). The new μ is accepted
// when step A at it lowers the true residual; Δ doubles on success and shrinks fourfold
// otherwise.
inline search_phase joint_descent(const nps_context& c, search_point p, nps_monitor& monitor) {
  double delta = 0.05;
  for (int step = 0;
       step < nps_constants::joint_steps && p.residual > c.opt.tolerance && delta > 1e-7; ++step) {
    std::optional<mechanism<double>> trial = joint_step(c, p.mu, p.scales, p.sigma, delta);
    bool accepted = false;
    if (trial) {
      scale_step a = step_a(c, *trial);
      if (a.failed()) {
        search_failure f{p.mu, lp::to_result_status(a.lp_status), a.failure};
        return {std::move(p), 0, std::move(f)};
      }
      if (a.supported() && a.residual < p.residual * (1.0 - 1e-9)) {
        p = search_point{std::move(*trial), std::move(a.scales), std::move(a.sigma), a.residual};
        accepted = true;
      }
    }
    delta = accepted ? std::min(0.5, 2.0 * delta) : delta / 4.0;
    if (!monitor.proceed("joint step", p.residual)) break;
  }
  return {std::move(p), 0, std::nullopt};
}

// One local search from \p start; an LP that fails ends the attempt with a report.
inline coalition_solution attempt(const nps_context& c, const mechanism<double>& start,
                                  nps_monitor& monitor) {
  const auto& g = c.g;
  coalition_solution out;
  out.members = g.members();
  out.problem = g;
  auto fail = [&](search_failure f) {
    // An LP of the search failed (e.g. GLPK's iteration limit): report, do not guess.
    out.plan = std::move(f.plan);
    out.interim = interim_utilities(g, out.plan, c.opt.tolerance);
    out.message += fmt::format("search stopped: {}", f.message);
    out.status = f.reason;
    return out;
  };
  search_point p;
  const scale_step fit = step_a(c, start);
  if (fit.failed()) return fail({start, lp::to_result_status(fit.lp_status), fit.failure});
  if (fit.unsupported()) {
    // The random dictatorship is not incentive efficient: restart from the primal optimum for
    // utilitarian weights λ_k(t) ∝ p_k(t) (a dollar worth the same to everyone) and its dual.
    type_vectors<double> l0;
    for (int k = 0; k < c.n; ++k) l0.push_back(g.beliefs().marginal(k) / static_cast<double>(c.n));
    const primal_result r = solve_primal(g, l0, {}, c.opt.primal);
    if (!r.ok()) {
      return fail({start, r.status, lp_failure("neutral procedural solution: restart", r.lp)});
    }
    p = search_point{r.optimal_mechanism, nps_scales{l0, r.alpha},
                     Eigen::VectorXd::Zero(g.num_profiles()), lp::inf};
    out.message =
        "the random dictatorship is not incentive efficient; started from the utilitarian "
        "optimum instead. ";
  } else {
    p = search_point{start, fit.scales, fit.sigma, fit.residual};
  }
  int it = 0;
  if (monitor.proceed("start", p.residual)) {
    for (int round = 0; round < nps_constants::rounds && p.residual > c.opt.tolerance; ++round) {
      const double round_start = p.residual;
      search_phase a = alternate(c, std::move(p), it, monitor);
      if (a.failure) return fail(std::move(*a.failure));
      p = std::move(a.point);
      it = a.iterations;
      if (p.residual > c.opt.tolerance && !monitor.stopped()) {
        search_phase j = joint_descent(c, std::move(p), monitor);
        if (j.failure) return fail(std::move(*j.failure));
        p = std::move(j.point);
      }
      if (p.residual >= round_start * (1.0 - 1e-6)) break;
      if (!monitor.proceed("round", p.residual)) break;
    }
  }
  // Among scales that keep the residual minimal, take the most interior ones.
  const scale_step best = step_a(c, p.mu);
  if (best.failed()) return fail({p.mu, lp::to_result_status(best.lp_status), best.failure});
  if (best.supported()) {
    scale_step inner = interior_scales(c, p.mu, best);
    if (inner.failed()) return fail({p.mu, lp::to_result_status(inner.lp_status), inner.failure});
    if (inner.supported()) p.scales = std::move(inner.scales);
  }
  out.iterations = it + 1;
  out.plan = std::move(p.mu);
  out.lambda = std::move(p.scales.lambda);
  out.alpha = std::move(p.scales.alpha);
  apply_certificate(c, out);
  return out;
}

// How far a failed attempt is from a certificate (smaller is better).
inline double score(const coalition_solution& c) {
  if (c.interim.empty() || c.lambda.empty()) return lp::inf;
  const double r =
      std::max({c.nps2_residual, c.warrant_residual, c.duality_gap,
                c.conditions.complementary_slackness, c.conditions.virtual_optimality});
  return std::isfinite(r) ? r : lp::inf;
}

// The scales of the simplicial path's points (λ: the fixed point clipped at its run's floor;
// α: the dual of the primal at λ), each with the ε it gives the plan with interim utilities
// \p interim.
inline std::vector<path_scales> simplicial_certificates(const nps_context& c,
                                                        const simplicial_path& path,
                                                        const type_vectors<double>& interim) {
  std::vector<path_scales> out;
  incentive_primal primal(c.g, c.opt.primal);
  for (const auto& p : path.points) {
    const primal_result r = primal.solve(p.lambda);
    if (!r.ok()) continue;
    out.push_back({nps_scales{p.lambda, r.alpha}, epsilon_at(c, interim, p.lambda, r.alpha)});
  }
  return out;
}

// The plan of the last simplicial fixed point as it stands: certified at its own scales, or
// classified along the path of the earlier points' scales (classify_path).
inline coalition_solution classify_simplicial(const nps_context& c, const simplicial_path& path) {
  const simplicial_point& last = path.points.back();
  coalition_solution out;
  out.members = c.g.members();
  out.problem = c.g;
  out.plan = last.plan;
  out.interim = interim_utilities(c.g, out.plan, c.opt.tolerance);
  std::vector<path_scales> scales = simplicial_certificates(c, path, out.interim);
  if (scales.empty()) {
    out.message = "the simplicial path has no scales";
    return out;
  }
  out.lambda = scales.back().scales.lambda;
  out.alpha = scales.back().scales.alpha;
  apply_certificate(c, out);
  if (out.verified) return out;
  // the weights that vanish: at the shrunk simplex's face of the last run (δ = 0.5 / N)
  return classify_path(c, std::move(out), scales, 2.0 / static_cast<double>(last.grid));
}

// Whether \p a establishes more than \p b: a stronger outcome, or the same with a smaller ε.
inline bool stronger(const coalition_solution& a, const coalition_solution& b) {
  if (a.local_outcome != b.local_outcome) return a.local_outcome > b.local_outcome;
  return a.epsilon < b.epsilon;
}

/// The search for one coalition from \p start (the conditional random dictatorship): an
/// attempt, then restarts while none is verified, then (games without money) the simplicial
/// stage and local searches from its last fixed points, then the classification of what was
/// reached (classify_path: degenerate or ε-certificates). The result's status is success iff
/// verified; else the monitor's stop reason, or the failed LP's status, or numerical_issue (the
/// driver then makes a decided outcome a success).
inline coalition_solution solve_coalition(const nps_context& c, const mechanism<double>& start,
                                          std::vector<std::string> outcomes, nps_monitor& monitor) {
  coalition_solution best = attempt(c, start, monitor);
  int tried = 0;
  if (!best.verified && c.opt.restarts > 0 && !monitor.stopped()) {
    std::vector<restart_point> starts = restart_points(c, monitor);
    for (auto& s : starts) {
      if (tried == c.opt.restarts) break;
      if (!monitor.proceed("restart", s.residual)) break;
      ++tried;
      coalition_solution next = attempt(c, s.plan, monitor);
      if (next.verified || score(next) < score(best)) best = std::move(next);
      if (best.verified) break;
    }
    best.message = fmt::format("{} start(s) after the random dictatorship; ", tried) + best.message;
  }
  best.restarts = tried;
  bool classified = false;
  if (!best.verified && !c.g.money() && c.opt.simplicial_evaluations > 0 && !monitor.stopped()) {
    // Merrill's restart algorithm on the weights: the refinement ends at a fixed point whose
    // plan step A nearly supports, or whose own scales give an ε far below the certificate
    // slack (a degenerate limit within reach); local searches start from the last points.
    incentive_primal dual(c.g, c.opt.primal);
    auto accept = [&](const simplicial_point& p) {
      const scale_step fit = step_a(c, p.plan);
      // (step A's residual can vanish at weights that reach zero: those do not certify)
      if (fit.supported() && fit.residual <= c.opt.tolerance * c.utility_scale) {
        const scale_step inner = interior_scales(c, p.plan, fit);
        if (inner.supported() &&
            min_weight(inner.scales.lambda) > 1e-3 / static_cast<double>(c.num_types_total)) {
          return true;
        }
      }
      const primal_result r = dual.solve(p.lambda);
      if (!r.ok()) return false;
      const type_vectors<double> u = interim_utilities(c.g, p.plan, c.opt.tolerance);
      return epsilon_at(c, u, p.lambda, r.alpha) <= 1e-2 * certificate_slack(c, u);
    };
    const simplicial_path path = simplicial_stage(c, monitor, accept);
    const std::size_t tail = std::min<std::size_t>(path.points.size(), 2);
    for (std::size_t k = path.points.size(); k > path.points.size() - tail && !best.verified; --k) {
      if (monitor.stopped()) break;
      coalition_solution next = attempt(c, path.points[k - 1].plan, monitor);
      if (next.verified || score(next) < score(best)) best = std::move(next);
    }
    best.message = fmt::format("simplicial stage: {} fixed point(s), {} primal solves{}{}; ",
                               path.points.size(), path.evaluations,
                               path.message.empty() ? "" : ", ", path.message) +
                   best.message;
    if (!best.verified && !path.points.empty() && !monitor.stopped()) {
      // the last fixed point's plan as it is: a degenerate limit is approached by the path
      coalition_solution last = classify_simplicial(c, path);
      best = epsilon_stage(c, std::move(best), monitor);
      if (stronger(last, best)) {
        last.message =
            best.message + "; classified at the last simplicial fixed point: " + last.message;
        best = std::move(last);
        best.restarts = tried;
      }
      classified = true;
    }
  }
  if (!classified && !best.verified && !best.interim.empty() && !monitor.stopped()) {
    best = epsilon_stage(c, std::move(best), monitor);
  }
  best.dictator_outcomes = std::move(outcomes);
  if (best.verified) {
    best.status = status::success;
  } else if (monitor.stopped()) {
    best.status = monitor.reason();
    best.message += "; " + monitor.message();
  } else if (best.status == status::success || best.status == status::not_computed) {
    best.status = status::numerical_issue;
  }
  return best;
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_MECHANISM_DETAIL_NPS_SEARCH_HPP
