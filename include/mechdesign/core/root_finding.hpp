#ifndef MECHDESIGN_CORE_ROOT_FINDING_HPP
#define MECHDESIGN_CORE_ROOT_FINDING_HPP

/// \file
/// \brief The library's one root finder: bisection on a monotone predicate, and bracket
/// expansion, both with hard iteration caps. Every threshold, multiplier and first-order
/// condition the modules solve for (004 λ* and the type thresholds, 001 d(μ), the delegation
/// FOC, the ellipse multiplier) goes through these.
///
/// Bisection keeps the invariant lower(x_lo) && !lower(x_hi). It stops when the bracket is within
/// the tolerance, when the midpoint is no longer strictly inside (adjacent doubles: a zero
/// tolerance therefore terminates too), or at the iteration cap, which it reports.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign {

/// \brief Stopping rules of bisect() and expand_bracket().
struct root_options {
  double absolute_tolerance = 0.0;  ///< stop when hi − lo ≤ absolute + relative·max(|lo|, |hi|)
  double relative_tolerance = 0.0;  ///< see absolute_tolerance; both in [0, 1]
  int max_iterations = 400;         ///< bisection steps or doublings, in [1, 100000]

  /// \brief Throws invalid_argument naming the field unless every field is in its range.
  void validate(const char* where) const {
    detail::require_tolerance(absolute_tolerance, "root_options::absolute_tolerance", where,
                              HUGE_VAL);
    detail::require_tolerance(relative_tolerance, "root_options::relative_tolerance", where);
    if (max_iterations < 1 || max_iterations > 100000) {
      throw invalid_argument(fmt::format(
          "{}: root_options::max_iterations = {} is outside [1, 100000]", where, max_iterations));
    }
  }
};

/// \brief A bracket [lower, upper] of the switch point of a monotone predicate.
struct root_bracket : result_base {
  double lower = 0.0;  ///< the predicate holds here
  double upper = 0.0;  ///< the predicate fails here
  int iterations = 0;  ///< bisection steps or doublings used

  /// \brief The midpoint of the bracket.
  double midpoint() const noexcept { return lower + 0.5 * (upper - lower); }
};

/// \brief Shrinks [lo, hi] around the switch of \p lower (true at lo, false at hi) by bisection.
/// \param lower a predicate on doubles, monotone on [lo, hi] (true then false; for decreasing
///        predicates pass lo > hi: the bracket is then traversed from the right).
/// \param lo, hi finite ends with lower(lo) assumed true and lower(hi) assumed false (not
///        evaluated).
/// \param options stopping rules (root_options, validated).
/// \returns status success when the bracket meets the tolerance or cannot shrink further,
///          iteration_limit at the cap (the bracket is still valid).
/// \throws non_finite_error if an end is not finite, invalid_argument for bad options.
template <class Predicate>
[[nodiscard]] root_bracket bisect(Predicate&& lower, double lo, double hi,
                                  const root_options& options = {}) {
  options.validate("bisect");
  detail::require_finite(lo, "the lower end", "bisect");
  detail::require_finite(hi, "the upper end", "bisect");
  root_bracket r;
  auto small = [&] {
    const double width = std::abs(hi - lo);
    return width <= options.absolute_tolerance +
                        options.relative_tolerance * std::max(std::abs(lo), std::abs(hi));
  };
  for (; r.iterations < options.max_iterations && !small(); ++r.iterations) {
    const double mid = lo + 0.5 * (hi - lo);
    if (mid == lo || mid == hi) break;  // adjacent doubles
    (lower(mid) ? lo : hi) = mid;
  }
  r.lower = lo;
  r.upper = hi;
  const double mid = lo + 0.5 * (hi - lo);
  if (small() || mid == lo || mid == hi) {
    r.status = status::success;
  } else {
    r.status = status::iteration_limit;
    r.message = fmt::format("bisect: {} steps left a bracket of width {:.3g}", r.iterations,
                            std::abs(hi - lo));
  }
  return r;
}

/// \brief Finds an end where \p lower fails, stepping from \p from by \p step, 2·step, 4·step, …
/// (a negative step searches to the left).
/// \returns success with lower = the last point where the predicate held (or \p from) and upper
///          = the first where it failed; iteration_limit if it held at every doubling.
/// \throws non_finite_error for non-finite inputs, invalid_argument for a zero step.
template <class Predicate>
[[nodiscard]] root_bracket expand_bracket(Predicate&& lower, double from, double step,
                                          const root_options& options = {}) {
  options.validate("expand_bracket");
  detail::require_finite(from, "the start", "expand_bracket");
  detail::require_finite(step, "the step", "expand_bracket");
  if (step == 0.0) throw invalid_argument("expand_bracket: the step is 0");
  root_bracket r;
  r.lower = from;
  for (double s = step; r.iterations < options.max_iterations; s *= 2.0) {
    ++r.iterations;
    const double x = from + s;
    if (!std::isfinite(x)) break;
    if (!lower(x)) {
      r.upper = x;
      r.status = status::success;
      return r;
    }
    r.lower = x;
  }
  r.upper = r.lower;
  r.status = status::iteration_limit;
  r.message = fmt::format("expand_bracket: the predicate still holds at {} after {} doublings",
                          r.lower, r.iterations);
  return r;
}

}  // namespace mechdesign

#endif  // MECHDESIGN_CORE_ROOT_FINDING_HPP
