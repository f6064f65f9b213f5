#ifndef MECHDESIGN_LP_MODEL_HPP
#define MECHDESIGN_LP_MODEL_HPP

/// \file
/// \brief A linear program in bounded-row form: optimise c'x + c0 subject to
/// row_lower ≤ A x ≤ row_upper and col_lower ≤ x ≤ col_upper, with named rows and columns and a
/// sparse A stored by rows. Engine-independent; lp/solver.hpp solves it.

#include <fmt/format.h>

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/type_space.hpp"

namespace mechdesign::lp {

/// \brief +∞, for absent bounds.
inline constexpr double inf = std::numeric_limits<double>::infinity();

/// \brief Direction of optimisation.
enum class objective_sense { maximize, minimize };

/// \brief A linear program with named, bounded rows and columns (see the file comment).
class model {
 public:
  using sparse_matrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;

  /// \brief Largest accepted magnitude of a coefficient, objective entry or finite bound: GLPK's
  /// scaler computes a zero scale factor (and aborts the process) near 1e154.
  static constexpr double max_magnitude = 1e150;
  /// \brief Smallest accepted magnitude of a nonzero coefficient (GLPK's scaler underflows near
  /// 1e-162).
  static constexpr double min_magnitude = 1e-150;

  /// \brief An empty model with the given direction.
  explicit model(objective_sense sense = objective_sense::maximize) : sense_(sense) {}

  /// \brief Add a column lower ≤ x ≤ upper with objective coefficient \p objective; returns its
  /// index. Use ±lp::inf for absent bounds.
  index_t add_variable(std::string name, double lower = 0.0, double upper = inf,
                       double objective = 0.0) {
    col_names_.push_back(std::move(name));
    col_lower_.push_back(lower);
    col_upper_.push_back(upper);
    objective_.push_back(objective);
    return static_cast<index_t>(col_names_.size()) - 1;
  }

  /// \brief Add a row lower ≤ Σ coefficients ≤ upper; repeated columns are summed. Returns the
  /// row index.
  index_t add_row(std::string name, std::vector<std::pair<index_t, double>> coefficients,
                  double lower, double upper) {
    const index_t r = static_cast<index_t>(row_names_.size());
    row_names_.push_back(std::move(name));
    row_lower_.push_back(lower);
    row_upper_.push_back(upper);
    num_entries_ += coefficients.size();
    rows_.push_back(std::move(coefficients));
    return r;
  }

  /// \brief Add \p value to A(row, col) (entries given twice are summed).
  /// \throws index_error if \p row is not a row of the model.
  void add_coefficient(index_t row, index_t col, double value) {
    check_row(row);
    rows_[static_cast<std::size_t>(row)].emplace_back(col, value);
    ++num_entries_;
  }

  /// \brief Replace all coefficients of row \p row (repeated columns are summed).
  /// \throws index_error if \p row is not a row of the model.
  void set_row_coefficients(index_t row, std::vector<std::pair<index_t, double>> coefficients) {
    check_row(row);
    auto& target = rows_[static_cast<std::size_t>(row)];
    num_entries_ += coefficients.size();
    num_entries_ -= target.size();
    target = std::move(coefficients);
  }

  /// \brief Remove the last row (undoes add_row). \throws model_error if there is none.
  void pop_row() {
    if (rows_.empty()) throw model_error("lp::model::pop_row: the model has no rows");
    num_entries_ -= rows_.back().size();
    rows_.pop_back();
    row_names_.pop_back();
    row_lower_.pop_back();
    row_upper_.pop_back();
  }

  /// \brief Remove the last column \p col (undoes add_variable and its coefficients).
  /// \throws model_error unless \p col is the last column.
  void pop_column(index_t col) {
    if (col != num_cols() - 1 || col < 0)
      throw model_error("lp::model::pop_column: only the last column can be removed");
    for (auto& row : rows_) {
      const auto before = row.size();
      row.erase(
          std::remove_if(row.begin(), row.end(), [&](const auto& e) { return e.first == col; }),
          row.end());
      num_entries_ -= before - row.size();
    }
    col_names_.pop_back();
    col_lower_.pop_back();
    col_upper_.pop_back();
    objective_.pop_back();
  }

  /// \brief The coefficients of row \p r as given (not summed, zeros kept).
  const std::vector<std::pair<index_t, double>>& row_coefficients(index_t r) const {
    return rows_.at(static_cast<std::size_t>(r));
  }

  /// \brief Set the objective coefficient of column \p col.
  void set_objective(index_t col, double value) {
    check_col(col);
    objective_[static_cast<std::size_t>(col)] = value;
  }
  /// \brief Replace the whole objective vector. \throws dimension_error on a size mismatch.
  void set_objective(const Eigen::Ref<const Eigen::VectorXd>& c) {
    if (c.size() != num_cols()) {
      throw dimension_error(
          fmt::format("lp::model: objective has {} entries for {} columns", c.size(), num_cols()));
    }
    for (index_t j = 0; j < c.size(); ++j) objective_[static_cast<std::size_t>(j)] = c(j);
  }
  /// \brief The constant c0 added to the objective.
  void set_objective_constant(double c0) { constant_ = c0; }
  /// \brief Change the bounds of row \p row.
  void set_row_bounds(index_t row, double lower, double upper) {
    check_row(row);
    row_lower_[static_cast<std::size_t>(row)] = lower;
    row_upper_[static_cast<std::size_t>(row)] = upper;
  }
  /// \brief Change the bounds of column \p col.
  void set_col_bounds(index_t col, double lower, double upper) {
    check_col(col);
    col_lower_[static_cast<std::size_t>(col)] = lower;
    col_upper_[static_cast<std::size_t>(col)] = upper;
  }

  /// \brief Change the direction of optimisation.
  void set_sense(objective_sense sense) noexcept { sense_ = sense; }
  /// \brief Direction of optimisation.
  objective_sense sense() const noexcept { return sense_; }
  /// \brief Number of rows (constraints).
  index_t num_rows() const noexcept { return static_cast<index_t>(row_names_.size()); }
  /// \brief Number of columns (variables).
  index_t num_cols() const noexcept { return static_cast<index_t>(col_names_.size()); }
  /// \brief The constant c0 of the objective.
  double objective_constant() const noexcept { return constant_; }
  /// \brief Objective coefficient of column \p col.
  double objective(index_t col) const { return objective_.at(static_cast<std::size_t>(col)); }
  /// \brief The objective coefficients as a vector.
  Eigen::VectorXd objective_vector() const {
    return Eigen::Map<const Eigen::VectorXd>(objective_.data(), num_cols());
  }
  /// \brief Lower bound of row \p r (−∞ if none).
  double row_lower(index_t r) const { return row_lower_.at(static_cast<std::size_t>(r)); }
  /// \brief Upper bound of row \p r (+∞ if none).
  double row_upper(index_t r) const { return row_upper_.at(static_cast<std::size_t>(r)); }
  /// \brief Lower bound of column \p c (−∞ if none).
  double col_lower(index_t c) const { return col_lower_.at(static_cast<std::size_t>(c)); }
  /// \brief Upper bound of column \p c (+∞ if none).
  double col_upper(index_t c) const { return col_upper_.at(static_cast<std::size_t>(c)); }
  /// \brief Name of row \p r.
  const std::string& row_name(index_t r) const {
    return row_names_.at(static_cast<std::size_t>(r));
  }
  /// \brief Name of column \p c.
  const std::string& col_name(index_t c) const {
    return col_names_.at(static_cast<std::size_t>(c));
  }
  /// \brief Number of stored coefficients (before duplicates are summed).
  std::size_t num_triplets() const noexcept { return num_entries_; }

  /// \brief The constraint matrix A with duplicate entries summed and explicit zeros dropped.
  /// \throws the exceptions of validate().
  sparse_matrix matrix() const {
    validate();
    return matrix_unchecked();
  }

  /// \brief As matrix(), without validate() (for callers that validated already).
  sparse_matrix matrix_unchecked() const {
    std::vector<Eigen::Triplet<double, index_t>> triplets;
    triplets.reserve(num_entries_);
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      for (const auto& [c, v] : rows_[r]) triplets.emplace_back(static_cast<index_t>(r), c, v);
    }
    sparse_matrix a(num_rows(), num_cols());
    a.setFromTriplets(triplets.begin(), triplets.end());
    a.prune(0.0, 0.0);
    a.makeCompressed();
    return a;
  }

  /// \brief Check everything an engine would choke on: indices in range, finite coefficients,
  /// finite objective, no NaN bounds, no +∞ lower or −∞ upper bound, lower ≤ upper, and every
  /// magnitude within [min_magnitude, max_magnitude] (zeros aside).
  /// \throws index_error, non_finite_error, model_error naming the offending row/column.
  void validate() const {
    if (!std::isfinite(constant_)) throw non_finite_error("lp::model: objective constant");
    for (index_t r = 0; r < num_rows(); ++r) validate_row(r);
    for (index_t j = 0; j < num_cols(); ++j) validate_column(j);
  }

  /// \brief validate() for row \p r only: its bounds and coefficients.
  void validate_row(index_t r) const {
    check_row(r);
    for (const auto& [c, v] : rows_[static_cast<std::size_t>(r)]) {
      if (c < 0 || c >= num_cols()) {
        throw index_error(fmt::format("lp::model: coefficient at ({}, {}) outside the {}x{} model",
                                      r, c, num_rows(), num_cols()));
      }
      if (!std::isfinite(v)) {
        throw non_finite_error(fmt::format("lp::model: coefficient of '{}' in row '{}' is {}",
                                           col_name(c), row_name(r), v));
      }
      if (v != 0.0 && !(std::abs(v) >= min_magnitude && std::abs(v) <= max_magnitude)) {
        throw model_error(fmt::format(
            "lp::model: coefficient of '{}' in row '{}' is {}, outside the accepted magnitudes "
            "[{}, {}] (rescale the row or column)",
            col_name(c), row_name(r), v, min_magnitude, max_magnitude));
      }
    }
    check_bounds(row_lower(r), row_upper(r), "row", row_name(r));
  }

  /// \brief validate() for column \p j only: its bounds and objective coefficient.
  void validate_column(index_t j) const {
    check_col(j);
    if (!std::isfinite(objective(j))) {
      throw non_finite_error(
          fmt::format("lp::model: objective coefficient of '{}' is {}", col_name(j), objective(j)));
    }
    if (std::abs(objective(j)) > max_magnitude) {
      throw model_error(fmt::format(
          "lp::model: objective coefficient of '{}' is {}, above the accepted magnitude {}",
          col_name(j), objective(j), max_magnitude));
    }
    check_bounds(col_lower(j), col_upper(j), "column", col_name(j));
  }

 private:
  static void check_bounds(double lo, double up, const char* what, const std::string& name) {
    if (std::isnan(lo) || std::isnan(up)) {
      throw non_finite_error(fmt::format("lp::model: {} '{}' has a NaN bound", what, name));
    }
    if (lo == inf || up == -inf) {
      throw model_error(fmt::format("lp::model: {} '{}' has bounds [{}, {}]", what, name, lo, up));
    }
    if (lo > up) {
      throw model_error(fmt::format("lp::model: {} '{}' has lower bound {} above upper bound {}",
                                    what, name, lo, up));
    }
    if ((std::isfinite(lo) && std::abs(lo) > max_magnitude) ||
        (std::isfinite(up) && std::abs(up) > max_magnitude)) {
      throw model_error(
          fmt::format("lp::model: {} '{}' has bounds [{}, {}], beyond the accepted magnitude {}",
                      what, name, lo, up, max_magnitude));
    }
  }
  void check_row(index_t r) const {
    if (r < 0 || r >= num_rows())
      throw index_error(fmt::format("lp::model: row {} out of range", r));
  }
  void check_col(index_t c) const {
    if (c < 0 || c >= num_cols())
      throw index_error(fmt::format("lp::model: column {} out of range", c));
  }

  objective_sense sense_;
  double constant_ = 0.0;
  std::vector<std::string> row_names_, col_names_;
  std::vector<double> row_lower_, row_upper_, col_lower_, col_upper_, objective_;
  std::vector<std::vector<std::pair<index_t, double>>> rows_;  // [r]: (column, value)
  std::size_t num_entries_ = 0;
};

}  // namespace mechdesign::lp

#endif  // MECHDESIGN_LP_MODEL_HPP
