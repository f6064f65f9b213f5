// bytes -> selling-information instance (finite states, actions, types) -> solve_optimal_menu ->
// an ok() menu must pass an independent check_menu() and reproduce the reported profit.
#include <cmath>
#include <mechdesign/pricing/optimal_menu.hpp>
#include <vector>

#include "fuzz_input.hpp"

using namespace mechdesign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_support::byte_reader in(data, size);
  const int states = in.in_range(1, 3), actions = in.in_range(1, 3), types = in.in_range(1, 4);
  pricing::environment env;
  auto distribution = [&](int n) {
    Eigen::VectorXd v(n);
    for (int k = 0; k < n; ++k) v(k) = in.byte() % 4 == 0 ? 0.0 : in.weight();
    if (v.sum() == 0.0) v(0) = 1.0;
    return Eigen::VectorXd(v / v.sum());
  };
  env.seller_belief = distribution(states);
  env.buyer_payoff.resize(actions, states);
  env.externality.resize(actions, states);
  for (int a = 0; a < actions; ++a)
    for (int x = 0; x < states; ++x) {
      env.buyer_payoff(a, x) = in.grid_value();
      env.externality(a, x) = in.grid_value() / 4.0;
    }
  env.type_beliefs.resize(types, states);
  for (int k = 0; k < types; ++k) env.type_beliefs.row(k) = distribution(states).transpose();
  env.type_probabilities = distribution(types);
  pricing::menu_options o;
  o.nonnegative_prices = in.flag();
  try {
    const pricing::menu_result r = pricing::solve_optimal_menu(env, o);
    if (!r.ok()) return 0;
    const pricing::menu_check c = pricing::check_menu(env, r.menu, 1e-6, o.nonnegative_prices);
    if (!c.passed) fuzz_support::fail("ok() optimal menu fails check_menu", c.max_violation());
    const pricing::menu_result e = pricing::evaluate_menu(env, r.menu, o);
    if (!(std::abs(e.profit - r.profit) <= 1e-6 * (1.0 + std::abs(r.profit))))
      fuzz_support::fail("ok() optimal menu's profit is not reproduced", r.profit, e.profit);
  } catch (const mechdesign::error&) {
    return 0;
  }
  return 0;
}
