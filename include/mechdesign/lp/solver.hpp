#ifndef MECHDESIGN_LP_SOLVER_HPP
#define MECHDESIGN_LP_SOLVER_HPP

/// \file
/// \brief lp::solver, the one seam between mechdesign and its LP engines: it loads an
/// lp::model, applies changes to the live engine problem (objective, bounds, row coefficients,
/// new rows and columns), re-solves warm, and returns an lp::solution whose status is certified.
///
/// Certification (lp/verify.hpp). An engine's answer is a claim. "optimal" is believed only with
/// a primal–dual certificate that bounds the objective error, re-derived in exact arithmetic when
/// the data are badly scaled (coefficient magnitudes spanning more than 1e12) or when a
/// multiplier faces an infinite bound with the wrong sign beyond the engine's own feasibility
/// tolerance (solver_options::feasibility_tolerance; there no finite bound on the objective error
/// exists: a slope of 5e-9 along a free column is a real ray), or when the duals are so large
/// (max|y| · max|a| > 1e7 · (1 + |objective|)) that rounding c − Aᵀy alone exceeds the engines'
/// tolerances (menu LPs with beliefs 1e-10 from a face of the simplex); "infeasible" only
/// with a Farkas ray, read from the duals of a phase-one LP and checked from the model's data;
/// "unbounded" only with a feasible point and a recession ray with positive slope, from two
/// auxiliary LPs, both checked.
///
/// The retry ladder. A claim that cannot be certified sends the solve down one fixed ladder, each
/// rung an engine call whose claim is certified in turn: warm → cold → unscaled → presolved → the
/// other engine (when CLP is built in) → GLPK's exact rational simplex (when exact_fallback is
/// on). The first certified answer is returned; if none is, the status is `uncertified` (never
/// `infeasible` or `unbounded`), with every call's claim in solution::ladder. A caller's
/// iteration limit ends the ladder with `iteration_limit`; the time limit bounds the whole solve,
/// ladder included, and ends it with `time_limit`. Without a caller's iteration limit a stall
/// guard caps every call (solver_options::stall_iterations), so no solve can hang.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/lp/detail/certificates.hpp"
#include "mechdesign/lp/detail/engine.hpp"
#include "mechdesign/lp/detail/live_problem.hpp"
#include "mechdesign/lp/glpk.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/options.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/verify.hpp"
#ifdef MECHDESIGN_HAS_CLP
#include "mechdesign/lp/clp.hpp"
#endif

namespace mechdesign::lp {

/// \brief Free the calling thread's engine environments; call it at the end of each worker thread
/// that solved LPs (never while an lp::solver of that thread is alive). GLPK keeps its
/// environment thread-local (DESIGN.md §3).
inline void free_thread_environment() noexcept { detail::free_glpk_environment(); }

/// \brief The LP solver seam (see the file comment): one model, one live engine problem, warm
/// re-solves, certified statuses.
class solver : public detail::live_problem {
 public:
  /// \brief A solver with options \p options; call load() or solve(model) next.
  /// \throws invalid_argument if an option is outside its documented range (lp/options.hpp).
  explicit solver(solver_options options = {}) : live_problem(options) {}

  /// \brief Load \p m and solve it.
  solution solve(model m) {
    load(std::move(m));
    return solve();
  }

  /// \brief Solve the loaded model (warm from the last basis when there is one) and certify the
  /// answer, running the retry ladder when needed (file comment).
  solution solve() {
    require_loaded();
    refresh_matrix();
    const auto start = clock::now();
    const long cap = options_.iteration_limit > 0
                         ? options_.iteration_limit
                         : options_.stall_iterations + 50 * (model_.num_rows() + model_.num_cols());
    solution first;
    bool have_first = false;
    bool any_answer = false;
    long iterations = 0;
    int attempts = 0;
    std::string ladder;
    const bool badly_scaled = spread_ > bad_scaling_spread;

    const std::vector<rung> rungs = ladder_rungs();
    bool first_was_warm = false;
    for (std::size_t k = 0; k < rungs.size(); ++k) {
      const rung& step = rungs[k];
      if (k > 0 && !options_.retry) break;
      if (step.kind == rung::cold && !first_was_warm) continue;  // the first call was cold
      const double left = remaining(start);
      if (!(left > 0.0)) {
        first.status = solve_status::time_limit;
        break;
      }
      detail::engine_call call = base_call(cap, left);
      std::unique_ptr<detail::engine_base> other;
      detail::engine_base* e = engine_.get();
      detail::engine_answer answer;
      switch (step.kind) {
        case rung::warm:
          break;
        case rung::cold:
          call.warm = false;
          break;
        case rung::unscaled:
          call.warm = false;
          call.scale = !call.scale;
          break;
        case rung::presolved:
          call.warm = false;
          call.presolve = true;
          break;
        case rung::other_engine:
          other = detail::make_engine(step.backend);
          other->load(model_, matrix_);
          e = other.get();
          call.warm = false;
          call.method = algorithm::automatic;
          break;
        case rung::exact:
          break;
      }
      if (step.kind == rung::exact) {
        answer = exact_solve(call);
      } else {
        answer = e->solve(call);
      }
      ++attempts;
      iterations += answer.iterations;
      if (k == 0) first_was_warm = answer.warm;
      solution s = certify(answer, call, step, badly_scaled);
      s.used = step.kind == rung::exact ? engine::glpk : e->kind();
      ladder += fmt::format("{}{} {}: {}{}", ladder.empty() ? "" : "; ", to_string(s.used),
                            k == 0 && !answer.warm ? "cold" : step.name, to_string(answer.claim),
                            certified(s.status) ? " (certified)"
                            : answer.claim == solve_status::iteration_limit ||
                                    answer.claim == solve_status::time_limit
                                ? ""
                                : " (not certified)");
      if (answer.claim != solve_status::numerical_failure) any_answer = true;
      const bool caller_limit =
          (answer.claim == solve_status::iteration_limit && options_.iteration_limit > 0) ||
          answer.claim == solve_status::time_limit;
      if (certified(s.status) || caller_limit) {
        if (caller_limit) s.status = answer.claim;
        return finish(std::move(s), iterations, attempts, ladder);
      }
      if (!have_first) {
        first = std::move(s);
        have_first = true;
      }
    }
    if (first.status != solve_status::time_limit) {
      first.status = any_answer ? solve_status::uncertified : solve_status::numerical_failure;
    }
    first.message = fmt::format("no certified answer after {} engine call{} ({}){}{}", attempts,
                                attempts == 1 ? "" : "s", ladder,
                                first.message.empty() ? "" : "; first: ", first.message);
    return finish(std::move(first), iterations, attempts, ladder);
  }

 private:
  using clock = std::chrono::steady_clock;

  // Magnitude spread above which an optimum is re-derived in exact arithmetic.
  static constexpr double bad_scaling_spread = 1e12;
  // max |y| · max |a| / (1 + |objective|) above which the duals are re-derived exactly.
  static constexpr double ill_conditioned_dual_ratio = 1e7;

  struct rung {
    enum kind_t { warm, cold, unscaled, presolved, other_engine, exact } kind;
    const char* name;
    engine backend = engine::glpk;
  };

  std::vector<rung> ladder_rungs() const {
    std::vector<rung> r{{rung::warm, "warm"},
                        {rung::cold, "cold"},
                        {rung::unscaled, options_.scale ? "unscaled" : "scaled"},
                        {rung::presolved, "presolved"}};
    const engine mine = engine_->kind();
    const engine theirs = mine == engine::glpk ? engine::clp : engine::glpk;
    if (engine_available(theirs)) r.push_back({rung::other_engine, "cold", theirs});
    if (options_.exact_fallback) r.push_back({rung::exact, "exact"});
    return r;
  }

  // Duals so large that the rounding of c − Aᵀy alone exceeds the engines' tolerances: the
  // reduced costs, and with them the objective error bound, are then not to be trusted.
  bool ill_conditioned_duals(const solution& s) const {
    const double y = s.row_duals.size() > 0 ? s.row_duals.lpNorm<Eigen::Infinity>() : 0.0;
    double a = 0.0;
    for (index_t k = 0; k < matrix_.nonZeros(); ++k)
      a = std::max(a, std::abs(matrix_.valuePtr()[k]));
    return y * a > ill_conditioned_dual_ratio * (1.0 + std::abs(s.objective));
  }

  static bool certified(solve_status s) noexcept {
    return s == solve_status::optimal || s == solve_status::infeasible ||
           s == solve_status::unbounded;
  }

  double remaining(clock::time_point start) const {
    if (!std::isfinite(options_.time_limit_seconds)) return inf;
    const double used = std::chrono::duration<double>(clock::now() - start).count();
    return options_.time_limit_seconds - used;
  }

  detail::engine_call base_call(long cap, double left) const {
    detail::engine_call c;
    c.method = options_.method;
    c.presolve = options_.presolve;
    c.scale = options_.scale;
    c.warm = true;
    c.feasibility_tolerance = options_.feasibility_tolerance;
    c.time_limit_seconds = left;
    c.iteration_limit = cap;
    c.verbose = options_.verbose;
    return c;
  }

  // Exact rational simplex on GLPK, from the live engine's basis when there is one.
  detail::engine_answer exact_solve(const detail::engine_call& call) {
    // A fresh, unscaled GLPK problem holding the live basis: the exact simplex then sees the
    // model's own numbers, not scaled ones.
    detail::glpk_engine g;
    g.load(model_, matrix_);
    g.set_basis(engine_->current_basis());
    return g.solve_exact(call);
  }

  // Re-derive an optimum from its basis in exact arithmetic (badly scaled data).
  bool exact_recheck(solution& s, const detail::engine_call& call) {
    detail::engine_answer ex = exact_solve(call);
    s.iterations += ex.iterations;
    if (ex.claim != solve_status::optimal) return false;
    s.x = std::move(ex.x);
    s.row_duals = std::move(ex.y);
    s.exact = true;
    s.check = verify(model_, matrix_, s, options_.verify_tolerance);
    s.check.exact_recheck = true;
    return s.check.passed;
  }

  solution certify(detail::engine_answer& answer, const detail::engine_call& call, const rung& step,
                   bool badly_scaled) {
    solution s;
    s.claimed = answer.claim;
    s.warm_started = answer.warm;
    s.exact = answer.exact;
    s.message = answer.message;
    s.x = std::move(answer.x);
    s.row_duals = std::move(answer.y);
    if (s.x.size() != model_.num_cols()) s.x = Eigen::VectorXd::Zero(model_.num_cols());
    if (s.row_duals.size() != model_.num_rows())
      s.row_duals = Eigen::VectorXd::Zero(model_.num_rows());
    switch (answer.claim) {
      case solve_status::optimal: {
        s.check = verify(model_, matrix_, s, options_.verify_tolerance);
        // The objective error bound is rigorous only when no multiplier faces an infinite
        // bound with the wrong sign beyond rounding; otherwise (or on badly scaled data) the
        // basis is re-derived exactly.
        const bool loose =
            s.check.dual_infeasibility > options_.feasibility_tolerance || ill_conditioned_duals(s);
        const bool want_exact =
            !s.exact && (options_.exact || ((badly_scaled || loose) && options_.exact_fallback)) &&
            step.kind != rung::exact;
        if (s.check.passed && want_exact) {
          if (!exact_recheck(s, call)) {
            s.message = "the exact re-check of the optimum's basis disagreed: " + describe(s.check);
            return s;
          }
        }
        if (s.check.passed) {
          s.status = solve_status::optimal;
        } else {
          s.message = "the engine's optimum failed verification: " + describe(s.check);
        }
        return s;
      }
      case solve_status::infeasible:
      case solve_status::infeasible_or_unbounded:
      case solve_status::unbounded:
        if (!options_.certify) {
          s.message = fmt::format("{} (certification off)", s.message);
          return s;
        }
        certify_status(s, answer.claim);
        if (certified(s.status) && badly_scaled && options_.exact_fallback &&
            step.kind != rung::exact) {
          // Tolerances are not scale-free: on badly scaled data a ray can pass its check and
          // still be wrong, so the exact simplex must agree (or finds the optimum instead).
          detail::engine_answer ex = exact_solve(call);
          s.iterations += ex.iterations;
          if (ex.claim == solve_status::optimal) {
            s = certify(ex, call, rung{rung::exact, "exact"}, false);
            s.exact = true;
          } else if (ex.claim != s.status) {
            s.message =
                fmt::format("{}; but the exact simplex claims {}", s.message, to_string(ex.claim));
            s.status = solve_status::not_solved;
          }
        }
        return s;
      default:
        return s;
    }
  }

  // Solve an auxiliary LP (always feasible and bounded) and certify its optimum.
  solution solve_auxiliary(const model& aux) const {
    return detail::solve_auxiliary(
        aux, options_, engine_->kind(),
        base_call(options_.stall_iterations + 50 * (aux.num_rows() + aux.num_cols()),
                  options_.time_limit_seconds));
  }

  // Certify an infeasible / unbounded claim; sets s.status on success.
  void certify_status(solution& s, solve_status claim) {
    detail::certify_claim(s, claim, model_, matrix_, options_,
                          [this](const model& aux) { return solve_auxiliary(aux); });
  }

  static solution finish(solution s, long iterations, int attempts, std::string ladder) {
    s.iterations = iterations;
    s.attempts = attempts;
    s.ladder = std::move(ladder);
    if (s.status == solve_status::optimal && attempts > 1) {
      s.message = fmt::format("certified after {} engine calls ({})", attempts, s.ladder);
    }
    return s;
  }
};

/// \brief Solve \p m once with a fresh solver (see lp::solver).
/// \throws invalid_argument for bad options, and the exceptions of model::validate().
inline solution solve(model m, const solver_options& options = {}) {
  solver s(options);
  return s.solve(std::move(m));
}

}  // namespace mechdesign::lp

#endif  // MECHDESIGN_LP_SOLVER_HPP
