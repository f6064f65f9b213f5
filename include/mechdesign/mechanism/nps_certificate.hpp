#ifndef MECHDESIGN_MECHANISM_NPS_CERTIFICATE_HPP
#define MECHDESIGN_MECHANISM_NPS_CERTIFICATE_HPP

/// \file
/// \brief The independent certificate of the neutral procedural solution (003 Definition 4
/// with ε = 0): for each coalition S, from the problem data, the plan μ_S, the scales
/// (λ^S, α^S) and the threats μ_{S∖i} alone, Proposition 1 at (λ^S, α^S) (3.8a–b), the warrant
/// equations (4.11) by warranted_claims(), NPS2 (eq. (5.1)) and the duality gap (3.7).
///
/// Reference: 003_c8f96a2253701fcb.txt §5 (Definition 4, NPS1–NPS2, eq. (5.1)), §4 ((4.8),
/// (4.11)), §3.2 (Proposition 1). Nothing here trusts the search: check_nps_coalition and
/// check_neutral_procedural recompute every quantity (like pricing::check_menu for menus).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/mechanism/detail/nps_lp.hpp"
#include "mechdesign/mechanism/detail/nps_steps.hpp"
#include "mechdesign/mechanism/nps_result.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"
#include "mechdesign/mechanism/warranted_claims.hpp"

namespace mechdesign {

/// \brief Report of check_nps_coalition(): the residuals of Definition 4 (ε = 0) for one
/// coalition, recomputed from the data.
struct nps_certificate {
  bool passed = false;                       ///< every residual within 100·tol·(1 + max|U|)
  type_vectors<double> interim;              ///< U_i(μ_S | t_i)
  type_vectors<double> claims;               ///< ω_i^S of (4.11) at (λ^S, α^S) (NaN: singular)
  efficiency_conditions<double> conditions;  ///< Proposition 1 at (μ_S, λ^S, α^S)
  double warrant_residual = 0.0;             ///< max |(4.11) residual|
  double nps2_residual = 0.0;  ///< max |U_i(μ_S|t) − (Σ_{j≠i} U_i(μ_{S∖j}|t) + ω_i(t))/|S||
  double duality_gap = 0.0;    ///< |Σ λ U(μ_S) − (3.7) at (λ, α)|
  double epsilon = lp::inf;    ///< smallest ε of Definition 4 at these scales (inf: singular)
  std::string message;         ///< what failed (empty if passed)
};

/// \brief Check Definition 4 (ε = 0) for coalition S (game \p g = Γ_S, |S| ≥ 2) with plan
/// \p plan, scales \p lambda, \p alpha and threats \p threats (threats[k] = μ_{S∖k-th member},
/// with its game and α) (003 Def. 4, eqs. (4.11), (5.1), Proposition 1).
/// \param tol tolerance of the checks, > 0 (residuals pass at 100·tol·(1 + max|U|)).
///        (NaN, ±∞ or a negative value throw non_finite_error / invalid_argument.)
/// \throws dimension_error, invalid_argument, model_error on malformed inputs (as
/// warranted_claims and check_efficiency_conditions).
inline nps_certificate check_nps_coalition(const coalition_problem<double>& g,
                                           const std::vector<coalition_threat>& threats,
                                           const mechanism<double>& plan,
                                           const type_vectors<double>& lambda,
                                           const type_matrices<double>& alpha, double tol = 1e-7) {
  detail::require_tolerance(tol, "tol", "check_nps_coalition", HUGE_VAL);
  const int n = g.num_members();
  if (n < 2) throw model_error("check_nps_coalition: S needs two members");
  if (static_cast<int>(threats.size()) != n) {
    throw dimension_error(
        fmt::format("check_nps_coalition: {} threats for {} members", threats.size(), n));
  }
  nps_certificate out;
  out.interim = interim_utilities(g, plan, tol);
  out.conditions = check_efficiency_conditions(g, plan, lambda, alpha, tol);
  double weighted = 0.0;
  for (int k = 0; k < n; ++k) {
    weighted += lambda[static_cast<std::size_t>(k)].dot(out.interim[static_cast<std::size_t>(k)]);
  }
  out.duality_gap = std::abs(weighted - dual_objective(g, lambda, alpha));
  std::vector<type_vectors<double>> threat_interim;
  for (const auto& th : threats)
    threat_interim.push_back(interim_utilities(th.problem, th.plan, tol));
  std::string problems;
  double shortfall = 0.0;
  for (int i = 0; i < n; ++i) {
    const int player = g.members().members()[static_cast<std::size_t>(i)];
    // Σ_{j≠i} U_i(μ_{S∖j} | ·)
    Eigen::VectorXd threat_sum = Eigen::VectorXd::Zero(g.num_types(i));
    for (int j = 0; j < n; ++j) {
      if (j == i) continue;
      const auto& th = threats[static_cast<std::size_t>(j)];
      threat_sum += threat_interim[static_cast<std::size_t>(j)]
                                  [static_cast<std::size_t>(th.problem.members().position(player))];
    }
    const warrant_result w =
        warranted_claims(g, player, lambda, alpha, threats[static_cast<std::size_t>(i)]);
    if (!w.ok()) {
      problems += fmt::format(" player {}: {};", player, w.message);
      out.claims.push_back(Eigen::VectorXd::Constant(g.num_types(i), std::nan("")));
      out.nps2_residual = lp::inf;
      continue;
    }
    const Eigen::VectorXd target = (threat_sum + w.claims) / static_cast<double>(n);
    out.nps2_residual =
        std::max(out.nps2_residual,
                 (out.interim[static_cast<std::size_t>(i)] - target).cwiseAbs().maxCoeff());
    shortfall = std::max(shortfall, (target - out.interim[static_cast<std::size_t>(i)]).maxCoeff());
    out.warrant_residual = std::max(out.warrant_residual, w.equation_residual);
    out.claims.push_back(w.claims);
  }
  double largest = 0.0;
  for (const auto& u : out.interim) largest = std::max(largest, u.cwiseAbs().maxCoeff());
  const double scale = 1.0 + largest;
  out.epsilon =
      problems.empty() && detail::min_weight(lambda) > 0.0 ? std::max(shortfall, 0.0) : lp::inf;
  out.passed = problems.empty() && out.conditions.passed &&
               out.nps2_residual <= 100 * tol * scale && out.duality_gap <= 100 * tol * scale &&
               out.warrant_residual <= 100 * tol * scale;
  if (!out.passed) {
    out.message = fmt::format(
        "not verified: NPS2 residual {:.3g}, min lambda {:.3g}, (3.8a) {:.3g}, (3.8b) {:.3g}, "
        "money {:.3g}, duality gap {:.3g}{}",
        out.nps2_residual, out.conditions.min_weight, out.conditions.complementary_slackness,
        out.conditions.virtual_optimality, out.conditions.transfer_imbalance, out.duality_gap,
        problems.empty() ? "" : ";" + problems);
    if (out.conditions.min_weight <= 0.0) {
      out.message +=
          " (the weights reach zero: a degenerate solution, epsilon > 0, which this "
          "solver does not construct)";
    }
  }
  return out;
}

/// \brief Report of check_neutral_procedural(): one certificate per coalition with |S| ≥ 2,
/// in the order of the solution.
struct nps_check {
  bool passed = false;                        ///< every coalition (and singleton) passed
  std::vector<coalition> members;             ///< the coalitions checked, |S| ≥ 2
  std::vector<nps_certificate> certificates;  ///< their certificates
  double singleton_shortfall = 0.0;  ///< max |U_i(μ_i) − max_d u_i| over singletons (4.4)
  std::string message;               ///< the coalitions that failed
};

/// \brief Check a whole neutral procedural solution against \p problem (003 Definition 4,
/// ε = 0): every singleton plan gives each type its best decision (4.4), and every coalition
/// passes check_nps_coalition with the games Γ_S and Γ_{S∖i} rebuilt from \p problem.
/// \param tol tolerance, in (0, 1]. \throws index_error if a coalition is missing from
/// \p solution; model_error if \p problem lacks a coalition's decisions or an entry does not have
/// the shapes of \p problem (a solution of another problem); dimension_error beyond
/// detail::nps_max_players players.
inline nps_check check_neutral_procedural(const bayesian_problem<double>& problem,
                                          const nps_result& solution, double tol = 1e-7) {
  detail::require_in_range(tol, std::numeric_limits<double>::min(), 1.0, "tol",
                           "check_neutral_procedural");
  if (problem.num_players() > detail::nps_max_players) {
    throw dimension_error(fmt::format("check_neutral_procedural: {} players exceed the limit of {}",
                                      problem.num_players(), detail::nps_max_players));
  }
  for (std::uint64_t mask = 1; mask < (std::uint64_t{1} << problem.num_players()); ++mask) {
    const coalition s = coalition::from_mask(mask);
    detail::require_matching_entry(problem, solution.at(s), s, "check_neutral_procedural");
  }
  nps_check out;
  bool all = true;
  for (std::uint64_t mask = 1; mask < (std::uint64_t{1} << problem.num_players()); ++mask) {
    const coalition s = coalition::from_mask(mask);
    const coalition_solution& c = solution.at(s);
    if (s.size() == 1) {
      const coalition_problem<double> g = problem.restrict_to(s);
      const double gap =
          (interim_utilities(g, c.plan, tol)[0] - problem.reservation_utility(s.members()[0]))
              .cwiseAbs()
              .maxCoeff();
      out.singleton_shortfall = std::max(out.singleton_shortfall, gap);
      if (gap > 100 * tol) {
        all = false;
        out.message +=
            fmt::format("singleton {}: not its best decision (gap {:.3g}); ", s.to_string(), gap);
      }
      continue;
    }
    std::vector<coalition_threat> threats;
    for (int i : s.members()) {
      const coalition_solution& th = solution.at(s.without(i));
      threats.push_back(coalition_threat{problem.restrict_to(s.without(i)), th.plan, th.alpha});
    }
    nps_certificate cert =
        check_nps_coalition(problem.restrict_to(s), threats, c.plan, c.lambda, c.alpha, tol);
    if (!cert.passed) {
      all = false;
      out.message += fmt::format("coalition {}: {}; ", s.to_string(), cert.message);
    }
    out.members.push_back(s);
    out.certificates.push_back(std::move(cert));
  }
  out.passed = all;
  return out;
}

namespace detail {

// The threats of S from a solution (threats[k]: the entry of S \ k-th member).
inline std::vector<nps_threat> threats_from(const bayesian_problem<double>& problem,
                                            const nps_result& solved, const coalition& s,
                                            const std::string& where) {
  std::vector<nps_threat> out;
  for (int i : s.members()) {
    const coalition_solution& th = solved.at(s.without(i));
    require_matching_entry(problem, th, s.without(i), where);
    out.push_back(nps_threat{coalition_threat{th.problem, th.plan, th.alpha}, th.interim});
  }
  return out;
}

// The certificate of (plan, scales) copied into a coalition solution; status success iff
// passed (the message gets the certificate's reason).
inline void apply_certificate(const nps_context& c, coalition_solution& out) {
  std::vector<coalition_threat> threats;
  for (const auto& th : c.threats) threats.push_back(th.threat);
  nps_certificate cert =
      check_nps_coalition(c.g, threats, out.plan, out.lambda, out.alpha, c.opt.tolerance);
  out.interim = std::move(cert.interim);
  out.claims = std::move(cert.claims);
  out.conditions = cert.conditions;
  out.warrant_residual = cert.warrant_residual;
  out.nps2_residual = cert.nps2_residual;
  out.duality_gap = cert.duality_gap;
  out.epsilon = cert.epsilon;
  out.verified = cert.passed;
  out.message += cert.message;
  out.status = cert.passed ? status::success : status::numerical_issue;
}

}  // namespace detail

/// \brief Check whether \p plan is a (non-degenerate) neutral procedural threat for coalition
/// \p s (|S| ≥ 2), given the solutions of its sub-coalitions in \p solved (003 Definition 4
/// with ε = 0): finds the most interior scales (λ^S, α^S) that minimise the residual of the
/// warrant equations for this plan (step A) and returns the certificate (verified, residuals,
/// claims). status: success iff verified; numerical_issue if not (the message says why); the
/// LP's status if a scale LP failed.
/// \throws index_error if a sub-coalition S∖i is missing from \p solved; model_error if
/// |S| < 2 or an entry of \p solved does not have the shapes of \p problem; the exceptions of
/// validate_mechanism; invalid_argument on bad options.
[[nodiscard]] inline coalition_solution certify_neutral_procedural(
    const bayesian_problem<double>& problem, const nps_result& solved, const coalition& s,
    const mechanism<double>& plan, const nps_options& options = {}) {
  if (s.size() < 2) throw model_error("certify_neutral_procedural: S needs two members");
  detail::validate_nps_options(options, "certify_neutral_procedural");
  const coalition_problem<double> g = problem.restrict_to(s);
  const detail::nps_context c(
      g, detail::threats_from(problem, solved, s, "certify_neutral_procedural"), options);
  validate_mechanism(g, plan, c.opt.tolerance);
  coalition_solution out;
  out.members = g.members();
  out.problem = g;
  out.plan = plan;
  const detail::scale_step fit = detail::step_a(c, plan);
  if (!fit.supported()) {
    out.interim = interim_utilities(g, out.plan, c.opt.tolerance);
    out.status = fit.unsupported() ? status::numerical_issue : lp::to_result_status(fit.lp_status);
    out.message = fit.unsupported()
                      ? "no scales (lambda, alpha) support this mechanism: it is not incentive "
                        "efficient for the coalition, so it is not a neutral procedural threat"
                      : fit.failure;
    return out;
  }
  const detail::scale_step inner = detail::interior_scales(c, plan, fit);
  if (inner.failed()) {
    out.interim = interim_utilities(g, out.plan, c.opt.tolerance);
    out.status = lp::to_result_status(inner.lp_status);
    out.message = inner.failure;
    return out;
  }
  const detail::nps_scales& z = inner.supported() ? inner.scales : fit.scales;
  out.iterations = 1;
  out.lambda = z.lambda;
  out.alpha = z.alpha;
  detail::apply_certificate(c, out);
  out.verified_given_threats = out.verified;
  return out;
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_NPS_CERTIFICATE_HPP
