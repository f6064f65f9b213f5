// bytes -> persuasion problem (state-independent agents) -> Theorem 1's lottery test and its
// certificate, re-checked independently: a beneficial lottery is a distribution on attainable
// actions giving every agent more than d by the reported surplus; a negative answer's weights y
// are a distribution with Σ_i y_i (u_i(a) − d_i) ≤ tol at every attainable action. Also the
// full beneficial_agreement_test at the no-information structure.
#include <cmath>
#include <mechdesign/persuasion/beneficial.hpp>
#include <vector>

#include "fuzz_input.hpp"

using namespace mechdesign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_support::byte_reader in(data, size);
  const int states = in.in_range(1, 3), actions = in.in_range(1, 4), agents = in.in_range(1, 3);
  Eigen::VectorXd prior(states);
  for (int w = 0; w < states; ++w) prior(w) = in.weight();
  prior /= prior.sum();
  Eigen::MatrixXd receiver(actions, states), payoffs(actions, agents);
  for (int a = 0; a < actions; ++a)
    for (int w = 0; w < states; ++w) receiver(a, w) = in.grid_value();
  for (int a = 0; a < actions; ++a)
    for (int i = 0; i < agents; ++i) payoffs(a, i) = in.grid_value();
  Eigen::VectorXd d(agents);
  for (int i = 0; i < agents; ++i) d(i) = in.grid_value();
  try {
    const persuasion::problem p = persuasion::problem::state_independent(prior, receiver, payoffs);
    const persuasion::lottery_result t = persuasion::lottery_test(p, d);
    if (t.ok()) {
      const double tol = 1e-6 * (1.0 + payoffs.cwiseAbs().maxCoeff() + d.cwiseAbs().maxCoeff());
      if (t.beneficial) {
        double mass = 0.0;
        for (int a = 0; a < actions; ++a) {
          if (t.lottery(a) < -tol) fuzz_support::fail("negative lottery weight", t.lottery(a));
          if (t.lottery(a) > tol && !t.attainable[static_cast<std::size_t>(a)])
            fuzz_support::fail("lottery weight on an unattainable action", t.lottery(a));
          mass += t.lottery(a);
        }
        if (std::abs(mass - 1.0) > tol) fuzz_support::fail("lottery does not sum to 1", mass);
        for (int i = 0; i < agents; ++i) {
          const double gain = t.lottery.dot(payoffs.col(i)) - d(i);
          if (gain < t.surplus - tol || !(gain > 0.0))
            fuzz_support::fail("beneficial lottery without the reported gain", gain, t.surplus);
        }
      } else {
        if (t.weights.size() != agents) fuzz_support::fail("certificate of the wrong size");
        if (std::abs(t.weights.sum() - 1.0) > tol || t.weights.minCoeff() < -tol)
          fuzz_support::fail("certificate weights are not a distribution", t.weights.sum());
        for (int a = 0; a < actions; ++a) {
          if (!t.attainable[static_cast<std::size_t>(a)]) continue;
          double v = 0.0;
          for (int i = 0; i < agents; ++i) v += t.weights(i) * (payoffs(a, i) - d(i));
          if (v > tol) fuzz_support::fail("certificate fails at an attainable action", v, tol);
        }
      }
    }
    const Eigen::MatrixXd pi0 = persuasion::no_information(p);
    (void)persuasion::beneficial_agreement_test(p, pi0);
  } catch (const mechdesign::error&) {
    return 0;
  }
  return 0;
}
