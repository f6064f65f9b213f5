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
#include "mechdesign/lp/detail/engine.hpp"
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

namespace detail {

// Sort by column, sum duplicates, drop zeros.
inline sparse_vector summed(std::vector<std::pair<index_t, double>> v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  sparse_vector out;
  out.reserve(v.size());
  for (const auto& [c, x] : v) {
    if (!out.empty() && out.back().first == c) {
      out.back().second += x;
    } else {
      out.emplace_back(c, x);
    }
  }
  out.erase(std::remove_if(out.begin(), out.end(), [](const auto& e) { return e.second == 0.0; }),
            out.end());
  return out;
}

// summed() into a reused buffer.
inline void summed_into(sparse_vector& out, const std::vector<std::pair<index_t, double>>& v) {
  out.assign(v.begin(), v.end());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t w = 0;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (w > 0 && out[w - 1].first == out[k].first) {
      out[w - 1].second += out[k].second;
    } else {
      out[w++] = out[k];
    }
  }
  out.resize(w);
  out.erase(std::remove_if(out.begin(), out.end(), [](const auto& e) { return e.second == 0.0; }),
            out.end());
}

// Whether row r of the compressed matrix a equals the summed row v.
inline bool same_row(const sparse_vector& v, const model::sparse_matrix& a, index_t r) {
  std::size_t k = 0;
  for (model::sparse_matrix::InnerIterator it(a, r); it; ++it, ++k) {
    if (k >= v.size() || v[k].first != it.col() || v[k].second != it.value()) return false;
  }
  return k == v.size();
}

// Overwrite row r's values in place when v has the same pattern; false if it does not.
inline bool overwrite_row(const sparse_vector& v, model::sparse_matrix& a, index_t r) {
  std::size_t k = 0;
  for (model::sparse_matrix::InnerIterator it(a, r); it; ++it, ++k) {
    if (k >= v.size() || v[k].first != it.col()) return false;
  }
  if (k != v.size()) return false;
  k = 0;
  for (model::sparse_matrix::InnerIterator it(a, r); it; ++it, ++k) it.valueRef() = v[k].second;
  return true;
}

inline std::unique_ptr<engine_base> make_engine(engine e) {
#ifdef MECHDESIGN_HAS_CLP
  if (e == engine::clp) return std::make_unique<clp_engine>();
#endif
  (void)e;
  return std::make_unique<glpk_engine>();
}

// Largest / smallest nonzero magnitude among the coefficients and objective entries.
inline double magnitude_spread(const model& m, const model::sparse_matrix& a) {
  double lo = std::numeric_limits<double>::infinity(), hi = 0.0;
  for (index_t k = 0; k < a.nonZeros(); ++k) {
    const double v = std::abs(a.valuePtr()[k]);
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  for (index_t j = 0; j < m.num_cols(); ++j) {
    const double v = std::abs(m.objective(j));
    if (v == 0.0) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  return hi > 0.0 ? hi / lo : 1.0;
}

// Phase one: minimise the weighted violation of the rows, Σ w_r (p_r + n_r) with
// l_r ≤ a_r x + p_r − n_r ≤ u_r, w_r = 1 / (1 + |b_r|), x within its bounds.
inline model phase_one(const model& m) {
  model f(objective_sense::minimize);
  for (index_t j = 0; j < m.num_cols(); ++j) f.add_variable({}, m.col_lower(j), m.col_upper(j));
  for (index_t r = 0; r < m.num_rows(); ++r) {
    const double lo = m.row_lower(r), up = m.row_upper(r);
    const double w = 1.0 / scale_of(lo, up);
    std::vector<std::pair<index_t, double>> row = m.row_coefficients(r);
    if (std::isfinite(lo)) row.emplace_back(f.add_variable({}, 0.0, inf, w), 1.0);
    if (std::isfinite(up)) row.emplace_back(f.add_variable({}, 0.0, inf, w), -1.0);
    f.add_row({}, std::move(row), lo, up);
  }
  return f;
}

// The recession LP: the best slope of the objective along a ray r, ‖r‖∞ ≤ 1.
inline model recession(const model& m) {
  model f(m.sense());
  for (index_t j = 0; j < m.num_cols(); ++j) {
    f.add_variable({}, std::isfinite(m.col_lower(j)) ? 0.0 : -1.0,
                   std::isfinite(m.col_upper(j)) ? 0.0 : 1.0, m.objective(j));
  }
  for (index_t r = 0; r < m.num_rows(); ++r) {
    f.add_row({}, m.row_coefficients(r), std::isfinite(m.row_lower(r)) ? 0.0 : -inf,
              std::isfinite(m.row_upper(r)) ? 0.0 : inf);
  }
  return f;
}

}  // namespace detail

/// \brief The LP solver seam (see the file comment): one model, one live engine problem, warm
/// re-solves, certified statuses.
class solver {
 public:
  /// \brief A solver with options \p options; call load() or solve(model) next.
  /// \throws invalid_argument if an option is outside its documented range (lp/options.hpp).
  explicit solver(solver_options options = {}) : options_(options) { validate(options_); }

  /// \brief Load \p m (validated first: nothing invalid reaches an engine) and drop any basis.
  /// \throws index_error, non_finite_error, model_error from model::validate().
  void load(model m) {
    m.validate();
    model_ = std::move(m);
    matrix_ = model_.matrix_unchecked();
    matrix_dirty_ = false;
    spread_ = detail::magnitude_spread(model_, matrix_);
    engine_ = detail::make_engine(choose_engine());
    engine_->load(model_, matrix_);
  }

  /// \brief Load \p m and solve it.
  solution solve(model m) {
    load(std::move(m));
    return solve();
  }

  /// \brief Replace the loaded model's data by that of \p m (same rows, columns and sense),
  /// pushing to the engine only what differs; the basis and the loaded names are kept (so \p m
  /// may have empty names).
  /// \throws model_error if nothing is loaded, dimension_error on another shape, and the
  /// exceptions of model::validate() for the rows and columns that changed — all before anything
  /// changes.
  void update(const model& m) {
    require_loaded();
    if (m.num_rows() != model_.num_rows() || m.num_cols() != model_.num_cols() ||
        m.sense() != model_.sense()) {
      throw dimension_error(fmt::format(
          "lp::solver::update: a {}x{} model cannot replace the loaded {}x{} one (or the sense "
          "differs)",
          m.num_rows(), m.num_cols(), model_.num_rows(), model_.num_cols()));
    }
    refresh_matrix();
    if (!std::isfinite(m.objective_constant()))
      throw non_finite_error("lp::solver::update: objective constant");
    // Pass 1: find and validate what changed (nothing is modified if anything is invalid).
    changed_rows_.clear();
    changed_bounds_.clear();
    changed_cols_.clear();
    for (index_t r = 0; r < m.num_rows(); ++r) {
      detail::summed_into(buffer_, m.row_coefficients(r));
      const bool coefficients = !detail::same_row(buffer_, matrix_, r);
      const bool bounds =
          m.row_lower(r) != model_.row_lower(r) || m.row_upper(r) != model_.row_upper(r);
      if (coefficients || bounds) m.validate_row(r);
      if (coefficients) changed_rows_.push_back(r);
      if (bounds) changed_bounds_.push_back(r);
    }
    for (index_t j = 0; j < m.num_cols(); ++j) {
      if (m.objective(j) != model_.objective(j) || m.col_lower(j) != model_.col_lower(j) ||
          m.col_upper(j) != model_.col_upper(j)) {
        m.validate_column(j);
        changed_cols_.push_back(j);
      }
    }
    // Pass 2: apply.
    for (const index_t r : changed_rows_) {
      detail::summed_into(buffer_, m.row_coefficients(r));
      engine_->set_row(r, buffer_);
      if (!detail::overwrite_row(buffer_, matrix_, r)) matrix_dirty_ = true;
      model_.set_row_coefficients(r, m.row_coefficients(r));
    }
    for (const index_t r : changed_bounds_) {
      model_.set_row_bounds(r, m.row_lower(r), m.row_upper(r));
      engine_->set_row_bounds(r, m.row_lower(r), m.row_upper(r));
    }
    for (const index_t j : changed_cols_) {
      if (m.objective(j) != model_.objective(j)) {
        model_.set_objective(j, m.objective(j));
        engine_->set_objective(j, m.objective(j));
      }
      if (m.col_lower(j) != model_.col_lower(j) || m.col_upper(j) != model_.col_upper(j)) {
        model_.set_col_bounds(j, m.col_lower(j), m.col_upper(j));
        engine_->set_col_bounds(j, m.col_lower(j), m.col_upper(j));
      }
    }
    if (m.objective_constant() != model_.objective_constant()) {
      model_.set_objective_constant(m.objective_constant());
      engine_->set_objective_constant(m.objective_constant());
    }
    if (!changed_rows_.empty() && !matrix_dirty_)
      spread_ = detail::magnitude_spread(model_, matrix_);
  }

  /// \brief Replace the objective (one entry per column) and its constant, keeping the basis.
  /// \throws model_error if nothing is loaded, dimension_error, non_finite_error, model_error.
  void set_objective(const Eigen::Ref<const Eigen::VectorXd>& c, double constant = 0.0) {
    require_loaded();
    if (c.size() != model_.num_cols()) {
      throw dimension_error(fmt::format("lp::solver::set_objective: {} entries for {} columns",
                                        c.size(), model_.num_cols()));
    }
    if (!std::isfinite(constant))
      throw non_finite_error("lp::solver::set_objective: objective constant");
    for (index_t j = 0; j < c.size(); ++j) {
      if (!std::isfinite(c(j)) || std::abs(c(j)) > model::max_magnitude) {
        throw non_finite_error(fmt::format("lp::solver::set_objective: entry {} ('{}') is {}", j,
                                           model_.col_name(j), c(j)));
      }
    }
    for (index_t j = 0; j < c.size(); ++j) {
      if (c(j) != model_.objective(j)) {
        model_.set_objective(j, c(j));
        engine_->set_objective(j, c(j));
      }
    }
    if (constant != model_.objective_constant()) {
      model_.set_objective_constant(constant);
      engine_->set_objective_constant(constant);
    }
  }

  /// \brief Change the objective coefficient of column \p col, keeping the basis.
  void set_objective(index_t col, double value) {
    require_loaded();
    check_col(col);
    const double previous = model_.objective(col);
    model_.set_objective(col, value);
    try {
      model_.validate_column(col);
    } catch (...) {
      model_.set_objective(col, previous);
      throw;
    }
    engine_->set_objective(col, value);
  }

  /// \brief Change the bounds of row \p row, keeping the basis.
  /// \throws index_error, non_finite_error, model_error (the model is left unchanged).
  void set_row_bounds(index_t row, double lower, double upper) {
    require_loaded();
    check_row(row);
    const double lo0 = model_.row_lower(row), up0 = model_.row_upper(row);
    model_.set_row_bounds(row, lower, upper);
    try {
      model_.validate_row(row);
    } catch (...) {
      model_.set_row_bounds(row, lo0, up0);
      throw;
    }
    engine_->set_row_bounds(row, lower, upper);
  }

  /// \brief Change the bounds of column \p col, keeping the basis.
  /// \throws index_error, non_finite_error, model_error (the model is left unchanged).
  void set_col_bounds(index_t col, double lower, double upper) {
    require_loaded();
    check_col(col);
    const double lo0 = model_.col_lower(col), up0 = model_.col_upper(col);
    model_.set_col_bounds(col, lower, upper);
    try {
      model_.validate_column(col);
    } catch (...) {
      model_.set_col_bounds(col, lo0, up0);
      throw;
    }
    engine_->set_col_bounds(col, lower, upper);
  }

  /// \brief Replace the coefficients of row \p row, keeping the basis.
  /// \throws index_error, non_finite_error, model_error (the model is left unchanged).
  void set_row_coefficients(index_t row, std::vector<std::pair<index_t, double>> coefficients) {
    require_loaded();
    check_row(row);
    auto previous = model_.row_coefficients(row);
    model_.set_row_coefficients(row, std::move(coefficients));
    try {
      model_.validate_row(row);
    } catch (...) {
      model_.set_row_coefficients(row, std::move(previous));
      throw;
    }
    engine_->set_row(row, detail::summed(model_.row_coefficients(row)));
    matrix_dirty_ = true;
  }

  /// \brief Append a row lower ≤ Σ coefficients ≤ upper to the loaded model (cutting planes,
  /// lazy rows); the basis stays usable. Returns its index.
  /// \throws index_error, non_finite_error, model_error (nothing is added).
  index_t add_row(std::string name, std::vector<std::pair<index_t, double>> coefficients,
                  double lower, double upper) {
    require_loaded();
    const index_t r = model_.add_row(std::move(name), std::move(coefficients), lower, upper);
    try {
      model_.validate_row(r);
    } catch (...) {
      model_.pop_row();
      throw;
    }
    engine_->add_row(detail::summed(model_.row_coefficients(r)), lower, upper);
    matrix_dirty_ = true;
    return r;
  }

  /// \brief Append a column with bounds, objective coefficient and coefficients in existing rows
  /// (row index, value); the basis stays usable. Returns its index.
  /// \throws index_error, non_finite_error, model_error (nothing is added).
  index_t add_column(std::string name, double lower, double upper, double objective,
                     const std::vector<std::pair<index_t, double>>& coefficients) {
    require_loaded();
    for (const auto& [r, v] : coefficients) {
      if (r < 0 || r >= model_.num_rows())
        throw index_error(fmt::format("lp::solver::add_column: row {} out of range", r));
      (void)v;
    }
    const index_t j = model_.add_variable(std::move(name), lower, upper, objective);
    try {
      model_.validate_column(j);
      for (const auto& [r, v] : coefficients) model_.add_coefficient(r, j, v);
      for (const auto& [r, v] : coefficients) model_.validate_row(r);
    } catch (...) {
      model_.pop_column(j);
      throw;
    }
    std::vector<std::pair<index_t, double>> col(coefficients.begin(), coefficients.end());
    engine_->add_column(lower, upper, objective, detail::summed(std::move(col)));
    matrix_dirty_ = true;
    return j;
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
      ladder += fmt::format(
          "{}{} {}: {}{}", ladder.empty() ? "" : "; ", to_string(s.used),
          k == 0 && !answer.warm ? "cold" : step.name, to_string(answer.claim),
          certified(s.status) ? " (certified)"
          : answer.claim == solve_status::iteration_limit || answer.claim == solve_status::time_limit
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

  /// \brief The model as currently loaded (with every change applied).
  const model& current_model() const noexcept { return model_; }
  /// \brief The options in use.
  const solver_options& options() const noexcept { return options_; }
  /// \brief The engine the loaded model runs on (automatic resolved at load()).
  engine active_engine() const noexcept { return engine_ ? engine_->kind() : engine::automatic; }

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
    return s == solve_status::optimal || s == solve_status::infeasible || s == solve_status::unbounded;
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

  engine choose_engine() const {
    if (options_.backend != engine::automatic) return options_.backend;
    if (!engine_available(engine::clp)) return engine::glpk;
    return static_cast<double>(model_.num_rows()) * static_cast<double>(model_.num_cols()) >
                   options_.clp_threshold
               ? engine::clp
               : engine::glpk;
  }

  void require_loaded() const {
    if (!engine_) throw model_error("lp::solver: no model loaded");
  }
  void check_row(index_t r) const {
    if (r < 0 || r >= model_.num_rows())
      throw index_error(
          fmt::format("lp::solver: row {} out of range ({} rows)", r, model_.num_rows()));
  }
  void check_col(index_t j) const {
    if (j < 0 || j >= model_.num_cols())
      throw index_error(
          fmt::format("lp::solver: column {} out of range ({} columns)", j, model_.num_cols()));
  }

  void refresh_matrix() {
    if (!matrix_dirty_) return;
    matrix_ = model_.matrix_unchecked();
    spread_ = detail::magnitude_spread(model_, matrix_);
    matrix_dirty_ = false;
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
    const model::sparse_matrix a = aux.matrix_unchecked();
    detail::engine_call call =
        base_call(options_.stall_iterations + 50 * (aux.num_rows() + aux.num_cols()),
                  options_.time_limit_seconds);
    call.warm = false;
    for (int attempt = 0; attempt < 3; ++attempt) {
      std::unique_ptr<detail::engine_base> e =
          detail::make_engine(attempt == 1 ? engine::glpk : engine_->kind());
      e->load(aux, a);
      if (attempt == 1) call.scale = !call.scale;
      detail::engine_answer ans;
      if (attempt == 2) {
        auto* g = dynamic_cast<detail::glpk_engine*>(e.get());
        if (g == nullptr || !options_.exact_fallback) break;
        ans = g->solve_exact(call);
      } else {
        ans = e->solve(call);
      }
      if (ans.claim != solve_status::optimal) continue;
      solution s;
      s.x = std::move(ans.x);
      s.row_duals = std::move(ans.y);
      s.check = verify(aux, a, s, options_.verify_tolerance);
      if (s.check.passed) {
        s.status = solve_status::optimal;
        return s;
      }
    }
    return {};
  }

  // Certify an infeasible / unbounded claim; sets s.status on success.
  void certify_status(solution& s, solve_status claim) {
    const double tol = options_.verify_tolerance;
    const model f = detail::phase_one(model_);
    solution p1 = solve_auxiliary(f);
    if (!p1.ok()) {
      s.message += "; the phase-one LP could not be solved to a certified optimum";
      return;
    }
    if (p1.objective > tol) {
      if (claim == solve_status::unbounded) {
        s.message +=
            fmt::format("; but the rows cannot all hold (weighted violation {:.3g})", p1.objective);
      }
      for (double sign : {1.0, -1.0}) {
        const Eigen::VectorXd y = sign * p1.row_duals;
        verification v = check_farkas(model_, matrix_, y, tol);
        if (v.passed) {
          s.farkas = y;
          s.check = v;
          s.status = solve_status::infeasible;
          s.message = fmt::format("infeasible: Farkas ray checked ({})", describe(v));
          return;
        }
        if (sign > 0) s.check = v;
      }
      s.message += "; no Farkas ray passed its check: " + describe(s.check);
      return;
    }
    if (claim == solve_status::infeasible) {
      s.message += fmt::format(
          "; but a phase-one LP found a point violating the rows by at most {:.3g} (weighted)",
          p1.objective);
      s.x = p1.x.head(model_.num_cols());
      return;
    }
    const solution rl = solve_auxiliary(detail::recession(model_));
    if (!rl.ok()) {
      s.message += "; the recession LP could not be solved to a certified optimum";
      return;
    }
    solution candidate;
    candidate.x = p1.x.head(model_.num_cols());
    candidate.ray = rl.x;
    verification v = check_ray(model_, matrix_, candidate, tol);
    if (v.passed) {
      s.x = candidate.x;
      s.ray = candidate.ray;
      s.row_activity = candidate.row_activity;
      s.objective = candidate.objective;
      s.check = v;
      s.status = solve_status::unbounded;
      s.message = fmt::format("unbounded: feasible point and ray checked ({})", describe(v));
      return;
    }
    s.check = v;
    s.message += "; but no improving ray passed its check: " + describe(v);
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

  solver_options options_;
  model model_;
  model::sparse_matrix matrix_;
  bool matrix_dirty_ = false;
  double spread_ = 1.0;
  std::unique_ptr<detail::engine_base> engine_;
  // Scratch space of update(), kept to avoid allocations on the hot path.
  detail::sparse_vector buffer_;
  std::vector<index_t> changed_rows_, changed_bounds_, changed_cols_;
};

/// \brief Solve \p m once with a fresh solver (see lp::solver).
/// \throws invalid_argument for bad options, and the exceptions of model::validate().
inline solution solve(model m, const solver_options& options = {}) {
  solver s(options);
  return s.solve(std::move(m));
}

}  // namespace mechdesign::lp

#endif  // MECHDESIGN_LP_SOLVER_HPP
