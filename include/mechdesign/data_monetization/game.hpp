#ifndef MECHDESIGN_DATA_MONETIZATION_GAME_HPP
#define MECHDESIGN_DATA_MONETIZATION_GAME_HPP

/// \file
/// \brief The symmetric linear-quadratic game with a Gaussian common state and Gaussian private
/// types, its three instances (Cournot, Bertrand, beauty contest) and the benchmarks of §3.
///
/// Reference: 001_923d7a9e0fbe4058.txt §2.1 (best response (1), utility (2), Examples 1-3), §3
/// (no information, complete information (6), collusive first best (7)).
///
/// **Canonical normalisation** (the formulas of the source were lost; this is the library's own
/// and every instance is mapped into it). n ≥ 2 players, action a_i ∈ ℝ, common state θ, private
/// type t_i, and one interaction coefficient r on the *sum* of the others' actions:
///
///   u_i(a, θ, t_i) = a_i (θ + t_i + r Σ_{j≠i} a_j) − a_i² / 2,
///   best response  a_i = E_i[θ] + t_i + r Σ_{j≠i} E_i[a_j]            (eq. (1)).
///
/// r > 0: strategic complements, r < 0: substitutes. The library requires r ≠ 0 and
/// −1 < r < 1/(n−1): the complete-information matrix (1 + r) I − r J is then invertible and
/// positive definite, and the set of symmetric obedient mechanisms is compact (001 Remark 3).
/// Prior: θ ~ N(μ_θ, σ_θ²), t_i ~ N(μ_t, σ_t²) i.i.d., all independent. Welfare is Σ_i E[u_i]
/// with u_i as above (the paper's convention (2)). An instance's own payoff equals
/// payoff_scale × u_i plus a term that does not depend on the player's own action; the
/// instance structs state the map and convert moments back to their own units.

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign::data_monetization {

/// \brief Independent Gaussian prior on the state and the types (001 §2.1 "Information
/// structure").
struct gaussian_prior {
  double state_mean = 0.0;      ///< μ_θ
  double state_variance = 1.0;  ///< σ_θ² > 0
  double type_mean = 0.0;       ///< μ_t
  double type_variance = 1.0;   ///< σ_t² > 0
};

/// \brief The symmetric linear-quadratic game in the canonical normalisation (see the file
/// comment; 001 eqs. (1)-(2)).
class game {
 public:
  /// \brief n players, interaction coefficient r on Σ_{j≠i} a_j, and the prior (001 §2.1).
  /// \throws invalid_argument (n < 2, variances ≤ 0), non_finite_error, model_error (r = 0 or r
  /// outside (−1, 1/(n−1)), where the complete-information matrix is singular or the obedient
  /// set is unbounded, 001 Prop. 15 and Remark 3).
  game(int players, double interaction, gaussian_prior prior)
      : n_(players), r_(interaction), prior_(prior) {
    constexpr const char* where = "data_monetization::game";
    if (players < 2) {
      throw invalid_argument(fmt::format("{}: need at least 2 players, got {}", where, players));
    }
    mechdesign::detail::require_finite(r_, "the interaction coefficient r", where);
    mechdesign::detail::require_finite(prior_.state_mean, "the state mean", where);
    mechdesign::detail::require_finite(prior_.type_mean, "the type mean", where);
    mechdesign::detail::require_positive(prior_.state_variance, "the state variance", where);
    mechdesign::detail::require_positive(prior_.type_variance, "the type variance", where);
    if (r_ == 0.0) {
      throw model_error(fmt::format(
          "{}: r = 0 (no strategic interaction) is excluded: the obedience ellipse degenerates",
          where));
    }
    if (!(r_ > -1.0 && r_ * (n_ - 1) < 1.0)) {
      throw model_error(fmt::format(
          "{}: r = {} must lie in (-1, 1/(n-1)) = (-1, {}); outside it (1+r)I - rJ is singular or "
          "obedient mechanisms are unbounded",
          where, r_, 1.0 / (n_ - 1)));
    }
  }

  /// \brief Number of players n.
  int players() const { return n_; }
  /// \brief Interaction coefficient r (001 eq. (1)).
  double interaction() const { return r_; }
  /// \brief Aggregate interaction k = r (n − 1).
  double aggregate_interaction() const { return r_ * (n_ - 1); }
  /// \brief The prior.
  const gaussian_prior& prior() const { return prior_; }
  /// \brief True for strategic complements (r > 0).
  bool complements() const { return r_ > 0.0; }

  /// \brief The mean action of every obedient mechanism, (μ_θ + μ_t)/(1 − r(n−1)) (001 eq. (10)).
  double obedient_mean_action() const {
    return (prior_.state_mean + prior_.type_mean) / (1.0 - aggregate_interaction());
  }

 private:
  int n_;
  double r_;
  gaussian_prior prior_;
};

/// \brief Cournot competition (001 Example 1): inverse demand P_i = α − q_i − β Σ_{j≠i} q_j,
/// marginal cost c_i, profit q_i (P_i − c_i). State α, types c_i.
///
/// Map: a_i = q_i, θ = α/2, t_i = −c_i/2, r = −β/2; profit = 2 u_i exactly (payoff_scale 2).
struct cournot {
  int firms = 2;
  double substitution = 0.5;  ///< β, with −1/(n−1) < β < 1, β ≠ 0 (consumer utility concave)
  double demand_mean = 1.0;  ///< E[α]
  double demand_variance = 1.0;
  double cost_mean = 0.0;  ///< E[c_i]
  double cost_variance = 1.0;
  static constexpr double payoff_scale = 2.0;

  /// \brief The canonical game (001 Example 1).
  /// \throws model_error (β outside (−1/(n−1), 1) or 0) and the exceptions of game.
  game canonical() const {
    check();
    return game(firms, -substitution / 2.0,
                gaussian_prior{demand_mean / 2.0, demand_variance / 4.0, -cost_mean / 2.0,
                               cost_variance / 4.0});
  }

  /// \brief Throws unless the consumer's utility q ↦ αΣq − q'Bq/2 is strictly concave (001 §5.5).
  void check() const {
    if (firms < 2) throw invalid_argument("data_monetization::cournot: need at least 2 firms");
    mechdesign::detail::require_finite(substitution, "beta", "data_monetization::cournot");
    if (!(substitution > -1.0 / (firms - 1) && substitution < 1.0) || substitution == 0.0) {
      throw model_error(
          fmt::format("data_monetization::cournot: beta = {} must lie in (-1/(n-1), 1) \\ {{0}}",
                      substitution));
    }
  }
};

/// \brief Bertrand competition with differentiated goods (001 Example 2): demand
/// D_i = α − p_i + β Σ_{j≠i} p_j, marginal cost c_i, profit (p_i − c_i) D_i.
///
/// Map: a_i = p_i, θ = α/2, t_i = c_i/2, r = β/2; profit = 2 u_i − c_i (α + β Σ_{j≠i} p_j), so
/// welfare (canonical (2)) differs from total profit by a term the paper leaves out.
struct bertrand {
  int firms = 2;
  double substitution = 0.5;  ///< β, with −1 < β < 1/(n−1), β ≠ 0 (consumer utility concave)
  double demand_mean = 1.0;  ///< E[α]
  double demand_variance = 1.0;
  double cost_mean = 0.0;  ///< E[c_i]
  double cost_variance = 1.0;
  static constexpr double payoff_scale = 2.0;

  /// \brief The canonical game (001 Example 2).
  /// \throws model_error (β outside (−1, 1/(n−1)) or 0) and the exceptions of game.
  game canonical() const {
    check();
    return game(firms, substitution / 2.0,
                gaussian_prior{demand_mean / 2.0, demand_variance / 4.0, cost_mean / 2.0,
                               cost_variance / 4.0});
  }

  /// \brief Throws unless the demand system comes from a strictly concave consumer utility.
  void check() const {
    if (firms < 2) throw invalid_argument("data_monetization::bertrand: need at least 2 firms");
    mechdesign::detail::require_finite(substitution, "beta", "data_monetization::bertrand");
    if (!(substitution > -1.0 && substitution * (firms - 1) < 1.0) || substitution == 0.0) {
      throw model_error(
          fmt::format("data_monetization::bertrand: beta = {} must lie in (-1, 1/(n-1)) \\ {{0}}",
                      substitution));
    }
  }
};

/// \brief Beauty contest (001 Example 3): player i minimises
/// (1 − λ)(a_i − s − τ_i)² + λ (a_i − ā_{−i})², ā_{−i} the others' mean action, with
/// fundamental s ~ N(·,·) and idiosyncratic τ_i.
///
/// Map: θ = (1 − λ) s, t_i = (1 − λ) τ_i, r = λ/(n − 1); −loss = 2 u_i + (terms without a_i).
struct beauty_contest {
  int players = 2;
  double coordination = 0.5;  ///< λ ∈ (−(n−1), 1), λ ≠ 0
  double fundamental_mean = 1.0;
  double fundamental_variance = 1.0;
  double idiosyncratic_mean = 0.0;
  double idiosyncratic_variance = 1.0;
  static constexpr double payoff_scale = 2.0;

  /// \brief The canonical game (001 Example 3).
  /// \throws the exceptions of game (λ maps to r = λ/(n−1)).
  game canonical() const {
    if (players < 2)
      throw invalid_argument("data_monetization::beauty_contest: need at least 2 players");
    const double w = 1.0 - coordination;
    return game(players, coordination / (players - 1),
                gaussian_prior{w * fundamental_mean, w * w * fundamental_variance,
                               w * idiosyncratic_mean, w * w * idiosyncratic_variance});
  }
};

}  // namespace mechdesign::data_monetization

#endif  // MECHDESIGN_DATA_MONETIZATION_GAME_HPP
