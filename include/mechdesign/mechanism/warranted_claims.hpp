#ifndef MECHDESIGN_MECHANISM_WARRANTED_CLAIMS_HPP
#define MECHDESIGN_MECHANISM_WARRANTED_CLAIMS_HPP

/// \file
/// \brief Threats of sub-coalitions and the warranted claims (4.11) of a dictator in the
/// mechanism-selection problem Γ_S^i(μ_{S∖i}).
///
/// Reference: 003_c8f96a2253701fcb.txt §4.1, eqs. (4.4), (4.7)–(4.11); Lemma 1 of Myerson (1983)
/// as cited there for solvability when λ^S > 0.
///
/// The warrant equations are a |T_i| × |T_i| linear system A ω = r with
/// A(t, t) = (λ_i(t) + Σ_τ α_i(τ|t)) / p_i(t), A(t, τ) = −α_i(t|τ) / p_i(t) for τ ≠ t, and
/// r(t) = Σ_{t_{S∖i}} p(t_{S∖i}) max_d Σ_{j∈S} v_j^S(d, t_S) − Σ_{t_{S∖i}} p(t_{S∖i})
/// Σ_{j∈S∖i} v_j^{S∖i}(μ_{S∖i}, t_{S∖i}, λ_j^S, α_j^{S∖i}). Scaled by p_i, A is strictly
/// diagonally dominant by columns when λ_i > 0, hence invertible; with some λ_i(t) = 0 it may be
/// singular, which is reported, not hidden. The formulas assume independent types, as the paper
/// does; correlated priors are rejected.

#include <fmt/format.h>

#include <Eigen/Core>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/detail/linear_algebra.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"

namespace mechdesign {

/// \brief A coalition's threat μ_{S∖i}: its game, its mechanism, and IC multipliers α^{S∖i}
/// that satisfy the complementary slackness (4.7) for it (003 §4.1).
struct coalition_threat {
  coalition_problem<double> problem;  ///< Γ_{S∖i}
  mechanism<double> plan;             ///< μ_{S∖i}
  type_matrices<double> alpha;        ///< α^{S∖i} with (4.7)
};

/// \brief The threat of a lone player: for every type the best decision of D_i (003 eq. (4.4)),
/// with α = 0 (the mechanism is IC with no binding constraint that needs a multiplier).
/// \p player in [0, n). \throws index_error (player out of range), model_error (D_{i} is not
/// registered).
inline coalition_threat singleton_threat(const bayesian_problem<double>& problem, int player) {
  detail::require_index(player, problem.num_players(), "player", "singleton_threat");
  coalition_threat th{detail::with_entry("singleton_threat",
                                         [&] { return problem.restrict_to(coalition{player}); }),
                      {},
                      {}};
  const coalition_problem<double>& g = th.problem;
  th.plan.probabilities = Eigen::MatrixXd::Zero(g.num_decisions(), g.num_profiles());
  for (index_t t = 0; t < g.num_profiles(); ++t) {
    index_t best = 0;
    g.utility(0).col(t).maxCoeff(&best);
    th.plan.probabilities(best, t) = 1.0;
  }
  if (g.money()) th.plan.transfers = Eigen::MatrixXd::Zero(1, g.num_profiles());
  th.alpha.push_back(Eigen::MatrixXd::Zero(g.num_types(0), g.num_types(0)));
  return th;
}

namespace detail {

/// Checks that \p player dictates in the game \p g (|S| ≥ 2, independent types) against the
/// threat of S \ {player}; returns the player's position in S.
inline int check_dictator_and_threat(const coalition_problem<double>& g, int player,
                                     const coalition_threat& threat, const char* where) {
  const int position = g.members().position(player);
  if (position < 0) {
    throw index_error(fmt::format("{}: player {} is not in coalition {}", where, player,
                                  g.members().to_string()));
  }
  if (g.num_members() < 2) throw model_error(fmt::format("{}: S needs two members", where));
  if (threat.problem.members() != g.members().without(player)) {
    throw model_error(fmt::format("{}: the threat is a mechanism of {}, not of {}", where,
                                  threat.problem.members().to_string(),
                                  g.members().without(player).to_string()));
  }
  if (!g.beliefs().is_independent()) {
    throw model_error(fmt::format("{}: 003 sections 4-5 assume independent types", where));
  }
  return position;
}

/// The warrant equations (4.11) of member \p i of S as A ω = r (see the file comment), with the
/// threat's virtual worth (4.8) and the money imbalance; λ ≥ 0 (A may be singular).
struct warrant_system {
  Eigen::MatrixXd matrix;           // A
  Eigen::VectorXd rhs;              // r
  double threat_worth = 0.0;        // Σ p(t_{S∖i}) Σ_j v_j^{S∖i}(μ_{S∖i}, ·)
  double transfer_imbalance = 0.0;  // money only
};

// Builds the system of member position \p i; inputs already checked by the caller.
inline warrant_system build_warrant_system(const coalition_problem<double>& g, int i,
                                           const type_vectors<double>& lambda,
                                           const type_matrices<double>& alpha,
                                           const coalition_threat& threat) {
  warrant_system out;
  // λ^S restricted to S \ i, in the threat's member order.
  type_vectors<double> lambda_rest;
  for (int j : threat.problem.members().members()) {
    lambda_rest.push_back(lambda[static_cast<std::size_t>(g.members().position(j))]);
  }
  out.threat_worth = virtual_worth(threat.problem, threat.plan, lambda_rest, threat.alpha);
  out.transfer_imbalance = mechdesign::transfer_imbalance(g, lambda, alpha);
  // E_{t_{S∖i}}[max_d Σ_j v_j^S(d, t_S)] for every t_i: Σ over profiles with that t_i of
  // max_d Σ_j (p(t_S) v_j) divided by p_i(t_i).
  const auto coef = lagrangian_coefficients(g, lambda, alpha);
  const Eigen::VectorXd& pi = g.beliefs().marginal(i);
  const index_t ni = pi.size();
  out.rhs = Eigen::VectorXd::Zero(ni);
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    Eigen::VectorXd col = coef[0].col(j);
    for (std::size_t k = 1; k < coef.size(); ++k) col += coef[k].col(j);
    out.rhs(g.types().type_of(j, i)) += col.maxCoeff();
  }
  for (index_t t = 0; t < ni; ++t) out.rhs(t) = out.rhs(t) / pi(t) - out.threat_worth;
  const Eigen::MatrixXd& a = alpha[static_cast<std::size_t>(i)];
  const Eigen::VectorXd& l = lambda[static_cast<std::size_t>(i)];
  out.matrix = Eigen::MatrixXd::Zero(ni, ni);
  for (index_t t = 0; t < ni; ++t) {
    double own = l(t);
    for (index_t tau = 0; tau < ni; ++tau) {
      if (tau == t) continue;
      own += a(t, tau);
      out.matrix(t, tau) = -a(tau, t) / pi(t);
    }
    out.matrix(t, t) = own / pi(t);
  }
  return out;
}

}  // namespace detail

/// \brief Result of warranted_claims(). status is success when the warrant system has a unique
/// solution (the claims are computed), numerical_issue when it is singular (some λ_i(t) = 0).
struct warrant_result : result_base {
  Eigen::VectorXd claims;           ///< ω_i^S(t_i) (empty if not solvable)
  Eigen::VectorXd residual_worth;   ///< r(t_i): right-hand side of (4.11)
  double threat_worth = 0.0;        ///< Σ p(t_{S∖i}) Σ_j v_j^{S∖i}(μ_{S∖i}, ·) of (4.8)
  double equation_residual = 0.0;   ///< max_t |(A ω − r)(t)|
  double transfer_imbalance = 0.0;  ///< money only: the max over (d, x) in (4.11) is finite iff 0
};

/// \brief The warranted claims ω_i^S of dictator \p player in Γ_S^i(μ_{S∖i}) for given
/// λ^S, α^S (on \p g, the game Γ_S) and the threat \p threat = (Γ_{S∖i}, μ_{S∖i}, α^{S∖i})
/// (003 eq. (4.11)).
/// \throws invalid_argument / dimension_error on malformed weights, model_error if the threat
/// is not the game of S \ {player}, if S is a singleton, or if the prior is correlated.
[[nodiscard]] inline warrant_result warranted_claims(const coalition_problem<double>& g, int player,
                                                     const type_vectors<double>& lambda,
                                                     const type_matrices<double>& alpha,
                                                     const coalition_threat& threat) {
  const int i = detail::check_dictator_and_threat(g, player, threat, "warranted_claims");
  detail::with_entry("warranted_claims", [&] {
    detail::check_type_vectors(g, lambda, "lambda", true);
    detail::check_alpha(g, alpha);
  });

  warrant_result r;
  const detail::warrant_system sys = detail::build_warrant_system(g, i, lambda, alpha, threat);
  r.threat_worth = sys.threat_worth;
  r.transfer_imbalance = sys.transfer_imbalance;
  r.residual_worth = sys.rhs;
  const Eigen::MatrixXd& system = sys.matrix;
  const index_t ni = system.rows();
  const mechdesign::detail::full_pivot_solution lu =
      mechdesign::detail::solve_full_pivot(system, r.residual_worth);
  if (lu.rank < ni) {
    r.status = status::numerical_issue;
    r.message = fmt::format(
        "the warrant equations are singular (rank {} of {}); some weight lambda_{}(t) is zero",
        lu.rank, ni, player);
    return r;
  }
  r.claims = lu.x.col(0);
  r.equation_residual = (system.lazyProduct(r.claims) - r.residual_worth).cwiseAbs().maxCoeff();
  r.status = status::success;
  if (r.transfer_imbalance > 1e-7) {
    r.message = fmt::format(
        "virtual money weights are unbalanced by {:.3g}: the max over transfers in (4.11) is "
        "unbounded, so these claims are not meaningful",
        r.transfer_imbalance);
  }
  return r;
}

/// \brief The residual max_t |(A ω − r)(t)| of the warrant equations (4.11) of dictator
/// \p player for given claims \p claims (003 eq. (4.11)): whether \p claims are warranted by
/// λ^S, α^S, α^{S∖i} and μ_{S∖i}. Unlike warranted_claims() it needs no invertible system, so it
/// also checks claims at weights with zeros (the limit of a degenerate solution, 003 after
/// Definition 4). \p lambda ≥ 0 (one vector per member of S), \p alpha ≥ 0, \p claims one
/// finite entry per type of \p player. Money: the residual is meaningful only when the virtual
/// money weights balance (transfer_imbalance of warranted_claims() is 0).
/// \throws the exceptions of warranted_claims(); dimension_error / non_finite_error if
/// \p claims has the wrong size or a non-finite entry.
[[nodiscard]] inline double warrant_equation_residual(const coalition_problem<double>& g,
                                                      int player,
                                                      const type_vectors<double>& lambda,
                                                      const type_matrices<double>& alpha,
                                                      const coalition_threat& threat,
                                                      const Eigen::VectorXd& claims) {
  const int i = detail::check_dictator_and_threat(g, player, threat, "warrant_equation_residual");
  detail::with_entry("warrant_equation_residual", [&] {
    detail::check_type_vectors(g, lambda, "lambda", true);
    detail::check_alpha(g, alpha);
  });
  if (claims.size() != g.num_types(i)) {
    throw dimension_error(fmt::format("warrant_equation_residual: {} claims for {} types",
                                      claims.size(), g.num_types(i)));
  }
  if (!claims.allFinite()) {
    throw non_finite_error("warrant_equation_residual: a claim is not finite");
  }
  const detail::warrant_system sys = detail::build_warrant_system(g, i, lambda, alpha, threat);
  return (sys.matrix * claims - sys.rhs).cwiseAbs().maxCoeff();
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_WARRANTED_CLAIMS_HPP
