#ifndef MECHDESIGN_LP_SOLVER_ERROR_HPP
#define MECHDESIGN_LP_SOLVER_ERROR_HPP

/// \file
/// \brief solver_error: thrown by functions that need an optimum when a solve did not give one;
/// it carries the full LP result for diagnosis.

#include <fmt/format.h>

#include <string>
#include <utility>

#include "mechdesign/core/error.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/verify.hpp"

namespace mechdesign {

/// \brief An LP needed by a computation ended without a verified optimum.
class solver_error : public error {
 public:
  /// \brief Wrap \p result with a message naming \p what was being solved.
  solver_error(const std::string& what, lp::solution result)
      : error(fmt::format("{}: LP status {}{}{}", what, lp::to_string(result.status),
                          result.message.empty() ? "" : ": ", result.message)),
        result_(std::move(result)) {}

  /// \brief The LP result (status, point, duals, residuals).
  const lp::solution& result() const noexcept { return result_; }

 private:
  lp::solution result_;
};

namespace lp {

/// \brief Return \p s if it is a verified optimum, else throw solver_error naming \p what.
inline const solution& require_optimal(const solution& s, const std::string& what) {
  if (!s.ok()) throw solver_error(what, s);
  return s;
}

}  // namespace lp

}  // namespace mechdesign

#endif  // MECHDESIGN_LP_SOLVER_ERROR_HPP
