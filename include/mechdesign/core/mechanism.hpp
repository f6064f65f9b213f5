#ifndef MECHDESIGN_CORE_MECHANISM_HPP
#define MECHDESIGN_CORE_MECHANISM_HPP

/// \file
/// \brief Direct mechanisms μ_S : T_S → Δ(D_S), with transfers when the problem has money.
///
/// Reference: 003_c8f96a2253701fcb.txt §3.1 (direct mechanisms, the set M_S).

#include <fmt/format.h>

#include <Eigen/Core>
#include <utility>

#include "mechdesign/core/detail/scalar.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign {

/// \brief A direct mechanism of a coalition.
///
/// probabilities(d, j) = μ(d | t_S) for the sub-profile with index j; each column is a
/// distribution. transfers(k, j) = x_k(t_S), the money member k receives (negative: pays);
/// empty when the problem has no money.
template <class Scalar = double>
struct mechanism {
  using matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
  matrix probabilities;
  matrix transfers;

  /// \brief The mechanism that takes decision \p d at every profile, without transfers.
  static mechanism constant(const coalition_problem<Scalar>& g, index_t d) {
    if (d < 0 || d >= g.num_decisions()) {
      throw index_error(
          fmt::format("mechanism::constant: decision {} outside [0, {})", d, g.num_decisions()));
    }
    mechanism m;
    m.probabilities = matrix::Zero(g.num_decisions(), g.num_profiles());
    m.probabilities.row(d).setOnes();
    if (g.money()) m.transfers = matrix::Zero(g.num_members(), g.num_profiles());
    return m;
  }
};

/// \brief Check that \p m is a mechanism of \p g: shapes, finite entries, columns that are
/// distributions within \p tol, transfers present iff the problem has money and satisfying its
/// budget rule within \p tol (003 §3.1). \p tol: finite, ≥ 0.
/// \throws non_finite_error / invalid_argument for a bad \p tol; dimension_error, non_finite_error,
/// distribution_error, model_error.
template <class Scalar>
void validate_mechanism(const coalition_problem<Scalar>& g, const mechanism<Scalar>& m,
                        Scalar tol = detail::default_tolerance<Scalar>()) {
  detail::check_tolerance(tol, "tol", "validate_mechanism");
  if (m.probabilities.rows() != g.num_decisions() || m.probabilities.cols() != g.num_profiles()) {
    throw dimension_error(fmt::format("validate_mechanism: probabilities are {}x{}, expected {}x{}",
                                      m.probabilities.rows(), m.probabilities.cols(),
                                      g.num_decisions(), g.num_profiles()));
  }
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    Scalar sum(0);
    for (index_t d = 0; d < g.num_decisions(); ++d) {
      const Scalar& x = m.probabilities(d, j);
      if (!detail::is_finite(x)) {
        throw non_finite_error(fmt::format(
            "validate_mechanism: probability of decision {} at profile {} is not finite", d, j));
      }
      if (x < Scalar(-tol)) {
        throw distribution_error(fmt::format(
            "validate_mechanism: probability of decision {} at profile {} is negative ({})", d, j,
            detail::show(x)));
      }
      sum += x;
    }
    if (detail::abs_value(Scalar(sum - Scalar(1))) > tol) {
      throw distribution_error(
          fmt::format("validate_mechanism: probabilities at profile {} sum to {}, not 1", j,
                      detail::show(sum)));
    }
  }
  if (!g.money()) {
    if (m.transfers.size() != 0) {
      throw model_error("validate_mechanism: transfers given but the problem has no money");
    }
    return;
  }
  if (m.transfers.rows() != g.num_members() || m.transfers.cols() != g.num_profiles()) {
    throw dimension_error(fmt::format("validate_mechanism: transfers are {}x{}, expected {}x{}",
                                      m.transfers.rows(), m.transfers.cols(), g.num_members(),
                                      g.num_profiles()));
  }
  Scalar ex_ante(0);
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    Scalar sum(0);
    for (index_t k = 0; k < g.num_members(); ++k) {
      if (!detail::is_finite(m.transfers(k, j))) {
        throw non_finite_error(fmt::format(
            "validate_mechanism: transfer to member {} at profile {} is not finite", k, j));
      }
      sum += m.transfers(k, j);
    }
    ex_ante += g.probability(j) * sum;
    const budget_rule rule = *g.money();
    if (is_ex_post(rule)) {
      const bool bad = is_balanced(rule) ? detail::abs_value(sum) > tol : sum > tol;
      if (bad) {
        throw model_error(
            fmt::format("validate_mechanism: transfers at profile {} sum to {} (budget rule "
                        "violated)",
                        j, detail::show(sum)));
      }
    }
  }
  const budget_rule rule = *g.money();
  if (!is_ex_post(rule)) {
    const bool bad = is_balanced(rule) ? detail::abs_value(ex_ante) > tol : ex_ante > tol;
    if (bad) {
      throw model_error(fmt::format(
          "validate_mechanism: expected transfers sum to {} (ex-ante budget rule violated)",
          detail::show(ex_ante)));
    }
  }
}

}  // namespace mechdesign

#endif  // MECHDESIGN_CORE_MECHANISM_HPP
