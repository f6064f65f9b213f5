#ifndef MECHDESIGN_CORE_FORMAT_HPP
#define MECHDESIGN_CORE_FORMAT_HPP

/// \file
/// \brief fmt formatters for the core types: coalitions, the status vocabulary, IC and IR reports.

#include <fmt/format.h>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/result.hpp"

template <>
struct fmt::formatter<mechdesign::coalition> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::coalition& s, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{}", s.to_string());
  }
};

template <>
struct fmt::formatter<mechdesign::status> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(mechdesign::status s, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{}", mechdesign::to_string(s));
  }
};

template <class Scalar>
struct fmt::formatter<mechdesign::ic_report<Scalar>> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::ic_report<Scalar>& r, Ctx& ctx) const {
    if (r.player < 0) return fmt::format_to(ctx.out(), "incentive compatible (no misreport gains)");
    if (r.passed) {
      return fmt::format_to(ctx.out(), "incentive compatible (largest misreport gain {:.3g})",
                            mechdesign::detail::to_double(r.worst_violation));
    }
    return fmt::format_to(
        ctx.out(), "NOT incentive compatible: player {} type {} gains {:.6g} by reporting {}",
        r.player, r.type, mechdesign::detail::to_double(r.worst_violation), r.report);
  }
};

template <class Scalar>
struct fmt::formatter<mechdesign::ir_report<Scalar>> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::ir_report<Scalar>& r, Ctx& ctx) const {
    if (r.player < 0)
      return fmt::format_to(ctx.out(), "individually rational (no type below its reservation)");
    if (r.passed) {
      return fmt::format_to(ctx.out(), "individually rational (largest shortfall {:.3g})",
                            mechdesign::detail::to_double(r.worst_violation));
    }
    return fmt::format_to(
        ctx.out(), "NOT individually rational: player {} type {} is {:.6g} below its reservation",
        r.player, r.type, mechdesign::detail::to_double(r.worst_violation));
  }
};

#endif  // MECHDESIGN_CORE_FORMAT_HPP
