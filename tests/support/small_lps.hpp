// Small LPs with known optima and duals, shared by the lp/ tests.
#ifndef MECHDESIGN_TESTS_SUPPORT_SMALL_LPS_HPP
#define MECHDESIGN_TESTS_SUPPORT_SMALL_LPS_HPP

#include <mechdesign/lp/model.hpp>

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

}  // namespace test_support

#endif  // MECHDESIGN_TESTS_SUPPORT_SMALL_LPS_HPP
