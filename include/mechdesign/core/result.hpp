#ifndef MECHDESIGN_CORE_RESULT_HPP
#define MECHDESIGN_CORE_RESULT_HPP

/// \file
/// \brief The result contract shared by every public computation: one status vocabulary, one
/// meaning of ok(), one message field (in the spirit of Eigen's ComputationInfo and Ceres'
/// Solver::Summary).
///
/// Three kinds of public function, each with one failure convention:
/// - **Solvers** (`solve_*`, `compute_*`, `*_solution`, sweeps) return a struct derived from
///   result_base. Outcomes (infeasible, unbounded, a limit reached, an answer that could not be
///   certified) are status values, never exceptions; `ok()` says the answer is usable.
/// - **Checks** (`check_*`, `verify`, `certify_*`) return a report with residuals and a data
///   member `bool passed` (the property holds within the report's tolerance). A failed check is
///   an answer, not an error.
/// - **Builders and accessors** (constructors, `make_*`, closed forms) return the value itself.
///   A solver they call that does not reach an optimum raises `solver_error`, which carries the
///   LP solution; their doc comments say so under `\throws`.
/// Caller mistakes (bad sizes, NaN, non-distributions, out-of-range options) always throw a
/// typed exception derived from mechdesign::invalid_argument before any LP is built.

#include <string>

namespace mechdesign {

/// \brief Outcome of a computation (the one status vocabulary of the library).
enum class status {
  not_computed,     ///< nothing has run (a default-constructed result)
  success,          ///< the answer is usable: computed and, where the result has one, certified
  infeasible,       ///< the constraints admit no point (the result carries the certificate)
  unbounded,        ///< the objective grows without bound (the result carries the certificate)
  iteration_limit,  ///< an iteration, round or stall limit ended the computation first
  time_limit,       ///< the time budget ended the computation first
  numerical_issue   ///< the computation ran, but its answer could not be certified or is singular
};

/// \brief Short lowercase name of a status ("success", "infeasible", ...).
inline const char* to_string(status s) noexcept {
  switch (s) {
    case status::not_computed:
      return "not_computed";
    case status::success:
      return "success";
    case status::infeasible:
      return "infeasible";
    case status::unbounded:
      return "unbounded";
    case status::iteration_limit:
      return "iteration_limit";
    case status::time_limit:
      return "time_limit";
    case status::numerical_issue:
      return "numerical_issue";
  }
  return "unknown";
}

/// \brief Base of every solver result: the status, a human-readable message, and ok().
///
/// Derived results add the answer and its diagnostics (objective, residuals, certificate).
/// Aggregate-friendly: derived structs keep default member initialisers.
struct result_base {
  mechdesign::status status = mechdesign::status::not_computed;  ///< see mechdesign::status
  std::string message;  ///< why the status is not success, or detail worth reporting

  /// \brief True iff the answer is usable (status == success).
  [[nodiscard]] bool ok() const noexcept { return status == mechdesign::status::success; }
};

}  // namespace mechdesign

#endif  // MECHDESIGN_CORE_RESULT_HPP
