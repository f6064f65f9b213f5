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
  case_list add;
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
      throws_named<index_error>("singleton_threat",
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

  // ---- priors (further classes)
  add("priors", "out-of-range index", "probability(k) outside the table",
      throws_named<index_error>(
          "prior", [] { (void)prior<>::independent({Eigen::Vector2d(0.5, 0.5)}).probability(2); }));
  add("priors", "all-zero", "an all-zero table",
      throws_named<distribution_error>("prior::joint", [] {
        (void)prior<>::joint(type_space({2, 2}), Eigen::Vector4d::Zero());
      }));
  add("priors", "magnitude 1e300/1e-300", "a table of 1e300 entries",
      throws_named<distribution_error>(
          "prior::joint", [] { (void)prior<>::joint(type_space({2}), V::Constant(2, 1e300)); }));

  // ---- type spaces (further classes)
  add("type spaces", "mismatched sizes", "a profile of the wrong length",
      throws_named<dimension_error>("type_space::index", [] {
        (void)type_space({2, 2}).index({0});
      }));

  // ---- problems (further classes)
  add("problems", "inf", "+inf utility", throws_named<non_finite_error>("set_decisions", [] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        g.set_decisions(coalition{0}, {"q"}, {Eigen::MatrixXd::Constant(1, 2, hardening_inf)});
      }));
  add("problems", "empty", "no decisions", throws_named<model_error>("set_decisions", [] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        g.set_decisions(coalition{0}, {}, {Eigen::MatrixXd::Zero(0, 2)});
      }));
  add("problems", "duplicate players", "a coalition naming a player twice",
      throws_named<invalid_argument>("coalition", [] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        g.set_decisions(coalition{0, 0}, {"q"}, {Eigen::MatrixXd::Zero(1, 2)});
      }));
  add("problems", "zero-probability type", "a joint prior with a type of zero mass",
      throws_named<zero_probability_error>("prior::joint", [] {
        (void)bayesian_problem<>(
            prior<>::joint(type_space({2, 2}), Eigen::Vector4d(0.5, 0, 0.5, 0)));
      }));
  add("problems", "huge size", "a callable over 2^27 table entries",
      throws_named<dimension_error>("set_decisions", [] {
        bayesian_problem<> g(prior<>::independent(std::vector<V>(20, Eigen::Vector2d(0.5, 0.5))));
        g.set_decisions(coalition{0}, std::vector<std::string>(128, "d"),
                        [](int, index_t, const profile&) { return 0.0; });
      }));
  add("problems", "magnitude 1e300/1e-300", "utilities 1e300 and 1e-300 are kept exactly",
      answers([] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        Eigen::MatrixXd u(2, 2);
        u << 1e300, -1e300, 1e-300, -1e-300;
        g.set_decisions(coalition{0}, {"a", "b"}, {u});
        hardening_expect(g.utility_table(coalition{0}, 0) == u, "the table is stored unchanged");
      }));
  add("problems", "all-zero", "all-zero utilities are a valid problem", answers([] {
        const auto g = hardening_problem(0.0);
        hardening_expect(
            g.has_decisions(coalition{0, 1}) && g.utility_table(coalition{0, 1}, 1).isZero(0.0),
            "registered");
      }));

  // ---- mechanisms (further classes)
  add("mechanisms", "negative probability", "probabilities 1.5 and -0.5",
      throws_named<distribution_error>("validate_mechanism", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities.col(0) = Eigen::Vector2d(1.5, -0.5);
        validate_mechanism(g, m);
      }));
  add("mechanisms", "sum off by 1e-3", "a column summing to 1.001",
      throws_named<distribution_error>("validate_mechanism", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities.col(1) = Eigen::Vector2d(0.5, 0.501);
        validate_mechanism(g, m);
      }));
  add("mechanisms", "sum off by 1e-15", "a column summing to 1 + 1e-15 is accepted", answers([] {
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities.col(1) = Eigen::Vector2d(0.5, 0.5 + 1e-15);
        validate_mechanism(g, m);
        mechanism<> exact = mechanism<>::constant(g, 0);
        exact.probabilities.col(1) = Eigen::Vector2d(0.5, 0.5);
        const auto a = check_incentive_compatibility(g, m);
        const auto b = check_incentive_compatibility(g, exact);
        hardening_expect(
            a.passed == b.passed && std::abs(a.worst_violation - b.worst_violation) <= 1e-12,
            "the same IC verdict as the exact mechanism");
      }));
  add("mechanisms", "empty", "an empty mechanism",
      throws_named<dimension_error>("validate_mechanism", [] {
        const auto g = hardening_problem().grand();
        validate_mechanism(g, mechanism<>{});
      }));
  add("mechanisms", "out-of-range index", "constant(g, 5) with two decisions",
      throws_named<index_error>("mechanism::constant", [] {
        (void)mechanism<>::constant(hardening_problem().grand(), 5);
      }));
  add("mechanisms", "magnitude 1e300/1e-300", "the IC check at scales 1e300 and 1e-300",
      answers([] {
        for (double scale : {1e300, 1e-300}) {
          const auto g = hardening_problem(scale).grand();
          // constant mechanisms are IC at any scale; the lying mechanism gains 2·scale·p
          hardening_expect(check_incentive_compatibility(g, mechanism<>::constant(g, 1)).passed,
                           "a constant mechanism is IC");
        }
      }));
  add("mechanisms", "all-zero", "every mechanism of an all-zero problem is IC", answers([] {
        const auto g = hardening_problem(0.0).grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities.col(3) = Eigen::Vector2d(0.0, 1.0);
        const auto ic = check_incentive_compatibility(g, m);
        hardening_expect(ic.passed && ic.worst_violation == 0.0, "IC with no gain");
      }));

  // ---- lp models and options (further classes)
  add("lp models and options", "inf", "+inf objective coefficient",
      throws_named<invalid_argument>("lp", [] {
        lp::model m;
        m.add_variable("x", 0.0, 1.0, hardening_inf);
        (void)lp::solve(m);
      }));
  add("lp models and options", "empty", "a model without variables", answers([] {
        const lp::model m;
        try {
          const auto s = lp::solve(m);
          hardening_expect(s.ok() && s.objective == 0.0, "objective 0");
        } catch (const mechdesign::invalid_argument&) {
          // refusing an empty model is documented too
        }
      }));
  add("lp models and options", "mismatched sizes", "an objective of the wrong length",
      throws_named<dimension_error>("lp::model", [] {
        lp::model m;
        m.add_variable("x", 0.0, 1.0, 1.0);
        m.set_objective(Eigen::Vector3d(1, 2, 3));
      }));
  add("lp models and options", "all-zero", "an all-zero model", answers([] {
        lp::model m;
        const auto x = m.add_variable("x", 0.0, 1.0, 0.0);
        m.add_row("r", {{x, 0.0}}, 0.0, 0.0);
        const auto s = lp::solve(m);
        hardening_expect(s.ok() && s.objective == 0.0, "objective 0");
      }));

  // ---- primal (further classes)
  add("primal", "inf", "+inf weight", throws_named<non_finite_error>("solve_primal", [] {
        const auto g = hardening_problem().grand();
        (void)solve_primal(g, {Eigen::Vector2d(1, hardening_inf), Eigen::Vector2d(1, 1)});
      }));
  add("primal", "empty", "no weights", throws_named<dimension_error>("solve_primal", [] {
        (void)solve_primal(hardening_problem().grand(), {});
      }));
  add("primal", "out-of-range index", "set_ic_slack of member 5",
      throws_named<index_error>("set_ic_slack", [] {
        incentive_primal p(hardening_problem().grand());
        p.set_ic_slack(5, 0, 1, 0.1);
      }));
  add("primal", "out-of-range parameter", "a negative weight",
      throws_named<invalid_argument>("solve_primal", [] {
        (void)solve_primal(hardening_problem().grand(),
                           {Eigen::Vector2d(1, -1), Eigen::Vector2d(1, 1)});
      }));

  // ---- efficiency (further classes)
  add("efficiency", "inf", "+inf tolerance",
      throws_named<non_finite_error>("test_incentive_efficiency", [] {
        const auto g = hardening_problem().grand();
        (void)test_incentive_efficiency(g, mechanism<>::constant(g, 1), hardening_inf);
      }));
  add("efficiency", "negative probability", "a mechanism with probability -0.5",
      throws_named<distribution_error>("test_incentive_efficiency", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities.col(0) = Eigen::Vector2d(1.5, -0.5);
        (void)test_incentive_efficiency(g, m);
      }));
  add("efficiency", "sum off by 1e-3", "a column summing to 1.001",
      throws_named<distribution_error>("test_incentive_efficiency", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities.col(0) = Eigen::Vector2d(0.5, 0.501);
        (void)test_incentive_efficiency(g, m);
      }));
  add("efficiency", "sum off by 1e-15", "a column summing to 1 + 1e-15 is tested", answers([] {
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities.col(0) = Eigen::Vector2d(1.0 + 1e-15, 0.0);
        const auto e = test_incentive_efficiency(g, m);
        hardening_expect(e.ok() && e.verdict == efficiency_verdict::improvable, "improvable");
      }));
  add("efficiency", "empty", "an empty mechanism",
      throws_named<dimension_error>("test_incentive_efficiency", [] {
        (void)test_incentive_efficiency(hardening_problem().grand(), mechanism<>{});
      }));
  add("efficiency", "magnitude 1e300/1e-300", "scales 1e300 and 1e-300 refused or decided",
      answers([] {
        for (double scale : {1e300, 1e-300}) {
          try {
            const auto g = hardening_problem(scale).grand();
            const auto e = test_incentive_efficiency(g, mechanism<>::constant(g, 0));
            hardening_expect(!e.ok() || e.verdict == efficiency_verdict::improvable,
                             "the status quo is improvable at any scale");
          } catch (const mechdesign::invalid_argument&) {
            // the LP layer's documented magnitude range
          }
        }
      }));
  add("efficiency", "all-zero", "every mechanism of an all-zero problem is efficient", answers([] {
        const auto g = hardening_problem(0.0).grand();
        const auto e = test_incentive_efficiency(g, mechanism<>::constant(g, 0));
        hardening_expect(e.ok() && e.verdict != efficiency_verdict::improvable, "not improvable");
      }));

  // ---- warranted claims (further classes)
  add("warranted claims", "NaN", "a NaN weight",
      throws_named<non_finite_error>("warranted_claims", [] {
        const auto p = hardening_problem();
        (void)warranted_claims(
            p.grand(), 0, {Eigen::Vector2d(0.25, hardening_nan), Eigen::Vector2d(0.25, 0.25)},
            {Eigen::Matrix2d::Zero(), Eigen::Matrix2d::Zero()}, singleton_threat(p, 1));
      }));
  add("warranted claims", "inf", "an infinite multiplier",
      throws_named<non_finite_error>("warranted_claims", [] {
        const auto p = hardening_problem();
        Eigen::Matrix2d a = Eigen::Matrix2d::Zero();
        a(0, 1) = hardening_inf;
        (void)warranted_claims(p.grand(), 0,
                               {Eigen::Vector2d(0.25, 0.25), Eigen::Vector2d(0.25, 0.25)},
                               {a, Eigen::Matrix2d::Zero()}, singleton_threat(p, 1));
      }));
  add("warranted claims", "empty", "no weights",
      throws_named<dimension_error>("warranted_claims", [] {
        const auto p = hardening_problem();
        (void)warranted_claims(p.grand(), 0, {}, {Eigen::Matrix2d::Zero(), Eigen::Matrix2d::Zero()},
                               singleton_threat(p, 1));
      }));
  add("warranted claims", "mismatched sizes", "multipliers of the wrong shape",
      throws_named<dimension_error>("warranted_claims", [] {
        const auto p = hardening_problem();
        (void)warranted_claims(
            p.grand(), 0, {Eigen::Vector2d(0.25, 0.25), Eigen::Vector2d(0.25, 0.25)},
            {Eigen::Matrix3d::Zero(), Eigen::Matrix2d::Zero()}, singleton_threat(p, 1));
      }));
  add("warranted claims", "magnitude 1e300/1e-300", "claims scale with the utilities", answers([] {
        const auto claims = [](double scale) {
          const auto p = hardening_problem(scale);
          return warranted_claims(
              p.grand(), 0, {Eigen::Vector2d(0.25, 0.25), Eigen::Vector2d(0.25, 0.25)},
              {Eigen::Matrix2d::Zero(), Eigen::Matrix2d::Zero()}, singleton_threat(p, 1));
        };
        const auto one = claims(1.0);
        hardening_expect(one.ok(), "solved at scale 1");
        for (double scale : {1e300, 1e-300}) {
          const auto r = claims(scale);
          if (!r.ok()) continue;  // reported, not wrong
          for (index_t t = 0; t < one.claims.size(); ++t) {
            hardening_expect(std::abs(r.claims(t) / scale - one.claims(t)) <=
                                 1e-9 * (1.0 + std::abs(one.claims(t))),
                             "ω(scale · u) = scale · ω(u)");
          }
        }
      }));
  add("warranted claims", "all-zero", "an all-zero problem claims 0", answers([] {
        const auto p = hardening_problem(0.0);
        const auto r = warranted_claims(
            p.grand(), 0, {Eigen::Vector2d(0.25, 0.25), Eigen::Vector2d(0.25, 0.25)},
            {Eigen::Matrix2d::Zero(), Eigen::Matrix2d::Zero()}, singleton_threat(p, 1));
        hardening_expect(r.ok() && r.claims.cwiseAbs().maxCoeff() <= 1e-12, "claims 0");
      }));

  // ---- selection (further classes)
  add("selection", "inf", "check_feasible with an infinite tolerance",
      throws_named<non_finite_error>("check_feasible", [] {
        const auto p = hardening_problem();
        const mechanism_selection sel(p.grand(), 0, singleton_threat(p, 1));
        (void)sel.check_feasible(mechanism<>::constant(p.grand(), 0), hardening_inf);
      }));
  add("selection", "negative probability", "check_feasible of probabilities 1.5 and -0.5",
      throws_named<distribution_error>("check_feasible", [] {
        const auto p = hardening_problem();
        const mechanism_selection sel(p.grand(), 0, singleton_threat(p, 1));
        mechanism<> m = mechanism<>::constant(p.grand(), 0);
        m.probabilities.col(0) = Eigen::Vector2d(1.5, -0.5);
        (void)sel.check_feasible(m);
      }));
  add("selection", "sum off by 1e-3", "check_feasible of a column summing to 1.001",
      throws_named<distribution_error>("check_feasible", [] {
        const auto p = hardening_problem();
        const mechanism_selection sel(p.grand(), 0, singleton_threat(p, 1));
        mechanism<> m = mechanism<>::constant(p.grand(), 0);
        m.probabilities.col(0) = Eigen::Vector2d(0.5, 0.501);
        (void)sel.check_feasible(m);
      }));
  add("selection", "sum off by 1e-15", "check_feasible of a column summing to 1 + 1e-15",
      answers([] {
        const auto p = hardening_problem();
        const mechanism_selection sel(p.grand(), 0, singleton_threat(p, 1));
        mechanism<> m = mechanism<>::constant(p.grand(), 0);
        m.probabilities.col(0) = Eigen::Vector2d(1.0 + 1e-15, 0.0);
        hardening_expect(sel.check_feasible(m).passed, "the status quo is feasible");
      }));
  add("selection", "empty", "check_feasible of an empty mechanism",
      throws_named<dimension_error>("check_feasible", [] {
        const auto p = hardening_problem();
        const mechanism_selection sel(p.grand(), 0, singleton_threat(p, 1));
        (void)sel.check_feasible(mechanism<>{});
      }));
  add("selection", "mismatched sizes", "a threat from another game",
      throws_named<model_error>("mechanism_selection", [] {
        const auto p = hardening_problem();
        (void)mechanism_selection(p.grand(), 0, singleton_threat(p, 0));
      }));
  add("selection", "all-zero", "in an all-zero problem every mechanism is feasible", answers([] {
        const auto p = hardening_problem(0.0);
        const mechanism_selection sel(p.grand(), 0, singleton_threat(p, 1));
        hardening_expect(sel.check_feasible(mechanism<>::constant(p.grand(), 1)).passed,
                         "feasible");
      }));
  add("selection", "magnitude 1e300/1e-300", "feasibility is scale-free", answers([] {
        for (double scale : {1e300, 1e-300}) {
          try {
            const auto p = hardening_problem(scale);
            const mechanism_selection sel(p.grand(), 0, singleton_threat(p, 1));
            hardening_expect(
                sel.check_feasible(mechanism<>::constant(p.grand(), 0), 1e-7 * scale).passed,
                "the status quo is feasible at any scale");
          } catch (const mechdesign::invalid_argument&) {
            // the LP layer's documented magnitude range (the selection LP is built up front)
          }
        }
      }));

  // ---- NPS (further classes)
  add("NPS", "inf", "an infinite tolerance",
      throws_named<non_finite_error>("neutral_procedural_solution", [] {
        nps_options o;
        o.tolerance = hardening_inf;
        (void)neutral_procedural_solution(hardening_problem(), o);
      }));
  add("NPS", "mismatched sizes", "check_neutral_procedural with a three-player problem",
      throws_named<model_error>("check_neutral_procedural", [] {
        const nps_result solved = neutral_procedural_solution(hardening_problem());
        bayesian_problem<> other(
            prior<>::independent(std::vector<V>(3, Eigen::Vector2d(0.5, 0.5))));
        for (const auto& s : {coalition{0}, coalition{1}, coalition{2}, coalition{0, 1},
                              coalition{0, 2}, coalition{1, 2}, coalition{0, 1, 2}}) {
          other.set_decisions(s, {"q"},
                              std::vector<Eigen::MatrixXd>(static_cast<std::size_t>(s.size()),
                                                           Eigen::MatrixXd::Zero(1, 8)));
        }
        (void)check_neutral_procedural(other, solved);
      }));
  add("NPS", "out-of-range index", "nps_result::at of a coalition it does not hold",
      throws_named<index_error>("nps_result", [] {
        (void)neutral_procedural_solution(hardening_problem()).at(coalition{0, 5});
      }));
  add("NPS", "throwing callable", "a progress callback that throws propagates", answers([] {
        nps_options o;
        o.progress = [](const coalition&, std::string_view, double) -> bool {
          throw std::domain_error("stop here");
        };
        bool propagated = false;
        try {
          (void)neutral_procedural_solution(hardening_problem(), o);
        } catch (const std::domain_error&) {
          propagated = true;
        }
        hardening_expect(propagated, "the caller's exception reaches the caller");
      }));
  add("NPS", "magnitude 1e300/1e-300", "scales 1e300 and 1e-300 refused or certified", answers([] {
        const nps_result one = neutral_procedural_solution(hardening_problem());
        for (double scale : {1e300, 1e-300}) {
          try {
            const auto p = hardening_problem(scale);
            const nps_result r = neutral_procedural_solution(p);
            if (!r.ok()) continue;  // reported as not verified: allowed, never wrong
            const auto& a = r.at(coalition{0, 1});
            const auto& b = one.at(coalition{0, 1});
            for (int k = 0; k < 2; ++k) {
              for (index_t t = 0; t < 2; ++t) {
                const auto u = static_cast<std::size_t>(k);
                hardening_expect(std::abs(a.claims[u](t) / scale - b.claims[u](t)) <=
                                     1e-6 * (1.0 + std::abs(b.claims[u](t))),
                                 "claims scale with the utilities");
              }
            }
          } catch (const mechdesign::invalid_argument&) {
            // the LP layer's documented magnitude range
          }
        }
      }));
  add("NPS", "all-zero", "an all-zero problem", answers([] {
        const auto p = hardening_problem(0.0);
        const nps_result r = neutral_procedural_solution(p);
        if (r.ok()) {
          hardening_expect(check_neutral_procedural(p, r).passed, "the certificate re-checks");
          for (const auto& c : r.coalitions) {
            for (const auto& w : c.claims)
              hardening_expect(w.cwiseAbs().maxCoeff() <= 1e-9, "claims 0");
          }
        }
      }));

  // ---- bargaining (further classes)
  add("bargaining", "inf", "an infinite value",
      throws_named<non_finite_error>("bargaining::bargaining_environment", [] {
        (void)bargaining::bargaining_environment::binary(0.0, hardening_inf, 0.0, 1.0, 0.5);
      }));
  add("bargaining", "sum off by 1e-3", "beliefs summing to 1.001",
      throws_named<distribution_error>("bargaining::beliefs", [] {
        (void)bargaining::beliefs(Eigen::Vector2d(0.5, 0.501), Eigen::Vector2d(0.5, 0.5));
      }));
  add("bargaining", "sum off by 1e-15", "beliefs summing to 1 + 1e-15 are accepted", answers([] {
        const auto env = bargaining::bargaining_environment::binary(0.0, 1.0, 0.0, 1.0, 0.5);
        const auto r = bargaining::solve_gap(
            env, bargaining::beliefs(Eigen::Vector2d(0.5, 0.5 + 1e-15), Eigen::Vector2d(0.5, 0.5)));
        const auto e = bargaining::solve_gap(
            env, bargaining::beliefs(Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5)));
        hardening_expect(r.ok() && e.ok() && std::abs(r.value - e.value) <= 1e-12, "same E");
      }));
  add("bargaining", "mismatched sizes", "beliefs that do not match the environment",
      throws_named<dimension_error>("bargaining", [] {
        const auto env = bargaining::bargaining_environment::binary(0.0, 1.0, 0.0, 1.0, 0.5);
        (void)bargaining::solve_gap(
            env, bargaining::beliefs(Eigen::Vector3d(0.2, 0.3, 0.5), Eigen::Vector2d(0.5, 0.5)));
      }));
  add("bargaining", "zero-probability type", "beliefs with a type of zero mass",
      throws_named<zero_probability_error>("bargaining::beliefs", [] {
        (void)bargaining::beliefs(Eigen::Vector2d(1.0, 0.0), Eigen::Vector2d(0.5, 0.5));
      }));
  add("bargaining", "out-of-range index", "values(2)", throws_named<index_error>("bargaining", [] {
        (void)bargaining::bargaining_environment::binary(0.0, 1.0, 0.0, 1.0, 0.5).values(2);
      }));
  add("bargaining", "huge size", "a sweep of 10^5 x 10^5 beliefs",
      throws_named<dimension_error>("sweep_beliefs", [] {
        const auto env = bargaining::bargaining_environment::binary(0.0, 1.0, 0.0, 1.0, 0.5);
        const V grid = V::Constant(100000, 0.5);
        (void)bargaining::sweep_beliefs(env, grid, grid);
      }));
  add("bargaining", "throwing callable", "a sweep's progress callback that throws", answers([] {
        const auto env = bargaining::bargaining_environment::binary(0.0, 1.0, 0.0, 1.0, 0.5);
        for (int threads : {1, 2}) {
          bargaining::sweep_options o;
          o.threads = threads;
          o.progress = [](const bargaining::sweep_progress&) -> bool {
            throw std::domain_error("stop here");
          };
          bool propagated = false;
          try {
            (void)bargaining::sweep_beliefs(env, Eigen::Vector3d(0.2, 0.5, 0.8),
                                            Eigen::Vector3d(0.2, 0.5, 0.8), o);
          } catch (const std::domain_error&) {
            propagated = true;
          }
          hardening_expect(propagated, "the caller's exception reaches the caller");
        }
      }));
  add("bargaining", "magnitude 1e300/1e-300", "monopoly at values 1e300 and 1e-300", answers([] {
        for (double scale : {1e300, 1e-300}) {
          const auto o = bargaining::monopoly(0.2 * scale, Eigen::Vector2d(0.3, 0.9) * scale,
                                              Eigen::Vector2d(0.5, 0.5));
          hardening_expect(std::abs(o.payoff / scale - 0.55) < 1e-12 && o.price == 0.9 * scale,
                           "the optimum scales");
        }
      }));
  add("bargaining", "all-zero", "monopoly with all values 0", answers([] {
        const auto o =
            bargaining::monopoly(0.0, Eigen::Vector2d(0.0, 1.0), Eigen::Vector2d(0.5, 0.5));
        hardening_expect(std::abs(o.payoff - 0.5) < 1e-15, "price 1 sells half the time");
        const auto z = bargaining::monopoly(0.0, V::Zero(1), V::Ones(1));
        hardening_expect(z.payoff == 0.0, "nothing to gain");
      }));
  add("bargaining", "empty", "an environment with no types",
      throws_named<dimension_error>("bargaining::bargaining_environment", [] {
        (void)bargaining::bargaining_environment(V(), Eigen::Vector2d(0, 1), 0.5);
      }));

  // ---- design
  add("design", "NaN", "a NaN objective weight", throws_named<non_finite_error>("design", [] {
        const auto g = hardening_problem().grand();
        auto f = zero_functional(g);
        f.on_probabilities(0, 0) = hardening_nan;
        (void)design_mechanism(g, f);
      }));
  add("design", "inf", "an infinite reservation utility",
      throws_named<non_finite_error>("design", [] {
        const auto g = hardening_problem().grand();
        design_options o;
        o.participation = participation_family::interim;
        o.reservation = {Eigen::Vector2d(0, hardening_inf), Eigen::Vector2d(0, 0)};
        (void)design_mechanism(g, expected_welfare(g), o);
      }));
  add("design", "negative probability", "a fixed allocation with probability -0.5",
      throws_named<distribution_error>("design", [] {
        const auto g = hardening_problem().grand();
        design_options o;
        Eigen::MatrixXd a = Eigen::MatrixXd::Constant(2, 4, 0.5);
        a.col(0) = Eigen::Vector2d(1.5, -0.5);
        o.fixed_allocation = a;
        (void)design_mechanism(g, expected_welfare(g), o);
      }));
  add("design", "sum off by 1e-3", "a fixed allocation column summing to 1.001",
      throws_named<distribution_error>("design", [] {
        const auto g = hardening_problem().grand();
        design_options o;
        Eigen::MatrixXd a = Eigen::MatrixXd::Constant(2, 4, 0.5);
        a(1, 2) = 0.501;
        o.fixed_allocation = a;
        (void)design_mechanism(g, expected_welfare(g), o);
      }));
  add("design", "sum off by 1e-15", "a fixed allocation column summing to 1 + 1e-15", answers([] {
        const auto g = hardening_problem().grand();
        design_options o;
        Eigen::MatrixXd a = Eigen::MatrixXd::Constant(2, 4, 0.5);
        a(1, 2) = 0.5 + 1e-15;
        o.fixed_allocation = a;
        const auto r = design_mechanism(g, expected_welfare(g), o);
        // the welfare of the fixed allocation: E[u_0 + u_1] over the uniform prior
        double w = 0.0;
        for (index_t j = 0; j < 4; ++j) w += 0.25 * 0.5 * (g.utility(0)(1, j) + g.utility(1)(1, j));
        hardening_expect(!r.ok() || std::abs(r.objective - w) < 1e-9, "its welfare");
      }));
  add("design", "empty", "an empty objective", throws_named<dimension_error>("design", [] {
        (void)design_mechanism(hardening_problem().grand(), mechanism_functional{});
      }));
  add("design", "mismatched sizes", "reservation utilities of the wrong size",
      throws_named<dimension_error>("design", [] {
        const auto g = hardening_problem().grand();
        design_options o;
        o.participation = participation_family::interim;
        o.reservation = {Eigen::Vector3d(0, 0, 0), Eigen::Vector2d(0, 0)};
        (void)design_mechanism(g, expected_welfare(g), o);
      }));
  add("design", "out-of-range index", "expected_utility of member 5",
      throws_named<index_error>("expected_utility",
                                [] { (void)expected_utility(hardening_problem().grand(), 5); }));
  add("design", "magnitude 1e300/1e-300", "objective weights 1e300 refused or solved", answers([] {
        const auto g = hardening_problem().grand();
        const auto one = design_mechanism(g, expected_welfare(g));
        hardening_expect(one.ok(), "solved at scale 1");
        for (double scale : {1e300, 1e-300}) {
          try {
            auto f = expected_welfare(g);
            f.on_probabilities *= scale;
            const auto r = design_mechanism(g, f);
            hardening_expect(!r.ok() || std::abs(r.objective / scale - one.objective) <=
                                            1e-9 * (1.0 + std::abs(one.objective)),
                             "the optimum scales");
          } catch (const mechdesign::invalid_argument&) {
            // the LP layer's documented magnitude range
          }
        }
      }));
  add("design", "all-zero", "a zero objective", answers([] {
        const auto g = hardening_problem().grand();
        const auto r = design_mechanism(g, zero_functional(g));
        hardening_expect(r.ok() && r.objective == 0.0, "objective 0");
      }));

  // ---- textbook
  add("textbook", "NaN", "a NaN bidder value",
      throws_named<non_finite_error>("auction_problem", [] {
        (void)optimal_auction({Eigen::Vector2d(1, hardening_nan)}, {Eigen::Vector2d(0.5, 0.5)});
      }));
  add("textbook", "inf", "an infinite seller cost",
      throws_named<non_finite_error>("trade_problem", [] {
        (void)trade_problem(Eigen::Vector2d(1, 2), Eigen::Vector2d(0.5, 0.5),
                            Eigen::Vector2d(0, hardening_inf), Eigen::Vector2d(0.5, 0.5));
      }));
  add("textbook", "negative probability", "a bidder prior with -0.5",
      throws_named<distribution_error>("auction_problem", [] {
        (void)auction_problem({Eigen::Vector2d(1, 2)}, {Eigen::Vector2d(1.5, -0.5)});
      }));
  add("textbook", "sum off by 1e-3", "a buyer prior summing to 1.001",
      throws_named<distribution_error>("trade_problem", [] {
        (void)trade_problem(Eigen::Vector2d(1, 2), Eigen::Vector2d(0.5, 0.501),
                            Eigen::Vector2d(0, 1), Eigen::Vector2d(0.5, 0.5));
      }));
  add("textbook", "sum off by 1e-15", "Myerson's revenue with a prior off by 1e-15", answers([] {
        // one bidder, values 1 and 2 equally likely: prices 1 and 2 both earn 1
        const auto r =
            optimal_auction({Eigen::Vector2d(1, 2)}, {Eigen::Vector2d(0.5, 0.5 + 1e-15)});
        hardening_expect(r.ok() && std::abs(r.objective - 1.0) < 1e-9, "revenue 1");
      }));
  add("textbook", "empty", "an auction without bidders",
      throws_named<invalid_argument>("auction_problem", [] { (void)auction_problem({}, {}); }));
  add("textbook", "mismatched sizes", "values and priors of different lengths",
      throws_named<dimension_error>("auction_problem", [] {
        (void)auction_problem({Eigen::Vector2d(1, 2)}, {Eigen::Vector3d(0.2, 0.3, 0.5)});
      }));
  add("textbook", "zero-probability type", "a bidder type of zero mass",
      throws_named<zero_probability_error>("auction_problem", [] {
        (void)auction_problem({Eigen::Vector2d(1, 2)}, {Eigen::Vector2d(1.0, 0.0)});
      }));
  add("textbook", "out-of-range index", "efficient_trade of an auction with three bidders",
      throws_named<dimension_error>("efficient_trade", [] {
        (void)efficient_trade(auction_problem(std::vector<V>(3, Eigen::Vector2d(1, 2)),
                                              std::vector<V>(3, Eigen::Vector2d(0.5, 0.5))));
      }));
  add("textbook", "huge size", "an auction with 40 bidders",
      throws_named<invalid_argument>("auction_problem", [] {
        (void)auction_problem(std::vector<V>(40, Eigen::Vector2d(1, 2)),
                              std::vector<V>(40, Eigen::Vector2d(0.5, 0.5)));
      }));
  add("textbook", "magnitude 1e300/1e-300", "Myerson's revenue at values 1e300 and 1e-300",
      answers([] {
        for (double scale : {1e300, 1e-300}) {
          try {
            const auto r =
                optimal_auction({Eigen::Vector2d(1, 2) * scale}, {Eigen::Vector2d(0.5, 0.5)});
            hardening_expect(!r.ok() || std::abs(r.objective / scale - 1.0) < 1e-9,
                             "revenue scales");
          } catch (const mechdesign::invalid_argument&) {
            // the LP layer's documented magnitude range
          }
        }
      }));
  add("textbook", "all-zero", "an auction of worthless goods earns 0", answers([] {
        const auto r = optimal_auction({V::Zero(2), V::Zero(2)},
                                       {Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5)});
        hardening_expect(r.ok() && std::abs(r.objective) < 1e-12, "revenue 0");
      }));
  return std::move(add.cases);
}

std::vector<hardening::not_applicable> hardening::mechanism_not_applicable() {
  const std::string no_callable = "its entry points take no callable from the caller";
  const std::string validated_prior =
      "it takes an already validated prior<> (or problem); probabilities are checked there";
  const std::string no_players = "it has no list of player ids the caller could repeat";
  return {
      {"priors", "duplicate players", "marginals are given by position, players have no ids"},
      {"priors", "throwing callable", no_callable},
      {"type spaces", "NaN", "a type space holds integer counts only"},
      {"type spaces", "inf", "a type space holds integer counts only"},
      {"type spaces", "negative probability", "a type space holds no probabilities"},
      {"type spaces", "sum off by 1e-3", "a type space holds no probabilities"},
      {"type spaces", "sum off by 1e-15", "a type space holds no probabilities"},
      {"type spaces", "zero-probability type", "a type space holds no probabilities"},
      {"type spaces", "throwing callable", no_callable},
      {"type spaces", "magnitude 1e300/1e-300", "a type space holds integer counts only"},
      {"type spaces", "all-zero", "a zero count is the 'empty type set' case"},
      {"problems", "negative probability", validated_prior},
      {"problems", "sum off by 1e-3", validated_prior},
      {"problems", "sum off by 1e-15", validated_prior},
      {"mechanisms", "zero-probability type", validated_prior},
      {"mechanisms", "duplicate players", no_players},
      {"mechanisms", "huge size", "a mechanism is sized by its problem, already size-limited"},
      {"mechanisms", "throwing callable", no_callable},
      {"lp models and options", "negative probability", "an LP model holds no probabilities"},
      {"lp models and options", "sum off by 1e-3", "an LP model holds no probabilities"},
      {"lp models and options", "sum off by 1e-15", "an LP model holds no probabilities"},
      {"lp models and options", "zero-probability type", "an LP model has no types"},
      {"lp models and options", "duplicate players", "an LP model has no players"},
      {"lp models and options", "huge size",
       "a model grows one variable at a time: its size is what the caller already allocated"},
      {"lp models and options", "throwing callable", no_callable},
      {"primal", "negative probability", validated_prior},
      {"primal", "sum off by 1e-3", validated_prior},
      {"primal", "sum off by 1e-15", validated_prior},
      {"primal", "zero-probability type", validated_prior},
      {"primal", "duplicate players", no_players},
      {"primal", "huge size", "the LP is sized by its problem, already size-limited"},
      {"primal", "throwing callable", no_callable},
      {"efficiency", "zero-probability type", validated_prior},
      {"efficiency", "duplicate players", no_players},
      {"efficiency", "out-of-range index", "test_incentive_efficiency takes no index"},
      {"efficiency", "huge size", "the LPs are sized by the problem, already size-limited"},
      {"efficiency", "throwing callable", no_callable},
      {"warranted claims", "negative probability", validated_prior},
      {"warranted claims", "sum off by 1e-3", validated_prior},
      {"warranted claims", "sum off by 1e-15", validated_prior},
      {"warranted claims", "zero-probability type", validated_prior},
      {"warranted claims", "duplicate players", no_players},
      {"warranted claims", "huge size", "the warrant system is sized by the problem"},
      {"warranted claims", "throwing callable", no_callable},
      {"selection", "zero-probability type", validated_prior},
      {"selection", "duplicate players", no_players},
      {"selection", "huge size", "the LPs are sized by the problem, already size-limited"},
      {"selection", "throwing callable", no_callable},
      {"NPS", "negative probability", validated_prior},
      {"NPS", "sum off by 1e-3", validated_prior},
      {"NPS", "sum off by 1e-15", validated_prior},
      {"NPS", "zero-probability type", validated_prior},
      {"NPS", "duplicate players", no_players},
      {"bargaining", "duplicate players", "the two players are positions 0 and 1"},
      {"design", "zero-probability type", validated_prior},
      {"design", "duplicate players", no_players},
      {"design", "huge size", "the LP is sized by the problem, already size-limited"},
      {"design", "throwing callable", no_callable},
      {"textbook", "duplicate players", "bidders are given by position, they have no ids"},
      {"textbook", "throwing callable", no_callable},
  };
}
