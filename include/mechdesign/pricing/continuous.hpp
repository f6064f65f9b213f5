#ifndef MECHDESIGN_PRICING_CONTINUOUS_HPP
#define MECHDESIGN_PRICING_CONTINUOUS_HPP

/// \file
/// \brief Continuous buyer types v_b ∈ [0, 1] in the binary game: type distributions, the
/// virtual values π⁻ and π⁺, the multiplier λ*, the optimal menu I*(v) ∈ {−1, 0, 1} and its
/// transfers (12), with the expected externality derived from the model.
///
/// Reference: 004_7f70667d8c91100b.txt §4.2, Proposition 4.5, Corollaries 4.6–4.9, Appendix C–D.
///
/// Derivation used here (the paper's steps with the externality of binary.hpp instead of eq. (9)).
/// Prices are nonnegative (10b) and the extreme types v ∈ {0, 1} value no rule, so both have zero
/// rent and ∫₀¹ I(v) dv = 0 (13b). The expected transfer is ∫ I(v)[p(v)(v − 1{I ≥ 0}) + F(v)] dv
/// and the expected externality ∫ τ(1 − I(1{I ≥ 0} − v_s)) p(v) dv, so the pointwise slopes of the
/// virtual surplus in I are
///   π⁻(v) = p(v)(v − τ v_s) + F(v)            for I < 0,
///   π⁺(v) = p(v)(v − 1 + τ(1 − v_s)) + F(v)    for I > 0,
/// (the paper prints τv_s(1 − 2v_s) and τ(1 − v_s)(1 − 2v_s) for the τ terms). The surplus is
/// concave in I iff π⁻ ≥ π⁺, i.e. iff τ ≤ 1 (the paper's τ' = (1 − 2v_s)⁻² becomes 1).
///
/// For τ ≤ 1 and increasing π±: I* = −1 below a, 0 on [a, b], 1 above b, where π⁻(a) = λ* =
/// π⁺(b) and a = 1 − b by (13b). λ* is found by bisection on ∫ I* = 0, with a = sup{π⁻ < λ} and
/// b = inf{π⁺ > λ} (every bisection is core/root_finding.hpp's bisect()). The price of full
/// information is a. For the uniform law λ* = (π⁻(1/2) + π⁺(1/2))/2 as in Corollary 4.9 and a = (1
/// + τ)/4; for other laws that formula violates (13b) and is not used. Irregular laws are flagged
/// (continuous_menu::regular) and not ironed. For τ > 1 the menu reveals nothing (I* = −1 below
/// 1/2, +1 above).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <utility>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/root_finding.hpp"
#include "mechdesign/core/types.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/pricing/binary.hpp"

namespace mechdesign::pricing {

namespace detail {

/// Continued fraction of the regularised incomplete beta function (modified Lentz).
inline double beta_continued_fraction(double a, double b, double x) {
  const double tiny = 1e-300;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::abs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 500; ++m) {
    const double m2 = 2.0 * m;
    double num = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    for (int half = 0; half < 2; ++half) {
      d = 1.0 + num * d;
      if (std::abs(d) < tiny) d = tiny;
      c = 1.0 + num / c;
      if (std::abs(c) < tiny) c = tiny;
      d = 1.0 / d;
      h *= d * c;
      if (half == 0) num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
    }
    if (std::abs(d * c - 1.0) < 1e-15) break;
  }
  return h;
}

/// Regularised incomplete beta function I_x(a, b).
inline double regularized_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double log_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  if (x < (a + 1.0) / (a + b + 2.0)) {
    return std::exp(log_front) * beta_continued_fraction(a, b, x) / a;
  }
  return 1.0 - std::exp(log_front) * beta_continued_fraction(b, a, 1.0 - x) / b;
}

}  // namespace detail

/// \brief A distribution of buyer types on [0, 1] with density p and CDF F
/// (004_7f70667d8c91100b.txt §4.2).
class type_distribution {
 public:
  /// \brief A distribution from a density and a CDF on [0, 1] (F(0) = 0, F(1) = 1).
  /// \throws invalid_argument if \p density or \p cdf is empty.
  type_distribution(std::string name, std::function<double(double)> density,
                    std::function<double(double)> cdf)
      : name_(std::move(name)), density_(std::move(density)), cdf_(std::move(cdf)) {
    if (!density_ || !cdf_) {
      throw invalid_argument(
          fmt::format("type_distribution: {} has an empty density or CDF callable", name_));
    }
  }

  /// \brief The uniform law, p = 1, F(v) = v (004_7f70667d8c91100b.txt §4.2, uniform example).
  static type_distribution uniform() {
    return {"uniform", [](double) { return 1.0; },
            [](double v) { return std::clamp(v, 0.0, 1.0); }};
  }

  /// \brief Beta(α, β) with α, β ≥ 1 (bounded density) (004_7f70667d8c91100b.txt §4.2).
  /// \throws invalid_argument unless α, β ≥ 1 and finite.
  static type_distribution beta(double alpha, double beta) {
    if (!std::isfinite(alpha) || !std::isfinite(beta) || alpha < 1.0 || beta < 1.0) {
      throw invalid_argument(fmt::format(
          "type_distribution::beta: parameters ({}, {}) must be finite and >= 1", alpha, beta));
    }
    const double log_norm = std::lgamma(alpha + beta) - std::lgamma(alpha) - std::lgamma(beta);
    return {fmt::format("beta({:g}, {:g})", alpha, beta),
            [=](double v) {
              if (v < 0.0 || v > 1.0) return 0.0;
              const double la = alpha == 1.0 ? 0.0 : (alpha - 1.0) * std::log(v);
              const double lb = beta == 1.0 ? 0.0 : (beta - 1.0) * std::log1p(-v);
              return std::exp(log_norm + la + lb);
            },
            [=](double v) { return detail::regularized_beta(alpha, beta, v); }};
  }

  /// \brief The normal law N(mean, sd²) truncated to [0, 1] (004_7f70667d8c91100b.txt §4.2).
  /// \throws invalid_argument unless sd > 0 and both are finite.
  static type_distribution truncated_normal(double mean, double sd) {
    if (!std::isfinite(mean) || !std::isfinite(sd) || sd <= 0.0) {
      throw invalid_argument(fmt::format(
          "type_distribution::truncated_normal: mean {} and sd {} must be finite, sd > 0", mean,
          sd));
    }
    auto phi = [=](double v) { return 0.5 * std::erfc(-(v - mean) / (sd * std::sqrt(2.0))); };
    const double lo = phi(0.0), mass = phi(1.0) - lo;
    if (!(mass > 0.0)) {
      throw invalid_argument("type_distribution::truncated_normal: no mass on [0, 1]");
    }
    const double pi = 3.14159265358979323846;
    return {
        fmt::format("truncated_normal({:g}, {:g})", mean, sd),
        [=](double v) {
          if (v < 0.0 || v > 1.0) return 0.0;
          const double z = (v - mean) / sd;
          return std::exp(-0.5 * z * z) / (sd * std::sqrt(2.0 * pi) * mass);
        },
        [=](double v) { return std::clamp((phi(std::clamp(v, 0.0, 1.0)) - lo) / mass, 0.0, 1.0); }};
  }

  /// \brief Name, e.g. "beta(2, 3)".
  const std::string& name() const noexcept { return name_; }
  /// \brief Density p(v).
  double density(double v) const { return density_(v); }
  /// \brief CDF F(v).
  double cdf(double v) const { return cdf_(v); }

 private:
  std::string name_;
  std::function<double(double)> density_, cdf_;
};

/// \brief π⁻(v) = p(v)(v − τ v_s) + F(v), the marginal virtual surplus of raising I from −1
/// towards 0 (004_7f70667d8c91100b.txt Corollary 4.7, re-derived with the model's externality).
inline double negative_virtual_value(const type_distribution& f, double v, double tau, double v_s) {
  return f.density(v) * (v - tau * v_s) + f.cdf(v);
}

/// \brief π⁺(v) = p(v)(v − 1 + τ(1 − v_s)) + F(v), the marginal virtual surplus of raising I
/// from 0 towards 1 (004_7f70667d8c91100b.txt Corollary 4.7, re-derived with the model's
/// externality).
inline double positive_virtual_value(const type_distribution& f, double v, double tau, double v_s) {
  return f.density(v) * (v - 1.0 + tau * (1.0 - v_s)) + f.cdf(v);
}

/// \brief Knobs of the continuous-type solution.
struct continuous_options {
  /// bisection width on types and on λ, in [0, 1]; 0 bisects to adjacent doubles
  double tolerance = 1e-13;
  index_t regularity_grid = 2001;  ///< points at which monotonicity of π± is checked, [2, 10^7]
  index_t search_cells = 256;  ///< grid cells scanned for the crossings of π± with λ, [16, 10^6]
};

/// \brief The optimal menu for continuous types (004_7f70667d8c91100b.txt Proposition 4.8,
/// Corollaries 4.6 and 4.9): full information on [low_threshold, high_threshold], none outside.
/// status success, or iteration_limit if the λ bisection hit its cap (the menu is then the best
/// bracket's midpoint).
struct continuous_menu : result_base {
  double tau = 0.0;                   ///< competition intensity
  double seller_belief = 0.5;         ///< v_s
  double lambda = 0.0;                ///< λ*, the multiplier of (13b)
  double low_threshold = 0.5;         ///< a: I* = −1 below
  double high_threshold = 0.5;        ///< b: I* = +1 above
  double price = 0.0;                 ///< price of full information, t = a (transfers (12))
  double expected_revenue = 0.0;      ///< E[t(v)]
  double expected_externality = 0.0;  ///< E[c(I*(v))]
  double profit = 0.0;                ///< expected revenue − expected externality
  bool concave = true;                ///< τ ≤ 1: the virtual surplus is concave in I
  bool regular = true;                ///< π⁻ and π⁺ are nondecreasing on the check grid
  std::string distribution;           ///< name of the type distribution

  /// \brief I*(v) ∈ {−1, 0, 1} (004_7f70667d8c91100b.txt Corollary 4.9).
  double informativeness(double v) const {
    if (v < low_threshold) return -1.0;
    return v > high_threshold ? 1.0 : 0.0;
  }
  /// \brief t(v) = I(v)(v − 1{I ≥ 0}) − ∫₀^v I(z) dz (004_7f70667d8c91100b.txt eq. (12)).
  double transfer(double v) const {
    const double i = informativeness(v);
    const double integral = -std::min(v, low_threshold) + std::max(0.0, v - high_threshold);
    return i * (v - (i >= 0.0 ? 1.0 : 0.0)) - integral;
  }
};

namespace detail {

/// Stopping rule of the threshold bisections: width \p tolerance (0: adjacent doubles).
inline root_options threshold_root_options(double tolerance) {
  root_options o;
  o.absolute_tolerance = tolerance;
  o.max_iterations = 2000;  // more than the 1100 halvings that reach adjacent doubles on [0, 1]
  return o;
}

/// Sup of {v ∈ [0, 1] : g(v) < level} (0 if empty): scan a grid from the right, then bisect
/// inside the last cell; exact for nondecreasing g and robust to dips of irregular laws.
template <class G>
double last_below(const G& g, double level, index_t cells, double tolerance) {
  for (index_t i = cells; i >= 0; --i) {
    const double v = static_cast<double>(i) / static_cast<double>(cells);
    if (g(v) < level) {
      if (i == cells) return 1.0;
      const double hi = static_cast<double>(i + 1) / static_cast<double>(cells);
      return bisect([&](double x) { return g(x) < level; }, v, hi,
                    threshold_root_options(tolerance))
          .midpoint();
    }
  }
  return 0.0;
}

/// Inf of {v ∈ [0, 1] : g(v) > level} (1 if empty), the mirror of last_below().
template <class G>
double first_above(const G& g, double level, index_t cells, double tolerance) {
  for (index_t i = 0; i <= cells; ++i) {
    const double v = static_cast<double>(i) / static_cast<double>(cells);
    if (g(v) > level) {
      if (i == 0) return 0.0;
      const double lo = static_cast<double>(i - 1) / static_cast<double>(cells);
      return bisect([&](double x) { return !(g(x) > level); }, lo, v,
                    threshold_root_options(tolerance))
          .midpoint();
    }
  }
  return 1.0;
}

}  // namespace detail

/// \brief Solve the continuous-type problem (13) for type law \p f, competition \p tau and seller
/// belief \p v_s: λ*, thresholds, price, revenue, externality and profit
/// (004_7f70667d8c91100b.txt Proposition 4.8 and Corollary 4.9, with the model's externality —
/// see the file comment).
/// \throws distribution_error unless v_s ∈ [0, 1] and the law has F(0) = 0, F(1) = 1 and a finite
/// nonnegative density on the check grid; non_finite_error for a non-finite τ; invalid_argument
/// (non_finite_error for NaN) unless options.tolerance ∈ [0, 1], regularity_grid ∈ [2, 10^7] and
/// search_cells ∈ [16, 10^6].
[[nodiscard]] inline continuous_menu solve_continuous(const type_distribution& f, double tau,
                                                      double v_s,
                                                      const continuous_options& options = {}) {
  if (!std::isfinite(tau)) throw non_finite_error(fmt::format("solve_continuous: tau is {}", tau));
  detail::require_belief(v_s, "v_s", "solve_continuous");
  mechdesign::detail::require_tolerance(options.tolerance, "continuous_options::tolerance",
                                        "solve_continuous");
  mechdesign::detail::require_count(options.regularity_grid, 2, 10000000,
                                    "continuous_options::regularity_grid", "solve_continuous");
  mechdesign::detail::require_count(options.search_cells, 16, 1000000,
                                    "continuous_options::search_cells", "solve_continuous");
  continuous_menu r;
  r.tau = tau;
  r.seller_belief = v_s;
  r.distribution = f.name();
  auto pm = [&](double v) { return negative_virtual_value(f, v, tau, v_s); };
  auto pp = [&](double v) { return positive_virtual_value(f, v, tau, v_s); };
  const index_t n = options.regularity_grid;
  if (std::abs(f.cdf(0.0)) > 1e-9 || std::abs(f.cdf(1.0) - 1.0) > 1e-9) {
    throw distribution_error(fmt::format("solve_continuous: {} has F(0) = {} and F(1) = {}",
                                         f.name(), f.cdf(0.0), f.cdf(1.0)));
  }
  for (index_t i = 0; i < n; ++i) {
    const double v = static_cast<double>(i) / static_cast<double>(n - 1);
    const double d = f.density(v), c = f.cdf(v);
    if (!std::isfinite(d) || d < 0.0 || !std::isfinite(c)) {
      throw distribution_error(fmt::format(
          "solve_continuous: {} has density {} and CDF {} at v = {}", f.name(), d, c, v));
    }
  }
  for (index_t i = 1; i < n; ++i) {
    const double v0 = static_cast<double>(i - 1) / static_cast<double>(n - 1);
    const double v1 = static_cast<double>(i) / static_cast<double>(n - 1);
    if (pm(v1) < pm(v0) - 1e-12 || pp(v1) < pp(v0) - 1e-12) r.regular = false;
  }
  r.concave = tau <= 1.0;
  if (r.concave) {
    // k(λ) = 1 − b(λ) − a(λ) is nonincreasing in λ; find its zero.
    double lo = std::min(pm(0.0), pp(0.0)) - 1.0, hi = std::max(pm(1.0), pp(1.0)) + 1.0;
    const index_t cells = options.search_cells;
    auto k = [&](double lambda) {
      return 1.0 - detail::first_above(pp, lambda, cells, options.tolerance) -
             detail::last_below(pm, lambda, cells, options.tolerance);
    };
    root_options lambda_options;
    lambda_options.absolute_tolerance = options.tolerance;
    lambda_options.relative_tolerance = std::min(1.0, 2.0 * options.tolerance);
    lambda_options.max_iterations = 2000;  // a zero tolerance bisects to adjacent doubles
    const root_bracket lambda =
        bisect([&](double l) { return k(l) > 0.0; }, lo, hi, lambda_options);
    r.lambda = lambda.midpoint();
    r.status = lambda.status;
    r.message = lambda.message;
    r.low_threshold = std::min(0.5, detail::last_below(pm, r.lambda, cells, options.tolerance));
    r.high_threshold = std::max(r.low_threshold, 1.0 - r.low_threshold);
  } else {
    r.lambda = pp(0.5);
    r.low_threshold = r.high_threshold = 0.5;
    r.status = status::success;
  }
  const double a = r.low_threshold, b = r.high_threshold;
  const double fa = f.cdf(a), fb = f.cdf(b);
  r.price = b > a ? a : 0.0;
  r.expected_revenue = (fb - fa) * r.price;
  r.expected_externality = tau * ((1.0 - v_s) * fa + (fb - fa) + v_s * (1.0 - fb));
  r.profit = r.expected_revenue - r.expected_externality;
  return r;
}

/// \brief Discretise a type law on n equal cells of [0, 1]: midpoints and cell probabilities,
/// for the finite LP (004_7f70667d8c91100b.txt §4.2 vs §4 program (10)).
/// \param n number of cells, in [1, detail::max_table_entries].
/// \throws invalid_argument if n < 1, dimension_error if n > detail::max_table_entries (before
/// anything is allocated); distribution_error if a cell's mass is not
/// finite or the law puts no mass on [0, 1] (the probabilities could not be normalised).
inline std::pair<Eigen::VectorXd, Eigen::VectorXd> grid_types(const type_distribution& f,
                                                              index_t n) {
  mechdesign::detail::require_count(n, 1, std::numeric_limits<index_t>::max(), "n", "grid_types");
  mechdesign::detail::require_size_limit(n, "the grid", "grid_types");
  Eigen::VectorXd v(n), p(n);
  for (index_t i = 0; i < n; ++i) {
    const double lo = static_cast<double>(i) / static_cast<double>(n);
    const double hi = static_cast<double>(i + 1) / static_cast<double>(n);
    v(i) = 0.5 * (lo + hi);
    p(i) = std::max(0.0, f.cdf(hi) - f.cdf(lo));
    if (!std::isfinite(p(i))) {
      throw distribution_error(fmt::format("grid_types: {} gives cell {} the mass {}", f.name(), i,
                                           f.cdf(hi) - f.cdf(lo)));
    }
  }
  const double mass = p.sum();
  if (!(mass > 0.0)) {
    throw distribution_error(fmt::format("grid_types: {} puts no mass on [0, 1]", f.name()));
  }
  p /= mass;
  return {v, p};
}

}  // namespace mechdesign::pricing

#endif  // MECHDESIGN_PRICING_CONTINUOUS_HPP
