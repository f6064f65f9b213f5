// Bindings of pricing/ (004): environments, menus and their check, the optimal finite menu
// (program (10)), binary types (program (11)), continuous types (Theorem 4.7).
#include <mechdesign/lp/format.hpp>
#include <mechdesign/pricing/binary.hpp>
#include <mechdesign/pricing/binary_types.hpp>
#include <mechdesign/pricing/continuous.hpp>
#include <mechdesign/pricing/environment.hpp>
#include <mechdesign/pricing/format.hpp>
#include <mechdesign/pricing/menu.hpp>
#include <mechdesign/pricing/optimal_menu.hpp>

#include "bindings.hpp"

namespace mechdesign::python {

void bind_pricing(py::module_& m) {
  using namespace mechdesign::pricing;
  using vec = Eigen::VectorXd;
  using mat = Eigen::MatrixXd;

  py::class_<environment>(m, "Environment", "States, actions, externality and buyer types.")
      .def(py::init([](vec seller_belief, mat buyer_payoff, mat externality, mat type_beliefs,
                       vec type_probabilities) {
             environment e{std::move(seller_belief), std::move(buyer_payoff),
                           std::move(externality), std::move(type_beliefs),
                           std::move(type_probabilities)};
             validate(e);
             return e;
           }),
           py::arg("seller_belief"), py::arg("buyer_payoff"), py::arg("externality"),
           py::arg("type_beliefs"), py::arg("type_probabilities"))
      .def_readwrite("seller_belief", &environment::seller_belief)
      .def_readwrite("buyer_payoff", &environment::buyer_payoff)
      .def_readwrite("externality", &environment::externality)
      .def_readwrite("type_beliefs", &environment::type_beliefs)
      .def_readwrite("type_probabilities", &environment::type_probabilities)
      .def("num_states", &environment::num_states)
      .def("num_actions", &environment::num_actions)
      .def("num_types", &environment::num_types);
  m.def(
      "validate", [](const environment& env) { validate(env, "validate"); }, py::arg("env"));
  m.def("binary_environment", &binary_environment, py::arg("tau"), py::arg("seller_belief"),
        py::arg("type_beliefs"), py::arg("type_probabilities"),
        "The binary-state environment of 004 §3 with competition τ.");
  m.def("no_information_value", &no_information_value, py::arg("env"), py::arg("belief"));

  py::class_<menu>(m, "Menu", "One rule (|S| × |A|) and one price per type.")
      .def(py::init([](std::vector<mat> rules, vec prices) {
             return menu{std::move(rules), std::move(prices)};
           }),
           py::arg("rules"), py::arg("prices"))
      .def_readwrite("rules", &menu::rules)
      .def_readwrite("prices", &menu::prices);
  m.def("obedient_value", &obedient_value, py::arg("env"), py::arg("belief"), py::arg("rule"));
  m.def("best_response_value", &best_response_value, py::arg("env"), py::arg("belief"),
        py::arg("rule"));
  m.def("expected_externality",
        py::overload_cast<const environment&, const Eigen::Ref<const mat>&>(&expected_externality),
        py::arg("env"), py::arg("rule"));
  py::class_<menu_check> mc(m, "MenuCheck");
  mc.def_readonly("rule_violation", &menu_check::rule_violation)
      .def_readonly("obedience_violation", &menu_check::obedience_violation)
      .def_readonly("truthfulness_violation", &menu_check::truthfulness_violation)
      .def_readonly("participation_violation", &menu_check::participation_violation)
      .def_readonly("price_violation", &menu_check::price_violation)
      .def_readonly("worst", &menu_check::worst)
      .def_readonly("tolerance", &menu_check::tolerance)
      .def_readonly("passed", &menu_check::passed)
      .def("max_violation", &menu_check::max_violation);
  with_repr(mc);
  m.def("check_menu", &check_menu, py::arg("env"), py::arg("menu"), py::arg("tolerance") = 1e-7,
        py::arg("nonnegative_prices") = true);

  py::class_<menu_options>(m, "MenuOptions")
      .def(py::init<>())
      .def_readwrite("nonnegative_prices", &menu_options::nonnegative_prices)
      .def_readwrite("binding_tolerance", &menu_options::binding_tolerance)
      .def_readwrite("check_tolerance", &menu_options::check_tolerance)
      .def_readwrite("constraint_generation", &menu_options::constraint_generation)
      .def_readwrite("max_rounds", &menu_options::max_rounds)
      .def_readwrite("solver", &menu_options::solver);
  py::enum_<menu_constraint::kind>(m, "ConstraintKind")
      .value("obedience", menu_constraint::kind::obedience)
      .value("participation", menu_constraint::kind::participation)
      .value("truthfulness", menu_constraint::kind::truthfulness);
  py::class_<menu_constraint> mk(m, "MenuConstraint");
  mk.def_readonly("what", &menu_constraint::what)
      .def_readonly("type", &menu_constraint::type)
      .def_readonly("other", &menu_constraint::other)
      .def_readonly("action", &menu_constraint::action)
      .def_readonly("slack", &menu_constraint::slack)
      .def("label", &menu_constraint::label);
  with_repr(mk);
  py::class_<menu_result, result_base> mr(m, "MenuResult", "The optimal menu (004 (10)).");
  mr.def_readonly("lp_status", &menu_result::lp_status)
      .def_readonly("menu", &menu_result::menu)
      .def_readonly("profit", &menu_result::profit)
      .def_readonly("expected_revenue", &menu_result::expected_revenue)
      .def_readonly("expected_externality", &menu_result::expected_externality)
      .def_readonly("gain", &menu_result::gain)
      .def_readonly("rent", &menu_result::rent)
      .def_readonly("externality", &menu_result::externality)
      .def_readonly("binding", &menu_result::binding)
      .def_readonly("lp_check", &menu_result::lp_check)
      .def_readonly("check", &menu_result::check)
      .def_readonly("rounds", &menu_result::rounds)
      .def_readonly("report_pairs", &menu_result::report_pairs);
  with_repr(mr);
  m.def("solve_optimal_menu", &solve_optimal_menu, py::arg("env"),
        py::arg("options") = menu_options{});
  m.def("evaluate_menu", &evaluate_menu, py::arg("env"), py::arg("menu"),
        py::arg("options") = menu_options{});

  // binary states (004 §3)
  m.def("informativeness", &informativeness, py::arg("rule"), "I of a 2×2 rule.");
  m.def("ceiling_rule", &ceiling_rule, py::arg("i"));
  m.def("gain", &gain, py::arg("i"), py::arg("v_b"));
  m.def("obedience_bounds", &obedience_bounds, py::arg("v_b"));
  m.def("binary_expected_externality",
        py::overload_cast<double, double, double>(&expected_externality), py::arg("i"),
        py::arg("v_s"), py::arg("tau"));
  m.def("printed_expected_externality", &printed_expected_externality, py::arg("i"), py::arg("v_s"),
        py::arg("tau"));

  py::class_<binary_types>(m, "BinaryTypes", "Two buyer types (004 §3.3, program (11)).")
      .def(py::init([](double tau, double seller_belief, double v_low, double v_high, double phi) {
             return binary_types{tau, seller_belief, v_low, v_high, phi};
           }),
           py::arg("tau") = 0.0, py::arg("seller_belief") = 0.5, py::arg("v_low") = 5.0 / 6.0,
           py::arg("v_high") = 2.0 / 3.0, py::arg("phi") = 0.5)
      .def_readwrite("tau", &binary_types::tau)
      .def_readwrite("seller_belief", &binary_types::seller_belief)
      .def_readwrite("v_low", &binary_types::v_low)
      .def_readwrite("v_high", &binary_types::v_high)
      .def_readwrite("phi", &binary_types::phi)
      .def("congruent", &binary_types::congruent);
  py::enum_<offer>(m, "Offer")
      .value("none", offer::none)
      .value("partial", offer::partial)
      .value("full", offer::full)
      .value("steering", offer::steering);
  m.def("classify_rule", &classify_rule, py::arg("rule"), py::arg("v_b"),
        py::arg("tolerance") = 1e-7);
  py::class_<binary_type_menu, result_base> bt(m, "BinaryTypeMenu");
  bt.def_readonly("parameters", &binary_type_menu::parameters)
      .def_readonly("lp", &binary_type_menu::lp)
      .def_readonly("i_low", &binary_type_menu::i_low)
      .def_readonly("i_high", &binary_type_menu::i_high)
      .def_readonly("t_low", &binary_type_menu::t_low)
      .def_readonly("t_high", &binary_type_menu::t_high)
      .def_readonly("low", &binary_type_menu::low)
      .def_readonly("high", &binary_type_menu::high);
  with_repr(bt);
  m.def("solve_binary_types", &solve_binary_types, py::arg("parameters"),
        py::arg("options") = menu_options{});
  py::class_<decision_thresholds> dt(m, "DecisionThresholds");
  dt.def_readonly("tau_low", &decision_thresholds::tau_low)
      .def_readonly("tau_high", &decision_thresholds::tau_high);
  with_repr(dt);
  m.def("model_thresholds", &model_thresholds, py::arg("parameters"));
  m.def("printed_thresholds", &printed_thresholds, py::arg("parameters"));

  // continuous types (004 §4)
  py::class_<type_distribution>(m, "TypeDistribution", "A type distribution on [0, 1].")
      .def(py::init([](std::string name, py::function density, py::function cdf) {
             return type_distribution(std::move(name),
                                      float_callable<double>(std::move(density), "density"),
                                      float_callable<double>(std::move(cdf), "cdf"));
           }),
           py::arg("name"), py::arg("density"), py::arg("cdf"),
           "From Python callables density(v) and cdf(v); an exception they raise propagates.")
      .def_static("uniform", &type_distribution::uniform)
      .def_static("beta", &type_distribution::beta, py::arg("alpha"), py::arg("beta"))
      .def_static("truncated_normal", &type_distribution::truncated_normal, py::arg("mean"),
                  py::arg("sd"))
      .def("name", &type_distribution::name)
      .def("density", &type_distribution::density, py::arg("v"))
      .def("cdf", &type_distribution::cdf, py::arg("v"));
  m.def("negative_virtual_value", &negative_virtual_value, py::arg("f"), py::arg("v"),
        py::arg("tau"), py::arg("v_s"));
  m.def("positive_virtual_value", &positive_virtual_value, py::arg("f"), py::arg("v"),
        py::arg("tau"), py::arg("v_s"));
  py::class_<continuous_options>(m, "ContinuousOptions")
      .def(py::init<>())
      .def_readwrite("tolerance", &continuous_options::tolerance)
      .def_readwrite("regularity_grid", &continuous_options::regularity_grid)
      .def_readwrite("search_cells", &continuous_options::search_cells);
  py::class_<continuous_menu, result_base> cm(m, "ContinuousMenu", "004 Theorem 4.7.");
  cm.def_readonly("tau", &continuous_menu::tau)
      .def_readonly("seller_belief", &continuous_menu::seller_belief)
      .def_readonly("lambda_", &continuous_menu::lambda)
      .def_readonly("low_threshold", &continuous_menu::low_threshold)
      .def_readonly("high_threshold", &continuous_menu::high_threshold)
      .def_readonly("price", &continuous_menu::price)
      .def_readonly("expected_revenue", &continuous_menu::expected_revenue)
      .def_readonly("expected_externality", &continuous_menu::expected_externality)
      .def_readonly("profit", &continuous_menu::profit)
      .def_readonly("concave", &continuous_menu::concave)
      .def_readonly("regular", &continuous_menu::regular)
      .def_readonly("distribution", &continuous_menu::distribution)
      .def("informativeness", &continuous_menu::informativeness, py::arg("v"))
      .def("transfer", &continuous_menu::transfer, py::arg("v"));
  with_repr(cm);
  m.def("solve_continuous", &solve_continuous, py::arg("f"), py::arg("tau"), py::arg("v_s"),
        py::arg("options") = continuous_options{});
  m.def("grid_types", &grid_types, py::arg("f"), py::arg("n"),
        "n midpoint types and their probabilities (a finite approximation of f).");
}

}  // namespace mechdesign::python
