#ifndef MECHDESIGN_MECHANISM_NPS_RESULT_HPP
#define MECHDESIGN_MECHANISM_NPS_RESULT_HPP

/// \file
/// \brief Options and results of the neutral procedural solution (003 Definition 4): the knobs
/// of the search, its progress callback and time budget, the per-coalition solution with its
/// certificate, and the solution of the whole game.
///
/// Reference: 003_c8f96a2253701fcb.txt §5 (Definition 4, NPS1–NPS2), Appendix A. The method is
/// described in mechanism/neutral_procedural.hpp.

#include <fmt/format.h>

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/types.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/mechanism/primal.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"

namespace mechdesign {

/// \brief Progress callback of the neutral procedural search: called with the coalition being
/// solved, the name of the stage and its current residual, at every stage and round (see
/// nps_options::progress for the stage names). Return true to go on, false to stop the search
/// for this coalition (it then ends with status iteration_limit).
using nps_progress = std::function<bool(const coalition&, std::string_view stage, double residual)>;

/// \brief Knobs of the neutral procedural solver.
struct nps_options {
  /// LP settings for every solve; an iteration_limit of 0 becomes 20000 in the search LPs
  primal_options primal;
  double tolerance = 1e-7;  ///< residual accepted for (W), (3.8a–b) and NPS2; in (0, 1]
  int max_iterations = 50;  ///< alternations of steps A and B per coalition and start; ≥ 0
  /// Weight vectors λ⁰ sampled (deterministically, from \ref seed) when the search from the
  /// conditional random dictatorship fails; each gives a start: the primal optimum at λ⁰. ≥ 0.
  int restart_candidates = 24;
  int restarts = 6;                 ///< of those, the best (by the step-A residual) searched; ≥ 0
  std::uint64_t seed = 0x5eed0003;  ///< seed of the restart sample (no global random state)
  /// Called at each stage and round of the search of a coalition with |S| ≥ 2, with the
  /// residual at that point (for "price adjustment" and "epsilon stage": the ε reached). Stages:
  /// "start" (step A at the random dictatorship), "alternation" (one step B + step A),
  /// "joint step" (one linearised joint step), "round" (end of a round of alternation and joint
  /// steps), "restart" (before each restart; residual: the start's step-A residual), "price
  /// adjustment" (one step of (A.1a)), "simplicial" (one pivot of the simplicial stage;
  /// residual: the grid), "epsilon stage" (one floor), "done" (the coalition's final NPS2
  /// residual). Returning false stops the search for that coalition: its best point
  /// so far is certified and returned with status iteration_limit. Empty: no reports.
  nps_progress progress;
  /// Wall-clock budget of the search for one coalition, in seconds (> 0; default: none). When
  /// it runs out the search stops as if the callback had returned false, with status time_limit.
  double coalition_time_limit = std::numeric_limits<double>::infinity();
  /// The ε of an approximate certificate (Definition 4 at one ε > 0), relative to the largest
  /// |utility| of the coalition's game (max(1, max |u|)): a coalition that has no certificate at
  /// ε = 0 and no degenerate certificate is epsilon_certified when NPS1–NPS2 hold at
  /// epsilon × scale with λ^S > 0. In [0, 1]; 0 disables approximate certificates.
  double epsilon = 1e-6;
  /// Primal solves allowed to the simplicial stage (Merrill's restart algorithm on the weights,
  /// games without money, after the restarts fail); ≥ 0, 0 disables it.
  int simplicial_evaluations = 20000;
};

/// \brief What the neutral procedural search established for a coalition (003 Definition 4 and
/// the remark after it), strongest first:
///   - certified: NPS1–NPS2 hold at ε = 0 with λ^S > 0 (a non-degenerate solution);
///   - degenerate_certified: along a path of certificates for μ_S with λ^S bounded below by
///     shrinking floors, ε and the smallest weight fall together, and at the limit (λ^S ≥ 0 with
///     zeros) NPS1–NPS2 hold at ε = 0 (claims warranted by (4.11), NPS2 without shortfall):
///     the closure Definition 4 admits, with no single λ^S > 0 giving ε = 0;
///   - epsilon_certified: NPS1–NPS2 hold at the user's ε (nps_options::epsilon) with λ^S > 0;
///   - undecided: none of these was found (the message says what was reached).
/// A coalition's outcome is never stronger than its threats' outcomes.
enum class nps_outcome { undecided, epsilon_certified, degenerate_certified, certified };

/// \brief The name of an outcome ("certified", "degenerate_certified", "epsilon_certified",
/// "undecided") (003 Definition 4); every value of nps_outcome is accepted.
inline std::string_view to_string(nps_outcome o) {
  switch (o) {
    case nps_outcome::certified:
      return "certified";
    case nps_outcome::degenerate_certified:
      return "degenerate_certified";
    case nps_outcome::epsilon_certified:
      return "epsilon_certified";
    case nps_outcome::undecided:
      break;
  }
  return "undecided";
}

/// \brief The approximate part of a coalition's certificate (003 Definition 4 with ε > 0 and its
/// closure); the ε reached with λ^S > 0 and the path of certificates are
/// coalition_solution::epsilon and coalition_solution::epsilon_path.
struct nps_approximation {
  double epsilon_target = 0.0;        ///< nps_options::epsilon × the game's utility scale
  type_vectors<double> limit_lambda;  ///< λ^S ≥ 0 at the limit (degenerate only; Σ = 1)
  type_matrices<double> limit_alpha;  ///< α^S at the limit (degenerate only)
  /// ω^S at the limit: claims warranted at the limit scales (4.11) that satisfy NPS2 at ε = 0
  /// (the last certificate's claims; bounded, so they carry over to the zero weights)
  type_vectors<double> limit_claims;
  double limit_warrant_residual = lp::inf;  ///< max |(4.11) residual| of limit_claims
  /// max over i, t of (Σ_{j≠i} U_i(μ_{S∖j}|t) + ω_i(t))/|S| − U_i(μ_S|t) at the limit claims
  double limit_shortfall = lp::inf;
  double limit_tolerance = 0.0;  ///< what the limit residuals were accepted at
};

namespace detail {

/// Throws invalid_argument / non_finite_error unless every knob of \p o is in its range.
inline void validate_nps_options(const nps_options& o, const char* where) {
  require_in_range(o.tolerance, std::numeric_limits<double>::min(), 1.0, "tolerance", where);
  require_in_range(o.primal.tolerance, 0.0, 1.0, "primal.tolerance", where);
  if (o.max_iterations < 0 || o.restart_candidates < 0 || o.restarts < 0 ||
      o.simplicial_evaluations < 0) {
    throw invalid_argument(fmt::format(
        "{}: max_iterations ({}), restart_candidates ({}), restarts ({}) and "
        "simplicial_evaluations ({}) must be >= 0",
        where, o.max_iterations, o.restart_candidates, o.restarts, o.simplicial_evaluations));
  }
  require_in_range(o.coalition_time_limit, std::numeric_limits<double>::min(),
                   std::numeric_limits<double>::infinity(), "coalition_time_limit", where);
  require_in_range(o.epsilon, 0.0, 1.0, "epsilon", where);
}

}  // namespace detail

/// \brief The solution for one coalition and its certificate. status is success iff the
/// coalition is decided (outcome is not undecided, its chain of threats included);
/// numerical_issue when the search ended undecided (the message says why, with the ε reached);
/// iteration_limit / time_limit when the progress callback or the time budget stopped it.
struct coalition_solution : result_base {
  /// What is established, its chain of threats included (never stronger than a threat's)
  nps_outcome outcome = nps_outcome::undecided;
  /// What is established for the coalition's own conditions relative to its threats as returned
  nps_outcome local_outcome = nps_outcome::undecided;
  /// ε-certificate and degenerate limit (filled when the search did not certify at ε = 0)
  nps_approximation approximation;
  coalition members;
  coalition_problem<double> problem;           ///< Γ_S
  mechanism<double> plan;                      ///< μ_S
  type_vectors<double> interim;                ///< U_i(μ_S | t_i)
  type_vectors<double> lambda;                 ///< λ^S, Σ = 1 (singletons: uniform)
  type_matrices<double> alpha;                 ///< α^S
  type_vectors<double> claims;                 ///< ω_i^S (singletons: their utilities)
  std::vector<std::string> dictator_outcomes;  ///< strong solution status per member (start point)
  efficiency_conditions<double> conditions;    ///< Proposition 1 at (μ_S, λ^S, α^S)
  double warrant_residual = 0.0;               ///< max over i, t of |(4.11) residual| (recomputed)
  double nps2_residual = 0.0;  ///< max |U_i(μ_S|t) − (Σ_{j≠i} U_i(μ_{S∖j}|t) + ω_i(t))/|S||
  double duality_gap = 0.0;    ///< |Σ λ U(μ_S) − (3.7) at (λ, α)|
  int iterations = 0;          ///< A/B alternations used (in the returned attempt)
  int restarts = 0;            ///< starts tried after the conditional random dictatorship
  /// The smallest ε of Definition 4 at which NPS1–NPS2 hold for μ_S with the returned scales
  /// (λ^S > 0): max over i, t of (Σ_{j≠i} U_i(μ_{S∖j}|t) + ω_i(t))/|S| − U_i(μ_S|t), at least 0;
  /// infinite when the warrant equations are singular. 0 (up to rounding) when verified.
  double epsilon = lp::inf;
  /// For an uncertified coalition: ε-certificates found with λ^S bounded below by a shrinking
  /// floor, as (min λ^S, ε) pairs, floors decreasing. ε falling with the weight is the
  /// signature of a degenerate solution (λ^S → 0 on some type as ε → 0); the returned scales
  /// are those of the smallest ε.
  std::vector<std::pair<double, double>> epsilon_path;
  bool incentive_efficient = false;  ///< μ_S passed test_incentive_efficiency (λ > 0 exists)
  /// Detail of the certificate: all residuals within tolerance, min λ > 0, every threat verified
  bool verified = false;
  /// The coalition's own conditions hold relative to its threats μ_{S∖i} as returned (whether
  /// or not those are verified themselves)
  bool verified_given_threats = false;
};

/// \brief The neutral procedural solution: one entry per coalition, by increasing size. status
/// is success iff every coalition is decided (certified, degenerate_certified or
/// epsilon_certified); otherwise the status of the first undecided coalition, and the message
/// collects every uncertified coalition's reason.
struct nps_result : result_base {
  std::vector<coalition_solution> coalitions;
  bool verified = false;  ///< every coalition certified at ε = 0 with λ > 0
  bool decided = false;   ///< no coalition undecided (ok() says the same)

  /// \brief The entry of coalition \p s. \throws index_error if absent.
  const coalition_solution& at(const coalition& s) const {
    for (const auto& c : coalitions) {
      if (c.members == s) return c;
    }
    throw index_error(fmt::format("nps_result: no coalition {}", s.to_string()));
  }
};

namespace detail {

/// The largest number of players neutral_procedural_solution and check_neutral_procedural
/// accept: 2^n − 1 coalitions are each solved by LPs, so 20 players (about 10^6 coalitions) is
/// already far beyond any practical run; larger problems are refused before anything is built.
constexpr int nps_max_players = 20;

// Throws model_error unless \p entry is the entry of coalition \p s computed for \p problem:
// its members are s, and its plan, interim utilities, scales and claims have the shapes of
// problem.restrict_to(s) (an entry of another problem's nps_result is refused instead of
// reaching an Eigen assertion).
inline void require_matching_entry(const bayesian_problem<double>& problem,
                                   const coalition_solution& entry, const coalition& s,
                                   const std::string& where) {
  auto fail = [&](const std::string& what) {
    throw model_error(
        fmt::format("{}: the entry of coalition {} does not belong to this problem ({})", where,
                    s.to_string(), what));
  };
  if (entry.members != s) fail(fmt::format("its members are {}", entry.members.to_string()));
  if (!problem.has_decisions(s)) fail("the problem has no decisions for it");
  const index_t decisions = static_cast<index_t>(problem.decision_labels(s).size());
  index_t profiles = 1;
  for (int i : s.members()) profiles *= problem.types().num_types(i);
  const auto& plan = entry.plan;
  if (plan.probabilities.rows() != decisions || plan.probabilities.cols() != profiles) {
    fail(fmt::format("its plan is {}x{}, expected {}x{}", plan.probabilities.rows(),
                     plan.probabilities.cols(), decisions, profiles));
  }
  if (entry.problem.num_members() != s.size() || entry.problem.num_profiles() != profiles ||
      entry.problem.num_decisions() != decisions) {
    fail("its game has other dimensions");
  }
  auto check_vectors = [&](const type_vectors<double>& v, const char* what) {
    if (v.empty()) return;
    if (static_cast<int>(v.size()) != s.size())
      fail(fmt::format("{} has {} members", what, v.size()));
    for (int k = 0; k < s.size(); ++k) {
      const index_t nk = problem.types().num_types(s.members()[static_cast<std::size_t>(k)]);
      if (v[static_cast<std::size_t>(k)].size() != nk)
        fail(fmt::format("{} has other sizes", what));
    }
  };
  check_vectors(entry.interim, "interim");
  check_vectors(entry.lambda, "lambda");
  check_vectors(entry.claims, "claims");
  if (!entry.alpha.empty()) {
    if (static_cast<int>(entry.alpha.size()) != s.size()) fail("alpha has other sizes");
    for (int k = 0; k < s.size(); ++k) {
      const index_t nk = problem.types().num_types(s.members()[static_cast<std::size_t>(k)]);
      const auto& a = entry.alpha[static_cast<std::size_t>(k)];
      if (a.rows() != nk || a.cols() != nk) fail("alpha has other sizes");
    }
  }
}

}  // namespace detail

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_NPS_RESULT_HPP
