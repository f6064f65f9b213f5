#ifndef MECHDESIGN_MECHANISM_VIRTUAL_UTILITY_HPP
#define MECHDESIGN_MECHANISM_VIRTUAL_UTILITY_HPP

/// \file
/// \brief Virtual utility (3.6), the dual objective (3.7), and the conditions (3.8a–b) of
/// Proposition 1, for given utility weights λ and incentive multipliers α.
///
/// Reference: 003_c8f96a2253701fcb.txt §3.2, eqs. (3.5)–(3.8b); participation multipliers β
/// enter as in the Lagrangian (4.9) of §4 (λ is replaced by λ + β and Σ β w is subtracted).
///
/// Conventions: weights[k](t) = λ_k(t); alpha[k](t, τ) = α_k(τ | t) ≥ 0 is the multiplier of
/// "type t of member k does not gain by reporting τ" (the diagonal is zero).
/// With correlated priors the same Lagrangian gives v_k(d, t_S) =
/// [ (λ_k(t_k) + Σ_τ α_k(τ|t_k)) p(t_S)/p_k(t_k) u_k(d, t_S)
///   − Σ_s α_k(t_k|s) p(s, t_{S∖k})/p_k(s) u_k(d, (s, t_{S∖k})) ] / p(t_S),
/// which reduces to (3.6) for independent types. Profiles of probability zero get v = 0.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <vector>

#include "mechdesign/core/detail/scalar.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/types.hpp"

namespace mechdesign {

namespace detail {

template <class Scalar>
void check_type_vectors(const coalition_problem<Scalar>& g, const type_vectors<Scalar>& w,
                        const char* what, bool nonnegative) {
  if (static_cast<int>(w.size()) != g.num_members()) {
    throw dimension_error(
        fmt::format("{}: {} vectors for {} members", what, w.size(), g.num_members()));
  }
  for (int k = 0; k < g.num_members(); ++k) {
    const auto& v = w[static_cast<std::size_t>(k)];
    if (v.size() != g.num_types(k)) {
      throw dimension_error(fmt::format("{}: member {} has {} entries, expected {}", what, k,
                                        v.size(), g.num_types(k)));
    }
    for (index_t t = 0; t < v.size(); ++t) {
      if (!is_finite(v(t))) {
        throw non_finite_error(
            fmt::format("{}: entry of member {} type {} is not finite", what, k, t));
      }
      if (nonnegative && v(t) < Scalar(0)) {
        throw invalid_argument(
            fmt::format("{}: entry of member {} type {} is negative ({})", what, k, t, show(v(t))));
      }
    }
  }
}

template <class Scalar>
void check_alpha(const coalition_problem<Scalar>& g, const type_matrices<Scalar>& a) {
  if (static_cast<int>(a.size()) != g.num_members()) {
    throw dimension_error(
        fmt::format("alpha: {} matrices for {} members", a.size(), g.num_members()));
  }
  for (int k = 0; k < g.num_members(); ++k) {
    const auto& m = a[static_cast<std::size_t>(k)];
    if (m.rows() != g.num_types(k) || m.cols() != g.num_types(k)) {
      throw dimension_error(fmt::format("alpha: member {} matrix is {}x{}, expected {}x{}", k,
                                        m.rows(), m.cols(), g.num_types(k), g.num_types(k)));
    }
    for (index_t t = 0; t < m.rows(); ++t) {
      for (index_t s = 0; s < m.cols(); ++s) {
        if (!is_finite(m(t, s))) {
          throw non_finite_error(
              fmt::format("alpha: member {} entry ({}, {}) is not finite", k, t, s));
        }
        if (m(t, s) < Scalar(0)) {
          throw invalid_argument(fmt::format("alpha: member {} entry ({}, {}) is negative ({})", k,
                                             t, s, show(m(t, s))));
        }
      }
    }
  }
}

}  // namespace detail

/// \brief The Lagrangian coefficients of the primal (3.5): entry (d, t_S) of member k's matrix is
/// p(t_S) · v_k(d, t_S, λ_k, α_k), the weight of μ(d | t_S) in Σ λ U + Σ α (IC slack)
/// (003 eqs. (3.5)–(3.6)). Summing max_d over profiles gives the dual objective (3.7).
template <class Scalar>
type_matrices<Scalar> lagrangian_coefficients(const coalition_problem<Scalar>& g,
                                              const type_vectors<Scalar>& lambda,
                                              const type_matrices<Scalar>& alpha) {
  detail::check_type_vectors(g, lambda, "lambda", true);
  detail::check_alpha(g, alpha);
  type_matrices<Scalar> out;
  const auto& ts = g.types();
  for (int k = 0; k < g.num_members(); ++k) {
    const auto& u = g.utility(k);
    const auto& a = alpha[static_cast<std::size_t>(k)];
    const auto& l = lambda[static_cast<std::size_t>(k)];
    Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> c =
        Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>::Zero(g.num_decisions(),
                                                                    g.num_profiles());
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      const index_t t = ts.type_of(j, k);
      Scalar own = l(t);
      for (index_t tau = 0; tau < a.cols(); ++tau) {
        if (tau != t) own += a(t, tau);
      }
      c.col(j) = (own * g.belief(k, j)) * u.col(j);
      for (index_t s = 0; s < a.rows(); ++s) {
        if (s == t || a(s, t) == Scalar(0)) continue;
        const index_t js = ts.with_type(j, k, s);  // true type s, reporting t
        c.col(j) -= (a(s, t) * g.belief(k, js)) * u.col(js);
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

/// \brief Virtual utilities v_k(d, t_S, λ_k, α_k) of every member (003 eq. (3.6)): one
/// |D_S| × |T_S| matrix per member.
template <class Scalar>
type_matrices<Scalar> virtual_utility(const coalition_problem<Scalar>& g,
                                      const type_vectors<Scalar>& lambda,
                                      const type_matrices<Scalar>& alpha) {
  type_matrices<Scalar> v = lagrangian_coefficients(g, lambda, alpha);
  for (auto& m : v) {
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      const Scalar p = g.probability(j);
      if (p > Scalar(0)) {
        m.col(j) /= p;
      } else {
        m.col(j).setZero();
      }
    }
  }
  return v;
}

/// \brief The weight of money in the Lagrangian: entry (k, t_S) is the coefficient of the
/// transfer x_k(t_S) divided by p(t_S) (the virtual value of a dollar to member k). The dual
/// (3.7) of a problem with money is finite only if these weights balance (see
/// transfer_imbalance).
template <class Scalar>
Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> virtual_money_weights(
    const coalition_problem<Scalar>& g, const type_vectors<Scalar>& lambda,
    const type_matrices<Scalar>& alpha) {
  detail::check_type_vectors(g, lambda, "lambda", true);
  detail::check_alpha(g, alpha);
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> w =
      Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>::Zero(g.num_members(),
                                                                  g.num_profiles());
  const auto& ts = g.types();
  for (int k = 0; k < g.num_members(); ++k) {
    const auto& a = alpha[static_cast<std::size_t>(k)];
    const auto& l = lambda[static_cast<std::size_t>(k)];
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      const Scalar p = g.probability(j);
      if (!(p > Scalar(0))) continue;
      const index_t t = ts.type_of(j, k);
      Scalar own = l(t);
      for (index_t tau = 0; tau < a.cols(); ++tau) {
        if (tau != t) own += a(t, tau);
      }
      Scalar c = own * g.belief(k, j);
      for (index_t s = 0; s < a.rows(); ++s) {
        if (s != t) c -= a(s, t) * g.belief(k, ts.with_type(j, k, s));
      }
      w(k, j) = c / p;
    }
  }
  return w;
}

/// \brief How far the virtual money weights are from making transfers neutral in the dual:
/// 0 without money; ex post: max over profiles of the spread of the members' weights (plus any
/// negative weight under "no deficit"); ex ante: the spread over all members and profiles.
template <class Scalar>
Scalar transfer_imbalance(const coalition_problem<Scalar>& g, const type_vectors<Scalar>& lambda,
                          const type_matrices<Scalar>& alpha) {
  if (!g.money()) return Scalar(0);
  const auto w = virtual_money_weights(g, lambda, alpha);
  const budget_rule rule = *g.money();
  Scalar worst(0);
  auto spread = [&](const auto& block) {
    Scalar lo = block.minCoeff(), hi = block.maxCoeff();
    Scalar r = hi - lo;
    if (!is_balanced(rule) && lo < Scalar(0)) r = std::max(r, Scalar(-lo));
    return r;
  };
  if (is_ex_post(rule)) {
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      if (g.probability(j) > Scalar(0)) worst = std::max(worst, spread(w.col(j)));
    }
  } else {
    worst = spread(w);
  }
  return worst;
}

/// \brief The dual objective (3.7) at (λ, α): Σ_{t_S} p(t_S) max_d Σ_k v_k(d, t_S), minus
/// Σ β_k(t) w_k(t) when participation constraints U_k ≥ w_k with multipliers β are present (pass
/// empty vectors otherwise; λ then stands for λ + β). Transfers contribute nothing once balanced
/// (check transfer_imbalance).
template <class Scalar>
Scalar dual_objective(const coalition_problem<Scalar>& g, const type_vectors<Scalar>& lambda,
                      const type_matrices<Scalar>& alpha, const type_vectors<Scalar>& beta = {},
                      const type_vectors<Scalar>& thresholds = {}) {
  type_vectors<Scalar> weights = lambda;
  if (!beta.empty()) {
    detail::check_type_vectors(g, beta, "beta", true);
    detail::check_type_vectors(g, thresholds, "participation thresholds", false);
    for (std::size_t k = 0; k < weights.size(); ++k) weights[k] += beta[k];
  }
  const auto c = lagrangian_coefficients(g, weights, alpha);
  Scalar total(0);
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    Eigen::Matrix<Scalar, Eigen::Dynamic, 1> col = c[0].col(j);
    for (std::size_t k = 1; k < c.size(); ++k) col += c[k].col(j);
    total += col.maxCoeff();
  }
  for (std::size_t k = 0; k < beta.size(); ++k) total -= beta[k].dot(thresholds[k]);
  return total;
}

/// \brief The virtual worth of a mechanism, Σ_{t_S} p(t_S) Σ_k v_k(μ, t_S, λ_k, α_k), transfers
/// included at their virtual money weights (003 eqs. (3.6), (4.8)). When α satisfies the
/// complementary slackness (4.7) for μ, it equals Σ_k Σ_t λ_k(t) U_k(μ | t) (003 eq. (4.8)).
template <class Scalar>
Scalar virtual_worth(const coalition_problem<Scalar>& g, const mechanism<Scalar>& m,
                     const type_vectors<Scalar>& lambda, const type_matrices<Scalar>& alpha) {
  validate_mechanism(g, m, detail::default_tolerance<Scalar>());
  const auto c = lagrangian_coefficients(g, lambda, alpha);
  Scalar total(0);
  for (const auto& ck : c) total += ck.cwiseProduct(m.probabilities).sum();
  if (g.money()) {
    const auto w = virtual_money_weights(g, lambda, alpha);
    for (index_t j = 0; j < g.num_profiles(); ++j) {
      total += g.probability(j) * w.col(j).dot(m.transfers.col(j));
    }
  }
  return total;
}

/// \brief Residuals of Proposition 1's conditions for a mechanism and (λ, α).
template <class Scalar = double>
struct efficiency_conditions {
  Scalar ic_violation{0};             ///< worst gain from misreporting (3.2)
  Scalar complementary_slackness{0};  ///< max α_k(τ|t) · (U_k(t) − U_k(τ|t)) (3.8a)
  Scalar virtual_optimality{0};       ///< max over t_S of max_d Σ v − Σ_d μ(d|t_S) Σ v (3.8b)
  Scalar transfer_imbalance{0};       ///< money only: see transfer_imbalance()
  Scalar min_weight{0};               ///< min λ_k(t): must be > 0 for λ ∈ Λ_{++}
  bool passed = false;                ///< all residuals ≤ tolerance and min_weight > 0
};

/// \brief Evaluate (3.2), (3.8a), (3.8b) and λ > 0 for mechanism \p m with weights \p lambda and
/// multipliers \p alpha (003 Proposition 1).
template <class Scalar>
efficiency_conditions<Scalar> check_efficiency_conditions(const coalition_problem<Scalar>& g,
                                                          const mechanism<Scalar>& m,
                                                          const type_vectors<Scalar>& lambda,
                                                          const type_matrices<Scalar>& alpha,
                                                          Scalar tol = Scalar(1e-7)) {
  efficiency_conditions<Scalar> r;
  const auto ic = check_incentive_compatibility(g, m, tol);
  r.ic_violation = ic.worst_violation;
  const auto v = virtual_utility(g, lambda, alpha);
  for (int k = 0; k < g.num_members(); ++k) {
    const auto& a = alpha[static_cast<std::size_t>(k)];
    const auto& gain = ic.gains[static_cast<std::size_t>(k)];
    for (index_t t = 0; t < a.rows(); ++t) {
      for (index_t tau = 0; tau < a.cols(); ++tau) {
        if (tau != t) {
          r.complementary_slackness = std::max(r.complementary_slackness,
                                               detail::abs_value(Scalar(a(t, tau) * gain(t, tau))));
        }
      }
    }
  }
  for (index_t j = 0; j < g.num_profiles(); ++j) {
    if (!(g.probability(j) > Scalar(0))) continue;
    Eigen::Matrix<Scalar, Eigen::Dynamic, 1> col = v[0].col(j);
    for (std::size_t k = 1; k < v.size(); ++k) col += v[k].col(j);
    const Scalar achieved = m.probabilities.col(j).dot(col);
    r.virtual_optimality = std::max(r.virtual_optimality, Scalar(col.maxCoeff() - achieved));
  }
  r.transfer_imbalance = transfer_imbalance(g, lambda, alpha);
  r.min_weight = lambda[0].minCoeff();
  for (const auto& l : lambda) r.min_weight = std::min(r.min_weight, l.minCoeff());
  r.passed = r.ic_violation <= tol && r.complementary_slackness <= tol &&
             r.virtual_optimality <= tol && r.transfer_imbalance <= tol && r.min_weight > Scalar(0);
  return r;
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_VIRTUAL_UTILITY_HPP
