#ifndef MECHDESIGN_MECHANISM_FORMAT_HPP
#define MECHDESIGN_MECHANISM_FORMAT_HPP

/// \file
/// \brief fmt formatters for the mechanism results (003_c8f96a2253701fcb.txt §3-§5): one line
/// each, starting with what was computed and its status.

#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <string>

#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/core/format.hpp"
#include "mechdesign/lp/format.hpp"
#include "mechdesign/mechanism/design.hpp"
#include "mechdesign/mechanism/efficiency.hpp"
#include "mechdesign/mechanism/neutral_procedural.hpp"
#include "mechdesign/mechanism/nps_certificate.hpp"
#include "mechdesign/mechanism/nps_result.hpp"
#include "mechdesign/mechanism/primal.hpp"
#include "mechdesign/mechanism/random_dictatorship.hpp"
#include "mechdesign/mechanism/selection.hpp"
#include "mechdesign/mechanism/special_cases.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"
#include "mechdesign/mechanism/warranted_claims.hpp"

namespace mechdesign::detail {

// "[a, b, c]" of an Eigen vector, %.6g per entry.
template <class Out>
Out format_vector(Out out, const Eigen::VectorXd& v) {
  return fmt::format_to(out, "[{:.6g}]", fmt::join(v.data(), v.data() + v.size(), ", "));
}

// Appends "; message" when there is one.
template <class Out>
Out format_message(Out out, const std::string& message) {
  if (message.empty()) return out;
  return fmt::format_to(out, "; {}", message);
}

// How many of \p items have each nps_outcome (\p outcome_of gives an item's), indexed by the
// enum's value: [0] undecided, [1] epsilon_certified, [2] degenerate_certified, [3] certified.
static_assert(static_cast<int>(nps_outcome::undecided) == 0 &&
                  static_cast<int>(nps_outcome::certified) == 3,
              "count_outcomes indexes by nps_outcome's value: undecided 0 ... certified 3");
template <class Range, class Outcome>
std::array<int, 4> count_outcomes(const Range& items, Outcome outcome_of) {
  std::array<int, 4> counts{};
  for (const auto& x : items) ++counts[static_cast<std::size_t>(outcome_of(x))];
  return counts;
}

// "3 certified, 0 degenerate_certified, 0 epsilon_certified, 0 undecided": strongest first.
template <class Out>
Out format_outcome_counts(Out out, const std::array<int, 4>& counts) {
  return fmt::format_to(
      out, "{} {}, {} {}, {} {}, {} {}", counts[3], to_string(nps_outcome::certified), counts[2],
      to_string(nps_outcome::degenerate_certified), counts[1],
      to_string(nps_outcome::epsilon_certified), counts[0], to_string(nps_outcome::undecided));
}

}  // namespace mechdesign::detail

template <>
struct fmt::formatter<mechdesign::primal_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::primal_result& r, Ctx& ctx) const {
    if (!r.ok())
      return fmt::format_to(ctx.out(), "primal (3.5) {}: {}", mechdesign::to_string(r.status),
                            r.message);
    return fmt::format_to(ctx.out(),
                          "primal (3.5) optimal: value {:.10g}, dual (3.7) {:.10g}, gap {:.3g}, "
                          "IC violation {:.3g}",
                          r.objective, r.dual_objective, r.duality_gap, r.ic_violation);
  }
};

template <>
struct fmt::formatter<mechdesign::efficiency_conditions<double>>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::efficiency_conditions<double>& c, Ctx& ctx) const {
    return fmt::format_to(ctx.out(),
                          "Proposition 1 conditions {}: IC {:.3g}, (3.8a) {:.3g}, (3.8b) {:.3g}, "
                          "money {:.3g}, min lambda {:.6g}",
                          c.passed ? "hold" : "FAIL", c.ic_violation, c.complementary_slackness,
                          c.virtual_optimality, c.transfer_imbalance, c.min_weight);
  }
};

template <>
struct fmt::formatter<mechdesign::efficiency_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::efficiency_result& r, Ctx& ctx) const {
    auto out =
        fmt::format_to(ctx.out(), "incentive efficiency: {}", mechdesign::to_string(r.verdict));
    if (!r.ok()) out = fmt::format_to(out, " ({})", mechdesign::to_string(r.status));
    if (r.efficient()) {
      out = fmt::format_to(out, " (min lambda {:.6g}; residuals (3.8a) {:.3g}, (3.8b) {:.3g})",
                           r.conditions.min_weight, r.conditions.complementary_slackness,
                           r.conditions.virtual_optimality);
    }
    return mechdesign::detail::format_message(out, r.message);
  }
};

template <>
struct fmt::formatter<mechdesign::selection_feasibility> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::selection_feasibility& r, Ctx& ctx) const {
    auto out =
        fmt::format_to(ctx.out(), "feasible (Definition 1): {}; {}", r.passed ? "yes" : "NO", r.ic);
    if (r.player >= 0) {
      out = fmt::format_to(out, "; participation shortfall {:.6g} (player {} type {})",
                           r.participation_shortfall, r.player, r.type);
    }
    return out;
  }
};

template <>
struct fmt::formatter<mechdesign::safety_report> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::safety_report& r, Ctx& ctx) const {
    return fmt::format_to(ctx.out(),
                          "safe (4.12a-b): {}; dictator IC {:.3g}, conditional IC {:.3g}, "
                          "(4.12b) gap {:.3g}",
                          r.passed ? "yes" : "NO", r.dictator_ic_violation,
                          r.conditional_ic_violation, r.participation_gap);
  }
};

template <>
struct fmt::formatter<mechdesign::strong_solution_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::strong_solution_result& r, Ctx& ctx) const {
    auto out = fmt::format_to(ctx.out(), "strong solution: {}", mechdesign::to_string(r.verdict));
    if (!r.ok()) out = fmt::format_to(out, " ({})", mechdesign::to_string(r.status));
    if (r.exists()) {
      out = fmt::format_to(out, " (dictator utilities ");
      out = mechdesign::detail::format_vector(out, r.dictator_utilities);
      out = fmt::format_to(out, ")");
    }
    return mechdesign::detail::format_message(out, r.message);
  }
};

template <>
struct fmt::formatter<mechdesign::warrant_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::warrant_result& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "warranted claims (4.11) {}: {}",
                            mechdesign::to_string(r.status), r.message);
    }
    auto out = fmt::format_to(ctx.out(), "warranted claims (4.11) ");
    out = mechdesign::detail::format_vector(out, r.claims);
    out = fmt::format_to(out, ", equation residual {:.3g}", r.equation_residual);
    return mechdesign::detail::format_message(out, r.message);
  }
};

template <>
struct fmt::formatter<mechdesign::random_dictatorship_result>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::random_dictatorship_result& r, Ctx& ctx) const {
    auto out = fmt::format_to(ctx.out(), "conditional random dictatorship {}",
                              mechdesign::to_string(r.status));
    if (!r.outcomes.empty()) out = fmt::format_to(out, " ({})", fmt::join(r.outcomes, "; "));
    return mechdesign::detail::format_message(out, r.message);
  }
};

template <>
struct fmt::formatter<mechdesign::nps_outcome> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(mechdesign::nps_outcome o, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{}", mechdesign::to_string(o));
  }
};

template <>
struct fmt::formatter<mechdesign::coalition_solution> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::coalition_solution& c, Ctx& ctx) const {
    using mechdesign::nps_outcome;
    auto out = fmt::format_to(ctx.out(), "coalition {}: {}, {}", c.members.to_string(),
                              mechdesign::to_string(c.status), mechdesign::to_string(c.outcome));
    if (c.local_outcome != c.outcome) {
      out = fmt::format_to(out, " (own conditions {})", mechdesign::to_string(c.local_outcome));
    }
    if (c.interim.empty()) return mechdesign::detail::format_message(out, c.message);
    out = fmt::format_to(out, "; U");
    for (const auto& u : c.interim) {
      out = fmt::format_to(out, " ");
      out = mechdesign::detail::format_vector(out, u);
    }
    out = fmt::format_to(out, "; NPS2 residual {:.3g}, warrant {:.3g}, gap {:.3g}, epsilon {:.3g}",
                         c.nps2_residual, c.warrant_residual, c.duality_gap, c.epsilon);
    if (c.local_outcome == nps_outcome::epsilon_certified) {
      out = fmt::format_to(out, " (target {:.3g})", c.approximation.epsilon_target);
    } else if (c.local_outcome == nps_outcome::degenerate_certified) {
      out = fmt::format_to(out, "; limit warrant {:.3g} (accepted {:.3g}), {} path points",
                           c.approximation.limit_warrant_residual, c.approximation.limit_tolerance,
                           c.epsilon_path.size());
    }
    return mechdesign::detail::format_message(out, c.message);
  }
};

template <>
struct fmt::formatter<mechdesign::nps_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::nps_result& r, Ctx& ctx) const {
    int verified = 0;
    for (const auto& c : r.coalitions) verified += c.verified ? 1 : 0;
    auto out =
        fmt::format_to(ctx.out(), "neutral procedural solution {}: {} of {} coalitions verified (",
                       mechdesign::to_string(r.status), verified, r.coalitions.size());
    out = mechdesign::detail::format_outcome_counts(
        out, mechdesign::detail::count_outcomes(
                 r.coalitions, [](const mechdesign::coalition_solution& c) { return c.outcome; }));
    out = fmt::format_to(out, ")");
    return mechdesign::detail::format_message(out, r.message);
  }
};

template <>
struct fmt::formatter<mechdesign::nps_approximation_check> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::nps_approximation_check& c, Ctx& ctx) const {
    auto out = fmt::format_to(
        ctx.out(),
        "NPS approximation check {}: {}, epsilon {:.3g}, min "
        "lambda {:.3g}, {}",
        c.passed ? "passed" : "FAILED", mechdesign::to_string(c.outcome), c.epsilon, c.min_weight,
        c.incentive_efficient ? "incentive efficient" : "not incentive efficient");
    if (c.outcome == mechdesign::nps_outcome::degenerate_certified) {
      out = fmt::format_to(out, "; path {}, limit min lambda {:.3g}, limit warrant {:.3g}",
                           c.converging ? "converging" : "NOT converging", c.limit_min_weight,
                           c.limit_warrant_residual);
    }
    return mechdesign::detail::format_message(out, c.message);
  }
};

template <>
struct fmt::formatter<mechdesign::nps_certificate> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::nps_certificate& c, Ctx& ctx) const {
    auto out =
        fmt::format_to(ctx.out(),
                       "NPS certificate {}: NPS2 residual {:.3g}, warrant {:.3g}, gap {:.3g}, "
                       "epsilon {:.3g}, min lambda {:.3g}",
                       c.passed ? "passed" : "FAILED", c.nps2_residual, c.warrant_residual,
                       c.duality_gap, c.epsilon, c.conditions.min_weight);
    return mechdesign::detail::format_message(out, c.message);
  }
};

template <>
struct fmt::formatter<mechdesign::nps_check> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::nps_check& c, Ctx& ctx) const {
    int passed = 0;
    for (const auto& x : c.certificates) passed += x.passed ? 1 : 0;
    auto out = fmt::format_to(ctx.out(),
                              "neutral procedural check {}: {} of {} coalitions pass, singleton "
                              "shortfall {:.3g}; {} (re-checked: ",
                              c.passed ? "passed" : "FAILED", passed, c.certificates.size(),
                              c.singleton_shortfall, c.decided ? "decided" : "NOT decided");
    out = mechdesign::detail::format_outcome_counts(
        out, mechdesign::detail::count_outcomes(c.outcomes,
                                                [](mechdesign::nps_outcome o) { return o; }));
    out = fmt::format_to(out, ")");
    return mechdesign::detail::format_message(out, c.message);
  }
};

template <>
struct fmt::formatter<mechdesign::consistent_value_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::consistent_value_result& r, Ctx& ctx) const {
    auto out = fmt::format_to(ctx.out(), "consistent value {}", mechdesign::to_string(r.status));
    if (r.value.size() > 0) {
      out = fmt::format_to(out, ": ");
      out = mechdesign::detail::format_vector(out, r.value);
    }
    return mechdesign::detail::format_message(out, r.message);
  }
};

template <>
struct fmt::formatter<mechdesign::design_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::design_result& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "mechanism design {}: {}", mechdesign::to_string(r.status),
                            r.message);
    }
    return fmt::format_to(ctx.out(),
                          "mechanism design optimal: objective {:.10g}; re-checked IC {:.3g}, IR "
                          "{:.3g}, user rows {:.3g}",
                          r.objective, r.ic_violation, r.ir_violation, r.constraint_violation);
  }
};

#endif  // MECHDESIGN_MECHANISM_FORMAT_HPP
