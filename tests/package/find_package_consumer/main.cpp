// Packaging smoke test: a downstream project includes the umbrella header, builds a Bayesian
// problem and solves its primal (3.5) through GLPK, so headers, Eigen, fmt and GLPK all link (and
// CLP, when built in).
#include <cmath>
#include <cstdio>
#include <mechdesign/mechdesign.hpp>

int main() {
  using namespace mechdesign;
  bayesian_problem<> problem(
      prior<>::independent({Eigen::Vector2d(0.8, 0.2), Eigen::VectorXd::Ones(1)}));
  problem.set_decisions(coalition{0, 1}, {"no trade", "trade"},
                        [](int i, index_t d, const profile& t) {
                          return (i == 0 && d == 1) ? (t[0] == 0 ? 90.0 : 30.0) : 0.0;
                        });
  const type_vectors<> lambda = {Eigen::Vector2d(0.8, 0.2), Eigen::VectorXd::Ones(1)};
  const primal_result r = solve_primal(problem.grand(), lambda);
  if (!r.ok() || std::abs(r.objective - 78.0) > 1e-9) {
    std::fprintf(stderr, "unexpected primal result: %s\n", fmt::format("{}", r).c_str());
    return 1;
  }
#ifdef MECHDESIGN_HAS_CLP
  // Built with CLP: the usage requirements carry the definition and CLP's libraries.
  lp::solver_options clp;
  clp.backend = lp::engine::clp;
  lp::model m(lp::objective_sense::maximize);
  const index_t x = m.add_variable("x", 0.0, 2.0, 1.0);
  m.add_row("r", {{x, 1.0}}, -lp::inf, 1.5);
  const lp::solution s = lp::solve(m, clp);
  if (!s.ok() || s.used != lp::engine::clp || std::abs(s.objective - 1.5) > 1e-9) {
    std::fprintf(stderr, "unexpected CLP result: %s\n", s.message.c_str());
    return 1;
  }
#endif
  std::printf("mechdesign %s: primal value %.6g (engines: glpk%s)\n", version_string(), r.objective,
              lp::engine_available(lp::engine::clp) ? ", clp" : "");
  return 0;
}
