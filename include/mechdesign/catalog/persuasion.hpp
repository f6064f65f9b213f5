#ifndef MECHDESIGN_CATALOG_PERSUASION_HPP
#define MECHDESIGN_CATALOG_PERSUASION_HPP

/// \file
/// \brief The examples of 000_b82d6ff4761a0a82.txt (multi-agent persuasion) as
/// persuasion::problem instances, so that users can reproduce the paper's numbers; the tests use
/// them as fixtures and the persuasion examples as their inputs. Opt-in: not part of the
/// umbrella header <mechdesign/mechdesign.hpp>.

#include <Eigen/Core>
#include <utility>
#include <vector>

#include "mechdesign/persuasion/problem.hpp"

namespace mechdesign::catalog {

/// \brief The electoral campaign of 000 §1 (and §4.1's selection environment): states and
/// actions 0 = Centrist best/elected (ω0 of Definition 2), 1 = Left, 2 = Right; prior (0.8, 0.1,
/// 0.1); the voter gets 1 for electing the best party; agents Left (0) and Right (1) get 3 if
/// they win, 1 if the Centrist wins, 0 if the other wins. Full revelation gives d = (1.1, 1.1).
inline persuasion::problem electoral_campaign() {
  Eigen::MatrixXd u(3, 2);
  u.row(0) << 1.0, 1.0;  // Centrist elected
  u.row(1) << 3.0, 0.0;  // Left elected
  u.row(2) << 0.0, 3.0;  // Right elected
  Eigen::VectorXd prior(3);
  prior << 0.8, 0.1, 0.1;
  return persuasion::problem::state_independent(prior, Eigen::MatrixXd::Identity(3, 3), u);
}

/// \brief Collusion among three parties (000 §3.2, Theorem 2): states and actions 0 Right,
/// 1 Left, 2 Religious, 3 Centrist competent/in power; prior (0.3, 0.15, 0.15, 0.4); voters
/// elect the competent party; agents Right (0), Left (1), Religious (2) with the paper's payoff
/// table.
inline persuasion::problem three_parties() {
  Eigen::MatrixXd u(4, 3);     // rows: party in power; columns: agents
  u.row(0) << 1.0, 0.0, -5.0;  // Right
  u.row(1) << 0.0, 1.0, 0.0;   // Left
  u.row(2) << 0.5, -5.0, 1.0;  // Religious
  u.row(3) << 0.0, 0.0, -8.0;  // Centrist
  Eigen::VectorXd prior(4);
  prior << 0.3, 0.15, 0.15, 0.4;
  return persuasion::problem::state_independent(prior, Eigen::MatrixXd::Identity(4, 4), u);
}

/// \brief Guessing agents (000 §3.3, state-dependent payoffs): two states, two actions, prior
/// (0.5, 0.5); the receiver wants to guess the state; both agents get 2 for a correct guess in
/// ω1, 1 in ω2, 0 otherwise.
inline persuasion::problem guessing_agents() {
  Eigen::MatrixXd u(2, 2);  // rows actions, columns states
  u << 2.0, 0.0, 0.0, 1.0;
  Eigen::VectorXd prior(2);
  prior << 0.5, 0.5;
  std::vector<Eigen::MatrixXd> agents(2, u);
  return persuasion::problem(std::move(prior), Eigen::MatrixXd::Identity(2, 2), std::move(agents));
}

/// \brief Winner takes all (000 §3.1, after Proposition 2): n agents, state i makes action i
/// optimal, agent i gets wins(i) from action i and 0 otherwise.
/// \param prior an interior distribution over the n states.
/// \param wins the n payoffs ū_i > 0.
/// \throws the exceptions of persuasion::problem.
inline persuasion::problem winner_takes_all(const Eigen::VectorXd& prior,
                                            const Eigen::VectorXd& wins) {
  const Eigen::MatrixXd u = wins.asDiagonal();
  return persuasion::problem::state_independent(
      prior, Eigen::MatrixXd::Identity(prior.size(), prior.size()), u);
}

}  // namespace mechdesign::catalog

#endif  // MECHDESIGN_CATALOG_PERSUASION_HPP
