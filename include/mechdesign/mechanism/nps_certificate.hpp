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
#include <map>
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
#include "mechdesign/mechanism/efficiency.hpp"
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

namespace detail {

// Σ_{j≠i} U_i(μ_{S∖j} | ·) for every member i of S, from the threats' plans (threats[k]: the
// threat of S ∖ k-th member).
inline type_vectors<double> threat_sums(const coalition_problem<double>& g,
                                        const std::vector<coalition_threat>& threats, double tol) {
  const int n = g.num_members();
  std::vector<type_vectors<double>> threat_interim;
  for (const auto& th : threats)
    threat_interim.push_back(interim_utilities(th.problem, th.plan, tol));
  type_vectors<double> out;
  for (int i = 0; i < n; ++i) {
    const int player = g.members().members()[static_cast<std::size_t>(i)];
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(g.num_types(i));
    for (int j = 0; j < n; ++j) {
      if (j == i) continue;
      const auto& th = threats[static_cast<std::size_t>(j)];
      sum += threat_interim[static_cast<std::size_t>(j)]
                           [static_cast<std::size_t>(th.problem.members().position(player))];
    }
    out.push_back(std::move(sum));
  }
  return out;
}

}  // namespace detail

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
  const type_vectors<double> sums = detail::threat_sums(g, threats, tol);
  std::string problems;
  double shortfall = 0.0;
  for (int i = 0; i < n; ++i) {
    const int player = g.members().members()[static_cast<std::size_t>(i)];
    const Eigen::VectorXd& threat_sum = sums[static_cast<std::size_t>(i)];
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
          " (the weights reach zero: no certificate at epsilon = 0; a degenerate solution "
          "is certified by its epsilon path, see check_nps_approximation)";
    }
  }
  return out;
}

namespace detail {

// The α^{S∖i} a threat brings into the warrant equations of S: the entry's own α when it is
// certified locally (then (3.8a) for its plan is (4.7)), otherwise 0, which satisfies (4.7)
// for any plan (003 Remark 4).
inline type_matrices<double> threat_alpha(const coalition_solution& entry) {
  if (entry.members.size() == 1 || entry.local_outcome == nps_outcome::certified) {
    return entry.alpha;
  }
  type_matrices<double> zero;
  for (int k = 0; k < entry.problem.num_members(); ++k) {
    const index_t nk = entry.problem.num_types(k);
    zero.push_back(Eigen::MatrixXd::Zero(nk, nk));
  }
  return zero;
}

// A path of (min λ, ε) pairs converges to a degenerate limit: at least three points, and over
// the last two steps both the smallest weight and ε fall (by factors 0.7 and 0.9), or ε is
// already at most \p negligible.
inline bool degenerate_path(const std::vector<std::pair<double, double>>& path, double negligible) {
  if (path.size() < 3) return false;
  for (std::size_t k = path.size() - 2; k < path.size(); ++k) {
    const auto& [w0, e0] = path[k - 1];
    const auto& [w1, e1] = path[k];
    if (!(std::isfinite(e0) && std::isfinite(e1) && w1 > 0.0)) return false;
    if (!(w1 <= 0.7 * w0)) return false;
    if (!(e1 <= 0.9 * e0 || e1 <= negligible)) return false;
  }
  return true;
}

}  // namespace detail

/// \brief Report of check_nps_approximation(): an approximate or degenerate certificate of one
/// coalition, recomputed from the data.
struct nps_approximation_check {
  bool passed = false;                           ///< the claimed outcome is re-established
  nps_outcome outcome = nps_outcome::undecided;  ///< the outcome that was checked
  double epsilon = lp::inf;                      ///< ε of Definition 4 at the entry's (λ^S, α^S)
  double min_weight = 0.0;                       ///< min λ^S of the entry (must be > 0)
  bool incentive_efficient = false;              ///< test_incentive_efficiency on μ_S
  bool converging = false;                       ///< degenerate: the path's ε and weights fall
  double limit_min_weight = lp::inf;             ///< degenerate: min λ^S at the limit
  double limit_warrant_residual = lp::inf;  ///< degenerate: (4.11) residual of the limit claims
  double limit_shortfall = lp::inf;         ///< degenerate: NPS2 shortfall of the limit claims
  std::string message;                      ///< what failed (empty if passed)
};

/// \brief Check the approximate certificate of coalition S (game \p g = Γ_S, |S| ≥ 2) stated
/// by \p entry (its local_outcome, plan, scales, epsilon_path and approximation) against
/// \p threats (threats[k] = μ_{S∖k-th member} with an α^{S∖k} satisfying (4.7)) (003
/// Definition 4 and the remark after it). Everything is recomputed from the data:
///   - epsilon_certified: λ^S > 0, the warranted claims (4.11) at (λ^S, α^S), NPS2 at
///     approximation.epsilon_target (plus the tolerance), and μ_S incentive efficient;
///   - degenerate_certified: the same at the path's smallest ε, the path converging (both ε and
///     the smallest weight falling), and at the limit (λ^S ≥ 0 with some weight 0, Σ = 1,
///     α^S ≥ 0) the limit claims satisfying (4.11) and NPS2 at ε = 0 (the targets
///     |S| U_i(μ_S) − Σ_{j≠i} U_i(μ_{S∖j}) recomputed here) within approximation.limit_tolerance
///     (but at least 100·tol·(1 + max|U|) and at most 100 times that), money weights balanced.
/// Other outcomes are not approximate: the report fails and says so.
/// \param tol tolerance, in (0, 1]; residuals pass at 100·tol·(1 + max|U|).
/// \param options LP settings of the incentive-efficiency test.
/// \throws model_error if |S| < 2; invalid_argument / non_finite_error on tol out of range;
/// the exceptions of check_nps_coalition, warrant_equation_residual and
/// test_incentive_efficiency (dimension_error, invalid_argument, model_error) on an entry or
/// threats with other shapes than Γ_S's.
[[nodiscard]] inline nps_approximation_check check_nps_approximation(
    const coalition_problem<double>& g, const std::vector<coalition_threat>& threats,
    const coalition_solution& entry, double tol = 1e-7, const primal_options& options = {}) {
  detail::require_in_range(tol, std::numeric_limits<double>::min(), 1.0, "tol",
                           "check_nps_approximation");
  if (g.num_members() < 2) throw model_error("check_nps_approximation: S needs two members");
  nps_approximation_check out;
  out.outcome = entry.local_outcome;
  if (out.outcome != nps_outcome::epsilon_certified &&
      out.outcome != nps_outcome::degenerate_certified) {
    out.message = fmt::format("check_nps_approximation: outcome {} is not approximate",
                              to_string(out.outcome));
    return out;
  }
  if (entry.lambda.empty() || entry.alpha.empty()) {
    out.message = "check_nps_approximation: the entry has no scales";
    return out;
  }
  const nps_certificate cert =
      check_nps_coalition(g, threats, entry.plan, entry.lambda, entry.alpha, tol);
  double largest = 0.0;
  for (const auto& u : cert.interim) largest = std::max(largest, u.cwiseAbs().maxCoeff());
  const double slack = 100 * tol * (1.0 + largest);
  out.epsilon = cert.epsilon;
  out.min_weight = detail::min_weight(entry.lambda);
  const efficiency_result ie = test_incentive_efficiency(g, entry.plan, tol, options);
  out.incentive_efficient = ie.efficient();
  std::string why;
  if (!(out.min_weight > 0.0)) why += fmt::format(" min lambda {:.3g} is not > 0;", out.min_weight);
  if (!out.incentive_efficient) why += " mu_S is not incentive efficient;";
  if (g.money() && cert.conditions.transfer_imbalance > slack) {
    why += fmt::format(" money weights unbalanced by {:.3g};", cert.conditions.transfer_imbalance);
  }
  if (out.outcome == nps_outcome::epsilon_certified) {
    if (!(out.epsilon <= entry.approximation.epsilon_target + slack)) {
      why += fmt::format(" epsilon {:.3g} exceeds the target {:.3g};", out.epsilon,
                         entry.approximation.epsilon_target);
    }
  } else {
    const auto& path = entry.epsilon_path;
    double smallest = lp::inf;
    for (const auto& pt : path) smallest = std::min(smallest, pt.second);
    if (!(out.epsilon <= smallest + slack)) {
      why += fmt::format(" epsilon {:.3g} at the scales exceeds the path's {:.3g};", out.epsilon,
                         smallest);
    }
    out.converging = detail::degenerate_path(path, slack);
    if (!out.converging) why += " the path does not converge to a degenerate limit;";
    const auto& a = entry.approximation;
    if (a.limit_lambda.empty() || a.limit_alpha.empty()) {
      why += " no limit scales;";
    } else {
      detail::with_entry("check_nps_approximation", [&] {
        detail::check_type_vectors(g, a.limit_lambda, "limit_lambda", true);
        detail::check_alpha(g, a.limit_alpha);
      });
      out.limit_min_weight = detail::min_weight(a.limit_lambda);
      double total = 0.0;
      for (const auto& l : a.limit_lambda) total += l.sum();
      if (std::abs(total - 1.0) > slack) why += " the limit weights do not sum to 1;";
      if (out.limit_min_weight != 0.0) why += " no weight vanishes at the limit;";
      // the NPS2 targets |S| U_i(μ_S) − Σ_{j≠i} U_i(μ_{S∖j}) (NPS2 with equality)
      const type_vectors<double> sums = detail::threat_sums(g, threats, tol);
      if (static_cast<int>(a.limit_claims.size()) != g.num_members()) {
        why += " no limit claims;";
      } else {
        out.limit_warrant_residual = 0.0;
        out.limit_shortfall = 0.0;
        for (int i = 0; i < g.num_members(); ++i) {
          const auto ui = static_cast<std::size_t>(i);
          const int player = g.members().members()[ui];
          out.limit_warrant_residual =
              std::max(out.limit_warrant_residual,
                       warrant_equation_residual(g, player, a.limit_lambda, a.limit_alpha,
                                                 threats[ui], a.limit_claims[ui]));
          // ω − ω̂ with ω̂ = |S| U_i(μ_S) − Σ_{j≠i} U_i(μ_{S∖j}), over |S|
          const Eigen::VectorXd excess_claim =
              a.limit_claims[ui] + sums[ui] - g.num_members() * cert.interim[ui];
          out.limit_shortfall =
              std::max(out.limit_shortfall, excess_claim.maxCoeff() / g.num_members());
        }
        const double accepted = std::min(std::max(a.limit_tolerance, slack), 100.0 * slack);
        if (!(out.limit_warrant_residual <= accepted)) {
          why += fmt::format(" at the limit (4.11) is off by {:.3g} (accepted {:.3g});",
                             out.limit_warrant_residual, accepted);
        }
        if (!(out.limit_shortfall <= accepted)) {
          why += fmt::format(" at the limit NPS2 falls short by {:.3g} (accepted {:.3g});",
                             out.limit_shortfall, accepted);
        }
      }
      if (g.money() && transfer_imbalance(g, a.limit_lambda, a.limit_alpha) > slack) {
        why += " money weights unbalanced at the limit;";
      }
    }
  }
  out.passed = why.empty();
  if (!out.passed) {
    out.message = fmt::format("{} not re-established:{}", to_string(out.outcome), why);
  }
  return out;
}

/// \brief Report of check_neutral_procedural(): one certificate per coalition with |S| ≥ 2,
/// in the order of the solution.
struct nps_check {
  bool passed = false;                        ///< every coalition certified at ε = 0 (λ > 0)
  bool decided = false;                       ///< no coalition undecided after the re-check
  std::vector<coalition> members;             ///< the coalitions checked, |S| ≥ 2
  std::vector<nps_certificate> certificates;  ///< their certificates at ε = 0
  /// The outcome re-established for each, its threats' re-established outcomes included
  std::vector<nps_outcome> outcomes;
  /// The re-check of approximate claims (default-constructed for other outcomes)
  std::vector<nps_approximation_check> approximations;
  double singleton_shortfall = 0.0;  ///< max |U_i(μ_i) − max_d u_i| over singletons (4.4)
  std::string message;               ///< the coalitions that failed
};

/// \brief Check a whole neutral procedural solution against \p problem (003 Definition 4):
/// every singleton plan gives each type its best decision (4.4), and every coalition passes
/// check_nps_coalition (ε = 0) with the games Γ_S and Γ_{S∖i} rebuilt from \p problem, or, if
/// its entry claims an approximate outcome, check_nps_approximation. A threat brings its own α
/// when it is certified and 0 otherwise (detail::threat_alpha, 003 Remark 4).
/// \param tol tolerance, in (0, 1]. \param options LP settings of the incentive-efficiency
/// tests of approximate claims. \throws index_error if a coalition is missing from
/// \p solution; model_error if \p problem lacks a coalition's decisions or an entry does not have
/// the shapes of \p problem (a solution of another problem); dimension_error beyond
/// detail::nps_max_players players.
inline nps_check check_neutral_procedural(const bayesian_problem<double>& problem,
                                          const nps_result& solution, double tol = 1e-7,
                                          const primal_options& options = {}) {
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
  bool decided = true;
  std::map<std::uint64_t, nps_outcome> established;
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
      const bool best = gap <= 100 * tol;
      established[mask] = best ? nps_outcome::certified : nps_outcome::undecided;
      if (!best) {
        all = false;
        decided = false;
        out.message +=
            fmt::format("singleton {}: not its best decision (gap {:.3g}); ", s.to_string(), gap);
      }
      continue;
    }
    std::vector<coalition_threat> threats;
    nps_outcome outcome = nps_outcome::certified;
    for (int i : s.members()) {
      const coalition_solution& th = solution.at(s.without(i));
      threats.push_back(
          coalition_threat{problem.restrict_to(s.without(i)), th.plan, detail::threat_alpha(th)});
      outcome = std::min(outcome, established.at(s.without(i).mask()));
    }
    const coalition_problem<double> g = problem.restrict_to(s);
    nps_certificate cert = check_nps_coalition(g, threats, c.plan, c.lambda, c.alpha, tol);
    nps_approximation_check approx;
    nps_outcome local = nps_outcome::undecided;
    if (cert.passed) {
      local = nps_outcome::certified;
    } else if (c.local_outcome == nps_outcome::epsilon_certified ||
               c.local_outcome == nps_outcome::degenerate_certified) {
      approx = check_nps_approximation(g, threats, c, tol, options);
      if (approx.passed) local = c.local_outcome;
    }
    outcome = std::min(outcome, local);
    if (!cert.passed) {
      all = false;
      out.message += fmt::format("coalition {}: {}{}; ", s.to_string(), cert.message,
                                 approx.message.empty() ? "" : "; " + approx.message);
    }
    if (outcome == nps_outcome::undecided) decided = false;
    established[mask] = outcome;
    out.members.push_back(s);
    out.certificates.push_back(std::move(cert));
    out.outcomes.push_back(outcome);
    out.approximations.push_back(std::move(approx));
  }
  out.passed = all;
  out.decided = decided;
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
    out.push_back(nps_threat{coalition_threat{th.problem, th.plan, threat_alpha(th)}, th.interim});
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
  out.local_outcome = cert.passed ? nps_outcome::certified : nps_outcome::undecided;
  out.outcome = out.local_outcome;
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
