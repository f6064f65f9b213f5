#ifndef MECHDESIGN_LP_CLP_HPP
#define MECHDESIGN_LP_CLP_HPP

/// \file
/// \brief The COIN-OR CLP engine behind lp::solver (optional: compiled only where mechdesign was
/// configured with CLP, which defines MECHDESIGN_HAS_CLP). Loads a validated lp::model in bulk,
/// applies incremental changes to the live ClpSimplex, runs its dual or primal simplex
/// (optionally presolved) and maps CLP's status to claims. Users include lp/solver.hpp; this is
/// the only header that includes CLP's.
///
/// Licence. Debian's CLP (coinor-libclp-dev) is under the Eclipse Public License 1.0, which is
/// incompatible with the GPL-3 of GLPK: a binary that links both cannot be distributed. Build a
/// distributed binary with one engine only (MECHDESIGN_WITH_CLP=OFF keeps GLPK alone); private
/// and research use of a build with both engines is unaffected.
///
/// Dual signs. ClpSimplex reports row duals as multipliers of the objective it is given, in that
/// objective's own direction: reduced costs are c − Aᵀy for a minimisation and for a
/// maximisation alike, which is lp/solution.hpp's convention, so y is returned unchanged (checked
/// against GLPK in tests/lp/clp_test.cpp).
///
/// Output. Every message goes through a handler owned by the engine that prints nothing unless
/// the call is verbose; no global state is touched.

#include <fmt/format.h>

#include <ClpMessage.hpp>
#include <ClpPackedMatrix.hpp>
#include <ClpSimplex.hpp>
#include <ClpSolve.hpp>
#include <CoinError.hpp>
#include <CoinMessageHandler.hpp>
#include <Eigen/Core>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "mechdesign/lp/detail/engine.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"

namespace mechdesign::lp::detail {

/// COIN-OR CLP's simplex behind engine_base (see the file comment).
class clp_engine final : public engine_base {
 public:
  /// \brief An engine with an empty problem; load() gives it one.
  clp_engine() { clp_ = fresh(); }

  /// \brief engine::clp.
  engine kind() const noexcept override { return engine::clp; }

  /// \brief Replace the problem by \p m with matrix \p a (validated), loaded column-major in one
  /// call; forget any basis.
  void load(const model& m, const model::sparse_matrix& a) override {
    clp_ = fresh();
    const int nrows = static_cast<int>(m.num_rows()), ncols = static_cast<int>(m.num_cols());
    // Column-major copy of the row-major matrix: count, prefix-sum, scatter.
    std::vector<CoinBigIndex> start(static_cast<std::size_t>(ncols) + 1, 0);
    for (index_t k = 0; k < a.nonZeros(); ++k)
      ++start[static_cast<std::size_t>(a.innerIndexPtr()[k]) + 1];
    for (int j = 0; j < ncols; ++j) start[j + 1] += start[j];
    std::vector<int> index(static_cast<std::size_t>(a.nonZeros()));
    std::vector<double> value(index.size());
    std::vector<CoinBigIndex> next(start.begin(), start.end() - 1);
    rows_.assign(static_cast<std::size_t>(nrows), {});
    for (index_t r = 0; r < a.outerSize(); ++r) {
      auto& row = rows_[static_cast<std::size_t>(r)];
      for (model::sparse_matrix::InnerIterator it(a, r); it; ++it) {
        const auto pos = static_cast<std::size_t>(next[static_cast<std::size_t>(it.col())]++);
        index[pos] = static_cast<int>(r);
        value[pos] = it.value();
        row.emplace_back(it.col(), it.value());
      }
    }
    std::vector<double> col_lo(static_cast<std::size_t>(ncols)), col_up(col_lo.size()),
        obj(col_lo.size()), row_lo(static_cast<std::size_t>(nrows)), row_up(row_lo.size());
    for (int j = 0; j < ncols; ++j) {
      col_lo[j] = to_clp(m.col_lower(j));
      col_up[j] = to_clp(m.col_upper(j));
      obj[j] = m.objective(j);
    }
    for (int r = 0; r < nrows; ++r) {
      row_lo[r] = to_clp(m.row_lower(r));
      row_up[r] = to_clp(m.row_upper(r));
    }
    clp_->loadProblem(ncols, nrows, start.data(), index.data(), value.data(), col_lo.data(),
                      col_up.data(), obj.data(), row_lo.data(), row_up.data());
    clp_->setOptimizationDirection(m.sense() == objective_sense::maximize ? -1.0 : 1.0);
    // When set_row must insert into a full column, CoinPackedMatrix copies the whole matrix; with
    // an extra gap it leaves room in every column at that copy, so later insertions are in place.
    clp_->matrix()->setExtraGap(0.5);
    constant_ = m.objective_constant();
    has_basis_ = false;
  }

  /// \brief Set the objective coefficient of column \p col.
  void set_objective(index_t col, double value) override {
    clp_->setObjectiveCoefficient(static_cast<int>(col), value);
  }
  /// \brief Set the objective constant (kept here: lp::solver computes objectives itself).
  void set_objective_constant(double value) override { constant_ = value; }
  /// \brief Change the bounds of row \p row.
  void set_row_bounds(index_t row, double lower, double upper) override {
    clp_->setRowBounds(static_cast<int>(row), to_clp(lower), to_clp(upper));
  }
  /// \brief Change the bounds of column \p col.
  void set_col_bounds(index_t col, double lower, double upper) override {
    clp_->setColumnBounds(static_cast<int>(col), to_clp(lower), to_clp(upper));
  }

  /// \brief Replace row \p row's coefficients in place (CLP has no set-row): entries that vanish
  /// are deleted, the others modified or inserted in the column-major matrix, so row indices and
  /// the basis stay as they were.
  void set_row(index_t row, const sparse_vector& coefficients) override {
    const int r = static_cast<int>(row);
    auto& old = rows_[static_cast<std::size_t>(row)];
    // Both lists are sorted by column: a merge finds the entries to delete.
    std::size_t k = 0;
    for (const auto& [c, v] : old) {
      while (k < coefficients.size() && coefficients[k].first < c) ++k;
      if (k == coefficients.size() || coefficients[k].first != c) {
        clp_->matrix()->modifyCoefficient(r, static_cast<int>(c), 0.0, false);
      }
      (void)v;
    }
    for (const auto& [c, v] : coefficients)
      clp_->matrix()->modifyCoefficient(r, static_cast<int>(c), v, false);
    old = coefficients;
    matrix_changed();
  }

  /// \brief Append a row; its activity is basic, so the basis stays usable.
  void add_row(const sparse_vector& coefficients, double lower, double upper) override {
    std::vector<int> cols;
    std::vector<double> vals;
    split(coefficients, cols, vals);
    clp_->addRow(static_cast<int>(cols.size()), cols.data(), vals.data(), to_clp(lower),
                 to_clp(upper));
    rows_.push_back(coefficients);
    const int r = clp_->numberRows() - 1;
    if (has_basis_) clp_->setRowStatus(r, ClpSimplex::basic);
    matrix_changed();
  }

  /// \brief Append a column with its coefficients in existing rows; it is nonbasic at a bound.
  void add_column(double lower, double upper, double objective,
                  const sparse_vector& coefficients) override {
    std::vector<int> rows;
    std::vector<double> vals;
    split(coefficients, rows, vals);
    clp_->addColumn(static_cast<int>(rows.size()), rows.data(), vals.data(), to_clp(lower),
                    to_clp(upper), objective);
    const int j = clp_->numberColumns() - 1;
    for (const auto& [r, v] : coefficients) rows_[static_cast<std::size_t>(r)].emplace_back(j, v);
    if (has_basis_) {
      clp_->setColumnStatus(j, nonbasic(lower, upper));
      clp_->primalColumnSolution()[j] = resting_value(lower, upper);
    }
    matrix_changed();
  }

  /// \brief Drop the basis: the next call starts from the all-slack basis.
  void forget_basis() override { has_basis_ = false; }
  /// \brief Whether the last call left a basis to warm-start from.
  bool has_basis() const noexcept override { return has_basis_; }

  /// \brief The final basis of the last call, CLP's statuses mapped to basis::state (a
  /// superbasic variable is reported at the bound it has, or free).
  basis current_basis() const override {
    basis b;
    if (!has_basis_) return b;
    const int m = clp_->numberRows(), n = clp_->numberColumns();
    b.rows.reserve(static_cast<std::size_t>(m));
    b.cols.reserve(static_cast<std::size_t>(n));
    for (int r = 0; r < m; ++r) {
      b.rows.push_back(from_clp(clp_->getRowStatus(r), clp_->rowLower()[r], clp_->rowUpper()[r]));
    }
    for (int j = 0; j < n; ++j) {
      b.cols.push_back(
          from_clp(clp_->getColumnStatus(j), clp_->columnLower()[j], clp_->columnUpper()[j]));
    }
    return b;
  }

  /// \brief One solve: dual simplex unless the call asks for the primal, from the current basis
  /// when warm, presolved through ClpSolve when asked; CLP's status mapped to a claim.
  engine_answer solve(const engine_call& call) override {
    engine_answer out;
    configure(call);
    out.warm = call.warm && has_basis_ && !call.presolve;
    if (out.warm) {
      repair_statuses();
    } else {
      clp_->allSlackBasis(true);
    }
    const auto start = std::chrono::steady_clock::now();
    int rc = run(call);
    long iterations = clp_->numberIterations();
    if (out.warm && rc == 4) {
      clp_->allSlackBasis(true);  // the previous basis is unusable: this call restarts cold
      out.warm = false;
      configure(call);
      rc = run(call);
      iterations += clp_->numberIterations();
    }
    if (call.method != algorithm::primal && (rc == 0 || rc == 1)) {
      // The dual simplex works with fake bounds (±1e10) on columns without bounds. It can leave a
      // free column superbasic at such a value (an optimum whose x is ~1e10, useless to the
      // certificate), and it can claim infeasibility for a feasible problem (seen on unbounded
      // ones). Both are settled by the primal simplex from the final basis; if that fails
      // (CLP's primal can stop with status 4 on an infeasible problem), the dual's claim stands.
      if (rc == 1 || settle_superbasics()) {
        const int confirmed = run_primal();
        iterations += clp_->numberIterations();
        if (confirmed >= 0 && confirmed <= 3) rc = confirmed;
      }
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.iterations = iterations;
    out.claim = map_status(rc, call, elapsed);
    out.message = describe(out.claim, rc);
    has_basis_ = clp_->statusExists() && rc >= 0 && rc <= 3;
    read_point(out);
    return out;
  }

 private:
  // Discards every message (engine output is off by default).
  class silent_handler final : public CoinMessageHandler {
   public:
    int print() override { return 0; }
    CoinMessageHandler* clone() const override { return new silent_handler(*this); }
  };

  static double to_clp(double v) {
    if (v == inf) return COIN_DBL_MAX;
    if (v == -inf) return -COIN_DBL_MAX;
    return v;
  }
  static bool finite(double v) { return std::abs(v) < 1e30; }

  std::unique_ptr<ClpSimplex> fresh() {
    auto s = std::make_unique<ClpSimplex>();
    s->passInMessageHandler(&quiet_);
    s->setLogLevel(0);
    return s;
  }

  static void split(const sparse_vector& v, std::vector<int>& idx, std::vector<double>& val) {
    idx.reserve(v.size());
    val.reserve(v.size());
    for (const auto& [i, x] : v) {
      idx.push_back(static_cast<int>(i));
      val.push_back(x);
    }
  }

  // After a change of the matrix: CoinPackedMatrix may have gaps now, and any row copy and
  // scaled copy CLP keeps must be rebuilt.
  void matrix_changed() {
    if (auto* p = dynamic_cast<ClpPackedMatrix*>(clp_->clpMatrix())) p->checkGaps();
    clp_->setNewRowCopy(nullptr);
    clp_->setWhatsChanged(0);
  }

  void configure(const engine_call& call) {
    ClpSimplex& s = *clp_;
    if (call.verbose) {
      s.passInMessageHandler(&loud_);
      s.setLogLevel(1);
    } else {
      s.passInMessageHandler(&quiet_);
      s.setLogLevel(0);
    }
    s.setPrimalTolerance(call.feasibility_tolerance);
    s.setDualTolerance(call.feasibility_tolerance);
    s.scaling(call.scale ? 3 : 0);
    s.setMaximumIterations(call.iteration_limit > 0
                               ? static_cast<int>(std::min<long>(call.iteration_limit,
                                                                 std::numeric_limits<int>::max()))
                               : std::numeric_limits<int>::max());
    if (std::isfinite(call.time_limit_seconds)) {
      s.setMaximumSeconds(call.time_limit_seconds);
      s.setMaximumWallSeconds(call.time_limit_seconds);
    } else {
      s.setMaximumSeconds(-1.0);
      s.setMaximumWallSeconds(-1.0);
    }
    s.setNumberIterations(0);
  }

  // One simplex run; returns CLP's problem status, 4 if CLP threw.
  int run(const engine_call& call) {
    ClpSimplex& s = *clp_;
    try {
      // A cold start goes through initialSolve (CLP's crash basis and its handling of free
      // columns): on the random primal (3.5) with money 10x fewer iterations than dual(0) from
      // the slack basis (25000 columns: 1.9 s -> 0.17 s).
      if (call.presolve || ((!call.warm || !has_basis_) && call.method != algorithm::primal)) {
        ClpSolve options;
        options.setPresolveType(call.presolve ? ClpSolve::presolveOn : ClpSolve::presolveOff);
        options.setSolveType(call.method == algorithm::primal ? ClpSolve::usePrimal
                                                              : ClpSolve::useDual);
        s.initialSolve(options);
      } else if (call.method == algorithm::primal) {
        s.primal(0);
      } else {
        s.dual(0);
      }
    } catch (const CoinError&) {
      return 4;
    } catch (const std::exception&) {
      return 4;
    }
    return s.status();
  }

  // The primal simplex from the current basis (the iteration count restarts).
  int run_primal() {
    clp_->setNumberIterations(0);
    try {
      clp_->primal(0);
    } catch (const CoinError&) {
      return 4;
    } catch (const std::exception&) {
      return 4;
    }
    return clp_->status();
  }

  // Make every superbasic variable nonbasic at its nearest finite bound (free ones at 0);
  // returns whether there was one.
  bool settle_superbasics() {
    ClpSimplex& s = *clp_;
    bool any = false;
    auto settle = [&](double lo, double up, double& value) {
      any = true;
      const bool has_lo = finite(lo), has_up = finite(up);
      if (has_lo && (!has_up || std::abs(value - lo) <= std::abs(value - up))) {
        value = lo;
        return lo == up ? ClpSimplex::isFixed : ClpSimplex::atLowerBound;
      }
      if (has_up) {
        value = up;
        return ClpSimplex::atUpperBound;
      }
      value = 0.0;
      return ClpSimplex::isFree;
    };
    for (int j = 0; j < s.numberColumns(); ++j) {
      if (s.getColumnStatus(j) != ClpSimplex::superBasic) continue;
      s.setColumnStatus(
          j, settle(s.columnLower()[j], s.columnUpper()[j], s.primalColumnSolution()[j]));
    }
    for (int r = 0; r < s.numberRows(); ++r) {
      if (s.getRowStatus(r) != ClpSimplex::superBasic) continue;
      s.setRowStatus(r, settle(s.rowLower()[r], s.rowUpper()[r], s.primalRowSolution()[r]));
    }
    return any;
  }

  // A nonbasic status the variable's (possibly changed) bounds allow, and the value it rests at.
  static ClpSimplex::Status nonbasic(double lo, double up) {
    const bool has_lo = finite(to_clp(lo)), has_up = finite(to_clp(up));
    if (has_lo && has_up) return lo == up ? ClpSimplex::isFixed : ClpSimplex::atLowerBound;
    if (has_lo) return ClpSimplex::atLowerBound;
    if (has_up) return ClpSimplex::atUpperBound;
    return ClpSimplex::isFree;
  }
  static double resting_value(double lo, double up) {
    if (finite(to_clp(lo))) return lo;
    if (finite(to_clp(up))) return up;
    return 0.0;
  }

  // Bounds may have changed since the basis was made: a nonbasic status at a bound that is now
  // infinite is moved to a bound that exists.
  void repair_statuses() {
    ClpSimplex& s = *clp_;
    auto fix = [](ClpSimplex::Status st, double lo, double up) {
      const bool has_lo = finite(lo), has_up = finite(up);
      switch (st) {
        case ClpSimplex::atLowerBound:
          return has_lo ? st : nonbasic(lo, up);
        case ClpSimplex::atUpperBound:
          return has_up ? st : nonbasic(lo, up);
        case ClpSimplex::isFixed:
          return has_lo && has_up && lo == up ? st : nonbasic(lo, up);
        case ClpSimplex::isFree:
          return has_lo || has_up ? nonbasic(lo, up) : st;
        default:
          return st;
      }
    };
    for (int r = 0; r < s.numberRows(); ++r)
      s.setRowStatus(r, fix(s.getRowStatus(r), s.rowLower()[r], s.rowUpper()[r]));
    for (int j = 0; j < s.numberColumns(); ++j)
      s.setColumnStatus(j, fix(s.getColumnStatus(j), s.columnLower()[j], s.columnUpper()[j]));
  }

  static basis::state from_clp(ClpSimplex::Status st, double lo, double up) {
    switch (st) {
      case ClpSimplex::basic:
        return basis::state::basic;
      case ClpSimplex::atUpperBound:
        return basis::state::at_upper;
      case ClpSimplex::atLowerBound:
        return basis::state::at_lower;
      case ClpSimplex::isFixed:
        return basis::state::fixed;
      case ClpSimplex::isFree:
        return basis::state::free;
      case ClpSimplex::superBasic:
        break;
    }
    if (finite(lo)) return basis::state::at_lower;
    if (finite(up)) return basis::state::at_upper;
    return basis::state::free;
  }

  // CLP's status → a claim. Status 3 covers both limits: secondary status 9 says time, else the
  // iteration count and the elapsed time decide.
  solve_status map_status(int rc, const engine_call& call, double elapsed) const {
    const ClpSimplex& s = *clp_;
    switch (rc) {
      case 0:
        return solve_status::optimal;
      case 1:
        return solve_status::infeasible;
      case 2:
        // The primal simplex reports 2 from a feasible point; the dual simplex only knows that
        // the dual is infeasible, unless the final point is primal feasible.
        if (call.method == algorithm::primal || s.numberPrimalInfeasibilities() == 0)
          return solve_status::unbounded;
        return solve_status::infeasible_or_unbounded;
      case 3: {
        if (s.secondaryStatus() == 9) return solve_status::time_limit;
        const bool hit_iterations =
            call.iteration_limit > 0 && s.numberIterations() >= s.maximumIterations();
        if (hit_iterations) return solve_status::iteration_limit;
        if (std::isfinite(call.time_limit_seconds) && elapsed >= 0.99 * call.time_limit_seconds)
          return solve_status::time_limit;
        return solve_status::iteration_limit;
      }
      default:
        return solve_status::numerical_failure;  // 4: errors, 5: event handler, -1: unknown
    }
  }

  std::string describe(solve_status st, int rc) const {
    switch (st) {
      case solve_status::optimal:
        return "CLP: optimal";
      case solve_status::infeasible:
        return "CLP: primal infeasible";
      case solve_status::unbounded:
        return "CLP: unbounded objective";
      case solve_status::infeasible_or_unbounded:
        return "CLP: the dual is infeasible (the LP is infeasible or unbounded)";
      case solve_status::iteration_limit:
        return "CLP: iteration limit reached";
      case solve_status::time_limit:
        return "CLP: time limit reached";
      default:
        return fmt::format("CLP: the solver failed (status {}, secondary status {})", rc,
                           clp_->secondaryStatus());
    }
  }

  void read_point(engine_answer& out) const {
    const int n = clp_->numberColumns(), m = clp_->numberRows();
    const double* x = clp_->primalColumnSolution();
    const double* y = clp_->dualRowSolution();
    if (x == nullptr || y == nullptr) return;
    out.x = Eigen::Map<const Eigen::VectorXd>(x, n);
    out.y = Eigen::Map<const Eigen::VectorXd>(y, m);
  }

  // Declared before clp_: the handlers outlive the model that points at them.
  silent_handler quiet_;
  CoinMessageHandler loud_;
  std::unique_ptr<ClpSimplex> clp_;
  std::vector<sparse_vector> rows_;  // the current rows, for set_row
  double constant_ = 0.0;
  bool has_basis_ = false;
};

}  // namespace mechdesign::lp::detail

#endif  // MECHDESIGN_LP_CLP_HPP
