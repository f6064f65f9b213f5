// bytes -> small Bayesian problem -> solve_primal -> independent IC and objective re-check of an
// ok() result. Any typed mechdesign::error is a caller mistake the library caught (allowed);
// anything else, a sanitizer report, or an ok() result failing the re-check aborts.
#include <cmath>
#include <mechdesign/mechanism/primal.hpp>
#include <vector>

#include "fuzz_input.hpp"

using namespace mechdesign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_support::byte_reader in(data, size);
  const int players = in.in_range(1, 3);
  const int decisions = in.in_range(1, 4);
  std::vector<Eigen::VectorXd> marginals;
  std::vector<index_t> sizes;
  for (int i = 0; i < players; ++i) {
    const int types = in.in_range(1, 3);
    Eigen::VectorXd m(types);
    for (int t = 0; t < types; ++t) m(t) = in.weight();
    marginals.push_back(m / m.sum());
    sizes.push_back(types);
  }
  const int money = in.in_range(0, 3);  // 0: none, else a budget rule
  try {
    bayesian_problem<> p(prior<>::independent(marginals));
    const index_t profiles = p.types().num_profiles();
    std::vector<Eigen::MatrixXd> tables;
    for (int i = 0; i < players; ++i) {
      Eigen::MatrixXd u(decisions, profiles);
      for (index_t j = 0; j < profiles; ++j)
        for (int d = 0; d < decisions; ++d) u(d, j) = in.grid_value();
      tables.push_back(u);
    }
    std::vector<std::string> labels;
    for (int d = 0; d < decisions; ++d) labels.push_back("d" + std::to_string(d));
    p.set_decisions(coalition::grand(players), labels, tables);
    if (money == 1) p.set_money(budget_rule::ex_post_balanced);
    if (money == 2) p.set_money(budget_rule::ex_post_no_deficit);
    if (money == 3) p.set_money(budget_rule::ex_ante_balanced);
    const coalition_problem<double> g = p.grand();
    type_vectors<double> lambda;
    for (int k = 0; k < players; ++k) {
      Eigen::VectorXd l(g.num_types(k));
      for (index_t t = 0; t < l.size(); ++t) {
        // with money, weights proportional to the marginals keep the LP bounded half the time
        l(t) = g.money() && in.flag() ? g.beliefs().marginal(k)(t) : in.weight() / 256.0;
      }
      lambda.push_back(l);
    }
    const primal_result r = solve_primal(g, lambda);
    if (!r.ok()) return 0;
    const double scale = 1.0 + r.optimal_mechanism.probabilities.cwiseAbs().maxCoeff() * 16.0 +
                         (g.money() ? r.optimal_mechanism.transfers.cwiseAbs().maxCoeff() : 0.0);
    const double tol = 1e-6 * scale;
    validate_mechanism(g, r.optimal_mechanism, tol);
    const auto ic = check_incentive_compatibility(g, r.optimal_mechanism, tol);
    if (!ic.passed) fuzz_support::fail("ok() primal result is not IC", ic.worst_violation, tol);
    const auto u = interim_utilities(g, r.optimal_mechanism, tol);
    double objective = 0.0;
    for (int k = 0; k < players; ++k)
      objective += lambda[static_cast<std::size_t>(k)].dot(u[static_cast<std::size_t>(k)]);
    if (!(std::abs(objective - r.objective) <= tol * (1.0 + std::abs(objective)))) {
      fuzz_support::fail("ok() primal objective differs from the recomputed one", r.objective,
                         objective);
    }
  } catch (const mechdesign::error&) {
    return 0;
  }
  return 0;
}
