#ifndef MECHDESIGN_PRICING_GAUSSIAN_FORMAT_HPP
#define MECHDESIGN_PRICING_GAUSSIAN_FORMAT_HPP

/// \file
/// \brief fmt formatters for the Gaussian data-monetization results, so that
/// fmt::print("{}", result) gives a one-line report (001_923d7a9e0fbe4058.txt §4-§5).

#include <fmt/format.h>

#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/pricing/gaussian/check.hpp"
#include "mechdesign/pricing/gaussian/delegation.hpp"
#include "mechdesign/pricing/gaussian/incentives.hpp"
#include "mechdesign/pricing/gaussian/mechanism.hpp"
#include "mechdesign/pricing/gaussian/optimal.hpp"

template <>
struct fmt::formatter<mechdesign::pricing::gaussian::symmetric_mechanism>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::gaussian::symmetric_mechanism& x, Ctx& ctx) const {
    return fmt::format_to(
        ctx.out(), "m = {:.6g}, b = {:.6g}, c = {:.6g}, d = {:.6g}, s2 = {:.6g}, rho = {:.6g}",
        x.mean_action, x.state_weight, x.own_type_weight, x.others_type_weight, x.noise_variance,
        x.noise_correlation);
  }
};

template <>
struct fmt::formatter<mechdesign::pricing::gaussian::mechanism_check>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::gaussian::mechanism_check& c, Ctx& ctx) const {
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
struct fmt::formatter<mechdesign::pricing::gaussian::payment_rule>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::gaussian::payment_rule& p, Ctx& ctx) const {
    if (!p.implementable) return fmt::format_to(ctx.out(), "not implementable: {}", p.message);
    return fmt::format_to(ctx.out(),
                          "E p = {:.6g}, off-path aggregate A* = {:.6g}, critical type {:.6g}",
                          p.expected_payment(), p.off_path_aggregate, p.critical_type);
  }
};

template <>
struct fmt::formatter<mechdesign::pricing::gaussian::optimal_mechanism>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::gaussian::optimal_mechanism& o, Ctx& ctx) const {
    if (!o.ok()) return fmt::format_to(ctx.out(), "failed: {}", o.message);
    return fmt::format_to(
        ctx.out(), "{} ({}{}, mu = {:.6g}): objective {:.8g}, welfare {:.8g}, revenue {:.8g}",
        o.mechanism, o.boundary ? "deterministic" : "randomised",
        o.ic_binding ? ", IC binding" : "", o.multiplier, o.objective, o.welfare, o.revenue);
  }
};

template <>
struct fmt::formatter<mechdesign::pricing::gaussian::delegation_result>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::gaussian::delegation_result& d, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "delegated {}{}: revenue {:.8g}, welfare {:.8g}", d.mechanism,
                          d.monotonicity_binding ? " (c >= 1 binding)" : "", d.revenue, d.welfare);
  }
};

#endif  // MECHDESIGN_PRICING_GAUSSIAN_FORMAT_HPP
