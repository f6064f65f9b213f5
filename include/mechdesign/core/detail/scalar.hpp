#ifndef MECHDESIGN_CORE_DETAIL_SCALAR_HPP
#define MECHDESIGN_CORE_DETAIL_SCALAR_HPP

/// \file
/// \brief Internal helpers that let the core run on double, long double or exact rationals.

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <type_traits>

namespace mechdesign::detail {

/// True for every value of a type without NaN or infinity (rationals); IEEE check otherwise.
template <class Scalar>
bool is_finite(const Scalar& x) {
  if constexpr (std::is_floating_point_v<Scalar>) {
    return std::isfinite(x);
  } else {
    (void)x;
    return true;
  }
}

/// Absolute value that works for built-in floating types and for types found by ADL.
template <class Scalar>
Scalar abs_value(const Scalar& x) {
  return x < Scalar(0) ? Scalar(-x) : x;
}

/// Conversion to double for messages and diagnostics.
template <class Scalar>
double to_double(const Scalar& x) {
  if constexpr (std::is_arithmetic_v<Scalar>) {
    return static_cast<double>(x);
  } else {
    return x.get_d();  // GMP's mpq_class / mpf_class
  }
}

/// Default tolerance for probability sums and checks: 1e-9 for floating types, 0 for exact ones.
template <class Scalar>
Scalar default_tolerance() {
  if constexpr (std::is_floating_point_v<Scalar>) {
    return Scalar(1e-9);
  } else {
    return Scalar(0);
  }
}

/// A number formatted for an error message.
template <class Scalar>
std::string show(const Scalar& x) {
  return fmt::format("{:.17g}", to_double(x));
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_CORE_DETAIL_SCALAR_HPP
