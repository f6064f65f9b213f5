#ifndef MECHDESIGN_PERSUASION_DETAIL_STRUCTURE_LP_HPP
#define MECHDESIGN_PERSUASION_DETAIL_STRUCTURE_LP_HPP

/// \file
/// \brief Internal: the polytope of IC information structures at a belief as LP rows.
///
/// Columns π(a|ω) ∈ [0, 1] (index ω·|A| + a), one row Σ_a π(a|ω) = 1 per state and, for every
/// pair a ≠ a', the obedience row Σ_ω β(ω)(u_r(a, ω) − u_r(a', ω)) π(a|ω) ≥ 0 — the IC
/// condition of 000_b82d6ff4761a0a82.txt §2 with the posterior's denominator multiplied out.
/// β is the prior for the bargaining set and a posterior for the ex-post deviations of eq. (7).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "mechdesign/lp/model.hpp"
#include "mechdesign/persuasion/problem.hpp"

namespace mechdesign::persuasion::detail {

/// The LP of IC structures at one belief; callers append columns and rows.
struct structure_lp {
  lp::model model;
  index_t states = 0;
  index_t actions = 0;
  Eigen::VectorXd belief;
  double scale = 1.0;  ///< 1 + the largest |payoff|, for detail::snap

  index_t col(index_t w, index_t a) const { return w * actions + a; }

  /// Terms Σ_ω β(ω) Σ_a π(a|ω) u(a, ω) of an expected payoff (u is |A|×|Ω|).
  std::vector<std::pair<index_t, double>> payoff_terms(const Eigen::MatrixXd& u) const {
    std::vector<std::pair<index_t, double>> t;
    const double sc = scale + u.cwiseAbs().maxCoeff();
    for (index_t w = 0; w < states; ++w) {
      if (belief(w) == 0.0) continue;
      for (index_t a = 0; a < actions; ++a) {
        const double c = snap(belief(w) * u(a, w), sc);
        if (c != 0.0) t.emplace_back(col(w, a), c);
      }
    }
    return t;
  }

  /// The structure read from an LP point: entries clipped to [0, 1] with LP noise below 1e-11
  /// set to 0, rows renormalised.
  information_structure read(const Eigen::VectorXd& x) const {
    information_structure pi(states, actions);
    for (index_t w = 0; w < states; ++w) {
      for (index_t a = 0; a < actions; ++a) {
        const double v = std::clamp(x(col(w, a)), 0.0, 1.0);
        pi(w, a) = v < 1e-11 ? 0.0 : v;
      }
      const double s = pi.row(w).sum();
      if (s > 0.0) pi.row(w) /= s;
    }
    return pi;
  }
};

/// Build the IC-structure LP of \p p at \p belief (a distribution over Ω, not necessarily
/// interior) with the given sense; the objective is left at zero.
inline structure_lp make_structure_lp(const problem& p, const Eigen::VectorXd& belief,
                                      lp::objective_sense sense) {
  structure_lp s{lp::model(sense), p.num_states(), p.num_actions(), belief, 1.0};
  s.scale = 1.0 + p.receiver().cwiseAbs().maxCoeff();
  for (index_t w = 0; w < s.states; ++w) {
    for (index_t a = 0; a < s.actions; ++a) {
      s.model.add_variable(fmt::format("pi({}|{})", a, w), 0.0, 1.0);
    }
  }
  for (index_t w = 0; w < s.states; ++w) {
    std::vector<std::pair<index_t, double>> row;
    for (index_t a = 0; a < s.actions; ++a) row.emplace_back(s.col(w, a), 1.0);
    s.model.add_row(fmt::format("sum({})", w), row, 1.0, 1.0);
  }
  const Eigen::MatrixXd& ur = p.receiver();
  for (index_t a = 0; a < s.actions; ++a) {
    for (index_t b = 0; b < s.actions; ++b) {
      if (a == b) continue;
      std::vector<std::pair<index_t, double>> row;
      for (index_t w = 0; w < s.states; ++w) {
        const double c = snap(belief(w) * (ur(a, w) - ur(b, w)), s.scale);
        if (c != 0.0) row.emplace_back(s.col(w, a), c);
      }
      if (row.empty()) continue;
      s.model.add_row(fmt::format("obey({}>{})", a, b), row, 0.0, lp::inf);
    }
  }
  return s;
}

}  // namespace mechdesign::persuasion::detail

#endif  // MECHDESIGN_PERSUASION_DETAIL_STRUCTURE_LP_HPP
