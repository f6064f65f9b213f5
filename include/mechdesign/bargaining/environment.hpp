#ifndef MECHDESIGN_BARGAINING_ENVIRONMENT_HPP
#define MECHDESIGN_BARGAINING_ENVIRONMENT_HPP

/// \file
/// \brief The two-player single-good bargaining environment with transfers: type sets, bargaining
/// power β, independent beliefs p, and its expression as a quasi-linear bayesian_problem.
///
/// Reference: 002_d7418a08844545d3.txt §2.1 (outcomes x = (q1, q2, τ1, τ2, τM), feasibility
/// q1 + q2 ≤ 1 and τ1 + τ2 + τM ≤ 0, payoff q_i t_i + τ_i), §2.2 (incentive-compatible
/// allocations and the set U(p) of their interim payoff vectors), §2.6 (β1 = β, β2 = 1 − β).
///
/// Encoding in the foundation: three decisions per profile, "nobody gets the good", "player 1
/// gets it", "player 2 gets it" (so q1 + q2 ≤ 1), u_i(d, t) = t_i when d gives player i the good,
/// and free transfers under budget_rule::ex_post_balanced. The paper lets a mediator absorb money
/// (τ1 + τ2 ≤ 0); with independent types this does not change the Pareto frontier of U(p): an
/// ex-ante surplus can be handed to player 1 as a lump sum (IC is unaffected) and an ex-ante
/// balanced transfer scheme can be re-balanced profile by profile with the same interim
/// transfers. Players are 0-based in code (player 1 of the paper is index 0).

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/prior.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/type_space.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign::bargaining {

/// \brief Decision indices of the encoding (see the file comment).
enum decision : index_t { nobody = 0, player1_gets = 1, player2_gets = 2 };

/// \brief Values (types) of both players and player 1's bargaining power β.
///
/// Each type set is a nonempty, strictly increasing list of finite values; a one-element set
/// models a known type. β1 = β is the probability that player 1 proposes, β2 = 1 − β.
class bargaining_environment {
 public:
  /// \brief The environment with type sets \p values1, \p values2 and power \p beta of player 1
  /// (002 §2.1, §2.6).
  /// \throws dimension_error (empty type set), non_finite_error (NaN/inf value or β),
  /// model_error (values not strictly increasing), distribution_error (β outside [0, 1]).
  bargaining_environment(Eigen::VectorXd values1, Eigen::VectorXd values2, double beta)
      : values_{std::move(values1), std::move(values2)}, beta_(beta) {
    for (int i = 0; i < 2; ++i) {
      const Eigen::VectorXd& v = values_[static_cast<std::size_t>(i)];
      if (v.size() == 0) {
        throw dimension_error(
            fmt::format("bargaining::bargaining_environment: player {} has no types", i));
      }
      for (index_t k = 0; k < v.size(); ++k) {
        if (!std::isfinite(v(k))) {
          throw non_finite_error(fmt::format(
              "bargaining::bargaining_environment: value of player {} type {} is not finite", i,
              k));
        }
        if (k > 0 && !(v(k - 1) < v(k))) {
          throw model_error(
              fmt::format("bargaining::bargaining_environment: values of player {} must increase "
                          "strictly, but type {} "
                          "has {} and type {} has {}",
                          i, k - 1, v(k - 1), k, v(k)));
        }
      }
    }
    check_power(beta_, "bargaining::bargaining_environment");
  }

  /// \brief Binary types T_i = {l_i, h_i} (002 §4), l_i < h_i.
  /// \throws the exceptions of the constructor.
  static bargaining_environment binary(double l1, double h1, double l2, double h2, double beta) {
    return bargaining_environment(Eigen::Vector2d(l1, h1), Eigen::Vector2d(l2, h2), beta);
  }

  /// \brief T_i as an increasing vector (i = 0 for the paper's player 1).
  const Eigen::VectorXd& values(int i) const {
    check_player(i);
    return values_[static_cast<std::size_t>(i)];
  }
  /// \brief |T_i|.
  index_t num_types(int i) const { return values(i).size(); }
  /// \brief Whether both players have exactly two types.
  bool is_binary() const noexcept { return values_[0].size() == 2 && values_[1].size() == 2; }
  /// \brief β = β_1, player 1's bargaining power.
  double power() const noexcept { return beta_; }
  /// \brief β_i: β for player 0, 1 − β for player 1 (002 §2.6).
  double power(int i) const {
    check_player(i);
    return i == 0 ? beta_ : 1.0 - beta_;
  }
  /// \brief The same type sets with bargaining power \p beta.
  /// \throws non_finite_error, distribution_error.
  bargaining_environment with_power(double beta) const {
    check_power(beta, "bargaining::bargaining_environment::with_power");
    bargaining_environment e = *this;
    e.beta_ = beta;
    return e;
  }

  /// \brief Throws index_error unless i ∈ {0, 1}.
  static void check_player(int i) {
    if (i != 0 && i != 1) {
      throw index_error(fmt::format("bargaining: player index {} is not 0 or 1", i));
    }
  }

 private:
  static void check_power(double beta, const char* what) {
    mechdesign::detail::require_probability(beta, "the bargaining power", what);
  }

  std::vector<Eigen::VectorXd> values_;
  double beta_;
};

/// \brief Independent beliefs p = (p_1, p_2): p_i is a distribution over T_i with every type
/// strictly positive (002 §2.2).
class beliefs {
 public:
  /// \brief Beliefs from two marginals.
  /// \throws non_finite_error, distribution_error (negative entry or sum ≠ 1),
  /// zero_probability_error (a type with probability 0: use a smaller type set instead).
  beliefs(Eigen::VectorXd p1, Eigen::VectorXd p2) : p_{std::move(p1), std::move(p2)} {
    for (int i = 0; i < 2; ++i) {
      const Eigen::VectorXd& v = p_[static_cast<std::size_t>(i)];
      mechdesign::detail::check_distribution<double>(
          v, 1e-9, fmt::format("bargaining::beliefs: player {}", i));
      for (index_t k = 0; k < v.size(); ++k) {
        if (!(v(k) > 0.0)) {
          throw zero_probability_error(fmt::format(
              "bargaining::beliefs: type {} of player {} has probability 0; drop it from the "
              "type set (a known type is a one-element type set)",
              k, i));
        }
      }
    }
  }

  /// \brief Binary beliefs given by the probabilities of the high types, p_i = p_i(h_i) (002 §4).
  /// \throws non_finite_error (NaN/inf), distribution_error (outside [0, 1]),
  /// zero_probability_error (exactly 0 or 1).
  static beliefs binary(double p1_high, double p2_high) {
    const double p[2] = {p1_high, p2_high};
    for (int i = 0; i < 2; ++i) {
      mechdesign::detail::require_probability(
          p[i], fmt::format("the probability of player {}'s high type", i),
          "bargaining::beliefs::binary");
      if (p[i] == 0.0 || p[i] == 1.0) {
        throw zero_probability_error(fmt::format(
            "bargaining::beliefs::binary: probability of player {}'s high type is {}; a known "
            "type is a one-element type set",
            i, p[i]));
      }
    }
    return beliefs(Eigen::Vector2d(1.0 - p1_high, p1_high),
                   Eigen::Vector2d(1.0 - p2_high, p2_high));
  }

  /// \brief The marginal p_i over T_i.
  const Eigen::VectorXd& marginal(int i) const {
    bargaining_environment::check_player(i);
    return p_[static_cast<std::size_t>(i)];
  }
  /// \brief p_i(h_i) for binary beliefs (the last entry in general).
  double high(int i) const {
    const Eigen::VectorXd& v = marginal(i);
    return v(v.size() - 1);
  }

  /// \brief Throws dimension_error unless the marginals match the type sets of \p env.
  void check_against(const bargaining_environment& env, const char* what) const {
    for (int i = 0; i < 2; ++i) {
      if (marginal(i).size() != env.num_types(i)) {
        throw dimension_error(fmt::format("{}: belief about player {} has {} entries for {} types",
                                          what, i, marginal(i).size(), env.num_types(i)));
      }
    }
  }

 private:
  std::vector<Eigen::VectorXd> p_;
};

/// \brief Decision labels of the encoding, in the order of enum decision.
inline std::vector<std::string> decision_labels() {
  return {"nobody gets the good", "player 1 gets the good", "player 2 gets the good"};
}

/// \brief The environment as a quasi-linear Bayesian problem whose grand-coalition IC mechanisms
/// are the IC allocations of 002 §2.2 (decisions, utilities and money as in the file comment).
/// \throws dimension_error if \p p does not match \p env.
inline bayesian_problem<double> to_bayesian_problem(const bargaining_environment& env,
                                                    const beliefs& p) {
  p.check_against(env, "bargaining::to_bayesian_problem");
  bayesian_problem<double> problem(prior<double>::independent({p.marginal(0), p.marginal(1)}));
  const type_space& types = problem.types();
  std::vector<Eigen::MatrixXd> u(2, Eigen::MatrixXd::Zero(3, types.num_profiles()));
  for (index_t j = 0; j < types.num_profiles(); ++j) {
    u[0](player1_gets, j) = env.values(0)(types.type_of(j, 0));
    u[1](player2_gets, j) = env.values(1)(types.type_of(j, 1));
  }
  problem.set_decisions(coalition{0, 1}, decision_labels(), std::move(u));
  problem.set_money(budget_rule::ex_post_balanced);
  return problem;
}

/// \brief An ex-post allocation χ : T → X read off a mechanism of to_bayesian_problem(): q_i(t1,
/// t2) and τ_i(t1, t2) as |T_1| × |T_2| tables (002 §2.2).
struct allocation {
  Eigen::MatrixXd good1;      ///< q_1(t1, t2): probability that player 1 gets the good
  Eigen::MatrixXd good2;      ///< q_2(t1, t2)
  Eigen::MatrixXd transfer1;  ///< τ_1(t1, t2), money received by player 1
  Eigen::MatrixXd transfer2;  ///< τ_2(t1, t2) (= −τ_1 under ex-post balance)
};

/// \brief The allocation of mechanism \p m of the grand coalition of to_bayesian_problem(env, ·)
/// (002 §2.2). \throws dimension_error on a shape mismatch.
inline allocation to_allocation(const bargaining_environment& env, const mechanism<double>& m) {
  const index_t n1 = env.num_types(0), n2 = env.num_types(1);
  if (m.probabilities.rows() != 3 || m.probabilities.cols() != n1 * n2 || m.transfers.rows() != 2 ||
      m.transfers.cols() != n1 * n2) {
    throw dimension_error(
        fmt::format("bargaining::to_allocation: mechanism is {}x{} with {}x{} transfers, expected "
                    "3x{} and 2x{}",
                    m.probabilities.rows(), m.probabilities.cols(), m.transfers.rows(),
                    m.transfers.cols(), n1 * n2, n1 * n2));
  }
  allocation a;
  a.good1.resize(n1, n2);
  a.good2.resize(n1, n2);
  a.transfer1.resize(n1, n2);
  a.transfer2.resize(n1, n2);
  for (index_t t2 = 0; t2 < n2; ++t2) {
    for (index_t t1 = 0; t1 < n1; ++t1) {
      const index_t j = t1 + n1 * t2;  // mixed radix, player 1 fastest (core/type_space.hpp)
      a.good1(t1, t2) = m.probabilities(player1_gets, j);
      a.good2(t1, t2) = m.probabilities(player2_gets, j);
      a.transfer1(t1, t2) = m.transfers(0, j);
      a.transfer2(t1, t2) = m.transfers(1, j);
    }
  }
  return a;
}

/// \brief Interim probability Q_i(t_i) = Σ_{t_{-i}} p_{-i}(t_{-i}) q_i(t_i, t_{-i}) of getting
/// the good, for every type of player \p i (002 Appendix C, q_i^x).
inline Eigen::VectorXd interim_good(const allocation& a, const beliefs& p, int i) {
  bargaining_environment::check_player(i);
  if (i == 0) return a.good1 * p.marginal(1);
  return a.good2.transpose() * p.marginal(0);
}

}  // namespace mechdesign::bargaining

#endif  // MECHDESIGN_BARGAINING_ENVIRONMENT_HPP
