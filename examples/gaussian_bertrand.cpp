// Gaussian data monetization in differentiated Bertrand competition (001_923d7a9e0fbe4058.txt
// Example 2, §3-§5): the no-information, state-only, type-only and complete-information
// benchmarks, the welfare-, revenue- and consumer-optimal symmetric mechanisms (Propositions 7, 9,
// 12) and the collusive first best, side by side: weights on the state / own type / each
// competitor's type, noise, welfare, revenue (Proposition 5 payments) and consumer surplus.
// Welfare is the paper's convention (2), which leaves out the term -c_i (alpha + beta sum p_j) of
// Bertrand profits.
//
// Usage: gaussian_bertrand [--json] [--csv FILE] [--svg FILE]
//   --svg FILE  the obedience ellipse with the optimal points (cf. Figure 4)
#include "support/gaussian_report.hpp"

int main(int argc, char** argv) {
  mechdesign::data_monetization::bertrand inst;
  inst.firms = 3;
  inst.substitution = 0.3;
  inst.demand_mean = 2.0;
  inst.demand_variance = 1.0;
  inst.cost_mean = 0.5;
  inst.cost_variance = 0.5;
  return gaussian_report::run(inst, "Bertrand", argc, argv, "gaussian_bertrand");
}
