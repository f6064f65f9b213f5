#ifndef MECHDESIGN_BARGAINING_FORMAT_HPP
#define MECHDESIGN_BARGAINING_FORMAT_HPP

/// \file
/// \brief fmt formatters for the bargaining results, so that fmt::print("{}", result) gives a
/// one-line report (002_d7418a08844545d3.txt §4 and §5.4).

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "mechdesign/bargaining/closed_form.hpp"
#include "mechdesign/bargaining/gap.hpp"
#include "mechdesign/bargaining/sweep.hpp"
#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/lp/solution.hpp"

template <>
struct fmt::formatter<mechdesign::bargaining::gap_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::bargaining::gap_result& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "Gap LP {}: {}", mechdesign::lp::to_string(r.status),
                            r.message);
    }
    std::string binding;
    for (const auto& b : r.binding) binding += (binding.empty() ? "" : " ") + b.label();
    return fmt::format_to(ctx.out(),
                          "E = {:.10g}, p1.beta1 M1 = {:.10g}, Gap = {:.3g}{}; binding: {}",
                          r.value, r.monopoly_value, r.gap, r.polished ? " (polished)" : "",
                          binding.empty() ? "none" : binding);
  }
};

template <>
struct fmt::formatter<mechdesign::bargaining::closed_form_gap>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::bargaining::closed_form_gap& c, Ctx& ctx) const {
    const bool second = c.order == mechdesign::bargaining::value_order::separated;
    return fmt::format_to(
        ctx.out(), "Proposition {}: E = {:.10g}, Gap = f Delta = {:.6g} x {:.6g} = {:.3g}{}",
        second ? 2 : 1, c.value, c.f, c.delta, c.gap,
        std::isnan(c.p2_star_star) ? std::string()
                                   : fmt::format(" (p2** = {:.6g})", c.p2_star_star));
  }
};

template <>
struct fmt::formatter<mechdesign::bargaining::gap_surface> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::bargaining::gap_surface& s, Ctx& ctx) const {
    if (s.argmax_p1 < 0) {
      return fmt::format_to(ctx.out(), "Gap surface: no solved point ({} failures: {})", s.failures,
                            s.message);
    }
    return fmt::format_to(ctx.out(),
                          "Gap surface {}x{}: max {:.6g} at (p1, p2) = ({:.4g}, {:.4g}), min "
                          "{:.3g}, {} LPs, {} failures",
                          s.p1.size(), s.p2.size(), s.max_gap, s.p1(s.argmax_p1), s.p2(s.argmax_p2),
                          s.min_gap, s.solves, s.failures);
  }
};

#endif  // MECHDESIGN_BARGAINING_FORMAT_HPP
