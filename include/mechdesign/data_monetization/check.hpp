#ifndef MECHDESIGN_DATA_MONETIZATION_CHECK_HPP
#define MECHDESIGN_DATA_MONETIZATION_CHECK_HPP

/// \file
/// \brief An independent check that a Gaussian mechanism, given by the full mean and covariance of
/// (θ, t_1..t_n, a_1..a_n) and not necessarily symmetric, is obedient, truthful, incentive
/// compatible and can be made participating (001 Propositions 1, 3, 4, 5 and 13).
///
/// It does not use the symmetric formulas of mechanism.hpp or the optimisers: for every player it
/// forms the marginal payoff g_i = θ + t_i + r Σ_{j≠i} a_j − a_i (the derivative of u_i in a_i),
/// conditions it on the player's information (t_i, a_i) with the Gaussian conditioning formula
/// and reports the value of the best deviation ½ E[(E[g_i | t_i, a_i])²], which is zero iff the
/// player is obedient (001 eq. (8)). IC and participation need Cov(a_i, t_i) ≥ Var(t_i)
/// (Propositions 4-5), truthfulness Cov(a_i, t_i) ≥ 0 (Proposition 3).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>

#include "mechdesign/core/detail/linear_algebra.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/data_monetization/game.hpp"
#include "mechdesign/data_monetization/mechanism.hpp"

namespace mechdesign::data_monetization {

/// \brief Diagnostics of check_mechanism (worst player everywhere). Residuals are in the prior's
/// units — second moments divided by v = max(σ_θ², σ_t²), first moments by
/// max(|μ_θ|, |μ_t|, √v) — so rescaling the prior and the mechanism together changes no verdict.
struct mechanism_check {
  double prior_residual = 0.0;       ///< max |(θ, t) block − prior| (relative, see above)
  double psd_min_eigenvalue = 0.0;   ///< smallest eigenvalue of the joint covariance / v
  double mean_residual = 0.0;        ///< max_i |E g_i| (relative)
  double covariance_residual = 0.0;  ///< max_i |Cov(g_i, t_i)|, |Cov(g_i, a_i)| (over v)
  double max_deviation_gain = 0.0;   ///< max_i ½ E[(E[g_i | t_i, a_i])²] / max(v, μ unit²)
  double min_type_covariance = 0.0;  ///< min_i Cov(a_i, t_i) / Var(t_i)
  double tolerance = 1e-9;

  /// \brief Joint law consistent with the prior and a covariance matrix (PSD).
  bool valid() const { return prior_residual <= tolerance && psd_min_eigenvalue >= -tolerance; }
  /// \brief Obedient (001 eq. (8)).
  bool obedient() const {
    return valid() && mean_residual <= tolerance && covariance_residual <= tolerance;
  }
  /// \brief Truthful with suitable payments (001 Proposition 3, given obedience).
  bool truthful() const { return obedient() && min_type_covariance >= -tolerance; }
  /// \brief Incentive compatible against double deviations, and participating with the payments
  /// of Proposition 5 (001 Propositions 4-5).
  bool incentive_compatible() const { return obedient() && min_type_covariance >= 1 - tolerance; }
  /// incentive_compatible() at the report's tolerance (the check's verdict)
  bool passed = false;
};

/// \brief Checks a Gaussian mechanism from its joint law (001 Propositions 3-5, 13).
/// \throws dimension_error if the sizes do not match the game, non_finite_error on NaN.
/// \param tolerance finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline mechanism_check check_mechanism(const game& g, const joint_distribution& j,
                                       double tolerance = 1e-9) {
  mechdesign::detail::check_tolerance(tolerance, "tolerance", "data_monetization::check_mechanism");
  const int n = g.players();
  const Eigen::Index size = 2 * n + 1;
  if (j.mean.size() != size || j.covariance.rows() != size || j.covariance.cols() != size) {
    throw dimension_error(fmt::format(
        "data_monetization::check_mechanism: expected mean and covariance of size {} for n = {}",
        size, n));
  }
  if (!j.mean.allFinite() || !j.covariance.allFinite()) {
    throw non_finite_error("data_monetization::check_mechanism: non-finite mean or covariance");
  }
  const auto& p = g.prior();
  // The residuals are measured in the prior's units, so the verdict does not depend on its
  // scale: second moments in v = max(σ_θ², σ_t²), first moments in max(|μ_θ|, |μ_t|, √v).
  const double v = std::max(p.state_variance, p.type_variance);
  const double m = std::max({std::abs(p.state_mean), std::abs(p.type_mean), std::sqrt(v)});
  mechanism_check c;
  c.tolerance = tolerance;
  c.prior_residual = std::abs(j.mean(0) - p.state_mean) / m;
  c.prior_residual =
      std::max(c.prior_residual, std::abs(j.covariance(0, 0) - p.state_variance) / v);
  for (int i = 0; i < n; ++i) {
    c.prior_residual = std::max(c.prior_residual, std::abs(j.mean(1 + i) - p.type_mean) / m);
    for (int l = 0; l <= n; ++l) {
      if (l == 1 + i) continue;
      c.prior_residual = std::max(c.prior_residual, std::abs(j.covariance(1 + i, l)) / v);
    }
    c.prior_residual =
        std::max(c.prior_residual, std::abs(j.covariance(1 + i, 1 + i) - p.type_variance) / v);
  }
  const Eigen::MatrixXd sym = 0.5 * (j.covariance + j.covariance.transpose());
  c.psd_min_eigenvalue = mechdesign::detail::symmetric_eigenvalues(sym)(0) / v;
  c.min_type_covariance = std::numeric_limits<double>::infinity();
  for (int i = 0; i < n; ++i) {
    Eigen::VectorXd e = Eigen::VectorXd::Zero(size);
    e(0) = 1.0;
    e(1 + i) = 1.0;
    for (int l = 0; l < n; ++l) e(1 + n + l) = l == i ? -1.0 : g.interaction();
    const int ti = 1 + i, ai = 1 + n + i;
    const double mean_g = e.dot(j.mean);
    const Eigen::VectorXd cov_g = sym.lazyProduct(e);  // Cov(g_i, z)
    c.mean_residual = std::max(c.mean_residual, std::abs(mean_g) / m);
    c.covariance_residual =
        std::max({c.covariance_residual, std::abs(cov_g(ti)) / v, std::abs(cov_g(ai)) / v});
    // E[(E[g_i | t_i, a_i])²] = (E g_i)² + Cov(g, y) Var(y)⁺ Cov(y, g), y = (t_i, a_i)
    const double explained = mechdesign::detail::pseudo_inverse_form_2x2(
        sym(ti, ti), sym(ti, ai), sym(ai, ai), cov_g(ti), cov_g(ai));
    c.max_deviation_gain =
        std::max(c.max_deviation_gain, 0.5 * (mean_g * mean_g + explained) / std::max(v, m * m));
    c.min_type_covariance = std::min(c.min_type_covariance, sym(ai, ti) / p.type_variance);
  }
  c.passed = c.incentive_compatible();
  return c;
}

/// \brief Checks a symmetric mechanism through its joint law (001 Propositions 3-5, 13).
/// \param tolerance finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
inline mechanism_check check_mechanism(const game& g, const symmetric_mechanism& x,
                                       double tolerance = 1e-9) {
  mechdesign::detail::check_tolerance(tolerance, "tolerance", "data_monetization::check_mechanism");
  return check_mechanism(g, joint(g, x), tolerance);
}

}  // namespace mechdesign::data_monetization

#endif  // MECHDESIGN_DATA_MONETIZATION_CHECK_HPP
