#ifndef MECHDESIGN_MECHANISM_DETAIL_NPS_EPSILON_HPP
#define MECHDESIGN_MECHANISM_DETAIL_NPS_EPSILON_HPP

/// \file
/// \brief Internal: the ε-stage of the neutral procedural search — the literal certificate of
/// 003 Definition 4 with ε > 0 at the best plan of a failed search.

#include <fmt/format.h>

#include <Eigen/Core>
#include <optional>
#include <utility>
#include <vector>

#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/mechanism/detail/nps_lp.hpp"
#include "mechdesign/mechanism/detail/nps_steps.hpp"
#include "mechdesign/mechanism/efficiency.hpp"
#include "mechdesign/mechanism/nps_certificate.hpp"
#include "mechdesign/mechanism/nps_result.hpp"

namespace mechdesign::detail {

// The LP of epsilon_stage(): minimise the total shortfall of M ω̂ − r ≥ 0 over λ ≥ floor
// (Σλ = 1), α ≥ 0, z. nullopt if the LP has no optimum.
inline std::optional<nps_scales> epsilon_lp(const nps_context& c, const mechanism<double>& mu,
                                            double floor) {
  const auto& g = c.g;
  lp::model m(lp::objective_sense::minimize);
  scale_columns sc;
  const auto u = interim_utilities(g, mu, c.opt.tolerance);
  lp_terms sum;
  for (int k = 0; k < c.n; ++k) {
    sc.lambda_offset.push_back(m.num_cols());
    sc.size.push_back(g.num_types(k));
    for (index_t t = 0; t < g.num_types(k); ++t) {
      sum.emplace_back(m.add_variable(fmt::format("lambda[{}:{}]", k, t), floor, lp::inf), 1.0);
    }
  }
  m.add_row("normalisation", sum, 1.0, 1.0);
  for (int k = 0; k < c.n; ++k) {
    sc.alpha_offset.push_back(m.num_cols());
    const index_t nk = g.num_types(k);
    for (index_t t = 0; t < nk; ++t) {
      for (index_t tau = 0; tau < nk; ++tau) {
        m.add_variable(fmt::format("alpha[{}:{}->{}]", k, t, tau), 0.0, tau == t ? 0.0 : lp::inf);
      }
    }
  }
  std::vector<index_t> z(static_cast<std::size_t>(g.num_profiles()));
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    z[static_cast<std::size_t>(j)] = m.add_variable(fmt::format("z[{}]", j), -lp::inf, lp::inf);
    for (index_t d = 0; d < g.num_decisions(); ++d) {
      lp_terms row;
      for (int k = 0; k < c.n; ++k) add_coefficient_terms(c, sc, row, k, j, d, 1.0);
      row.emplace_back(z[static_cast<std::size_t>(j)], -1.0);
      m.add_row(fmt::format("max[{}|{}]", d, j), row, -lp::inf, 0.0);
    }
    add_money_rows(c, sc, m, j);
  }
  for (int i = 0; i < c.n; ++i) {
    const index_t ni = g.num_types(i);
    std::vector<lp_terms> rows = claim_terms(c, sc, i, u[static_cast<std::size_t>(i)]);
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      rows[static_cast<std::size_t>(g.types().type_of(j, i))].emplace_back(
          z[static_cast<std::size_t>(j)], -1.0);
    }
    for (index_t t = 0; t < ni; ++t) {
      auto& row = rows[static_cast<std::size_t>(t)];
      row.emplace_back(m.add_variable(fmt::format("shortfall[{}:{}]", i, t), 0.0, lp::inf, 1.0),
                       1.0);
      m.add_row(fmt::format("claim_bound[{}:{}]", i, t), row, 0.0, lp::inf);
    }
  }
  const lp::solution s = lp::solve(m, c.opt.primal.lp);
  if (s.status != lp::solve_status::optimal) return std::nullopt;
  return read_scales(c, sc, s, floor);
}

// ε of Definition 4 for the plan with interim utilities \p interim at scales z: inf if λ is
// not > 0 or the warrant system is singular.
inline double epsilon_at(const nps_context& c, const type_vectors<double>& interim,
                         const type_vectors<double>& lambda, const type_matrices<double>& alpha) {
  if (lambda.empty() || !(min_weight(lambda) > 0.0)) return lp::inf;
  const std::optional<type_vectors<double>> e = excess(c, interim, lambda, alpha);
  if (!e) return lp::inf;
  return epsilon_of_excess(c, *e);
}

// The degenerate limit of the ε-path (003, after Definition 4): the scales of epsilon_lp at
// floor 0 (λ ≥ 0), the NPS2 targets as claims and their (4.11) residual. Shortfall 0 in that LP
// means M ω̂ ≥ r row by row, while Σ_i p_i·(M ω̂ − r) = |S| (Σ λ U − (3.7)) ≤ 0 by weak
// duality: so the rows hold with equality and the targets are warranted at the limit.
inline void degenerate_limit(const nps_context& c, const coalition_solution& sol,
                             nps_approximation& a) {
  std::optional<nps_scales> z = epsilon_lp(c, sol.plan, 0.0);
  if (!z) return;
  a.limit_lambda = std::move(z->lambda);
  a.limit_alpha = std::move(z->alpha);
  a.limit_claims.clear();
  a.limit_warrant_residual = 0.0;
  for (int i = 0; i < c.n; ++i) {
    const int player = c.g.members().members()[static_cast<std::size_t>(i)];
    a.limit_claims.push_back(c.n * sol.interim[static_cast<std::size_t>(i)] -
                             c.threat_sum[static_cast<std::size_t>(i)]);
    a.limit_warrant_residual =
        std::max(a.limit_warrant_residual,
                 warrant_equation_residual(c.g, player, a.limit_lambda, a.limit_alpha,
                                           c.threats[static_cast<std::size_t>(i)].threat,
                                           a.limit_claims.back()));
  }
  if (c.g.money() && transfer_imbalance(c.g, a.limit_lambda, a.limit_alpha) > a.limit_tolerance) {
    a.limit_warrant_residual = lp::inf;  // transfers would carry virtual worth: no limit
  }
}

// The slack of the certificate checks for a plan with interim utilities \p interim:
// 100·tol·(1 + max|U|), as check_nps_coalition.
inline double certificate_slack(const nps_context& c, const type_vectors<double>& interim) {
  double largest = 0.0;
  for (const auto& u : interim) largest = std::max(largest, u.cwiseAbs().maxCoeff());
  return 100 * c.opt.tolerance * (1.0 + largest);
}

// ε-certificates for the plan of a failed search (Definition 4 with ε > 0). For a floor
// φ > 0 on λ, the LP epsilon_lp finds (λ, α) whose warranted claims cannot exceed the NPS2
// targets ω̂_i = |S| U_i(μ_S) − Σ_{j≠i} U_i(μ_{S∖j}) by more than its slack: with M the matrix
// of the warrant system (diagonal λ(t) + Σ_τ α(τ|t), off-diagonal −α(t|τ); column sums λ > 0,
// so M is an M-matrix and M⁻¹ ≥ 0), M ω̂ − r ≥ 0 implies ω ≤ ω̂. The maximal virtual worth in
// r is replaced by free variables z_j ≥ Σ_k p v_k(d, j) for every d, which only tightens the
// rows. The claims of the LP's (λ, α) are then recomputed exactly by warranted_claims() and ε
// read off; the smallest ε over the floors is kept. If it is within tolerance the coalition is
// certified non-degenerate after all (the certificate is checked as usual). Otherwise, for an
// incentive-efficient μ_S, the outcome is degenerate_certified when the path converges
// (degenerate_path) to a limit whose NPS2 targets are warranted (degenerate_limit), else
// epsilon_certified when ε is within nps_options::epsilon. Returns \p in with ε, its path,
// the scales of the smallest ε, the approximation and the verdict on incentive efficiency.
inline coalition_solution epsilon_stage(const nps_context& c, coalition_solution in,
                                        nps_monitor& monitor) {
  coalition_solution out = std::move(in);
  const index_t m = c.num_types_total;
  // a test that did not finish (an LP failed) does not claim efficiency
  out.incentive_efficient =
      test_incentive_efficiency(c.g, out.plan, c.opt.tolerance, c.opt.primal).efficient();
  out.epsilon = epsilon_at(c, out.interim, out.lambda, out.alpha);
  nps_scales best_scales{out.lambda, out.alpha};
  double best = out.epsilon;
  out.epsilon_path.clear();
  for (double floor : {1e-2, 1e-3, 1e-4, 1e-5, 1e-6}) {
    std::optional<nps_scales> z = epsilon_lp(c, out.plan, floor / static_cast<double>(m));
    if (!z) continue;
    const double eps = epsilon_at(c, out.interim, z->lambda, z->alpha);
    out.epsilon_path.emplace_back(min_weight(z->lambda), eps);
    if (eps < best) {
      best = eps;
      best_scales = std::move(*z);
    }
    if (!monitor.proceed("epsilon stage", eps)) break;
  }
  if (best < out.epsilon) {
    coalition_solution trial = out;
    trial.lambda = best_scales.lambda;
    trial.alpha = best_scales.alpha;
    trial.message.clear();
    apply_certificate(c, trial);
    if (trial.verified) {
      trial.message = "certified by the epsilon-stage LP after the search failed";
      trial.epsilon = best;
      trial.incentive_efficient = true;
      return trial;
    }
    out.lambda = std::move(best_scales.lambda);
    out.alpha = std::move(best_scales.alpha);
    out.epsilon = best;
  }
  nps_approximation& a = out.approximation;
  a.epsilon_target = c.opt.epsilon * c.utility_scale;
  a.limit_tolerance = certificate_slack(c, out.interim);
  if (out.incentive_efficient && !monitor.stopped()) {
    if (degenerate_path(out.epsilon_path, a.limit_tolerance)) degenerate_limit(c, out, a);
    const bool lower = !out.epsilon_path.empty() && !a.limit_lambda.empty() &&
                       min_weight(a.limit_lambda) < out.epsilon_path.back().first;
    if (lower && a.limit_warrant_residual <= a.limit_tolerance) {
      out.local_outcome = nps_outcome::degenerate_certified;
    } else if (out.epsilon <= a.epsilon_target && min_weight(out.lambda) > 0.0) {
      out.local_outcome = nps_outcome::epsilon_certified;
    }
  }
  out.message += fmt::format(
      "; NPS1-NPS2 hold with epsilon = {:.3g} at the returned scales (min lambda {:.3g}); "
      "mu_S is {}incentive efficient; outcome {}",
      out.epsilon, min_weight(out.lambda), out.incentive_efficient ? "" : "NOT ",
      to_string(out.local_outcome));
  if (out.local_outcome == nps_outcome::degenerate_certified) {
    out.message += fmt::format(" (limit weights min {:.3g}, (4.11) residual {:.3g})",
                               min_weight(a.limit_lambda), a.limit_warrant_residual);
  }
  return out;
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_MECHANISM_DETAIL_NPS_EPSILON_HPP
