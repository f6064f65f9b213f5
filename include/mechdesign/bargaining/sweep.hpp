#ifndef MECHDESIGN_BARGAINING_SWEEP_HPP
#define MECHDESIGN_BARGAINING_SWEEP_HPP

/// \file
/// \brief Gap(p, β) (4.2) over a grid of binary beliefs (p_1, p_2), optionally on several
/// threads, and E/Gap over a range of bargaining powers β with warm starts.
///
/// Reference: 002_d7418a08844545d3.txt §4 (4.1)–(4.2) and the bound Gap ≤ 6.25 % h_2 stated
/// after (4.2).
///
/// Warm starts. Each worker keeps one gap_lp and moves it from one grid point to the next along a
/// row of the grid: the beliefs change the constraint matrix, which gap_lp::set_beliefs rewrites
/// in place (lp::solver::update), so every solve but a worker's first starts from the
/// previous point's basis. Along β only the random-monopoly thresholds move, and sweep_power()
/// re-solves one gap_lp warm as well.
///
/// Threads: each worker owns its LPs and calls lp::free_thread_environment() before it ends
/// (DESIGN.md §3). Every grid point is validated before any LP is built.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "mechdesign/bargaining/environment.hpp"
#include "mechdesign/bargaining/gap.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/lp/solver.hpp"

namespace mechdesign::bargaining {

/// \brief Where a sweep is, for sweep_options::progress.
struct sweep_progress {
  index_t done = 0;     ///< points (sweep_beliefs) or powers (sweep_power) solved so far
  index_t total = 0;    ///< points or powers in the sweep
  double p1 = 0.0;      ///< the point just solved: p_1(h_1) (sweep_beliefs) …
  double p2 = 0.0;      ///< … and p_2(h_2) (for sweep_power, the beliefs' high-type masses)
  double power = 0.0;   ///< β of the point just solved
  bool solved = false;  ///< whether that point reached a verified optimum
  double gap = 0.0;     ///< its Gap (NaN if not solved)
};

/// \brief Options of the sweeps.
struct sweep_options {
  gap_options lp;   ///< options of each Gap LP
  int threads = 1;  ///< worker threads for sweep_beliefs, in [1, 1024] (1: the calling thread)
  /// Called after every point, from the thread that solved it but never concurrently; returning
  /// false stops the sweep (status iteration_limit, unsolved points NaN). Empty: no reports.
  std::function<bool(const sweep_progress&)> progress;
};

/// \brief E and Gap on a grid of beliefs: entry (a, b) belongs to (p1[a], p2[b]).
struct [[nodiscard]] gap_surface : result_base {
  Eigen::VectorXd p1, p2;  ///< probabilities of the high types on the grid axes
  Eigen::MatrixXd value;   ///< E(p, β)
  Eigen::MatrixXd gap;     ///< Gap(p, β)
  double max_gap = 0.0;    ///< largest Gap on the grid
  index_t argmax_p1 = -1;  ///< its row (index into p1)
  index_t argmax_p2 = -1;  ///< its column (index into p2)
  double min_gap = 0.0;    ///< smallest Gap on the grid (≥ 0 up to rounding)
  long solves = 0;         ///< LPs solved
  long iterations = 0;     ///< simplex iterations, all LPs
  long failures = 0;       ///< points without a verified optimum (their entries are NaN)
  long polished = 0;       ///< points that needed gap_lp's polishing re-solves (gap.hpp)
  long warm_starts = 0;    ///< solves that started from the previous point's basis
  // status: success iff every grid point was solved to a verified optimum; numerical_issue
  // (message: the first failure) if some were not; iteration_limit if progress stopped it
};

namespace detail {

inline void check_grid(const Eigen::VectorXd& g, int player, const char* what) {
  if (g.size() == 0) throw dimension_error(fmt::format("{}: grid of p{} is empty", what, player));
  for (index_t k = 0; k < g.size(); ++k) {
    const double x = g(k);
    if (!std::isfinite(x)) {
      throw non_finite_error(fmt::format("{}: grid point {} of p{} is {}", what, k, player, x));
    }
    if (x < 0.0 || x > 1.0) {
      throw distribution_error(
          fmt::format("{}: grid point {} of p{} is {}, outside [0, 1]", what, k, player, x));
    }
    if (x == 0.0 || x == 1.0) {
      throw zero_probability_error(
          fmt::format("{}: grid point {} of p{} is {}; known types need one-element type sets",
                      what, k, player, x));
    }
  }
}

}  // namespace detail

/// \brief Gap(p, β) (002 eq. (4.2)) at every (p1[a], p2[b]) for a binary environment.
/// \throws dimension_error (not binary, empty grid, more than detail::max_table_entries points),
/// non_finite_error, distribution_error,
/// zero_probability_error (a grid probability that is NaN or outside (0, 1)) — all before any
/// LP is solved; invalid_argument if options.threads < 1.
[[nodiscard]] inline gap_surface sweep_beliefs(const bargaining_environment& env,
                                               const Eigen::VectorXd& p1, const Eigen::VectorXd& p2,
                                               const sweep_options& options = {}) {
  if (!env.is_binary()) {
    throw dimension_error("bargaining::sweep_beliefs: the belief grid needs two types per player");
  }
  bargaining::detail::check_grid(p1, 1, "bargaining::sweep_beliefs");
  bargaining::detail::check_grid(p2, 2, "bargaining::sweep_beliefs");
  (void)mechdesign::detail::checked_product(p1.size(), p2.size(), "the belief grid",
                                            "bargaining::sweep_beliefs");
  if (options.threads < 1 || options.threads > 1024) {
    throw invalid_argument(fmt::format(
        "bargaining::sweep_beliefs: {} threads requested (accepted: 1 to 1024)", options.threads));
  }
  gap_surface s;
  s.p1 = p1;
  s.p2 = p2;
  s.value = Eigen::MatrixXd::Constant(p1.size(), p2.size(), std::nan(""));
  s.gap = s.value;
  const int workers = static_cast<int>(std::min<index_t>(options.threads, p1.size()));
  struct tally {
    long solves = 0, iterations = 0, failures = 0, polished = 0, warm = 0;
    std::string message;
  };
  std::vector<tally> tallies(static_cast<std::size_t>(workers));
  std::mutex report_mutex;  // serialises options.progress
  std::atomic<bool> stop{false};
  index_t done = 0;  // guarded by report_mutex
  const index_t total = p1.size() * p2.size();
  // Rows are dealt round-robin; each worker writes only its own rows and tally.
  auto work = [&](int w) {
    tally& t = tallies[static_cast<std::size_t>(w)];
    std::optional<gap_lp> lp;  // this worker's LP, moved from point to point
    for (index_t a = w; a < p1.size() && !stop; a += workers) {
      for (index_t b = 0; b < p2.size() && !stop; ++b) {
        const beliefs p = beliefs::binary(p1(a), p2(b));
        if (lp) {
          lp->set_beliefs(p);
        } else {
          lp.emplace(env, p, options.lp);
        }
        const gap_result r = lp->solve();
        ++t.solves;
        if (r.primal.lp.warm_started) ++t.warm;
        t.iterations += r.primal.lp.iterations;
        if (r.polished) ++t.polished;
        if (!r.ok()) {
          if (t.failures++ == 0) {
            t.message = fmt::format("p = ({}, {}): {}", p1(a), p2(b), r.message);
          }
        } else {
          s.value(a, b) = r.value;
          s.gap(a, b) = r.gap;
        }
        if (options.progress) {
          std::lock_guard<std::mutex> lock(report_mutex);
          sweep_progress at;
          at.done = ++done;
          at.total = total;
          at.p1 = p1(a);
          at.p2 = p2(b);
          at.power = env.power();
          at.solved = r.ok();
          at.gap = r.ok() ? r.gap : std::nan("");
          if (!options.progress(at)) stop = true;
        }
      }
    }
  };
  if (workers == 1) {
    work(0);
  } else {
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(workers));
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w) {
      pool.emplace_back([&, w] {
        try {
          work(w);
        } catch (...) {
          errors[static_cast<std::size_t>(w)] = std::current_exception();
        }
        lp::free_thread_environment();
      });
    }
    for (auto& th : pool) th.join();
    for (const auto& e : errors) {
      if (e) std::rethrow_exception(e);
    }
  }
  for (const tally& t : tallies) {
    s.solves += t.solves;
    s.iterations += t.iterations;
    s.polished += t.polished;
    s.warm_starts += t.warm;
    if (t.failures > 0 && s.failures == 0) s.message = t.message;
    s.failures += t.failures;
  }
  if (stop) {
    s.status = status::iteration_limit;
    s.message = fmt::format("stopped by the progress callback after {} of {} points", done, total);
  } else if (s.failures > 0) {
    s.status = status::numerical_issue;
  } else {
    s.status = status::success;
  }
  bool first = true;
  for (index_t a = 0; a < p1.size(); ++a) {
    for (index_t b = 0; b < p2.size(); ++b) {
      const double g = s.gap(a, b);
      if (std::isnan(g)) continue;
      if (first || g > s.max_gap) {
        s.max_gap = g;
        s.argmax_p1 = a;
        s.argmax_p2 = b;
      }
      s.min_gap = first ? g : std::min(s.min_gap, g);
      first = false;
    }
  }
  return s;
}

/// \brief The n interior points k/(n + 1), k = 1..n, of (0, 1): a belief grid axis.
/// \throws invalid_argument if n < 1.
inline Eigen::VectorXd interior_grid(index_t n) {
  if (n < 1) throw invalid_argument(fmt::format("bargaining::interior_grid: n = {}", n));
  Eigen::VectorXd g(n);
  for (index_t k = 0; k < n; ++k) g(k) = static_cast<double>(k + 1) / static_cast<double>(n + 1);
  return g;
}

/// \brief E and Gap at fixed beliefs for several bargaining powers.
struct [[nodiscard]] power_sweep : result_base {
  Eigen::VectorXd power;  ///< β values
  Eigen::VectorXd value;  ///< E(p, β)
  Eigen::VectorXd gap;    ///< Gap(p, β)
  long iterations = 0;    ///< simplex iterations, all solves
  long warm_starts = 0;   ///< solves that started from the previous basis
  long failures = 0;      ///< solves without a verified optimum (NaN entries)
  // status: as gap_surface's
};

/// \brief E(p, β) and Gap(p, β) (002 eqs. (4.1)–(4.2)) for each β in \p powers, re-solving one
/// LP warm (only the random-monopoly thresholds change).
/// \throws dimension_error, non_finite_error, distribution_error (β outside [0, 1]) before any
/// LP is solved.
[[nodiscard]] inline power_sweep sweep_power(const bargaining_environment& env, const beliefs& p,
                                             const Eigen::VectorXd& powers,
                                             const sweep_options& options = {}) {
  p.check_against(env, "bargaining::sweep_power");
  for (index_t k = 0; k < powers.size(); ++k) (void)env.with_power(powers(k));  // validate
  power_sweep s;
  s.power = powers;
  s.value = Eigen::VectorXd::Constant(powers.size(), std::nan(""));
  s.gap = s.value;
  if (powers.size() == 0) {
    s.status = status::numerical_issue;
    s.message = "no bargaining powers to solve for";
    return s;
  }
  gap_lp lp(env.with_power(powers(0)), p, options.lp);
  index_t done = 0;
  bool stopped = false;
  for (index_t k = 0; k < powers.size(); ++k) {
    lp.set_power(powers(k));
    const gap_result r = lp.solve();
    s.iterations += r.primal.lp.iterations;
    if (r.primal.lp.warm_started) ++s.warm_starts;
    if (!r.ok()) {
      if (s.failures++ == 0) s.message = fmt::format("beta = {}: {}", powers(k), r.message);
    } else {
      s.value(k) = r.value;
      s.gap(k) = r.gap;
    }
    ++done;
    if (options.progress) {
      sweep_progress at;
      at.done = done;
      at.total = powers.size();
      at.p1 = p.marginal(0)(p.marginal(0).size() - 1);
      at.p2 = p.marginal(1)(p.marginal(1).size() - 1);
      at.power = powers(k);
      at.solved = r.ok();
      at.gap = r.ok() ? r.gap : std::nan("");
      if (!options.progress(at)) {
        stopped = true;
        break;
      }
    }
  }
  if (stopped) {
    s.status = status::iteration_limit;
    s.message =
        fmt::format("stopped by the progress callback after {} of {} powers", done, powers.size());
  } else {
    s.status = s.failures > 0 ? status::numerical_issue : status::success;
  }
  return s;
}

}  // namespace mechdesign::bargaining

#endif  // MECHDESIGN_BARGAINING_SWEEP_HPP
