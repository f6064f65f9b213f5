// The bad-input table (issue 16), information side: persuasion, the bargaining set, selection
// environments, privacy, pricing (finite, binary, continuous), data monetization and the JSON
// reader. Each case asserts the documented outcome: a typed exception whose message names the
// entry point, or a correct answer (hardening_table.hpp; run by coverage_test.cpp).
#include <cmath>
#include <mechdesign/mechdesign.hpp>
#include <string>
#include <vector>

#include "hardening/hardening_table.hpp"

using namespace mechdesign;
using hardening::answers;
using hardening::throws_named;

std::vector<hardening::table_case> hardening::information_cases() {
  std::vector<table_case> c;
  auto add = [&](const std::string& family, const std::string& klass, const std::string& name,
                 std::function<void()> f) {
    c.push_back({family, klass, name, std::move(f)});
  };
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
  add("pricing binary", "NaN", "ceiling_rule(NaN)", throws_named<non_finite_error>("pricing", [] {
        (void)pricing::ceiling_rule(hardening::nan);
      }));
  add("pricing binary", "out-of-range parameter", "informativeness 2",
      throws_named<invalid_argument>("pricing", [] { (void)pricing::gain(2.0, 0.5); }));
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
  return c;
}

std::vector<hardening::not_applicable> hardening::information_not_applicable() { return {}; }
