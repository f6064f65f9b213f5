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
/// (ε = 0). For a coalition S, once the threats μ_{S\i} are known, the conditions are
///   (P) μ_S is IC; (3.8a) α^S vanishes on slack IC constraints; (3.8b) μ_S puts weight only on
///       decisions of maximal virtual worth Σ_j v_j^S(d, t_S);
///   (W) for every i ∈ S the warrant equations (4.11) hold for ω_i = |S| U_i(μ_S) − Σ_{j≠i}
///       U_i(μ_{S\j}) (which is NPS2 with equality, eq. (5.1)); by (3.8b) the maximum in (4.11)
///       is the virtual worth of μ_S itself, and by (4.8) the threat's virtual worth is
///       Σ_{j∈S\i} Σ_t λ_j(t) U_j(μ_{S\i} | t).
/// For fixed μ_S every condition is linear in (λ^S, α^S); for fixed (λ^S, α^S) every condition
/// is linear in μ_S. The solver alternates two LPs that minimise the total absolute residual of
/// (W) — step A over (λ, α) with μ fixed, step B over μ with (λ, α) fixed — each keeping (P),
/// so the residual never increases. It starts from the conditional random dictatorship: the
/// average of every member's strong solution in Γ_S^i(μ_{S\i}) (or, when a member has none, of
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
/// If every start fails, an ε-stage looks for the literal certificate of Definition 4 at the
/// best plan: for floors φ on λ an LP bounds the warranted claims by the NPS2 targets (see
/// epsilon_stage()), the claims are recomputed exactly and the ε at which NPS1–NPS2 hold is
/// reported (coalition_solution::epsilon, with the path of (φ, ε) pairs). ε shrinking with φ is
/// the signature of a degenerate solution (some λ_i(t) → 0), which Definition 4 admits but
/// which no finite computation certifies for every ε > 0; the result then says so, with the
/// ε reached, and is not marked verified. Every returned coalition is re-verified
/// independently: Proposition 1 at (λ^S, α^S), (4.11) by warranted_claims(), NPS2, and the
/// duality gap. A search LP that stalls (GLPK's iteration limit) ends its attempt with a report.
///
/// Money: supported with budget_rule::ex_post_balanced (transfers then carry no virtual worth
/// once the money weights balance, a linear condition on (λ, α)); other rules are rejected.
/// Types must be independent, as in the paper.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/lp/solver_error.hpp"
#include "mechdesign/mechanism/detail/mechanism_lp.hpp"
#include "mechdesign/mechanism/efficiency.hpp"
#include "mechdesign/mechanism/primal.hpp"
#include "mechdesign/mechanism/selection.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"
#include "mechdesign/mechanism/warranted_claims.hpp"

namespace mechdesign {

/// \brief Knobs of the neutral procedural solver.
struct nps_options {
  /// LP settings for every solve; an iteration_limit of 0 becomes 20000 in the search LPs
  primal_options primal;
  double tolerance = 1e-7;  ///< residual accepted for (W), (3.8a–b) and NPS2
  int max_iterations = 50;  ///< alternations of steps A and B per coalition and start
  /// Weight vectors λ⁰ sampled (deterministically, from \ref seed) when the search from the
  /// conditional random dictatorship fails; each gives a start: the primal optimum at λ⁰.
  int restart_candidates = 24;
  int restarts = 6;                 ///< of those, the best (by the step-A residual) searched
  std::uint64_t seed = 0x5eed0003;  ///< seed of the restart sample (no global random state)
};

/// \brief The solution for one coalition and its certificate.
struct coalition_solution {
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
  double nps2_residual = 0.0;  ///< max |U_i(μ_S|t) − (Σ_{j≠i} U_i(μ_{S\j}|t) + ω_i(t))/|S||
  double duality_gap = 0.0;    ///< |Σ λ U(μ_S) − (3.7) at (λ, α)|
  int iterations = 0;          ///< A/B alternations used (in the returned attempt)
  int restarts = 0;            ///< starts tried after the conditional random dictatorship
  /// The smallest ε of Definition 4 at which NPS1–NPS2 hold for μ_S with the returned scales
  /// (λ^S > 0): max over i, t of (Σ_{j≠i} U_i(μ_{S\j}|t) + ω_i(t))/|S| − U_i(μ_S|t), at least 0;
  /// infinite when the warrant equations are singular. 0 (up to rounding) when verified.
  double epsilon = lp::inf;
  /// For an unverified coalition: ε-certificates found with λ^S bounded below by a shrinking
  /// floor, as (floor, ε) pairs. ε falling with the floor is the signature of a degenerate
  /// solution (λ^S → 0 on some type as ε → 0); the returned scales are those of the smallest ε.
  std::vector<std::pair<double, double>> epsilon_path;
  bool incentive_efficient = false;  ///< μ_S passed test_incentive_efficiency (λ > 0 exists)
  bool verified = false;  ///< all residuals within tolerance, min λ > 0, every threat verified
  /// The coalition's own conditions hold relative to its threats μ_{S\i} as returned (whether
  /// or not those are verified themselves)
  bool verified_given_threats = false;
  std::string message;
};

/// \brief The neutral procedural solution: one entry per coalition, by increasing size.
struct nps_result {
  std::vector<coalition_solution> coalitions;
  bool verified = false;  ///< every coalition verified
  std::string message;

  /// \brief The entry of coalition \p s. \throws index_error if absent.
  const coalition_solution& at(const coalition& s) const {
    for (const auto& c : coalitions) {
      if (c.members == s) return c;
    }
    throw index_error(fmt::format("nps_result: no coalition {}", s.to_string()));
  }
  /// \brief True iff every coalition was verified.
  bool ok() const noexcept { return verified; }
};

namespace detail {

// The solver for one coalition, given the solutions of all its sub-coalitions.
class nps_coalition_solver {
 public:
  nps_coalition_solver(const coalition_problem<double>& g,
                       std::vector<const coalition_solution*> threats, const nps_options& opt)
      : g_(g), threats_(std::move(threats)), opt_(opt), cols_(g) {
    n_ = g_.num_members();
    // The search LPs are highly degenerate; GLPK's simplex can stall on them. A stalled LP ends
    // its attempt with a report instead of running forever.
    if (opt_.primal.lp.iteration_limit == 0) opt_.primal.lp.iteration_limit = kIterationLimit;
    // Σ_{j≠i} U_i(μ_{S\j} | t): for member k, sum over the other members' drop-outs.
    for (int k = 0; k < n_; ++k) {
      Eigen::VectorXd s = Eigen::VectorXd::Zero(g_.num_types(k));
      const int player = g_.members().members()[static_cast<std::size_t>(k)];
      for (int j = 0; j < n_; ++j) {
        if (j == k) continue;
        const coalition_solution& th = *threats_[static_cast<std::size_t>(j)];
        s += th.interim[static_cast<std::size_t>(th.members.position(player))];
      }
      threat_sum_.push_back(std::move(s));
    }
  }

  // Scales for a given mechanism (step A only), then the independent certificate.
  coalition_solution certify_mechanism(mechanism<double> mu) {
    validate_mechanism(g_, mu, opt_.tolerance);
    coalition_solution out;
    out.members = g_.members();
    out.problem = g_;
    type_vectors<double> lambda;
    type_matrices<double> alpha;
    const double residual = step_a(mu, lambda, alpha, false);
    if (residual < 0.0) {
      out.plan = std::move(mu);
      out.interim = interim_utilities(g_, out.plan, opt_.tolerance);
      out.message =
          "no scales (lambda, alpha) support this mechanism: it is not incentive "
          "efficient for the coalition, so it is not a neutral procedural threat";
      return out;
    }
    step_a(mu, lambda, alpha, true, residual);
    out.iterations = 1;
    out.plan = std::move(mu);
    out.lambda = std::move(lambda);
    out.alpha = std::move(alpha);
    certify(out);
    return out;
  }

  coalition_solution solve(mechanism<double> start, std::vector<std::string> outcomes) {
    coalition_solution best = attempt(std::move(start));
    int tried = 0;
    if (!best.verified && opt_.restarts > 0) {
      std::vector<std::pair<double, mechanism<double>>> starts = restart_points();
      for (auto& [residual, mu] : starts) {
        if (tried == opt_.restarts) break;
        ++tried;
        coalition_solution next = attempt(std::move(mu));
        if (next.verified || score(next) < score(best)) best = std::move(next);
        if (best.verified) break;
      }
      best.message =
          fmt::format("{} start(s) after the random dictatorship; ", tried) + best.message;
    }
    best.restarts = tried;
    if (!best.verified && !best.interim.empty()) epsilon_stage(best);
    best.dictator_outcomes = std::move(outcomes);
    return best;
  }

 private:
  // One local search from \p start; solver failures end the attempt with a report.
  coalition_solution attempt(mechanism<double> mu) {
    coalition_solution out;
    out.members = g_.members();
    out.problem = g_;
    type_vectors<double> lambda;
    type_matrices<double> alpha;
    sigma_ = Eigen::VectorXd::Zero(g_.num_profiles());
    sigma_total_ = 0.0;
    try {
      run(out, mu, lambda, alpha);
    } catch (const solver_error& e) {
      // An LP of the search failed (e.g. GLPK's iteration limit): report, do not guess.
      out.plan = mu;
      out.interim = interim_utilities(g_, mu, opt_.tolerance);
      out.message += fmt::format("search stopped: {}", e.what());
    }
    return out;
  }

  // How far a failed attempt is from a certificate (smaller is better).
  static double score(const coalition_solution& c) {
    if (c.interim.empty() || c.lambda.empty()) return lp::inf;
    const double r =
        std::max({c.nps2_residual, c.warrant_residual, c.duality_gap,
                  c.conditions.complementary_slackness, c.conditions.virtual_optimality});
    return std::isfinite(r) ? r : lp::inf;
  }

  // Restart points: primal optima (3.5) at sampled weights λ⁰ (the uniform weights first,
  // then Dirichlet(1) draws mixed with the uniform weights so that none vanishes), ordered by
  // the residual of step A at that optimum; mechanisms no scales support are dropped.
  std::vector<std::pair<double, mechanism<double>>> restart_points() {
    std::mt19937_64 rng(opt_.seed);
    std::exponential_distribution<double> draw(1.0);
    index_t m = 0;
    for (int k = 0; k < n_; ++k) m += g_.num_types(k);
    std::vector<std::pair<double, mechanism<double>>> out;
    incentive_primal primal(g_, opt_.primal);  // only the weights change: warm re-solves
    for (int c = 0; c < opt_.restart_candidates; ++c) {
      type_vectors<double> l0;
      for (int k = 0; k < n_; ++k) {
        Eigen::VectorXd l(g_.num_types(k));
        for (index_t t = 0; t < l.size(); ++t) l(t) = c == 0 ? 1.0 : draw(rng);
        l0.push_back(std::move(l));
      }
      double total = 0.0;
      for (const auto& l : l0) total += l.sum();
      for (auto& l : l0) l = 0.9 * l / total + Eigen::VectorXd::Constant(l.size(), 0.1 / m);
      const primal_result r = primal.solve(l0);
      if (!r.ok()) continue;
      sigma_ = Eigen::VectorXd::Zero(g_.num_profiles());
      sigma_total_ = 0.0;
      type_vectors<double> l1;
      type_matrices<double> a1;
      double residual = -1.0;
      try {
        residual = step_a(r.optimal_mechanism, l1, a1, false);
      } catch (const solver_error&) {
        continue;
      }
      if (residual >= 0.0) out.emplace_back(residual, r.optimal_mechanism);
    }
    if (!g_.money()) {
      std::vector<mechanism<double>> adjusted = tatonnement();
      for (auto& plan : adjusted) {
        sigma_ = Eigen::VectorXd::Zero(g_.num_profiles());
        sigma_total_ = 0.0;
        type_vectors<double> l1;
        type_matrices<double> a1;
        try {
          const double residual = step_a(plan, l1, a1, false);
          if (residual >= 0.0) out.emplace_back(-1.0, std::move(plan));  // try these first
        } catch (const solver_error&) {
        }
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
  }

  // The map (A.1a) as a price adjustment: at weights λ solve the primal (3.5), take α from its
  // dual, the warranted claims ω(λ, α) and the excess e_i(t) = |S| U_i(μ|t) − Σ_{j≠i}
  // U_i(μ_{S\j}|t) − ω_i(t) (Σ λ·e = 0 by (5.2)); types with a negative excess get more weight:
  // λ ← λ·exp(−η e / scale), renormalised, with a floor. Returns the plan at the iterate of
  // smallest ε (the most negative excess over |S|) and the average plan of the second half of
  // the path (the iterates cycle around the solution's weights, where the primal optimum is a
  // face; the average approximates the point of that face the solution needs). Problems
  // without money only: with money the primal is unbounded unless the weights balance the
  // money (4.9).
  std::vector<mechanism<double>> tatonnement() {
    std::vector<mechanism<double>> plans;
    mechanism<double> best_plan, average;
    int averaged = 0;
    index_t m = 0;
    for (int k = 0; k < n_; ++k) m += g_.num_types(k);
    double scale = 1.0;
    for (int k = 0; k < n_; ++k) scale = std::max(scale, g_.utility(k).cwiseAbs().maxCoeff());
    type_vectors<double> lambda;
    for (int k = 0; k < n_; ++k) {
      lambda.push_back(Eigen::VectorXd::Constant(g_.num_types(k), 1.0 / static_cast<double>(m)));
    }
    double best = lp::inf;
    double eta = 2.0;
    auto finish = [&]() {
      if (best < lp::inf) plans.push_back(best_plan);
      if (averaged > 0) {
        average.probabilities /= static_cast<double>(averaged);
        if (g_.money()) average.transfers /= static_cast<double>(averaged);
        plans.insert(plans.begin(), average);
      }
      return plans;
    };
    incentive_primal primal(g_, opt_.primal);  // only the weights change: warm re-solves
    for (int it = 0; it < kTatonnementSteps; ++it) {
      const primal_result r = primal.solve(lambda);
      if (!r.ok()) return finish();
      if (2 * it >= kTatonnementSteps) {
        if (averaged++ == 0) {
          average = r.optimal_mechanism;
        } else {
          average.probabilities += r.optimal_mechanism.probabilities;
          if (g_.money()) average.transfers += r.optimal_mechanism.transfers;
        }
      }
      const type_vectors<double> e_all = excess(r.interim, lambda, r.alpha);
      if (e_all.empty()) return finish();
      double eps = 0.0;
      for (const auto& ei : e_all) eps = std::max(eps, -ei.minCoeff() / static_cast<double>(n_));
      if (eps < best) {
        best = eps;
        best_plan = r.optimal_mechanism;
        if (best <= opt_.tolerance * scale) return finish();
      }
      double total = 0.0;
      for (int k = 0; k < n_; ++k) {
        auto& l = lambda[static_cast<std::size_t>(k)];
        const auto& e = e_all[static_cast<std::size_t>(k)];
        for (index_t t = 0; t < l.size(); ++t) {
          const double step = std::clamp(-eta * e(t) / scale, -3.0, 3.0);
          l(t) = std::max(l(t) * std::exp(step), 1e-6 / static_cast<double>(m));
        }
        total += l.sum();
      }
      for (auto& l : lambda) l /= total;
      eta *= 0.99;
    }
    return finish();
  }

  // ε-certificates for the plan of a failed search (Definition 4 with ε > 0). For a floor
  // φ > 0 on λ, the LP below finds (λ, α) whose warranted claims cannot exceed the NPS2 targets
  // ω̂_i = |S| U_i(μ_S) − Σ_{j≠i} U_i(μ_{S\j}) by more than its slack: with M the matrix of the
  // warrant system (diagonal λ(t) + Σ_τ α(τ|t), off-diagonal −α(t|τ); column sums λ > 0, so M is
  // an M-matrix and M⁻¹ ≥ 0), M ω̂ − r ≥ 0 implies ω ≤ ω̂. The maximal virtual worth in r is
  // replaced by free variables z_j ≥ Σ_k p v_k(d, j) for every d, which only tightens the rows.
  // The claims of the LP's (λ, α) are then recomputed exactly by warranted_claims() and ε read
  // off; the smallest ε over the floors is kept. If it is within tolerance the coalition is
  // certified non-degenerate after all (the certificate is checked as usual).
  void epsilon_stage(coalition_solution& out) {
    index_t m = 0;
    for (int k = 0; k < n_; ++k) m += g_.num_types(k);
    try {
      out.incentive_efficient =
          test_incentive_efficiency(g_, out.plan, opt_.tolerance, opt_.primal).efficient();
    } catch (const solver_error&) {
      out.incentive_efficient = false;  // the test itself failed: do not claim efficiency
    }
    out.epsilon = epsilon_of(out, out.lambda, out.alpha);
    type_vectors<double> best_lambda = out.lambda;
    type_matrices<double> best_alpha = out.alpha;
    double best = out.epsilon;
    for (double floor : {1e-2, 1e-3, 1e-4, 1e-5, 1e-6}) {
      type_vectors<double> lambda;
      type_matrices<double> alpha;
      try {
        if (!epsilon_lp(out.plan, floor / static_cast<double>(m), lambda, alpha)) continue;
      } catch (const solver_error&) {
        continue;
      }
      const double eps = epsilon_of(out, lambda, alpha);
      out.epsilon_path.emplace_back(floor / static_cast<double>(m), eps);
      if (eps < best) {
        best = eps;
        best_lambda = std::move(lambda);
        best_alpha = std::move(alpha);
      }
    }
    if (best < out.epsilon) {
      coalition_solution trial = out;
      trial.lambda = best_lambda;
      trial.alpha = best_alpha;
      trial.message.clear();
      certify(trial);
      if (trial.verified) {
        trial.message = "certified by the epsilon-stage LP after the search failed";
        trial.epsilon = best;
        trial.incentive_efficient = true;
        out = std::move(trial);
        return;
      }
      out.lambda = std::move(best_lambda);
      out.alpha = std::move(best_alpha);
      out.epsilon = best;
    }
    out.message += fmt::format(
        "; NPS1-NPS2 hold with epsilon = {:.3g} at the returned scales (min lambda {:.3g}); "
        "mu_S is {}incentive efficient",
        out.epsilon, min_weight(out.lambda), out.incentive_efficient ? "" : "NOT ");
  }

  static double min_weight(const type_vectors<double>& lambda) {
    double w = lp::inf;
    for (const auto& l : lambda) w = std::min(w, l.minCoeff());
    return w;
  }

  // ε of Definition 4 for plan out.plan at scales (λ, α): inf if λ is not > 0 or the warrant
  // system is singular.
  double epsilon_of(const coalition_solution& out, const type_vectors<double>& lambda,
                    const type_matrices<double>& alpha) const {
    if (lambda.empty() || !(min_weight(lambda) > 0.0)) return lp::inf;
    const type_vectors<double> e = excess(out.interim, lambda, alpha);
    if (e.empty()) return lp::inf;
    double eps = 0.0;
    for (const auto& ei : e) eps = std::max(eps, -ei.minCoeff() / static_cast<double>(n_));
    return eps;
  }

  // The excess e_i = |S| U_i − Σ_{j≠i} U_i(μ_{S\j}) − ω_i(λ, α) of every member at interim
  // utilities \p interim (NPS2 holds with ε iff e ≥ −|S| ε); empty if a warrant system is
  // singular or its claims are not finite.
  type_vectors<double> excess(const type_vectors<double>& interim,
                              const type_vectors<double>& lambda,
                              const type_matrices<double>& alpha) const {
    type_vectors<double> out;
    for (int i = 0; i < n_; ++i) {
      const coalition_solution& th = *threats_[static_cast<std::size_t>(i)];
      const int player = g_.members().members()[static_cast<std::size_t>(i)];
      const warrant_result w = warranted_claims(g_, player, lambda, alpha,
                                                coalition_threat{th.problem, th.plan, th.alpha});
      if (!w.ok() || !w.claims.allFinite()) return {};
      out.push_back(n_ * interim[static_cast<std::size_t>(i)] -
                    threat_sum_[static_cast<std::size_t>(i)] - w.claims);
    }
    return out;
  }

  // The LP of epsilon_stage(): minimise the total shortfall of M ω̂ − r ≥ 0 over λ ≥ floor
  // (Σλ = 1), α ≥ 0, z. Returns false if the LP has no optimum.
  bool epsilon_lp(const mechanism<double>& mu, double floor, type_vectors<double>& lambda,
                  type_matrices<double>& alpha) {
    lp::model m(lp::objective_sense::minimize);
    lambda_offset_.clear();
    alpha_offset_.clear();
    const auto u = interim_utilities(g_, mu, opt_.tolerance);
    lp_terms sum;
    for (int k = 0; k < n_; ++k) {
      lambda_offset_.push_back(m.num_cols());
      for (index_t t = 0; t < g_.num_types(k); ++t) {
        sum.emplace_back(m.add_variable(fmt::format("lambda[{}:{}]", k, t), floor, lp::inf), 1.0);
      }
    }
    m.add_row("normalisation", sum, 1.0, 1.0);
    for (int k = 0; k < n_; ++k) {
      alpha_offset_.push_back(m.num_cols());
      const index_t nk = g_.num_types(k);
      for (index_t t = 0; t < nk; ++t) {
        for (index_t tau = 0; tau < nk; ++tau) {
          m.add_variable(fmt::format("alpha[{}:{}->{}]", k, t, tau), 0.0, tau == t ? 0.0 : lp::inf);
        }
      }
    }
    std::vector<index_t> z(static_cast<std::size_t>(g_.num_profiles()));
    for (index_t j = 0; j < g_.num_profiles(); ++j) {
      z[static_cast<std::size_t>(j)] = m.add_variable(fmt::format("z[{}]", j), -lp::inf, lp::inf);
      for (index_t d = 0; d < g_.num_decisions(); ++d) {
        lp_terms row;
        for (int k = 0; k < n_; ++k) add_coefficient_terms(row, k, j, d, 1.0);
        row.emplace_back(z[static_cast<std::size_t>(j)], -1.0);
        m.add_row(fmt::format("max[{}|{}]", d, j), row, -lp::inf, 0.0);
      }
      add_money_rows(m, j);
    }
    for (int i = 0; i < n_; ++i) {
      const index_t ni = g_.num_types(i);
      std::vector<lp_terms> rows = claim_terms(i, u[static_cast<std::size_t>(i)]);
      for (index_t j = 0; j < g_.num_profiles(); ++j) {
        rows[static_cast<std::size_t>(g_.types().type_of(j, i))].emplace_back(
            z[static_cast<std::size_t>(j)], -1.0);
      }
      for (index_t t = 0; t < ni; ++t) {
        auto& row = rows[static_cast<std::size_t>(t)];
        row.emplace_back(m.add_variable(fmt::format("shortfall[{}:{}]", i, t), 0.0, lp::inf, 1.0),
                         1.0);
        m.add_row(fmt::format("claim_bound[{}:{}]", i, t), row, 0.0, lp::inf);
      }
    }
    const lp::solution s = lp::solve(m, opt_.primal.lp);
    if (s.status != lp::solve_status::optimal) return false;
    read_scales(s, lambda, alpha, floor);
    return true;
  }

  void run(coalition_solution& out, mechanism<double>& mu, type_vectors<double>& lambda,
           type_matrices<double>& alpha) {
    double residual = step_a(mu, lambda, alpha, false);
    if (residual < 0.0) {
      // The random dictatorship is not incentive efficient: restart from the primal optimum for
      // utilitarian weights λ_k(t) ∝ p_k(t) (a dollar worth the same to everyone) and its dual.
      type_vectors<double> l0;
      for (int k = 0; k < n_; ++k) l0.push_back(g_.beliefs().marginal(k) / static_cast<double>(n_));
      const primal_result r = solve_primal(g_, l0, {}, opt_.primal);
      lp::require_optimal(r.lp, "neutral procedural solution: restart");
      mu = r.optimal_mechanism;
      lambda = l0;
      alpha = r.alpha;
      sigma_ = Eigen::VectorXd::Zero(g_.num_profiles());
      sigma_total_ = 0.0;
      residual = lp::inf;
      out.message =
          "the random dictatorship is not incentive efficient; started from the utilitarian "
          "optimum instead. ";
    }
    int it = 0;
    for (int round = 0; round < kRounds && residual > opt_.tolerance; ++round) {
      const double round_start = residual;
      residual = alternate(mu, lambda, alpha, residual, it);
      if (residual > opt_.tolerance) residual = joint_descent(mu, lambda, alpha, residual);
      if (residual >= round_start * (1.0 - 1e-6)) break;
    }
    // Among scales that keep the residual minimal, take the most interior ones.
    type_vectors<double> l_min;
    type_matrices<double> a_min;
    const double best = step_a(mu, l_min, a_min, false);
    if (best >= 0.0) step_a(mu, lambda, alpha, true, best);
    out.iterations = it + 1;
    out.plan = mu;
    out.lambda = lambda;
    out.alpha = alpha;
    certify(out);
  }

  // Steps B and A in turn while the residual falls (at most max_iterations in all, counted in
  // \p it); returns the residual.
  double alternate(mechanism<double>& mu, type_vectors<double>& lambda,
                   type_matrices<double>& alpha, double residual, int& it) {
    for (; it < opt_.max_iterations && residual > opt_.tolerance; ++it) {
      const mechanism<double> previous_mu = mu;
      const type_vectors<double> previous_lambda = lambda;
      const type_matrices<double> previous_alpha = alpha;
      const Eigen::VectorXd previous_sigma = sigma_;
      double next = -1.0;
      if (step_b(mu, lambda, alpha) >= 0.0) next = step_a(mu, lambda, alpha, false);
      if (next < 0.0 || next > residual) {
        // no scales support the new μ (rounding in a degenerate face): keep the last pair
        mu = previous_mu;
        lambda = previous_lambda;
        alpha = previous_alpha;
        sigma_ = previous_sigma;
        sigma_total_ = sigma_.sum();
        break;
      }
      const bool stalled = residual - next <= 1e-12 * (1.0 + std::abs(next));
      residual = next;
      if (stalled) break;
    }
    return residual;
  }

  // Joint steps where the alternation stalls: (W) is bilinear in μ and (λ, α), and the
  // alternation moves one block at a time. Linearise (W) at the current point in both blocks,
  // W(μ, z) ≈ W(μ₀, z) + W(μ, z₀) − W(μ₀, z₀), keep the current pattern (μ's support, the IC
  // constraints that carry a multiplier stay binding, the (3.8b) rows of μ₀'s support), bound
  // the move by a trust region Δ, and solve one LP in (μ, z). The new μ is accepted when step A
  // at it lowers the true residual; Δ doubles on success and shrinks fourfold otherwise.
  double joint_descent(mechanism<double>& mu, type_vectors<double>& lambda,
                       type_matrices<double>& alpha, double residual) {
    double delta = 0.05;
    for (int step = 0; step < kJointSteps && residual > opt_.tolerance && delta > 1e-7; ++step) {
      mechanism<double> trial = mu;
      bool moved = false;
      try {
        moved = joint_step(trial, lambda, alpha, delta);
      } catch (const solver_error&) {
        moved = false;
      }
      type_vectors<double> l1;
      type_matrices<double> a1;
      const Eigen::VectorXd previous_sigma = sigma_;
      const double next = moved ? step_a(trial, l1, a1, false) : -1.0;
      if (next >= 0.0 && next < residual * (1.0 - 1e-9)) {
        mu = std::move(trial);
        lambda = std::move(l1);
        alpha = std::move(a1);
        residual = next;
        delta = std::min(0.5, 2.0 * delta);
      } else {
        sigma_ = previous_sigma;
        sigma_total_ = sigma_.sum();
        delta /= 4.0;
      }
    }
    return residual;
  }

  // One linearised step (see joint_descent); returns false if the LP has no optimum.
  bool joint_step(mechanism<double>& mu, const type_vectors<double>& lambda,
                  const type_matrices<double>& alpha, double delta) {
    lp::model m(lp::objective_sense::minimize);
    const mechanism_block mb = add_mechanism(m, lambda, alpha);
    const auto ic = check_incentive_compatibility(g_, mu, opt_.tolerance);
    // μ: support of μ₀, trust region; transfers within Δ × the utility scale.
    for (index_t j = 0; j < g_.num_profiles(); ++j) {
      for (index_t d = 0; d < g_.num_decisions(); ++d) {
        const double p0 = mu.probabilities(d, j);
        if (p0 <= kUsed) {
          m.set_col_bounds(cols_.mu(d, j), 0.0, 0.0);
        } else if (m.col_upper(cols_.mu(d, j)) > 0.0) {
          m.set_col_bounds(cols_.mu(d, j), std::max(0.0, p0 - delta), std::min(1.0, p0 + delta));
        }
      }
      if (g_.money()) {
        for (int k = 0; k < n_; ++k) {
          const double x0 = mu.transfers(k, j);
          const double r = delta * virtual_slack() / opt_.tolerance;
          m.set_col_bounds(cols_.x(k, j), x0 - r, x0 + r);
        }
      }
    }
    // IC constraints with a multiplier stay binding (3.8a).
    for (int k = 0; k < n_; ++k) {
      const auto& own = mb.own[static_cast<std::size_t>(k)];
      for (index_t t = 0; t < g_.num_types(k); ++t) {
        for (index_t tau = 0; tau < g_.num_types(k); ++tau) {
          if (tau == t || alpha[static_cast<std::size_t>(k)](t, tau) <= 0.0 ||
              ic.gains[static_cast<std::size_t>(k)](t, tau) < -10.0 * opt_.tolerance)
            continue;
          lp_terms row = own[static_cast<std::size_t>(t)][static_cast<std::size_t>(t)];
          for (const auto& [c, v] : own[static_cast<std::size_t>(t)][static_cast<std::size_t>(tau)])
            row.emplace_back(c, -v);
          m.add_row(fmt::format("binding[{}:{}->{}]", k, t, tau), row, -lp::inf, 0.0);
        }
      }
    }
    // (λ, α): the pattern of μ₀, trust region around (λ₀, α₀).
    const scale_block sb = add_scales(m, mu, false, penalty_);
    Eigen::VectorXd z0 = Eigen::VectorXd::Zero(m.num_cols());
    for (int k = 0; k < n_; ++k) {
      const auto& l = lambda[static_cast<std::size_t>(k)];
      const auto& a = alpha[static_cast<std::size_t>(k)];
      for (index_t t = 0; t < l.size(); ++t) {
        z0(lambda_var(k, t)) = l(t);
        m.set_col_bounds(lambda_var(k, t), std::max(0.0, l(t) - delta), l(t) + delta);
        for (index_t tau = 0; tau < l.size(); ++tau) {
          const index_t col = alpha_var(k, t, tau);
          z0(col) = a(t, tau);
          if (m.col_upper(col) > 0.0) {
            const double r = delta * (1.0 + a(t, tau));
            m.set_col_bounds(col, std::max(0.0, a(t, tau) - r), a(t, tau) + r);
          }
        }
      }
    }
    lp_terms slack_sum;
    for (int i = 0; i < n_; ++i) {
      for (index_t t = 0; t < g_.num_types(i); ++t) {
        const auto& zt = sb.warrant[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)];
        double w0 = 0.0;  // W(μ₀, z₀)
        for (const auto& [c, v] : zt) w0 += v * z0(c);
        lp_terms row = zt;
        const auto& mt = mb.warrant[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)];
        row.insert(row.end(), mt.begin(), mt.end());
        add_residual_row(m, fmt::format("warrant[{}:{}]", i, t), std::move(row),
                         mb.rhs[static_cast<std::size_t>(i)](t) + w0, 1.0, slack_sum);
      }
    }
    const lp::solution s = lp::solve(m, proposal_options());  // a proposal, judged by step A
    if (s.status != lp::solve_status::optimal) return false;
    mu = cols_.read(s.x);
    return true;
  }

  // --- indices of the (λ, α) variables of step A --------------------------------------------
  index_t lambda_var(int k, index_t t) const {
    return lambda_offset_[static_cast<std::size_t>(k)] + t;
  }
  index_t alpha_var(int k, index_t t, index_t tau) const {
    const index_t nk = g_.num_types(k);
    return alpha_offset_[static_cast<std::size_t>(k)] + t * nk + tau;
  }

  // Terms of the Lagrangian coefficient of decision d (or of money if d < 0) of member k at
  // profile j, as a linear form in (λ, α): p(t_S) v_k(d, t_S) — see lagrangian_coefficients().
  void add_coefficient_terms(lp_terms& dst, int k, index_t j, index_t d, double scale) const {
    const auto& ts = g_.types();
    const auto& u = g_.utility(k);
    const index_t t = ts.type_of(j, k), nk = g_.num_types(k);
    const double w = g_.belief(k, j);
    const double own = d < 0 ? w : w * u(d, j);
    if (own != 0.0) {
      dst.emplace_back(lambda_var(k, t), scale * own);
      for (index_t tau = 0; tau < nk; ++tau) {
        if (tau != t) dst.emplace_back(alpha_var(k, t, tau), scale * own);
      }
    }
    for (index_t s = 0; s < nk; ++s) {
      if (s == t) continue;
      const index_t js = ts.with_type(j, k, s);
      const double other = d < 0 ? g_.belief(k, js) : g_.belief(k, js) * u(d, js);
      if (other != 0.0) dst.emplace_back(alpha_var(k, s, t), -scale * other);
    }
  }

  // The (λ, α) block of steps A and joint_step for a fixed μ: variables λ (Σ = 1), α (zero on
  // IC constraints μ leaves slack: (3.8a)), the (3.8b) rows with their slacks σ_j, the money
  // balance rows, and the terms of the warrant rows (W) (linear in (λ, α) for this μ).
  struct scale_block {
    std::vector<std::vector<lp_terms>> warrant;  // [member][type]
    std::vector<index_t> sigma_cols;
    lp_terms sigma_sum;
    index_t floor_var = -1;  // min λ (interior mode only)
  };

  scale_block add_scales(lp::model& m, const mechanism<double>& mu, bool interior,
                         double sigma_price) {
    scale_block out;
    lambda_offset_.clear();
    alpha_offset_.clear();
    const auto ic = check_incentive_compatibility(g_, mu, opt_.tolerance);
    const auto u = interim_utilities(g_, mu, opt_.tolerance);
    for (int k = 0; k < n_; ++k) {
      lambda_offset_.push_back(m.num_cols());
      for (index_t t = 0; t < g_.num_types(k); ++t)
        m.add_variable(fmt::format("lambda[{}:{}]", k, t));
    }
    for (int k = 0; k < n_; ++k) {
      alpha_offset_.push_back(m.num_cols());
      const index_t nk = g_.num_types(k);
      for (index_t t = 0; t < nk; ++t) {
        for (index_t tau = 0; tau < nk; ++tau) {
          // (3.8a): a slack IC constraint has no multiplier; the diagonal is not a constraint
          const bool free =
              tau != t && ic.gains[static_cast<std::size_t>(k)](t, tau) >= -10.0 * opt_.tolerance;
          m.add_variable(fmt::format("alpha[{}:{}->{}]", k, t, tau), 0.0, free ? lp::inf : 0.0);
        }
      }
    }
    if (interior) out.floor_var = m.add_variable("min_lambda", -lp::inf, lp::inf, 1.0);
    {
      lp_terms sum;
      for (int k = 0; k < n_; ++k) {
        for (index_t t = 0; t < g_.num_types(k); ++t) {
          sum.emplace_back(lambda_var(k, t), 1.0);
          if (interior)
            m.add_row("floor", {{lambda_var(k, t), 1.0}, {out.floor_var, -1.0}}, 0.0, lp::inf);
        }
      }
      m.add_row("normalisation", sum, 1.0, 1.0);
    }
    // (3.8b): Σ_k coef_k(d, j) ≤ Σ_k coef_k(d', j) + σ_j for every d and every d' used at j. The
    // slack σ_j ≥ 0 absorbs rounding in μ; it is priced so that it stays at rounding level
    // unless nothing else fits, and step B allows the same deficit at profile j.
    for (index_t j = 0; j < g_.num_profiles(); ++j) {
      const index_t sigma =
          m.add_variable(fmt::format("sigma[{}]", j), 0.0, lp::inf, interior ? 0.0 : sigma_price);
      out.sigma_cols.push_back(sigma);
      out.sigma_sum.emplace_back(sigma, 1.0);
      // every decision μ uses (beyond rounding) must be a maximiser up to σ_j
      for (index_t used = 0; used < g_.num_decisions(); ++used) {
        if (mu.probabilities(used, j) <= kUsed) continue;
        for (index_t d = 0; d < g_.num_decisions(); ++d) {
          if (d == used) continue;
          lp_terms row;
          for (int k = 0; k < n_; ++k) {
            add_coefficient_terms(row, k, j, used, 1.0);
            add_coefficient_terms(row, k, j, d, -1.0);
          }
          row.emplace_back(sigma, 1.0);
          m.add_row(fmt::format("virtual_max[{}>={}|{}]", used, d, j), row, 0.0, lp::inf);
        }
      }
      add_money_rows(m, j);
    }
    // (W), scaled by p_i(t): (λ+Σα)ω(t) − Σ α(τ→t) ω(τ) − Σ_{j: t_i = t} Σ_k Σ_d μ coef
    //                        + p_i(t) Σ_{j'∈S\i} Σ_t' λ_j'(t') U_j'(μ_{S\i}|t')
    for (int i = 0; i < n_; ++i) {
      std::vector<lp_terms> rows = claim_terms(i, u[static_cast<std::size_t>(i)]);
      for (index_t j = 0; j < g_.num_profiles(); ++j) {
        auto& row = rows[static_cast<std::size_t>(g_.types().type_of(j, i))];
        for (int k = 0; k < n_; ++k) {
          for (index_t d = 0; d < g_.num_decisions(); ++d) {
            const double w = mu.probabilities(d, j);
            if (w > 0.0) add_coefficient_terms(row, k, j, d, -w);
          }
        }
      }
      out.warrant.push_back(std::move(rows));
    }
    return out;
  }

  // (λ, α) of a solved model (after add_scales or in epsilon_lp), λ clipped at \p floor, α at 0.
  void read_scales(const lp::solution& s, type_vectors<double>& lambda,
                   type_matrices<double>& alpha, double floor = 0.0) const {
    lambda.clear();
    alpha.clear();
    for (int k = 0; k < n_; ++k) {
      const index_t nk = g_.num_types(k);
      Eigen::VectorXd l(nk);
      Eigen::MatrixXd a = Eigen::MatrixXd::Zero(nk, nk);
      for (index_t t = 0; t < nk; ++t) {
        l(t) = std::max(floor, s.x(lambda_var(k, t)));
        for (index_t tau = 0; tau < nk; ++tau) {
          if (tau != t) a(t, tau) = std::max(0.0, s.x(alpha_var(k, t, tau)));
        }
      }
      lambda.push_back(std::move(l));
      alpha.push_back(std::move(a));
    }
  }

  // Add |row| ≤ s⁺ + s⁻ as row − s⁺ + s⁻ = rhs, pricing the slacks at \p price.
  static void add_residual_row(lp::model& m, const std::string& name, lp_terms row, double rhs,
                               double price, lp_terms& slack_sum) {
    const index_t sp = m.add_variable(name + "+", 0.0, lp::inf, price);
    const index_t sm = m.add_variable(name + "-", 0.0, lp::inf, price);
    row.emplace_back(sp, -1.0);
    row.emplace_back(sm, 1.0);
    m.add_row(name, row, rhs, rhs);
    slack_sum.emplace_back(sp, 1.0);
    slack_sum.emplace_back(sm, 1.0);
  }

  static double slack_total(const lp::solution& s, const lp_terms& slack_sum) {
    double residual = 0.0;
    for (const auto& [col, c] : slack_sum) residual += c * std::max(0.0, s.x(col));
    return residual;
  }

  void read_sigma(const lp::solution& s, const scale_block& blk) {
    sigma_.resize(g_.num_profiles());
    for (index_t j = 0; j < g_.num_profiles(); ++j) {
      sigma_(j) = std::max(0.0, s.x(blk.sigma_cols[static_cast<std::size_t>(j)]));
    }
    sigma_total_ = sigma_.sum();
  }

  // Step A: μ fixed; minimise Σ|residual of (W)| over (λ, α) subject to (P). With `interior`,
  // instead maximise min λ subject to residual ≤ `cap` + tolerance. Returns the residual.
  double step_a(const mechanism<double>& mu, type_vectors<double>& lambda,
                type_matrices<double>& alpha, bool interior, double cap = 0.0) {
    lp::model m(interior ? lp::objective_sense::maximize : lp::objective_sense::minimize);
    const scale_block blk = add_scales(m, mu, interior, penalty_);
    lp_terms slack_sum;
    for (int i = 0; i < n_; ++i) {
      for (index_t t = 0; t < g_.num_types(i); ++t) {
        add_residual_row(m, fmt::format("warrant[{}:{}]", i, t),
                         blk.warrant[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)], 0.0,
                         interior ? 0.0 : 1.0, slack_sum);
      }
    }
    if (interior) {
      // keep the residual and the (3.8b) slack at their minima (up to LP rounding), so that
      // interiority is not bought with accuracy
      m.add_row("residual_cap", slack_sum, -lp::inf, cap + 1e-3 * virtual_slack());
      m.add_row("sigma_cap", blk.sigma_sum, -lp::inf, sigma_total_ + 1e-3 * virtual_slack());
    }
    const lp::solution s = lp::solve(m, opt_.primal.lp);
    if (s.status == lp::solve_status::infeasible) return -1.0;  // no scales support μ (not efficient)
    lp::require_optimal(s, fmt::format("neutral procedural solution, coalition {}, scales",
                                       g_.members().to_string()));
    read_sigma(s, blk);
    read_scales(s, lambda, alpha);
    return slack_total(s, slack_sum);
  }

  // How far below the maximal virtual worth (in p(t_S)·v units) a used decision may be: (3.8b)
  // up to rounding of μ, on the scale of the utilities. Steps A and B use the same threshold.
  double virtual_slack() const {
    double scale = 1.0;
    for (int k = 0; k < n_; ++k) scale = std::max(scale, g_.utility(k).cwiseAbs().maxCoeff());
    return opt_.tolerance * scale;
  }

  // Money weights equal across members at profile j (else transfers carry virtual worth).
  void add_money_rows(lp::model& m, index_t j) const {
    if (!g_.money()) return;
    for (int k = 1; k < n_; ++k) {
      lp_terms row;
      add_coefficient_terms(row, k, j, -1, 1.0);
      add_coefficient_terms(row, 0, j, -1, -1.0);
      m.add_row(fmt::format("money[{}|{}]", k, j), row, 0.0, 0.0);
    }
  }

  // The (λ, α) terms of member i's warrant rows at the NPS2 targets ω̂ = |S| U_i − Σ threats:
  // (λ(t) + Σ_τ α(τ|t)) ω̂(t) − Σ_τ α(t|τ) ω̂(τ) + p_i(t) × the threat's virtual worth (4.8).
  std::vector<lp_terms> claim_terms(int i, const Eigen::VectorXd& interim) const {
    const index_t ni = g_.num_types(i);
    const Eigen::VectorXd target = n_ * interim - threat_sum_[static_cast<std::size_t>(i)];
    std::vector<lp_terms> rows(static_cast<std::size_t>(ni));
    for (index_t t = 0; t < ni; ++t) {
      auto& row = rows[static_cast<std::size_t>(t)];
      row.emplace_back(lambda_var(i, t), target(t));
      for (index_t tau = 0; tau < ni; ++tau) {
        if (tau == t) continue;
        row.emplace_back(alpha_var(i, t, tau), target(t));
        row.emplace_back(alpha_var(i, tau, t), -target(tau));
      }
      add_threat_terms(row, i, g_.beliefs().marginal(i)(t));
    }
    return rows;
  }

  // p_i(t) · Σ_{j'∈S\i} Σ_t' λ_j'(t') U_j'(μ_{S\i} | t'): the threat's virtual worth by (4.8).
  void add_threat_terms(lp_terms& row, int i, double scale) const {
    const coalition_solution& th = *threats_[static_cast<std::size_t>(i)];
    for (int k = 0; k < n_; ++k) {
      if (k == i) continue;
      const int player = g_.members().members()[static_cast<std::size_t>(k)];
      const Eigen::VectorXd& ut = th.interim[static_cast<std::size_t>(th.members.position(player))];
      for (index_t t = 0; t < ut.size(); ++t) row.emplace_back(lambda_var(k, t), scale * ut(t));
    }
  }

  // The μ block of steps B and joint_step for fixed (λ, α): the mechanism columns (first in
  // the model: mechanism_columns indexes from 0), decisions far from the maximal virtual worth
  // excluded (3.8b), the IC rows, and the warrant rows (W) as terms in μ with their constants.
  struct mechanism_block {
    std::vector<std::vector<lp_terms>> warrant;           // [member][type]
    std::vector<Eigen::VectorXd> rhs;                     // [member](type)
    std::vector<std::vector<std::vector<lp_terms>>> own;  // [k][t][τ]: p-weighted report terms
  };

  mechanism_block add_mechanism(lp::model& m, const type_vectors<double>& lambda,
                                const type_matrices<double>& alpha) const {
    mechanism_block out;
    cols_.add_to(m);
    const auto coef = lagrangian_coefficients(g_, lambda, alpha);
    // (3.8b): decisions far from the maximal virtual worth are excluded (the deficit allowed at
    // a profile is what step A allowed there).
    Eigen::VectorXd best(g_.num_profiles());
    for (index_t j = 0; j < g_.num_profiles(); ++j) {
      Eigen::VectorXd col = coef[0].col(j);
      for (std::size_t k = 1; k < coef.size(); ++k) col += coef[k].col(j);
      best(j) = col.maxCoeff();
      const double allowed = std::max(virtual_slack(), 2.0 * sigma_(j));
      for (index_t d = 0; d < g_.num_decisions(); ++d) {
        if (col(d) < best(j) - allowed) m.set_col_bounds(cols_.mu(d, j), 0.0, 0.0);
      }
    }
    out.own.resize(static_cast<std::size_t>(n_));
    for (int k = 0; k < n_; ++k) {
      const index_t nk = g_.num_types(k);
      auto& mt = out.own[static_cast<std::size_t>(k)];
      mt.assign(static_cast<std::size_t>(nk), std::vector<lp_terms>(static_cast<std::size_t>(nk)));
      for (index_t j = 0; j < g_.num_profiles(); ++j) {
        const index_t t = g_.types().type_of(j, k);
        for (index_t tau = 0; tau < nk; ++tau) {
          cols_.add_report_terms(mt[static_cast<std::size_t>(t)][static_cast<std::size_t>(tau)], k,
                                 j, tau, g_.belief(k, j));
        }
      }
      for (index_t t = 0; t < nk; ++t) {
        for (index_t tau = 0; tau < nk; ++tau) {
          if (tau == t) continue;
          lp_terms row = mt[static_cast<std::size_t>(t)][static_cast<std::size_t>(t)];
          for (const auto& [c, v] : mt[static_cast<std::size_t>(t)][static_cast<std::size_t>(tau)])
            row.emplace_back(c, -v);
          m.add_row(fmt::format("ic[{}:{}->{}]", k, t, tau), row, 0.0, lp::inf);
        }
      }
    }
    // (W) in μ: (λ+Σα)ω(t) − Σ α(τ→t)ω(τ) with ω = |S| U(μ) − threat sums; the right side is
    // constant: Σ_{j: t_i = t} best(j) − p_i(t) C_i.
    for (int i = 0; i < n_; ++i) {
      const index_t ni = g_.num_types(i);
      const auto& l = lambda[static_cast<std::size_t>(i)];
      const auto& a = alpha[static_cast<std::size_t>(i)];
      const auto& ts = threat_sum_[static_cast<std::size_t>(i)];
      Eigen::VectorXd rhs = Eigen::VectorXd::Zero(ni);
      for (index_t j = 0; j < g_.num_profiles(); ++j) rhs(g_.types().type_of(j, i)) += best(j);
      const double threat_worth = threat_virtual_worth(i, lambda);
      std::vector<lp_terms> rows(static_cast<std::size_t>(ni));
      for (index_t t = 0; t < ni; ++t) {
        rhs(t) -= g_.beliefs().marginal(i)(t) * threat_worth;
        // coefficients of ω(τ) in the row of t
        Eigen::VectorXd c = Eigen::VectorXd::Zero(ni);
        c(t) = l(t);
        for (index_t tau = 0; tau < ni; ++tau) {
          if (tau == t) continue;
          c(t) += a(t, tau);
          c(tau) -= a(tau, t);
        }
        auto& row = rows[static_cast<std::size_t>(t)];
        for (index_t tau = 0; tau < ni; ++tau) {
          if (c(tau) == 0.0) continue;
          for (const auto& [col, v] : out.own[static_cast<std::size_t>(i)][static_cast<std::size_t>(
                   tau)][static_cast<std::size_t>(tau)]) {
            row.emplace_back(col, c(tau) * n_ * v);
          }
          rhs(t) += c(tau) * ts(tau);
        }
      }
      out.warrant.push_back(std::move(rows));
      out.rhs.push_back(std::move(rhs));
    }
    return out;
  }

  // Step B: (λ, α) fixed; minimise Σ|residual of (W)| over IC mechanisms that keep (3.8a–b).
  double step_b(mechanism<double>& mu, const type_vectors<double>& lambda,
                const type_matrices<double>& alpha) {
    lp::model m(lp::objective_sense::minimize);
    const mechanism_block blk = add_mechanism(m, lambda, alpha);
    // (3.8a): λ·U(μ) = Σ μ·coef − Σ α·(IC slack), so with the supports fixed, keeping λ·U(μ)
    // at least at the current μ's value keeps the α-weighted IC slack from growing. The
    // current μ is feasible, so the residual cannot rise.
    {
      const auto u_now = interim_utilities(g_, mu, opt_.tolerance);
      lp_terms face;
      double value = 0.0;
      for (int k = 0; k < n_; ++k) {
        const auto& l = lambda[static_cast<std::size_t>(k)];
        value += l.dot(u_now[static_cast<std::size_t>(k)]);
        for (index_t t = 0; t < l.size(); ++t) {
          if (l(t) == 0.0) continue;
          for (const auto& [c, v] : blk.own[static_cast<std::size_t>(k)][static_cast<std::size_t>(
                   t)][static_cast<std::size_t>(t)]) {
            face.emplace_back(c, l(t) * v);
          }
        }
      }
      m.add_row("optimal_face", face, value - 1e-6 * virtual_slack(), lp::inf);
    }
    lp_terms slack_sum;
    for (int i = 0; i < n_; ++i) {
      for (index_t t = 0; t < g_.num_types(i); ++t) {
        add_residual_row(m, fmt::format("warrant[{}:{}]", i, t),
                         blk.warrant[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)],
                         blk.rhs[static_cast<std::size_t>(i)](t), 1.0, slack_sum);
      }
    }
    // μ is a proposal that step A then judges (and the certificate re-checks), so an optimum
    // that fails verification is not worth an exact re-solve: it counts as no move, like an
    // infeasible LP (rounding left no admissible μ).
    const lp::solution s = lp::solve(m, proposal_options());
    if (s.status != lp::solve_status::optimal) return -1.0;
    mu = cols_.read(s.x);
    return slack_total(s, slack_sum);
  }

  // LP options for the proposal LPs (steps B and joint steps): no exact re-solve.
  lp::solver_options proposal_options() const {
    lp::solver_options o = opt_.primal.lp;
    o.exact_fallback = false;
    o.retry = false;  // a proposal that is not certified is simply not taken
    return o;
  }

  double threat_virtual_worth(int i, const type_vectors<double>& lambda) const {
    const coalition_solution& th = *threats_[static_cast<std::size_t>(i)];
    double total = 0.0;
    for (int k = 0; k < n_; ++k) {
      if (k == i) continue;
      const int player = g_.members().members()[static_cast<std::size_t>(k)];
      total += lambda[static_cast<std::size_t>(k)].dot(
          th.interim[static_cast<std::size_t>(th.members.position(player))]);
    }
    return total;
  }

  // Independent verification with the library's own checks.
  void certify(coalition_solution& out) const {
    const double tol = opt_.tolerance;
    out.interim = interim_utilities(g_, out.plan, tol);
    out.conditions = check_efficiency_conditions(g_, out.plan, out.lambda, out.alpha, tol);
    double weighted = 0.0;
    for (int k = 0; k < n_; ++k) {
      weighted +=
          out.lambda[static_cast<std::size_t>(k)].dot(out.interim[static_cast<std::size_t>(k)]);
    }
    out.duality_gap = std::abs(weighted - dual_objective(g_, out.lambda, out.alpha));
    out.claims.clear();
    out.warrant_residual = 0.0;
    out.nps2_residual = 0.0;
    std::string problems;
    double shortfall = 0.0;
    for (int i = 0; i < n_; ++i) {
      const coalition_solution& th = *threats_[static_cast<std::size_t>(i)];
      const coalition_threat threat{th.problem, th.plan, th.alpha};
      const int player = g_.members().members()[static_cast<std::size_t>(i)];
      const warrant_result w = warranted_claims(g_, player, out.lambda, out.alpha, threat);
      if (!w.ok()) {
        problems += fmt::format(" player {}: {};", player, w.message);
        out.claims.push_back(Eigen::VectorXd::Constant(g_.num_types(i), std::nan("")));
        out.nps2_residual = lp::inf;
        continue;
      }
      const Eigen::VectorXd target =
          (threat_sum_[static_cast<std::size_t>(i)] + w.claims) / static_cast<double>(n_);
      out.nps2_residual =
          std::max(out.nps2_residual,
                   (out.interim[static_cast<std::size_t>(i)] - target).cwiseAbs().maxCoeff());
      shortfall =
          std::max(shortfall, (target - out.interim[static_cast<std::size_t>(i)]).maxCoeff());
      out.warrant_residual = std::max(out.warrant_residual, w.equation_residual);
      out.claims.push_back(w.claims);
    }
    const double scale = 1.0 + [&] {
      double m = 0.0;
      for (const auto& u : out.interim) m = std::max(m, u.cwiseAbs().maxCoeff());
      return m;
    }();
    out.epsilon =
        problems.empty() && min_weight(out.lambda) > 0.0 ? std::max(shortfall, 0.0) : lp::inf;
    out.verified = problems.empty() && out.conditions.satisfied &&
                   out.nps2_residual <= 100 * tol * scale && out.duality_gap <= 100 * tol * scale &&
                   out.warrant_residual <= 100 * tol * scale;
    if (!out.verified) {
      out.message += fmt::format(
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
  }

  const coalition_problem<double>& g_;
  std::vector<const coalition_solution*> threats_;  // threats_[k]: the solution of S \ member k
  nps_options opt_;
  mechanism_columns cols_;
  int n_ = 0;
  type_vectors<double> threat_sum_;
  Eigen::VectorXd sigma_;  // per-profile (3.8b) slack of the last step A
  double sigma_total_ = 0.0;
  double penalty_ = 1e3;                 // price of (3.8b) slack relative to the warrant residual
  static constexpr double kUsed = 1e-9;  // probabilities at or below this are rounding
  static constexpr int kIterationLimit = 20000;  // per search LP unless the caller sets one
  static constexpr int kTatonnementSteps = 300;  // primal solves of the price adjustment
  static constexpr int kJointSteps = 40;         // linearised joint steps per stall
  static constexpr int kRounds = 4;              // rounds of alternation then joint steps
  std::vector<index_t> lambda_offset_, alpha_offset_;
};

}  // namespace detail

/// \brief Check whether \p plan is a (non-degenerate) neutral procedural threat for coalition
/// \p s, given the solutions of its sub-coalitions in \p solved (003 Definition 4 with ε = 0):
/// finds the most interior scales (λ^S, α^S) that minimise the residual of the warrant
/// equations for this plan and returns the certificate (verified, residuals, claims).
/// \throws index_error if a sub-coalition S\i is missing from \p solved; the exceptions of
/// validate_mechanism; solver_error if an LP fails.
inline coalition_solution certify_neutral_procedural(const bayesian_problem<double>& problem,
                                                     const nps_result& solved, const coalition& s,
                                                     const mechanism<double>& plan,
                                                     const nps_options& options = {}) {
  if (s.size() < 2) throw model_error("certify_neutral_procedural: S needs two members");
  const coalition_problem<double> g = problem.restrict_to(s);
  std::vector<const coalition_solution*> threats;
  for (int i : s.members()) threats.push_back(&solved.at(s.without(i)));
  detail::nps_coalition_solver solver(g, threats, options);
  return solver.certify_mechanism(plan);
}

/// \brief The neutral procedural solution of \p problem (003 Definition 4), coalition by
/// coalition in increasing size; see the file comment for the method and its guarantees.
/// Decisions must be registered for every coalition.
/// \throws model_error (a coalition without decisions, correlated types, a budget rule other
/// than ex_post_balanced); solver_error if an LP fails.
inline nps_result neutral_procedural_solution(const bayesian_problem<double>& problem,
                                              const nps_options& options = {}) {
  if (!problem.beliefs().is_independent()) {
    throw model_error("neutral_procedural_solution: 003 assumes independent types");
  }
  if (problem.money() && *problem.money() != budget_rule::ex_post_balanced) {
    throw model_error(
        "neutral_procedural_solution: money is supported with budget_rule::ex_post_balanced only");
  }
  const int n = problem.num_players();
  std::vector<std::uint64_t> masks;
  for (std::uint64_t m = 1; m < (std::uint64_t{1} << n); ++m) masks.push_back(m);
  std::stable_sort(masks.begin(), masks.end(), [](std::uint64_t a, std::uint64_t b) {
    return coalition::from_mask(a).size() < coalition::from_mask(b).size();
  });
  nps_result result;
  result.coalitions.reserve(masks.size());
  std::map<std::uint64_t, std::size_t> where;
  result.verified = true;
  for (std::uint64_t mask : masks) {
    const coalition s = coalition::from_mask(mask);
    coalition_solution sol;
    if (s.size() == 1) {
      const coalition_threat th = singleton_threat(problem, s.members()[0]);
      sol.members = s;
      sol.problem = th.problem;
      sol.plan = th.plan;
      sol.alpha = th.alpha;
      sol.interim = interim_utilities(th.problem, th.plan);
      const index_t nt = th.problem.num_types(0);
      sol.lambda = {Eigen::VectorXd::Constant(nt, 1.0 / static_cast<double>(nt))};
      sol.claims = sol.interim;
      // the best decision for every type is IC with no binding constraint: α = 0, any λ > 0
      sol.conditions = check_efficiency_conditions(sol.problem, sol.plan, sol.lambda, sol.alpha,
                                                   options.tolerance);
      sol.verified = sol.conditions.satisfied;
      sol.verified_given_threats = sol.verified;
    } else {
      const coalition_problem<double> g = problem.restrict_to(s);
      std::vector<const coalition_solution*> threats;
      for (int i : s.members()) {
        threats.push_back(&result.coalitions[where.at(s.without(i).mask())]);
      }
      // start: the conditional random dictatorship over strong (or undominated) solutions
      mechanism<double> start;
      std::vector<std::string> outcomes;
      for (int k = 0; k < s.size(); ++k) {
        const coalition_solution& th = *threats[static_cast<std::size_t>(k)];
        mechanism_selection sel(g, s.members()[static_cast<std::size_t>(k)],
                                coalition_threat{th.problem, th.plan, th.alpha}, options.primal);
        const strong_solution_result strong = sel.strong_solution(options.tolerance);
        mechanism<double> pick;
        if (strong.exists()) {
          pick = strong.best_safe;
          outcomes.emplace_back("strong solution");
        } else {
          primal_result r = sel.undominated(Eigen::VectorXd::Ones(g.num_types(k)));
          if (r.status == lp::solve_status::infeasible) {
            // No IC mechanism of S gives the others their threat payoffs: D_S does not contain
            // what the sub-coalition S\i can do (the game is not superadditive at S). The
            // member's start is then the utilitarian primal optimum.
            type_vectors<double> l0;
            for (int j = 0; j < s.size(); ++j) l0.push_back(g.beliefs().marginal(j));
            r = solve_primal(g, l0, {}, options.primal);
            outcomes.emplace_back(
                "Gamma_S^i infeasible (the threat is not attainable in D_S: not superadditive); "
                "utilitarian optimum used");
          } else {
            outcomes.emplace_back(std::string("no strong solution (") + to_string(strong.status) +
                                  "); undominated mechanism used");
          }
          lp::require_optimal(r.lp, "neutral_procedural_solution: start of the search");
          pick = r.optimal_mechanism;
        }
        if (k == 0) {
          start = pick;
        } else {
          start.probabilities += pick.probabilities;
          if (g.money()) start.transfers += pick.transfers;
        }
      }
      start.probabilities /= static_cast<double>(s.size());
      if (g.money()) start.transfers /= static_cast<double>(s.size());
      detail::nps_coalition_solver solver(g, threats, options);
      sol = solver.solve(std::move(start), std::move(outcomes));
      // A certificate relative to threats that are not themselves solutions proves nothing.
      sol.verified_given_threats = sol.verified;
      for (const coalition_solution* th : threats) {
        if (!th->verified) {
          sol.verified = false;
          sol.message += fmt::format("its threat {} is not verified; ", th->members.to_string());
        }
      }
    }
    if (!sol.verified) {
      result.verified = false;
      result.message += fmt::format("coalition {}: {}; ", s.to_string(), sol.message);
    }
    where[mask] = result.coalitions.size();
    result.coalitions.push_back(std::move(sol));
  }
  return result;
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_NEUTRAL_PROCEDURAL_HPP
