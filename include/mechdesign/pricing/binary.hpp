#ifndef MECHDESIGN_PRICING_BINARY_HPP
#define MECHDESIGN_PRICING_BINARY_HPP

/// \file
/// \brief Binary states and actions: the informativeness I ∈ [−1, 1] of a direct rule, the
/// buyer's gain (8), the obedience bounds on I, and the expected externality derived from the
/// model.
///
/// Reference: 004_7f70667d8c91100b.txt §3 (Table 1, (4)–(5)), §4 (Proposition 4.1,
/// Corollary 4.2, eq. (8), eq. (9)). Beliefs are v = P(X = 0). A direct rule is I_0 = P(m_0 | X=0)
/// and I_1 = P(m_1 | X=1); I = I_0 − I_1. On the ceiling of Proposition 4.1, I ≥ 0 means
/// I_0 = 1, I_1 = 1 − I and I ≤ 0 means I_0 = 1 + I, I_1 = 1.
///
/// Erratum (eq. (9)). The seller loses τ when the obedient buyer matches the state, so under the
/// seller's belief v_s the expected externality is τ(v_s I_0 + (1 − v_s) I_1), i.e.
/// c(I) = τ(1 − I(1{I ≥ 0} − v_s)): τ(1 + v_s I) for I ≤ 0 and τ(1 − (1 − v_s) I) for I ≥ 0.
/// Full information (I = 0) costs τ for every v_s. The printed eq. (9),
/// τv_s + τ(1 − 2v_s)(1 − v_s) − τ(1 − 2v_s) I (v_s + 1{I > 0}), gives τ(1 − 2v_s(1 − v_s)) at
/// I = 0; it is kept as printed_expected_externality() only to document the difference.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <utility>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign::pricing {

namespace detail {

inline void require_belief(double v, const char* what, const char* where) {
  mechdesign::detail::require_probability(v, what, where);
}

inline void require_informativeness(double i, const char* where) {
  mechdesign::detail::require_in_range(i, -1.0, 1.0, "the informativeness", where);
}

}  // namespace detail

/// \brief Informativeness I = P(m_0 | X=0) − P(m_1 | X=1) of a 2 × 2 direct rule
/// rule(x, a) = P(recommend a | x), an information::experiment (004_7f70667d8c91100b.txt §3,
/// Table 1).
/// \throws dimension_error unless the rule is 2 × 2.
inline double informativeness(const Eigen::Ref<const Eigen::MatrixXd>& rule) {
  if (rule.rows() != 2 || rule.cols() != 2) {
    throw dimension_error(
        fmt::format("informativeness: the rule is {}x{}, not 2x2", rule.rows(), rule.cols()));
  }
  return rule(0, 0) - rule(1, 1);
}

/// \brief The rule on the ceiling of Proposition 4.1 with informativeness \p i: one state is
/// revealed with certainty (004_7f70667d8c91100b.txt Proposition 4.1, Figure 3), as a 2 × 2
/// experiment rule(x, a).
/// \throws invalid_argument unless −1 ≤ i ≤ 1.
inline Eigen::Matrix2d ceiling_rule(double i) {
  detail::require_informativeness(i, "pricing::ceiling_rule");
  const double i0 = i >= 0.0 ? 1.0 : 1.0 + i, i1 = i >= 0.0 ? 1.0 - i : 1.0;
  Eigen::Matrix2d r;
  r(0, 0) = i0;
  r(0, 1) = 1.0 - i0;
  r(1, 0) = 1.0 - i1;
  r(1, 1) = i1;
  return r;
}

/// \brief The buyer's gain δ(I, v_b) = 1 − max(v_b, 1 − v_b) − I(1{I ≥ 0} − v_b) of an obeyed
/// ceiling rule (004_7f70667d8c91100b.txt Corollary 4.2, eq. (8)).
/// \throws invalid_argument or distribution_error on out-of-range arguments.
inline double gain(double i, double v_b) {
  detail::require_informativeness(i, "pricing::gain");
  detail::require_belief(v_b, "v_b", "pricing::gain");
  return 1.0 - std::max(v_b, 1.0 - v_b) - i * ((i >= 0.0 ? 1.0 : 0.0) - v_b);
}

/// \brief The range of I that type v_b obeys: [−1, v_b/(1 − v_b)] if v_b ≤ 1/2, else
/// [−(1 − v_b)/v_b, 1] (004_7f70667d8c91100b.txt (4)–(5) and §4 after Figure 4).
inline std::pair<double, double> obedience_bounds(double v_b) {
  detail::require_belief(v_b, "v_b", "pricing::obedience_bounds");
  if (v_b <= 0.5) return {-1.0, v_b >= 1.0 ? 1.0 : std::min(1.0, v_b / (1.0 - v_b))};
  return {-std::min(1.0, (1.0 - v_b) / v_b), 1.0};
}

/// \brief Expected externality of an obeyed ceiling rule under the seller's belief v_s,
/// c(I) = τ(1 − I(1{I ≥ 0} − v_s)), derived from the model (004_7f70667d8c91100b.txt §4, the
/// seller's cost; corrects eq. (9), see the file comment). c(0) = τ.
inline double expected_externality(double i, double v_s, double tau) {
  detail::require_informativeness(i, "pricing::expected_externality");
  detail::require_belief(v_s, "v_s", "pricing::expected_externality");
  return tau * (1.0 - i * ((i >= 0.0 ? 1.0 : 0.0) - v_s));
}

/// \brief Eq. (9) exactly as printed, τv_s + τ(1 − 2v_s)(1 − v_s) − τ(1 − 2v_s)I(v_s + 1{I > 0});
/// inconsistent with the model (004_7f70667d8c91100b.txt eq. (9)); for comparison only.
inline double printed_expected_externality(double i, double v_s, double tau) {
  detail::require_informativeness(i, "pricing::printed_expected_externality");
  detail::require_belief(v_s, "v_s", "pricing::printed_expected_externality");
  return tau * v_s + tau * (1.0 - 2.0 * v_s) * (1.0 - v_s) -
         tau * (1.0 - 2.0 * v_s) * i * (v_s + (i > 0.0 ? 1.0 : 0.0));
}

}  // namespace mechdesign::pricing

#endif  // MECHDESIGN_PRICING_BINARY_HPP
