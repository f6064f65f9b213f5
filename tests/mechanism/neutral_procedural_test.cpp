// The neutral procedural solution (003 Definition 4) on the paper's games, on TU games
// (Shapley value), and its honest failure reports on random games.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/catalog/cooperative_games.hpp>
#include <mechdesign/mechanism/neutral_procedural.hpp>
#include <mechdesign/mechanism/special_cases.hpp>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "support/random_problems.hpp"

using namespace mechdesign;
using namespace mechdesign::catalog;

namespace {

constexpr double tol = 1e-7;  // certificates are LP solutions: exact up to the LP tolerance

void check_certificate(const coalition_solution& c) {
  INFO("coalition " << c.members.to_string() << ": " << c.message);
  CHECK(c.verified);
  CHECK(c.nps2_residual <= tol);
  CHECK(c.warrant_residual <= tol);
  CHECK(c.duality_gap <= tol);
  CHECK(c.conditions.passed);
  CHECK(c.conditions.min_weight > 0.0);
}

}  // namespace

TEST_CASE("two-person bilateral trade: the random dictatorship (2.1) (003 section 2)",
          "[mechanism][nps][paper][003]") {
  const bool with_money = GENERATE(true, false);
  INFO((with_money ? "money model" : "price-lottery model"));
  const auto problem =
      with_money ? bilateral_trade::with_money() : bilateral_trade::price_lottery();
  const nps_result r = neutral_bargaining_solution(problem);  // Theorem 5
  REQUIRE(r.ok());
  const auto& n = r.at(coalition{0, 1});
  check_certificate(n);
  CHECK(n.interim[0](0) == Approx(45.0).margin(tol));
  CHECK(n.interim[0](1) == Approx(15.0).margin(tol));
  CHECK(n.interim[1](0) == Approx(36.0).margin(tol));
  CHECK(n.claims[0](0) == Approx(90.0).margin(tol));  // the buyer's strong solution
  CHECK(n.claims[0](1) == Approx(30.0).margin(tol));
  CHECK(n.claims[1](0) == Approx(72.0).margin(tol));  // the seller's (Table 2.1)
  CHECK(n.dictator_outcomes == std::vector<std::string>{"strong solution", "strong solution"});
}

TEST_CASE("bilateral trade with a broker: (2.4), (2.5) and Table 2.3 (003 section 2)",
          "[mechanism][nps][paper][003]") {
  const auto problem = cooperative_games::broker_game();
  const nps_result r = neutral_procedural_solution(problem);
  REQUIRE(r.ok());
  for (const auto& c : r.coalitions) check_certificate(c);
  // the traders without the broker: (2.1)
  const auto& traders = r.at(coalition{0, 1});
  CHECK(traders.interim[0](0) == Approx(45.0).margin(tol));
  CHECK(traders.interim[0](1) == Approx(15.0).margin(tol));
  CHECK(traders.interim[1](0) == Approx(36.0).margin(tol));
  // the grand coalition: (2.5) = (45, 15, 38, 1)
  const auto& n = r.at(coalition::grand(3));
  const double u1w = n.interim[0](0), u1s = n.interim[0](1), u2 = n.interim[1](0),
               u3 = n.interim[2](0);
  CHECK(u1w == Approx(45.0).margin(tol));
  CHECK(u1s == Approx(15.0).margin(tol));
  CHECK(u2 == Approx(38.0).margin(tol));
  CHECK(u3 == Approx(1.0).margin(tol));
  CHECK(0.8 * u1w + 0.2 * u1s + u2 + u3 == Approx(78.0).margin(tol));  // (2.4)
  // the dictators' claims: buyer (90, 30), seller 78, broker 3 = 78 - (0.8*45 + 0.2*15 + 36)
  CHECK(n.claims[0](0) == Approx(90.0).margin(tol));
  CHECK(n.claims[0](1) == Approx(30.0).margin(tol));
  CHECK(n.claims[1](0) == Approx(78.0).margin(tol));
  CHECK(n.claims[2](0) == Approx(78.0 - (0.8 * 45 + 0.2 * 15 + 36)).margin(tol));
  // Table 2.3's brokerage plan is a neutral procedural threat of N as well
  const auto t23 =
      certify_neutral_procedural(problem, r, coalition::grand(3), cooperative_games::table_2_3());
  check_certificate(t23);
  CHECK(t23.interim[2](0) == Approx(1.0).margin(tol));
  CHECK(t23.interim[1](0) == Approx(38.0).margin(tol));
}

TEST_CASE("arrogance of strength: subgame values, (6.2) and Table 6.2 (003 section 6)",
          "[mechanism][nps][paper][003]") {
  const auto problem = cooperative_games::arrogance_of_strength_game();
  const nps_result r = neutral_procedural_solution(problem);
  REQUIRE(r.ok());
  for (const auto& c : r.coalitions) check_certificate(c);
  const auto& pair = r.at(coalition{0, 1});  // complete information: (5, 5)
  CHECK(pair.interim[0](0) == Approx(5.0).margin(tol));
  CHECK(pair.interim[1](0) == Approx(5.0).margin(tol));
  for (int i = 0; i < 2; ++i) {  // U^{i,3} = (9/2, 5, 5/2)
    const auto& c = r.at(coalition{i, 2});
    CHECK(c.interim[0](0) == Approx(4.5).margin(tol));
    CHECK(c.interim[1](0) == Approx(5.0).margin(tol));
    CHECK(c.interim[1](1) == Approx(2.5).margin(tol));
  }
  const auto& n = r.at(coalition::grand(3));  // (6.2) = (10/3, 10/3, 10/3, 5/3)
  CHECK(n.interim[0](0) == Approx(10.0 / 3).margin(tol));
  CHECK(n.interim[1](0) == Approx(10.0 / 3).margin(tol));
  CHECK(n.interim[2](0) == Approx(10.0 / 3).margin(tol));
  CHECK(n.interim[2](1) == Approx(5.0 / 3).margin(tol));
  // (6.1): U1 + U2 + (9/10) U3w + (1/5) U3s = 10
  CHECK(n.interim[0](0) + n.interim[1](0) + 0.9 * n.interim[2](0) + 0.2 * n.interim[2](1) ==
        Approx(10.0).margin(tol));
  // the dictators' claims are the strong solutions (5, 5, 0, 0) and (9/2, 1/2, 5, 5/2) read off
  // for the dictator: player 0 claims 1/2 (from U^{1,3}), player 2 claims (0, 0)
  CHECK(n.claims[0](0) == Approx(0.5).margin(tol));
  CHECK(n.claims[2](0) == Approx(0.0).margin(tol));
  CHECK(n.claims[2](1) == Approx(0.0).margin(tol));
  // ex-post efficient, and in state s a coalition {i, 3} forms with probability 1/3 with the
  // whole cost on player i
  for (index_t t = 0; t < 2; ++t) CHECK(n.plan.probabilities(0, t) == Approx(0.0).margin(tol));
  CHECK(n.plan.probabilities(2, 1) + n.plan.probabilities(4, 1) == Approx(1.0 / 3).margin(tol));
  CHECK(n.plan.probabilities(3, 1) + n.plan.probabilities(5, 1) == Approx(0.0).margin(tol));
  // Table 6.2's mechanism (coalition probabilities 2/3, 1/6, 1/6 in both states) is certified
  const auto t62 =
      certify_neutral_procedural(problem, r, coalition::grand(3), cooperative_games::table_6_2());
  check_certificate(t62);
  CHECK(t62.interim[2](1) == Approx(5.0 / 3).margin(tol));
}

TEST_CASE("TU games: the neutral procedural value is the Shapley value (003 Theorem 4)",
          "[mechanism][nps][shapley]") {
  const unsigned seed = GENERATE(range(1u, 13u));
  const int n = 3 + static_cast<int>(seed % 3);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-5.0, 10.0);
  std::vector<double> v(std::size_t{1} << n);
  for (auto& x : v) x = u(rng);
  v[0] = 0.0;
  const auto worth = [&](const coalition& s) { return v[s.mask()]; };
  const consistent_value_result r = shapley_value(n, worth);
  INFO("seed " << seed << ", " << n << " players: " << r.solution.message);
  REQUIRE(r.ok());
  // textbook formula: phi_i = sum over S not containing i of |S|!(n-|S|-1)!/n! (v(S+i) - v(S))
  auto factorial = [](int k) {
    double f = 1.0;
    for (int i = 2; i <= k; ++i) f *= i;
    return f;
  };
  for (int i = 0; i < n; ++i) {
    double phi = 0.0;
    for (std::uint64_t m = 0; m < (std::uint64_t{1} << n); ++m) {
      if ((m >> i) & 1U) continue;
      const int s = coalition::from_mask(m).size();
      phi += factorial(s) * factorial(n - s - 1) / factorial(n) *
             (v[m | (std::uint64_t{1} << i)] - v[m]);
    }
    CHECK(r.value(i) == Approx(phi).margin(1e-7));
  }
}

TEST_CASE("a plan that is not incentive efficient is not certified", "[mechanism][nps]") {
  const auto problem = bilateral_trade::price_lottery();
  const nps_result r = neutral_procedural_solution(problem);
  const auto c = certify_neutral_procedural(problem, r, coalition{0, 1},
                                            mechanism<>::constant(problem.grand(), 0));
  CHECK_FALSE(c.verified);
  CHECK(c.conditions.virtual_optimality > 1.0);  // no trade is far from the virtual optimum
  CHECK_THAT(c.message, Catch::Contains("not verified"));
}

namespace {

// The largest NPS2 shortfall of coalition entry \p c at its returned scales, re-derived here
// from warranted_claims() and the threats' interim utilities (Definition 4: NPS1–NPS2 hold at
// this ε).
double shortfall_at_scales(const nps_result& r, const coalition_solution& c) {
  double shortfall = 0.0;
  for (int k = 0; k < c.members.size(); ++k) {
    const int player = c.members.members()[static_cast<std::size_t>(k)];
    const auto& th = r.at(c.members.without(player));
    // a threat that is not certified brings α = 0, which satisfies (4.7) (Remark 4)
    type_matrices<double> alpha = th.alpha;
    if (th.members.size() > 1 && th.local_outcome != nps_outcome::certified) {
      for (auto& a : alpha) a.setZero();
    }
    const warrant_result w = warranted_claims(c.problem, player, c.lambda, c.alpha,
                                              coalition_threat{th.problem, th.plan, alpha});
    if (!w.ok()) return HUGE_VAL;
    Eigen::VectorXd threats = Eigen::VectorXd::Zero(w.claims.size());
    for (int j : c.members.members()) {
      if (j == player) continue;
      const auto& other = r.at(c.members.without(j));
      threats += other.interim[static_cast<std::size_t>(other.members.position(player))];
    }
    const Eigen::VectorXd target = (threats + w.claims) / c.members.size();
    shortfall = std::max(shortfall, (target - c.interim[static_cast<std::size_t>(k)]).maxCoeff());
  }
  return std::max(shortfall, 0.0);
}

}  // namespace

TEST_CASE("random Bayesian games: every coalition's outcome is established and re-checked",
          "[mechanism][nps]") {
  // Every coalition ends certified (ε = 0, λ > 0), degenerate_certified (a path of
  // ε-certificates with vanishing weights and its limit) or epsilon_certified; undecided only
  // where the method does not apply: games with money, where the primal at weights alone is
  // unbounded and the simplicial stage does not run. Each outcome is re-established by
  // check_neutral_procedural and here from warranted_claims().
  int counts[4] = {0, 0, 0, 0};
  for (unsigned seed = 601; seed < 621; ++seed) {
    const auto problem = test_support::nps_regression_game(seed);
    const nps_result r = neutral_procedural_solution(problem);
    const nps_check check = check_neutral_procedural(problem, r);
    REQUIRE(check.outcomes.size() == check.members.size());
    for (std::size_t q = 0; q < check.members.size(); ++q) {
      const coalition_solution& c = r.at(check.members[q]);
      INFO("seed " << seed << " coalition " << c.members.to_string() << ": " << c.message);
      ++counts[static_cast<int>(c.outcome)];
      CHECK(check.outcomes[q] == c.outcome);
      CHECK(c.outcome <= c.local_outcome);
      CHECK(c.ok() == (c.outcome != nps_outcome::undecided));
      switch (c.outcome) {
        case nps_outcome::certified:
          CHECK(c.verified);
          CHECK(c.nps2_residual <= 1e-5);
          CHECK(check_incentive_compatibility(c.problem, c.plan, 1e-7).passed);
          for (int k = 0; k < c.members.size(); ++k) {
            const int player = c.members.members()[static_cast<std::size_t>(k)];
            const Eigen::VectorXd reservation = problem.reservation_utility(player);
            CHECK((c.interim[static_cast<std::size_t>(k)] - reservation).minCoeff() >= -1e-6);
          }
          break;
        case nps_outcome::degenerate_certified:
        case nps_outcome::epsilon_certified:
          if (c.local_outcome == nps_outcome::certified) break;  // its threat is approximate
          CHECK_FALSE(c.verified);
          CHECK(c.incentive_efficient);
          CHECK(check_incentive_compatibility(c.problem, c.plan, 1e-7).passed);
          for (const auto& l : c.lambda) CHECK(l.minCoeff() > 0.0);
          CHECK(shortfall_at_scales(r, c) == Approx(c.epsilon).margin(1e-9));
          if (c.outcome == nps_outcome::epsilon_certified) {
            CHECK(c.epsilon <= c.approximation.epsilon_target);
          } else {
            // ε falls with the smallest weight along the path; the limit has zero weights
            REQUIRE(c.epsilon_path.size() >= 3);
            const auto& path = c.epsilon_path;
            CHECK(path.back().first < 0.7 * path[path.size() - 2].first);
            CHECK(path.back().second < path.front().second);
            CHECK(c.epsilon <= 1e-4);
            double least = HUGE_VAL;
            for (const auto& l : c.approximation.limit_lambda)
              least = std::min(least, l.minCoeff());
            CHECK(least == 0.0);
            CHECK(c.approximation.limit_warrant_residual <= c.approximation.limit_tolerance);
            CHECK(c.approximation.limit_shortfall <= c.approximation.limit_tolerance);
          }
          break;
        case nps_outcome::undecided:
          CHECK(problem.money().has_value());
          CHECK_FALSE(c.message.empty());
          break;
      }
    }
  }
  INFO("certified " << counts[3] << ", degenerate " << counts[2] << ", epsilon " << counts[1]
                    << ", undecided " << counts[0]);
  // Deterministic (seeded problems, seeded restarts): a regression guard on the method. The
  // local search alone certified 35 of these 50 coalitions; the simplicial stage decides every
  // coalition of the 14 games without money (9 of them degenerate); 6 coalitions of the games
  // with money stay undecided.
  CHECK(counts[3] == 35);
  CHECK(counts[2] == 9);
  CHECK(counts[1] == 0);
  CHECK(counts[0] == 6);
}

TEST_CASE("the simplicial stage alone decides the regression games without money but one",
          "[mechanism][nps]") {
  // Restarts off: after the local search from the random dictatorship only Merrill's restart
  // algorithm is left. Its labels are vectors over the weights λ; where the dual α jumps at an
  // interior fixed point the mixed plan need not satisfy the warrant equations, and the path
  // stalls: seed 611's grand coalition ends at min λ ≈ 0.01 with ε ≈ 0.04 (the full search
  // certifies it from a restart). Every other coalition is decided, and its outcome re-checked.
  nps_options options;
  options.restarts = 0;
  int games = 0;
  for (unsigned seed = 601; seed < 621; ++seed) {
    const auto problem = test_support::nps_regression_game(seed);
    if (problem.money()) continue;
    ++games;
    const nps_result r = neutral_procedural_solution(problem, options);
    const nps_check check = check_neutral_procedural(problem, r);
    INFO("seed " << seed << ": " << r.message);
    for (std::size_t q = 0; q < check.members.size(); ++q) {
      const coalition_solution& c = r.at(check.members[q]);
      CHECK(check.outcomes[q] == c.outcome);
      const bool stall = seed == 611 && c.members == coalition::grand(3);
      CHECK((c.outcome == nps_outcome::undecided) == stall);
      if (stall) {
        CHECK(c.epsilon > 1e-2);
        CHECK(c.status == status::numerical_issue);
      }
    }
  }
  CHECK(games == 14);
}

TEST_CASE("special-case entry points check their premises", "[mechanism][nps][errors]") {
  CHECK_THROWS_AS(neutral_bargaining_solution(cooperative_games::broker_game()), model_error);
  CHECK_THROWS_AS(consistent_ntu_value(bilateral_trade::with_money()), model_error);
  CHECK_THROWS_AS(tu_game(0, [](const coalition&) { return 0.0; }), invalid_argument);
  CHECK_THROWS_AS(tu_game(2, [](const coalition&) { return std::nan(""); }), non_finite_error);
  auto p = bilateral_trade::with_money();
  p.set_money(budget_rule::ex_ante_balanced);
  CHECK_THROWS_AS(neutral_procedural_solution(p), model_error);
}

namespace {

// The random games of the regression test above; the first (seed, coalition) whose search needs
// restarts (it is not certified from the random dictatorship).
struct hard_case {
  bayesian_problem<> problem;
  coalition members;
};

hard_case first_hard_case() {
  for (unsigned seed = 601; seed < 621; ++seed) {
    auto problem = test_support::nps_regression_game(seed);
    const nps_result r = neutral_procedural_solution(problem);
    for (const auto& c : r.coalitions) {
      if (c.restarts > 0) return {std::move(problem), c.members};
    }
  }
  FAIL("no random game needs restarts");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("the progress callback reports every stage and leaves the answer unchanged",
          "[mechanism][nps][progress]") {
  const auto problem = cooperative_games::broker_game();
  const nps_result plain = neutral_procedural_solution(problem);
  struct call {
    coalition members;
    std::string stage;
    double residual;
  };
  std::vector<call> calls;
  nps_options options;
  options.progress = [&](const coalition& s, std::string_view stage, double residual) {
    calls.push_back({s, std::string(stage), residual});
    return true;
  };
  const nps_result r = neutral_procedural_solution(problem, options);
  REQUIRE(r.ok());
  CHECK(r.status == status::success);
  const std::vector<std::string> known{"start",      "alternation",   "joint step",
                                       "round",      "restart",       "price adjustment",
                                       "simplicial", "epsilon stage", "done"};
  REQUIRE_FALSE(calls.empty());
  for (const auto& c : calls) {
    INFO(c.members.to_string() << ": " << c.stage);
    CHECK(std::find(known.begin(), known.end(), c.stage) != known.end());
    CHECK(c.members.size() >= 2);  // singletons need no search
    CHECK_FALSE(std::isnan(c.residual));
  }
  // every coalition with two or more members starts and ends, in the order of the solution
  std::vector<coalition> done;
  for (const auto& c : calls) {
    if (c.stage == "done") done.push_back(c.members);
  }
  std::vector<coalition> expected;
  for (const auto& c : r.coalitions) {
    if (c.members.size() >= 2) expected.push_back(c.members);
  }
  CHECK(done == expected);
  CHECK(calls.front().stage == "start");
  CHECK(calls.back().stage == "done");
  // reporting does not change the answer
  REQUIRE(plain.coalitions.size() == r.coalitions.size());
  for (std::size_t k = 0; k < r.coalitions.size(); ++k) {
    for (std::size_t i = 0; i < r.coalitions[k].interim.size(); ++i) {
      CHECK(r.coalitions[k].interim[i] == plain.coalitions[k].interim[i]);
    }
  }
}

TEST_CASE("a progress callback that returns false stops the search: iteration_limit",
          "[mechanism][nps][progress]") {
  const hard_case h = first_hard_case();
  INFO("coalition " << h.members.to_string());
  int calls = 0;
  nps_options options;
  options.progress = [&](const coalition& s, std::string_view stage, double) {
    if (s == h.members && stage != "done") ++calls;
    return s != h.members;  // stop the hard coalition at its first report
  };
  const nps_result r = neutral_procedural_solution(h.problem, options);
  const coalition_solution& c = r.at(h.members);
  INFO(c.message);
  CHECK(calls == 1);  // stopped at "start": never asked again
  CHECK(c.status == status::iteration_limit);
  CHECK_FALSE(c.ok());
  CHECK_FALSE(c.verified);
  CHECK(c.restarts == 0);
  CHECK(c.epsilon_path.empty());  // no epsilon stage either
  CHECK_THAT(c.message, Catch::Contains("stopped by the progress callback at stage 'start'"));
  CHECK_FALSE(r.ok());
  CHECK(r.status != status::success);
  // the point it stopped at is still certified honestly: residuals are reported
  CHECK_FALSE(c.interim.empty());
  CHECK_THAT(c.message, Catch::Contains("not verified"));
}

TEST_CASE("the per-coalition time budget stops the search: time_limit",
          "[mechanism][nps][progress]") {
  const hard_case h = first_hard_case();
  nps_options options;
  options.coalition_time_limit = 1e-12;  // spent before the first report
  const nps_result r = neutral_procedural_solution(h.problem, options);
  const coalition_solution& c = r.at(h.members);
  INFO(c.message);
  CHECK(c.status == status::time_limit);
  CHECK_FALSE(c.verified);
  CHECK(c.restarts == 0);
  CHECK_THAT(c.message, Catch::Contains("time budget"));
  // a coalition the random dictatorship already solves is certified whatever the budget
  const nps_result bt = neutral_procedural_solution(bilateral_trade::price_lottery(), options);
  CHECK(bt.ok());
}

TEST_CASE("the simplicial stage reports its pivots, obeys the budgets and can be switched off",
          "[mechanism][nps][progress]") {
  // seed 605's coalition {0,2} is degenerate: only the simplicial stage decides it
  const auto problem = test_support::nps_regression_game(605);
  REQUIRE_FALSE(problem.money());
  int pivots = 0;
  nps_options options;
  options.progress = [&](const coalition&, std::string_view stage, double residual) {
    if (stage == "simplicial") {
      ++pivots;
      CHECK(residual >= 5.0);  // the grid: at least m + 1 = 5 for two players with two types
    }
    return true;
  };
  const nps_result r = neutral_procedural_solution(problem, options);
  const coalition_solution& c = r.at(coalition{0, 2});
  CHECK(c.outcome == nps_outcome::degenerate_certified);
  CHECK(pivots > 0);
  CHECK_THAT(c.message, Catch::Contains("simplicial stage"));
  // without it the same coalition is undecided, and says so
  nps_options off;
  off.simplicial_evaluations = 0;
  const nps_result without = neutral_procedural_solution(problem, off);
  CHECK(without.at(coalition{0, 2}).outcome == nps_outcome::undecided);
  CHECK_FALSE(without.ok());
  CHECK(without.status == status::numerical_issue);
  // a small evaluation budget ends the refinement early: fewer fixed points, still honest
  nps_options few;
  few.simplicial_evaluations = 50;
  const nps_result early = neutral_procedural_solution(problem, few);
  const nps_check check = check_neutral_procedural(problem, early);
  for (std::size_t q = 0; q < check.members.size(); ++q) {
    CHECK(check.outcomes[q] == early.at(check.members[q]).outcome);
  }
  // the callback stops the simplicial stage like any other
  nps_options stop;
  stop.progress = [](const coalition&, std::string_view stage, double) {
    return stage != "simplicial";
  };
  const nps_result stopped = neutral_procedural_solution(problem, stop);
  CHECK(stopped.at(coalition{0, 2}).status == status::iteration_limit);
  CHECK(stopped.at(coalition{0, 2}).outcome == nps_outcome::undecided);
}

TEST_CASE("neutral procedural options are validated before any LP", "[mechanism][nps][errors]") {
  const auto problem = bilateral_trade::price_lottery();
  auto with = [](auto change) {
    nps_options o;
    change(o);
    return o;
  };
  CHECK_THROWS_AS(neutral_procedural_solution(
                      problem, with([](nps_options& o) { o.coalition_time_limit = 0.0; })),
                  invalid_argument);
  CHECK_THROWS_AS(neutral_procedural_solution(
                      problem, with([](nps_options& o) { o.coalition_time_limit = -1.0; })),
                  invalid_argument);
  CHECK_THROWS_AS(neutral_procedural_solution(
                      problem, with([](nps_options& o) { o.coalition_time_limit = std::nan(""); })),
                  non_finite_error);
  CHECK_THROWS_AS(
      neutral_procedural_solution(problem, with([](nps_options& o) { o.tolerance = 0.0; })),
      invalid_argument);
  CHECK_THROWS_AS(
      neutral_procedural_solution(problem, with([](nps_options& o) { o.restarts = -1; })),
      invalid_argument);
  CHECK_THROWS_AS(neutral_procedural_solution(
                      problem, with([](nps_options& o) { o.simplicial_evaluations = -1; })),
                  invalid_argument);
  CHECK_THROWS_AS(
      neutral_procedural_solution(problem, with([](nps_options& o) { o.epsilon = 2.0; })),
      invalid_argument);
  CHECK_THROWS_AS(
      neutral_procedural_solution(problem, with([](nps_options& o) { o.epsilon = std::nan(""); })),
      non_finite_error);
  const nps_result r = neutral_procedural_solution(problem);
  CHECK_THROWS_AS(
      certify_neutral_procedural(problem, r, coalition{0, 1}, r.at(coalition{0, 1}).plan,
                                 with([](nps_options& o) { o.max_iterations = -1; })),
      invalid_argument);
}
