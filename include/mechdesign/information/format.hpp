#ifndef MECHDESIGN_INFORMATION_FORMAT_HPP
#define MECHDESIGN_INFORMATION_FORMAT_HPP

/// \file
/// \brief fmt formatter for the information layer's report, so that fmt::print("{}", report)
/// gives a one-line summary (000_b82d6ff4761a0a82.txt §2, 004_7f70667d8c91100b.txt Def. 3.5).

#include <fmt/format.h>

#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/information/obedience.hpp"

template <>
struct fmt::formatter<mechdesign::information::obedience_report>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::information::obedience_report& r, Ctx& ctx) const {
    if (r.passed) {
      return fmt::format_to(ctx.out(), "obedient (largest deviation gain {:.3g})", r.worst_gain);
    }
    return fmt::format_to(ctx.out(),
                          "NOT obedient: after recommendation {} the decision maker gains {:.6g} "
                          "by taking {}",
                          r.recommended, r.worst_gain, r.deviation);
  }
};

#endif  // MECHDESIGN_INFORMATION_FORMAT_HPP
