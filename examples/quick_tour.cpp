// Quick tour of mechdesign (the program shown in README.md).
//
// A seller (player 1) and a buyer (player 0) whose value for the good is 90 or 30
// (003_c8f96a2253701fcb.txt section 2). We find the incentive-compatible trading plan that
// maximises a weighted sum of interim utilities (primal (3.5)), read its dual (3.7) — the IC
// multipliers alpha and the virtual utilities (3.6) — and test incentive efficiency
// (Proposition 1).
#include <fmt/format.h>

#include <cstring>
#include <mechdesign/mechdesign.hpp>

int main(int argc, char** argv) {
  using namespace mechdesign;
  const bool json = argc > 1 && std::strcmp(argv[1], "--json") == 0;

  // Types: buyer {value 90, value 30} with probabilities {0.8, 0.2}; the seller has one type.
  const auto beliefs = prior<>::independent({Eigen::Vector2d(0.8, 0.2), Eigen::VectorXd::Ones(1)});
  bayesian_problem<> problem(beliefs);
  // Grand-coalition decisions; utilities u_i(d, t) of player i at decision d and profile t.
  problem.set_decisions(coalition{0, 1}, {"no trade", "trade"},
                        [](int i, index_t d, const profile& t) {
                          return (i == 0 && d == 1) ? (t[0] == 0 ? 90.0 : 30.0) : 0.0;
                        });
  problem.set_money(budget_rule::ex_post_balanced);  // payments: buyer pays, seller receives

  // Primal (3.5): weights lambda_i(t_i) on every type; the seller's dollar counts 5% more than
  // the buyer's. Participation constraints U_i(t_i) >= w_i(t_i) as in (4.3): the buyer's types
  // must get at least 0 (their no-trade payoff); the seller's row is left free (-inf).
  const coalition_problem<> game = problem.grand();
  const type_vectors<> lambda = {Eigen::Vector2d(0.8, 0.2), Eigen::VectorXd::Constant(1, 1.05)};
  const type_vectors<> participation = {Eigen::Vector2d::Zero(),
                                        Eigen::VectorXd::Constant(1, -lp::inf)};
  const primal_result r = solve_primal(game, lambda, participation);
  if (!r.ok()) {
    fmt::print(stderr, "{}\n", r);
    return 1;
  }
  const auto& plan = r.optimal_mechanism;
  const auto efficiency = test_incentive_efficiency(game, plan);

  if (json) {
    fmt::print(
        "{{\"paper\": \"003_c8f96a2253701fcb.txt §2\", \"model\": \"bilateral trade\", "
        "\"results\": {{\"objective\": {:.12g}, \"dual_objective\": {:.12g}, "
        "\"trade_probability\": [{:.12g}, {:.12g}], \"alpha_weak_as_strong\": {:.12g}, "
        "\"efficient\": {}}}}}\n",
        r.objective, r.dual_objective, plan.probabilities(1, 0), plan.probabilities(1, 1),
        r.alpha[0](0, 1), efficiency.efficient() ? "true" : "false");
    return 0;
  }
  fmt::print("{}\n{}\n", r, r.lp);
  for (index_t t = 0; t < 2; ++t) {
    fmt::print("buyer reports value {}: trade with probability {:.3f}, pays {:.2f}; U = {:.2f}\n",
               t == 0 ? 90 : 30, plan.probabilities(1, t), -plan.transfers(0, t), r.interim[0](t));
  }
  fmt::print("seller: U = {:.2f}\n", r.interim[1](0));
  fmt::print("IC multiplier alpha(value 90 claims 30) = {:.4f}\n", r.alpha[0](0, 1));
  fmt::print("virtual value of trade for the buyer: {:.2f} (report 90), {:.2f} (report 30)\n",
             r.virtual_utilities[0](1, 0), r.virtual_utilities[0](1, 1));
  fmt::print("{}\n", check_incentive_compatibility(game, plan));
  fmt::print("{}\n", efficiency);
  return 0;
}
