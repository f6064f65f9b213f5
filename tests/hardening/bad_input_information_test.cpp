// The bad-input table (issue 16), information side: persuasion, the bargaining set, selection
// environments, privacy, pricing (finite, binary, continuous), data monetization and the JSON
// reader. Each case asserts the documented outcome: a typed exception whose message names the
// entry point, or a correct answer (hardening_table.hpp; run by coverage_test.cpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/io/json.hpp>
#include <mechdesign/mechdesign.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "hardening/hardening_table.hpp"

using namespace mechdesign;
using hardening::answers;
using hardening::throws_named;

namespace {

// u_r = identity (the receiver matches the state), agent 0 likes action 0, agent 1 action 1:
// B is the segment x0 + x1 = 1 of [0, 1]^2.
persuasion::problem info_two_agents() {
  Eigen::MatrixXd u(2, 2);
  u << 1, 0, 0, 1;
  return persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                Eigen::MatrixXd::Identity(2, 2), u);
}

// 004's binary game with τ = 0.2 as a finite environment: two types (0.3, 0.9).
pricing::environment info_pricing_env() {
  return pricing::binary_environment(0.2, 0.5, Eigen::Vector2d(0.3, 0.9),
                                     Eigen::Vector2d(0.5, 0.5));
}

// A two-player Bayesian problem with binary types and one coalition {0, 1}.
nlohmann::json info_bayesian_json() {
  return nlohmann::json::parse(R"({"format": "mechdesign.bayesian_problem", "version": 1,
    "types": [2, 2], "prior": {"independent": [[0.5, 0.5], [0.5, 0.5]]}, "money": null,
    "coalitions": [{"members": [0, 1], "decisions": ["a", "b"],
                    "utilities": [[[1, 0, 0, 1], [0, 1, 1, 0]], [[1, 0, 0, 1], [0, 1, 1, 0]]]}]})");
}

std::string info_json_path() { return "hardening_information_test.json"; }

// Writes \p text to info_json_path(), runs \p f and removes the file (also when f throws).
void info_with_file(const std::string& text, const std::function<void()>& f) {
  {
    std::ofstream out(info_json_path());
    out << text;
  }
  struct remover {
    ~remover() { std::remove(info_json_path().c_str()); }
  } r;
  f();
}

}  // namespace

std::vector<hardening::table_case> hardening::information_cases() {
  case_list add;
  // ---- persuasion
  add("persuasion", "sum off by 1e-3", "prior off by 1e-3",
      throws_named<distribution_error>("persuasion::problem", [] {
        (void)persuasion::problem(Eigen::Vector2d(0.5, 0.501), Eigen::MatrixXd::Identity(2, 2),
                                  {Eigen::MatrixXd::Identity(2, 2)});
      }));
  add("persuasion", "NaN", "NaN receiver payoff",
      throws_named<non_finite_error>("persuasion::problem", [] {
        Eigen::MatrixXd ur = Eigen::MatrixXd::Identity(2, 2);
        ur(0, 1) = hardening::nan;
        (void)persuasion::problem(Eigen::Vector2d(0.5, 0.5), ur, {Eigen::MatrixXd::Identity(2, 2)});
      }));
  add("persuasion", "empty", "no agents", throws_named<invalid_argument>("persuasion::problem", [] {
        (void)persuasion::problem(Eigen::Vector2d(0.5, 0.5), Eigen::MatrixXd::Identity(2, 2), {});
      }));
  add("persuasion", "another problem's result", "another problem's lottery_result",
      throws_named<model_error>("construct_agreement", [] {
        // state-independent agents' payoffs (the lottery test needs them)
        Eigen::MatrixXd ua(3, 2);
        ua << 1, 1, 0, 0, 0.5, 0.5;
        const persuasion::problem p3(Eigen::Vector2d(0.5, 0.5), Eigen::MatrixXd::Random(3, 2),
                                     {ua});
        Eigen::MatrixXd ub(2, 2);
        ub << 1, 1, 0, 0;
        const persuasion::problem p2(Eigen::Vector2d(0.5, 0.5), Eigen::MatrixXd::Identity(2, 2),
                                     {ub});
        const auto t = persuasion::lottery_test(p3, Eigen::VectorXd::Zero(1));
        (void)persuasion::construct_agreement(p2, Eigen::MatrixXd::Identity(2, 2), t);
      }));

  // ---- bargaining set, selection environments, privacy
  add("bargaining set", "NaN", "pareto_efficiency with a NaN tolerance",
      throws_named<non_finite_error>("pareto_efficiency", [] {
        Eigen::MatrixXd u(2, 2);
        u << 1, 0, 0, 1;
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2), u);
        (void)persuasion::pareto_efficiency(p, Eigen::Vector2d(0.5, 0.5), hardening::nan);
      }));
  add("bargaining set", "mismatched sizes", "disagreement of the wrong size",
      throws_named<dimension_error>("ray_point", [] {
        Eigen::MatrixXd u(2, 2);
        u << 1, 0, 0, 1;
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2), u);
        (void)persuasion::egalitarian_solution(p, Eigen::Vector3d(0, 0, 0));
      }));
  add("bargaining set", "out-of-range parameter", "boundary for three agents",
      throws_named<invalid_argument>("bargaining_set_boundary", [] {
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2),
                                                              Eigen::MatrixXd::Ones(2, 3));
        (void)persuasion::bargaining_set_boundary(p);
      }));
  add("bargaining set", "NaN", "Nash with a NaN gap tolerance",
      throws_named<non_finite_error>("nash_solution", [] {
        Eigen::MatrixXd u(2, 2);
        u << 1, 0, 0, 1;
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2), u);
        persuasion::nash_options o;
        o.gap_tolerance = hardening::nan;
        (void)persuasion::nash_solution(p, Eigen::Vector2d(0, 0), Eigen::Vector2d(0.5, 0.5), o);
      }));
  add("selection environments", "NaN", "NaN tolerance",
      throws_named<non_finite_error>("check_selection_environment", [] {
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2),
                                                              Eigen::MatrixXd::Ones(2, 1));
        (void)persuasion::check_selection_environment(p, hardening::nan);
      }));
  add("selection environments", "answer", "a problem that is not one is reported", answers([] {
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2),
                                                              Eigen::MatrixXd::Ones(2, 1));
        hardening::expect(!persuasion::check_selection_environment(p).structural(),
                          "not structural");
      }));
  add("privacy", "out-of-range parameter", "values not increasing",
      throws_named<invalid_argument>("market", [] {
        persuasion::market mk{Eigen::Vector2d(2.0, 1.0), Eigen::Vector2d(0.5, 0.5),
                              Eigen::Vector2d(1.0, 1.0)};
        mk.validate();
      }));
  add("privacy", "sum off by 1e-3", "prior off by 1e-3",
      throws_named<distribution_error>("market", [] {
        persuasion::market mk{Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(0.5, 0.501),
                              Eigen::Vector2d(1.0, 1.0)};
        mk.validate();
      }));
  add("privacy", "NaN", "revenue_curve_decreasing with a NaN tolerance",
      throws_named<non_finite_error>("revenue_curve_decreasing", [] {
        persuasion::market mk{Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(0.5, 0.5),
                              Eigen::Vector2d(1.0, 1.0)};
        (void)persuasion::revenue_curve_decreasing(mk, hardening::nan);
      }));

  // ---- pricing binary
  add("pricing binary", "NaN", "ceiling_rule(NaN)",
      throws_named<non_finite_error>("pricing::ceiling_rule",
                                     [] { (void)pricing::ceiling_rule(hardening::nan); }));
  add("pricing binary", "out-of-range parameter", "informativeness 2",
      throws_named<invalid_argument>("pricing::gain", [] { (void)pricing::gain(2.0, 0.5); }));
  add("pricing binary", "out-of-range parameter", "seller belief 1.5",
      throws_named<distribution_error>("pricing", [] {
        (void)pricing::binary_environment(0.0, 1.5, Eigen::Vector2d(0.3, 0.9),
                                          Eigen::Vector2d(0.5, 0.5));
      }));
  add("pricing binary", "sum off by 1e-3", "type probabilities off by 1e-3",
      throws_named<distribution_error>("pricing", [] {
        (void)pricing::solve_optimal_menu(pricing::binary_environment(
            0.0, 0.5, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(0.5, 0.501)));
      }));

  // ---- pricing
  add("pricing continuous", "empty", "empty type_distribution",
      throws_named<invalid_argument>("type_distribution",
                                     [] { (void)pricing::type_distribution("empty", {}, {}); }));
  add("pricing continuous", "all-zero", "grid_types on a zero-mass law",
      throws_named<distribution_error>("grid_types", [] {
        const pricing::type_distribution zero(
            "zero", [](double) { return 0.0; }, [](double) { return 0.0; });
        (void)pricing::grid_types(zero, 8);
      }));
  add("pricing continuous", "NaN", "grid_types on a NaN law",
      throws_named<distribution_error>("grid_types", [] {
        const pricing::type_distribution bad(
            "nan", [](double) { return 0.0; }, [](double) { return hardening::nan; });
        (void)pricing::grid_types(bad, 8);
      }));
  add("pricing continuous", "out-of-range parameter", "grid_types with 0 cells",
      throws_named<invalid_argument>("grid_types", [] {
        (void)pricing::grid_types(pricing::type_distribution::uniform(), 0);
      }));
  add("pricing continuous", "out-of-range parameter", "negative tolerance",
      throws_named<invalid_argument>("solve_continuous", [] {
        pricing::continuous_options o;
        o.tolerance = -1.0;
        (void)pricing::solve_continuous(pricing::type_distribution::uniform(), 0.5, 0.5, o);
      }));
  add("pricing continuous", "NaN", "NaN tolerance",
      throws_named<non_finite_error>("solve_continuous", [] {
        pricing::continuous_options o;
        o.tolerance = hardening::nan;
        (void)pricing::solve_continuous(pricing::type_distribution::uniform(), 0.5, 0.5, o);
      }));
  add("pricing continuous", "answer", "zero tolerance returns", answers([] {
        pricing::continuous_options o;
        o.tolerance = 0.0;
        const auto r =
            pricing::solve_continuous(pricing::type_distribution::uniform(), 0.5, 0.5, o);
        hardening::expect(std::isfinite(r.lambda) && r.low_threshold <= r.high_threshold,
                          "a finite menu");
      }));
  add("pricing continuous", "out-of-range parameter", "a search grid too small",
      throws_named<invalid_argument>("solve_continuous", [] {
        pricing::continuous_options o;
        o.search_cells = 3;
        (void)pricing::solve_continuous(pricing::type_distribution::uniform(), 0.5, 0.5, o);
      }));
  add("pricing finite", "NaN", "check_menu with an all-NaN rule",
      throws_named<non_finite_error>("check_menu", [] {
        const auto env = pricing::binary_environment(0.0, 0.5, Eigen::Vector2d(0.3, 0.9),
                                                     Eigen::Vector2d(0.5, 0.5));
        pricing::menu m;
        m.rules = {Eigen::MatrixXd::Constant(2, 2, hardening::nan),
                   Eigen::MatrixXd::Constant(2, 2, 0.5)};
        m.prices = Eigen::Vector2d(0.0, 0.0);
        (void)pricing::check_menu(env, m);
      }));
  add("pricing finite", "NaN", "check_menu with a NaN tolerance",
      throws_named<non_finite_error>("check_menu", [] {
        const auto env = pricing::binary_environment(0.0, 0.5, Eigen::Vector2d(0.3, 0.9),
                                                     Eigen::Vector2d(0.5, 0.5));
        pricing::menu m;
        m.rules = {Eigen::MatrixXd::Constant(2, 2, 0.5), Eigen::MatrixXd::Constant(2, 2, 0.5)};
        m.prices = Eigen::Vector2d(0.0, 0.0);
        (void)pricing::check_menu(env, m, hardening::nan);
      }));
  add("pricing finite", "mismatched sizes", "check_menu with too few rules",
      throws_named<dimension_error>("check_menu", [] {
        const auto env = pricing::binary_environment(0.0, 0.5, Eigen::Vector2d(0.3, 0.9),
                                                     Eigen::Vector2d(0.5, 0.5));
        pricing::menu m;
        m.rules = {Eigen::MatrixXd::Constant(2, 2, 0.5)};
        m.prices = Eigen::Vector2d(0.0, 0.0);
        (void)pricing::check_menu(env, m);
      }));

  // ---- data monetization
  add("data monetization", "NaN", "mechanism_from_moments with NaN",
      throws_named<non_finite_error>("mechanism_from_moments", [] {
        const data_monetization::game g(2, 0.25, data_monetization::gaussian_prior{});
        data_monetization::symmetric_moments m;
        m.action_variance = hardening::nan;
        (void)data_monetization::mechanism_from_moments(g, m);
      }));
  add("data monetization", "NaN", "mechanism_from_moments with a NaN tolerance",
      throws_named<non_finite_error>("mechanism_from_moments", [] {
        const data_monetization::game g(2, 0.25, data_monetization::gaussian_prior{});
        (void)data_monetization::mechanism_from_moments(g, data_monetization::symmetric_moments{},
                                                        hardening::nan);
      }));
  add("data monetization", "huge size", "joint with 1.5e9 players (huge)",
      throws_named<dimension_error>("data_monetization::joint", [] {
        const data_monetization::game g(1500000000, -0.25, data_monetization::gaussian_prior{});
        (void)data_monetization::joint(g, data_monetization::uninformative(g));
      }));
  add("data monetization", "out-of-range parameter", "one player",
      throws_named<invalid_argument>("data_monetization::game", [] {
        (void)data_monetization::game(1, 0.25, data_monetization::gaussian_prior{});
      }));
  add("data monetization", "NaN", "NaN interaction",
      throws_named<non_finite_error>("data_monetization::game", [] {
        (void)data_monetization::game(2, hardening::nan, data_monetization::gaussian_prior{});
      }));

  // ---- persuasion: the environment, posteriors and payoffs, Theorem 1's tests
  add("persuasion", "inf", "infinite agent payoff",
      throws_named<non_finite_error>("persuasion::problem", [] {
        Eigen::MatrixXd ua = Eigen::MatrixXd::Identity(2, 2);
        ua(1, 1) = hardening::inf;
        (void)persuasion::problem(Eigen::Vector2d(0.5, 0.5), Eigen::MatrixXd::Identity(2, 2), {ua});
      }));
  add("persuasion", "inf", "infinite check_discrete tolerance",
      throws_named<non_finite_error>("check_discrete", [] {
        const auto p = info_two_agents();
        (void)persuasion::check_discrete(p, persuasion::full_information(p), hardening::inf);
      }));
  add("persuasion", "negative probability", "prior (-0.5, 1.5)",
      throws_named<distribution_error>("persuasion::problem", [] {
        (void)persuasion::problem(Eigen::Vector2d(-0.5, 1.5), Eigen::MatrixXd::Identity(2, 2),
                                  {Eigen::MatrixXd::Identity(2, 2)});
      }));
  add("persuasion", "negative probability", "structure with a negative entry",
      throws_named<distribution_error>("ex_ante_payoffs", [] {
        Eigen::Matrix2d pi;
        pi << 1.5, -0.5, 0.0, 1.0;
        (void)persuasion::ex_ante_payoffs(info_two_agents(), pi);
      }));
  add("persuasion", "sum off by 1e-3", "structure row off by 1e-3",
      throws_named<distribution_error>("receiver_payoff", [] {
        Eigen::Matrix2d pi;
        pi << 1.0, 0.001, 0.0, 1.0;
        (void)persuasion::receiver_payoff(info_two_agents(), pi);
      }));
  add("persuasion", "sum off by 1e-15", "prior and structure off by 1e-15 are accepted",
      answers([] {
        Eigen::MatrixXd u(2, 2);
        u << 1, 0, 0, 1;
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5 + 1e-15),
                                                              Eigen::MatrixXd::Identity(2, 2), u);
        Eigen::Matrix2d pi;
        pi << 1.0, 1e-15, 0.0, 1.0;
        // full information: the receiver always matches the state
        hardening::expect(std::abs(persuasion::receiver_payoff(p, pi) - 1.0) < 1e-12,
                          "full information is worth 1 to the receiver");
        const Eigen::VectorXd x = persuasion::ex_ante_payoffs(p, pi);
        hardening::expect(std::abs(x(0) - 0.5) < 1e-12 && std::abs(x(1) - 0.5) < 1e-12,
                          "each agent gets 1/2");
      }));
  add("persuasion", "empty", "no states", throws_named<invalid_argument>("persuasion::problem", [] {
        (void)persuasion::problem(Eigen::VectorXd(), Eigen::MatrixXd(), {Eigen::MatrixXd()});
      }));
  add("persuasion", "empty", "winner_takes_most of an empty table",
      throws_named<dimension_error>(
          "winner_takes_most", [] { (void)persuasion::winner_takes_most(Eigen::MatrixXd()); }));
  add("persuasion", "mismatched sizes", "receiver table with 3 columns for 2 states",
      throws_named<dimension_error>("persuasion::problem", [] {
        (void)persuasion::problem(Eigen::Vector2d(0.5, 0.5), Eigen::MatrixXd::Identity(2, 3),
                                  {Eigen::MatrixXd::Identity(2, 3)});
      }));
  add("persuasion", "mismatched sizes", "lottery_test with 3 disagreement payoffs",
      throws_named<dimension_error>("lottery_test", [] {
        (void)persuasion::lottery_test(info_two_agents(), Eigen::Vector3d(0, 0, 0));
      }));
  add("persuasion", "zero-probability type", "prior with a zero state",
      throws_named<zero_probability_error>("persuasion::problem", [] {
        (void)persuasion::problem(Eigen::Vector2d(1.0, 0.0), Eigen::MatrixXd::Identity(2, 2),
                                  {Eigen::MatrixXd::Identity(2, 2)});
      }));
  add("persuasion", "zero-probability type", "posterior of a never-sent recommendation",
      throws_named<zero_probability_error>("posterior", [] {
        Eigen::Matrix2d pi;
        pi << 1.0, 0.0, 1.0, 0.0;
        (void)persuasion::posterior(info_two_agents(), pi, 1);
      }));
  add("persuasion", "duplicate players", "a duplicated agent changes no surplus", answers([] {
        Eigen::MatrixXd u1(2, 1), u2(2, 2);
        u1 << 1.0, 0.25;
        u2 << 1.0, 1.0, 0.25, 0.25;
        const Eigen::Vector2d prior(0.5, 0.5);
        const auto one = persuasion::lottery_test(
            persuasion::problem::state_independent(prior, Eigen::MatrixXd::Identity(2, 2), u1),
            Eigen::VectorXd::Constant(1, 0.5));
        const auto two = persuasion::lottery_test(
            persuasion::problem::state_independent(prior, Eigen::MatrixXd::Identity(2, 2), u2),
            Eigen::VectorXd::Constant(2, 0.5));
        hardening::expect(one.ok() && two.ok(), "both LPs solve");
        hardening::expect(std::abs(one.surplus - 0.5) < 1e-9 && std::abs(two.surplus - 0.5) < 1e-9,
                          "the surplus is 1 - 1/2 with one agent or two copies");
      }));
  add("persuasion", "out-of-range index", "posterior of recommendation 5",
      throws_named<index_error>("posterior", [] {
        const auto p = info_two_agents();
        (void)persuasion::posterior(p, persuasion::full_information(p), 5);
      }));
  add("persuasion", "out-of-range index", "payoffs_at_belief of action -1",
      throws_named<index_error>("payoffs_at_belief", [] {
        (void)persuasion::payoffs_at_belief(info_two_agents(), Eigen::Vector2d(0.5, 0.5), -1);
      }));
  add("persuasion", "out-of-range index", "agent 2 of two",
      throws_named<index_error>("persuasion::problem", [] { (void)info_two_agents().agent(2); }));
  add("persuasion", "huge size", "attainable_actions with 20000 actions",
      throws_named<dimension_error>("attainable_actions", [] {
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Zero(20000, 2),
                                                              Eigen::MatrixXd::Zero(20000, 1));
        (void)persuasion::attainable_actions(p);
      }));
  add("persuasion", "magnitude 1e300/1e-300", "lottery_test is scale invariant", answers([] {
        Eigen::MatrixXd u(3, 2);
        u << 1, 0, 0, 1, 0.75, 0.75;
        Eigen::MatrixXd ur(3, 2);
        ur << 1, 0, 0, 1, 0.6, 0.6;
        for (const double k : {1.0, 1e300, 1e-300}) {
          const auto p =
              persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5), k * ur, k * u);
          const auto t = persuasion::lottery_test(p, Eigen::Vector2d(0.5, 0.5) * k);
          hardening::expect(t.ok(), fmt::format("the LP solves at scale {}", k));
          hardening::expect(t.beneficial, fmt::format("beneficial at scale {}", k));
          hardening::expect(std::abs(t.surplus / k - 0.25) < 1e-9,
                            fmt::format("surplus 0.25 * {} (got {})", k, t.surplus));
        }
      }));
  add("persuasion", "all-zero", "all-zero payoffs: nothing is beneficial", answers([] {
        const auto p = persuasion::problem::state_independent(
            Eigen::Vector2d(0.5, 0.5), Eigen::MatrixXd::Zero(2, 2), Eigen::MatrixXd::Zero(2, 2));
        const auto t = persuasion::lottery_test(p, Eigen::Vector2d(0, 0));
        hardening::expect(t.ok() && !t.beneficial && std::abs(t.surplus) < 1e-12,
                          "zero surplus, not beneficial");
        for (const auto& s : persuasion::attainable_actions(p)) {
          hardening::expect(s.attainable,
                            "every action is a best reply of an indifferent receiver");
        }
      }));

  // ---- bargaining set
  add("bargaining set", "inf", "support_point with an infinite weight",
      throws_named<non_finite_error>("support_point", [] {
        (void)persuasion::support_point(info_two_agents(), Eigen::Vector2d(hardening::inf, 1.0));
      }));
  add("bargaining set", "inf", "pareto_efficiency with an infinite tolerance",
      throws_named<non_finite_error>("pareto_efficiency", [] {
        (void)persuasion::pareto_efficiency(info_two_agents(), Eigen::Vector2d(0.5, 0.5),
                                            hardening::inf);
      }));
  add("bargaining set", "negative probability", "Nash weights (-0.5, 1.5)",
      throws_named<distribution_error>("nash_solution", [] {
        (void)persuasion::nash_solution(info_two_agents(), Eigen::Vector2d(0, 0),
                                        Eigen::Vector2d(-0.5, 1.5));
      }));
  add("bargaining set", "sum off by 1e-3", "Nash weights off by 1e-3",
      throws_named<distribution_error>("nash_solution", [] {
        (void)persuasion::nash_solution(info_two_agents(), Eigen::Vector2d(0, 0),
                                        Eigen::Vector2d(0.5, 0.501));
      }));
  add("bargaining set", "sum off by 1e-15", "Nash weights off by 1e-15 are accepted", answers([] {
        // B is the segment x0 + x1 = 1 of [0, 1]^2: the symmetric Nash point is (1/2, 1/2)
        const auto r = persuasion::nash_solution(info_two_agents(), Eigen::Vector2d(0, 0),
                                                 Eigen::Vector2d(0.5, 0.5 + 1e-15));
        hardening::expect(r.ok(), "solved");
        hardening::expect(
            std::abs(r.payoffs(0) - 0.5) < 1e-6 && std::abs(r.payoffs(1) - 0.5) < 1e-6,
            fmt::format("(1/2, 1/2), got ({}, {})", r.payoffs(0), r.payoffs(1)));
      }));
  add("bargaining set", "empty", "support_point with no weights",
      throws_named<dimension_error>("support_point", [] {
        (void)persuasion::support_point(info_two_agents(), Eigen::VectorXd());
      }));
  add("bargaining set", "zero-probability type", "Nash weights (1, 0): agent 0's best point",
      answers([] {
        const auto r = persuasion::nash_solution(info_two_agents(), Eigen::Vector2d(0, 0),
                                                 Eigen::Vector2d(1.0, 0.0));
        // x ≥ d = 0 componentwise and x0 maximal on B ∩ {x > d} approaches (1, 0)
        hardening::expect(r.payoffs.size() == 2 && r.payoffs(0) > 0.99 - 1e-6,
                          fmt::format("agent 0 gets ~1, got {}", r.payoffs(0)));
      }));
  add("bargaining set", "duplicate players", "two identical agents: egalitarian point (1, 1)",
      answers([] {
        const auto p = persuasion::problem::state_independent(
            Eigen::Vector2d(0.5, 0.5), Eigen::MatrixXd::Identity(2, 2),
            (Eigen::MatrixXd(2, 2) << 1, 1, 0, 0).finished());
        const auto r = persuasion::egalitarian_solution(p, Eigen::Vector2d(0, 0));
        hardening::expect(r.ok() && std::abs(r.value - 1.0) < 1e-9,
                          fmt::format("t = 1, got {}", r.value));
      }));
  add("bargaining set", "out-of-range index", "optimal_signal of sender 2",
      throws_named<index_error>("optimal_signal",
                                [] { (void)persuasion::optimal_signal(info_two_agents(), 2); }));
  add("bargaining set", "huge size", "support_point with 20000 actions",
      throws_named<dimension_error>("support_point", [] {
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Zero(20000, 2),
                                                              Eigen::MatrixXd::Zero(20000, 2));
        (void)persuasion::support_point(p, Eigen::Vector2d(1, 1));
      }));
  add("bargaining set", "magnitude 1e300/1e-300", "support values scale with the weights",
      answers([] {
        for (const double k : {1e300, 1e-300}) {
          const auto r = persuasion::support_point(info_two_agents(), Eigen::Vector2d(k, 0.0));
          hardening::expect(r.ok(), fmt::format("solved at weight {}", k));
          hardening::expect(std::abs(r.payoffs(0) - 1.0) < 1e-9,
                            fmt::format("agent 0 gets 1 at weight {} (got {})", k, r.payoffs(0)));
        }
      }));
  add("bargaining set", "all-zero", "zero weights: value 0", answers([] {
        const auto r = persuasion::support_point(info_two_agents(), Eigen::Vector2d(0, 0));
        hardening::expect(r.ok() && r.value == 0.0, "value 0");
      }));

  // ---- selection environments (000 §4.1)
  add("selection environments", "inf", "infinite tolerance",
      throws_named<non_finite_error>("check_selection_environment", [] {
        (void)persuasion::check_selection_environment(catalog::electoral_campaign(),
                                                      hardening::inf);
      }));
  add("selection environments", "negative probability", "omega_0 row with a negative entry",
      throws_named<distribution_error>("endorsement_rule", [] {
        (void)persuasion::endorsement_rule(catalog::electoral_campaign(),
                                           Eigen::Vector3d(1.5, -0.5, 0.0));
      }));
  add("selection environments", "sum off by 1e-3", "omega_0 row off by 1e-3",
      throws_named<distribution_error>("endorsement_rule", [] {
        (void)persuasion::endorsement_rule(catalog::electoral_campaign(),
                                           Eigen::Vector3d(0.5, 0.25, 0.251));
      }));
  add("selection environments", "sum off by 1e-15", "omega_0 row off by 1e-15 is accepted",
      answers([] {
        const Eigen::Vector3d row(0.5, 0.25, 0.25 + 1e-15);
        const auto pi = persuasion::endorsement_rule(catalog::electoral_campaign(), row);
        hardening::expect(pi.row(0).transpose() == row, "row 0 is the given row");
        hardening::expect(pi.bottomRows(2) == Eigen::MatrixXd::Identity(3, 3).bottomRows(2),
                          "agent states are revealed");
      }));
  add("selection environments", "empty", "empty omega_0 row",
      throws_named<dimension_error>("endorsement_rule", [] {
        (void)persuasion::endorsement_rule(catalog::electoral_campaign(), Eigen::VectorXd());
      }));
  add("selection environments", "mismatched sizes", "check_robustness with a 2x2 structure",
      throws_named<dimension_error>("check_robustness", [] {
        (void)persuasion::check_robustness(catalog::electoral_campaign(),
                                           Eigen::MatrixXd::Identity(2, 2));
      }));
  add("selection environments", "zero-probability type", "never-sent recommendations are skipped",
      answers([] {
        // every state recommends a0: a1 and a2 are never sent and have no posterior
        Eigen::MatrixXd pi = Eigen::MatrixXd::Zero(3, 3);
        pi.col(0).setOnes();
        const auto r = persuasion::check_robustness(catalog::electoral_campaign(), pi);
        hardening::expect(r.ok(), "solved");
      }));
  add("selection environments", "duplicate players", "two copies of one agent are not Definition 2",
      answers([] {
        Eigen::MatrixXd u(3, 2);
        u << 1, 1, 3, 3, 0, 0;
        const auto p = persuasion::problem::state_independent(Eigen::Vector3d(0.8, 0.1, 0.1),
                                                              Eigen::MatrixXd::Identity(3, 3), u);
        const auto r = persuasion::check_selection_environment(p);
        hardening::expect(!r.passed && !r.first_failure.empty(), "refused with a reason");
      }));
  add("selection environments", "huge size", "check_robustness with 20000 actions",
      throws_named<dimension_error>("check_robustness", [] {
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Zero(20000, 2),
                                                              Eigen::MatrixXd::Zero(20000, 1));
        Eigen::MatrixXd pi = Eigen::MatrixXd::Zero(2, 20000);
        pi.col(0).setOnes();
        (void)persuasion::check_robustness(p, pi);
      }));
  add("selection environments", "magnitude 1e300/1e-300", "verdicts are scale invariant",
      answers([] {
        const auto p = catalog::electoral_campaign();
        for (const double k : {1e300, 1e-300}) {
          std::vector<Eigen::MatrixXd> agents{k * p.agent(0), k * p.agent(1)};
          const persuasion::problem q(p.prior(), k * p.receiver(), agents);
          const auto r = persuasion::check_selection_environment(q);
          hardening::expect(r.passed == persuasion::check_selection_environment(p).passed,
                            fmt::format("same verdict at scale {}: {}", k, r.first_failure));
          hardening::expect(r.structural(), fmt::format("structural at scale {}", k));
        }
      }));
  add("selection environments", "all-zero", "all-zero payoffs are not Definition 2", answers([] {
        const persuasion::problem p(Eigen::Vector3d(0.8, 0.1, 0.1), Eigen::MatrixXd::Zero(3, 3),
                                    {Eigen::MatrixXd::Zero(3, 3), Eigen::MatrixXd::Zero(3, 3)});
        const auto r = persuasion::check_selection_environment(p);
        hardening::expect(!r.passed && !r.receiver_guesses, "x_j > 0 fails");
      }));

  // ---- privacy (000 §3.3)
  add("privacy", "inf", "infinite value", throws_named<non_finite_error>("market", [] {
        persuasion::market{Eigen::Vector2d(1.0, hardening::inf), Eigen::Vector2d(0.5, 0.5),
                           Eigen::Vector2d(1.0, 1.0)}
            .validate();
      }));
  add("privacy", "negative probability", "prior (-0.5, 1.5)",
      throws_named<distribution_error>("market", [] {
        (void)persuasion::revenue_curve(
            {Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(-0.5, 1.5), Eigen::Vector2d(1.0, 1.0)});
      }));
  add("privacy", "sum off by 1e-15", "prior off by 1e-15 is accepted", answers([] {
        const Eigen::VectorXd r = persuasion::revenue_curve(
            {Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(0.5, 0.5 + 1e-15), Eigen::Vector2d(1, 1)});
        hardening::expect(std::abs(r(0) - 1.0) < 1e-12 && std::abs(r(1) - 1.0) < 1e-12,
                          "revenue curve (1, 1)");
      }));
  add("privacy", "empty", "no values", throws_named<invalid_argument>("market", [] {
        persuasion::market{Eigen::VectorXd(), Eigen::VectorXd(), Eigen::VectorXd()}.validate();
      }));
  add("privacy", "mismatched sizes", "three gammas for two values",
      throws_named<dimension_error>("market", [] {
        persuasion::market{Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(0.5, 0.5),
                           Eigen::Vector3d(1, 1, 1)}
            .validate();
      }));
  add("privacy", "mismatched sizes", "trade_probabilities with a 3x3 structure",
      throws_named<dimension_error>("trade_probabilities", [] {
        (void)persuasion::trade_probabilities(
            {Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(1, 1)},
            Eigen::MatrixXd::Identity(3, 3));
      }));
  add("privacy", "zero-probability type", "a value with prior 0",
      throws_named<zero_probability_error>("market", [] {
        persuasion::market{Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(1.0, 0.0),
                           Eigen::Vector2d(1.0, 1.0)}
            .validate();
      }));
  add("privacy", "duplicate players", "two buyers with the same value",
      throws_named<model_error>("market", [] {
        persuasion::market{Eigen::Vector2d(1.0, 1.0), Eigen::Vector2d(0.5, 0.5),
                           Eigen::Vector2d(1.0, 1.0)}
            .validate();
      }));
  add("privacy", "out-of-range index", "categories covering 3 of 2 values",
      throws_named<dimension_error>("category_structure", [] {
        (void)persuasion::category_structure(
            {Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(1, 1)}, {3});
      }));
  add("privacy", "out-of-range parameter", "interval_partitions(0)",
      throws_named<invalid_argument>("interval_partitions",
                                     [] { (void)persuasion::interval_partitions(0); }));
  add("privacy", "huge size", "make_problem with 100000 values",
      throws_named<dimension_error>("make_problem", [] {
        const index_t n = 100000;
        persuasion::market mk{Eigen::VectorXd::LinSpaced(n, 1.0, 2.0),
                              Eigen::VectorXd::Constant(n, 1.0 / n), Eigen::VectorXd::Ones(n)};
        (void)persuasion::make_problem(mk);
      }));
  add("privacy", "magnitude 1e300/1e-300", "revenue_curve_decreasing is scale invariant",
      answers([] {
        for (const double k : {1.0, 1e300, 1e-300}) {
          // revenue (k, 1.5 k): increasing; (k, 0.75 k): decreasing
          const persuasion::market up{Eigen::Vector2d(k, 3 * k), Eigen::Vector2d(0.5, 0.5),
                                      Eigen::Vector2d(1, 1)};
          const persuasion::market down{Eigen::Vector2d(k, 1.5 * k), Eigen::Vector2d(0.5, 0.5),
                                        Eigen::Vector2d(1, 1)};
          hardening::expect(!persuasion::revenue_curve_decreasing(up),
                            fmt::format("increasing curve at scale {}", k));
          hardening::expect(persuasion::revenue_curve_decreasing(down),
                            fmt::format("decreasing curve at scale {}", k));
        }
      }));
  add("privacy", "all-zero", "all-zero values", throws_named<model_error>("market", [] {
        persuasion::market{Eigen::Vector2d(0, 0), Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(1, 1)}
            .validate();
      }));

  // ---- pricing finite (004 §2-§4)
  add("pricing finite", "inf", "infinite buyer payoff",
      throws_named<non_finite_error>("solve_optimal_menu", [] {
        auto env = info_pricing_env();
        env.buyer_payoff(0, 0) = hardening::inf;
        (void)pricing::solve_optimal_menu(env);
      }));
  add("pricing finite", "negative probability", "type probabilities (-0.5, 1.5)",
      throws_named<distribution_error>("solve_optimal_menu", [] {
        auto env = info_pricing_env();
        env.type_probabilities << -0.5, 1.5;
        (void)pricing::solve_optimal_menu(env);
      }));
  add("pricing finite", "sum off by 1e-3", "a type belief off by 1e-3",
      throws_named<distribution_error>("check_menu", [] {
        auto env = info_pricing_env();
        env.type_beliefs(0, 0) += 1e-3;
        pricing::menu m;
        m.rules = {Eigen::MatrixXd::Identity(2, 2), Eigen::MatrixXd::Identity(2, 2)};
        m.prices = Eigen::Vector2d(0, 0);
        (void)pricing::check_menu(env, m);
      }));
  add("pricing finite", "sum off by 1e-15", "type probabilities off by 1e-15 are accepted",
      answers([] {
        auto env = info_pricing_env();
        const auto exact = pricing::solve_optimal_menu(env);
        env.type_probabilities << 0.5, 0.5 + 1e-15;
        const auto r = pricing::solve_optimal_menu(env);
        hardening::expect(exact.ok() && r.ok(), "solved");
        hardening::expect(std::abs(r.profit - exact.profit) < 1e-9, "the same profit");
      }));
  add("pricing finite", "empty", "an empty environment",
      throws_named<dimension_error>(
          "solve_optimal_menu", [] { (void)pricing::solve_optimal_menu(pricing::environment{}); }));
  add("pricing finite", "zero-probability type", "a type of probability 0 changes no profit",
      answers([] {
        auto env = info_pricing_env();
        env.type_probabilities << 1.0, 0.0;
        const auto two = pricing::solve_optimal_menu(env);
        auto one = env;
        one.type_beliefs = env.type_beliefs.topRows(1);
        one.type_probabilities = Eigen::VectorXd::Ones(1);
        const auto single = pricing::solve_optimal_menu(one);
        hardening::expect(two.ok() && single.ok(), "solved");
        hardening::expect(std::abs(two.profit - single.profit) < 1e-9,
                          fmt::format("profit {} = {}", two.profit, single.profit));
      }));
  add("pricing finite", "duplicate players", "two copies of a type act as one", answers([] {
        auto env = info_pricing_env();
        env.type_beliefs.row(1) = env.type_beliefs.row(0);
        const auto two = pricing::solve_optimal_menu(env);
        auto one = env;
        one.type_beliefs = env.type_beliefs.topRows(1);
        one.type_probabilities = Eigen::VectorXd::Ones(1);
        const auto single = pricing::solve_optimal_menu(one);
        hardening::expect(two.ok() && single.ok(), "solved");
        hardening::expect(std::abs(two.profit - single.profit) < 1e-9,
                          fmt::format("profit {} = {}", two.profit, single.profit));
      }));
  add("pricing finite", "huge size", "100000 types: K^2 report pairs refused",
      throws_named<dimension_error>("solve_optimal_menu", [] {
        const index_t k = 100000;
        const Eigen::VectorXd v = Eigen::VectorXd::LinSpaced(k, 0.01, 0.99);
        (void)pricing::solve_optimal_menu(
            pricing::binary_environment(0.0, 0.5, v, Eigen::VectorXd::Constant(k, 1.0 / k)));
      }));
  add("pricing finite", "huge size", "check_menu with 100000 types",
      throws_named<dimension_error>("check_menu", [] {
        const index_t k = 100000;
        const Eigen::VectorXd v = Eigen::VectorXd::LinSpaced(k, 0.01, 0.99);
        pricing::menu m;
        m.rules.assign(static_cast<std::size_t>(k), Eigen::MatrixXd::Identity(2, 2));
        m.prices = Eigen::VectorXd::Zero(k);
        (void)pricing::check_menu(
            pricing::binary_environment(0.0, 0.5, v, Eigen::VectorXd::Constant(k, 1.0 / k)), m);
      }));
  add("pricing finite", "magnitude 1e300/1e-300", "profit scales with the payoffs", answers([] {
        auto env0 = info_pricing_env();
        env0.externality *= 0.25;  // τ = 0.05: information is worth selling
        const auto base = pricing::solve_optimal_menu(env0);
        hardening::expect(base.ok() && base.profit > 0.01,
                          fmt::format("a positive base profit (got {})", base.profit));
        for (const double k : {1e50, 1e-50, 1e300, 1e-300}) {
          auto env = env0;
          env.buyer_payoff *= k;
          env.externality *= k;
          try {
            const auto r = pricing::solve_optimal_menu(env);
            hardening::expect(r.ok(), fmt::format("solved at scale {}: {}", k, r.message));
            hardening::expect(
                std::abs(r.profit / k - base.profit) < 1e-6 * base.profit,
                fmt::format("profit {} * {} at scale {} (got {})", base.profit, k, k, r.profit));
          } catch (const invalid_argument& e) {
            hardening::expect(std::string(e.what()).find("solve_optimal_menu") != std::string::npos,
                              "a refusal names the entry");
          }
        }
      }));
  add("pricing finite", "all-zero", "all-zero payoffs: no value, no profit", answers([] {
        auto env = info_pricing_env();
        env.buyer_payoff.setZero();
        env.externality.setZero();
        const auto r = pricing::solve_optimal_menu(env);
        hardening::expect(
            r.ok() && std::abs(r.profit) < 1e-12 && std::abs(r.expected_revenue) < 1e-12,
            "profit and revenue 0");
      }));

  // ---- pricing binary (004 §4.1)
  add("pricing binary", "inf", "infinite tau",
      throws_named<non_finite_error>("binary_environment", [] {
        (void)pricing::binary_environment(hardening::inf, 0.5, Eigen::Vector2d(0.3, 0.9),
                                          Eigen::Vector2d(0.5, 0.5));
      }));
  add("pricing binary", "inf", "solve_binary_types with infinite tau",
      throws_named<non_finite_error>("binary_types", [] {
        pricing::binary_types b;
        b.tau = hardening::inf;
        (void)pricing::solve_binary_types(b);
      }));
  add("pricing binary", "negative probability", "seller belief -0.1",
      throws_named<distribution_error>("binary_environment", [] {
        (void)pricing::binary_environment(0.0, -0.1, Eigen::Vector2d(0.3, 0.9),
                                          Eigen::Vector2d(0.5, 0.5));
      }));
  add("pricing binary", "sum off by 1e-15", "type probabilities off by 1e-15 are accepted",
      answers([] {
        const auto exact = pricing::solve_optimal_menu(pricing::binary_environment(
            0.0, 0.5, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(0.5, 0.5)));
        const auto r = pricing::solve_optimal_menu(pricing::binary_environment(
            0.0, 0.5, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(0.5, 0.5 + 1e-15)));
        hardening::expect(exact.ok() && r.ok() && std::abs(r.profit - exact.profit) < 1e-9,
                          "the same profit");
      }));
  add("pricing binary", "empty", "no types",
      throws_named<dimension_error>("binary_environment", [] {
        (void)pricing::binary_environment(0.0, 0.5, Eigen::VectorXd(), Eigen::VectorXd());
      }));
  add("pricing binary", "mismatched sizes", "two beliefs, three probabilities",
      throws_named<dimension_error>("binary_environment", [] {
        (void)pricing::binary_environment(0.0, 0.5, Eigen::Vector2d(0.3, 0.9),
                                          Eigen::Vector3d(0.2, 0.3, 0.5));
      }));
  add("pricing binary", "mismatched sizes", "informativeness of a 3x3 rule",
      throws_named<dimension_error>("informativeness", [] {
        (void)pricing::informativeness(Eigen::MatrixXd::Identity(3, 3));
      }));
  add("pricing binary", "zero-probability type", "phi = 0 is refused",
      throws_named<distribution_error>("binary_types", [] {
        pricing::binary_types b;
        b.phi = 0.0;
        (void)pricing::solve_binary_types(b);
      }));
  add("pricing binary", "duplicate players", "two equally precise types are refused",
      throws_named<invalid_argument>("binary_types", [] {
        pricing::binary_types b;
        b.v_high = b.v_low;
        (void)pricing::solve_binary_types(b);
      }));
  add("pricing binary", "huge size", "binary_environment with 100000 types, solved",
      throws_named<dimension_error>("solve_optimal_menu", [] {
        const index_t k = 100000;
        (void)pricing::solve_optimal_menu(pricing::binary_environment(
            0.5, 0.5, Eigen::VectorXd::Constant(k, 0.25), Eigen::VectorXd::Constant(k, 1.0 / k)));
      }));
  add("pricing binary", "magnitude 1e300/1e-300", "gain and externality at tiny informativeness",
      answers([] {
        // δ(I, v) = 1 − max(v, 1 − v) − I(1 − v) for I ≥ 0
        hardening::expect(pricing::gain(1e-300, 0.5) == 0.5, "gain(1e-300, 1/2) = 1/2");
        hardening::expect(pricing::expected_externality(1e-300, 0.5, 1e300) == 1e300,
                          "c(1e-300) = tau = 1e300");
        hardening::expect(pricing::expected_externality(1.0, 0.5, 1e-300) == 0.5e-300,
                          "c(1) = tau (1 - (1 - v_s)) = 0.5e-300");
      }));
  add("pricing binary", "all-zero", "informativeness 0 is the no-information rule", answers([] {
        const Eigen::Matrix2d r = pricing::ceiling_rule(0.0);
        hardening::expect(r == Eigen::Matrix2d::Identity(), "full revelation has I = 0");
        hardening::expect(pricing::informativeness(Eigen::Matrix2d::Zero()) == 0.0, "I(0) = 0");
        hardening::expect(pricing::gain(0.0, 0.75) == 0.25, "gain(0, 3/4) = 1/4");
      }));

  // ---- pricing continuous (004 §4.2)
  add("pricing continuous", "inf", "infinite tau",
      throws_named<non_finite_error>("solve_continuous", [] {
        (void)pricing::solve_continuous(pricing::type_distribution::uniform(), hardening::inf, 0.5);
      }));
  add("pricing continuous", "negative probability", "a negative density",
      throws_named<distribution_error>("solve_continuous", [] {
        const pricing::type_distribution bad(
            "negative", [](double v) { return v < 0.5 ? -1.0 : 3.0; },
            [](double v) { return std::clamp(v, 0.0, 1.0); });
        (void)pricing::solve_continuous(bad, 0.5, 0.5);
      }));
  add("pricing continuous", "sum off by 1e-3", "F(1) = 1.001",
      throws_named<distribution_error>("solve_continuous", [] {
        const pricing::type_distribution bad(
            "heavy", [](double) { return 1.001; },
            [](double v) { return 1.001 * std::clamp(v, 0.0, 1.0); });
        (void)pricing::solve_continuous(bad, 0.5, 0.5);
      }));
  add("pricing continuous", "sum off by 1e-15", "F(1) = 1 + 1e-15 is accepted", answers([] {
        const pricing::type_distribution almost(
            "almost uniform", [](double) { return 1.0 + 1e-15; },
            [](double v) { return (1.0 + 1e-15) * std::clamp(v, 0.0, 1.0); });
        const auto a = pricing::solve_continuous(almost, 0.5, 0.5);
        const auto b = pricing::solve_continuous(pricing::type_distribution::uniform(), 0.5, 0.5);
        hardening::expect(a.ok() && std::abs(a.profit - b.profit) < 1e-9 &&
                              std::abs(a.low_threshold - b.low_threshold) < 1e-9,
                          "the uniform law's menu");
      }));
  add("pricing continuous", "zero-probability type", "no mass on [0, 1/2)", answers([] {
        const pricing::type_distribution upper(
            "upper half", [](double v) { return v >= 0.5 ? 2.0 : 0.0; },
            [](double v) { return std::clamp(2.0 * v - 1.0, 0.0, 1.0); });
        const auto [v, p] = pricing::grid_types(upper, 8);
        hardening::expect(
            p.head(4).isZero() && std::abs(p.sum() - 1.0) < 1e-15 && std::abs(p(7) - 0.25) < 1e-15,
            "empty cells get 0, the rest 1/4");
        const auto r = pricing::solve_continuous(upper, 0.5, 0.5);
        hardening::expect(std::isfinite(r.profit), "a finite menu");
      }));
  add("pricing continuous", "out-of-range parameter", "seller belief 1.5",
      throws_named<distribution_error>("solve_continuous", [] {
        (void)pricing::solve_continuous(pricing::type_distribution::uniform(), 0.5, 1.5);
      }));
  add("pricing continuous", "huge size", "grid_types with 2^40 cells",
      throws_named<dimension_error>("grid_types", [] {
        (void)pricing::grid_types(pricing::type_distribution::uniform(), index_t{1} << 40);
      }));
  add("pricing continuous", "throwing callable", "a density that throws propagates unchanged",
      answers([] {
        const pricing::type_distribution bad(
            "throws", [](double) -> double { throw std::domain_error("density failed"); },
            [](double v) { return std::clamp(v, 0.0, 1.0); });
        try {
          (void)pricing::solve_continuous(bad, 0.5, 0.5);
        } catch (const std::domain_error& e) {
          hardening::expect(std::string(e.what()) == "density failed", "the callable's own error");
          return;
        }
        throw hardening::failure("the callable's exception was swallowed");
      }));
  add("pricing continuous", "throwing callable", "a CDF that throws in grid_types", answers([] {
        const pricing::type_distribution bad(
            "throws", [](double) { return 1.0; },
            [](double) -> double { throw std::domain_error("cdf failed"); });
        try {
          (void)pricing::grid_types(bad, 4);
        } catch (const std::domain_error&) {
          return;
        }
        throw hardening::failure("the callable's exception was swallowed");
      }));
  add("pricing continuous", "magnitude 1e300/1e-300", "tau 1e-300 is the tau = 0 menu", answers([] {
        const auto z = pricing::solve_continuous(pricing::type_distribution::uniform(), 0.0, 0.5);
        const auto t =
            pricing::solve_continuous(pricing::type_distribution::uniform(), 1e-300, 0.5);
        hardening::expect(t.ok() && std::abs(t.profit - z.profit) < 1e-12 &&
                              std::abs(t.low_threshold - z.low_threshold) < 1e-12,
                          "the same menu");
      }));
  add("pricing continuous", "magnitude 1e300/1e-300", "tau 1e300: no information is sold",
      answers([] {
        const auto r = pricing::solve_continuous(pricing::type_distribution::uniform(), 1e300, 0.5);
        hardening::expect(
            std::isfinite(r.profit) && r.expected_revenue == 0.0,
            fmt::format("no revenue, finite profit (got {}, {})", r.expected_revenue, r.profit));
      }));

  // ---- data monetization (001)
  add("data monetization", "inf", "infinite interaction",
      throws_named<non_finite_error>("data_monetization::game", [] {
        (void)data_monetization::game(2, hardening::inf, data_monetization::gaussian_prior{});
      }));
  add("data monetization", "inf", "check_mechanism with an infinite tolerance",
      throws_named<non_finite_error>("check_mechanism", [] {
        const data_monetization::game g(2, 0.25, data_monetization::gaussian_prior{});
        (void)data_monetization::check_mechanism(g, data_monetization::uninformative(g),
                                                 hardening::inf);
      }));
  add("data monetization", "negative probability", "a negative type variance",
      throws_named<invalid_argument>("data_monetization::game", [] {
        data_monetization::gaussian_prior p;
        p.type_variance = -1.0;
        (void)data_monetization::game(2, 0.25, p);
      }));
  add("data monetization", "empty", "check_mechanism of an empty joint law",
      throws_named<dimension_error>("check_mechanism", [] {
        const data_monetization::game g(2, 0.25, data_monetization::gaussian_prior{});
        (void)data_monetization::check_mechanism(g, data_monetization::joint_distribution{});
      }));
  add("data monetization", "mismatched sizes", "a 3-player joint law for a 2-player game",
      throws_named<dimension_error>("check_mechanism", [] {
        const data_monetization::game g2(2, 0.25, data_monetization::gaussian_prior{});
        const data_monetization::game g3(3, 0.25, data_monetization::gaussian_prior{});
        (void)data_monetization::check_mechanism(
            g2, data_monetization::joint(g3, data_monetization::uninformative(g3)));
      }));
  add("data monetization", "zero-probability type", "a degenerate (zero-variance) type",
      throws_named<invalid_argument>("data_monetization::game", [] {
        data_monetization::gaussian_prior p;
        p.type_variance = 0.0;
        (void)data_monetization::game(2, 0.25, p);
      }));
  add("data monetization", "magnitude 1e300/1e-300", "welfare scales with the variances",
      answers([] {
        const data_monetization::game g(3, 0.2, data_monetization::gaussian_prior{});
        const double w = data_monetization::welfare(g, data_monetization::complete_information(g));
        hardening::expect(std::isfinite(w) && w != 0.0, "a nonzero base welfare");
        for (const double k : {1e150, 1e-150}) {
          data_monetization::gaussian_prior p;
          p.state_variance = p.type_variance = k;
          const data_monetization::game h(3, 0.2, p);
          const double v =
              data_monetization::welfare(h, data_monetization::complete_information(h));
          hardening::expect(std::abs(v / k - w) < 1e-9 * std::abs(w),
                            fmt::format("welfare {} * {} (got {})", w, k, v));
        }
      }));
  add("data monetization", "magnitude 1e300/1e-300", "check_mechanism verdicts are scale free",
      answers([] {
        auto verdicts = [](double k) {
          data_monetization::gaussian_prior p;
          p.state_variance = p.type_variance = k;
          const data_monetization::game g(3, 0.2, p);
          auto x = data_monetization::complete_information(g);
          const auto good = data_monetization::check_mechanism(g, x);
          x.state_weight += 0.5;  // no longer obedient
          const auto bad = data_monetization::check_mechanism(g, x);
          return std::make_pair(good.obedient(), bad.obedient());
        };
        const auto base = verdicts(1.0);
        hardening::expect(base.first && !base.second, "obedient / not obedient at scale 1");
        for (const double k : {1e300, 1e-300}) {
          hardening::expect(verdicts(k) == base, fmt::format("the same verdicts at scale {}", k));
        }
      }));
  add("data monetization", "all-zero", "all-zero moments: the uninformative mechanism", answers([] {
        const data_monetization::game g(2, 0.25, data_monetization::gaussian_prior{});
        const auto x = data_monetization::mechanism_from_moments(g, {});
        hardening::expect(x.state_weight == 0.0 && x.own_type_weight == 0.0 &&
                              x.others_type_weight == 0.0 && x.noise_variance == 0.0,
                          "no weight, no noise");
      }));

  // ---- io json
  add("io json", "NaN", "a NaN prior entry in a JSON value",
      throws_named<non_finite_error>("io::persuasion_problem_from_json", [] {
        auto j = io::to_json(info_two_agents());
        j["prior"][0] = hardening::nan;
        (void)io::persuasion_problem_from_json(j);
      }));
  add("io json", "NaN", "NaN spelled in a file is not JSON",
      throws_named<model_error>("io::load_persuasion_problem", [] {
        auto text = io::to_json(info_two_agents()).dump();
        text.replace(text.find("0.5"), 3, "NaN");
        info_with_file(text, [] { (void)io::load_persuasion_problem(info_json_path()); });
      }));
  add("io json", "inf", "1e999 in a file overflows: refused as malformed",
      throws_named<model_error>("io::load_persuasion_problem", [] {
        auto text = io::to_json(info_two_agents()).dump();
        text.replace(text.find("0.5"), 3, "1e999");
        info_with_file(text, [] { (void)io::load_persuasion_problem(info_json_path()); });
      }));
  add("io json", "inf", "an infinite payoff in a JSON value",
      throws_named<non_finite_error>("io::pricing_environment_from_json", [] {
        auto j = io::to_json(info_pricing_env());
        j["buyer_payoff"][0][0] = hardening::inf;
        (void)io::pricing_environment_from_json(j);
      }));
  add("io json", "negative probability", "prior [-0.5, 1.5]",
      throws_named<distribution_error>("io::persuasion_problem_from_json", [] {
        auto j = io::to_json(info_two_agents());
        j["prior"] = {-0.5, 1.5};
        (void)io::persuasion_problem_from_json(j);
      }));
  add("io json", "sum off by 1e-3", "type probabilities off by 1e-3",
      throws_named<distribution_error>("io::pricing_environment_from_json", [] {
        auto j = io::to_json(info_pricing_env());
        j["type_probabilities"] = {0.5, 0.501};
        (void)io::pricing_environment_from_json(j);
      }));
  add("io json", "sum off by 1e-15", "a prior off by 1e-15 round-trips", answers([] {
        auto j = io::to_json(info_two_agents());
        j["prior"] = {0.5, 0.5 + 1e-15};
        const auto p = io::persuasion_problem_from_json(j);
        hardening::expect(p.prior()(1) == 0.5 + 1e-15, "kept bit for bit");
      }));
  add("io json", "empty", "an empty file",
      throws_named<model_error>("io::load_pricing_environment", [] {
        info_with_file("", [] { (void)io::load_pricing_environment(info_json_path()); });
      }));
  add("io json", "empty", "an empty object",
      throws_named<model_error>("io::bayesian_problem_from_json", [] {
        (void)io::bayesian_problem_from_json(nlohmann::json::object());
      }));
  add("io json", "mismatched sizes", "a ragged receiver table",
      throws_named<dimension_error>("io::persuasion_problem_from_json", [] {
        auto j = io::to_json(info_two_agents());
        j["receiver"][1] = {1.0};
        (void)io::persuasion_problem_from_json(j);
      }));
  add("io json", "mismatched sizes", "an agent table of the wrong shape",
      throws_named<dimension_error>("io::persuasion_problem_from_json", [] {
        auto j = io::to_json(info_two_agents());
        j["agents"][0] = {{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}};
        (void)io::persuasion_problem_from_json(j);
      }));
  add("io json", "zero-probability type", "a prior with a zero state",
      throws_named<zero_probability_error>("io::persuasion_problem_from_json", [] {
        auto j = io::to_json(info_two_agents());
        j["prior"] = {1.0, 0.0};
        (void)io::persuasion_problem_from_json(j);
      }));
  add("io json", "duplicate players", "a coalition listing player 0 twice",
      throws_named<model_error>("io::bayesian_problem_from_json", [] {
        auto j = info_bayesian_json();
        j["coalitions"][0]["members"] = {0, 0};
        (void)io::bayesian_problem_from_json(j);
      }));
  add("io json", "duplicate players", "a file with two \"prior\" members",
      throws_named<model_error>("io::load_persuasion_problem", [] {
        auto text = io::to_json(info_two_agents()).dump();
        text.insert(1, "\"prior\":[1.0,0.0],");
        info_with_file(text, [] { (void)io::load_persuasion_problem(info_json_path()); });
      }));
  add("io json", "out-of-range index", "a coalition member 5",
      throws_named<index_error>("io::bayesian_problem_from_json", [] {
        auto j = info_bayesian_json();
        j["coalitions"][0]["members"] = {5};
        (void)io::bayesian_problem_from_json(j);
      }));
  add("io json", "out-of-range index", "a coalition member 2^32 (would wrap to player 0)",
      throws_named<index_error>("io::bayesian_problem_from_json", [] {
        auto j = info_bayesian_json();
        j["coalitions"][0]["members"] = {std::int64_t{1} << 32, 1};
        (void)io::bayesian_problem_from_json(j);
      }));
  add("io json", "huge size", "types [2^40, 2^40]",
      throws_named<dimension_error>("io::bayesian_problem_from_json", [] {
        auto j = info_bayesian_json();
        j["types"] = {index_t{1} << 40, index_t{1} << 40};
        j["prior"] = {{"joint", {0.5, 0.5}}};
        (void)io::bayesian_problem_from_json(j);
      }));
  add("io json", "magnitude 1e300/1e-300", "1e300 and 1e-300 round-trip bit for bit", answers([] {
        auto env = info_pricing_env();
        env.buyer_payoff << 1e300, 1e-300, -1e-300, 1e300;
        env.externality << 1e-300, 0, 0, 1e300;
        const auto back =
            io::pricing_environment_from_json(nlohmann::json::parse(io::to_json(env).dump()));
        hardening::expect(
            back.buyer_payoff == env.buyer_payoff && back.externality == env.externality,
            "kept bit for bit");
      }));
  add("io json", "all-zero", "an all-zero joint prior",
      throws_named<distribution_error>("io::bayesian_problem_from_json", [] {
        auto j = info_bayesian_json();
        j["prior"] = {{"joint", {0.0, 0.0, 0.0, 0.0}}};
        (void)io::bayesian_problem_from_json(j);
      }));
  return std::move(add.cases);
}

std::vector<hardening::not_applicable> hardening::information_not_applicable() {
  const std::string no_callable =
      "takes only Eigen tables, scalars and option structs: no callable parameter exists";
  const std::string no_probability =
      "the Gaussian game has no probability vector (the prior is means and variances)";
  return {
      {"persuasion", "throwing callable", "persuasion::problem and its tests " + no_callable},
      {"bargaining set", "throwing callable", "the bargaining-set solvers " + no_callable},
      {"selection environments", "out-of-range index",
       "no selection-environment function takes an index: agents, states and actions are "
       "addressed by Definition 2's layout, never by a caller's index"},
      {"selection environments", "throwing callable",
       "the selection-environment checks " + no_callable},
      {"privacy", "throwing callable", "market and its functions " + no_callable},
      {"pricing finite", "out-of-range index",
       "no finite-pricing function takes an index: types, states and actions are positions in "
       "the environment's tables, whose shapes are checked (mismatched sizes)"},
      {"pricing finite", "throwing callable", "environment, check_menu and the LP " + no_callable},
      {"pricing binary", "out-of-range index",
       "the binary functions take beliefs and informativeness values, never an index"},
      {"pricing binary", "throwing callable", "the binary functions " + no_callable},
      {"pricing continuous", "mismatched sizes",
       "solve_continuous and grid_types take a type law and scalars: no two inputs carry sizes "
       "that could disagree"},
      {"pricing continuous", "duplicate players",
       "types are a continuum on [0, 1] given by one law; there are no players to repeat"},
      {"pricing continuous", "out-of-range index",
       "no continuous-pricing function takes an index (parameters out of range are covered as "
       "out-of-range parameter)"},
      {"data monetization", "sum off by 1e-3", no_probability},
      {"data monetization", "sum off by 1e-15", no_probability},
      {"data monetization", "duplicate players",
       "the game is symmetric by construction: players are given by their number n, not as a "
       "list that could repeat one"},
      {"data monetization", "out-of-range index",
       "no data-monetization function takes a player or type index: mechanisms are symmetric "
       "and given by their weights"},
      {"data monetization", "throwing callable", "the game and mechanisms " + no_callable},
      {"io json", "throwing callable",
       "the readers take JSON values or paths only: no callable parameter exists"},
  };
}
