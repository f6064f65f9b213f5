#ifndef MECHDESIGN_DATA_MONETIZATION_BENCHMARKS_HPP
#define MECHDESIGN_DATA_MONETIZATION_BENCHMARKS_HPP

/// \file
/// \brief Welfare of symmetric Gaussian action laws and the benchmarks of 001 §3 and §4.1: no
/// information (14), state only, type only (information sharing), complete information (6) and the
/// collusive first best (7).
///
/// In the canonical normalisation (game.hpp), with k = r(n − 1):
///   complete information  a = ((1 + r) I − r J)⁻¹ (θ 1 + t):
///     b = 1/(1 − k), d = r/((1 + r)(1 − k)), c = 1 + k d;
///   first best (maximises Σ u_i)  a = ((1 + 2r) I − 2r J)⁻¹ (θ 1 + t), needs −1/2 < r <
///   1/(2(n−1)).

#include <fmt/format.h>

#include "mechdesign/core/error.hpp"
#include "mechdesign/data_monetization/game.hpp"
#include "mechdesign/data_monetization/mechanism.hpp"

namespace mechdesign::data_monetization {

/// \brief E[u_i] of any symmetric Gaussian action law with moments \p m (001 eq. (2)); not
/// assuming obedience.
inline double expected_utility(const game& g, const symmetric_moments& m) {
  const auto& p = g.prior();
  const double k = g.aggregate_interaction();
  const double a = m.mean_action;
  return a * p.state_mean + m.state_covariance + a * p.type_mean + m.own_type_covariance +
         k * (a * a + m.action_covariance) - 0.5 * (a * a + m.action_variance);
}

/// \brief Welfare Σ_i E[u_i] of a symmetric mechanism (001 eq. (20); for obedient mechanisms
/// it equals n E[a_i²]/2).
inline double welfare(const game& g, const symmetric_mechanism& x) {
  return g.players() * expected_utility(g, moments(g, x));
}

/// \brief No information: the interim Bayes-Nash equilibrium a_i = m + (t_i − μ_t), the origin of
/// the ellipse (001 eq. (14)).
inline symmetric_mechanism uninformative(const game& g) { return obedient_mechanism(g, 0, 0, 0); }

/// \brief State only: the state is revealed to everybody, point (1/(1−k), 0) (001 §4.1).
inline symmetric_mechanism state_only(const game& g) {
  return obedient_mechanism(g, 1.0 / (1.0 - g.aggregate_interaction()), 0, 0);
}

/// \brief Type only: types are shared, point (0, r/((1+r)(1−k))) (001 §4.1).
inline symmetric_mechanism type_only(const game& g) {
  const double r = g.interaction(), k = g.aggregate_interaction();
  return obedient_mechanism(g, 0, r / ((1.0 + r) * (1.0 - k)), 0);
}

/// \brief The complete-information Nash equilibrium (001 eq. (6)); requires (1+r)I − rJ
/// invertible, which game guarantees (r ≠ −1, r(n−1) ≠ 1).
inline symmetric_mechanism complete_information(const game& g) {
  const double r = g.interaction(), k = g.aggregate_interaction();
  return obedient_mechanism(g, 1.0 / (1.0 - k), r / ((1.0 + r) * (1.0 - k)), 0);
}

/// \brief The collusive first best maximising Σ_i u_i state by state (001 eq. (7)); not obedient.
/// \throws model_error unless −1/2 < r < 1/(2(n−1)) (otherwise Σ u_i is not concave in a).
inline symmetric_mechanism first_best(const game& g) {
  const double r = g.interaction(), n = g.players();
  if (!(1.0 + 2.0 * r > 0.0 && 1.0 - 2.0 * r * (n - 1) > 0.0)) {
    throw model_error(
        fmt::format("data_monetization::first_best: total utility is not concave for r = {} (need "
                    "-1/2 < r < {})",
                    r, 1.0 / (2.0 * (n - 1))));
  }
  const double k2 = 2.0 * r * (n - 1);
  symmetric_mechanism x;
  x.state_weight = 1.0 / (1.0 - k2);
  x.others_type_weight = 2.0 * r / ((1.0 + 2.0 * r) * (1.0 - k2));
  x.own_type_weight = 1.0 / (1.0 + 2.0 * r) + x.others_type_weight;
  x.mean_action = (g.prior().state_mean + g.prior().type_mean) / (1.0 - k2);
  return x;
}

}  // namespace mechdesign::data_monetization

#endif  // MECHDESIGN_DATA_MONETIZATION_BENCHMARKS_HPP
