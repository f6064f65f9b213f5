#ifndef MECHDESIGN_MECHANISM_SPECIAL_CASES_HPP
#define MECHDESIGN_MECHANISM_SPECIAL_CASES_HPP

/// \file
/// \brief Classical solutions as special cases of the neutral procedural solution: Myerson's
/// neutral bargaining solution for two players (Theorem 5), the consistent NTU value for
/// complete information (Theorem 4, eq. (5.3)), and the Shapley value of a TU game.
///
/// Reference: 003_c8f96a2253701fcb.txt §5, Theorems 4 and 5; the TU case is the remark in §1
/// (the Shapley value is the average of a player's marginal contribution to the grand coalition
/// and his values in the subgames with |N| − 1 players).

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/prior.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/mechanism/neutral_procedural.hpp"

namespace mechdesign {

/// \brief Myerson's (1984a) neutral bargaining solution of a two-person Bayesian bargaining
/// problem, as the neutral procedural solution (003 Theorem 5).
/// \throws model_error unless the problem has exactly two players; as neutral_procedural_solution.
[[nodiscard]] inline nps_result neutral_bargaining_solution(const bayesian_problem<double>& problem,
                                                            const nps_options& options = {}) {
  if (problem.num_players() != 2) {
    throw model_error(
        fmt::format("neutral_bargaining_solution: {} players, expected 2", problem.num_players()));
  }
  return neutral_procedural_solution(problem, options);
}

/// \brief The consistent NTU value of a game with complete information (every player has one
/// type), as its neutral procedural value (003 Theorem 4, eq. (5.3)); one entry per player.
/// status and message are the solution's: ok() iff every coalition is decided (see
/// nps_outcome; solution.verified iff all are certified at ε = 0).
struct consistent_value_result : result_base {
  Eigen::VectorXd value;  ///< U_i of the grand coalition's threat (empty if not computed)
  nps_result solution;    ///< the full solution with its certificates
};

/// \brief The consistent NTU value (003 Theorem 4) of a complete-information game.
/// \throws model_error if some player has more than one type; as neutral_procedural_solution.
[[nodiscard]] inline consistent_value_result consistent_ntu_value(
    const bayesian_problem<double>& problem, const nps_options& options = {}) {
  for (int i = 0; i < problem.num_players(); ++i) {
    if (problem.types().num_types(i) != 1) {
      throw model_error(fmt::format(
          "consistent_ntu_value: player {} has {} types; complete information needs one", i,
          problem.types().num_types(i)));
    }
  }
  consistent_value_result r;
  r.solution = neutral_procedural_solution(problem, options);
  r.status = r.solution.status;
  r.message = r.solution.message;
  const coalition grand_coalition = coalition::grand(problem.num_players());
  for (const auto& c : r.solution.coalitions) {
    if (c.members != grand_coalition || c.interim.empty()) continue;
    r.value.resize(problem.num_players());
    for (int i = 0; i < problem.num_players(); ++i)
      r.value(i) = c.interim[static_cast<std::size_t>(i)](0);
  }
  return r;
}

/// \brief A transferable-utility game v(S) as a Bayesian problem: one type per player, one
/// decision per coalition worth v(S) (shared equally before transfers) and free ex-post
/// balanced transfers.
/// \throws invalid_argument for fewer than one or more than 12 players; non_finite_error if some
/// v(S) is not finite.
inline bayesian_problem<double> tu_game(int num_players,
                                        const std::function<double(const coalition&)>& worth) {
  if (num_players < 1 || num_players > 12) {
    throw invalid_argument(fmt::format("tu_game: {} players (1 to 12 supported)", num_players));
  }
  std::vector<Eigen::VectorXd> marginals(static_cast<std::size_t>(num_players),
                                         Eigen::VectorXd::Ones(1));
  bayesian_problem<double> p(prior<>::independent(marginals));
  for (std::uint64_t mask = 1; mask < (std::uint64_t{1} << num_players); ++mask) {
    const coalition s = coalition::from_mask(mask);
    const double v = worth(s);
    if (!std::isfinite(v)) {
      throw non_finite_error(fmt::format("tu_game: v({}) is not finite", s.to_string()));
    }
    p.set_decisions(s, {fmt::format("v{}", s.to_string())},
                    [v, n = s.size()](int, index_t, const profile&) { return v / n; });
  }
  p.set_money(budget_rule::ex_post_balanced);
  return p;
}

/// \brief The Shapley value of the TU game \p worth, computed as the neutral procedural value of
/// tu_game() (003 §1, Theorem 4 with transferable utility).
[[nodiscard]] inline consistent_value_result shapley_value(
    int num_players, const std::function<double(const coalition&)>& worth,
    const nps_options& options = {}) {
  return consistent_ntu_value(tu_game(num_players, worth), options);
}

}  // namespace mechdesign

#endif  // MECHDESIGN_MECHANISM_SPECIAL_CASES_HPP
