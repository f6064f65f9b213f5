#ifndef MECHDESIGN_LP_OPTIONS_HPP
#define MECHDESIGN_LP_OPTIONS_HPP

/// \file
/// \brief lp::solver_options: the engine-neutral knobs of every LP solve (engine, algorithm,
/// tolerances, presolve, scaling, limits, certification and the retry ladder), and their
/// validation. Domain modules carry a solver_options and never name an engine.

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "mechdesign/core/error.hpp"

namespace mechdesign::lp {

/// \brief Which LP engine runs a solve.
enum class engine {
  automatic,  ///< CLP for models above solver_options::clp_threshold when CLP is built in, else
              ///< GLPK
  glpk,       ///< GNU GLPK's simplex (always available)
  clp         ///< COIN-OR CLP (only where mechdesign was built with MECHDESIGN_HAS_CLP)
};

/// \brief Simplex variant the engine should run.
enum class algorithm {
  automatic,  ///< the engine's choice (GLPK: primal; CLP: dual)
  primal,     ///< primal simplex
  dual        ///< dual simplex
};

/// \brief Short lowercase name of an engine.
inline const char* to_string(engine e) noexcept {
  switch (e) {
    case engine::automatic:
      return "automatic";
    case engine::glpk:
      return "glpk";
    case engine::clp:
      return "clp";
  }
  return "unknown";
}

/// \brief Short lowercase name of an algorithm.
inline const char* to_string(algorithm a) noexcept {
  switch (a) {
    case algorithm::automatic:
      return "automatic";
    case algorithm::primal:
      return "primal";
    case algorithm::dual:
      return "dual";
  }
  return "unknown";
}

/// \brief True iff engine \p e can run in this build (automatic and GLPK always can; CLP only
/// when mechdesign was compiled with MECHDESIGN_HAS_CLP, see the README's "LP engines").
constexpr bool engine_available(engine e) noexcept {
#ifdef MECHDESIGN_HAS_CLP
  (void)e;
  return true;
#else
  return e != engine::clp;
#endif
}

#ifndef MECHDESIGN_DEFAULT_ENGINE
/// \brief The default of solver_options::backend: `automatic`, unless a translation unit defines
/// MECHDESIGN_DEFAULT_ENGINE as `glpk` or `clp` (the test suite does, to run on one engine:
/// CMake's MECHDESIGN_TEST_ENGINE).
#define MECHDESIGN_DEFAULT_ENGINE automatic
#endif

/// \brief Engine-neutral settings of an LP solve. Every field has an accepted range; validate()
/// enforces it, and lp::solver calls validate() before any engine sees a value.
struct solver_options {
  engine backend = engine::MECHDESIGN_DEFAULT_ENGINE;  ///< which engine (see engine)
  algorithm method = algorithm::automatic;             ///< simplex variant
  bool presolve = false;  ///< let the engine presolve (disables warm starts on GLPK)
  bool scale = true;      ///< let the engine scale the problem
  /// Primal and dual feasibility tolerances handed to the engine; accepted range [1e-12, 1e-4].
  /// Tighter than the certificate's tolerance, so an answer the engine accepts is not rejected
  /// by the certificate on rounding alone.
  double feasibility_tolerance = 1e-9;
  /// Threshold of the independent certificate (scaled residuals and the relative objective error
  /// bound); accepted range (0, 1e-2] (values far below 1e-14 fail every certificate).
  double verify_tolerance = 1e-7;
  /// Wall-clock limit of one engine call, in seconds; accepted (0, ∞], ∞ meaning none. The
  /// default guarantees that no solve can hang.
  double time_limit_seconds = 600.0;
  /// Simplex iterations per engine call; 0 means the stall guard only (see stall_iterations),
  /// otherwise in [1, 2^31 − 1].
  long iteration_limit = 0;
  /// Stall guard used when iteration_limit is 0: an engine call stops after
  /// stall_iterations + 50·(rows + columns) iterations; accepted [1000, 2^31 − 1].
  long stall_iterations = 100000;
  /// Re-solve every optimum in exact rational arithmetic (GLPK's glp_exact) from its basis.
  bool exact = false;
  /// When an engine's optimum cannot be certified, or the data are badly scaled, re-solve from
  /// its basis in exact arithmetic before answering (can be slow on large models).
  bool exact_fallback = true;
  /// Certify infeasible and unbounded claims with a Farkas ray / primal ray (always on in the
  /// ladder; turning it off reports the engine's claim as `uncertified`).
  bool certify = true;
  /// Run the retry ladder (warm → cold → unscaled → presolved → the other engine → exact) when a
  /// claim cannot be certified; off: answer after the first engine call.
  bool retry = true;
  /// Automatic engine choice: CLP's dual simplex when rows × columns exceeds this, GLPK otherwise
  /// (the engines are even up to about 6e4 and CLP is 1.6× faster at 4e5, 2–6× above 1e6:
  /// benchmarks/engine_scaling.cpp); accepted [0, ∞].
  double clp_threshold = 1.0e5;
  bool verbose = false;  ///< engine terminal output (off by default)
};

/// \brief Check every field of \p o against its documented range.
/// \throws invalid_argument naming the field and its value; no value is clamped.
inline void validate(const solver_options& o) {
  auto fail = [](const char* field, auto value, const char* range) {
    throw invalid_argument(
        fmt::format("lp::solver_options: {} is {}; accepted: {}", field, value, range));
  };
  auto in_range = [](double v, double lo, double hi) { return v >= lo && v <= hi; };
  if (o.backend != engine::automatic && o.backend != engine::glpk && o.backend != engine::clp)
    fail("backend", static_cast<int>(o.backend), "automatic, glpk or clp");
  if (!engine_available(o.backend)) {
    throw invalid_argument(
        "lp::solver_options: backend is clp, but this build of mechdesign has no CLP "
        "(configure with MECHDESIGN_WITH_CLP=ON and Debian's coinor-libclp-dev)");
  }
  if (o.method != algorithm::automatic && o.method != algorithm::primal &&
      o.method != algorithm::dual)
    fail("method", static_cast<int>(o.method), "automatic, primal or dual");
  if (!in_range(o.feasibility_tolerance, 1e-12, 1e-4))
    fail("feasibility_tolerance", o.feasibility_tolerance, "[1e-12, 1e-4]");
  if (!(o.verify_tolerance > 0.0 && o.verify_tolerance <= 1e-2))
    fail("verify_tolerance", o.verify_tolerance, "(0, 1e-2]");
  if (!(o.time_limit_seconds > 0.0)) fail("time_limit_seconds", o.time_limit_seconds, "(0, inf]");
  if (o.iteration_limit < 0 || o.iteration_limit > std::numeric_limits<int>::max())
    fail("iteration_limit", o.iteration_limit, "0 (stall guard only) or [1, 2^31 - 1]");
  if (o.stall_iterations < 1000 || o.stall_iterations > std::numeric_limits<int>::max())
    fail("stall_iterations", o.stall_iterations, "[1000, 2^31 - 1]");
  if (!(o.clp_threshold >= 0.0) || std::isnan(o.clp_threshold))
    fail("clp_threshold", o.clp_threshold, "[0, inf]");
}

}  // namespace mechdesign::lp

#endif  // MECHDESIGN_LP_OPTIONS_HPP
