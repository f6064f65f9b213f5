// The bad-input table (issue 16): for each public entry-point family and each class of bad
// input, the documented outcome — a typed exception whose message names the entry point, or a
// correct answer. Table-driven: each case is a name, a family and a lambda that either throws
// the expected mechdesign::error subclass or checks the answer itself.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/mechdesign.hpp>
#include <string>
#include <typeinfo>
#include <vector>

using namespace mechdesign;

namespace {

const double hardening_nan = std::numeric_limits<double>::quiet_NaN();
const double hardening_inf = std::numeric_limits<double>::infinity();

struct hardening_case {
  std::string family;
  std::string name;
  std::function<void()> run;  // returns normally iff the documented outcome was observed
};

struct hardening_failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A case that must throw E (or a subclass) whose message contains \p entry.
template <class E>
std::function<void()> throws_named(std::string entry, std::function<void()> f) {
  return [entry = std::move(entry), f = std::move(f)]() {
    try {
      f();
    } catch (const E& e) {
      if (std::string(e.what()).find(entry) == std::string::npos) {
        throw hardening_failure(fmt::format("threw {} but the message '{}' does not name '{}'",
                                            typeid(E).name(), e.what(), entry));
      }
      return;
    } catch (const std::exception& e) {
      throw hardening_failure(
          fmt::format("threw the wrong type ({}): {}", typeid(e).name(), e.what()));
    }
    throw hardening_failure("returned normally, expected a typed exception");
  };
}

// A case whose lambda checks the answer itself (throws hardening_failure if it is wrong).
std::function<void()> answers(std::function<void()> f) { return f; }

void hardening_expect(bool ok, const std::string& what) {
  if (!ok) throw hardening_failure(what);
}

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

std::vector<hardening_case> hardening_cases() {
  std::vector<hardening_case> c;
  auto add = [&](const std::string& family, const std::string& name, std::function<void()> f) {
    c.push_back({family, name, std::move(f)});
  };
  using V = Eigen::VectorXd;

  // ---- priors
  add("priors", "NaN tolerance", throws_named<non_finite_error>("prior::independent", [] {
        (void)prior<>::independent({Eigen::Vector2d(0.2, 0.2)}, hardening_nan);
      }));
  add("priors", "negative tolerance", throws_named<invalid_argument>("prior::independent", [] {
        (void)prior<>::independent({Eigen::Vector2d(0.5, 0.5)}, -1.0);
      }));
  add("priors", "NaN entry", throws_named<non_finite_error>("prior::independent", [] {
        (void)prior<>::independent({Eigen::Vector2d(hardening_nan, 0.5)});
      }));
  add("priors", "+inf entry", throws_named<non_finite_error>("prior::joint", [] {
        (void)prior<>::joint(type_space({2}), Eigen::Vector2d(hardening_inf, 0.0));
      }));
  add("priors", "negative probability", throws_named<distribution_error>("prior::independent", [] {
        (void)prior<>::independent({Eigen::Vector2d(1.5, -0.5)});
      }));
  add("priors", "sum off by 1e-3", throws_named<distribution_error>("prior::independent", [] {
        (void)prior<>::independent({Eigen::Vector2d(0.5, 0.501)});
      }));
  add("priors", "sum off by 1e-15 (accepted)", answers([] {
        const auto p = prior<>::independent({Eigen::Vector2d(0.5, 0.5 + 1e-15)});
        hardening_expect(std::abs(p.probability(0) - 0.5) < 1e-12, "p(0) = 0.5");
      }));
  add("priors", "empty marginal", throws_named<dimension_error>("prior::independent", [] {
        (void)prior<>::independent({V()});
      }));
  add("priors", "no players",
      throws_named<invalid_argument>("prior::independent", [] { (void)prior<>::independent({}); }));
  add("priors", "zero-probability type",
      throws_named<zero_probability_error>(
          "prior::independent", [] { (void)prior<>::independent({Eigen::Vector2d(1.0, 0.0)}); }));
  add("priors", "mismatched table size", throws_named<dimension_error>("prior::joint", [] {
        (void)prior<>::joint(type_space({2, 2}), Eigen::Vector3d(0.2, 0.3, 0.5));
      }));
  add("priors", "40 binary players (huge)", throws_named<dimension_error>("prior::independent", [] {
        (void)prior<>::independent(std::vector<V>(40, Eigen::Vector2d(0.5, 0.5)));
      }));
  add("priors", "magnitudes 1e-300", throws_named<distribution_error>("prior::independent", [] {
        (void)prior<>::independent({Eigen::Vector2d(1e-300, 1e-300)});
      }));

  // ---- type spaces and coalitions
  add("type spaces", "empty", throws_named<invalid_argument>("type_space", [] {
        (void)type_space(std::vector<index_t>{});
      }));
  add("type spaces", "empty type set", throws_named<invalid_argument>("type_space", [] {
        (void)type_space({2, 0});
      }));
  add("type spaces", "overflowing profile count", throws_named<dimension_error>("type_space", [] {
        (void)type_space(std::vector<index_t>(62, index_t{1} << 20));
      }));
  add("type spaces", "out-of-range type", throws_named<index_error>("type_space::index", [] {
        (void)type_space({2, 2}).index({0, 2});
      }));
  add("type spaces", "without(70)", throws_named<index_error>("coalition::without", [] {
        (void)coalition{0, 1}.without(70);
      }));
  add("type spaces", "without(-1)", throws_named<index_error>("coalition::without", [] {
        (void)coalition{0, 1}.without(-1);
      }));
  add("type spaces", "with(63)",
      throws_named<index_error>("coalition::with", [] { (void)coalition{0}.with(63); }));
  add("type spaces", "mask bit 63", throws_named<index_error>("coalition::from_mask", [] {
        (void)coalition::from_mask(std::uint64_t{1} << 63);
      }));
  add("type spaces", "duplicate players", throws_named<invalid_argument>("coalition", [] {
        (void)coalition{1, 1};
      }));
  add("type spaces", "contains out of range is false", answers([] {
        const coalition s{0, 1};
        hardening_expect(!s.contains(70) && !s.contains(-1) && s.contains(1), "contains");
        hardening_expect(s.without(5) == s, "removing a non-member leaves S unchanged");
      }));

  // ---- problems
  add("problems", "utility table of the wrong shape",
      throws_named<dimension_error>("set_decisions", [] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        g.set_decisions(coalition{0}, {"q"}, {Eigen::MatrixXd::Zero(1, 3)});
      }));
  add("problems", "NaN utility", throws_named<non_finite_error>("set_decisions", [] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        g.set_decisions(coalition{0}, {"q"}, {Eigen::MatrixXd::Constant(1, 2, hardening_nan)});
      }));
  add("problems", "player outside the type space", throws_named<index_error>("", [] {
        bayesian_problem<> g(prior<>::independent({Eigen::Vector2d(0.5, 0.5)}));
        g.set_decisions(coalition{3}, {"q"}, {Eigen::MatrixXd::Zero(1, 2)});
      }));
  add("problems", "a utility callable that throws propagates its exception", answers([] {
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
  add("mechanisms", "NaN tolerance hides probabilities 7 and -6",
      throws_named<non_finite_error>("validate_mechanism", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities.row(0).setConstant(7.0);
        m.probabilities.row(1).setConstant(-6.0);
        validate_mechanism(g, m, hardening_nan);
      }));
  add("mechanisms", "negative tolerance", throws_named<invalid_argument>("validate_mechanism", [] {
        const auto g = hardening_problem().grand();
        validate_mechanism(g, mechanism<>::constant(g, 0), -1e-9);
      }));
  add("mechanisms", "IC with a NaN tolerance",
      throws_named<non_finite_error>("check_incentive_compatibility", [] {
        const auto g = hardening_problem().grand();
        (void)check_incentive_compatibility(g, mechanism<>::constant(g, 1), hardening_nan);
      }));
  add("mechanisms", "IR with an infinite tolerance",
      throws_named<non_finite_error>("check_individual_rationality", [] {
        const auto p = hardening_problem();
        const auto g = p.grand();
        (void)check_individual_rationality(p, g, mechanism<>::constant(g, 1), hardening_inf);
      }));
  add("mechanisms", "wrong shape", throws_named<dimension_error>("mechanism", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m;
        m.probabilities = Eigen::MatrixXd::Constant(3, 4, 1.0 / 3.0);
        validate_mechanism(g, m);
      }));
  add("mechanisms", "NaN probability", throws_named<non_finite_error>("mechanism", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m = mechanism<>::constant(g, 0);
        m.probabilities(0, 0) = hardening_nan;
        validate_mechanism(g, m);
      }));
  add("mechanisms", "a real misreport gain is reported", answers([] {
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
  add("lp models and options", "NaN objective coefficient",
      throws_named<invalid_argument>("lp", [] {
        lp::model m;
        m.add_variable("x", 0.0, 1.0, hardening_nan);
        (void)lp::solve(m);
      }));
  add("lp models and options", "lower bound above upper", throws_named<invalid_argument>("lp", [] {
        lp::model m;
        m.add_variable("x", 2.0, 1.0, 1.0);
        (void)lp::solve(m);
      }));
  add("lp models and options", "coefficient 1e300", throws_named<invalid_argument>("lp", [] {
        lp::model m;
        const auto x = m.add_variable("x", 0.0, 1.0, 1.0);
        m.add_row("r", {{x, 1e300}}, 0.0, 1.0);
        (void)lp::solve(m);
      }));
  add("lp models and options", "row naming a missing column", throws_named<index_error>("", [] {
        lp::model m;
        m.add_variable("x", 0.0, 1.0, 1.0);
        m.add_row("r", {{5, 1.0}}, 0.0, 1.0);
        (void)lp::solve(m);
      }));
  add("lp models and options", "NaN verify tolerance", throws_named<invalid_argument>("", [] {
        lp::solver_options o;
        o.verify_tolerance = hardening_nan;
        lp::model m;
        m.add_variable("x", 0.0, 1.0, 1.0);
        (void)lp::solve(m, o);
      }));
  add("lp models and options", "lp::verify with a NaN tolerance",
      throws_named<non_finite_error>("lp::verify", [] {
        lp::model m;
        m.add_variable("x", 0.0, 1.0, 1.0);
        lp::solution s = lp::solve(m);
        (void)lp::verify(m, s, hardening_nan);
      }));
  add("lp models and options", "an empty model is solved", answers([] {
        lp::model m;
        m.add_variable("x", 0.0, 1.0, 1.0);
        const auto s = lp::solve(m);
        hardening_expect(s.ok() && std::abs(s.objective - 1.0) < 1e-12, "max x on [0, 1] is 1");
      }));

  // ---- primal and efficiency
  add("primal", "weights of the wrong size", throws_named<dimension_error>("", [] {
        const auto g = hardening_problem().grand();
        (void)solve_primal(g, {Eigen::Vector2d(1, 1)});
      }));
  add("primal", "NaN weight", throws_named<non_finite_error>("", [] {
        const auto g = hardening_problem().grand();
        (void)solve_primal(g, {Eigen::Vector2d(1, hardening_nan), Eigen::Vector2d(1, 1)});
      }));
  add("primal", "NaN primal_options::tolerance",
      throws_named<non_finite_error>("incentive_primal", [] {
        primal_options o;
        o.tolerance = hardening_nan;
        (void)solve_primal(hardening_problem().grand(),
                           {Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 1)}, {}, o);
      }));
  add("primal", "NaN participation threshold",
      throws_named<non_finite_error>("set_participation", [] {
        (void)solve_primal(hardening_problem().grand(),
                           {Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 1)},
                           {Eigen::Vector2d(0, hardening_nan), Eigen::Vector2d(0, 0)});
      }));
  add("primal", "magnitudes 1e-300 and 1e300 refused or solved, never wrong", answers([] {
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
  add("primal", "all-zero problem", answers([] {
        const auto g = hardening_problem(0.0).grand();
        const auto r = solve_primal(g, {Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 1)});
        hardening_expect(r.ok() && std::abs(r.objective) < 1e-12, "objective 0");
      }));
  add("efficiency", "NaN tolerance",
      throws_named<non_finite_error>("test_incentive_efficiency", [] {
        const auto g = hardening_problem().grand();
        (void)test_incentive_efficiency(g, mechanism<>::constant(g, 1), hardening_nan);
      }));
  add("efficiency", "mechanism of the wrong shape", throws_named<dimension_error>("mechanism", [] {
        const auto g = hardening_problem().grand();
        mechanism<> m;
        m.probabilities = Eigen::MatrixXd::Constant(2, 3, 0.5);
        (void)test_incentive_efficiency(g, m);
      }));
  add("efficiency", "the status quo is improvable", answers([] {
        const auto g = hardening_problem().grand();
        const auto e = test_incentive_efficiency(g, mechanism<>::constant(g, 0));
        hardening_expect(e.ok() && e.verdict == efficiency_verdict::improvable, "improvable");
      }));

  // ---- warranted claims and selection
  add("warranted claims", "dictator outside the coalition",
      throws_named<invalid_argument>("warranted_claims", [] {
        const auto p = hardening_problem();
        const auto g = p.grand();
        (void)warranted_claims(g, 7, {Eigen::Vector2d(0.25, 0.25), Eigen::Vector2d(0.25, 0.25)},
                               {Eigen::Matrix2d::Zero(), Eigen::Matrix2d::Zero()},
                               singleton_threat(p, 1));
      }));
  add("warranted claims", "singleton_threat of a player outside the game",
      throws_named<invalid_argument>("", [] { (void)singleton_threat(hardening_problem(), 5); }));
  add("selection", "dictator outside the coalition", throws_named<index_error>("", [] {
        const auto p = hardening_problem();
        (void)mechanism_selection(p.grand(), 4, singleton_threat(p, 1));
      }));
  add("selection", "check_feasible with a NaN tolerance",
      throws_named<non_finite_error>("check_feasible", [] {
        const auto p = hardening_problem();
        const mechanism_selection sel(p.grand(), 0, singleton_threat(p, 1));
        (void)sel.check_feasible(mechanism<>::constant(p.grand(), 0), hardening_nan);
      }));

  // ---- NPS
  add("NPS", "30 one-type players (huge)",
      throws_named<dimension_error>("neutral_procedural_solution", [] {
        bayesian_problem<> g(prior<>::independent(std::vector<V>(30, V::Ones(1))));
        g.set_decisions(coalition::grand(30), {"q"},
                        std::vector<Eigen::MatrixXd>(30, Eigen::MatrixXd::Zero(1, 1)));
        (void)neutral_procedural_solution(g);
      }));
  add("NPS", "a coalition without decisions",
      throws_named<model_error>("neutral_procedural_solution", [] {
        bayesian_problem<> g(prior<>::independent(std::vector<V>(3, V::Ones(1))));
        g.set_decisions(coalition::grand(3), {"q"},
                        std::vector<Eigen::MatrixXd>(3, Eigen::MatrixXd::Zero(1, 1)));
        (void)neutral_procedural_solution(g);
      }));
  add("NPS", "another problem's nps_result",
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
  add("NPS", "NaN tolerance", throws_named<non_finite_error>("neutral_procedural_solution", [] {
        nps_options o;
        o.tolerance = hardening_nan;
        (void)neutral_procedural_solution(hardening_problem(), o);
      }));

  // ---- bargaining
  add("bargaining", "monopoly belief not a distribution",
      throws_named<distribution_error>("bargaining::monopoly", [] {
        (void)bargaining::monopoly(0.2, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(0.7, 0.7));
      }));
  add("bargaining", "monopoly negative belief",
      throws_named<distribution_error>("bargaining::monopoly", [] {
        (void)bargaining::monopoly(0.2, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(1.5, -0.5));
      }));
  add("bargaining", "monopoly values decreasing",
      throws_named<invalid_argument>("bargaining::monopoly", [] {
        (void)bargaining::monopoly(0.2, Eigen::Vector2d(0.9, 0.3), Eigen::Vector2d(0.5, 0.5));
      }));
  add("bargaining", "monopoly NaN value",
      throws_named<non_finite_error>("bargaining::monopoly", [] {
        (void)bargaining::monopoly(hardening_nan, Eigen::Vector2d(0.3, 0.9),
                                   Eigen::Vector2d(0.5, 0.5));
      }));
  add("bargaining", "monopoly empty", throws_named<dimension_error>("bargaining::monopoly", [] {
        (void)bargaining::monopoly(0.2, V(), V());
      }));
  add("bargaining", "monopoly answer", answers([] {
        // price 0.9 sells with probability 0.5: 0.5·0.2 + 0.5·0.9 = 0.55 > 0.3 (price 0.3)
        const auto o =
            bargaining::monopoly(0.2, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(0.5, 0.5));
        hardening_expect(std::abs(o.payoff - 0.55) < 1e-12 && o.price == 0.9, "monopoly optimum");
      }));

  // ---- persuasion
  add("persuasion", "prior off by 1e-3",
      throws_named<distribution_error>("persuasion::problem", [] {
        (void)persuasion::problem(Eigen::Vector2d(0.5, 0.501), Eigen::MatrixXd::Identity(2, 2),
                                  {Eigen::MatrixXd::Identity(2, 2)});
      }));
  add("persuasion", "NaN receiver payoff",
      throws_named<non_finite_error>("persuasion::problem", [] {
        Eigen::MatrixXd ur = Eigen::MatrixXd::Identity(2, 2);
        ur(0, 1) = hardening_nan;
        (void)persuasion::problem(Eigen::Vector2d(0.5, 0.5), ur, {Eigen::MatrixXd::Identity(2, 2)});
      }));
  add("persuasion", "no agents", throws_named<invalid_argument>("persuasion::problem", [] {
        (void)persuasion::problem(Eigen::Vector2d(0.5, 0.5), Eigen::MatrixXd::Identity(2, 2), {});
      }));
  add("persuasion", "another problem's lottery_result",
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
  add("bargaining set", "pareto_efficiency with a NaN tolerance",
      throws_named<non_finite_error>("pareto_efficiency", [] {
        Eigen::MatrixXd u(2, 2);
        u << 1, 0, 0, 1;
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2), u);
        (void)persuasion::pareto_efficiency(p, Eigen::Vector2d(0.5, 0.5), hardening_nan);
      }));
  add("bargaining set", "disagreement of the wrong size",
      throws_named<dimension_error>("ray_point", [] {
        Eigen::MatrixXd u(2, 2);
        u << 1, 0, 0, 1;
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2), u);
        (void)persuasion::egalitarian_solution(p, Eigen::Vector3d(0, 0, 0));
      }));
  add("bargaining set", "boundary for three agents",
      throws_named<invalid_argument>("bargaining_set_boundary", [] {
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2),
                                                              Eigen::MatrixXd::Ones(2, 3));
        (void)persuasion::bargaining_set_boundary(p);
      }));
  add("bargaining set", "Nash with a NaN gap tolerance",
      throws_named<non_finite_error>("nash_solution", [] {
        Eigen::MatrixXd u(2, 2);
        u << 1, 0, 0, 1;
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2), u);
        persuasion::nash_options o;
        o.gap_tolerance = hardening_nan;
        (void)persuasion::nash_solution(p, Eigen::Vector2d(0, 0), Eigen::Vector2d(0.5, 0.5), o);
      }));
  add("selection environments", "NaN tolerance",
      throws_named<non_finite_error>("check_selection_environment", [] {
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2),
                                                              Eigen::MatrixXd::Ones(2, 1));
        (void)persuasion::check_selection_environment(p, hardening_nan);
      }));
  add("selection environments", "a problem that is not one is reported", answers([] {
        const auto p = persuasion::problem::state_independent(Eigen::Vector2d(0.5, 0.5),
                                                              Eigen::MatrixXd::Identity(2, 2),
                                                              Eigen::MatrixXd::Ones(2, 1));
        hardening_expect(!persuasion::check_selection_environment(p).structural(),
                         "not structural");
      }));
  add("privacy", "values not increasing", throws_named<invalid_argument>("", [] {
        persuasion::market mk{Eigen::Vector2d(2.0, 1.0), Eigen::Vector2d(0.5, 0.5),
                              Eigen::Vector2d(1.0, 1.0)};
        mk.validate();
      }));
  add("privacy", "prior off by 1e-3", throws_named<distribution_error>("", [] {
        persuasion::market mk{Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(0.5, 0.501),
                              Eigen::Vector2d(1.0, 1.0)};
        mk.validate();
      }));
  add("privacy", "revenue_curve_decreasing with a NaN tolerance",
      throws_named<non_finite_error>("revenue_curve_decreasing", [] {
        persuasion::market mk{Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(0.5, 0.5),
                              Eigen::Vector2d(1.0, 1.0)};
        (void)persuasion::revenue_curve_decreasing(mk, hardening_nan);
      }));

  // ---- pricing binary
  add("pricing binary", "ceiling_rule(NaN)", throws_named<non_finite_error>("pricing", [] {
        (void)pricing::ceiling_rule(hardening_nan);
      }));
  add("pricing binary", "informativeness 2",
      throws_named<invalid_argument>("pricing", [] { (void)pricing::gain(2.0, 0.5); }));
  add("pricing binary", "seller belief 1.5", throws_named<distribution_error>("pricing", [] {
        (void)pricing::binary_environment(0.0, 1.5, Eigen::Vector2d(0.3, 0.9),
                                          Eigen::Vector2d(0.5, 0.5));
      }));
  add("pricing binary", "type probabilities off by 1e-3", throws_named<distribution_error>("", [] {
        (void)pricing::solve_optimal_menu(pricing::binary_environment(
            0.0, 0.5, Eigen::Vector2d(0.3, 0.9), Eigen::Vector2d(0.5, 0.501)));
      }));

  // ---- pricing
  add("pricing continuous", "empty type_distribution",
      throws_named<invalid_argument>("type_distribution",
                                     [] { (void)pricing::type_distribution("empty", {}, {}); }));
  add("pricing continuous", "grid_types on a zero-mass law",
      throws_named<distribution_error>("grid_types", [] {
        const pricing::type_distribution zero(
            "zero", [](double) { return 0.0; }, [](double) { return 0.0; });
        (void)pricing::grid_types(zero, 8);
      }));
  add("pricing continuous", "grid_types on a NaN law",
      throws_named<distribution_error>("grid_types", [] {
        const pricing::type_distribution bad(
            "nan", [](double) { return 0.0; }, [](double) { return hardening_nan; });
        (void)pricing::grid_types(bad, 8);
      }));
  add("pricing continuous", "grid_types with 0 cells",
      throws_named<invalid_argument>("grid_types", [] {
        (void)pricing::grid_types(pricing::type_distribution::uniform(), 0);
      }));
  add("pricing continuous", "negative tolerance",
      throws_named<invalid_argument>("solve_continuous", [] {
        pricing::continuous_options o;
        o.tolerance = -1.0;
        (void)pricing::solve_continuous(pricing::type_distribution::uniform(), 0.5, 0.5, o);
      }));
  add("pricing continuous", "NaN tolerance", throws_named<non_finite_error>("solve_continuous", [] {
        pricing::continuous_options o;
        o.tolerance = hardening_nan;
        (void)pricing::solve_continuous(pricing::type_distribution::uniform(), 0.5, 0.5, o);
      }));
  add("pricing continuous", "zero tolerance returns", answers([] {
        pricing::continuous_options o;
        o.tolerance = 0.0;
        const auto r =
            pricing::solve_continuous(pricing::type_distribution::uniform(), 0.5, 0.5, o);
        hardening_expect(std::isfinite(r.lambda) && r.low_threshold <= r.high_threshold,
                         "a finite menu");
      }));
  add("pricing continuous", "a search grid too small",
      throws_named<invalid_argument>("solve_continuous", [] {
        pricing::continuous_options o;
        o.search_cells = 3;
        (void)pricing::solve_continuous(pricing::type_distribution::uniform(), 0.5, 0.5, o);
      }));
  add("pricing finite", "check_menu with an all-NaN rule",
      throws_named<non_finite_error>("check_menu", [] {
        const auto env = pricing::binary_environment(0.0, 0.5, Eigen::Vector2d(0.3, 0.9),
                                                     Eigen::Vector2d(0.5, 0.5));
        pricing::menu m;
        m.rules = {Eigen::MatrixXd::Constant(2, 2, hardening_nan),
                   Eigen::MatrixXd::Constant(2, 2, 0.5)};
        m.prices = Eigen::Vector2d(0.0, 0.0);
        (void)pricing::check_menu(env, m);
      }));
  add("pricing finite", "check_menu with a NaN tolerance",
      throws_named<non_finite_error>("check_menu", [] {
        const auto env = pricing::binary_environment(0.0, 0.5, Eigen::Vector2d(0.3, 0.9),
                                                     Eigen::Vector2d(0.5, 0.5));
        pricing::menu m;
        m.rules = {Eigen::MatrixXd::Constant(2, 2, 0.5), Eigen::MatrixXd::Constant(2, 2, 0.5)};
        m.prices = Eigen::Vector2d(0.0, 0.0);
        (void)pricing::check_menu(env, m, hardening_nan);
      }));
  add("pricing finite", "check_menu with too few rules",
      throws_named<dimension_error>("check_menu", [] {
        const auto env = pricing::binary_environment(0.0, 0.5, Eigen::Vector2d(0.3, 0.9),
                                                     Eigen::Vector2d(0.5, 0.5));
        pricing::menu m;
        m.rules = {Eigen::MatrixXd::Constant(2, 2, 0.5)};
        m.prices = Eigen::Vector2d(0.0, 0.0);
        (void)pricing::check_menu(env, m);
      }));

  // ---- data monetization
  add("data monetization", "mechanism_from_moments with NaN",
      throws_named<non_finite_error>("mechanism_from_moments", [] {
        const data_monetization::game g(2, 0.25, data_monetization::gaussian_prior{});
        data_monetization::symmetric_moments m;
        m.action_variance = hardening_nan;
        (void)data_monetization::mechanism_from_moments(g, m);
      }));
  add("data monetization", "mechanism_from_moments with a NaN tolerance",
      throws_named<non_finite_error>("mechanism_from_moments", [] {
        const data_monetization::game g(2, 0.25, data_monetization::gaussian_prior{});
        (void)data_monetization::mechanism_from_moments(g, data_monetization::symmetric_moments{},
                                                        hardening_nan);
      }));
  add("data monetization", "joint with 1.5e9 players (huge)",
      throws_named<dimension_error>("data_monetization::joint", [] {
        const data_monetization::game g(1500000000, -0.25, data_monetization::gaussian_prior{});
        (void)data_monetization::joint(g, data_monetization::uninformative(g));
      }));
  add("data monetization", "one player",
      throws_named<invalid_argument>("data_monetization::game", [] {
        (void)data_monetization::game(1, 0.25, data_monetization::gaussian_prior{});
      }));
  add("data monetization", "NaN interaction",
      throws_named<non_finite_error>("data_monetization::game", [] {
        (void)data_monetization::game(2, hardening_nan, data_monetization::gaussian_prior{});
      }));
  return c;
}

}  // namespace

TEST_CASE("hardening: every bad-input case has its documented outcome", "[hardening]") {
  const auto cases = hardening_cases();
  std::map<std::string, int> per_family;
  int failed = 0;
  for (const auto& k : cases) {
    ++per_family[k.family];
    INFO(k.family << " / " << k.name);
    std::string why;
    try {
      k.run();
    } catch (const std::exception& e) {
      why = e.what();
    }
    if (!why.empty()) {
      ++failed;
      FAIL_CHECK(k.family << " / " << k.name << ": " << why);
    }
  }
  for (const auto& [family, n] : per_family) {
    fmt::print(stderr, "hardening: {:>3} cases  {}\n", n, family);
  }
  fmt::print(stderr, "hardening: {} cases, {} failed\n", cases.size(), failed);
  CHECK(failed == 0);
  CHECK(per_family.size() >= 10);
}
