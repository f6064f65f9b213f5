#ifndef MECHDESIGN_MECHANISM_NEUTRAL_PROCEDURAL_HPP
#define MECHDESIGN_MECHANISM_NEUTRAL_PROCEDURAL_HPP

/// \file
/// \brief The neutral procedural solution (Definition 4) of a Bayesian cooperative game:
/// threats μ_S for every coalition, built by increasing size, with the virtual scales
/// (λ^S, α^S) and warranted claims ω^S that certify them.
///
/// Reference: 003_c8f96a2253701fcb.txt §5 (Definition 4, NPS1–NPS2, eq. (5.1), the argument
/// (5.2)), §4 (warranted claims (4.11), (4.8)), Appendix A (the map (A.1a–c)).
///
/// No published algorithm computes the solution; this one looks for a non-degenerate solution
/// (ε = 0). For a coalition S, once the threats μ_{S∖i} are known, the conditions are
///   (P) μ_S is IC; (3.8a) α^S vanishes on slack IC constraints; (3.8b) μ_S puts weight only on
///       decisions of maximal virtual worth Σ_j v_j^S(d, t_S);
///   (W) for every i ∈ S the warrant equations (4.11) hold for ω_i = |S| U_i(μ_S) − Σ_{j≠i}
///       U_i(μ_{S∖j}) (which is NPS2 with equality, eq. (5.1)); by (3.8b) the maximum in (4.11)
///       is the virtual worth of μ_S itself, and by (4.8) the threat's virtual worth is
///       Σ_{j∈S∖i} Σ_t λ_j(t) U_j(μ_{S∖i} | t).
/// For fixed μ_S every condition is linear in (λ^S, α^S); for fixed (λ^S, α^S) every condition
/// is linear in μ_S. The solver alternates two LPs that minimise the total absolute residual of
/// (W) — step A over (λ, α) with μ fixed, step B over μ with (λ, α) fixed — each keeping (P),
/// so the residual never increases. It starts from the conditional random dictatorship: the
/// average of every member's strong solution in Γ_S^i(μ_{S∖i}) (or, when a member has none, of
/// an undominated mechanism of (4.3) with equal weights). A final LP maximises min λ among the
/// scales that keep the residual at its minimum. The coalition is solved when the residual is
/// within tolerance and min λ > 0.
///
/// The alternation is a local search. When it fails from the random dictatorship it restarts
/// (nps_options::restarts) from other primal optima, best first by their step-A residual:
///   - the map (A.1a) run as a price adjustment (games without money): at λ solve the primal,
///     read α from its dual, compute the excess e = |S|U − Σ threats − ω(λ, α), and move weight
///     to types with negative excess, λ ← λ·exp(−η e); the iterates cycle around the
///     solution's weights (where the primal optimum is a face), so the average plan of the
///     second half of the path is a start, as is the iterate of smallest ε;
///   - primal optima at seeded random weights (nps_options::seed; no global random state).
/// Where the alternation stalls, joint steps move μ and (λ, α) together: (W) is linearised in
/// both blocks at the current point and one LP with a trust region (and the current support and
/// binding pattern) proposes a move, accepted when it lowers the true residual; rounds of
/// alternation and joint steps repeat while the residual falls.
/// If every start fails, games without money go to a simplicial stage with a convergence
/// guarantee on the weights (mechanism/detail/nps_simplicial.hpp): Merrill's restart algorithm
/// with vector labels finds approximate fixed points of the price map of Appendix A,
/// x ↦ Π(x − τ e(x)) on the simplex of weights, on grids refined twice per restart; local
/// searches start from the plans of the last fixed points (the vertices' primal optima mixed
/// with the facet's weights). Then every coalition that is not certified is classified, each
/// outcome with its own certificate (nps_outcome):
///   - degenerate_certified: for the plan of the last fixed point, the scales of the path's
///     points give ε-certificates whose ε falls with the smallest weight, and at the limit
///     (the vanishing weights set to 0) the last claims satisfy (4.11) and NPS2 at ε = 0 — the
///     closure Definition 4 admits (the remark after it);
///   - epsilon_certified: NPS1–NPS2 at nps_options::epsilon with λ > 0 (the ε-stage: for
///     floors φ on λ an LP bounds the warranted claims by the NPS2 targets, see epsilon_stage(),
///     the claims are recomputed exactly and ε read off);
///   - undecided otherwise, with the ε reached (coalition_solution::epsilon, the path of
///     (min λ, ε) pairs in epsilon_path).
/// A coalition's outcome is never stronger than its threats'. Threats that are not certified
/// bring α^{S∖i} = 0 into the warrant equations, which satisfies (4.7) for any plan (Remark 4).
/// Every returned coalition is re-verified independently: Proposition 1 at (λ^S, α^S), (4.11) by
/// warranted_claims(), NPS2 and the duality gap; check_nps_approximation() re-derives the
/// approximate outcomes. A search LP that stalls (GLPK's iteration limit) ends its attempt with
/// a report.
///
/// Known limits: the simplicial stage needs a bounded primal at weights alone, so it does not
/// run on games with money (their coalitions rely on the local search and the ε-stage). Its
/// labels are vectors over λ while the dual α can jump at a fixed point; there the mixed plan
/// need not satisfy the warrant equations and the refinement can stall at an ε > 0 (the result
/// then says undecided, with that ε).
///
/// Layout: this header holds the driver (coalitions by increasing size); the options and
/// results are in mechanism/nps_result.hpp, the start in mechanism/random_dictatorship.hpp, the
/// independent certificate in mechanism/nps_certificate.hpp, the LP blocks and search steps in
/// mechanism/detail/nps_*.hpp. nps_options::progress reports every stage and can stop the
/// search of a coalition; nps_options::coalition_time_limit bounds its wall-clock time.
///
/// Money: supported with budget_rule::ex_post_balanced (transfers then carry no virtual worth
/// once the money weights balance, a linear condition on (λ, α)); other rules are rejected.
/// Types must be independent, as in the paper.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cstdint>
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
#include "mechdesign/mechanism/detail/nps_lp.hpp"
#include "mechdesign/mechanism/detail/nps_search.hpp"
#include "mechdesign/mechanism/detail/nps_steps.hpp"
#include "mechdesign/mechanism/nps_certificate.hpp"
#include "mechdesign/mechanism/nps_result.hpp"
#include "mechdesign/mechanism/random_dictatorship.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"
#include "mechdesign/mechanism/warranted_claims.hpp"

namespace mechdesign {

namespace detail {

// The entry of a singleton coalition: its best decision for every type (4.4), α = 0.
inline coalition_solution singleton_solution(const bayesian_problem<double>& problem,
                                             const coalition& s, double tol) {
  const coalition_threat th = singleton_threat(problem, s.members()[0]);
  coalition_solution sol;
  sol.members = s;
  sol.problem = th.problem;
  sol.plan = th.plan;
  sol.alpha = th.alpha;
  sol.interim = interim_utilities(th.problem, th.plan);
  const index_t nt = th.problem.num_types(0);
  sol.lambda = {Eigen::VectorXd::Constant(nt, 1.0 / static_cast<double>(nt))};
  sol.claims = sol.interim;
  // the best decision for every type is IC with no binding constraint: α = 0, any λ > 0
  sol.conditions = check_efficiency_conditions(sol.problem, sol.plan, sol.lambda, sol.alpha, tol);
  sol.verified = sol.conditions.passed;
  sol.verified_given_threats = sol.verified;
  sol.local_outcome = sol.verified ? nps_outcome::certified : nps_outcome::undecided;
  sol.outcome = sol.local_outcome;
  sol.status = sol.verified ? status::success : status::numerical_issue;
  return sol;
}

}  // namespace detail

/// \brief The neutral procedural solution of \p problem (003 Definition 4), coalition by
/// coalition in increasing size; see the file comment for the method and its guarantees.
/// Decisions must be registered for every coalition.
/// \param options the knobs of nps_options, each within its documented range; its progress
/// callback is called at every stage of every coalition with |S| ≥ 2.
/// \returns every coalition with its certificate and outcome; status success iff every coalition
/// is decided (nps_result::decided; nps_result::verified says all are certified). If the
/// start of a coalition cannot be computed (an LP of Γ_S^i failed), that coalition is the last
/// entry (with the LP's status) and the larger ones are absent.
/// \throws model_error (a coalition without decisions — checked for all 2^n − 1 coalitions
/// before any is solved —, correlated types, a budget rule other than ex_post_balanced);
/// dimension_error beyond detail::nps_max_players (20) players; invalid_argument / non_finite_error
/// on options out of range.
[[nodiscard]] inline nps_result neutral_procedural_solution(const bayesian_problem<double>& problem,
                                                            const nps_options& options = {}) {
  detail::validate_nps_options(options, "neutral_procedural_solution");
  if (!problem.beliefs().is_independent()) {
    throw model_error("neutral_procedural_solution: 003 assumes independent types");
  }
  if (problem.money() && *problem.money() != budget_rule::ex_post_balanced) {
    throw model_error(
        "neutral_procedural_solution: money is supported with budget_rule::ex_post_balanced only");
  }
  const int n = problem.num_players();
  if (n > detail::nps_max_players) {
    throw dimension_error(
        fmt::format("neutral_procedural_solution: {} players exceed the limit of {}", n,
                    detail::nps_max_players));
  }
  // Every coalition needs decisions: checked before anything is allocated or solved.
  for (std::uint64_t m = 1; m < (std::uint64_t{1} << n); ++m) {
    if (!problem.has_decisions(coalition::from_mask(m))) {
      throw model_error(fmt::format("neutral_procedural_solution: coalition {} has no decisions",
                                    coalition::from_mask(m).to_string()));
    }
  }
  std::vector<std::uint64_t> masks;
  for (std::uint64_t m = 1; m < (std::uint64_t{1} << n); ++m) masks.push_back(m);
  std::stable_sort(masks.begin(), masks.end(), [](std::uint64_t a, std::uint64_t b) {
    return coalition::from_mask(a).size() < coalition::from_mask(b).size();
  });
  nps_result result;
  std::map<std::uint64_t, std::size_t> where;
  result.verified = true;
  result.decided = true;
  auto record = [&](std::uint64_t mask, coalition_solution sol) {
    if (sol.outcome == nps_outcome::undecided) {
      if (result.decided) result.status = sol.status;
      result.decided = false;
    }
    if (!sol.verified) {
      result.verified = false;
      result.message +=
          fmt::format("coalition {}: {}; ", coalition::from_mask(mask).to_string(), sol.message);
    }
    where[mask] = result.coalitions.size();
    result.coalitions.push_back(std::move(sol));
  };
  for (std::uint64_t mask : masks) {
    const coalition s = coalition::from_mask(mask);
    if (s.size() == 1) {
      record(mask, detail::singleton_solution(problem, s, options.tolerance));
      continue;
    }
    const coalition_problem<double> g = problem.restrict_to(s);
    std::vector<detail::nps_threat> threats;
    std::vector<coalition_threat> plain;
    nps_outcome threat_outcome = nps_outcome::certified;
    std::string unverified;
    for (int i : s.members()) {
      const coalition_solution& th = result.coalitions[where.at(s.without(i).mask())];
      threats.push_back(
          {coalition_threat{th.problem, th.plan, detail::threat_alpha(th)}, th.interim});
      plain.push_back(threats.back().threat);
      threat_outcome = std::min(threat_outcome, th.outcome);
      if (!th.verified) {
        unverified +=
            fmt::format("its threat {} is {}; ", th.members.to_string(), to_string(th.outcome));
      }
    }
    // start: the conditional random dictatorship over strong (or undominated) solutions
    const random_dictatorship_result start =
        conditional_random_dictatorship(g, plain, options.primal, options.tolerance);
    if (!start.ok()) {
      coalition_solution failed;
      failed.members = s;
      failed.problem = g;
      failed.status = start.status;
      failed.message = start.message;
      failed.dictator_outcomes = start.outcomes;
      record(mask, std::move(failed));
      return result;
    }
    const detail::nps_context c(g, std::move(threats), options);
    detail::nps_monitor monitor(s, options);
    coalition_solution sol = detail::solve_coalition(c, start.plan, start.outcomes, monitor);
    // A certificate is no stronger than the threats it is relative to.
    sol.verified_given_threats = sol.local_outcome == nps_outcome::certified;
    sol.outcome = std::min(sol.local_outcome, threat_outcome);
    sol.verified = sol.outcome == nps_outcome::certified;
    if (!unverified.empty()) sol.message += unverified;
    if (sol.outcome != nps_outcome::undecided) {
      sol.status = status::success;
    } else if (sol.status == status::success) {
      sol.status = status::numerical_issue;
    }
    if (options.progress) (void)options.progress(s, "done", sol.nps2_residual);
    record(mask, std::move(sol));
  }
  if (result.decided) result.status = status::success;
  return result;
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_NEUTRAL_PROCEDURAL_HPP
