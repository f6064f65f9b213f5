#ifndef MECHDESIGN_DATA_MONETIZATION_OPTIMAL_HPP
#define MECHDESIGN_DATA_MONETIZATION_OPTIMAL_HPP

/// \file
/// \brief Optimal symmetric obedient Gaussian mechanisms: a general linear objective in the
/// moments (001 Proposition 6), welfare (Propositions 7-8), revenue (Proposition 9) and, in
/// consumer.hpp, consumer surplus (Propositions 11-12).
///
/// Method (the library's derivation of Proposition 6). With obedience, a linear objective
///   L = λ_v v + λ_w w + λ_θ γ_θ + λ_own γ_own + λ_oth γ_oth
/// depends on w with coefficient ω = k λ_v + λ_w. The PSD constraints of Lemma 3 bound w above
/// (ρ = 1 binds) and below (ρ = −1/(n−1) binds), so the optimum takes ρ = 1 if ω > 0 and
/// ρ = −1/(n−1) if ω < 0 (Proposition 14). With that ρ and s² = E(b, d)/(1 − kρ) (eq. (13)) the
/// objective is a separable concave quadratic g_b(b) + g_d(d) on the ellipse E(b, d) ≥ 0, which
/// is separable too. For a multiplier μ ≥ 0 the stationarity curve (b(μ), d(μ)) maximises
/// g + μE coordinate by coordinate in closed form; either μ = 0 is feasible (interior optimum,
/// randomised recommendations, s² > 0) or μ > 0 solves E(b(μ), d(μ)) = 0 (boundary, deterministic
/// given (θ, t)). The revenue objective adds the concave term (m²/2)(1 − 1/c), c = 1 + k d, so
/// d(μ) solves a cubic (eq. (24)); it is found by bisection on the monotone derivative.
/// Optionally the IC constraint c ≥ 1 (r d ≥ 0, Proposition 4) is imposed as a bound on d.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/root_finding.hpp"
#include "mechdesign/data_monetization/benchmarks.hpp"
#include "mechdesign/data_monetization/game.hpp"
#include "mechdesign/data_monetization/incentives.hpp"
#include "mechdesign/data_monetization/mechanism.hpp"

namespace mechdesign::data_monetization {

/// \brief A linear objective in the symmetric moments plus a constant (001 Proposition 6).
struct linear_objective {
  double action_variance = 0.0;        ///< λ_v
  double action_covariance = 0.0;      ///< λ_w
  double state_covariance = 0.0;       ///< λ_θ
  double own_type_covariance = 0.0;    ///< λ_own
  double other_type_covariance = 0.0;  ///< λ_oth
  double constant = 0.0;

  /// \brief L(moments).
  double value(const symmetric_moments& m) const {
    return constant + action_variance * m.action_variance +
           action_covariance * m.action_covariance + state_covariance * m.state_covariance +
           own_type_covariance * m.own_type_covariance +
           other_type_covariance * m.other_type_covariance;
  }
};

/// \brief Options of the optimisers.
struct optimal_options {
  bool impose_incentive_compatibility = false;  ///< add c ≥ 1 (Proposition 4)
  double tolerance = 1e-12;  ///< relative tolerance of the root searches, in [0, 1]
  int max_iterations = 400;  ///< cap of each root search, in [1, 100000]
};

/// \brief An optimal symmetric mechanism with its payments and values (001 §5).
struct [[nodiscard]] optimal_mechanism : result_base {
  symmetric_mechanism mechanism;
  symmetric_moments moments;
  payment_rule payments;
  double objective = std::numeric_limits<double>::quiet_NaN();  ///< the maximised objective
  double welfare = std::numeric_limits<double>::quiet_NaN();    ///< Σ E u_i
  double revenue = std::numeric_limits<double>::quiet_NaN();    ///< n E p (Prop. 5 payments)
  /// E CS in the instance's own units; set only by the Cournot/Bertrand overloads (consumer.hpp)
  double consumer_surplus = std::numeric_limits<double>::quiet_NaN();
  double multiplier = 0.0;     ///< μ on the ellipse; 0 for an interior optimum
  bool boundary = false;       ///< deterministic given (θ, t)
  bool ic_binding = false;     ///< the bound c ≥ 1 is active (d = 0)
  double ellipse_slack = 0.0;  ///< E(b, d) at the answer
  double obedience_residual = 0.0;
  int iterations = 0;  ///< bisection steps on μ (0 for an interior optimum)
  // status: success when the root searches converged (001 Proposition 6); numerical_issue when
  // no multiplier brackets the ellipse.
};

namespace detail {

/// Objective on the (b, d) plane after choosing ρ: separable quadratic plus κ (1 − 1/(1 + k d)).
struct reduced_problem {
  double beta1 = 0, beta2 = 0;                   // g_b(b) = beta1 b + beta2 b²
  double delta1 = 0, delta2 = 0;                 // quadratic part of g_d
  double kappa = 0;                              // weight of (1 − 1/c)
  double k = 0, sb = 0, sd = 0, kb = 0, kd = 0;  // E = sb(b − kb b²) + sd(k d − kd d²)
  bool d_lower_bounded = false, d_upper_bounded = false;
  double d_lower = 0, d_upper = 0;

  double d_derivative(double d, double mu) const {
    double v = delta1 + 2 * delta2 * d + mu * sd * (k - 2 * kd * d);
    if (kappa != 0.0) {
      const double c = 1 + k * d;
      v += kappa * k / (c * c);
    }
    return v;
  }
  // Maximiser of g_b + μ E_b; NaN when unbounded.
  double b_of(double mu) const {
    const double den = 2 * (mu * sb * kb - beta2);
    if (!(den > 0)) return std::numeric_limits<double>::quiet_NaN();
    return (beta1 + mu * sb) / den;
  }
  // Maximiser of g_d + μ E_d on the allowed interval; NaN when unbounded.
  double d_of(double mu, double tol, int iters) const {
    if (kappa == 0.0) {
      const double den = 2 * (mu * sd * kd - delta2);
      double d;
      if (den > 0) {
        d = (delta1 + mu * sd * k) / den;
      } else {
        const double slope = delta1 + mu * sd * k;
        if (slope > 0 && !d_upper_bounded) return std::numeric_limits<double>::quiet_NaN();
        if (slope < 0 && !d_lower_bounded) return std::numeric_limits<double>::quiet_NaN();
        d = slope > 0 ? d_upper : d_lower;
      }
      if (d_lower_bounded) d = std::max(d, d_lower);
      if (d_upper_bounded) d = std::min(d, d_upper);
      return d;
    }
    // concave with derivative decreasing on the allowed half-line (c ≥ 1): bracket and bisect
    auto rising = [&](double x) { return d_derivative(x, mu) > 0; };
    root_options doubling;
    doubling.max_iterations = 200;
    double lo, hi;
    if (d_lower_bounded) {
      if (!rising(d_lower)) return d_lower;
      const root_bracket right = expand_bracket(rising, d_lower, 1.0, doubling);
      if (!right.ok()) return std::numeric_limits<double>::quiet_NaN();
      lo = right.lower;
      hi = right.upper;
    } else {
      if (d_derivative(d_upper, mu) >= 0) return d_upper;
      const root_bracket left = expand_bracket([&](double x) { return d_derivative(x, mu) < 0; },
                                               d_upper, -1.0, doubling);
      if (!left.ok()) return std::numeric_limits<double>::quiet_NaN();
      lo = left.upper;
      hi = left.lower;
    }
    root_options narrowing;
    narrowing.absolute_tolerance = tol;
    narrowing.relative_tolerance = tol;
    narrowing.max_iterations = iters;
    return bisect(rising, lo, hi, narrowing).midpoint();
  }
  double slack(double b, double d) const {
    return sb * (b - kb * b * b) + sd * (k * d - kd * d * d);
  }
};

inline symmetric_mechanism formal_mechanism(const game& g, double b, double d, double rho) {
  const double k = g.aggregate_interaction();
  const obedience_ellipse e = ellipse(g);
  symmetric_mechanism x;
  x.mean_action = g.obedient_mean_action();
  x.state_weight = b;
  x.others_type_weight = d;
  x.own_type_weight = 1 + k * d;
  x.noise_correlation = rho;
  x.noise_variance = e.slack(b, d) / (1 - k * rho);  // may be negative off the ellipse
  return x;
}

/// ρ of Proposition 14: 1 if the objective increases in w under obedience, −1/(n−1) if it
/// decreases, 0 if it does not depend on w.
inline double optimal_noise_correlation(const game& g, const linear_objective& objective) {
  const double omega =
      g.aggregate_interaction() * objective.action_variance + objective.action_covariance;
  return omega > 0 ? 1.0 : (omega < 0 ? -1.0 / (g.players() - 1) : 0.0);
}

inline void validate_optimal_options(const optimal_options& o, const char* where) {
  mechdesign::detail::require_tolerance(o.tolerance, "optimal_options::tolerance", where);
  mechdesign::detail::require_count(o.max_iterations, 1, 100000, "optimal_options::max_iterations",
                                    where);
}

inline reduced_problem reduce(const game& g, const linear_objective& objective, double kappa,
                              const optimal_options& options) {
  const double k = g.aggregate_interaction(), n = g.players();
  const double rho = optimal_noise_correlation(g, objective);
  auto L = [&](double b, double d) {
    return objective.value(moments(g, formal_mechanism(g, b, d, rho)));
  };
  reduced_problem p;
  const double l00 = L(0, 0);
  p.beta1 = 0.5 * (L(1, 0) - L(-1, 0));
  p.beta2 = 0.5 * (L(1, 0) + L(-1, 0)) - l00;
  p.delta1 = 0.5 * (L(0, 1) - L(0, -1));
  p.delta2 = 0.5 * (L(0, 1) + L(0, -1)) - l00;
  p.kappa = kappa;
  p.k = k;
  p.sb = g.prior().state_variance;
  p.kb = 1 - k;
  p.sd = g.prior().type_variance;
  p.kd = (n - 1) * (1 + g.interaction()) * (1 - k);
  if (options.impose_incentive_compatibility) {
    if (k > 0) {
      p.d_lower_bounded = true;
    } else {
      p.d_upper_bounded = true;
    }
  }
  return p;
}

}  // namespace detail

/// \brief Maximises L(moments) + κ (1 − 1/c) over symmetric obedient mechanisms (001 Proposition
/// 6; κ ≠ 0 gives the revenue problem of Proposition 9). Requires κ ≥ 0 and, when κ > 0,
/// impose_incentive_compatibility.
/// \throws invalid_argument on a non-finite objective, κ < 0, κ > 0 without the IC bound, or
/// options out of their documented ranges (non_finite_error for NaN).
inline optimal_mechanism maximize_over_obedient(const game& g, const linear_objective& objective,
                                                double kappa = 0.0, optimal_options options = {}) {
  detail::validate_optimal_options(options, "data_monetization::maximize_over_obedient");
  const double coeffs[] = {objective.action_variance,
                           objective.action_covariance,
                           objective.state_covariance,
                           objective.own_type_covariance,
                           objective.other_type_covariance,
                           objective.constant,
                           kappa};
  for (double c : coeffs)
    mechdesign::detail::require_finite(c, "an objective coefficient",
                                       "data_monetization::maximize");
  if (kappa < 0 || (kappa > 0 && !options.impose_incentive_compatibility)) {
    throw invalid_argument(
        "data_monetization::maximize_over_obedient: kappa must be >= 0, and kappa > 0 needs the IC "
        "bound");
  }
  const double n = g.players();
  const double rho = detail::optimal_noise_correlation(g, objective);
  const detail::reduced_problem p = detail::reduce(g, objective, kappa, options);
  optimal_mechanism out;
  auto finish = [&](double b, double d, double mu) {
    out.multiplier = mu;
    out.ellipse_slack = p.slack(b, d);
    out.boundary = mu > 0;
    if (out.boundary) {
      // project onto the ellipse along d (tiny bisection error) so s² = 0 exactly
      out.ellipse_slack = 0;
    }
    symmetric_mechanism x = detail::formal_mechanism(g, b, d, rho);
    if (out.boundary || x.noise_variance < 0) x.noise_variance = 0;
    out.mechanism = x;
    out.moments = moments(g, x);
    out.ic_binding =
        options.impose_incentive_compatibility &&
        ((p.d_lower_bounded && d <= p.d_lower) || (p.d_upper_bounded && d >= p.d_upper));
    out.objective = objective.value(out.moments) + kappa * (1 - 1 / x.own_type_weight);
    out.welfare = welfare(g, x);
    out.obedience_residual = obedience_residuals_of(g, x).max_equality();
    out.payments = revenue_maximizing_payments(g, x, 1e-8);
    out.revenue = n * out.payments.expected_payment();
  };
  const double tol = options.tolerance;
  const double b0 = p.b_of(0), d0 = p.d_of(0, tol, options.max_iterations);
  if (std::isfinite(b0) && std::isfinite(d0) && p.slack(b0, d0) >= 0) {
    out.status = status::success;
    out.message = "interior optimum (randomised recommendations)";
    finish(b0, d0, 0);
    return out;
  }
  auto slack_at = [&](double mu) {
    const double b = p.b_of(mu), d = p.d_of(mu, tol * 1e-3, options.max_iterations);
    if (!std::isfinite(b) || !std::isfinite(d)) return -std::numeric_limits<double>::infinity();
    return p.slack(b, d);
  };
  auto short_of_ellipse = [&](double mu) { return !(slack_at(mu) > 0); };
  root_options doubling;
  doubling.max_iterations = 200;
  const root_bracket bracket = expand_bracket(short_of_ellipse, 0.0, 1.0, doubling);
  if (!bracket.ok()) {
    out.status = status::numerical_issue;
    out.message = "no multiplier brackets the ellipse";
    return out;
  }
  root_options narrowing;
  narrowing.absolute_tolerance = tol;
  narrowing.relative_tolerance = tol;
  narrowing.max_iterations = options.max_iterations;
  const root_bracket root =
      bisect([&](double mu) { return slack_at(mu) < 0; }, bracket.lower, bracket.upper, narrowing);
  out.iterations = root.iterations;
  const double mu = root.upper;
  out.status = status::success;
  out.message = "boundary optimum (deterministic recommendations)";
  finish(p.b_of(mu), p.d_of(mu, tol * 1e-3, options.max_iterations), mu);
  return out;
}

/// \brief Points (b(μ), d(μ)) of the stationarity curve of the problem of maximize_over_obedient
/// for the given multipliers μ > 0 (001 Proposition 6 and the discussion below it, Figure 4); NaN
/// where the coordinate maximiser does not exist. Returned as (b, d) pairs.
inline std::vector<std::pair<double, double>> stationarity_curve(
    const game& g, const linear_objective& objective, double kappa,
    const std::vector<double>& multipliers, optimal_options options = {}) {
  detail::validate_optimal_options(options, "data_monetization::stationarity_curve");
  const detail::reduced_problem p = detail::reduce(g, objective, kappa, options);
  std::vector<std::pair<double, double>> out;
  for (double mu : multipliers) {
    out.emplace_back(p.b_of(mu), p.d_of(mu, options.tolerance, options.max_iterations));
  }
  return out;
}

/// \brief The welfare objective Σ E u_i = (n/2)(m² + v) of obedient mechanisms (001 eq. (20)).
inline linear_objective welfare_objective(const game& g) {
  const double n = g.players(), m = g.obedient_mean_action();
  linear_objective w;
  w.action_variance = 0.5 * n;
  w.constant = 0.5 * n * m * m;
  return w;
}

/// \brief The welfare-optimal symmetric obedient mechanism (001 Proposition 7); it satisfies
/// c ≥ 1 (Corollary 2), so the payments of Proposition 5 implement it.
inline optimal_mechanism welfare_optimal(const game& g, optimal_options options = {}) {
  return maximize_over_obedient(g, welfare_objective(g), 0.0, options);
}

/// \brief The revenue-optimal symmetric IC and participating mechanism (001 Proposition 9):
/// maximises n E p = (n/2)[v − γ_own + m²(1 − 1/c)] (eq. (23)) subject to obedience and c ≥ 1.
inline optimal_mechanism revenue_optimal(const game& g, optimal_options options = {}) {
  const double n = g.players(), m = g.obedient_mean_action();
  linear_objective w;
  w.action_variance = 0.5 * n;
  w.own_type_covariance = -0.5 * n;
  options.impose_incentive_compatibility = true;
  return maximize_over_obedient(g, w, 0.5 * n * m * m, options);
}

/// \brief Whether the welfare optimum is interior (randomised given (θ, t)) and the critical ratio
/// σ_t²/σ_θ² separating the two regimes (001 Proposition 8).
struct welfare_regime {
  bool interior = false;
  double state_point = 0, others_point = 0;  ///< unconstrained maximiser (b*, d*), when it exists
  double critical_variance_ratio = std::numeric_limits<double>::quiet_NaN();
  bool interior_below_ratio = false;  ///< interior iff σ_t²/σ_θ² < ratio (else iff >)
};

/// \brief The regime of the welfare optimum (001 Proposition 8): for r > 0 always a boundary
/// optimum; for r < 0 the unconstrained maximiser is b* = −1/(2nr),
/// d* = −(3 + 2r)/(2(n−1)(1+r)²) and the optimum is interior iff E(b*, d*) ≥ 0. The state part of
/// E(b*, d*) is −σ_θ²(1 + (n+1)r)/(4n²r²) and the type part is negative, so randomisation occurs
/// iff r < −1/(n+1) and σ_t²/σ_θ² is below critical_variance_ratio.
inline welfare_regime welfare_optimum_regime(const game& g) {
  welfare_regime w;
  const double r = g.interaction(), n = g.players(), k = g.aggregate_interaction();
  if (r > 0) return w;
  w.state_point = -1 / (2 * n * r);
  w.others_point = -(3 + 2 * r) / (2 * (n - 1) * (1 + r) * (1 + r));
  const double eb = w.state_point * (1 - (1 - k) * w.state_point);
  const double ed = w.others_point * (k - (n - 1) * (1 + r) * (1 - k) * w.others_point);
  const double ratio = g.prior().type_variance / g.prior().state_variance;
  w.interior = eb + ratio * ed >= 0;
  if (ed != 0) {
    w.critical_variance_ratio = -eb / ed;
    w.interior_below_ratio = ed < 0;
  }
  return w;
}

}  // namespace mechdesign::data_monetization

#endif  // MECHDESIGN_DATA_MONETIZATION_OPTIMAL_HPP
