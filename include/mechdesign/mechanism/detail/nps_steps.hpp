#ifndef MECHDESIGN_MECHANISM_DETAIL_NPS_STEPS_HPP
#define MECHDESIGN_MECHANISM_DETAIL_NPS_STEPS_HPP

/// \file
/// \brief Internal: the steps of the neutral procedural search (003 Definition 4), each a
/// function of what it reads returning what it produces: step A (scales for a fixed μ), the
/// interior scales, step B (μ for fixed scales), one linearised joint step; and the monitor
/// that carries the progress callback and the time budget.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/mechanism/detail/mechanism_lp.hpp"
#include "mechdesign/mechanism/detail/nps_lp.hpp"
#include "mechdesign/mechanism/nps_result.hpp"

namespace mechdesign::detail {

/// The progress callback and the time budget of one coalition's search. Once it has said stop
/// it keeps saying so (and calls the callback no more).
class nps_monitor {
 public:
  nps_monitor(coalition members, const nps_options& o)
      : members_(std::move(members)),
        progress_(o.progress),
        budget_(o.coalition_time_limit),
        start_(std::chrono::steady_clock::now()) {}

  /// Report (stage, residual); false if the search must stop.
  bool proceed(std::string_view stage, double residual) {
    if (stop_) return false;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (elapsed > budget_) {
      stop_ = status::time_limit;
      message_ = fmt::format("search stopped at stage '{}': the time budget of {:.3g} s ran out",
                             stage, budget_);
      return false;
    }
    if (progress_ && !progress_(members_, stage, residual)) {
      stop_ = status::iteration_limit;
      message_ = fmt::format("search stopped by the progress callback at stage '{}'", stage);
      return false;
    }
    return true;
  }
  bool stopped() const noexcept { return stop_.has_value(); }
  /// iteration_limit (callback) or time_limit (budget); only when stopped().
  status reason() const noexcept { return stop_.value_or(status::success); }
  const std::string& message() const noexcept { return message_; }

 private:
  coalition members_;
  nps_progress progress_;
  double budget_;
  std::chrono::steady_clock::time_point start_;
  std::optional<status> stop_;
  std::string message_;
};

/// What step A (or the interior step) produced for a fixed μ.
struct scale_step {
  lp::solve_status lp_status = lp::solve_status::not_solved;
  std::string failure;        // failed(): the LP's report, worded as solver_error
  double residual = lp::inf;  // total absolute residual of (W)
  nps_scales scales;          // (λ, α), when supported()
  Eigen::VectorXd sigma;      // per-profile (3.8b) slack, when supported()

  bool supported() const noexcept { return lp_status == lp::solve_status::optimal; }
  /// The LP is infeasible: no scales support μ (it is not incentive efficient).
  bool unsupported() const noexcept { return lp_status == lp::solve_status::infeasible; }
  /// The LP ended without a verified optimum for another reason.
  bool failed() const noexcept { return !supported() && !unsupported(); }
};

// Step A and the interior step share the model; with `interior`, maximise min λ subject to
// residual ≤ cap + 1e-3·slack and Σσ ≤ sigma_total + 1e-3·slack, else minimise the residual.
inline scale_step scales_lp(const nps_context& c, const mechanism<double>& mu, bool interior,
                            double cap, double sigma_total) {
  lp::model m(interior ? lp::objective_sense::maximize : lp::objective_sense::minimize);
  const scale_block blk = add_scales(c, m, mu, interior, nps_constants::penalty);
  lp_terms slack_sum;
  for (int i = 0; i < c.n; ++i) {
    for (index_t t = 0; t < c.g.num_types(i); ++t) {
      add_residual_row(m, fmt::format("warrant[{}:{}]", i, t),
                       blk.warrant[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)], 0.0,
                       interior ? 0.0 : 1.0, slack_sum);
    }
  }
  if (interior) {
    // keep the residual and the (3.8b) slack at their minima (up to LP rounding), so that
    // interiority is not bought with accuracy
    m.add_row("residual_cap", slack_sum, -lp::inf, cap + 1e-3 * c.virtual_slack());
    m.add_row("sigma_cap", blk.sigma_sum, -lp::inf, sigma_total + 1e-3 * c.virtual_slack());
  }
  const lp::solution s = lp::solve(m, c.opt.primal.lp);
  scale_step out;
  out.lp_status = s.status;
  if (s.status == lp::solve_status::infeasible) return out;  // no scales support μ
  if (!s.ok()) {
    out.failure = lp_failure(
        fmt::format("neutral procedural solution, coalition {}, scales", c.g.members().to_string()),
        s);
    return out;
  }
  out.sigma.resize(c.g.num_profiles());
  for (index_t j = 0; j < c.g.num_profiles(); ++j) {
    out.sigma(j) = std::max(0.0, s.x(blk.sigma_cols[static_cast<std::size_t>(j)]));
  }
  out.scales = read_scales(c, blk.cols, s);
  out.residual = slack_total(s, slack_sum);
  return out;
}

/// Step A: μ fixed; minimise Σ|residual of (W)| over (λ, α) subject to (P).
inline scale_step step_a(const nps_context& c, const mechanism<double>& mu) {
  return scales_lp(c, mu, false, 0.0, 0.0);
}

/// Among the scales of μ whose residual is within `fit`'s (and whose (3.8b) slack is within
/// its σ), the most interior: maximise min λ.
inline scale_step interior_scales(const nps_context& c, const mechanism<double>& mu,
                                  const scale_step& fit) {
  return scales_lp(c, mu, true, fit.residual, fit.sigma.sum());
}

/// What step B produced: a new μ and its residual, or no move.
struct plan_step {
  std::optional<mechanism<double>> plan;  // nullopt: the LP had no (certified) optimum
  double residual = lp::inf;
};

/// Step B: (λ, α) fixed; minimise Σ|residual of (W)| over IC mechanisms that keep (3.8a–b),
/// starting from μ (feasible, so the residual cannot rise); σ: step A's (3.8b) slack.
inline plan_step step_b(const nps_context& c, const mechanism<double>& mu, const nps_scales& z,
                        const Eigen::VectorXd& sigma) {
  lp::model m(lp::objective_sense::minimize);
  const mechanism_block blk = add_mechanism(c, m, z, sigma);
  // (3.8a): λ·U(μ) = Σ μ·coef − Σ α·(IC slack), so with the supports fixed, keeping λ·U(μ)
  // at least at the current μ's value keeps the α-weighted IC slack from growing. The
  // current μ is feasible, so the residual cannot rise.
  {
    const auto u_now = interim_utilities(c.g, mu, c.opt.tolerance);
    lp_terms face;
    double value = 0.0;
    for (int k = 0; k < c.n; ++k) {
      const auto& l = z.lambda[static_cast<std::size_t>(k)];
      value += l.dot(u_now[static_cast<std::size_t>(k)]);
      for (index_t t = 0; t < l.size(); ++t) {
        if (l(t) == 0.0) continue;
        const auto& own = blk.own[static_cast<std::size_t>(k)][static_cast<std::size_t>(t)];
        for (const auto& [col, v] : own[static_cast<std::size_t>(t)])
          face.emplace_back(col, l(t) * v);
      }
    }
    m.add_row("optimal_face", face, value - 1e-6 * c.virtual_slack(), lp::inf);
  }
  lp_terms slack_sum;
  for (int i = 0; i < c.n; ++i) {
    for (index_t t = 0; t < c.g.num_types(i); ++t) {
      add_residual_row(m, fmt::format("warrant[{}:{}]", i, t),
                       blk.warrant[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)],
                       blk.rhs[static_cast<std::size_t>(i)](t), 1.0, slack_sum);
    }
  }
  // μ is a proposal that step A then judges (and the certificate re-checks), so an optimum
  // that fails verification is not worth an exact re-solve: it counts as no move, like an
  // infeasible LP (rounding left no admissible μ).
  const lp::solution s = lp::solve(m, c.proposal_options());
  plan_step out;
  if (s.status != lp::solve_status::optimal) return out;
  out.plan = c.cols.read(s.x);
  out.residual = slack_total(s, slack_sum);
  return out;
}

/// One linearised joint step in (μ, λ, α) within trust region Δ = \p delta (see
/// joint_descent in nps_search.hpp); the proposed μ, or nullopt if the LP has no optimum.
inline std::optional<mechanism<double>> joint_step(const nps_context& c,
                                                   const mechanism<double>& mu, const nps_scales& z,
                                                   const Eigen::VectorXd& sigma, double delta) {
  const auto& g = c.g;
  lp::model m(lp::objective_sense::minimize);
  const mechanism_block mb = add_mechanism(c, m, z, sigma);
  const auto ic = check_incentive_compatibility(g, mu, c.opt.tolerance);
  // μ: support of μ₀, trust region; transfers within Δ × the utility scale.
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    for (index_t d = 0; d < g.num_decisions(); ++d) {
      const double p0 = mu.probabilities(d, j);
      if (p0 <= nps_constants::used) {
        m.set_col_bounds(c.cols.mu(d, j), 0.0, 0.0);
      } else if (m.col_upper(c.cols.mu(d, j)) > 0.0) {
        m.set_col_bounds(c.cols.mu(d, j), std::max(0.0, p0 - delta), std::min(1.0, p0 + delta));
      }
    }
    if (g.money()) {
      for (int k = 0; k < c.n; ++k) {
        const double x0 = mu.transfers(k, j);
        const double r = delta * c.virtual_slack() / c.opt.tolerance;
        m.set_col_bounds(c.cols.x(k, j), x0 - r, x0 + r);
      }
    }
  }
  // IC constraints with a multiplier stay binding (3.8a): U(t) − U(τ|t) ≤ 0 on top of ≥ 0.
  for (int k = 0; k < c.n; ++k) {
    for (index_t t = 0; t < g.num_types(k); ++t) {
      add_ic_rows(
          m, mb.own[static_cast<std::size_t>(k)], t,
          [&](index_t tau) { return fmt::format("binding[{}:{}->{}]", k, t, tau); }, -lp::inf, 0.0,
          [&](index_t tau) {
            return z.alpha[static_cast<std::size_t>(k)](t, tau) > 0.0 &&
                   ic.gains[static_cast<std::size_t>(k)](t, tau) >= -10.0 * c.opt.tolerance;
          });
    }
  }
  // (λ, α): the pattern of μ₀, trust region around (λ₀, α₀).
  const scale_block sb = add_scales(c, m, mu, false, nps_constants::penalty);
  Eigen::VectorXd z0 = Eigen::VectorXd::Zero(m.num_cols());
  for (int k = 0; k < c.n; ++k) {
    const auto& l = z.lambda[static_cast<std::size_t>(k)];
    const auto& a = z.alpha[static_cast<std::size_t>(k)];
    for (index_t t = 0; t < l.size(); ++t) {
      z0(sb.cols.lambda(k, t)) = l(t);
      m.set_col_bounds(sb.cols.lambda(k, t), std::max(0.0, l(t) - delta), l(t) + delta);
      for (index_t tau = 0; tau < l.size(); ++tau) {
        const index_t col = sb.cols.alpha(k, t, tau);
        z0(col) = a(t, tau);
        if (m.col_upper(col) > 0.0) {
          const double r = delta * (1.0 + a(t, tau));
          m.set_col_bounds(col, std::max(0.0, a(t, tau) - r), a(t, tau) + r);
        }
      }
    }
  }
  lp_terms slack_sum;
  for (int i = 0; i < c.n; ++i) {
    for (index_t t = 0; t < g.num_types(i); ++t) {
      const auto& zt = sb.warrant[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)];
      double w0 = 0.0;  // W(μ₀, z₀)
      for (const auto& [col, v] : zt) w0 += v * z0(col);
      lp_terms row = zt;
      const auto& mt = mb.warrant[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)];
      row.insert(row.end(), mt.begin(), mt.end());
      add_residual_row(m, fmt::format("warrant[{}:{}]", i, t), std::move(row),
                       mb.rhs[static_cast<std::size_t>(i)](t) + w0, 1.0, slack_sum);
    }
  }
  const lp::solution s = lp::solve(m, c.proposal_options());  // a proposal, judged by step A
  if (s.status != lp::solve_status::optimal) return std::nullopt;
  return c.cols.read(s.x);
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_MECHANISM_DETAIL_NPS_STEPS_HPP
