#ifndef MECHDESIGN_PERSUASION_FORMAT_HPP
#define MECHDESIGN_PERSUASION_FORMAT_HPP

/// \file
/// \brief fmt formatters for the persuasion results, so that fmt::print("{}", result) gives a
/// one-line report (000_b82d6ff4761a0a82.txt §3–§4). The obedience report's formatter is the
/// information layer's (information/format.hpp, included here).

#include <fmt/format.h>

#include <Eigen/Core>
#include <string>
#include <vector>

#include "mechdesign/core/detail/plain_formatter.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/information/format.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/persuasion/agreement_conditions.hpp"
#include "mechdesign/persuasion/bargaining_set.hpp"
#include "mechdesign/persuasion/beneficial.hpp"
#include "mechdesign/persuasion/dominance.hpp"
#include "mechdesign/persuasion/nash.hpp"
#include "mechdesign/persuasion/privacy.hpp"
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
struct fmt::formatter<mechdesign::persuasion::lottery_result>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::lottery_result& r, Ctx& ctx) const {
    using mechdesign::persuasion::detail::show_vector;
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "Theorem 1 LP {}: {}", mechdesign::to_string(r.status),
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
      return fmt::format_to(ctx.out(), "dominance LP {}: {}", mechdesign::to_string(r.status),
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
      return fmt::format_to(ctx.out(), "bargaining LP {}: {}", mechdesign::to_string(r.status),
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
    if (!r.ok() && r.status != mechdesign::status::iteration_limit) {
      return fmt::format_to(ctx.out(), "Nash solution {}: {}", mechdesign::to_string(r.status),
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
      return fmt::format_to(ctx.out(), "robustness LP {}: {}", mechdesign::to_string(r.status),
                            r.message);
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
    if (r.passed) return fmt::format_to(ctx.out(), "selection environment (Definition 2 holds)");
    return fmt::format_to(ctx.out(), "Definition 2 fails{}: {}",
                          r.structural() ? " (structure holds)" : "", r.first_failure);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::action_support>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::action_support& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "action {}: LP {}: {}", r.action,
                            mechdesign::to_string(r.status), r.message);
    }
    return fmt::format_to(ctx.out(), "action {} {} (margin {:.6g} at belief {})", r.action,
                          r.attainable ? "attainable" : "not attainable", r.margin,
                          mechdesign::persuasion::detail::show_vector(r.belief));
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::agreement_test>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::agreement_test& r, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{}; disagreement structure {}", r.lottery,
                          r.disagreement_structure);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::constructed_agreement>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::constructed_agreement& r, Ctx& ctx) const {
    using mechdesign::persuasion::detail::show_vector;
    return fmt::format_to(ctx.out(),
                          "Lemma 1 structure ({}): payoffs {}, gains {}, epsilon {:.3g}, gamma "
                          "{:.3g}; {}",
                          r.beneficial ? "beneficial" : "NOT beneficial", show_vector(r.payoffs),
                          show_vector(r.gains), r.epsilon, r.gamma, r.ic);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::constant_sum_weights>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::constant_sum_weights& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "constant-sum LP {}: {}", mechdesign::to_string(r.status),
                            r.message);
    }
    if (!r.exists) return fmt::format_to(ctx.out(), "no constant-sum weights");
    return fmt::format_to(ctx.out(), "constant-sum weights {} (sum {:.6g}, residual {:.3g})",
                          mechdesign::persuasion::detail::show_vector(r.weights), r.constant,
                          r.residual);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::censorship_test>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::censorship_test& r, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "Proposition 1: censorship is {}beneficial{}; {}",
                          r.beneficial ? "" : "not ", r.hypotheses_hold ? "" : " (hypotheses fail)",
                          r.weights);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::winner_report> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::winner_report& r, Ctx& ctx) const {
    return fmt::format_to(ctx.out(),
                          "Proposition 2 {}: winners and losers {}, winner takes the most {} "
                          "(slack {})",
                          r.passed ? "applies" : "does not apply", r.winners_and_losers,
                          r.winner_takes_most,
                          mechdesign::persuasion::detail::show_vector(r.slack));
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::coalition_test>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::coalition_test& r, Ctx& ctx) const {
    int witnessed = 0;
    for (const auto& c : r.coalitions) witnessed += c.action >= 0 ? 1 : 0;
    return fmt::format_to(ctx.out(), "Theorem 2 for k = {} {}: {} of {} coalitions have a witness",
                          r.k, r.holds ? "holds" : "fails", witnessed, r.coalitions.size());
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::utopia_point> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::utopia_point& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "utopia LPs {}: {}", mechdesign::to_string(r.status),
                            r.message);
    }
    return fmt::format_to(ctx.out(), "utopia point {}",
                          mechdesign::persuasion::detail::show_vector(r.payoffs));
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::efficiency_report>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::efficiency_report& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "efficiency LP {}: {}", mechdesign::to_string(r.status),
                            r.message);
    }
    return fmt::format_to(ctx.out(), "{} (largest total gain without losers {:.3g})",
                          r.efficient ? "Pareto efficient" : "NOT Pareto efficient", r.total_gain);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::polygon> : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::polygon& r, Ctx& ctx) const {
    if (!r.ok()) {
      return fmt::format_to(ctx.out(), "polygon LPs {}: {}", mechdesign::to_string(r.status),
                            r.message);
    }
    std::vector<std::string> items;
    for (const auto& v : r.vertices) {
      items.push_back(mechdesign::persuasion::detail::show_vector(v));
    }
    return fmt::format_to(ctx.out(), "{} vertices ({} LPs): {}", r.vertices.size(), r.lps,
                          fmt::join(items, " "));
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::discreteness_report>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::discreteness_report& r, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{}{} (smallest margin {:.3g})",
                          r.discrete ? "discrete" : "NOT discrete",
                          r.incentive_compatible ? ", IC" : ", NOT IC", r.min_margin);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::theorem3_report>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::theorem3_report& r, Ctx& ctx) const {
    return fmt::format_to(ctx.out(),
                          "Theorem 3 {}: endorsement rule {} with total {:.6g} (max {:.6g}), "
                          "Pareto efficient {}, beneficial vs none {}, vs full {}; {}",
                          r.existence_holds() ? "holds" : "fails", r.is_endorsement, r.total,
                          r.max_total, r.pareto_efficient, r.beneficial_vs_no_information,
                          r.beneficial_vs_full_information, r.robustness);
  }
};

template <>
struct fmt::formatter<mechdesign::persuasion::category_check>
    : mechdesign::detail::plain_formatter {
  template <class Ctx>
  auto format(const mechdesign::persuasion::category_check& r, Ctx& ctx) const {
    return fmt::format_to(ctx.out(),
                          "categories ({}): IC {}, full trade {}, Pareto efficient {}, "
                          "beneficial {} (max-min gain {:.6g})",
                          fmt::join(r.categories, ", "), r.incentive_compatible, r.full_trade,
                          r.pareto_efficient, r.beneficial, r.surplus);
  }
};

#endif  // MECHDESIGN_PERSUASION_FORMAT_HPP
