#ifndef MECHDESIGN_PRICING_BINARY_TYPES_HPP
#define MECHDESIGN_PRICING_BINARY_TYPES_HPP

/// \file
/// \brief Two buyer types in the binary game: the optimal menu by the finite LP, the
/// classification of each type's offer, and the decision thresholds τ^l, τ^h of Corollary 4.4,
/// both re-derived from the model and as printed.
///
/// Reference: 004_7f70667d8c91100b.txt §4.1, Corollary 4.4 (program (11)), Figures 5–8. The high
/// type v_h values full information more than the low type v_l (|v_h − 1/2| < |v_l − 1/2|); φ is
/// the probability of the high type. Formulas are stated for v_h ≥ 1/2 (the paper's orientation)
/// and mirrored (v ↦ 1 − v for all beliefs) otherwise.
///
/// Thresholds re-derived from the model (binary.hpp's externality c(I) = τ(1 − I(1{I ≥ 0} − v_s)))
/// inside the paper's restricted programs (same binding constraints and sign restrictions):
///   congruent (1/2 < v_h < v_l):   τ^h = (1 − v_h)/(1 − v_s),
///                                  τ^l = [(1 − v_l) − φ(1 − v_h)] / [(1 − φ)(1 − v_s)];
///                                  I^k = 1{τ > τ^k} (no information above the threshold);
///   noncongruent (v_l < 1/2 < v_h): τ^h = (1 − v_h)/(1 − v_s), τ^l = v_l / v_s;
///                                  I^h = 1{τ > τ^h}, I^l = −1 above τ^l, partial below.
/// The printed formulas, derived from eq. (9), carry an extra factor 1/(1 − 2v_s) (1/(2v_s − 1)
/// in the noncongruent τ^l): they are negative or infinite where the model's are finite. The
/// unrestricted LP can also "steer": give a type an informative rule it is indifferent to (zero
/// gain) that changes its actions in the seller's favour, which pays when the seller's belief is
/// more extreme than the type's in the same direction; offer::steering marks it.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/pricing/binary.hpp"
#include "mechdesign/pricing/environment.hpp"
#include "mechdesign/pricing/optimal_menu.hpp"

namespace mechdesign::pricing {

/// \brief Parameters of the two-type problem (004_7f70667d8c91100b.txt §4.1).
struct binary_types {
  double tau = 0.0;            ///< competition intensity τ
  double seller_belief = 0.5;  ///< v_s = the seller's P(X = 0)
  double v_low = 5.0 / 6.0;    ///< the low (more precise) type v_b^l
  double v_high = 2.0 / 3.0;   ///< the high (less precise) type v_b^h
  double phi = 0.5;            ///< probability of the high type

  /// \brief Both types take the same action without information (Figure 5).
  bool congruent() const noexcept { return (v_low > 0.5) == (v_high > 0.5); }
};

/// \brief What a type is offered.
enum class offer {
  none,     ///< no information (the rule never changes the type's action)
  partial,  ///< informative with positive gain, not fully revealing
  full,     ///< the state is revealed (I = 0)
  steering  ///< informative, but the type gains nothing (indifferent obedience)
};

/// \brief Short lowercase name of an offer.
inline const char* to_string(offer o) noexcept {
  switch (o) {
    case offer::none:
      return "none";
    case offer::partial:
      return "partial";
    case offer::full:
      return "full";
    case offer::steering:
      return "steering";
  }
  return "unknown";
}

/// \brief Classify a 2 × 2 direct rule rule(x, a) for a type of belief \p v_b
/// (004_7f70667d8c91100b.txt §3, Figure 2): full if I = 0 with positive gain, partial if
/// informative with positive gain, none if the recommendation does not depend on the state,
/// steering otherwise.
/// \throws dimension_error unless the rule is 2 × 2, distribution_error unless v_b ∈ [0, 1].
inline offer classify_rule(const Eigen::Ref<const Eigen::MatrixXd>& rule, double v_b,
                           double tolerance = 1e-7) {
  detail::require_belief(v_b, "v_b", "pricing::classify_rule");
  const double i = informativeness(rule);
  if (std::abs(rule(0, 0) - rule(1, 0)) <= tolerance) return offer::none;
  const double g = v_b * rule(0, 0) + (1.0 - v_b) * rule(1, 1) - std::max(v_b, 1.0 - v_b);
  if (g <= tolerance) return offer::steering;
  return std::abs(i) <= tolerance && rule(0, 0) >= 1.0 - tolerance ? offer::full : offer::partial;
}

/// \brief The two-type optimal menu: the LP result (type 0 = low, 1 = high) and each type's
/// informativeness, price and offer (004_7f70667d8c91100b.txt Corollary 4.4). status and
/// message are the menu LP's (ok() iff the LP is optimal, verified and re-checked).
struct binary_type_menu : result_base {
  binary_types parameters;           ///< the problem
  menu_result lp;                    ///< the finite LP of program (11) with double deviations
  double i_low = 0.0, i_high = 0.0;  ///< I^l, I^h
  double t_low = 0.0, t_high = 0.0;  ///< t^l, t^h
  offer low = offer::none, high = offer::none;  ///< classification of each offer
};

namespace detail {

inline void validate(const binary_types& p) {
  if (!std::isfinite(p.tau)) throw non_finite_error(fmt::format("binary_types: tau is {}", p.tau));
  require_belief(p.seller_belief, "v_s", "binary_types");
  require_belief(p.v_low, "v_low", "binary_types");
  require_belief(p.v_high, "v_high", "binary_types");
  if (!std::isfinite(p.phi) || p.phi <= 0.0 || p.phi >= 1.0) {
    throw distribution_error(fmt::format("binary_types: phi = {} is not in (0, 1)", p.phi));
  }
  if (!(std::abs(p.v_high - 0.5) < std::abs(p.v_low - 0.5))) {
    throw invalid_argument(
        fmt::format("binary_types: the high type {} must be less precise than the low type {}",
                    p.v_high, p.v_low));
  }
}

/// The paper's orientation v_h ≥ 1/2 (mirror all beliefs otherwise).
inline binary_types oriented(binary_types p) {
  if (p.v_high < 0.5) {
    p.v_high = 1.0 - p.v_high;
    p.v_low = 1.0 - p.v_low;
    p.seller_belief = 1.0 - p.seller_belief;
  }
  return p;
}

}  // namespace detail

/// \brief Solve the two-type problem (11) with the finite LP (obedience, double deviations,
/// participation) and classify the offers (004_7f70667d8c91100b.txt Corollary 4.4).
/// \throws invalid_argument (or a subclass) on bad parameters, before any LP.
[[nodiscard]] inline binary_type_menu solve_binary_types(const binary_types& p,
                                                         const menu_options& options = {}) {
  detail::validate(p);
  Eigen::Vector2d v, prob;
  v(0) = p.v_low;
  v(1) = p.v_high;
  prob(0) = 1.0 - p.phi;
  prob(1) = p.phi;
  binary_type_menu r;
  r.parameters = p;
  r.lp = solve_optimal_menu(binary_environment(p.tau, p.seller_belief, v, prob), options);
  r.status = r.lp.status;
  r.message = r.lp.message;
  if (r.lp.lp_status != lp::solve_status::optimal) return r;  // no menu to classify
  r.i_low = informativeness(r.lp.menu.rules[0]);
  r.i_high = informativeness(r.lp.menu.rules[1]);
  r.t_low = r.lp.menu.prices(0);
  r.t_high = r.lp.menu.prices(1);
  r.low = classify_rule(r.lp.menu.rules[0], p.v_low);
  r.high = classify_rule(r.lp.menu.rules[1], p.v_high);
  return r;
}

/// \brief Decision thresholds: information stops for the type above its threshold.
struct decision_thresholds {
  double tau_low = 0.0;   ///< τ^l
  double tau_high = 0.0;  ///< τ^h
};

/// \brief τ^l and τ^h re-derived from the model inside the paper's restricted programs
/// (004_7f70667d8c91100b.txt Corollary 4.4, congruent and noncongruent cases; see the file
/// comment). +∞ where the denominator vanishes.
/// \throws the exceptions of solve_binary_types() on bad parameters.
inline decision_thresholds model_thresholds(const binary_types& params) {
  detail::validate(params);
  const binary_types p = detail::oriented(params);
  const double inf = std::numeric_limits<double>::infinity();
  auto ratio = [inf](double num, double den) { return den == 0.0 ? inf : num / den; };
  decision_thresholds d;
  d.tau_high = ratio(1.0 - p.v_high, 1.0 - p.seller_belief);
  if (p.congruent()) {
    d.tau_low =
        ratio((1.0 - p.v_low) - p.phi * (1.0 - p.v_high), (1.0 - p.phi) * (1.0 - p.seller_belief));
  } else {
    d.tau_low = ratio(p.v_low, p.seller_belief);
  }
  return d;
}

/// \brief τ^l and τ^h exactly as printed in §4.1 (inherit the error of eq. (9)); for
/// comparison only (004_7f70667d8c91100b.txt Corollary 4.4, Figures 6 and 8).
inline decision_thresholds printed_thresholds(const binary_types& params) {
  detail::validate(params);
  const binary_types p = detail::oriented(params);
  const double vs = p.seller_belief;
  decision_thresholds d;
  if (p.congruent()) {
    d.tau_low = ((1.0 - p.v_low) - p.phi * (1.0 - p.v_high)) /
                ((1.0 - p.phi) * (vs - 1.0) * (2.0 * vs - 1.0));
    d.tau_high = (1.0 - p.v_high) / ((vs - 1.0) * (2.0 * vs - 1.0));
  } else {
    d.tau_low = p.v_low / (vs * (2.0 * vs - 1.0));
    d.tau_high = (1.0 - p.v_high) / ((1.0 - vs) * (1.0 - 2.0 * vs));
  }
  return d;
}

}  // namespace mechdesign::pricing

#endif  // MECHDESIGN_PRICING_BINARY_TYPES_HPP
