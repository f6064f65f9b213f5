#ifndef MECHDESIGN_CORE_RATIONAL_HPP
#define MECHDESIGN_CORE_RATIONAL_HPP

/// \file
/// \brief Exact rational scalars for the templated core: GMP's mpq_class made usable as an Eigen
/// scalar, so priors, problems, mechanisms, IC/IR checks, virtual utilities and Proposition 1's
/// conditions can be evaluated without rounding.
///
/// Optional: include it only if you link GMP's C++ bindings (`-lgmpxx -lgmp`; Debian's
/// libgmp-dev, which libglpk-dev already depends on). LP solves stay in double.

#include <gmpxx.h>

#include <Eigen/Core>

namespace mechdesign {

/// \brief An exact rational number (GMP).
using rational = mpq_class;

}  // namespace mechdesign

namespace Eigen {

/// \brief Eigen's traits for GMP rationals: exact, so epsilon and precision are zero.
template <>
struct NumTraits<mpq_class> : GenericNumTraits<mpq_class> {
  using Real = mpq_class;
  using NonInteger = mpq_class;
  using Nested = mpq_class;
  using Literal = mpq_class;
  enum {
    IsComplex = 0,
    IsInteger = 0,
    IsSigned = 1,
    RequireInitialization = 1,
    ReadCost = 6,
    AddCost = 150,
    MulCost = 100
  };
  static inline Real epsilon() { return Real(0); }
  static inline Real dummy_precision() { return Real(0); }
  static inline int digits10() { return 0; }
  static inline int max_digits10() { return 0; }
};

}  // namespace Eigen

#endif  // MECHDESIGN_CORE_RATIONAL_HPP
