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

// One certificate of a path: scales with λ > 0 and the ε of Definition 4 they give the plan.
struct path_scales {
  nps_scales scales;
  double epsilon = lp::inf;
};

// The degenerate limit of a path of certificates for one plan (003, after Definition 4): the
// last scales with the weights that vanish along the path (at most \p vanishing) set to 0, and
// as claims the last point's warranted claims ω (bounded, so the zeros change (4.11) by at most
// λ(t)·|ω(t)|). Fills the approximation's limit and its residuals.
inline void degenerate_limit(const nps_context& c, const type_vectors<double>& interim,
                             const path_scales& last, double vanishing, nps_approximation& a) {
  a.limit_lambda = last.scales.lambda;
  a.limit_alpha = last.scales.alpha;
  a.limit_claims.clear();
  double total = 0.0;
  for (auto& l : a.limit_lambda) {
    l = (l.array() <= vanishing).select(0.0, l);
    total += l.sum();
  }
  for (auto& l : a.limit_lambda) l /= total;
  const std::optional<type_vectors<double>> e =
      excess(c, interim, last.scales.lambda, last.scales.alpha);
  if (!e) return;
  a.limit_warrant_residual = 0.0;
  a.limit_shortfall = 0.0;
  for (int i = 0; i < c.n; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    const int player = c.g.members().members()[ui];
    // ω = |S| U − Σ threats − e
    a.limit_claims.push_back(c.n * interim[ui] - c.threat_sum[ui] - (*e)[ui]);
    a.limit_warrant_residual =
        std::max(a.limit_warrant_residual,
                 warrant_equation_residual(c.g, player, a.limit_lambda, a.limit_alpha,
                                           c.threats[ui].threat, a.limit_claims.back()));
    a.limit_shortfall = std::max(a.limit_shortfall, -(*e)[ui].minCoeff() / c.n);
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

// The outcome of an uncertified plan from a path of certificates for it (floors decreasing):
// the scales of the smallest ε become the returned ones; the plan is degenerate_certified when
// it is incentive efficient, the path converges (degenerate_path) and its limit (weights at
// most \p vanishing set to 0) satisfies (4.11) and NPS2 within the certificate slack;
// epsilon_certified when ε is within nps_options::epsilon. If the smallest-ε scales certify
// the plan at ε = 0 after all, the coalition is certified.
inline coalition_solution classify_path(const nps_context& c, coalition_solution out,
                                        const std::vector<path_scales>& path, double vanishing) {
  // a test that did not finish (an LP failed) does not claim efficiency
  out.incentive_efficient =
      test_incentive_efficiency(c.g, out.plan, c.opt.tolerance, c.opt.primal).efficient();
  out.epsilon = epsilon_at(c, out.interim, out.lambda, out.alpha);
  out.epsilon_path.clear();
  const path_scales* best = nullptr;
  for (const auto& p : path) {
    out.epsilon_path.emplace_back(min_weight(p.scales.lambda), p.epsilon);
    if (p.epsilon < out.epsilon && (!best || p.epsilon < best->epsilon)) best = &p;
  }
  if (best) {
    coalition_solution trial = out;
    trial.lambda = best->scales.lambda;
    trial.alpha = best->scales.alpha;
    trial.message.clear();
    apply_certificate(c, trial);
    if (trial.verified) {
      trial.message = "certified at the scales of the epsilon path after the search failed";
      trial.epsilon = best->epsilon;
      trial.incentive_efficient = true;
      return trial;
    }
    out.lambda = best->scales.lambda;
    out.alpha = best->scales.alpha;
    out.epsilon = best->epsilon;
  }
  nps_approximation& a = out.approximation;
  a.epsilon_target = c.opt.epsilon * c.utility_scale;
  a.limit_tolerance = certificate_slack(c, out.interim);
  out.local_outcome = nps_outcome::undecided;
  if (out.incentive_efficient) {
    if (!path.empty() && degenerate_path(out.epsilon_path, a.limit_tolerance)) {
      degenerate_limit(c, out.interim, path.back(), vanishing, a);
    }
    const bool lower = !a.limit_lambda.empty() && min_weight(a.limit_lambda) == 0.0;
    if (lower && a.limit_warrant_residual <= a.limit_tolerance &&
        a.limit_shortfall <= a.limit_tolerance) {
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
    out.message += fmt::format(" (limit: (4.11) residual {:.3g}, NPS2 shortfall {:.3g})",
                               a.limit_warrant_residual, a.limit_shortfall);
  }
  return out;
}

// ε-certificates for the plan of a failed search (Definition 4 with ε > 0). For a floor
// φ > 0 on λ, the LP epsilon_lp finds (λ, α) whose warranted claims cannot exceed the NPS2
// targets ω̂_i = |S| U_i(μ_S) − Σ_{j≠i} U_i(μ_{S∖j}) by more than its slack: with M the matrix
// of the warrant system (diagonal λ(t) + Σ_τ α(τ|t), off-diagonal −α(t|τ); column sums λ > 0,
// so M is an M-matrix and M⁻¹ ≥ 0), M ω̂ − r ≥ 0 implies ω ≤ ω̂. The maximal virtual worth in
// r is replaced by free variables z_j ≥ Σ_k p v_k(d, j) for every d, which only tightens the
// rows. The claims of the LP's (λ, α) are then recomputed exactly by warranted_claims() and ε
// read off; the path of floors is classified by classify_path().
inline coalition_solution epsilon_stage(const nps_context& c, coalition_solution in,
                                        nps_monitor& monitor) {
  const index_t m = c.num_types_total;
  std::vector<path_scales> path;
  double vanishing = 0.0;
  for (double floor : {1e-2, 1e-3, 1e-4, 1e-5, 1e-6}) {
    std::optional<nps_scales> z = epsilon_lp(c, in.plan, floor / static_cast<double>(m));
    if (!z) continue;
    const double eps = epsilon_at(c, in.interim, z->lambda, z->alpha);
    path.push_back({std::move(*z), eps});
    vanishing = 2.0 * floor / static_cast<double>(m);
    if (!monitor.proceed("epsilon stage", eps)) break;
  }
  return classify_path(c, std::move(in), path, vanishing);
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_MECHANISM_DETAIL_NPS_EPSILON_HPP
