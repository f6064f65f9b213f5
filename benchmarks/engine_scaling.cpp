// Times GLPK and CLP through lp::solver on the same seeded random sparse LPs, to choose
// lp::solver_options::clp_threshold (rows × columns above which the automatic choice is CLP).
// Not part of the build; compile it by hand (CLP must be installed):
//
//   g++ -std=c++17 -O2 -DNDEBUG -Iinclude -I/usr/include/eigen3 $(pkg-config --cflags clp)
//       -DMECHDESIGN_HAS_CLP benchmarks/lp_engines.cpp -o lp_engines -lglpk -lfmt
//       $(pkg-config --libs clp)   (one command line)
//   ./lp_engines [min rows] [max rows] [time limit per solve, seconds]
//
// Two families per size: "packing" (max cᵀx, A ≥ 0, Ax ≤ b, x ≥ 0) and "mixed" (≤, ≥, ranged and
// equality rows, bounded, free and fixed columns, objective built from a dual feasible point so
// that an optimum exists). About 12 nonzeros per column.
#include <chrono>
#include <cstdlib>
#include <mechdesign/lp/solver.hpp>
#include <random>

using namespace mechdesign;
using lp::inf;

namespace {

lp::model packing(int rows, int cols, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.1, 1.0);
  std::uniform_int_distribution<int> pick(0, rows - 1);
  lp::model m(lp::objective_sense::maximize);
  std::vector<std::vector<std::pair<index_t, double>>> by_row(static_cast<std::size_t>(rows));
  for (int j = 0; j < cols; ++j) {
    m.add_variable("x" + std::to_string(j), 0.0, inf, u(rng));
    for (int k = 0; k < 12; ++k)
      by_row[static_cast<std::size_t>(pick(rng))].emplace_back(j, u(rng));
  }
  for (int r = 0; r < rows; ++r)
    m.add_row("r" + std::to_string(r), std::move(by_row[static_cast<std::size_t>(r)]), -inf,
              1.0 + 10.0 * u(rng));
  return m;
}

lp::model mixed(int rows, int cols, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::uniform_int_distribution<int> pick(0, rows - 1);
  lp::model m(lp::objective_sense::minimize);
  std::vector<double> x0(static_cast<std::size_t>(cols)), c(x0.size());
  for (int j = 0; j < cols; ++j) {
    const double t = u(rng);
    double lo = 0.0, up = inf, x = 0.0, d = 0.0;
    if (t < 0.6) {  // x ≥ 0: reduced cost ≥ 0 in a minimisation
      x = u(rng) < 0.5 ? 0.0 : 3.0 * u(rng);
      d = x == 0.0 ? 2.0 * u(rng) : 0.0;
    } else if (t < 0.85) {  // boxed
      up = 1.0 + 3.0 * u(rng);
      x = up * u(rng);
    } else if (t < 0.95) {  // free
      lo = -inf;
      x = 4.0 * u(rng) - 2.0;
    } else {  // fixed
      lo = up = x = u(rng);
      d = 2.0 * u(rng) - 1.0;
    }
    m.add_variable("x" + std::to_string(j), lo, up, 0.0);
    x0[static_cast<std::size_t>(j)] = x;
    c[static_cast<std::size_t>(j)] = d;
  }
  std::vector<std::vector<std::pair<index_t, double>>> by_row(static_cast<std::size_t>(rows));
  for (int j = 0; j < cols; ++j) {
    for (int k = 0; k < 12; ++k)
      by_row[static_cast<std::size_t>(pick(rng))].emplace_back(j, 6.0 * u(rng) - 3.0);
  }
  for (int r = 0; r < rows; ++r) {
    auto& row = by_row[static_cast<std::size_t>(r)];
    double ax = 0.0;
    for (const auto& [j, v] : row) ax += v * x0[static_cast<std::size_t>(j)];
    const double t = u(rng);
    double lo = -inf, up = inf, y = 0.0;  // minimisation: y ≥ 0 on "≥", ≤ 0 on "≤"
    if (t < 0.4) {
      lo = ax;
      y = u(rng);
    } else if (t < 0.7) {
      up = ax + (u(rng) < 0.5 ? 0.0 : u(rng));
      y = up == ax ? -u(rng) : 0.0;
    } else if (t < 0.85) {
      lo = up = ax;
      y = 2.0 * u(rng) - 1.0;
    } else {
      lo = ax - u(rng);
      up = ax + u(rng);
    }
    for (const auto& [j, v] : row) c[static_cast<std::size_t>(j)] += v * y;
    m.add_row("r" + std::to_string(r), std::move(row), lo, up);
  }
  for (int j = 0; j < cols; ++j) m.set_objective(j, c[static_cast<std::size_t>(j)]);
  return m;
}

void time_on(const char* family, const lp::model& m, lp::engine e, double limit) {
  lp::solver_options o;
  o.backend = e;
  o.time_limit_seconds = limit;
  lp::solver s(o);
  const auto t0 = std::chrono::steady_clock::now();
  const lp::solution sol = s.solve(m);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print(
      "{:8} {:5} x {:5} {:5}: {:9.3f} s  {:7} iterations  {:10}  objective {:.10g}  "
      "calls {}\n",
      family, m.num_rows(), m.num_cols(), lp::to_string(e), seconds, sol.iterations,
      lp::to_string(sol.status), sol.objective, sol.attempts);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const int min_rows = argc > 1 ? std::atoi(argv[1]) : 0;
  const int max_rows = argc > 2 ? std::atoi(argv[2]) : 5000;
  const double limit = argc > 3 ? std::atof(argv[3]) : 900.0;
  const int sizes[][2] = {{50, 80},     {100, 160},   {200, 320},  {500, 800},
                          {1000, 1600}, {2000, 3200}, {5000, 8000}};
  for (const auto& size : sizes) {
    if (size[0] > max_rows) break;
    if (size[0] < min_rows) continue;
    for (int family = 0; family < 2; ++family) {
      const lp::model m = family == 0 ? packing(size[0], size[1], 1) : mixed(size[0], size[1], 2);
      for (lp::engine e : {lp::engine::glpk, lp::engine::clp}) {
        time_on(family == 0 ? "packing" : "mixed", m, e, limit);
      }
    }
  }
}
