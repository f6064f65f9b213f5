// The bad-input table (issue 16), mechanism side: priors, type spaces, problems, mechanisms, the
// LP layer, the primal, efficiency, warranted claims, selection, NPS, bargaining, design and the
// textbook models. Each case asserts the documented outcome: a typed exception whose message
// names the entry point, or a correct answer (hardening_table.hpp; run by coverage_test.cpp).
#include <cmath>
#include <limits>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/mechdesign.hpp>
#include <string>
#include <vector>

#include "hardening/hardening_table.hpp"

using namespace mechdesign;
using hardening::answers;
using hardening::throws_named;

namespace {

const double hardening_nan = hardening::nan;
const double hardening_inf = hardening::inf;
void hardening_expect(bool ok, const std::string& what) { hardening::expect(ok, what); }

// A two-player, two-type problem with a status quo and one alternative for N, status quo for
// each singleton (independent uniform prior).
bayesian_problem<> hardening_problem(double scale = 1.0) {
  const Eigen::Vector2d half(0.5, 0.5);
  bayesian_problem<> g(prior<>::independent({half, half}));
  Eigen::MatrixXd u0(2, 4), u1(2, 4);
  u0 << 0, 0, 0, 0, 3 * scale, -1 * scale, 2 * scale, 1 * scale;
  u1 << 0, 0, 0, 0, 1 * scale, 2 * scale, -1 * scale, 3 * scale;
  g.set_decisions(coalition{0, 1}, {"q", "a"}, {u0, u1});
  g.set_decisions(coalition{0}, {"q"}, {Eigen::MatrixXd::Zero(1, 4)});
  g.set_decisions(coalition{1}, {"q"}, {Eigen::MatrixXd::Zero(1, 4)});
  return g;
}

}  // namespace

std::vector<hardening::table_case> hardening::mechanism_cases() {
  std::vector<table_case> c;
  auto add = [&](const std::string& family, const std::string& klass, const std::string& name,
                 std::function<void()> f) {
    c.push_back({family, klass, name, std::move(f)});
  };
  using V = Eigen::VectorXd;

  // ---- priors
  add("priors", "NaN", "NaN tolerance", throws_named<non_finite_error>("prior::independent", [] {
        (void)prior<>::independent({Eigen::Vector2d(0.2, 0.2)}, hardening_nan);
      }));
  add("priors", "out-of-range parameter", "negative tolerance",
      throws_named<invalid_argument>("prior::independent", [] {
        (void)prior<>::independent({Eigen::Vector2d(0.5, 0.5)}, -1.0);
      }));
  add("priors", "NaN", "NaN entry", throws_named<non_finite_error>("prior::independent", [] {
        (void)prior<>::independent({Eigen::Vector2d(hardening_nan, 0.5)});
      }));
  add("priors", "inf", "+inf entry", throws_named<non_finite_error>("prior::joint", [] {
        (void)prior<>::joint(type_space({2}), Eigen::Vector2d(hardening_inf, 0.0));
      }));
  add("priors", "negative probability", "negative probability",
      throws_named<distribution_error>(
          "prior::independent", [] { (void)prior<>::independent({Eigen::Vector2d(1.5, -0.5)}); }));
  add("priors", "sum off by 1e-3", "sum off by 1e-3",
      throws_named<distribution_error>(
          "prior::independent", [] { (void)prior<>::independent({Eigen::Vector2d(0.5, 0.501)}); }));
  add("priors", "sum off by 1e-15", "sum off by 1e-15 (accepted)", answers([] {
        const auto p = prior<>::independent({Eigen::Vector2d(0.5, 0.5 + 1e-15)});
        hardening_expect(std::abs(p.probability(0) - 0.5) < 1e-12, "p(0) = 0.5");
      }));
  add("priors", "empty", "empty marginal", throws_named<dimension_error>("prior::independent", [] {
        (void)prior<>::independent({V()});
      }));
  add("priors", "empty", "no players",
      throws_named<invalid_argument>("prior::independent", [] { (void)prior<>::independent({}); }));
  add("priors", "zero-probability type", "zero-probability type",
      throws_named<zero_probability_error>(
          "prior::independent", [] { (void)prior<>::independent({Eigen::Vector2d(1.0, 0.0)}); }));
  add("priors", "mismatched sizes", "mismatched table size",
      throws_named<dimension_error>("prior::joint", [] {
        (void)prior<>::joint(type_space({2, 2}), Eigen::Vector3d(0.2, 0.3, 0.5));
      }));
  add("priors", "huge size", "40 binary players (huge)",
      throws_named<dimension_error>("prior::independent", [] {
        (void)prior<>::independent(std::vector<V>(40, Eigen::Vector2d(0.5, 0.5)));
      }));
  add("priors", "magnitude 1e300/1e-300", "magnitudes 1e-300",
      throws_named<distribution_error>("prior::independent", [] {
        (void)prior<>::independent({Eigen::Vector2d(1e-300, 1e-300)});
      }));

  // ---- type spaces and coalitions
  add("type spaces", "empty", "empty", throws_named<invalid_argument>("type_space", [] {
        (void)type_space(std::vector<index_t>{});
      }));
  add("type spaces", "empty", "empty type set", throws_named<invalid_argument>("type_space", [] {
        (void)type_space({2, 0});
      }));
  add("type spaces", "huge size", "overflowing profile count",
      throws_named<dimension_error>(
          "type_space", [] { (void)type_space(std::vector<index_t>(62, index_t{1} << 20)); }));
  add("type spaces", "out-of-range index", "out-of-range type",
      throws_named<index_error>("type_space::index", [] {
        (void)type_space({2, 2}).index({0, 2});
      }));
  add("type spaces", "out-of-range index", "without(70)",
      throws_named<index_error>("coalition::without", [] {
        (void)coalition{0, 1}.without(70);
      }));
  add("type spaces", "out-of-range index", "without(-1)",
      throws_named<index_error>("coalition::without", [] {
        (void)coalition{0, 1}.without(-1);
      }));
  add("type spaces", "out-of-range index", "with(63)",
      throws_named<index_error>("coalition::with", [] { (void)coalition{0}.with(63); }));
  add("type spaces", "out-of-range index", "mask bit 63",
      throws_named<index_error>("coalition::from_mask",
                                [] { (void)coalition::from_mask(std::uint64_t{1} << 63); }));
  add("type spaces", "duplicate players", "duplicate players",
      throws_named<invalid_argument>("coalition", [] {
        (void)coalition{1, 1};
      }));
  add("type spaces", "answer", "contains out of range is false", answers([] {
        const coalition s{0, 1};
        hardening_expect(!s.contains(70) && !s.contains(-1) && s.contains(1), "contains");
        hardening_expect(s.without(5) == s, "removing a non-member leaves S unchanged");
      }));

  // ---- problems
  add("problems", "mismatched sizes", "utility table of the wrong shape",
      throws_named<dimension_error>("set_decisions", [] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        g.set_decisions(coalition{0}, {"q"}, {Eigen::MatrixXd::Zero(1, 3)});
      }));
  add("problems", "NaN", "NaN utility", throws_named<non_finite_error>("set_decisions", [] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        g.set_decisions(coalition{0}, {"q"}, {Eigen::MatrixXd::Constant(1, 2, hardening_nan)});
      }));
  add("problems", "out-of-range index", "player outside the type space",
      throws_named<index_error>("set_decisions", [] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        g.set_decisions(coalition{3}, {"q"}, {Eigen::MatrixXd::Zero(1, 2)});
      }));
  add("problems", "throwing callable", "a utility callable that throws propagates its exception",
      answers([] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        bool propagated = false;
        try {
          g.set_decisions(coalition{0}, {"q"}, [](int, index_t, const profile&) -> double {
            throw std::domain_error("user utility failed");
          });
        } catch (const std::domain_error&) {
          propagated = true;
        }
        hardening_expect(propagated && !g.has_decisions(coalition{0}),
                         "the caller's exception propagates and nothing is registered");
      }));

  // ---- mechanisms
  add("mechanisms", "NaN", "NaN tolerance hides probabilities 7 and -6",
      throws_named<non_finite_error>("validate_mechanism", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities.row(0).setConstant(7.0);
        m.probabilities.row(1).setConstant(-6.0);
        validate_mechanism(g, m, hardening_nan);
      }));
  add("mechanisms", "out-of-range parameter", "negative tolerance",
      throws_named<invalid_argument>("validate_mechanism", [] {
        const auto g = hardening_problem().grand();
        validate_mechanism(g, mechanism<>::constant(g, 0), -1e-9);
      }));
  add("mechanisms", "NaN", "IC with a NaN tolerance",
      throws_named<non_finite_error>("check_incentive_compatibility", [] {
        const auto g = hardening_problem().grand();
        (void)check_incentive_compatibility(g, mechanism<>::constant(g, 1), hardening_nan);
      }));
  add("mechanisms", "inf", "IR with an infinite tolerance",
      throws_named<non_finite_error>("check_individual_rationality", [] {
        const auto p = hardening_problem();
        const auto g = p.grand();
        (void)check_individual_rationality(p, g, mechanism<>::constant(g, 1), hardening_inf);
      }));
  add("mechanisms", "mismatched sizes", "wrong shape",
      throws_named<dimension_error>("mechanism", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m;
        m.probabilities = Eigen::MatrixXd::Constant(3, 4, 1.0 / 3.0);
        validate_mechanism(g, m);
      }));
  add("mechanisms", "NaN", "NaN probability", throws_named<non_finite_error>("mechanism", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities(0, 0) = hardening_nan;
        validate_mechanism(g, m);
      }));
  add("mechanisms", "answer", "a real misreport gain is reported", answers([] {
        // decision a at profiles where player 0 reports type 1 only: type 0 gains by lying.
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        for (index_t j = 0; j < g.num_profiles(); ++j) {
          if (g.types().type_of(j, 0) == 1) {
            m.probabilities(0, j) = 0.0;
            m.probabilities(1, j) = 1.0;
          }
        }
        const auto rep = check_incentive_compatibility(g, m);
        hardening_expect(!rep.passed && rep.worst_violation > 0.1, "IC fails");
      }));

  // ---- lp models and options
  add("lp models and options", "NaN", "NaN objective coefficient",
      throws_named<invalid_argument>("lp", [] {
        lp::model m;
        m.add_variable("x", 0.0, 1.0, hardening_nan);
        (void)lp::solve(m);
      }));
  add("lp models and options", "out-of-range parameter", "lower bound above upper",
      throws_named<invalid_argument>("lp", [] {
        lp::model m;
        m.add_variable("x", 2.0, 1.0, 1.0);
        (void)lp::solve(m);
      }));
  add("lp models and options", "magnitude 1e300/1e-300", "coefficient 1e300",
      throws_named<invalid_argument>("lp", [] {
        lp::model m;
        const auto x = m.add_variable("x", 0.0, 1.0, 1.0);
        m.add_row("r", {{x, 1e300}}, 0.0, 1.0);
        (void)lp::solve(m);
      }));
  add("lp models and options", "out-of-range index", "row naming a missing column",
      throws_named<index_error>("lp::model", [] {
        lp::model m;
        m.add_variable("x", 0.0, 1.0, 1.0);
        m.add_row("r", {{5, 1.0}}, 0.0, 1.0);
        (void)lp::solve(m);
      }));
  add("lp models and options", "NaN", "NaN verify tolerance",
      throws_named<invalid_argument>("lp::solver_options", [] {
        lp::solver_options o;
        o.verify_tolerance = hardening_nan;
        lp::model m;
        m.add_variable("x", 0.0, 1.0, 1.0);
        (void)lp::solve(m, o);
      }));
  add("lp models and options", "NaN", "lp::verify with a NaN tolerance",
      throws_named<non_finite_error>("lp::verify", [] {
        lp::model m;
        m.add_variable("x", 0.0, 1.0, 1.0);
        lp::solution s = lp::solve(m);
        (void)lp::verify(m, s, hardening_nan);
      }));
  add("lp models and options", "answer", "an empty model is solved", answers([] {
        lp::model m;
        m.add_variable("x", 0.0, 1.0, 1.0);
        const auto s = lp::solve(m);
        hardening_expect(s.ok() && std::abs(s.objective - 1.0) < 1e-12, "max x on [0, 1] is 1");
      }));

  // ---- primal and efficiency
  add("primal", "mismatched sizes", "weights of the wrong size",
      throws_named<dimension_error>("solve_primal", [] {
        const auto g = hardening_problem().grand();
        (void)solve_primal(g, {Eigen::Vector2d(1, 1)});
      }));
  add("primal", "NaN", "NaN weight", throws_named<non_finite_error>("solve_primal", [] {
        const auto g = hardening_problem().grand();
        (void)solve_primal(g, {Eigen::Vector2d(1, hardening_nan), Eigen::Vector2d(1, 1)});
      }));
  add("primal", "NaN", "NaN primal_options::tolerance",
      throws_named<non_finite_error>("incentive_primal", [] {
        primal_options o;
        o.tolerance = hardening_nan;
        (void)solve_primal(hardening_problem().grand(),
                           {Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 1)}, {}, o);
      }));
  add("primal", "NaN", "NaN participation threshold",
      throws_named<non_finite_error>("set_participation", [] {
        (void)solve_primal(hardening_problem().grand(),
                           {Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 1)},
                           {Eigen::Vector2d(0, hardening_nan), Eigen::Vector2d(0, 0)});
      }));
  add("primal", "magnitude 1e300/1e-300",
      "magnitudes 1e-300 and 1e300 refused or solved, never wrong", answers([] {
        for (double scale : {1e-300, 1e300}) {
          try {
            const auto g = hardening_problem(scale).grand();
            const auto r = solve_primal(g, {Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 1)});
            if (r.ok()) {
              const auto ic = check_incentive_compatibility(g, r.optimal_mechanism, 1e-6 * scale);
              hardening_expect(ic.passed, "an ok() optimum is IC");
            }
          } catch (const mechdesign::invalid_argument&) {
            // a documented refusal (the LP layer's magnitude range)
          }
        }
      }));
  add("primal", "all-zero", "all-zero problem", answers([] {
        const auto g = hardening_problem(0.0).grand();
        const auto r = solve_primal(g, {Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 1)});
        hardening_expect(r.ok() && std::abs(r.objective) < 1e-12, "objective 0");
      }));
  add("efficiency", "NaN", "NaN tolerance",
      throws_named<non_finite_error>("test_incentive_efficiency", [] {
        const auto g = hardening_problem().grand();
        (void)test_incentive_efficiency(g, mechanism<>::constant(g, 1), hardening_nan);
      }));
  add("efficiency", "mismatched sizes", "mechanism of the wrong shape",
      throws_named<dimension_error>("mechanism", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m;
        m.probabilities = Eigen::MatrixXd::Constant(2, 3, 0.5);
        (void)test_incentive_efficiency(g, m);
      }));
  add("efficiency", "answer", "the status quo is improvable", answers([] {
        const auto g = hardening_problem().grand();
        const auto e = test_incentive_efficiency(g, mechanism<>::constant(g, 0));
        hardening_expect(e.ok() && e.verdict == efficiency_verdict::improvable, "improvable");
      }));

  // ---- warranted claims and selection
  add("warranted claims", "out-of-range index", "dictator outside the coalition",
      throws_named<invalid_argument>("warranted_claims", [] {
        const auto p = hardening_problem();
        const auto g = p.grand();
        (void)warranted_claims(g, 7, {Eigen::Vector2d(0.25, 0.25), Eigen::Vector2d(0.25, 0.25)},
                               {Eigen::Matrix2d::Zero(), Eigen::Matrix2d::Zero()},
                               singleton_threat(p, 1));
      }));
  add("warranted claims", "out-of-range index", "singleton_threat of a player outside the game",
      throws_named<invalid_argument>("singleton_threat",
                                     [] { (void)singleton_threat(hardening_problem(), 5); }));
  add("selection", "out-of-range index", "dictator outside the coalition",
      throws_named<index_error>("mechanism_selection", [] {
        const auto p = hardening_problem();
        (void)mechanism_selection(p.grand(), 4, singleton_threat(p, 1));
      }));
  add("selection", "NaN", "check_feasible with a NaN tolerance",
      throws_named<non_finite_error>("check_feasible", [] {
        const auto p = hardening_problem();
        const mechanism_selection sel(p.grand(), 0, singleton_threat(p, 1));
        (void)sel.check_feasible(mechanism<>::constant(p.grand(), 0), hardening_nan);
      }));

  // ---- NPS
  add("NPS", "huge size", "30 one-type players (huge)",
      throws_named<dimension_error>("neutral_procedural_solution", [] {
        bayesian_problem<> g(prior<>::independent(std::vector<V>(30, V::Ones(1))));
        g.set_decisions(coalition::grand(30), {"q"},
                        std::vector<Eigen::MatrixXd>(30, Eigen::MatrixXd::Zero(1, 1)));
        (void)neutral_procedural_solution(g);
      }));
  add("NPS", "empty", "a coalition without decisions",
      throws_named<model_error>("neutral_procedural_solution", [] {
        bayesian_problem<> g(prior<>::independent(std::vector<V>(3, V::Ones(1))));
        g.set_decisions(coalition::grand(3), {"q"},
                        std::vector<Eigen::MatrixXd>(3, Eigen::MatrixXd::Zero(1, 1)));
        (void)neutral_procedural_solution(g);
      }));
  add("NPS", "another problem's result", "another problem's nps_result",
      throws_named<model_error>("check_neutral_procedural", [] {
        const auto small = hardening_problem();
        const nps_result solved = neutral_procedural_solution(small);
        // same players, three types for player 0
        bayesian_problem<> other(
            prior<>::independent({Eigen::Vector3d(0.2, 0.3, 0.5), Eigen::Vector2d(0.5, 0.5)}));
        other.set_decisions(coalition{0, 1}, {"q", "a"},
                            {Eigen::MatrixXd::Ones(2, 6), Eigen::MatrixXd::Ones(2, 6)});
        other.set_decisions(coalition{0}, {"q"}, {Eigen::MatrixXd::Zero(1, 6)});
        other.set_decisions(coalition{1}, {"q"}, {Eigen::MatrixXd::Zero(1, 6)});
        (void)check_neutral_procedural(other, solved);
      }));
  add("NPS", "NaN", "NaN tolerance",
      throws_named<non_finite_error>("neutral_procedural_solution", [] {
        nps_options o;
        o.tolerance = hardening_nan;
        (void)neutral_procedural_solution(hardening_problem(), o);
      }));

  // ---- bargaining
  add("bargaining", "sum off by 1e-3", "monopoly belief not a distribution",
      throws_named<distribution_error>("bargaining::monopoly", [] {
        (void)bargaining::monopoly(0.2, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(0.7, 0.7));
      }));
  add("bargaining", "negative probability", "monopoly negative belief",
      throws_named<distribution_error>("bargaining::monopoly", [] {
        (void)bargaining::monopoly(0.2, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(1.5, -0.5));
      }));
  add("bargaining", "out-of-range parameter", "monopoly values decreasing",
      throws_named<invalid_argument>("bargaining::monopoly", [] {
        (void)bargaining::monopoly(0.2, Eigen::Vector2d(0.9, 0.3), Eigen::Vector2d(0.5, 0.5));
      }));
  add("bargaining", "NaN", "monopoly NaN value",
      throws_named<non_finite_error>("bargaining::monopoly", [] {
        (void)bargaining::monopoly(hardening_nan, Eigen::Vector2d(0.3, 0.9),
                                   Eigen::Vector2d(0.5, 0.5));
      }));
  add("bargaining", "empty", "monopoly empty",
      throws_named<dimension_error>("bargaining::monopoly",
                                    [] { (void)bargaining::monopoly(0.2, V(), V()); }));
  add("bargaining", "answer", "monopoly answer", answers([] {
        // price 0.9 sells with probability 0.5: 0.5·0.2 + 0.5·0.9 = 0.55 > 0.3 (price 0.3)
        const auto o =
            bargaining::monopoly(0.2, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(0.5, 0.5));
        hardening_expect(std::abs(o.payoff - 0.55) < 1e-12 && o.price == 0.9, "monopoly optimum");
      }));

  return c;
}

std::vector<hardening::not_applicable> hardening::mechanism_not_applicable() { return {}; }
