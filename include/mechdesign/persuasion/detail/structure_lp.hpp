#ifndef MECHDESIGN_PERSUASION_DETAIL_STRUCTURE_LP_HPP
#define MECHDESIGN_PERSUASION_DETAIL_STRUCTURE_LP_HPP

/// \file
/// \brief Internal: the polytope of IC information structures at a belief as LP rows.
///
/// Columns π(a|ω) ∈ [0, 1] (index ω·|A| + a), one row Σ_a π(a|ω) = 1 per state and, for every
/// pair a ≠ a', the obedience row Σ_ω β(ω)(u_r(a, ω) − u_r(a', ω)) π(a|ω) ≥ 0 — the IC
/// condition of 000_b82d6ff4761a0a82.txt §2 with the posterior's denominator multiplied out,
/// written by the information layer (information/detail/obedience_rows.hpp).
/// β is the prior for the bargaining set and a posterior for the ex-post deviations of eq. (7).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/information/detail/obedience_rows.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/persuasion/problem.hpp"

namespace mechdesign::persuasion::detail {

/// The LP of IC structures at one belief; callers append columns and rows.
struct structure_lp {
  lp::model model;
  index_t states = 0;
  index_t actions = 0;
  Eigen::VectorXd belief;
  double scale = 0.0;  ///< the largest |receiver payoff|: detail::snap is relative to it

  index_t col(index_t w, index_t a) const { return w * actions + a; }

  /// Terms Σ_ω β(ω) Σ_a π(a|ω) u(a, ω) of an expected payoff (u is |A|×|Ω|).
  std::vector<std::pair<index_t, double>> payoff_terms(const Eigen::MatrixXd& u) const {
    std::vector<std::pair<index_t, double>> t;
    // relative to this table's own scale, so payoffs of any magnitude (1e-13 included) are
    // kept unless they are rounding noise next to the table's largest entry
    const double sc = u.cwiseAbs().maxCoeff();
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
/// interior) with the given sense; the objective is left at zero. Throws dimension_error naming
/// \p where, before anything is built, if its |A|(|A| − 1) obedience rows of |Ω| entries exceed
/// mechdesign::detail::max_table_entries.
inline structure_lp make_structure_lp(
    const problem& p, const Eigen::VectorXd& belief, lp::objective_sense sense,
    const std::string& where = "persuasion: the IC-structure LP") {
  (void)mechdesign::detail::checked_product(
      mechdesign::detail::checked_product(p.num_actions(), p.num_actions(),
                                          "the IC-structure LP's obedience rows", where),
      p.num_states(), "the IC-structure LP's obedience coefficients", where);
  structure_lp s{lp::model(sense), p.num_states(), p.num_actions(), belief, 0.0};
  s.scale = p.receiver().cwiseAbs().maxCoeff();
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
  information::detail::obedience_rows(
      p.receiver(), belief, [&](index_t w, index_t a) { return s.col(w, a); },
      [&](index_t a, index_t b, std::vector<std::pair<index_t, double>> row) {
        if (!row.empty())
          s.model.add_row(fmt::format("obey({}>{})", a, b), std::move(row), 0.0, lp::inf);
      },
      s.scale);
  return s;
}

/// The max-min-gain LP (000 §3.3 and the start of the weighted Nash solution, §4): the
/// IC-structure LP at the prior with a column g (the objective, bounded by ±(1 + 2·scale)) and
/// the rows E(u_i|π) − g ≥ d_i, one per agent, from row first_gain_row on. Its optimum is the
/// largest g such that an IC structure gives every agent at least d_i + g; the duals of the gain
/// rows are the weights y of the dual certificate.
struct max_min_gain_lp {
  structure_lp lp;
  index_t gain = -1;            ///< the column g
  index_t first_gain_row = -1;  ///< row of agent 0's gain row; agent i's is first_gain_row + i
};

/// Build the max-min-gain LP of \p p against the disagreement payoffs \p d (sizes checked by
/// the caller).
inline max_min_gain_lp make_max_min_gain_lp(const problem& p, const Eigen::VectorXd& d) {
  max_min_gain_lp g{make_structure_lp(p, p.prior(), lp::objective_sense::maximize), -1, -1};
  double scale = d.size() > 0 ? d.cwiseAbs().maxCoeff() : 0.0;
  for (int i = 0; i < p.num_agents(); ++i) {
    scale = std::max(scale, p.agent(i).cwiseAbs().maxCoeff());
  }
  g.gain = g.lp.model.add_variable("g", -1.0 - 2.0 * scale, 1.0 + 2.0 * scale, 1.0);
  g.first_gain_row = g.lp.model.num_rows();
  for (int i = 0; i < p.num_agents(); ++i) {
    auto row = g.lp.payoff_terms(p.agent(i));
    row.emplace_back(g.gain, -1.0);
    g.lp.model.add_row(fmt::format("gain({})", i), row, d(i), lp::inf);
  }
  return g;
}

}  // namespace mechdesign::persuasion::detail

#endif  // MECHDESIGN_PERSUASION_DETAIL_STRUCTURE_LP_HPP
