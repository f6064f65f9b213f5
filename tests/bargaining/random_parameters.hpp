// Seeded random binary bargaining parameters for the bargaining tests (not part of the library).
#ifndef MECHDESIGN_TESTS_BARGAINING_RANDOM_PARAMETERS_HPP
#define MECHDESIGN_TESTS_BARGAINING_RANDOM_PARAMETERS_HPP

#include <algorithm>
#include <mechdesign/bargaining/environment.hpp>
#include <random>

namespace bargaining_test {

// Values drawn uniformly from (0.01, 1) and sorted into the ordering of Proposition 1
// (l1 < l2 < h1 < h2) or Proposition 2 (l1 < h1 < l2 < h2), rejecting near-ties so that every
// threshold is well defined; beta uniform in (0, 1).
inline mechdesign::bargaining::bargaining_environment random_environment(std::mt19937& rng,
                                                                         bool separated) {
  std::uniform_real_distribution<double> u(0.01, 1.0);
  for (;;) {
    double v[4] = {u(rng), u(rng), u(rng), u(rng)};
    std::sort(v, v + 4);
    if (v[1] - v[0] < 1e-3 || v[2] - v[1] < 1e-3 || v[3] - v[2] < 1e-3) continue;
    const double beta = std::uniform_real_distribution<double>(0.01, 0.99)(rng);
    if (separated)
      return mechdesign::bargaining::bargaining_environment::binary(v[0], v[1], v[2], v[3], beta);
    return mechdesign::bargaining::bargaining_environment::binary(v[0], v[2], v[1], v[3], beta);
  }
}

inline double random_probability(std::mt19937& rng) {
  return std::uniform_real_distribution<double>(0.005, 0.995)(rng);
}

}  // namespace bargaining_test

#endif  // MECHDESIGN_TESTS_BARGAINING_RANDOM_PARAMETERS_HPP
