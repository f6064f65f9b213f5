#ifndef MECHDESIGN_BARGAINING_FORMAT_HPP
#define MECHDESIGN_BARGAINING_FORMAT_HPP

/// \file
/// \brief fmt formatters for the bargaining results, so that fmt::print("{}", result) gives a
/// one-line report (002_d7418a08844545d3.txt §4 and §5.4).

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "mechdesign/bargaining/closed_form.hpp"
#include "mechdesign/bargaining/efficiency.hpp"
#include "mechdesign/bargaining/gap.hpp"
#include "mechdesign/bargaining/monopoly.hpp"
#include "mechdesign/bargaining/sweep.hpp"
#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/lp/solution.hpp"

template <>
struct fmt::formatter<mechdesign::bargaining::gap_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::bargaining::gap_result& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "Gap LP {}: {}", mechdesign::to_string(r.status), r.message);
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
      return fmt::format_to(ctx.out(), "Gap surface {}: no solved point ({} failures: {})",
                            mechdesign::to_string(s.status), s.failures, s.message);
    }
    return fmt::format_to(ctx.out(),
                          "Gap surface {}x{}: max {:.6g} at (p1, p2) = ({:.4g}, {:.4g}), min "
                          "{:.3g}, {} LPs, {} failures",
                          s.p1.size(), s.p2.size(), s.max_gap, s.p1(s.argmax_p1), s.p2(s.argmax_p2),
                          s.min_gap, s.solves, s.failures);
  }
};

template <>
struct fmt::formatter<mechdesign::bargaining::power_sweep> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::bargaining::power_sweep& s, Ctx& ctx) const {
    auto out = fmt::format_to(ctx.out(), "power sweep {} ({} values of beta, {} failures)",
                              mechdesign::to_string(s.status), s.power.size(), s.failures);
    if (s.gap.size() > 0 && s.gap.allFinite()) {
      out = fmt::format_to(out, ": Gap from {:.6g} to {:.6g}", s.gap.minCoeff(), s.gap.maxCoeff());
    }
    if (!s.ok() && !s.message.empty()) out = fmt::format_to(out, "; {}", s.message);
    return out;
  }
};

template <>
struct fmt::formatter<mechdesign::bargaining::lambda_optimum>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::bargaining::lambda_optimum& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "Lambda-optimum {}: {}", mechdesign::to_string(r.status),
                            r.message);
    }
    return fmt::format_to(ctx.out(), "Lambda-optimum: value {:.10g}", r.value);
  }
};

template <>
struct fmt::formatter<mechdesign::bargaining::monopoly_offer>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::bargaining::monopoly_offer& m, Ctx& ctx) const {
    if (std::isinf(m.price))
      return fmt::format_to(ctx.out(), "keep the good: payoff {:.10g}", m.payoff);
    return fmt::format_to(ctx.out(),
                          "offer at price {:.10g} (sold with probability {:.6g}): payoff {:.10g}",
                          m.price, m.sale_probability, m.payoff);
  }
};

template <>
struct fmt::formatter<mechdesign::bargaining::proposition4_prediction>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::bargaining::proposition4_prediction& p, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "Proposition 4: value {:.10g}, {}", p.value,
                          p.binding_ic2 > 0   ? "IC_2(l) binds"
                          : p.binding_ic2 < 0 ? "IC_2(h) binds"
                                              : "no IC_2 restriction");
  }
};

#endif  // MECHDESIGN_BARGAINING_FORMAT_HPP
