#ifndef MECHDESIGN_LP_SOLUTION_HPP
#define MECHDESIGN_LP_SOLUTION_HPP

/// \file
/// \brief The result of an LP solve: status, primal and dual vectors, iteration count, and the
/// independent verifier's residuals.
///
/// Dual convention (the solver's, kept unchanged): row_duals(r) = ∂(optimal value)/∂(active bound
/// of row r) and reduced_costs = c − Aᵀ row_duals. For a maximisation a binding "≤" row has a
/// dual ≥ 0 and a binding "≥" row a dual ≤ 0; for a minimisation the signs flip.

#include <Eigen/Core>
#include <string>

namespace mechdesign::lp {

/// \brief Outcome of a solve.
enum class status {
  not_solved,               ///< no solve has run
  optimal,                  ///< optimal and verified
  infeasible,               ///< no feasible point
  unbounded,                ///< feasible with an unbounded objective
  infeasible_or_unbounded,  ///< dual infeasible, primal status unknown (presolve reports this)
  iteration_limit,          ///< stopped at the iteration limit
  time_limit,               ///< stopped at the time limit
  numerical_failure,        ///< the solver failed (singular or ill-conditioned basis, ...)
  verification_failed       ///< the solver claimed optimality but the verifier rejected the point
};

/// \brief Short lowercase name of a status.
inline const char* to_string(status s) noexcept {
  switch (s) {
    case status::not_solved:
      return "not_solved";
    case status::optimal:
      return "optimal";
    case status::infeasible:
      return "infeasible";
    case status::unbounded:
      return "unbounded";
    case status::infeasible_or_unbounded:
      return "infeasible_or_unbounded";
    case status::iteration_limit:
      return "iteration_limit";
    case status::time_limit:
      return "time_limit";
    case status::numerical_failure:
      return "numerical_failure";
    case status::verification_failed:
      return "verification_failed";
  }
  return "unknown";
}

/// \brief Residuals of an optimality certificate, recomputed from the model data.
///
/// All are scaled: a violation v of a quantity with data magnitude m counts as v / (1 + m).
struct verification {
  double primal_infeasibility = 0.0;  ///< worst row or bound violation of x
  double dual_infeasibility = 0.0;    ///< worst wrong-signed dual or reduced cost
  double complementarity = 0.0;       ///< worst |dual × slack| on rows and columns
  double duality_gap = 0.0;           ///< |primal − dual objective| / (1 + |primal|)
  double dual_objective = 0.0;        ///< dual objective value recomputed from the duals
  double tolerance = 0.0;             ///< threshold used
  std::string worst_primal;           ///< row or column with the worst primal violation
  std::string worst_dual;             ///< row or column with the worst dual violation
  bool passed = false;                ///< all four residuals within tolerance
};

/// \brief Everything a solve returns.
struct solution {
  status state = status::not_solved;
  double objective = 0.0;         ///< c'x + c0 at the returned point
  Eigen::VectorXd x;              ///< column values
  Eigen::VectorXd row_activity;   ///< A x
  Eigen::VectorXd row_duals;      ///< see the file comment for the sign convention
  Eigen::VectorXd reduced_costs;  ///< c − Aᵀ row_duals (recomputed from the model)
  long iterations = 0;            ///< simplex iterations of this solve
  bool exact = false;             ///< whether the point came from the exact-arithmetic solver
  bool warm_started = false;      ///< whether the solve started from a previous basis
  verification check;             ///< verifier residuals (meaningful when a point exists)
  std::string message;            ///< human-readable detail, e.g. why verification failed

  /// \brief True iff the status is optimal (which implies the verifier passed).
  bool ok() const noexcept { return state == status::optimal; }
};

}  // namespace mechdesign::lp

#endif  // MECHDESIGN_LP_SOLUTION_HPP
