// The mechanism-selection problem Gamma_S^i (003 section 4): feasibility, undominated
// mechanisms (4.3), safety (4.12a-b) and strong solutions.
#include <catch2/catch.hpp>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/mechanism/selection.hpp>
#include <random>

#include "support/random_problems.hpp"

using namespace mechdesign;
using namespace mechdesign::catalog;

TEST_CASE("strong solutions of the two dictators in the bilateral trade (003 section 2)",
          "[mechanism][selection][paper][003]") {
  // The buyer's strong solution is the allocation (90, 30, 0) (a take-it-or-leave-it price of
  // $0), the seller's is Table 2.1 with (0, 0, 72).
  const bool with_money = GENERATE(true, false);
  INFO((with_money ? "money model" : "price-lottery model"));
  const auto problem =
      with_money ? bilateral_trade::with_money() : bilateral_trade::price_lottery();
  constexpr double tol = 1e-9;

  mechanism_selection buyer(problem.grand(), 0, singleton_threat(problem, 1));
  const auto b = buyer.strong_solution();
  REQUIRE(b.exists());
  CHECK(b.dictator_utilities(0) == Approx(90.0).margin(tol));
  CHECK(b.dictator_utilities(1) == Approx(30.0).margin(tol));
  CHECK(b.safety.passed);
  CHECK(interim_utilities(problem.grand(), b.best_safe)[1](0) == Approx(0.0).margin(tol));
  CHECK(buyer.check_feasible(b.best_safe).passed);

  mechanism_selection seller(problem.grand(), 1, singleton_threat(problem, 0));
  const auto s = seller.strong_solution();
  REQUIRE(s.exists());
  CHECK(s.dictator_utilities(0) == Approx(72.0).margin(tol));
  const auto u = interim_utilities(problem.grand(), s.best_safe);
  CHECK(u[0](0) == Approx(0.0).margin(tol));
  CHECK(u[0](1) == Approx(0.0).margin(tol));

  // (4.3) with any positive weights on the seller's single type gives the same plan's value
  const auto r = seller.undominated(Eigen::VectorXd::Ones(1));
  REQUIRE(r.ok());
  CHECK(r.objective == Approx(72.0).margin(tol));
}

TEST_CASE("feasibility in Gamma_S^i names the vetoing type (Definition 1)",
          "[mechanism][selection]") {
  const auto problem = bilateral_trade::with_money();
  mechanism_selection seller(problem.grand(), 1, singleton_threat(problem, 0));
  REQUIRE(seller.threat_utilities()[0].isZero());
  CHECK(std::isinf(seller.threat_utilities()[1](0)));
  mechanism<> over;  // a price of 100 to the $90 type: it vetoes
  over.probabilities.resize(2, 2);
  over.probabilities << 0, 1, 1, 0;
  over.transfers.resize(2, 2);
  over.transfers << -100, 0, 100, 0;
  const auto f = seller.check_feasible(over);
  CHECK_FALSE(f.passed);
  CHECK(f.player == 0);
  CHECK(f.type == 0);
  CHECK(f.participation_shortfall == Approx(10.0).margin(1e-12));
  CHECK_FALSE(seller.check_safe(over).passed);
}

TEST_CASE("no safe mechanism when the others must gain whatever is done",
          "[mechanism][selection]") {
  // Player 1's threat (alone) is worth 0, but every decision of {0, 1} gives him 1: (4.12b)
  // cannot hold with equality, so there is no safe mechanism and no strong solution.
  const auto p = prior<>::independent({Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.3, 0.7)});
  bayesian_problem<> problem(p);
  problem.set_decisions(coalition{0, 1}, {"a", "b"}, [](int i, index_t d, const profile& t) {
    return i == 1 ? 1.0 : static_cast<double>(d * (t[0] + 1));
  });
  problem.set_decisions(coalition{1}, {"alone"}, [](int, index_t, const profile&) { return 0.0; });
  mechanism_selection sel(problem.grand(), 0, singleton_threat(problem, 1));
  const auto r = sel.strong_solution();
  CHECK(r.verdict == strong_solution_verdict::no_safe_mechanism);
  CHECK_FALSE(r.exists());
  CHECK_THAT(r.message, Catch::Contains("no strong solution"));
}

TEST_CASE("strong-solution search on random problems is consistent with independent checks",
          "[mechanism][selection]") {
  int found = 0, dominated = 0, unsafe = 0;
  for (unsigned seed = 501; seed < 541; ++seed) {
    test_support::random_spec spec;
    spec.players = 2;
    spec.types = 2;
    spec.decisions = 4;
    if (seed % 3 == 0) spec.money = budget_rule::ex_post_balanced;
    const auto problem = test_support::random_problem(spec, seed);
    mechanism_selection sel(problem.grand(), 0, singleton_threat(problem, 1));
    const auto r = sel.strong_solution();
    INFO("seed " << seed << ": " << to_string(r.verdict) << " " << r.message);
    REQUIRE(r.ok());
    switch (r.verdict) {
      case strong_solution_verdict::found: {
        ++found;
        {
          // essentially unique (003 section 4.3): another weighting finds the same utilities
          const auto again = sel.strong_solution(1e-7, Eigen::Vector2d(0.2, 0.9));
          CHECK(again.exists());
          CHECK(again.dictator_utilities.isApprox(r.dictator_utilities, 1e-6));
        }
        CHECK(r.safety.passed);
        CHECK(sel.check_feasible(r.best_safe).passed);
        // undominated: an independent LP with thresholds at its utilities gains nothing
        CHECK(r.domination_gain.maxCoeff() <= 1e-6);
        break;
      }
      case strong_solution_verdict::dominated: {
        ++dominated;
        CHECK(r.safety.passed);
        CHECK(r.domination_gain.maxCoeff() > 1e-7);
        CHECK(r.domination_gain.minCoeff() >= -1e-7);
        // "None exists" rests on the best safe mechanism being the same for every weighting of
        // the dictator's types; other weightings must give the same verdict.
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> w(0.05, 1.0);
        for (int trial = 0; trial < 5; ++trial) {
          const auto again = sel.strong_solution(1e-7, Eigen::Vector2d(w(rng), w(rng)));
          CHECK(again.verdict == strong_solution_verdict::dominated);
        }
        break;
      }
      case strong_solution_verdict::no_safe_mechanism:
        ++unsafe;
        break;
      case strong_solution_verdict::undetermined:
        FAIL("strong_solution reached no verdict");
        break;
    }
  }
  INFO("found " << found << ", dominated " << dominated << ", no safe " << unsafe);
  CHECK(found > 0);
}

TEST_CASE("mechanism selection rejects malformed set-ups", "[mechanism][selection][errors]") {
  const auto problem = bilateral_trade::with_money();
  CHECK_THROWS_AS(mechanism_selection(problem.grand(), 0, singleton_threat(problem, 0)),
                  model_error);
  CHECK_THROWS_AS(mechanism_selection(problem.grand(), 3, singleton_threat(problem, 1)),
                  index_error);
  mechanism_selection sel(problem.grand(), 0, singleton_threat(problem, 1));
  CHECK_THROWS_AS(sel.undominated(Eigen::Vector2d(1.0, 0.0)), invalid_argument);
  CHECK_THROWS_AS(sel.undominated(Eigen::Vector3d::Ones()), dimension_error);
}
