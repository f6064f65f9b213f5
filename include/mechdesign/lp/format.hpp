#ifndef MECHDESIGN_LP_FORMAT_HPP
#define MECHDESIGN_LP_FORMAT_HPP

/// \file
/// \brief fmt formatters for LP statuses, certificates and solutions.

#include <fmt/format.h>

#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/verify.hpp"

template <>
struct fmt::formatter<mechdesign::lp::solve_status> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(mechdesign::lp::solve_status s, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{}", mechdesign::lp::to_string(s));
  }
};

template <>
struct fmt::formatter<mechdesign::lp::solution> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::lp::solution& s, Ctx& ctx) const {
    auto out = fmt::format_to(
        ctx.out(), "lp {} ({}{}): objective {:.10g}, {} iterations{}{}",
        mechdesign::lp::to_string(s.status), mechdesign::lp::to_string(s.used),
        s.attempts > 1 ? fmt::format(", {} engine calls", s.attempts) : "", s.objective,
        s.iterations, s.warm_started ? " (warm)" : "", s.exact ? " (exact)" : "");
    if (s.check.tolerance > 0) out = fmt::format_to(out, "; {}", mechdesign::lp::describe(s.check));
    if (!s.message.empty() && !s.ok()) out = fmt::format_to(out, "; {}", s.message);
    return out;
  }
};

template <>
struct fmt::formatter<mechdesign::lp::verification> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::lp::verification& v, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{}", mechdesign::lp::describe(v));
  }
};

#endif  // MECHDESIGN_LP_FORMAT_HPP
