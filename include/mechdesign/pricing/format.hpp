#ifndef MECHDESIGN_PRICING_FORMAT_HPP
#define MECHDESIGN_PRICING_FORMAT_HPP

/// \file
/// \brief fmt formatters for the selling-information results, so that fmt::print("{}", result)
/// gives a one-line report (004_7f70667d8c91100b.txt §4).

#include <fmt/format.h>

#include <string>

#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/information/format.hpp"
#include "mechdesign/lp/format.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/pricing/binary_types.hpp"
#include "mechdesign/pricing/continuous.hpp"
#include "mechdesign/pricing/menu.hpp"
#include "mechdesign/pricing/optimal_menu.hpp"

template <>
struct fmt::formatter<mechdesign::pricing::offer> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(mechdesign::pricing::offer o, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{}", mechdesign::pricing::to_string(o));
  }
};

template <>
struct fmt::formatter<mechdesign::pricing::menu_constraint> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::menu_constraint& b, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{}", b.label());
  }
};

template <>
struct fmt::formatter<mechdesign::pricing::decision_thresholds>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::decision_thresholds& d, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "tau^l = {:.6g}, tau^h = {:.6g}", d.tau_low, d.tau_high);
  }
};

template <>
struct fmt::formatter<mechdesign::pricing::menu_check> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::menu_check& c, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "menu check {}: worst violation {:.3g}{}",
                          c.passed ? "passed" : "FAILED", c.max_violation(),
                          c.worst.empty() ? std::string() : fmt::format(" at {}", c.worst));
  }
};

template <>
struct fmt::formatter<mechdesign::pricing::menu_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::menu_result& r, Ctx& ctx) const {
    if (r.menu.rules.empty()) {
      return fmt::format_to(ctx.out(), "optimal menu {} (LP {}): {}",
                            mechdesign::to_string(r.status), mechdesign::lp::to_string(r.lp_status),
                            r.message);
    }
    return fmt::format_to(
        ctx.out(),
        "{}profit {:.10g} = revenue {:.10g} - externality {:.10g}; {} types, {} binding rows, {} "
        "LP round(s); {}",
        r.ok() ? "" : fmt::format("{} ({}): ", mechdesign::to_string(r.status), r.message),
        r.profit, r.expected_revenue, r.expected_externality, r.menu.prices.size(),
        r.binding.size(), r.rounds, r.check);
  }
};

template <>
struct fmt::formatter<mechdesign::pricing::continuous_menu> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::continuous_menu& m, Ctx& ctx) const {
    if (!m.ok()) {
      return fmt::format_to(ctx.out(), "{}, tau = {:g}, v_s = {:g}: {}: {}", m.distribution, m.tau,
                            m.seller_belief, mechdesign::to_string(m.status), m.message);
    }
    if (m.high_threshold <= m.low_threshold) {
      return fmt::format_to(ctx.out(),
                            "{}, tau = {:g}, v_s = {:g}: no information sold; profit {:.10g}",
                            m.distribution, m.tau, m.seller_belief, m.profit);
    }
    return fmt::format_to(ctx.out(),
                          "{}, tau = {:g}, v_s = {:g}: full information on [{:.6g}, {:.6g}] at "
                          "price {:.6g}, lambda* = {:.6g}; profit {:.10g}{}",
                          m.distribution, m.tau, m.seller_belief, m.low_threshold, m.high_threshold,
                          m.price, m.lambda, m.profit,
                          m.regular ? "" : " (irregular law: not ironed)");
  }
};

template <>
struct fmt::formatter<mechdesign::pricing::binary_type_menu> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::pricing::binary_type_menu& m, Ctx& ctx) const {
    if (!m.ok()) return fmt::format_to(ctx.out(), "{}", m.lp);
    return fmt::format_to(ctx.out(),
                          "low: {} (I = {:.6g}, t = {:.6g}), high: {} (I = {:.6g}, t = {:.6g}); "
                          "profit {:.10g}",
                          m.low, m.i_low, m.t_low, m.high, m.i_high, m.t_high, m.lp.profit);
  }
};

#endif  // MECHDESIGN_PRICING_FORMAT_HPP
