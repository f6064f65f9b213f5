#ifndef MECHDESIGN_LP_SOLUTION_HPP
#define MECHDESIGN_LP_SOLUTION_HPP

/// \file
/// \brief The result of an LP solve: status, primal and dual vectors, the certificate of the
/// status (optimality residuals and objective error bound, a Farkas ray, or a primal ray), and
/// the record of the engine calls that produced it.
///
/// Dual convention (the solver's, kept unchanged): row_duals(r) = ∂(optimal value)/∂(active bound
/// of row r) and reduced_costs = c − Aᵀ row_duals. For a maximisation a binding "≤" row has a
/// dual ≥ 0 and a binding "≥" row a dual ≤ 0; for a minimisation the signs flip.

#include <Eigen/Core>
#include <string>

#include "mechdesign/core/result.hpp"
#include "mechdesign/lp/options.hpp"

namespace mechdesign::lp {

/// \brief Outcome of a solve.
enum class solve_status {
  not_solved,               ///< no solve has run
  optimal,                  ///< optimal, with a certificate that bounds the objective error
  infeasible,               ///< no feasible point, with a checked Farkas ray
  unbounded,                ///< feasible with an unbounded objective, with a checked primal ray
  infeasible_or_unbounded,  ///< engine claim only (never returned by lp::solver)
  iteration_limit,          ///< stopped at the caller's iteration limit
  time_limit,               ///< stopped at the time limit
  numerical_failure,        ///< every engine call failed (singular or ill-conditioned basis, ...)
  uncertified  ///< the engines answered, but no answer could be certified (see solution::ladder)
};

/// \brief Short lowercase name of a status.
inline const char* to_string(solve_status s) noexcept {
  switch (s) {
    case solve_status::not_solved:
      return "not_solved";
    case solve_status::optimal:
      return "optimal";
    case solve_status::infeasible:
      return "infeasible";
    case solve_status::unbounded:
      return "unbounded";
    case solve_status::infeasible_or_unbounded:
      return "infeasible_or_unbounded";
    case solve_status::iteration_limit:
      return "iteration_limit";
    case solve_status::time_limit:
      return "time_limit";
    case solve_status::numerical_failure:
      return "numerical_failure";
    case solve_status::uncertified:
      return "uncertified";
  }
  return "unknown";
}

/// \brief The library-wide status (core/result.hpp) of an LP status: optimal → success; limits
/// map to themselves; uncertified, numerical failure and an engine's unresolved
/// infeasible-or-unbounded claim → numerical_issue; not_solved → not_computed.
inline mechdesign::status to_result_status(solve_status s) noexcept {
  switch (s) {
    case solve_status::optimal:
      return mechdesign::status::success;
    case solve_status::infeasible:
      return mechdesign::status::infeasible;
    case solve_status::unbounded:
      return mechdesign::status::unbounded;
    case solve_status::iteration_limit:
      return mechdesign::status::iteration_limit;
    case solve_status::time_limit:
      return mechdesign::status::time_limit;
    case solve_status::not_solved:
      return mechdesign::status::not_computed;
    case solve_status::infeasible_or_unbounded:
    case solve_status::numerical_failure:
    case solve_status::uncertified:
      return mechdesign::status::numerical_issue;
  }
  return mechdesign::status::numerical_issue;
}

/// \brief What a certificate certifies.
enum class certificate_kind {
  none,        ///< nothing checked
  optimality,  ///< a primal–dual pair (x, y) and the objective error bound
  farkas,      ///< a Farkas ray y: no x satisfies the rows and bounds
  ray          ///< a feasible x and an improving direction r along which the objective grows
};

/// \brief Residuals of a certificate, recomputed from the model data (nothing an engine reports
/// about itself is trusted).
///
/// Residuals are scaled: a violation v of a quantity with data magnitude m counts as v / (1 + m).
/// The objective error bound is not: it is in the objective's own units, divided by
/// 1 + |objective| (see lp/verify.hpp).
struct verification {
  certificate_kind kind = certificate_kind::none;  ///< what was checked
  double primal_infeasibility = 0.0;               ///< worst row or bound violation of x
  double dual_infeasibility = 0.0;                 ///< worst wrong-signed dual or reduced cost
  double complementarity = 0.0;  ///< worst |dual × slack| (rows, columns) / (1 + |objective|)
  double duality_gap = 0.0;      ///< |primal − dual objective| / (1 + |primal|)
  double dual_objective = 0.0;   ///< dual objective value recomputed from the duals
  /// Bound on |objective − optimal value| / (1 + |objective|) from the gap, the residuals
  /// weighed by the duals and primal values, and wrong-signed multipliers on infinite bounds
  double objective_error = 0.0;
  /// farkas: the amount by which the rows' lower support exceeds the columns' upper support;
  /// ray: the objective's growth along the unit ray (both scaled; > tolerance to pass)
  double margin = 0.0;
  bool exact_recheck = false;  ///< the point was re-derived in exact rational arithmetic
  double tolerance = 0.0;      ///< threshold used
  std::string worst_primal;    ///< row or column with the worst primal violation
  std::string worst_dual;      ///< row or column with the worst dual violation
  bool passed = false;         ///< every residual (and the margin) within tolerance
};

/// \brief Everything a solve returns.
struct solution {
  lp::solve_status status = lp::solve_status::not_solved;
  lp::solve_status claimed =
      lp::solve_status::not_solved;  ///< what the answering engine call claimed
  double objective = 0.0;            ///< c'x + c0 at the returned point
  Eigen::VectorXd x;                 ///< column values
  Eigen::VectorXd row_activity;      ///< A x
  Eigen::VectorXd row_duals;         ///< see the file comment for the sign convention
  Eigen::VectorXd reduced_costs;     ///< c − Aᵀ row_duals (recomputed from the model)
  Eigen::VectorXd farkas;            ///< infeasible: the Farkas ray (row multipliers)
  Eigen::VectorXd ray;               ///< unbounded: the improving direction (x is feasible)
  long iterations = 0;               ///< simplex iterations of this solve, all engine calls
  bool exact = false;                ///< whether the point came from the exact-arithmetic solver
  bool warm_started = false;         ///< whether the answering call started from a previous basis
  engine used = engine::automatic;   ///< the engine whose answer is returned
  int attempts = 0;                  ///< engine calls made (1 unless the retry ladder ran)
  std::string ladder;                ///< the calls made and what each claimed, in order
  verification check;                ///< the certificate's residuals (see certificate_kind)
  std::string message;               ///< human-readable detail, e.g. why nothing was certified

  /// \brief True iff the status is optimal (which implies the certificate passed).
  bool ok() const noexcept { return status == lp::solve_status::optimal; }
};

}  // namespace mechdesign::lp

#endif  // MECHDESIGN_LP_SOLUTION_HPP
