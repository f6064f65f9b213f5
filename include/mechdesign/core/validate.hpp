#ifndef MECHDESIGN_CORE_VALIDATE_HPP
#define MECHDESIGN_CORE_VALIDATE_HPP

/// \file
/// \brief The library's input checks, in one place: finiteness, probability vectors, sizes,
/// positive and bounded parameters, indices. Every module validates through these, so a given
/// mistake is reported with the same exception type and the same wording everywhere.
///
/// Each check throws a typed exception derived from mechdesign::invalid_argument whose message
/// starts with \p where (the public function or type being called).

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "mechdesign/core/detail/scalar.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/types.hpp"

namespace mechdesign::detail {

/// Throws non_finite_error unless \p x is finite.
inline void require_finite(double x, const std::string& what, const std::string& where) {
  if (!std::isfinite(x)) {
    throw non_finite_error(fmt::format("{}: {} is not finite ({})", where, what, x));
  }
}

/// Throws non_finite_error naming the first entry of \p m that is not finite.
inline void require_finite(const Eigen::Ref<const Eigen::MatrixXd>& m, const std::string& what,
                           const std::string& where) {
  for (index_t c = 0; c < m.cols(); ++c) {
    for (index_t r = 0; r < m.rows(); ++r) {
      if (!std::isfinite(m(r, c))) {
        throw non_finite_error(
            fmt::format("{}: {} entry ({}, {}) is {}", where, what, r, c, m(r, c)));
      }
    }
  }
}

/// Throws non_finite_error / invalid_argument unless \p x is finite and > 0.
inline void require_positive(double x, const std::string& what, const std::string& where) {
  require_finite(x, what, where);
  if (!(x > 0.0)) throw invalid_argument(fmt::format("{}: {} must be > 0, got {}", where, what, x));
}

/// Throws non_finite_error (NaN, or ±∞ outside the range) or invalid_argument unless
/// lo ≤ x ≤ hi; an infinite bound admits ∞ (time limits use ∞ for "no limit").
inline void require_in_range(double x, double lo, double hi, const std::string& what,
                             const std::string& where) {
  if (std::isnan(x)) throw non_finite_error(fmt::format("{}: {} is NaN", where, what));
  if (!(x >= lo && x <= hi)) {
    if (std::isinf(x)) {
      throw non_finite_error(
          fmt::format("{}: {} = {} is outside its range [{}, {}]", where, what, x, lo, hi));
    }
    throw invalid_argument(
        fmt::format("{}: {} = {} is outside its range [{}, {}]", where, what, x, lo, hi));
  }
}

/// Throws non_finite_error (NaN, ±∞) or distribution_error (outside [0, 1]) unless \p x is a
/// probability.
inline void require_probability(double x, const std::string& what, const std::string& where) {
  require_finite(x, what, where);
  if (!(x >= 0.0 && x <= 1.0)) {
    throw distribution_error(fmt::format("{}: {} = {} is not a probability", where, what, x));
  }
}

/// Throws non_finite_error / invalid_argument unless \p tolerance is finite and in [0, max] (a NaN
/// tolerance would silently turn the check it parametrises off).
inline void require_tolerance(double tolerance, const std::string& what, const std::string& where,
                              double max = 1.0) {
  require_finite(tolerance, what, where);  // also when max is HUGE_VAL: ∞ would accept anything
  require_in_range(tolerance, 0.0, max, what, where);
}

/// Throws non_finite_error (NaN, ±∞) or invalid_argument (negative) unless \p tol is a finite
/// number ≥ 0 — the tolerance check for any scalar type (double or exact); a NaN tolerance
/// would turn every comparison it takes part in false and so switch its check off.
template <class Scalar>
void check_tolerance(const Scalar& tol, const std::string& what, const std::string& where) {
  if (!is_finite(tol)) {
    throw non_finite_error(fmt::format("{}: {} is not finite ({})", where, what, to_double(tol)));
  }
  if (tol < Scalar(0)) {
    throw invalid_argument(fmt::format("{}: {} must be >= 0, got {}", where, what, show(tol)));
  }
}

/// Throws invalid_argument unless lo ≤ n ≤ hi: the check of integer counts and limits
/// (iteration caps, rounds, restarts, cells).
inline void require_count(long long n, long long lo, long long hi, const std::string& what,
                          const std::string& where) {
  if (n < lo || n > hi) {
    throw invalid_argument(
        fmt::format("{}: {} = {} is outside its range [{}, {}]", where, what, n, lo, hi));
  }
}

/// The largest table (entries of a prior, of a utility table's row, of an LP's variables) the
/// library allocates in one piece: 2^26 entries (512 MiB of doubles). Problems needing more are
/// refused with dimension_error before anything is allocated.
constexpr index_t max_table_entries = index_t{1} << 26;

/// \p a · \p b computed without overflow; throws dimension_error if either is negative or the
/// product exceeds \p limit (default max_table_entries).
inline index_t checked_product(index_t a, index_t b, const std::string& what,
                               const std::string& where, index_t limit = max_table_entries) {
  if (a < 0 || b < 0) {
    throw dimension_error(fmt::format("{}: {} has a negative factor ({} x {})", where, what, a, b));
  }
  if (a != 0 && b > limit / a) {
    throw dimension_error(
        fmt::format("{}: {} ({} x {}) exceeds the limit of {} entries", where, what, a, b, limit));
  }
  return a * b;
}

/// Throws dimension_error if \p size exceeds \p limit (default max_table_entries).
inline void require_size_limit(index_t size, const std::string& what, const std::string& where,
                               index_t limit = max_table_entries) {
  if (size < 0 || size > limit) {
    throw dimension_error(
        fmt::format("{}: {} has {} entries, beyond the limit of {}", where, what, size, limit));
  }
}

/// Throws dimension_error unless \p size == \p expected.
inline void require_size(index_t size, index_t expected, const std::string& what,
                         const std::string& where) {
  if (size != expected) {
    throw dimension_error(
        fmt::format("{}: {} has {} entries, expected {}", where, what, size, expected));
  }
}

/// Throws index_error unless 0 ≤ i < n.
inline void require_index(index_t i, index_t n, const std::string& what, const std::string& where) {
  if (i < 0 || i >= n) {
    throw index_error(fmt::format("{}: {} = {} is outside [0, {})", where, what, i, n));
  }
}

/// Throws dimension_error (empty), non_finite_error or distribution_error unless \p v is a
/// probability vector whose entries sum to 1 within \p tol; \p what names the vector in the
/// message (it is printed as given, so callers prefix it with the function's name).
template <class Scalar>
void check_distribution(const Eigen::Matrix<Scalar, Eigen::Dynamic, 1>& v, const Scalar& tol,
                        const std::string& what) {
  if (v.size() == 0) throw dimension_error(fmt::format("{}: the distribution is empty", what));
  check_tolerance(tol, "the tolerance", what);
  Scalar sum(0);
  for (index_t k = 0; k < v.size(); ++k) {
    if (!is_finite(v(k))) {
      throw non_finite_error(fmt::format("{}: entry {} is not finite", what, k));
    }
    if (v(k) < Scalar(0)) {
      throw distribution_error(fmt::format("{}: entry {} is negative ({})", what, k, show(v(k))));
    }
    sum += v(k);
  }
  if (abs_value(Scalar(sum - Scalar(1))) > tol) {
    throw distribution_error(
        fmt::format("{}: entries sum to {}, not 1 (tolerance {})", what, show(sum), show(tol)));
  }
}

/// check_distribution() for a double vector given as any dense expression, with its expected
/// length (dimension_error if it differs).
inline void require_distribution(const Eigen::Ref<const Eigen::VectorXd>& v, index_t expected,
                                 const std::string& what, const std::string& where,
                                 double tol = 1e-9) {
  require_size(v.size(), expected, what, where);
  check_distribution<double>(Eigen::VectorXd(v), tol, fmt::format("{}: {}", where, what));
}

/// Throws a copy of \p e (same class) whose message starts with "where: ", unless it already
/// names \p where.
template <class E>
[[noreturn]] void rethrow_named(const E& e, const std::string& where) {
  const std::string message = e.what();
  if (message.find(where) != std::string::npos) throw e;
  throw E(fmt::format("{}: {}", where, message));
}

/// Runs \p f and returns what it returns; a mechdesign::invalid_argument that a check deep
/// inside throws is rethrown as the same class with its message prefixed by \p where, so the
/// caller reads the name of the public function it called. Other exceptions pass unchanged.
template <class F>
decltype(auto) with_entry(const std::string& where, F&& f) {
  try {
    return std::forward<F>(f)();
  } catch (const model_error& e) {
    rethrow_named(e, where);
  } catch (const zero_probability_error& e) {
    rethrow_named(e, where);
  } catch (const distribution_error& e) {
    rethrow_named(e, where);
  } catch (const non_finite_error& e) {
    rethrow_named(e, where);
  } catch (const index_error& e) {
    rethrow_named(e, where);
  } catch (const dimension_error& e) {
    rethrow_named(e, where);
  } catch (const invalid_argument& e) {
    rethrow_named(e, where);
  }
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_CORE_VALIDATE_HPP
