#ifndef MECHDESIGN_MECHANISM_DETAIL_NPS_LP_HPP
#define MECHDESIGN_MECHANISM_DETAIL_NPS_LP_HPP

/// \file
/// \brief Internal: the LP blocks of the neutral procedural search (003 Definition 4,
/// Appendix A): the context every step reads, the (λ, α) block of step A (add_scales), the μ
/// block of step B (add_mechanism), residual rows and the warrant-row terms.

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
#include "mechdesign/core/problem.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/mechanism/detail/mechanism_lp.hpp"
#include "mechdesign/mechanism/nps_result.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"
#include "mechdesign/mechanism/warranted_claims.hpp"

namespace mechdesign::detail {

/// Constants of the search (not options: they shape the method, not the answer's accuracy).
struct nps_constants {
  static constexpr double penalty = 1e3;  // price of (3.8b) slack relative to the warrant residual
  static constexpr double used = 1e-9;    // probabilities at or below this are rounding
  static constexpr int iteration_limit = 20000;  // per search LP unless the caller sets one
  static constexpr int tatonnement_steps = 300;  // primal solves of the price adjustment
  static constexpr int joint_steps = 40;         // linearised joint steps per stall
  static constexpr int rounds = 4;               // rounds of alternation then joint steps
};

/// A threat μ_{S∖i} with its interim utilities (as the search reads them).
struct nps_threat {
  coalition_threat threat;
  type_vectors<double> interim;  // U_j(μ_{S\i} | t_j) for the members j of S \ i
};

/// What every step of the search for one coalition S reads: Γ_S, the threats, the options.
/// Built once per coalition; not copyable (cols refers to g).
struct nps_context {
  nps_context(const coalition_problem<double>& game, std::vector<nps_threat> th,
              const nps_options& options)
      : g(game), threats(std::move(th)), opt(options), cols(game), n(game.num_members()) {
    // The search LPs are highly degenerate; GLPK's simplex can stall on them. A stalled LP ends
    // its attempt with a report instead of running forever.
    if (opt.primal.lp.iteration_limit == 0)
      opt.primal.lp.iteration_limit = nps_constants::iteration_limit;
    // Σ_{j≠i} U_i(μ_{S∖j} | t): for member k, sum over the other members' drop-outs.
    for (int k = 0; k < n; ++k) {
      Eigen::VectorXd s = Eigen::VectorXd::Zero(g.num_types(k));
      const int player = g.members().members()[static_cast<std::size_t>(k)];
      for (int j = 0; j < n; ++j) {
        if (j == k) continue;
        const nps_threat& th = threats[static_cast<std::size_t>(j)];
        s += th.interim[static_cast<std::size_t>(th.threat.problem.members().position(player))];
      }
      threat_sum.push_back(std::move(s));
    }
    double scale = 1.0;
    for (int k = 0; k < n; ++k) scale = std::max(scale, g.utility(k).cwiseAbs().maxCoeff());
    utility_scale = scale;
    for (int k = 0; k < n; ++k) num_types_total += g.num_types(k);
  }
  nps_context(const nps_context&) = delete;
  nps_context& operator=(const nps_context&) = delete;

  // How far below the maximal virtual worth (in p(t_S)·v units) a used decision may be: (3.8b)
  // up to rounding of μ, on the scale of the utilities. Steps A and B use the same threshold.
  double virtual_slack() const { return opt.tolerance * utility_scale; }

  // U_k(μ_{S∖i} | ·) for member k ≠ i of S.
  const Eigen::VectorXd& threat_utility(int i, int k) const {
    const nps_threat& th = threats[static_cast<std::size_t>(i)];
    const int player = g.members().members()[static_cast<std::size_t>(k)];
    return th.interim[static_cast<std::size_t>(th.threat.problem.members().position(player))];
  }

  // LP options for the proposal LPs (steps B and joint steps): no exact re-solve.
  lp::solver_options proposal_options() const {
    lp::solver_options o = opt.primal.lp;
    o.exact_fallback = false;
    o.retry = false;  // a proposal that is not certified is simply not taken
    return o;
  }

  const coalition_problem<double>& g;
  std::vector<nps_threat> threats;  // threats[k]: the threat of S \ member k
  nps_options opt;
  mechanism_columns cols;
  int n = 0;
  type_vectors<double> threat_sum;
  double utility_scale = 1.0;
  index_t num_types_total = 0;
};

/// Scales (λ^S, α^S) of the search.
struct nps_scales {
  type_vectors<double> lambda;
  type_matrices<double> alpha;
};

/// Indices of the (λ, α) variables in a model (step A, joint step, ε-stage LP).
struct scale_columns {
  std::vector<index_t> lambda_offset, alpha_offset, size;
  index_t lambda(int k, index_t t) const { return lambda_offset[static_cast<std::size_t>(k)] + t; }
  index_t alpha(int k, index_t t, index_t tau) const {
    return alpha_offset[static_cast<std::size_t>(k)] + t * size[static_cast<std::size_t>(k)] + tau;
  }
};

// Terms of p(t_S) times the Lagrangian weight of member k at profile j (see
// lagrangian_coefficients()), as a linear form in (λ, α), each term scaled by payoff(j') · scale
// where j' is j or j with k's type replaced: p(t_S) v_k(d, t_S) for payoff = u_k(d, ·), and the
// virtual weight of money for payoff = 1.
template <class Payoff>
void add_weighted_terms(const nps_context& c, const scale_columns& sc, lp_terms& dst, int k,
                        index_t j, Payoff&& payoff, double scale) {
  const auto& ts = c.g.types();
  const index_t t = ts.type_of(j, k), nk = c.g.num_types(k);
  const double own = c.g.belief(k, j) * payoff(j);
  if (own != 0.0) {
    dst.emplace_back(sc.lambda(k, t), scale * own);
    for (index_t tau = 0; tau < nk; ++tau) {
      if (tau != t) dst.emplace_back(sc.alpha(k, t, tau), scale * own);
    }
  }
  for (index_t s = 0; s < nk; ++s) {
    if (s == t) continue;
    const index_t js = ts.with_type(j, k, s);
    const double other = c.g.belief(k, js) * payoff(js);
    if (other != 0.0) dst.emplace_back(sc.alpha(k, s, t), -scale * other);
  }
}

// The Lagrangian coefficient of decision d of member k at profile j: p(t_S) v_k(d, t_S).
inline void add_coefficient_terms(const nps_context& c, const scale_columns& sc, lp_terms& dst,
                                  int k, index_t j, index_t d, double scale) {
  const auto& u = c.g.utility(k);
  add_weighted_terms(
      c, sc, dst, k, j, [&](index_t jj) { return u(d, jj); }, scale);
}

// The virtual weight of member k's money at profile j.
inline void add_money_terms(const nps_context& c, const scale_columns& sc, lp_terms& dst, int k,
                            index_t j, double scale) {
  add_weighted_terms(
      c, sc, dst, k, j, [](index_t) { return 1.0; }, scale);
}

// Money weights equal across members at profile j (else transfers carry virtual worth).
inline void add_money_rows(const nps_context& c, const scale_columns& sc, lp::model& m, index_t j) {
  if (!c.g.money()) return;
  for (int k = 1; k < c.n; ++k) {
    lp_terms row;
    add_money_terms(c, sc, row, k, j, 1.0);
    add_money_terms(c, sc, row, 0, j, -1.0);
    m.add_row(fmt::format("money[{}|{}]", k, j), row, 0.0, 0.0);
  }
}

// p_i(t) · Σ_{j'∈S∖i} Σ_t' λ_j'(t') U_j'(μ_{S∖i} | t'): the threat's virtual worth by (4.8).
inline void add_threat_terms(const nps_context& c, const scale_columns& sc, lp_terms& row, int i,
                             double scale) {
  for (int k = 0; k < c.n; ++k) {
    if (k == i) continue;
    const Eigen::VectorXd& ut = c.threat_utility(i, k);
    for (index_t t = 0; t < ut.size(); ++t) row.emplace_back(sc.lambda(k, t), scale * ut(t));
  }
}

// The (λ, α) terms of member i's warrant rows at the NPS2 targets ω̂ = |S| U_i − Σ threats:
// (λ(t) + Σ_τ α(τ|t)) ω̂(t) − Σ_τ α(t|τ) ω̂(τ) + p_i(t) × the threat's virtual worth (4.8).
inline std::vector<lp_terms> claim_terms(const nps_context& c, const scale_columns& sc, int i,
                                         const Eigen::VectorXd& interim) {
  const index_t ni = c.g.num_types(i);
  const Eigen::VectorXd target = c.n * interim - c.threat_sum[static_cast<std::size_t>(i)];
  std::vector<lp_terms> rows(static_cast<std::size_t>(ni));
  for (index_t t = 0; t < ni; ++t) {
    auto& row = rows[static_cast<std::size_t>(t)];
    row.emplace_back(sc.lambda(i, t), target(t));
    for (index_t tau = 0; tau < ni; ++tau) {
      if (tau == t) continue;
      row.emplace_back(sc.alpha(i, t, tau), target(t));
      row.emplace_back(sc.alpha(i, tau, t), -target(tau));
    }
    add_threat_terms(c, sc, row, i, c.g.beliefs().marginal(i)(t));
  }
  return rows;
}

// Add |row| ≤ s⁺ + s⁻ as row − s⁺ + s⁻ = rhs, pricing the slacks at \p price.
inline void add_residual_row(lp::model& m, const std::string& name, lp_terms row, double rhs,
                             double price, lp_terms& slack_sum) {
  const index_t sp = m.add_variable(name + "+", 0.0, lp::inf, price);
  const index_t sm = m.add_variable(name + "-", 0.0, lp::inf, price);
  row.emplace_back(sp, -1.0);
  row.emplace_back(sm, 1.0);
  m.add_row(name, row, rhs, rhs);
  slack_sum.emplace_back(sp, 1.0);
  slack_sum.emplace_back(sm, 1.0);
}

inline double slack_total(const lp::solution& s, const lp_terms& slack_sum) {
  double residual = 0.0;
  for (const auto& [col, c] : slack_sum) residual += c * std::max(0.0, s.x(col));
  return residual;
}

// The (λ, α) block of steps A and joint_step for a fixed μ: variables λ (Σ = 1), α (zero on
// IC constraints μ leaves slack: (3.8a)), the (3.8b) rows with their slacks σ_j, the money
// balance rows, and the terms of the warrant rows (W) (linear in (λ, α) for this μ).
struct scale_block {
  scale_columns cols;
  std::vector<std::vector<lp_terms>> warrant;  // [member][type]
  std::vector<index_t> sigma_cols;
  lp_terms sigma_sum;
  std::optional<index_t> floor_var;  // min λ (interior mode only)
};

inline scale_block add_scales(const nps_context& c, lp::model& m, const mechanism<double>& mu,
                              bool interior, double sigma_price) {
  const auto& g = c.g;
  scale_block out;
  const auto ic = check_incentive_compatibility(g, mu, c.opt.tolerance);
  const auto u = interim_utilities(g, mu, c.opt.tolerance);
  scale_columns& sc = out.cols;
  for (int k = 0; k < c.n; ++k) {
    sc.lambda_offset.push_back(m.num_cols());
    sc.size.push_back(g.num_types(k));
    for (index_t t = 0; t < g.num_types(k); ++t) m.add_variable(fmt::format("lambda[{}:{}]", k, t));
  }
  for (int k = 0; k < c.n; ++k) {
    sc.alpha_offset.push_back(m.num_cols());
    const index_t nk = g.num_types(k);
    for (index_t t = 0; t < nk; ++t) {
      for (index_t tau = 0; tau < nk; ++tau) {
        // (3.8a): a slack IC constraint has no multiplier; the diagonal is not a constraint
        const bool free =
            tau != t && ic.gains[static_cast<std::size_t>(k)](t, tau) >= -10.0 * c.opt.tolerance;
        m.add_variable(fmt::format("alpha[{}:{}->{}]", k, t, tau), 0.0, free ? lp::inf : 0.0);
      }
    }
  }
  if (interior) out.floor_var = m.add_variable("min_lambda", -lp::inf, lp::inf, 1.0);
  {
    lp_terms sum;
    for (int k = 0; k < c.n; ++k) {
      for (index_t t = 0; t < g.num_types(k); ++t) {
        sum.emplace_back(sc.lambda(k, t), 1.0);
        if (interior)
          m.add_row("floor", {{sc.lambda(k, t), 1.0}, {*out.floor_var, -1.0}}, 0.0, lp::inf);
      }
    }
    m.add_row("normalisation", sum, 1.0, 1.0);
  }
  // (3.8b): Σ_k coef_k(d, j) ≤ Σ_k coef_k(d', j) + σ_j for every d and every d' used at j. The
  // slack σ_j ≥ 0 absorbs rounding in μ; it is priced so that it stays at rounding level
  // unless nothing else fits, and step B allows the same deficit at profile j.
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    const index_t sigma =
        m.add_variable(fmt::format("sigma[{}]", j), 0.0, lp::inf, interior ? 0.0 : sigma_price);
    out.sigma_cols.push_back(sigma);
    out.sigma_sum.emplace_back(sigma, 1.0);
    // every decision μ uses (beyond rounding) must be a maximiser up to σ_j
    for (index_t used = 0; used < g.num_decisions(); ++used) {
      if (mu.probabilities(used, j) <= nps_constants::used) continue;
      for (index_t d = 0; d < g.num_decisions(); ++d) {
        if (d == used) continue;
        lp_terms row;
        for (int k = 0; k < c.n; ++k) {
          add_coefficient_terms(c, sc, row, k, j, used, 1.0);
          add_coefficient_terms(c, sc, row, k, j, d, -1.0);
        }
        row.emplace_back(sigma, 1.0);
        m.add_row(fmt::format("virtual_max[{}>={}|{}]", used, d, j), row, 0.0, lp::inf);
      }
    }
    add_money_rows(c, sc, m, j);
  }
  // (W), scaled by p_i(t): (λ+Σα)ω(t) − Σ α(τ→t) ω(τ) − Σ_{j: t_i = t} Σ_k Σ_d μ coef
  //                        + p_i(t) Σ_{j'∈S∖i} Σ_t' λ_j'(t') U_j'(μ_{S∖i}|t')
  for (int i = 0; i < c.n; ++i) {
    std::vector<lp_terms> rows = claim_terms(c, sc, i, u[static_cast<std::size_t>(i)]);
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      auto& row = rows[static_cast<std::size_t>(g.types().type_of(j, i))];
      for (int k = 0; k < c.n; ++k) {
        for (index_t d = 0; d < g.num_decisions(); ++d) {
          const double w = mu.probabilities(d, j);
          if (w > 0.0) add_coefficient_terms(c, sc, row, k, j, d, -w);
        }
      }
    }
    out.warrant.push_back(std::move(rows));
  }
  return out;
}

// (λ, α) of a solved model, λ clipped at \p floor, α at 0.
inline nps_scales read_scales(const nps_context& c, const scale_columns& sc, const lp::solution& s,
                              double floor = 0.0) {
  nps_scales out;
  for (int k = 0; k < c.n; ++k) {
    const index_t nk = c.g.num_types(k);
    Eigen::VectorXd l(nk);
    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(nk, nk);
    for (index_t t = 0; t < nk; ++t) {
      l(t) = std::max(floor, s.x(sc.lambda(k, t)));
      for (index_t tau = 0; tau < nk; ++tau) {
        if (tau != t) a(t, tau) = std::max(0.0, s.x(sc.alpha(k, t, tau)));
      }
    }
    out.lambda.push_back(std::move(l));
    out.alpha.push_back(std::move(a));
  }
  return out;
}

// Σ_{k≠i} λ_k · U_k(μ_{S∖i}): the threat's virtual worth (4.8) at weights λ.
inline double threat_virtual_worth(const nps_context& c, int i,
                                   const type_vectors<double>& lambda) {
  double total = 0.0;
  for (int k = 0; k < c.n; ++k) {
    if (k == i) continue;
    total += lambda[static_cast<std::size_t>(k)].dot(c.threat_utility(i, k));
  }
  return total;
}

// The μ block of steps B and joint_step for fixed (λ, α): the mechanism columns (first in
// the model: mechanism_columns indexes from 0), decisions far from the maximal virtual worth
// excluded (3.8b), the IC rows, and the warrant rows (W) as terms in μ with their constants.
struct mechanism_block {
  std::vector<std::vector<lp_terms>> warrant;  // [member][type]
  std::vector<Eigen::VectorXd> rhs;            // [member](type)
  std::vector<report_table> own;               // [k][t][τ]: p-weighted report terms
};

// \p sigma: the per-profile (3.8b) slack step A allowed (empty: none).
inline mechanism_block add_mechanism(const nps_context& c, lp::model& m, const nps_scales& z,
                                     const Eigen::VectorXd& sigma) {
  const auto& g = c.g;
  mechanism_block out;
  c.cols.add_to(m);
  const auto coef = lagrangian_coefficients(g, z.lambda, z.alpha);
  // (3.8b): decisions far from the maximal virtual worth are excluded (the deficit allowed at
  // a profile is what step A allowed there).
  Eigen::VectorXd best(g.num_profiles());
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    Eigen::VectorXd col = coef[0].col(j);
    for (std::size_t k = 1; k < coef.size(); ++k) col += coef[k].col(j);
    best(j) = col.maxCoeff();
    const double allowed = std::max(c.virtual_slack(), 2.0 * sigma(j));
    for (index_t d = 0; d < g.num_decisions(); ++d) {
      if (col(d) < best(j) - allowed) m.set_col_bounds(c.cols.mu(d, j), 0.0, 0.0);
    }
  }
  for (int k = 0; k < c.n; ++k) {
    out.own.push_back(c.cols.report_terms(k));
    for (index_t t = 0; t < g.num_types(k); ++t) {
      add_ic_rows(m, out.own.back(), t,
                  [&](index_t tau) { return fmt::format("ic[{}:{}->{}]", k, t, tau); });
    }
  }
  // (W) in μ: (λ+Σα)ω(t) − Σ α(τ→t)ω(τ) with ω = |S| U(μ) − threat sums; the right side is
  // constant: Σ_{j: t_i = t} best(j) − p_i(t) C_i.
  for (int i = 0; i < c.n; ++i) {
    const index_t ni = g.num_types(i);
    const auto& l = z.lambda[static_cast<std::size_t>(i)];
    const auto& a = z.alpha[static_cast<std::size_t>(i)];
    const auto& ts = c.threat_sum[static_cast<std::size_t>(i)];
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(ni);
    for (index_t j = 0; j < g.num_profiles(); ++j) rhs(g.types().type_of(j, i)) += best(j);
    const double threat_worth = threat_virtual_worth(c, i, z.lambda);
    std::vector<lp_terms> rows(static_cast<std::size_t>(ni));
    for (index_t t = 0; t < ni; ++t) {
      rhs(t) -= g.beliefs().marginal(i)(t) * threat_worth;
      // coefficients of ω(τ) in the row of t
      Eigen::VectorXd w = Eigen::VectorXd::Zero(ni);
      w(t) = l(t);
      for (index_t tau = 0; tau < ni; ++tau) {
        if (tau == t) continue;
        w(t) += a(t, tau);
        w(tau) -= a(tau, t);
      }
      auto& row = rows[static_cast<std::size_t>(t)];
      for (index_t tau = 0; tau < ni; ++tau) {
        if (w(tau) == 0.0) continue;
        const auto& own = out.own[static_cast<std::size_t>(i)][static_cast<std::size_t>(tau)];
        for (const auto& [col, v] : own[static_cast<std::size_t>(tau)]) {
          row.emplace_back(col, w(tau) * c.n * v);
        }
        rhs(t) += w(tau) * ts(tau);
      }
    }
    out.warrant.push_back(std::move(rows));
    out.rhs.push_back(std::move(rhs));
  }
  return out;
}

inline double min_weight(const type_vectors<double>& lambda) {
  double w = lp::inf;
  for (const auto& l : lambda) w = std::min(w, l.minCoeff());
  return w;
}

// The excess e_i = |S| U_i − Σ_{j≠i} U_i(μ_{S∖j}) − ω_i(λ, α) of every member at interim
// utilities \p interim (NPS2 holds with ε iff e ≥ −|S| ε); nullopt if a warrant system is
// singular or its claims are not finite.
inline std::optional<type_vectors<double>> excess(const nps_context& c,
                                                  const type_vectors<double>& interim,
                                                  const type_vectors<double>& lambda,
                                                  const type_matrices<double>& alpha) {
  type_vectors<double> out;
  for (int i = 0; i < c.n; ++i) {
    const int player = c.g.members().members()[static_cast<std::size_t>(i)];
    const warrant_result w =
        warranted_claims(c.g, player, lambda, alpha, c.threats[static_cast<std::size_t>(i)].threat);
    if (!w.ok() || !w.claims.allFinite()) return std::nullopt;
    out.push_back(c.n * interim[static_cast<std::size_t>(i)] -
                  c.threat_sum[static_cast<std::size_t>(i)] - w.claims);
  }
  return out;
}

// The largest ε of NPS2 over the members for an excess (0 if none is negative).
inline double epsilon_of_excess(const nps_context& c, const type_vectors<double>& e) {
  double eps = 0.0;
  for (const auto& ei : e) eps = std::max(eps, -ei.minCoeff() / static_cast<double>(c.n));
  return eps;
}

// The message of solver_error(what, s) (lp/solver_error.hpp), for a search LP that failed.
inline std::string lp_failure(const std::string& what, const lp::solution& s) {
  return fmt::format("{}: LP status {}{}{}", what, lp::to_string(s.status),
                     s.message.empty() ? "" : ": ", s.message);
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_MECHANISM_DETAIL_NPS_LP_HPP
