// Seeded random finite selling-information problems for the pricing tests.
#ifndef MECHDESIGN_TESTS_PRICING_RANDOM_INSTANCES_HPP
#define MECHDESIGN_TESTS_PRICING_RANDOM_INSTANCES_HPP

#include <Eigen/Core>
#include <mechdesign/pricing/environment.hpp>
#include <random>

namespace pricing_test {

// A probability vector of size n with every entry at least floor / n.
inline Eigen::VectorXd random_distribution(std::mt19937_64& rng, mechdesign::index_t n,
                                           double floor = 0.05) {
  std::uniform_real_distribution<double> u(floor, 1.0);
  Eigen::VectorXd p(n);
  for (mechdesign::index_t i = 0; i < n; ++i) p(i) = u(rng);
  return p / p.sum();
}

// S states, A actions, K types; payoffs in [0, 1], externality in [-1, 1] (both signs).
inline mechdesign::pricing::environment random_environment(std::mt19937_64& rng,
                                                           mechdesign::index_t s,
                                                           mechdesign::index_t a,
                                                           mechdesign::index_t k) {
  std::uniform_real_distribution<double> u(0.0, 1.0), e(-1.0, 1.0);
  mechdesign::pricing::environment env;
  env.seller_belief = random_distribution(rng, s);
  env.buyer_payoff.resize(a, s);
  env.externality.resize(a, s);
  for (mechdesign::index_t i = 0; i < a; ++i)
    for (mechdesign::index_t x = 0; x < s; ++x) {
      env.buyer_payoff(i, x) = u(rng);
      env.externality(i, x) = e(rng);
    }
  env.type_beliefs.resize(k, s);
  for (mechdesign::index_t t = 0; t < k; ++t)
    env.type_beliefs.row(t) = random_distribution(rng, s, 0.0).transpose();
  env.type_probabilities = random_distribution(rng, k);
  return env;
}

}  // namespace pricing_test

#endif  // MECHDESIGN_TESTS_PRICING_RANDOM_INSTANCES_HPP
