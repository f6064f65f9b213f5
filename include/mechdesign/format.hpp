#ifndef MECHDESIGN_FORMAT_HPP
#define MECHDESIGN_FORMAT_HPP

/// \file
/// \brief fmt formatters for the public result types, so that fmt::print("{}", result) gives a
/// one-line report.

#include <fmt/format.h>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/incentives.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/verify.hpp"
#include "mechdesign/mechanism/efficiency.hpp"
#include "mechdesign/mechanism/primal.hpp"
#include "mechdesign/mechanism/selection.hpp"

namespace mechdesign::detail {

/// Base for formatters that take no format spec.
struct plain_formatter {
  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    return ctx.begin();
  }
};

}  // namespace mechdesign::detail

template <>
struct fmt::formatter<mechdesign::coalition> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::coalition& s, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{}", s.to_string());
  }
};

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
    auto out = fmt::format_to(ctx.out(), "lp {} ({}{}): objective {:.10g}, {} iterations{}{}",
                              mechdesign::lp::to_string(s.status), mechdesign::lp::to_string(s.used),
                              s.attempts > 1 ? fmt::format(", {} engine calls", s.attempts) : "",
                              s.objective, s.iterations, s.warm_started ? " (warm)" : "",
                              s.exact ? " (exact)" : "");
    if (s.check.tolerance > 0) out = fmt::format_to(out, "; {}", mechdesign::lp::describe(s.check));
    if (!s.message.empty() && !s.ok()) out = fmt::format_to(out, "; {}", s.message);
    return out;
  }
};

template <class Scalar>
struct fmt::formatter<mechdesign::ic_report<Scalar>> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::ic_report<Scalar>& r, Ctx& ctx) const {
    if (r.player < 0) return fmt::format_to(ctx.out(), "incentive compatible (no misreport gains)");
    if (r.ok) {
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
    if (r.ok) {
      return fmt::format_to(ctx.out(), "individually rational (largest shortfall {:.3g})",
                            mechdesign::detail::to_double(r.worst_violation));
    }
    return fmt::format_to(
        ctx.out(), "NOT individually rational: player {} type {} is {:.6g} below its reservation",
        r.player, r.type, mechdesign::detail::to_double(r.worst_violation));
  }
};

template <>
struct fmt::formatter<mechdesign::primal_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::primal_result& r, Ctx& ctx) const {
    if (!r.ok())
      return fmt::format_to(ctx.out(), "primal (3.5) {}: {}", mechdesign::lp::to_string(r.status),
                            r.message);
    return fmt::format_to(ctx.out(),
                          "primal (3.5) optimal: value {:.10g}, dual (3.7) {:.10g}, gap {:.3g}, "
                          "IC violation {:.3g}",
                          r.objective, r.dual_objective, r.duality_gap, r.ic_violation);
  }
};

template <>
struct fmt::formatter<mechdesign::efficiency_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::efficiency_result& r, Ctx& ctx) const {
    auto out =
        fmt::format_to(ctx.out(), "incentive efficiency: {}", mechdesign::to_string(r.verdict));
    if (r.efficient()) {
      out = fmt::format_to(out, " (min lambda {:.6g}; residuals (3.8a) {:.3g}, (3.8b) {:.3g})",
                           r.conditions.min_weight, r.conditions.complementary_slackness,
                           r.conditions.virtual_optimality);
    }
    if (!r.message.empty()) out = fmt::format_to(out, "; {}", r.message);
    return out;
  }
};

template <>
struct fmt::formatter<mechdesign::strong_solution_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::strong_solution_result& r, Ctx& ctx) const {
    auto out = fmt::format_to(ctx.out(), "strong solution: {}", mechdesign::to_string(r.status));
    if (r.exists()) {
      out = fmt::format_to(
          out, " (dictator utilities [{:.6g}])",
          fmt::join(r.dictator_utilities.data(),
                    r.dictator_utilities.data() + r.dictator_utilities.size(), ", "));
    }
    if (!r.message.empty()) out = fmt::format_to(out, "; {}", r.message);
    return out;
  }
};

#endif  // MECHDESIGN_FORMAT_HPP
