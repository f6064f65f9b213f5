#ifndef MECHDESIGN_PERSUASION_FORMAT_HPP
#define MECHDESIGN_PERSUASION_FORMAT_HPP

/// \file
/// \brief fmt formatters for the persuasion results, so that fmt::print("{}", result) gives a
/// one-line report (000_b82d6ff4761a0a82.txt §3–§4).

#include <fmt/format.h>

#include <Eigen/Core>
#include <string>
#include <vector>

#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/persuasion/bargaining_set.hpp"
#include "mechdesign/persuasion/beneficial.hpp"
#include "mechdesign/persuasion/problem.hpp"
#include "mechdesign/persuasion/selection.hpp"

namespace mechdesign::persuasion::detail {

/// "(a, b, c)" with 6 significant digits.
inline std::string show_vector(const Eigen::VectorXd& v) {
  std::vector<std::string> items;
  for (index_t k = 0; k < v.size(); ++k) items.push_back(fmt::format("{:.6g}", v(k)));
  return fmt::format("({})", fmt::join(items, ", "));
}

}  // namespace mechdesign::persuasion::detail

template <>
struct fmt::formatter<mechdesign::persuasion::obedience_report>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::obedience_report& r, Ctx& ctx) const {
    if (r.ok) {
      return fmt::format_to(ctx.out(), "obedient (largest deviation gain {:.3g})", r.worst_gain);
    }
    return fmt::format_to(ctx.out(),
                          "NOT obedient: after recommendation {} the receiver gains {:.6g} by "
                          "taking {}",
                          r.recommended, r.worst_gain, r.deviation);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::lottery_result>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::lottery_result& r, Ctx& ctx) const {
    using mechdesign::persuasion::detail::show_vector;
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "Theorem 1 LP {}: {}", mechdesign::lp::to_string(r.status),
                            r.message);
    }
    if (r.beneficial) {
      return fmt::format_to(ctx.out(),
                            "beneficial agreement (Theorem 1 (ii)): lottery {} gives {} > d = {}, "
                            "smallest surplus {:.6g}",
                            show_vector(r.lottery), show_vector(r.payoffs),
                            show_vector(r.disagreement), r.surplus);
    }
    return fmt::format_to(ctx.out(),
                          "no beneficial agreement (Theorem 1 (iii) fails): weights y = {} give "
                          "max_a sum_i y_i (u_i(a) - d_i) = {:.3g}",
                          show_vector(r.weights), r.certificate_value);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::dominance_result>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::dominance_result& r, Ctx& ctx) const {
    using mechdesign::persuasion::detail::show_vector;
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "dominance LP {}: {}", mechdesign::lp::to_string(r.status),
                            r.message);
    }
    return fmt::format_to(ctx.out(), "{}: max-min gain {:.6g} at payoffs {}, dual weights {}",
                          r.beneficial ? "beneficial structure found" : "no beneficial structure",
                          r.surplus, show_vector(r.payoffs), show_vector(r.weights));
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::bargaining_point>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::bargaining_point& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "bargaining LP {}: {}", mechdesign::lp::to_string(r.status),
                            r.message);
    }
    return fmt::format_to(ctx.out(), "payoffs {} (LP value {:.10g})",
                          mechdesign::persuasion::detail::show_vector(r.payoffs), r.value);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::nash_result> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::nash_result& r, Ctx& ctx) const {
    using mechdesign::persuasion::detail::show_vector;
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "Nash solution {}: {}", mechdesign::lp::to_string(r.status),
                            r.message);
    }
    return fmt::format_to(ctx.out(),
                          "weighted Nash solution {} for alpha {}: log product {:.10g}, certified "
                          "gap {:.3g} ({} iterations, {} LPs){}",
                          show_vector(r.payoffs), show_vector(r.alpha), r.log_product,
                          r.optimality_gap, r.iterations, r.lps,
                          r.converged ? "" : " NOT converged");
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::robustness_report>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::robustness_report& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "robustness LP {}", mechdesign::lp::to_string(r.status));
    }
    if (r.robust) {
      return fmt::format_to(
          ctx.out(), "robust to ex-post deviations (eq. (7); largest gain {:.3g})", r.worst_gain);
    }
    return fmt::format_to(ctx.out(),
                          "NOT robust (eq. (7)): after recommendation {} agent {} gains {:.6g} "
                          "with another IC structure",
                          r.recommendation, r.agent, r.worst_gain);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::selection_report>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::selection_report& r, Ctx& ctx) const {
    if (r.ok()) return fmt::format_to(ctx.out(), "selection environment (Definition 2 holds)");
    return fmt::format_to(ctx.out(), "Definition 2 fails{}: {}",
                          r.structural() ? " (structure holds)" : "", r.first_failure);
  }
};

#endif  // MECHDESIGN_PERSUASION_FORMAT_HPP
