#ifndef MECHDESIGN_DATA_MONETIZATION_CONSUMER_HPP
#define MECHDESIGN_DATA_MONETIZATION_CONSUMER_HPP

/// \file
/// \brief Consumer surplus of the Cournot and Bertrand instances and the consumer-optimal
/// symmetric IC mechanisms (001 §5.5, eqs. (25)-(28), Propositions 11-12).
///
/// Representative consumer with quasi-linear quadratic utility. Cournot (quantities a_i = q_i):
/// prices clear the market, surplus CS = ½ q'Bq with B = I + β(J − I), so
///   E CS = (n/2)[(1 + β(n−1)) m² + v + β(n−1) w].
/// Bertrand (prices a_i = p_i): demand q = α1 − Cp with C = I − β(J − I), surplus
/// CS = ½ (α1 − Cp)'C⁻¹(α1 − Cp), so with Cov(α, p_i) = 2γ_θ (α = 2θ)
///   E CS = n E[α²]/(2(1 − β(n−1))) − n(E[α] m + 2γ_θ) + (n/2)[m² + v − β(n−1)(m² + w)].
/// Both are in the instance's own money units (payoff_scale × canonical units).

#include <cmath>
#include <limits>

#include "mechdesign/core/error.hpp"
#include "mechdesign/data_monetization/game.hpp"
#include "mechdesign/data_monetization/mechanism.hpp"
#include "mechdesign/data_monetization/optimal.hpp"

namespace mechdesign::data_monetization {

/// \brief Expected consumer surplus of Cournot as a linear objective in the moments (001 §5.5,
/// "Cournot competition"), at mean action \p m (default: the obedient one, eq. (10)).
inline linear_objective consumer_surplus_objective(
    const cournot& c, double m = std::numeric_limits<double>::quiet_NaN()) {
  c.check();
  const double n = c.firms, b = c.substitution;
  if (std::isnan(m)) m = c.canonical().obedient_mean_action();
  linear_objective o;
  o.action_variance = 0.5 * n;
  o.action_covariance = 0.5 * n * b * (n - 1);
  o.constant = 0.5 * n * (1 + b * (n - 1)) * m * m;
  return o;
}

/// \brief Expected consumer surplus of Bertrand as a linear objective in the moments (001 §5.5,
/// "Bertrand competition"), at mean action \p m (default: the obedient one, eq. (10)).
inline linear_objective consumer_surplus_objective(
    const bertrand& c, double m = std::numeric_limits<double>::quiet_NaN()) {
  c.check();
  const double n = c.firms, b = c.substitution;
  if (std::isnan(m)) m = c.canonical().obedient_mean_action();
  const double ea2 = c.demand_mean * c.demand_mean + c.demand_variance;
  linear_objective o;
  o.action_variance = 0.5 * n;
  o.action_covariance = -0.5 * n * b * (n - 1);
  o.state_covariance = -2.0 * n;
  o.constant = 0.5 * n * ea2 / (1 - b * (n - 1)) - n * c.demand_mean * m +
               0.5 * n * (1 - b * (n - 1)) * m * m;
  return o;
}

/// \brief Expected consumer surplus of a symmetric mechanism in Cournot or Bertrand (001 eqs.
/// (27)-(28)), obedient or not.
template <class Instance>
double consumer_surplus(const Instance& instance, const symmetric_mechanism& x) {
  return consumer_surplus_objective(instance, x.mean_action)
      .value(moments(instance.canonical(), x));
}

/// \brief Complementarity threshold of the Cournot consumer optimum for r > 0 (β < 0) (001
/// Proposition 11, item 3): with IC binding (d = 0, c = 1) and ρ = −1/(n−1), the surplus is
/// maximised at b* = (1 + 2r)/(2nr); the optimum is state only (b = 1/(1 − k), deterministic) iff
/// b* ≥ 1/(1 − k), i.e. r ≤ r̄ with 2(n−1) r̄² + 3(n−1) r̄ − 1 = 0, and randomised above r̄.
inline double cournot_consumer_threshold(int firms) {
  if (firms < 2)
    throw invalid_argument("data_monetization::cournot_consumer_threshold: need n >= 2");
  const double a = 2.0 * (firms - 1), b = 3.0 * (firms - 1);
  return (-b + std::sqrt(b * b + 4 * a)) / (2 * a);
}

/// \brief The consumer-optimal symmetric mechanism subject to obedience and IC (c ≥ 1)
/// (001 Proposition 11 for Cournot, 12 for Bertrand); objective = E CS.
template <class Instance>
optimal_mechanism consumer_optimal(const Instance& instance, optimal_options options = {}) {
  options.impose_incentive_compatibility = true;
  optimal_mechanism o = maximize_over_obedient(instance.canonical(),
                                               consumer_surplus_objective(instance), 0.0, options);
  o.consumer_surplus = o.objective;
  return o;
}

/// \brief The welfare optimum of an instance's canonical game (001 Proposition 7) with its
/// consumer surplus filled in (welfare and revenue stay in canonical units).
inline optimal_mechanism welfare_optimal(const cournot& instance, optimal_options options = {}) {
  optimal_mechanism o = welfare_optimal(instance.canonical(), options);
  o.consumer_surplus = consumer_surplus(instance, o.mechanism);
  return o;
}

/// \brief As above for Bertrand (001 Proposition 7).
inline optimal_mechanism welfare_optimal(const bertrand& instance, optimal_options options = {}) {
  optimal_mechanism o = welfare_optimal(instance.canonical(), options);
  o.consumer_surplus = consumer_surplus(instance, o.mechanism);
  return o;
}

/// \brief The revenue optimum of an instance's canonical game (001 Proposition 9) with its
/// consumer surplus filled in (welfare and revenue stay in canonical units).
inline optimal_mechanism revenue_optimal(const cournot& instance, optimal_options options = {}) {
  optimal_mechanism o = revenue_optimal(instance.canonical(), options);
  o.consumer_surplus = consumer_surplus(instance, o.mechanism);
  return o;
}

/// \brief As above for Bertrand (001 Proposition 9).
inline optimal_mechanism revenue_optimal(const bertrand& instance, optimal_options options = {}) {
  optimal_mechanism o = revenue_optimal(instance.canonical(), options);
  o.consumer_surplus = consumer_surplus(instance, o.mechanism);
  return o;
}

}  // namespace mechdesign::data_monetization

#endif  // MECHDESIGN_DATA_MONETIZATION_CONSUMER_HPP
