#ifndef MECHDESIGN_DATA_MONETIZATION_INCENTIVES_HPP
#define MECHDESIGN_DATA_MONETIZATION_INCENTIVES_HPP

/// \file
/// \brief Truthfulness, incentive compatibility against double deviations, participation and the
/// revenue-maximising payments of a symmetric obedient Gaussian mechanism (001 Propositions 3-5,
/// Lemma 1, Corollary 3).
///
/// Derivation in the canonical normalisation (game.hpp). Write ā(t) = E[a_i | t_i = t] =
/// m + c (t − μ_t), V = Var(a_i | t_i) = v − c² σ_t² and U(t) = E[u_i | t] = (ā(t)² + V)/2
/// (obedient, eq. (9)). A type t that reports τ and then plays a_i + δ gets U(τ) + (t − τ) ā(τ) +
/// δ(t − τ) − δ²/2 − p(τ) (obedience at τ kills the rest); the best δ is t − τ (eq. (16)) and the
/// double deviation is worth U(τ) + (t − τ) ā(τ) + (t − τ)²/2 − p(τ). Hence, with rent R(t) = U(t)
/// − p(t):
///   truthful  ⇔ R' = ā and c ≥ 0                           (Proposition 3)
///   IC        ⇔ R' = ā and c ≥ 1 (⇔ r d ≥ 0 by obedience)    (Proposition 4), p' = (c − 1) ā.
/// A non-participant facing a mean aggregate action A gets U₀(t) = (μ_θ + t + r A)²/2 (Lemma 1).
/// Participation with IC payments needs c ≥ 1; the payment-maximising pair is A with
/// μ_θ + μ_t + r A = m / c and R(t) = ā(t)²/(2c) (eq. (18), Corollary 3), so
///   p(t) = V/2 + (c − 1) ā(t)² / (2c) ≥ 0,   E p = V/2 + (c − 1)(m² + c² σ_t²)/(2c).
/// The critical type t* = μ_t − m/c takes a zero expected action on and off path and gets rent 0.

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/data_monetization/game.hpp"
#include "mechdesign/data_monetization/mechanism.hpp"

namespace mechdesign::data_monetization {

/// \brief Interim quantities and the revenue-maximising payments of a symmetric obedient mechanism
/// (001 Lemma 1, Proposition 5, Corollary 3).
struct [[nodiscard]] payment_rule : result_base {
  /// c ≥ 1: IC and participation possible (Propositions 4-5); status is success iff it holds,
  /// infeasible otherwise (with the reason in message)
  bool implementable = false;
  double mean_action = 0.0;           ///< m
  double own_type_weight = 0.0;       ///< c = Cov(a_i, t_i)/σ_t²
  double conditional_variance = 0.0;  ///< V = Var(a_i | t_i)
  double type_mean = 0.0;
  double type_variance = 1.0;
  double state_mean = 0.0;
  double interaction = 0.0;
  double off_path_aggregate = std::numeric_limits<double>::quiet_NaN();  ///< A* (eq. (18))
  double critical_type = std::numeric_limits<double>::quiet_NaN();       ///< t* = μ_t − m/c

  /// \brief ā(t) = E[a_i | t_i = t] (001 eq. (15)).
  double expected_action(double t) const { return mean_action + own_type_weight * (t - type_mean); }
  /// \brief U(t), truthful and obedient (001 eq. (9)).
  double interim_utility(double t) const {
    const double a = expected_action(t);
    return 0.5 * (a * a + conditional_variance);
  }
  /// \brief Reservation utility (μ_θ + t + r A)²/2 against mean aggregate action A (001 Lemma 1).
  double reservation_utility(double t, double aggregate) const {
    const double a = state_mean + t + interaction * aggregate;
    return 0.5 * a * a;
  }
  /// \brief Reservation utility at the payment-maximising A* (001 eq. (18)).
  double reservation_utility(double t) const { return reservation_utility(t, off_path_aggregate); }
  /// \brief Information rent R(t) = ā(t)²/(2c) (001 Corollary 3, eq. (22)). For 0 < c < 1 these
  /// are still truthful payments (Proposition 3) but not participating ones; NaN for c ≤ 0.
  double rent(double t) const {
    const double a = expected_action(t);
    return own_type_weight > 0 ? a * a / (2.0 * own_type_weight)
                               : std::numeric_limits<double>::quiet_NaN();
  }
  /// \brief Maximal payment p(t) = U(t) − R(t) (001 Proposition 5).
  double payment(double t) const { return interim_utility(t) - rent(t); }
  /// \brief p'(t) = (c − 1) ā(t), the marginal payment of any IC mechanism (001 Proposition 4).
  double payment_derivative(double t) const { return (own_type_weight - 1.0) * expected_action(t); }
  /// \brief Payoff of type t reporting τ, following (or, if \p deviate, best-deviating by
  /// t − τ, eq. (16)) and paying p(τ) (001 Propositions 3-4).
  double misreport_payoff(double t, double tau, bool deviate) const {
    const double delta = t - tau;
    return interim_utility(tau) + delta * expected_action(tau) +
           (deviate ? 0.5 * delta * delta : 0.0) - payment(tau);
  }
  /// \brief E p(t_i) per player (001 eq. (23)).
  double expected_payment() const {
    if (!implementable) return std::numeric_limits<double>::quiet_NaN();
    const double c = own_type_weight, m = mean_action;
    return 0.5 * conditional_variance + (c - 1.0) * (m * m + c * c * type_variance) / (2.0 * c);
  }
  /// \brief E R(t_i) per player.
  double expected_rent() const {
    const double c = own_type_weight, m = mean_action;
    return implementable ? (m * m + c * c * type_variance) / (2.0 * c)
                         : std::numeric_limits<double>::quiet_NaN();
  }
};

/// \brief The revenue-maximising payments and off-path action of a symmetric obedient mechanism
/// (001 Proposition 5, eq. (18), Corollary 3). Not implementable (status, not an exception) when
/// c < 1 − \p tol.
/// \throws model_error if the mechanism is not obedient within \p tol.
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline payment_rule revenue_maximizing_payments(const game& g, const symmetric_mechanism& x,
                                                double tol = 1e-9) {
  mechdesign::detail::check_tolerance(tol, "tol", "data_monetization::revenue_maximizing_payments");
  const obedience_residuals res = obedience_residuals_of(g, x);
  if (!res.obedient(tol)) {
    throw model_error(
        fmt::format("data_monetization::revenue_maximizing_payments: the mechanism is not obedient "
                    "(residual {}, PSD {})",
                    res.max_equality(), res.noise_psd));
  }
  const auto& p = g.prior();
  const symmetric_moments m = moments(g, x);
  payment_rule rule;
  rule.mean_action = x.mean_action;
  rule.own_type_weight = x.own_type_weight;
  rule.conditional_variance =
      std::max(0.0, m.action_variance - x.own_type_weight * x.own_type_weight * p.type_variance);
  rule.type_mean = p.type_mean;
  rule.type_variance = p.type_variance;
  rule.state_mean = p.state_mean;
  rule.interaction = g.interaction();
  if (x.own_type_weight < 1.0 - tol) {
    rule.status = status::infeasible;
    rule.message = fmt::format("Cov(a_i,t_i)/Var(t_i) = {} < 1: no IC participating payments",
                               x.own_type_weight);
    return rule;
  }
  rule.implementable = true;
  rule.status = status::success;
  const double c = x.own_type_weight;
  rule.critical_type = p.type_mean - x.mean_action / c;
  rule.off_path_aggregate = (x.mean_action / c - p.state_mean - p.type_mean) / g.interaction();
  return rule;
}

/// \brief Total expected revenue n E p of the revenue-maximising payments (001 eq. (23)); NaN when
/// not implementable.
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline double revenue(const game& g, const symmetric_mechanism& x, double tol = 1e-9) {
  mechdesign::detail::check_tolerance(tol, "tol", "data_monetization::revenue");
  return g.players() * revenue_maximizing_payments(g, x, tol).expected_payment();
}

}  // namespace mechdesign::data_monetization

#endif  // MECHDESIGN_DATA_MONETIZATION_INCENTIVES_HPP
