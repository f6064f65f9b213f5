// Many-threaded solves (also run under ThreadSanitizer by scripts/run-tsan.sh) and workers that
// forget lp::free_thread_environment() (run under LeakSanitizer by the sanitized suite).
#include <catch2/catch.hpp>
#include <mechdesign/lp/solver.hpp>
#include <thread>
#include <vector>

#include "support/small_lps.hpp"

using namespace mechdesign;

TEST_CASE("eight threads solving many LPs each agree with the calling thread",
          "[lp][solver][threads]") {
  constexpr int workers = 8, per_worker = 12;
  std::vector<std::vector<double>> values(workers, std::vector<double>(per_worker, 0.0));
  std::vector<std::thread> pool;
  for (int w = 0; w < workers; ++w) {
    pool.emplace_back([w, &values] {
      {
        lp::solver s;  // one solver re-used for every model of this thread
        for (int k = 0; k < per_worker; ++k) {
          const unsigned seed = 500u + static_cast<unsigned>(w * per_worker + k);
          const auto sol = s.solve(test_support::random_lp(seed, 12, 15));
          values[static_cast<std::size_t>(w)][static_cast<std::size_t>(k)] =
              sol.ok() ? sol.objective : -1e300;
        }
      }
      lp::free_thread_environment();
    });
  }
  for (auto& t : pool) t.join();
  for (int w = 0; w < workers; ++w) {
    for (int k = 0; k < per_worker; ++k) {
      const unsigned seed = 500u + static_cast<unsigned>(w * per_worker + k);
      const auto sol = lp::solve(test_support::random_lp(seed, 12, 15));
      REQUIRE(sol.ok());
      CHECK(values[static_cast<std::size_t>(w)][static_cast<std::size_t>(k)] ==
            Approx(sol.objective).epsilon(1e-12));
    }
  }
}

TEST_CASE("a worker that forgets free_thread_environment() is safe", "[lp][solver][threads]") {
  // The thread_local guard of lp/glpk.hpp frees the environment at thread exit: under
  // LeakSanitizer (scripts/run-tests.sh --sanitize) a leaked environment would fail the run.
  std::vector<double> values(3, 0.0);
  std::vector<std::thread> pool;
  for (int w = 0; w < 3; ++w) {
    pool.emplace_back([w, &values] {
      const auto sol = lp::solve(test_support::random_lp(700u + static_cast<unsigned>(w), 10, 12));
      values[static_cast<std::size_t>(w)] = sol.ok() ? sol.objective : -1e300;
      // no lp::free_thread_environment() here
    });
  }
  for (auto& t : pool) t.join();
  // and one that calls it twice, and solves again after freeing
  std::thread twice([&values] {
    const auto a = lp::solve(test_support::random_lp(700u, 10, 12));
    lp::free_thread_environment();
    lp::free_thread_environment();
    const auto b = lp::solve(test_support::random_lp(700u, 10, 12));
    values.push_back(a.ok() && b.ok() ? b.objective - a.objective : -1e300);
  });
  twice.join();
  for (int w = 0; w < 3; ++w) {
    const auto sol = lp::solve(test_support::random_lp(700u + static_cast<unsigned>(w), 10, 12));
    REQUIRE(sol.ok());
    CHECK(values[static_cast<std::size_t>(w)] == Approx(sol.objective).epsilon(1e-12));
  }
  CHECK(values.back() == Approx(0.0).margin(1e-12));
}
