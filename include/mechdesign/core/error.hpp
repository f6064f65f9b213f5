#ifndef MECHDESIGN_CORE_ERROR_HPP
#define MECHDESIGN_CORE_ERROR_HPP

/// \file
/// \brief The exception hierarchy: every exception mechdesign throws derives from
/// mechdesign::error.
///
/// Caller mistakes (sizes, non-distributions, NaN, out-of-range indices) are
/// invalid_argument subclasses and are raised before any solver is called. Solver outcomes
/// that a function cannot continue from are reported as solver_error (lp/solver_error.hpp).

#include <stdexcept>
#include <string>

namespace mechdesign {

/// \brief Base class of every exception thrown by mechdesign.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// \brief The caller passed data that violates a documented precondition.
class invalid_argument : public error {
 public:
  using error::error;
};

/// \brief Sizes of inputs disagree (vector length, table shape, player count).
class dimension_error : public invalid_argument {
 public:
  using invalid_argument::invalid_argument;
};

/// \brief An index (player, type, decision, profile, coalition member) is out of range.
class index_error : public invalid_argument {
 public:
  using invalid_argument::invalid_argument;
};

/// \brief A number that must be finite is NaN or infinite.
class non_finite_error : public invalid_argument {
 public:
  using invalid_argument::invalid_argument;
};

/// \brief A vector that must be a probability distribution is negative or does not sum to one.
class distribution_error : public invalid_argument {
 public:
  using invalid_argument::invalid_argument;
};

/// \brief A probability that must be strictly positive (a type's marginal, needed to form
/// beliefs) is zero.
class zero_probability_error : public invalid_argument {
 public:
  using invalid_argument::invalid_argument;
};

/// \brief A mechanism, model or problem is structurally inconsistent (missing coalition,
/// transfers given for a problem without money, budget violated, bad bounds).
class model_error : public invalid_argument {
 public:
  using invalid_argument::invalid_argument;
};

}  // namespace mechdesign

#endif  // MECHDESIGN_CORE_ERROR_HPP
