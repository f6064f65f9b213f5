// bytes -> lp::model -> lp::solve -> independent re-check of an ok() result (primal
// feasibility, the objective at x, and lp::verify's residuals). A typed mechdesign::error
// (e.g. a model the validator refuses) is allowed; anything else aborts.
#include <cmath>
#include <mechdesign/lp/solver.hpp>
#include <mechdesign/lp/verify.hpp>
#include <vector>

#include "fuzz_input.hpp"

using namespace mechdesign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_support::byte_reader in(data, size);
  const int cols = in.in_range(1, 6), rows = in.in_range(0, 6);
  lp::model m(in.flag() ? lp::objective_sense::maximize : lp::objective_sense::minimize);
  auto bound = [&](bool upper) {
    const int kind = in.in_range(0, 3);
    if (kind == 0) return upper ? lp::inf : -lp::inf;
    return in.grid_value();
  };
  try {
    for (int c = 0; c < cols; ++c) {
      double lo = bound(false), hi = bound(true);
      if (lo > hi) std::swap(lo, hi);
      m.add_variable("x" + std::to_string(c), lo, hi, in.grid_value());
    }
    for (int r = 0; r < rows; ++r) {
      std::vector<std::pair<index_t, double>> coef;
      for (int c = 0; c < cols; ++c) {
        const double v = in.grid_value();
        if (v != 0.0 && in.flag()) coef.emplace_back(c, v);
      }
      double lo = bound(false), hi = bound(true);
      if (lo > hi) std::swap(lo, hi);
      m.add_row("r" + std::to_string(r), coef, lo, hi);
    }
    lp::solver_options o;
    if (in.flag()) o.presolve = true;
    lp::solution s = lp::solve(m, o);
    if (!s.ok()) return 0;
    const double tol = 1e-6;
    double obj = m.objective_constant();
    for (int c = 0; c < cols; ++c) {
      const double x = s.x(c);
      if (!std::isfinite(x)) fuzz_support::fail("ok() LP with a non-finite x", x);
      const double slack = tol * (1.0 + std::abs(x));
      if (x < m.col_lower(c) - slack || x > m.col_upper(c) + slack)
        fuzz_support::fail("ok() LP violates a column bound", x, m.col_lower(c));
      obj += m.objective(c) * x;
    }
    for (int r = 0; r < rows; ++r) {
      double act = 0.0, mag = 1.0;
      for (const auto& [c, v] : m.row_coefficients(r)) {
        act += v * s.x(c);
        mag += std::abs(v * s.x(c));
      }
      if (act < m.row_lower(r) - tol * mag || act > m.row_upper(r) + tol * mag)
        fuzz_support::fail("ok() LP violates a row", act, m.row_lower(r));
    }
    if (!(std::abs(obj - s.objective) <= tol * (1.0 + std::abs(obj))))
      fuzz_support::fail("ok() LP objective differs from c'x", s.objective, obj);
    const lp::verification v = lp::verify(m, s, 1e-6);
    if (!v.passed)
      fuzz_support::fail("ok() LP fails lp::verify", v.primal_infeasibility, v.duality_gap);
  } catch (const mechdesign::error&) {
    return 0;
  }
  return 0;
}
