#ifndef MECHDESIGN_MECHANISM_FORMAT_HPP
#define MECHDESIGN_MECHANISM_FORMAT_HPP

/// \file
/// \brief fmt formatters for the mechanism results (003_c8f96a2253701fcb.txt §3-§5).

#include <fmt/format.h>

#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/core/format.hpp"
#include "mechdesign/lp/format.hpp"
#include "mechdesign/mechanism/efficiency.hpp"
#include "mechdesign/mechanism/primal.hpp"
#include "mechdesign/mechanism/selection.hpp"

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

#endif  // MECHDESIGN_MECHANISM_FORMAT_HPP
