// Small LPs with known optima and duals, shared by the lp/ tests.
#ifndef MECHDESIGN_TESTS_SUPPORT_SMALL_LPS_HPP
#define MECHDESIGN_TESTS_SUPPORT_SMALL_LPS_HPP

#include <fmt/format.h>

#include <mechdesign/lp/model.hpp>
#include <random>
#include <utility>
#include <vector>

namespace test_support {

// max 3x + 2y  s.t.  x + y <= 4,  x + 3y <= 7,  x - y >= -10,  0 <= x <= 3,  y >= 0.
// Optimum x = 3, y = 1, value 11; the dual of row 0 is 2, rows 1 and 2 are slack; x sits at its
// upper bound with reduced cost 3 - 2 = 1.
inline mechdesign::lp::model small_max() {
  using mechdesign::lp::inf;
  mechdesign::lp::model m(mechdesign::lp::objective_sense::maximize);
  const auto x = m.add_variable("x", 0.0, 3.0, 3.0);
  const auto y = m.add_variable("y", 0.0, inf, 2.0);
  m.add_row("r0", {{x, 1.0}, {y, 1.0}}, -inf, 4.0);
  m.add_row("r1", {{x, 1.0}, {y, 3.0}}, -inf, 7.0);
  m.add_row("r2", {{x, 1.0}, {y, -1.0}}, -10.0, inf);
  return m;
}

// min x + y  s.t.  x + 2y >= 4,  3x + y >= 6: optimum (8/5, 6/5), value 14/5, duals (2/5, 1/5).
inline mechdesign::lp::model small_min() {
  using mechdesign::lp::inf;
  mechdesign::lp::model m(mechdesign::lp::objective_sense::minimize);
  const auto x = m.add_variable("x", 0.0, inf, 1.0);
  const auto y = m.add_variable("y", 0.0, inf, 1.0);
  m.add_row("a", {{x, 1.0}, {y, 2.0}}, 4.0, inf);
  m.add_row("b", {{x, 3.0}, {y, 1.0}}, 6.0, inf);
  return m;
}

// A dense random packing LP: max c'x, A x <= b, x >= 0, entries in [0.1, 1] (seeded).
inline mechdesign::lp::model random_lp(unsigned seed, int rows, int cols) {
  using mechdesign::index_t;
  using mechdesign::lp::inf;
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.1, 1.0);
  mechdesign::lp::model m(mechdesign::lp::objective_sense::maximize);
  for (int j = 0; j < cols; ++j) m.add_variable(fmt::format("x{}", j), 0.0, inf, u(rng));
  for (int r = 0; r < rows; ++r) {
    std::vector<std::pair<index_t, double>> row;
    for (int j = 0; j < cols; ++j) row.emplace_back(j, u(rng));
    m.add_row(fmt::format("r{}", r), row, -inf, 1.0 + u(rng));
  }
  return m;
}

}  // namespace test_support

#endif  // MECHDESIGN_TESTS_SUPPORT_SMALL_LPS_HPP
