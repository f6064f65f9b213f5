#ifndef MECHDESIGN_LP_DETAIL_ENGINE_HPP
#define MECHDESIGN_LP_DETAIL_ENGINE_HPP

/// \file
/// \brief The interface every LP engine implements for lp::solver (lp/solver.hpp). Engines see
/// only validated data, keep their problem alive between calls for warm re-solves, and answer
/// with a *claim*: lp::solver certifies it (lp/verify.hpp) before anyone believes it.
/// Not for users: include lp/solver.hpp.

#include <Eigen/Core>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/options.hpp"
#include "mechdesign/lp/solution.hpp"

namespace mechdesign::lp::detail {

/// One row or column's coefficients, duplicates summed, zeros dropped, sorted by index.
using sparse_vector = std::vector<std::pair<index_t, double>>;

/// What one engine call is asked to do (already validated by lp::solver).
struct engine_call {
  algorithm method = algorithm::automatic;
  bool presolve = false;
  bool scale = true;
  bool warm = true;  ///< start from the engine's current basis if it has one
  double feasibility_tolerance = 1e-9;
  double time_limit_seconds = 600.0;  ///< > 0; may be +∞
  long iteration_limit = 0;           ///< > 0: the engine stops there
  bool verbose = false;
};

/// What an engine claims after one call.
struct engine_answer {
  solve_status claim =
      solve_status::not_solved;  ///< optimal, infeasible, unbounded, infeasible_or_unbounded,
                                 ///< iteration_limit, time_limit or numerical_failure
  Eigen::VectorXd x;             ///< column values (empty if the engine has none)
  Eigen::VectorXd y;             ///< row duals in lp/solution.hpp's sign convention (empty if none)
  long iterations = 0;
  bool warm = false;   ///< the call started from a previous basis
  bool exact = false;  ///< the point came from exact rational arithmetic
  std::string message;
};

/// A simplex basis: for every row, then every column, whether it is basic or at which bound.
struct basis {
  enum class state : signed char { basic, at_lower, at_upper, free, fixed };
  std::vector<state> rows, cols;
  bool empty() const noexcept { return rows.empty() && cols.empty(); }
};

/// The engine interface (see the file comment).
class engine_base {
 public:
  engine_base() = default;
  engine_base(const engine_base&) = delete;
  engine_base& operator=(const engine_base&) = delete;
  virtual ~engine_base() = default;

  virtual engine kind() const noexcept = 0;
  /// Replace the problem by \p m with matrix \p a (validated); forget any basis.
  virtual void load(const model& m, const model::sparse_matrix& a) = 0;
  virtual void set_objective(index_t col, double value) = 0;
  virtual void set_objective_constant(double value) = 0;
  virtual void set_row_bounds(index_t row, double lower, double upper) = 0;
  virtual void set_col_bounds(index_t col, double lower, double upper) = 0;
  /// Replace row \p row's coefficients by \p coefficients (summed, sorted).
  virtual void set_row(index_t row, const sparse_vector& coefficients) = 0;
  /// Append a row; the basis stays usable (the new row's slack is basic).
  virtual void add_row(const sparse_vector& coefficients, double lower, double upper) = 0;
  /// Append a column with its coefficients in existing rows; the new column is nonbasic.
  virtual void add_column(double lower, double upper, double objective,
                          const sparse_vector& coefficients) = 0;
  /// Drop the basis: the next call starts cold.
  virtual void forget_basis() = 0;
  virtual bool has_basis() const noexcept = 0;
  /// The final basis of the last call (empty if there is none).
  virtual basis current_basis() const = 0;
  /// One solve.
  virtual engine_answer solve(const engine_call& call) = 0;
};

}  // namespace mechdesign::lp::detail

#endif  // MECHDESIGN_LP_DETAIL_ENGINE_HPP
