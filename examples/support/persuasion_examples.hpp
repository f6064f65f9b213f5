// The examples of 000_b82d6ff4761a0a82.txt as persuasion problems (data only), shared by the
// persuasion examples and tests. Not part of the library.
#ifndef MECHDESIGN_EXAMPLES_SUPPORT_PERSUASION_EXAMPLES_HPP
#define MECHDESIGN_EXAMPLES_SUPPORT_PERSUASION_EXAMPLES_HPP

#include <Eigen/Core>
#include <mechdesign/persuasion/problem.hpp>
#include <vector>

namespace persuasion_examples {

// Electoral campaign (000 §1): states/actions 0 = Centrist best/elected, 1 = Left, 2 = Right
// (state 0 is omega_0 of a selection environment); prior (0.8 Centrist, 0.1 Left, 0.1 Right);
// the voter gets 1 for electing the best party; agents Left (0) and Right (1) get 3 if they win,
// 1 if the Centrist wins, 0 if the other wins.
inline mechdesign::persuasion::problem electoral_campaign() {
  Eigen::MatrixXd u(3, 2);
  u.row(0) << 1.0, 1.0;  // Centrist elected
  u.row(1) << 3.0, 0.0;  // Left elected
  u.row(2) << 0.0, 3.0;  // Right elected
  Eigen::VectorXd prior(3);
  prior << 0.8, 0.1, 0.1;
  return mechdesign::persuasion::problem::state_independent(prior, Eigen::MatrixXd::Identity(3, 3),
                                                            u);
}

// Collusion among three parties (000 §3.2): states/actions 0 Right, 1 Left, 2 Religious,
// 3 Centrist competent/in power, prior (0.3, 0.15, 0.15, 0.4); voters elect the competent party;
// agents Right (0), Left (1), Religious (2) with the payoff table of the paper.
inline mechdesign::persuasion::problem three_parties() {
  Eigen::MatrixXd u(4, 3);     // rows: party in power; columns: agents
  u.row(0) << 1.0, 0.0, -5.0;  // Right
  u.row(1) << 0.0, 1.0, 0.0;   // Left
  u.row(2) << 0.5, -5.0, 1.0;  // Religious
  u.row(3) << 0.0, 0.0, -8.0;  // Centrist
  Eigen::VectorXd prior(4);
  prior << 0.3, 0.15, 0.15, 0.4;
  return mechdesign::persuasion::problem::state_independent(prior, Eigen::MatrixXd::Identity(4, 4),
                                                            u);
}

// Guessing agents (000 §3.3): two states, two actions, prior (0.5, 0.5); the receiver wants to
// guess the state; both agents get 2 for a correct guess in omega_1, 1 in omega_2, 0 otherwise.
inline mechdesign::persuasion::problem guessing_agents() {
  Eigen::MatrixXd u(2, 2);  // rows actions, columns states
  u << 2.0, 0.0, 0.0, 1.0;
  return mechdesign::persuasion::problem(Eigen::Vector2d(0.5, 0.5), Eigen::MatrixXd::Identity(2, 2),
                                         std::vector<Eigen::MatrixXd>{u, u});
}

// Winner takes all (000 §3.1): n agents, state i makes action i optimal, agent i gets wins[i]
// from action i and 0 otherwise.
inline mechdesign::persuasion::problem winner_takes_all(const Eigen::VectorXd& prior,
                                                        const Eigen::VectorXd& wins) {
  const Eigen::MatrixXd u = wins.asDiagonal();
  return mechdesign::persuasion::problem::state_independent(
      prior, Eigen::MatrixXd::Identity(prior.size(), prior.size()), u);
}

}  // namespace persuasion_examples

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_PERSUASION_EXAMPLES_HPP
