#ifndef MECHDESIGN_PRICING_ENVIRONMENT_HPP
#define MECHDESIGN_PRICING_ENVIRONMENT_HPP

/// \file
/// \brief The finite selling-information model: states with the seller's belief, buyer actions
/// with payoffs u_b(a, x), buyer types (beliefs over states with probabilities) and the seller's
/// externality e(a, x) from the buyer's action.
///
/// Reference: 004_7f70667d8c91100b.txt §2 (eq. (1)) and §3. The paper's game is the instance
/// binary_environment(): two states, two actions, u_b(a, x) = 1{a = x} and e(a, x) = τ·1{a = x}
/// (the seller loses τ when the buyer matches the state). Only the buyer's own-action part u_b⁺
/// and the seller's loss u_s⁻ depend on what is sold (§3), so the other parts of (1) are dropped.
/// A general table covers competition (τ > 0), complements (τ < 0, Remark 2.1), third-party
/// sellers (e = 0) and state-dependent externalities.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <string>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/types.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign::pricing {

/// \brief A finite selling-information problem (see the file comment).
struct environment {
  Eigen::VectorXd seller_belief;       ///< the seller's belief over states (size S)
  Eigen::MatrixXd buyer_payoff;        ///< u_b(a, x): actions × states (A × S)
  Eigen::MatrixXd externality;         ///< e(a, x), the seller's loss: actions × states (A × S)
  Eigen::MatrixXd type_beliefs;        ///< row k: type k's belief over states (K × S)
  Eigen::VectorXd type_probabilities;  ///< probability of each type (size K)

  /// \brief Number of states S.
  index_t num_states() const noexcept { return seller_belief.size(); }
  /// \brief Number of buyer actions A (= messages of a direct rule, Proposition 3.2).
  index_t num_actions() const noexcept { return buyer_payoff.rows(); }
  /// \brief Number of buyer types K.
  index_t num_types() const noexcept { return type_beliefs.rows(); }
};

/// \brief Check sizes, finiteness and that all beliefs and the type distribution are
/// probability vectors (004_7f70667d8c91100b.txt §2).
/// \param where the public function being called, printed first in every message.
/// \throws dimension_error, non_finite_error or distribution_error naming the offending entry.
inline void validate(const environment& env, const std::string& where = "pricing::validate") {
  const index_t s = env.num_states(), a = env.num_actions(), k = env.num_types();
  if (s == 0) throw dimension_error(where + ": the model has no states");
  if (a == 0) throw dimension_error(where + ": the buyer has no actions");
  if (k == 0) throw dimension_error(where + ": the buyer has no types");
  if (env.buyer_payoff.cols() != s) {
    throw dimension_error(fmt::format("{}: buyer_payoff has {} columns for {} states", where,
                                      env.buyer_payoff.cols(), s));
  }
  if (env.externality.rows() != a || env.externality.cols() != s) {
    throw dimension_error(fmt::format("{}: externality is {}x{}, expected {}x{}", where,
                                      env.externality.rows(), env.externality.cols(), a, s));
  }
  if (env.type_beliefs.cols() != s) {
    throw dimension_error(fmt::format("{}: type_beliefs has {} columns for {} states", where,
                                      env.type_beliefs.cols(), s));
  }
  if (env.type_probabilities.size() != k) {
    throw dimension_error(fmt::format("{}: {} type probabilities for {} types", where,
                                      env.type_probabilities.size(), k));
  }
  using mechdesign::detail::require_distribution;
  using mechdesign::detail::require_finite;
  require_distribution(env.seller_belief, s, "seller_belief", where);
  require_finite(env.buyer_payoff, "buyer_payoff", where);
  require_finite(env.externality, "externality", where);
  for (index_t t = 0; t < k; ++t) {
    require_distribution(env.type_beliefs.row(t).transpose(), s,
                         fmt::format("type_beliefs row {}", t), where);
  }
  require_distribution(env.type_probabilities, k, "type_probabilities", where);
}

/// \brief The paper's binary game: P(X = 0) = seller_belief for the seller, v_b(k) for type k,
/// u_b(a, x) = 1{a = x}, e(a, x) = τ·1{a = x} (004_7f70667d8c91100b.txt eq. (1), §2).
/// State and action index 0 is x = 0, index 1 is x = 1.
/// \throws the exceptions of validate(); non_finite_error for a non-finite τ.
inline environment binary_environment(double tau, double seller_belief,
                                      const Eigen::Ref<const Eigen::VectorXd>& type_beliefs,
                                      const Eigen::Ref<const Eigen::VectorXd>& type_probabilities) {
  if (!std::isfinite(tau))
    throw non_finite_error(fmt::format("pricing::binary_environment: tau is {}", tau));
  if (!std::isfinite(seller_belief) || seller_belief < 0.0 || seller_belief > 1.0) {
    throw distribution_error(fmt::format(
        "pricing::binary_environment: seller belief {} is not in [0, 1]", seller_belief));
  }
  environment env;
  env.seller_belief.resize(2);
  env.seller_belief << seller_belief, 1.0 - seller_belief;
  env.buyer_payoff = Eigen::MatrixXd::Identity(2, 2);
  env.externality = tau * Eigen::MatrixXd::Identity(2, 2);
  env.type_beliefs.resize(type_beliefs.size(), 2);
  for (index_t k = 0; k < type_beliefs.size(); ++k) {
    const double v = type_beliefs(k);
    if (!std::isfinite(v) || v < 0.0 || v > 1.0) {
      throw distribution_error(
          fmt::format("pricing::binary_environment: type belief {} is {}, not in [0, 1]", k, v));
    }
    env.type_beliefs(k, 0) = v;
    env.type_beliefs(k, 1) = 1.0 - v;
  }
  env.type_probabilities = type_probabilities;
  validate(env, "pricing::binary_environment");
  return env;
}

/// \brief Expected payoff of the best action under \p belief without further information,
/// max_a Σ_x belief(x) u_b(a, x) (004_7f70667d8c91100b.txt eq. (7) for the binary game).
inline double no_information_value(const environment& env,
                                   const Eigen::Ref<const Eigen::VectorXd>& belief) {
  return (env.buyer_payoff * belief).maxCoeff();
}

}  // namespace mechdesign::pricing

#endif  // MECHDESIGN_PRICING_ENVIRONMENT_HPP
