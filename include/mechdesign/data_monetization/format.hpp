#ifndef MECHDESIGN_DATA_MONETIZATION_FORMAT_HPP
#define MECHDESIGN_DATA_MONETIZATION_FORMAT_HPP

/// \file
/// \brief fmt formatters for the Gaussian data-monetization results, so that
/// fmt::print("{}", result) gives a one-line report (001_923d7a9e0fbe4058.txt §4-§5).

#include <fmt/format.h>

#include <cmath>

#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/data_monetization/check.hpp"
#include "mechdesign/data_monetization/delegation.hpp"
#include "mechdesign/data_monetization/incentives.hpp"
#include "mechdesign/data_monetization/mechanism.hpp"
#include "mechdesign/data_monetization/optimal.hpp"

template <>
struct fmt::formatter<mechdesign::data_monetization::symmetric_mechanism>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::data_monetization::symmetric_mechanism& x, Ctx& ctx) const {
    return fmt::format_to(
        ctx.out(), "m = {:.6g}, b = {:.6g}, c = {:.6g}, d = {:.6g}, s2 = {:.6g}, rho = {:.6g}",
        x.mean_action, x.state_weight, x.own_type_weight, x.others_type_weight, x.noise_variance,
        x.noise_correlation);
  }
};

template <>
struct fmt::formatter<mechdesign::data_monetization::mechanism_check>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::data_monetization::mechanism_check& c, Ctx& ctx) const {
    return fmt::format_to(ctx.out(),
                          "{}; obedience residuals {:.2e}/{:.2e}, deviation gain {:.2e}, PSD min "
                          "eigenvalue {:.2e}, Cov(a,t)/Var(t) = {:.6g}",
                          c.incentive_compatible() ? "obedient and IC"
                          : c.obedient()           ? "obedient, not IC"
                                                   : "not obedient",
                          c.mean_residual, c.covariance_residual, c.max_deviation_gain,
                          c.psd_min_eigenvalue, c.min_type_covariance);
  }
};

template <>
struct fmt::formatter<mechdesign::data_monetization::payment_rule>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::data_monetization::payment_rule& p, Ctx& ctx) const {
    if (!p.implementable) return fmt::format_to(ctx.out(), "not implementable: {}", p.message);
    return fmt::format_to(ctx.out(),
                          "E p = {:.6g}, off-path aggregate A* = {:.6g}, critical type {:.6g}",
                          p.expected_payment(), p.off_path_aggregate, p.critical_type);
  }
};

template <>
struct fmt::formatter<mechdesign::data_monetization::optimal_mechanism>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::data_monetization::optimal_mechanism& o, Ctx& ctx) const {
    if (!o.ok()) return fmt::format_to(ctx.out(), "failed: {}", o.message);
    return fmt::format_to(
        ctx.out(), "{} ({}{}, mu = {:.6g}): objective {:.8g}, welfare {:.8g}, revenue {:.8g}",
        o.mechanism, o.boundary ? "deterministic" : "randomised",
        o.ic_binding ? ", IC binding" : "", o.multiplier, o.objective, o.welfare, o.revenue);
  }
};

template <>
struct fmt::formatter<mechdesign::data_monetization::delegation_result>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::data_monetization::delegation_result& d, Ctx& ctx) const {
    if (!d.ok()) return fmt::format_to(ctx.out(), "delegation failed: {}", d.message);
    return fmt::format_to(ctx.out(), "delegated {}{}: revenue {:.8g}, welfare {:.8g}", d.mechanism,
                          d.monotonicity_binding ? " (c >= 1 binding)" : "", d.revenue, d.welfare);
  }
};

template <>
struct fmt::formatter<mechdesign::data_monetization::symmetric_moments>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::data_monetization::symmetric_moments& m, Ctx& ctx) const {
    return fmt::format_to(ctx.out(),
                          "m = {:.6g}, v = {:.6g}, w = {:.6g}, gamma_theta = {:.6g}, gamma_own = "
                          "{:.6g}, gamma_oth = {:.6g}",
                          m.mean_action, m.action_variance, m.action_covariance, m.state_covariance,
                          m.own_type_covariance, m.other_type_covariance);
  }
};

template <>
struct fmt::formatter<mechdesign::data_monetization::obedience_residuals>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::data_monetization::obedience_residuals& r, Ctx& ctx) const {
    return fmt::format_to(
        ctx.out(), "{}: equality residual {:.2e}, ellipse slack {:.6g}, noise PSD {:.3g}",
        r.obedient() ? "obedient" : "not obedient", r.max_equality(), r.ellipse_slack, r.noise_psd);
  }
};

template <>
struct fmt::formatter<mechdesign::data_monetization::obedience_ellipse>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::data_monetization::obedience_ellipse& e, Ctx& ctx) const {
    return fmt::format_to(ctx.out(),
                          "obedience ellipse: center (b, d) = ({:.6g}, {:.6g}), semi-axes {:.6g} "
                          "and {:.6g}",
                          e.state_center, e.others_center, e.state_semi_axis, e.others_semi_axis);
  }
};

template <>
struct fmt::formatter<mechdesign::data_monetization::welfare_regime>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::data_monetization::welfare_regime& w, Ctx& ctx) const {
    auto out = fmt::format_to(ctx.out(), "welfare optimum {}",
                              w.interior ? "interior (randomised)" : "on the boundary");
    if (std::isfinite(w.critical_variance_ratio)) {
      out = fmt::format_to(out, "; interior iff sigma_t^2/sigma_theta^2 {} {:.6g}",
                           w.interior_below_ratio ? "<" : ">", w.critical_variance_ratio);
    }
    return out;
  }
};

#endif  // MECHDESIGN_DATA_MONETIZATION_FORMAT_HPP
