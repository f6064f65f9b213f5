#ifndef MECHDESIGN_CORE_INCENTIVES_HPP
#define MECHDESIGN_CORE_INCENTIVES_HPP

/// \file
/// \brief Interim utilities with misreports (3.1), incentive compatibility (3.2) and interim
/// individual rationality (3.3), with reports that name the worst violation.
///
/// Reference: 003_c8f96a2253701fcb.txt §3.1, eqs. (3.1)–(3.3).

#include <fmt/format.h>

#include <Eigen/Core>
#include <vector>

#include "mechdesign/core/detail/scalar.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign {

/// \brief U_k(μ, τ | t) for member k: entry (t, τ) is the interim utility of type t reporting τ
/// while the others are truthful (003 eq. (3.1)), transfers included.
/// \throws the exceptions of validate_mechanism.
template <class Scalar>
Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> misreport_utilities(
    const coalition_problem<Scalar>& g, const mechanism<Scalar>& m, int k,
    Scalar tol = detail::default_tolerance<Scalar>()) {
  detail::check_tolerance(tol, "tol", "misreport_utilities");
  g.check_member(k);
  validate_mechanism(g, m, tol);
  const index_t nk = g.num_types(k);
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> out =
      Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>::Zero(nk, nk);
  const auto& u = g.utility(k);
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    const index_t t = g.types().type_of(j, k);
    const Scalar w = g.belief(k, j);
    for (index_t tau = 0; tau < nk; ++tau) {
      const index_t jr = g.types().with_type(j, k, tau);
      Scalar value = m.probabilities.col(jr).dot(u.col(j));
      if (g.money()) value += m.transfers(k, jr);
      out(t, tau) += w * value;
    }
  }
  return out;
}

/// \brief U_k(μ | t_k) for every member and type (the diagonal of misreport_utilities).
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
template <class Scalar>
std::vector<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>> interim_utilities(
    const coalition_problem<Scalar>& g, const mechanism<Scalar>& m,
    Scalar tol = detail::default_tolerance<Scalar>()) {
  detail::check_tolerance(tol, "tol", "interim_utilities");
  std::vector<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>> out;
  for (int k = 0; k < g.num_members(); ++k) {
    out.push_back(misreport_utilities(g, m, k, tol).diagonal());
  }
  return out;
}

/// \brief Result of the incentive-compatibility check (3.2).
template <class Scalar = double>
struct ic_report {
  bool passed = true;         ///< no gain from misreporting exceeds the tolerance
  Scalar worst_violation{0};  ///< max over (i, t, τ) of U(μ, τ | t) − U(μ | t), or 0
  int player = -1;            ///< global index of the player with the worst violation
  index_t type = -1;          ///< his true type
  index_t report = -1;        ///< the profitable report
  /// gains[k](t, τ) = U_k(μ, τ | t) − U_k(μ | t) for member k.
  std::vector<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> gains;
};

/// \brief Check IC (003 eq. (3.2)): no type of any member gains more than \p tol by a misreport.
/// \p tol: finite, ≥ 0. \throws non_finite_error / invalid_argument for a bad \p tol and the
/// exceptions of validate_mechanism.
template <class Scalar>
ic_report<Scalar> check_incentive_compatibility(const coalition_problem<Scalar>& g,
                                                const mechanism<Scalar>& m,
                                                Scalar tol = detail::default_tolerance<Scalar>()) {
  detail::check_tolerance(tol, "tol", "check_incentive_compatibility");
  ic_report<Scalar> rep;
  for (int k = 0; k < g.num_members(); ++k) {
    auto table = misreport_utilities(g, m, k, tol);
    for (index_t t = 0; t < table.rows(); ++t) {
      const Scalar truthful = table(t, t);
      for (index_t tau = 0; tau < table.cols(); ++tau) {
        table(t, tau) -= truthful;
        if (tau != t && table(t, tau) > rep.worst_violation) {
          rep.worst_violation = table(t, tau);
          rep.player = g.members().members()[static_cast<std::size_t>(k)];
          rep.type = t;
          rep.report = tau;
        }
      }
    }
    rep.gains.push_back(std::move(table));
  }
  rep.passed = !(rep.worst_violation > tol);
  return rep;
}

/// \brief Result of the individual-rationality check (3.3).
template <class Scalar = double>
struct ir_report {
  bool passed = true;         ///< every type gets its reservation utility up to the tolerance
  Scalar worst_violation{0};  ///< max over (i, t) of reservation − U(μ | t), or 0
  int player = -1;            ///< global index of the worst-off player
  index_t type = -1;          ///< and his type
  /// surplus[k](t) = U_k(μ | t) − reservation_k(t).
  std::vector<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>> surplus;
};

/// \brief Check interim IR (003 eq. (3.3)) against explicit reservation utilities, one vector
/// per member of the coalition. \p tol: finite, ≥ 0.
/// \throws non_finite_error / invalid_argument for a bad \p tol; dimension_error if the
/// reservations do not match the members' type sets.
template <class Scalar>
ir_report<Scalar> check_individual_rationality(
    const coalition_problem<Scalar>& g, const mechanism<Scalar>& m,
    const std::vector<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>>& reservation,
    Scalar tol = detail::default_tolerance<Scalar>()) {
  detail::check_tolerance(tol, "tol", "check_individual_rationality");
  if (static_cast<int>(reservation.size()) != g.num_members()) {
    throw dimension_error(
        fmt::format("check_individual_rationality: {} reservation vectors for {} "
                    "members",
                    reservation.size(), g.num_members()));
  }
  ir_report<Scalar> rep;
  const auto u = interim_utilities(g, m, tol);
  for (int k = 0; k < g.num_members(); ++k) {
    const auto& r = reservation[static_cast<std::size_t>(k)];
    if (r.size() != g.num_types(k)) {
      throw dimension_error(fmt::format(
          "check_individual_rationality: reservation of member {} has {} entries, expected {}", k,
          r.size(), g.num_types(k)));
    }
    Eigen::Matrix<Scalar, Eigen::Dynamic, 1> s = u[static_cast<std::size_t>(k)] - r;
    for (index_t t = 0; t < s.size(); ++t) {
      if (!detail::is_finite(r(t))) {
        throw non_finite_error(fmt::format(
            "check_individual_rationality: reservation of member {} type {} is not finite", k, t));
      }
      if (-s(t) > rep.worst_violation) {
        rep.worst_violation = -s(t);
        rep.player = g.members().members()[static_cast<std::size_t>(k)];
        rep.type = t;
      }
    }
    rep.surplus.push_back(std::move(s));
  }
  rep.passed = !(rep.worst_violation > tol);
  return rep;
}

/// \brief Check interim IR (003 eq. (3.3)) with the reservation utilities
/// max_{d_i} u_i^{i}(d_i, t_i) of the problem's singleton coalitions.
/// \throws model_error if a member's singleton decisions are not registered.
template <class Scalar>
ir_report<Scalar> check_individual_rationality(const bayesian_problem<Scalar>& problem,
                                               const coalition_problem<Scalar>& g,
                                               const mechanism<Scalar>& m,
                                               Scalar tol = detail::default_tolerance<Scalar>()) {
  std::vector<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>> reservation;
  for (int i : g.members().members()) reservation.push_back(problem.reservation_utility(i));
  return check_individual_rationality(g, m, reservation, tol);
}

}  // namespace mechdesign

#endif  // MECHDESIGN_CORE_INCENTIVES_HPP
