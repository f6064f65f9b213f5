#ifndef MECHDESIGN_BARGAINING_MONOPOLY_HPP
#define MECHDESIGN_BARGAINING_MONOPOLY_HPP

/// \file
/// \brief Monopoly payoffs M(t_i; p_{-i}) (3.2) and random monopoly payoffs β_i M_i (§3.2, Thm 2).
///
/// Reference: 002_d7418a08844545d3.txt eq. (3.2): the owner of the good, with value t_i, makes a
/// single take-it-or-leave-it price offer τ to the other player; M is the best expected payoff.
///
/// Tie rules. (3.2) is a supremum: with "buy iff t_{-i} > τ" the best price sits just below a
/// buyer value. The library evaluates the supremum by letting a buyer who is indifferent buy, so
/// price v sells to every type with t_{-i} ≥ v and yields P(t_{-i} < v) t_i + P(t_{-i} ≥ v) v.
/// Keeping the good yields t_i. When several choices attain M, the reported price is the lowest
/// one (the one with the most trade); keeping is reported only if no price does as well.

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <limits>

#include "mechdesign/bargaining/environment.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign::bargaining {

/// \brief The owner's optimal take-it-or-leave-it offer.
struct monopoly_offer {
  double payoff = 0.0;                                     ///< M(t_i; p_{-i})
  double price = std::numeric_limits<double>::infinity();  ///< +∞: keep the good
  double sale_probability = 0.0;                           ///< P(t_{-i} ≥ price)
};

/// \brief The monopoly problem (3.2) of an owner with value \p value facing buyer values
/// \p buyer_values (nondecreasing) with probabilities \p buyer_belief (a distribution, sum
/// 1 within 1e-9); tie rules in the file comment.
/// \throws dimension_error on a size mismatch, non_finite_error on NaN/inf, distribution_error if
/// the belief is not a distribution, invalid_argument if the values are not increasing.
inline monopoly_offer monopoly(double value, const Eigen::VectorXd& buyer_values,
                               const Eigen::VectorXd& buyer_belief) {
  if (buyer_values.size() != buyer_belief.size() || buyer_values.size() == 0) {
    throw dimension_error(fmt::format("bargaining::monopoly: {} buyer values and {} probabilities",
                                      buyer_values.size(), buyer_belief.size()));
  }
  if (!std::isfinite(value) || !buyer_values.allFinite() || !buyer_belief.allFinite()) {
    throw non_finite_error("bargaining::monopoly: a value or probability is not finite");
  }
  mechdesign::detail::require_distribution(buyer_belief, buyer_values.size(), "buyer_belief",
                                           "bargaining::monopoly");
  for (index_t k = 1; k < buyer_values.size(); ++k) {
    if (buyer_values(k) < buyer_values(k - 1)) {
      throw invalid_argument(fmt::format("bargaining::monopoly: buyer values decrease ({} then {})",
                                         buyer_values(k - 1), buyer_values(k)));
    }
  }
  monopoly_offer best;
  best.payoff = value;  // keep the good
  double below = 0.0;   // P(t_{-i} < v) for the current candidate price v
  monopoly_offer candidate_best;
  bool have_price = false;
  for (index_t k = 0; k < buyer_values.size(); ++k) {
    const double v = buyer_values(k);
    const double sale = 1.0 - below;
    const double payoff = below * value + sale * v;
    if (!have_price || payoff > candidate_best.payoff) {
      candidate_best = monopoly_offer{payoff, v, sale};
      have_price = true;
    }
    below += buyer_belief(k);
  }
  if (have_price && candidate_best.payoff >= best.payoff) best = candidate_best;
  return best;
}

/// \brief M(t_i; p_{-i}) of (3.2) for every type of player \p i (tie rules in the file comment).
/// \throws dimension_error, index_error.
inline Eigen::VectorXd monopoly_payoffs(const bargaining_environment& env, const beliefs& p,
                                        int i) {
  bargaining_environment::check_player(i);
  p.check_against(env, "bargaining::monopoly_payoffs");
  const int other = 1 - i;
  Eigen::VectorXd m(env.num_types(i));
  for (index_t t = 0; t < m.size(); ++t) {
    m(t) = monopoly(env.values(i)(t), env.values(other), p.marginal(other)).payoff;
  }
  return m;
}

/// \brief Random monopoly payoffs β_i M(t_i; p_{-i}) for every type of player \p i
/// (002 §3.2 and Theorem 2).
/// \throws dimension_error, index_error.
inline Eigen::VectorXd random_monopoly_payoffs(const bargaining_environment& env, const beliefs& p,
                                               int i) {
  return env.power(i) * monopoly_payoffs(env, p, i);
}

}  // namespace mechdesign::bargaining

#endif  // MECHDESIGN_BARGAINING_MONOPOLY_HPP
