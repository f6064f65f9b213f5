#ifndef MECHDESIGN_INFORMATION_DETAIL_OBEDIENCE_ROWS_HPP
#define MECHDESIGN_INFORMATION_DETAIL_OBEDIENCE_ROWS_HPP

/// \file
/// \brief Internal: the one place that writes obedience rows into an LP (persuasion's
/// structure LP, 000_b82d6ff4761a0a82.txt §2, and the optimal-menu LP, 004_7f70667d8c91100b.txt
/// program (10)). The rows are check_obedience()'s inequalities (information/obedience.hpp) with
/// the experiment's entries as LP columns.

#include <Eigen/Core>
#include <cmath>
#include <utility>
#include <vector>

#include "mechdesign/core/types.hpp"

namespace mechdesign::information::detail {

/// An LP coefficient with rounding noise removed: |c| ≤ 1e-12·scale becomes 0 (scale 0 removes
/// exact zeros only). Callers pass the largest |entry| of the data the coefficient comes from
/// (never an absolute floor such as 1 + max), so the snapping is relative to the data's scale:
/// multiplying every payoff by 10^k changes no snapping decision. Differences of payoffs that agree
/// up to rounding would otherwise enter the LP as 1e-17 entries, which wreck its scaling (seen: a
/// feasible LP reported infeasible).
inline double snap(double c, double scale) { return std::abs(c) <= 1e-12 * scale ? 0.0 : c; }

/// For every pair a ≠ a' of actions, the obedience row Σ_ω β(ω)(u(a, ω) − u(a', ω)) π(a|ω) ≥ 0
/// in the columns col(ω, a) of π(a|ω): calls add_row(a, a', terms) with the (column,
/// coefficient) terms in state order (coefficients snapped at \p scale; zero terms dropped
/// unless \p keep_zeros, so a row may be empty — the caller decides whether to keep it).
/// \p payoff is |A| × |Ω|, \p belief has |Ω| entries.
template <class Column, class AddRow>
void obedience_rows(const Eigen::Ref<const Eigen::MatrixXd>& payoff,
                    const Eigen::Ref<const Eigen::VectorXd>& belief, Column&& col, AddRow&& add_row,
                    double scale = 0.0, bool keep_zeros = false) {
  const index_t actions = payoff.rows(), states = payoff.cols();
  for (index_t a = 0; a < actions; ++a) {
    for (index_t b = 0; b < actions; ++b) {
      if (a == b) continue;
      std::vector<std::pair<index_t, double>> row;
      row.reserve(static_cast<std::size_t>(states));
      for (index_t w = 0; w < states; ++w) {
        const double c = snap(belief(w) * (payoff(a, w) - payoff(b, w)), scale);
        if (c != 0.0 || keep_zeros) row.emplace_back(col(w, a), c);
      }
      add_row(a, b, std::move(row));
    }
  }
}

}  // namespace mechdesign::information::detail

#endif  // MECHDESIGN_INFORMATION_DETAIL_OBEDIENCE_ROWS_HPP
