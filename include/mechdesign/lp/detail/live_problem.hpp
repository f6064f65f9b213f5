#ifndef MECHDESIGN_LP_DETAIL_LIVE_PROBLEM_HPP
#define MECHDESIGN_LP_DETAIL_LIVE_PROBLEM_HPP

/// \file
/// \brief Internal base of lp::solver: one model kept in step with one live engine problem.
/// Every change (objective, bounds, row coefficients, new rows and columns, a whole new model's
/// data) is validated first, applied to both, and keeps the engine's basis; the cached CSR
/// matrix is overwritten in place when a row keeps its pattern. Users reach these members
/// through lp::solver.

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/lp/detail/certificates.hpp"
#include "mechdesign/lp/detail/engine.hpp"
#include "mechdesign/lp/detail/row_buffer.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/options.hpp"

namespace mechdesign::lp::detail {

/// The model, its matrix and the live engine problem of an lp::solver (see the file comment).
class live_problem {
 public:
  /// \brief Load \p m (validated first: nothing invalid reaches an engine) and drop any basis.
  /// \throws index_error, non_finite_error, model_error from model::validate().
  void load(model m) {
    m.validate();
    model_ = std::move(m);
    matrix_ = model_.matrix_unchecked();
    matrix_dirty_ = false;
    spread_ = magnitude_spread(model_, matrix_);
    engine_ = make_engine(choose_engine());
    engine_->load(model_, matrix_);
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
      summed_into(buffer_, m.row_coefficients(r));
      const bool coefficients = !same_row(buffer_, matrix_, r);
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
      summed_into(buffer_, m.row_coefficients(r));
      engine_->set_row(r, buffer_);
      if (!overwrite_row(buffer_, matrix_, r)) matrix_dirty_ = true;
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
    if (!changed_rows_.empty() && !matrix_dirty_) spread_ = magnitude_spread(model_, matrix_);
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
    engine_->set_row(row, summed(model_.row_coefficients(row)));
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
    engine_->add_row(summed(model_.row_coefficients(r)), lower, upper);
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
    engine_->add_column(lower, upper, objective, summed(std::move(col)));
    matrix_dirty_ = true;
    return j;
  }

  /// \brief The model as currently loaded (with every change applied).
  const model& current_model() const noexcept { return model_; }
  /// \brief The options in use.
  const solver_options& options() const noexcept { return options_; }
  /// \brief The engine the loaded model runs on (automatic resolved at load()).
  engine active_engine() const noexcept { return engine_ ? engine_->kind() : engine::automatic; }

 protected:
  /// Options validated (lp/options.hpp); invalid_argument names the field otherwise.
  explicit live_problem(solver_options options) : options_(options) { validate(options_); }

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
    spread_ = magnitude_spread(model_, matrix_);
    matrix_dirty_ = false;
  }

  solver_options options_;
  model model_;
  model::sparse_matrix matrix_;
  bool matrix_dirty_ = false;
  double spread_ = 1.0;
  std::unique_ptr<engine_base> engine_;
  // Scratch space of update(), kept to avoid allocations on the hot path.
  sparse_vector buffer_;
  std::vector<index_t> changed_rows_, changed_bounds_, changed_cols_;
};

}  // namespace mechdesign::lp::detail

#endif  // MECHDESIGN_LP_DETAIL_LIVE_PROBLEM_HPP
