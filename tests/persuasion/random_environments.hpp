// Seeded random persuasion environments for the persuasion tests (not part of the library).
#ifndef MECHDESIGN_TESTS_PERSUASION_RANDOM_ENVIRONMENTS_HPP
#define MECHDESIGN_TESTS_PERSUASION_RANDOM_ENVIRONMENTS_HPP

#include <Eigen/Core>
#include <mechdesign/persuasion/bargaining_set.hpp>
#include <mechdesign/persuasion/problem.hpp>
#include <random>
#include <vector>

namespace persuasion_test {

inline double uniform(std::mt19937& rng, double lo, double hi) {
  return std::uniform_real_distribution<double>(lo, hi)(rng);
}

// An interior distribution with every entry at least 0.05 / n before normalising.
inline Eigen::VectorXd random_prior(std::mt19937& rng, mechdesign::index_t n) {
  Eigen::VectorXd v(n);
  for (mechdesign::index_t k = 0; k < n; ++k) v(k) = uniform(rng, 0.05, 1.0);
  return v / v.sum();
}

inline Eigen::MatrixXd random_matrix(std::mt19937& rng, mechdesign::index_t r,
                                     mechdesign::index_t c, double lo, double hi) {
  Eigen::MatrixXd m(r, c);
  for (mechdesign::index_t i = 0; i < r; ++i) {
    for (mechdesign::index_t j = 0; j < c; ++j) m(i, j) = uniform(rng, lo, hi);
  }
  return m;
}

// State-independent agents, random receiver: |Omega| states, |A| actions, n agents.
inline mechdesign::persuasion::problem random_state_independent(std::mt19937& rng,
                                                                mechdesign::index_t states,
                                                                mechdesign::index_t actions,
                                                                int agents) {
  return mechdesign::persuasion::problem::state_independent(
      random_prior(rng, states), random_matrix(rng, actions, states, 0.0, 1.0),
      random_matrix(rng, actions, agents, -1.0, 1.0));
}

// State-dependent agents.
inline mechdesign::persuasion::problem random_state_dependent(std::mt19937& rng,
                                                              mechdesign::index_t states,
                                                              mechdesign::index_t actions,
                                                              int agents) {
  std::vector<Eigen::MatrixXd> u;
  for (int i = 0; i < agents; ++i) u.push_back(random_matrix(rng, actions, states, -1.0, 1.0));
  return mechdesign::persuasion::problem(random_prior(rng, states),
                                         random_matrix(rng, actions, states, 0.0, 1.0), u);
}

// An IC structure: a support point of B for random weights of either sign, mixed with another
// one half of the time (mixtures of IC structures are IC, 000 Lemma 4).
inline mechdesign::persuasion::information_structure random_ic_structure(
    std::mt19937& rng, const mechdesign::persuasion::problem& p) {
  using namespace mechdesign::persuasion;
  auto vertex = [&]() {
    Eigen::VectorXd w(p.num_agents());
    for (int i = 0; i < p.num_agents(); ++i) w(i) = uniform(rng, -1.0, 1.0);
    const bargaining_point b = support_point(p, w);
    return b.structure;
  };
  information_structure pi = vertex();
  if (uniform(rng, 0.0, 1.0) < 0.5) {
    const double t = uniform(rng, 0.0, 1.0);
    pi = t * pi + (1.0 - t) * vertex();
  }
  return pi;
}

}  // namespace persuasion_test

#endif  // MECHDESIGN_TESTS_PERSUASION_RANDOM_ENVIRONMENTS_HPP
