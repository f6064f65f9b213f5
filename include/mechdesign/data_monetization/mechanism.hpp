#ifndef MECHDESIGN_DATA_MONETIZATION_MECHANISM_HPP
#define MECHDESIGN_DATA_MONETIZATION_MECHANISM_HPP

/// \file
/// \brief Gaussian mechanisms: the joint normal law of (θ, t, a) by mean and covariance (001 eq.
/// (3)), its "linear combination plus correlated noise" form (eqs. (4)-(5)), symmetric
/// mechanisms by their few parameters (eq. (12)), obedience (Propositions 1-2, Lemma 3) and the
/// obedience ellipse.
///
/// Symmetric mechanism, form (12):
///   a_i = m + b (θ − μ_θ) + c (t_i − μ_t) + d Σ_{j≠i} (t_j − μ_t) + ε_i,
/// ε ~ N(0, s² [(1 − ρ) I + ρ J]) independent of (θ, t). Moments: v = Var a_i, w = Cov(a_i, a_j),
/// γ_θ = Cov(a_i, θ) = b σ_θ², γ_own = Cov(a_i, t_i) = c σ_t², γ_oth = Cov(a_i, t_j) = d σ_t².
///
/// Obedience (derived here in the canonical normalisation of game.hpp, with k = r(n − 1)):
///   m = (μ_θ + μ_t)/(1 − k)                                   (10)
///   γ_own = σ_t² + k γ_oth,   v = γ_θ + γ_own + k w              (11), i.e. c = 1 + k d,
/// and, with s² ≥ 0 and −1/(n−1) ≤ ρ ≤ 1 (Lemma 3),
///   s² (1 − k ρ) = E(b, d) := σ_θ² [b − (1 − k) b²] + σ_t² [k d − (n − 1)(1 + r)(1 − k) d²]  (13)
/// so (b, d) must lie in the ellipse E(b, d) ≥ 0 (Proposition 2). It passes through the origin
/// (no information), (1/(1−k), 0) (state only), (0, r/((1+r)(1−k))) (type only) and their sum
/// (complete information).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "mechdesign/core/detail/linear_algebra.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/data_monetization/game.hpp"

namespace mechdesign::data_monetization {

/// \brief A symmetric Gaussian mechanism in the form (12) (001 §4.1, eq. (12)).
struct symmetric_mechanism {
  double mean_action = 0.0;         ///< m
  double state_weight = 0.0;        ///< b
  double own_type_weight = 0.0;     ///< c
  double others_type_weight = 0.0;  ///< d (weight on each other player's type)
  double noise_variance = 0.0;      ///< s² = Var ε_i
  double noise_correlation = 0.0;   ///< ρ = Corr(ε_i, ε_j)
};

/// \brief The six moments of a symmetric Gaussian mechanism (001 Lemma 2).
struct symmetric_moments {
  double mean_action = 0.0;            ///< m = E a_i
  double action_variance = 0.0;        ///< v = Var a_i
  double action_covariance = 0.0;      ///< w = Cov(a_i, a_j), i ≠ j
  double state_covariance = 0.0;       ///< γ_θ = Cov(a_i, θ)
  double own_type_covariance = 0.0;    ///< γ_own = Cov(a_i, t_i)
  double other_type_covariance = 0.0;  ///< γ_oth = Cov(a_i, t_j), i ≠ j
};

/// \brief Mean vector and covariance matrix of (θ, t_1..t_n, a_1..a_n) (001 eq. (3)).
struct joint_distribution {
  Eigen::VectorXd mean;
  Eigen::MatrixXd covariance;
};

/// \brief The same law as "a = μ_a + A (x − μ_x) + ε", x = (θ, t) (001 eqs. (4)-(5)).
struct linear_form {
  Eigen::VectorXd mean_action;       ///< μ_a
  Eigen::MatrixXd weights;           ///< A, n × (n + 1), column 0 the state
  Eigen::MatrixXd noise_covariance;  ///< Σ_ε = Σ_aa − A Σ_xa
};

/// \brief Moments of a symmetric mechanism (001 eq. (5) specialised to (12)); any parameters,
/// obedient or not.
inline symmetric_moments moments(const game& g, const symmetric_mechanism& x) {
  const double st = g.prior().state_variance, tt = g.prior().type_variance;
  const double n = g.players(), b = x.state_weight, c = x.own_type_weight, d = x.others_type_weight;
  symmetric_moments m;
  m.mean_action = x.mean_action;
  m.action_variance = b * b * st + (c * c + (n - 1) * d * d) * tt + x.noise_variance;
  m.action_covariance =
      b * b * st + (2 * c * d + (n - 2) * d * d) * tt + x.noise_correlation * x.noise_variance;
  m.state_covariance = b * st;
  m.own_type_covariance = c * tt;
  m.other_type_covariance = d * tt;
  return m;
}

/// \brief The form (12) of symmetric moments (001 eq. (5)); s² and ρ are read off the residual
/// covariance (ρ = 0 when s² = 0).
/// \p tol: relative PSD tolerance in [0, 1].
/// \throws non_finite_error for a non-finite moment or \p tol, invalid_argument for \p tol
/// outside [0, 1]; model_error if the residual covariance is not positive semidefinite beyond
/// \p tol (001 Lemma 3).
inline symmetric_mechanism mechanism_from_moments(const game& g, const symmetric_moments& m,
                                                  double tol = 1e-10) {
  constexpr const char* where = "data_monetization::mechanism_from_moments";
  mechdesign::detail::require_tolerance(tol, "tol", where);
  mechdesign::detail::require_finite(m.mean_action, "mean_action", where);
  mechdesign::detail::require_finite(m.action_variance, "action_variance", where);
  mechdesign::detail::require_finite(m.action_covariance, "action_covariance", where);
  mechdesign::detail::require_finite(m.state_covariance, "state_covariance", where);
  mechdesign::detail::require_finite(m.own_type_covariance, "own_type_covariance", where);
  mechdesign::detail::require_finite(m.other_type_covariance, "other_type_covariance", where);
  const double st = g.prior().state_variance, tt = g.prior().type_variance;
  const double n = g.players();
  symmetric_mechanism x;
  x.mean_action = m.mean_action;
  x.state_weight = m.state_covariance / st;
  x.own_type_weight = m.own_type_covariance / tt;
  x.others_type_weight = m.other_type_covariance / tt;
  const double b = x.state_weight, c = x.own_type_weight, d = x.others_type_weight;
  const double s2 = m.action_variance - b * b * st - (c * c + (n - 1) * d * d) * tt;
  const double cov = m.action_covariance - b * b * st - (2 * c * d + (n - 2) * d * d) * tt;
  // eigenvalues of the noise covariance: s² − cov (n−1 times) and s² + (n−1) cov
  const double scale = tol * std::max(1.0, std::abs(m.action_variance));
  if (s2 - cov < -scale || s2 + (n - 1) * cov < -scale) {
    throw model_error(
        fmt::format("data_monetization::mechanism_from_moments: the noise covariance is not PSD "
                    "(eigenvalues {} and {})",
                    s2 - cov, s2 + (n - 1) * cov));
  }
  x.noise_variance = std::max(0.0, s2);
  x.noise_correlation = x.noise_variance > scale ? std::clamp(cov / s2, -1.0 / (n - 1), 1.0) : 0.0;
  return x;
}

/// \brief The full (2n + 1)-dimensional mean and covariance of a symmetric mechanism (001 eq. (3)).
/// \throws dimension_error if the (2n + 1)² covariance exceeds detail::max_table_entries (n above
/// 4095), before anything is allocated.
inline joint_distribution joint(const game& g, const symmetric_mechanism& x) {
  const index_t side = 2 * static_cast<index_t>(g.players()) + 1;
  (void)mechdesign::detail::checked_product(side, side, "the covariance",
                                            "data_monetization::joint");
  const int n = g.players();
  const auto& p = g.prior();
  const symmetric_moments m = moments(g, x);
  joint_distribution j;
  j.mean.resize(2 * n + 1);
  j.covariance = Eigen::MatrixXd::Zero(2 * n + 1, 2 * n + 1);
  j.mean(0) = p.state_mean;
  j.covariance(0, 0) = p.state_variance;
  for (int i = 0; i < n; ++i) {
    j.mean(1 + i) = p.type_mean;
    j.mean(1 + n + i) = x.mean_action;
    j.covariance(1 + i, 1 + i) = p.type_variance;
    j.covariance(0, 1 + n + i) = j.covariance(1 + n + i, 0) = m.state_covariance;
    for (int l = 0; l < n; ++l) {
      const double ta = l == i ? m.own_type_covariance : m.other_type_covariance;
      j.covariance(1 + l, 1 + n + i) = j.covariance(1 + n + i, 1 + l) = ta;
      j.covariance(1 + n + i, 1 + n + l) = l == i ? m.action_variance : m.action_covariance;
    }
  }
  return j;
}

/// \brief The linear-plus-noise form of any Gaussian mechanism (001 eqs. (4)-(5)).
/// \throws dimension_error unless the covariance is square of odd size 2n + 1 ≥ 5 matching mean;
/// model_error if the covariance of (θ, t) is singular.
inline linear_form linear_decomposition(const joint_distribution& j) {
  const Eigen::Index size = j.covariance.rows();
  if (size < 5 || size % 2 == 0 || j.covariance.cols() != size || j.mean.size() != size) {
    throw dimension_error(
        "data_monetization::linear_decomposition: expected (2n+1)-dimensional mean/cov");
  }
  const Eigen::Index n = (size - 1) / 2;
  const Eigen::MatrixXd sxx = j.covariance.topLeftCorner(n + 1, n + 1);
  const Eigen::MatrixXd sax = j.covariance.bottomLeftCorner(n, n + 1);
  linear_form f;
  f.mean_action = j.mean.tail(n);
  const mechdesign::detail::full_pivot_solution w =
      mechdesign::detail::solve_full_pivot(sxx, sax.transpose());
  if (w.rank < n + 1) {
    throw model_error(fmt::format(
        "data_monetization::linear_decomposition: the covariance of (theta, t) is singular (rank "
        "{} of {})",
        w.rank, n + 1));
  }
  f.weights = w.x.transpose();
  // lazyProduct: a coefficient-wise product, enough at these sizes and far cheaper to compile
  // than the blocked kernel of operator*
  f.noise_covariance =
      j.covariance.bottomRightCorner(n, n) - f.weights.lazyProduct(sax.transpose());
  return f;
}

/// \brief Residuals of the obedience conditions (10)-(11) and of the ellipse/PSD description of
/// a symmetric mechanism (001 Propositions 1-2, Lemma 3).
struct obedience_residuals {
  double mean = 0.0;            ///< m − (μ_θ + μ_t)/(1 − k)
  double own_covariance = 0.0;  ///< γ_own − σ_t² − k γ_oth
  double variance = 0.0;        ///< v − γ_θ − γ_own − k w
  double ellipse_slack = 0.0;   ///< E(b, d) ≥ 0
  double noise_psd = 0.0;       ///< smallest eigenvalue of s²[(1 − ρ)I + ρJ]
  /// \brief Largest absolute equality residual.
  double max_equality() const {
    return std::max({std::abs(mean), std::abs(own_covariance), std::abs(variance)});
  }
  /// \brief Obedient within \p tol (equalities, PSD).
  bool obedient(double tol = 1e-9) const { return max_equality() <= tol && noise_psd >= -tol; }
};

/// \brief The obedience ellipse E(b, d) ≥ 0 in the (weight on others' types d, weight on state b)
/// plane (001 Proposition 2, (E)).
struct obedience_ellipse {
  double state_center = 0.0;      ///< b₀ = 1/(2(1 − k))
  double others_center = 0.0;     ///< d₀ = r/(2(1 + r)(1 − k))
  double state_semi_axis = 0.0;   ///< half-width along b
  double others_semi_axis = 0.0;  ///< half-width along d
  double state_curvature = 0.0;   ///< σ_θ²(1 − k)
  double others_curvature = 0.0;  ///< σ_t²(n − 1)(1 + r)(1 − k)
  double level = 0.0;             ///< E(b₀, d₀)

  /// \brief E(b, d) = level − state_curvature (b − b₀)² − others_curvature (d − d₀)² (eq. (13)).
  double slack(double b, double d) const {
    return level - state_curvature * (b - state_center) * (b - state_center) -
           others_curvature * (d - others_center) * (d - others_center);
  }
  /// \brief The boundary point at angle φ (b = b₀ + A sin φ, d = d₀ + B cos φ).
  std::pair<double, double> boundary(double phi) const {
    return {state_center + state_semi_axis * std::sin(phi),
            others_center + others_semi_axis * std::cos(phi)};
  }
};

/// \brief The obedience ellipse of a game (001 Proposition 2).
inline obedience_ellipse ellipse(const game& g) {
  const double k = g.aggregate_interaction(), r = g.interaction(), n = g.players();
  obedience_ellipse e;
  e.state_center = 1.0 / (2.0 * (1.0 - k));
  e.others_center = r / (2.0 * (1.0 + r) * (1.0 - k));
  e.state_curvature = g.prior().state_variance * (1.0 - k);
  e.others_curvature = g.prior().type_variance * (n - 1) * (1.0 + r) * (1.0 - k);
  e.level = e.state_curvature * e.state_center * e.state_center +
            e.others_curvature * e.others_center * e.others_center;
  e.state_semi_axis = std::sqrt(e.level / e.state_curvature);
  e.others_semi_axis = std::sqrt(e.level / e.others_curvature);
  return e;
}

/// \brief Residuals of obedience for a symmetric mechanism (001 Propositions 1-2).
inline obedience_residuals obedience_residuals_of(const game& g, const symmetric_mechanism& x) {
  const symmetric_moments m = moments(g, x);
  const double k = g.aggregate_interaction(), n = g.players();
  const auto& p = g.prior();
  obedience_residuals res;
  res.mean = m.mean_action - (p.state_mean + p.type_mean) / (1.0 - k);
  res.own_covariance = m.own_type_covariance - p.type_variance - k * m.other_type_covariance;
  res.variance =
      m.action_variance - m.state_covariance - m.own_type_covariance - k * m.action_covariance;
  res.ellipse_slack = ellipse(g).slack(x.state_weight, x.others_type_weight);
  res.noise_psd = std::min(x.noise_variance * (1.0 - x.noise_correlation),
                           x.noise_variance * (1.0 + (n - 1) * x.noise_correlation));
  return res;
}

/// \brief The symmetric obedient mechanism with weight b on the state, d on each other type and
/// noise correlation ρ: c = 1 + k d, m by (10), s² by (13) (001 Proposition 2).
/// \throws invalid_argument if ρ ∉ [−1/(n−1), 1], model_error if (b, d) lies outside the ellipse
/// by more than \p tol.
/// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline symmetric_mechanism obedient_mechanism(const game& g, double state_weight,
                                              double others_type_weight, double noise_correlation,
                                              double tol = 1e-12) {
  mechdesign::detail::check_tolerance(tol, "tol", "data_monetization::obedient_mechanism");
  const double k = g.aggregate_interaction(), n = g.players();
  mechdesign::detail::require_finite(state_weight, "b", "data_monetization::obedient_mechanism");
  mechdesign::detail::require_finite(others_type_weight, "d",
                                     "data_monetization::obedient_mechanism");
  if (!(noise_correlation >= -1.0 / (n - 1) - 1e-15 && noise_correlation <= 1.0 + 1e-15)) {
    throw invalid_argument(
        fmt::format("data_monetization::obedient_mechanism: rho = {} outside [-1/(n-1), 1]",
                    noise_correlation));
  }
  const obedience_ellipse e = ellipse(g);
  const double slack = e.slack(state_weight, others_type_weight);
  if (slack < -tol * std::max(1.0, e.level)) {
    throw model_error(
        fmt::format("data_monetization::obedient_mechanism: (b, d) = ({}, {}) lies outside the "
                    "obedience ellipse (slack "
                    "{})",
                    state_weight, others_type_weight, slack));
  }
  symmetric_mechanism x;
  x.mean_action = g.obedient_mean_action();
  x.state_weight = state_weight;
  x.others_type_weight = others_type_weight;
  x.own_type_weight = 1.0 + k * others_type_weight;
  x.noise_correlation = noise_correlation;
  x.noise_variance = std::max(0.0, slack) / (1.0 - k * noise_correlation);
  return x;
}

}  // namespace mechdesign::data_monetization

#endif  // MECHDESIGN_DATA_MONETIZATION_MECHANISM_HPP
