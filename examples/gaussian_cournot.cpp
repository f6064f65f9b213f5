// Gaussian data monetization in Cournot competition (001_923d7a9e0fbe4058.txt Example 1, §3-§5):
// the no-information, state-only, type-only and complete-information benchmarks, the welfare-,
// revenue- and consumer-optimal symmetric mechanisms (Propositions 7, 9, 11) and the collusive
// first best, side by side: weights on the state / own type / each competitor's type, noise,
// welfare, revenue (Proposition 5 payments) and consumer surplus.
//
// Usage: gaussian_cournot [--json] [--csv FILE] [--svg FILE]
//   --svg FILE  the obedience ellipse with the optimal points (cf. Figure 4)
#include "support/gaussian_report.hpp"

int main(int argc, char** argv) {
  mechdesign::data_monetization::cournot inst;
  inst.firms = 3;
  inst.substitution = 0.5;
  inst.demand_mean = 2.0;
  inst.demand_variance = 1.0;
  inst.cost_mean = 0.5;
  inst.cost_variance = 0.5;
  return gaussian_report::run(inst, "Cournot", argc, argv, "gaussian_cournot");
}
