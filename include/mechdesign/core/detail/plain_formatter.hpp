#ifndef MECHDESIGN_CORE_DETAIL_PLAIN_FORMATTER_HPP
#define MECHDESIGN_CORE_DETAIL_PLAIN_FORMATTER_HPP

/// \file
/// \brief The one base of mechdesign's fmt formatters: they take no format spec.

#include <fmt/format.h>

namespace mechdesign::detail {

/// Base for fmt::formatter specialisations of mechdesign types: parses an empty spec ("{}").
struct plain_formatter {
  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    return ctx.begin();
  }
};

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_CORE_DETAIL_PLAIN_FORMATTER_HPP
