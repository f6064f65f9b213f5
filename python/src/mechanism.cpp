// Bindings of mechanism/ (003 §3–§4): the primal LP (3.4)–(3.5), the dual and virtual utility
// (3.6)–(3.8), the incentive-efficiency test, warranted claims (4.11) and strong solutions.
#include <mechdesign/core/format.hpp>
#include <mechdesign/lp/format.hpp>
#include <mechdesign/mechanism/efficiency.hpp>
#include <mechdesign/mechanism/format.hpp>
#include <mechdesign/mechanism/primal.hpp>
#include <mechdesign/mechanism/selection.hpp>
#include <mechdesign/mechanism/virtual_utility.hpp>
#include <mechdesign/mechanism/warranted_claims.hpp>

#include "bindings.hpp"

namespace mechdesign::python {

void bind_mechanism(py::module_& m) {
  using cp = coalition_problem<double>;
  using tv = type_vectors<double>;
  using tm = type_matrices<double>;

  py::class_<primal_options>(m, "PrimalOptions", "Options of the primal LP (003 (3.4)-(3.5)).")
      .def(py::init<>())
      .def_readwrite("lp", &primal_options::lp)
      .def_readwrite("tolerance", &primal_options::tolerance);

  py::class_<primal_result, result_base> pr(m, "PrimalResult",
                                            "An optimal IC mechanism for weights λ and its duals.");
  pr.def_readonly("objective", &primal_result::objective)
      .def_readonly("optimal_mechanism", &primal_result::optimal_mechanism)
      .def_readonly("interim", &primal_result::interim)
      .def_readonly("lambda_", &primal_result::lambda)
      .def_readonly("alpha", &primal_result::alpha)
      .def_readonly("beta", &primal_result::beta)
      .def_readonly("thresholds", &primal_result::thresholds)
      .def_readonly("virtual_utilities", &primal_result::virtual_utilities)
      .def_readonly("dual_objective", &primal_result::dual_objective)
      .def_readonly("duality_gap", &primal_result::duality_gap)
      .def_readonly("transfer_imbalance", &primal_result::transfer_imbalance)
      .def_readonly("ic_violation", &primal_result::ic_violation)
      .def_readonly("lp", &primal_result::lp);
  with_repr(pr);

  py::class_<incentive_primal>(m, "IncentivePrimal",
                               "The primal LP kept loaded for repeated solves (warm starts).")
      .def(py::init<cp, primal_options>(), py::arg("problem"),
           py::arg("options") = primal_options{})
      .def("set_participation", &incentive_primal::set_participation, py::arg("thresholds"))
      .def("set_problem", &incentive_primal::set_problem, py::arg("problem"))
      .def("set_ic_slack", &incentive_primal::set_ic_slack, py::arg("member"), py::arg("type"),
           py::arg("report"), py::arg("epsilon"))
      .def("solve", &incentive_primal::solve, py::arg("lambda_"))
      .def("problem", &incentive_primal::problem, py::return_value_policy::reference_internal);

  m.def("solve_primal", &solve_primal, py::arg("problem"), py::arg("lambda_"),
        py::arg("participation") = tv{}, py::arg("options") = primal_options{},
        "max Σ λ_k(t) U_k(μ|t) over IC mechanisms, with optional participation thresholds "
        "(-inf: none) (003 (3.4)-(3.5)).");

  m.def("lagrangian_coefficients", &lagrangian_coefficients<double>, py::arg("problem"),
        py::arg("lambda_"), py::arg("alpha"));
  m.def("virtual_utility", &virtual_utility<double>, py::arg("problem"), py::arg("lambda_"),
        py::arg("alpha"), "v_k(d, t_S) of 003 (3.6): one |D_S| × |T_S| array per member.");
  m.def("virtual_money_weights", &virtual_money_weights<double>, py::arg("problem"),
        py::arg("lambda_"), py::arg("alpha"));
  m.def("transfer_imbalance", &transfer_imbalance<double>, py::arg("problem"), py::arg("lambda_"),
        py::arg("alpha"));
  m.def("dual_objective", &dual_objective<double>, py::arg("problem"), py::arg("lambda_"),
        py::arg("alpha"), py::arg("beta") = tv{}, py::arg("thresholds") = tv{},
        "The dual (3.7) at (λ, α) (and participation multipliers β with thresholds).");
  m.def("virtual_worth", &virtual_worth<double>, py::arg("problem"), py::arg("mechanism"),
        py::arg("lambda_"), py::arg("alpha"));

  using ec = efficiency_conditions<double>;
  py::class_<ec> c(m, "EfficiencyConditions", "Residuals of Proposition 1 (003 (3.2), (3.8)).");
  c.def_readonly("ic_violation", &ec::ic_violation)
      .def_readonly("complementary_slackness", &ec::complementary_slackness)
      .def_readonly("virtual_optimality", &ec::virtual_optimality)
      .def_readonly("transfer_imbalance", &ec::transfer_imbalance)
      .def_readonly("min_weight", &ec::min_weight)
      .def_readonly("passed", &ec::passed);
  with_repr(c);
  m.def("check_efficiency_conditions", &check_efficiency_conditions<double>, py::arg("problem"),
        py::arg("mechanism"), py::arg("lambda_"), py::arg("alpha"), py::arg("tol") = 1e-7);

  py::enum_<efficiency_verdict>(m, "EfficiencyVerdict")
      .value("undetermined", efficiency_verdict::undetermined)
      .value("efficient", efficiency_verdict::efficient)
      .value("improvable", efficiency_verdict::improvable)
      .value("not_incentive_compatible", efficiency_verdict::not_incentive_compatible);
  py::class_<player_type>(m, "PlayerType")
      .def_readonly("player", &player_type::player)
      .def_readonly("type", &player_type::type)
      .def("__repr__", [](const player_type& p) {
        return fmt::format("PlayerType(player={}, type={})", p.player, p.type);
      });
  py::class_<efficiency_result, result_base> er(m, "EfficiencyResult",
                                                "Incentive efficiency test (003 Proposition 1).");
  er.def_readonly("verdict", &efficiency_result::verdict)
      .def_readonly("interim", &efficiency_result::interim)
      .def_readonly("lambda_", &efficiency_result::lambda)
      .def_readonly("alpha", &efficiency_result::alpha)
      .def_readonly("conditions", &efficiency_result::conditions)
      .def_readonly("improvement", &efficiency_result::improvement)
      .def_readonly("gains", &efficiency_result::gains)
      .def_readonly("improving_types", &efficiency_result::improving_types)
      .def_readonly("total_gain", &efficiency_result::total_gain)
      .def_readonly("ic", &efficiency_result::ic)
      .def_readonly("lp", &efficiency_result::lp)
      .def("efficient", &efficiency_result::efficient);
  with_repr(er);
  m.def("test_incentive_efficiency", &test_incentive_efficiency, py::arg("problem"),
        py::arg("mechanism"), py::arg("tol") = 1e-7, py::arg("options") = primal_options{},
        "Efficient (with supporting λ > 0, α) or improvable (with an improvement).");

  py::class_<coalition_threat>(m, "CoalitionThreat",
                               "Γ_{S\\i}, its plan μ_{S\\i} and multipliers α^{S\\i} (4.7).")
      .def(py::init([](cp problem, mechanism<double> plan, tm alpha) {
             return coalition_threat{std::move(problem), std::move(plan), std::move(alpha)};
           }),
           py::arg("problem"), py::arg("plan"), py::arg("alpha") = tm{})
      .def_readwrite("problem", &coalition_threat::problem)
      .def_readwrite("plan", &coalition_threat::plan)
      .def_readwrite("alpha", &coalition_threat::alpha);
  m.def("singleton_threat", &singleton_threat, py::arg("bayesian_problem"), py::arg("player"),
        "The threat of a singleton {j}: its best registered decision (4.4).");

  py::class_<warrant_result, result_base> wr(m, "WarrantResult", "Warranted claims (003 (4.11)).");
  wr.def_readonly("claims", &warrant_result::claims)
      .def_readonly("residual_worth", &warrant_result::residual_worth)
      .def_readonly("threat_worth", &warrant_result::threat_worth)
      .def_readonly("equation_residual", &warrant_result::equation_residual)
      .def_readonly("transfer_imbalance", &warrant_result::transfer_imbalance);
  with_repr(wr);
  m.def("warranted_claims", &warranted_claims, py::arg("problem"), py::arg("player"),
        py::arg("lambda_"), py::arg("alpha"), py::arg("threat"));
  m.def("warrant_equation_residual", &warrant_equation_residual, py::arg("problem"),
        py::arg("player"), py::arg("lambda_"), py::arg("alpha"), py::arg("threat"),
        py::arg("claims"),
        "max_t |(A ω − r)(t)| of the warrant equations (4.11) for given claims ω; weights may "
        "have zeros (the limit of a degenerate solution).");

  py::class_<selection_feasibility> sf(m, "SelectionFeasibility");
  sf.def_readonly("passed", &selection_feasibility::passed)
      .def_readonly("ic", &selection_feasibility::ic)
      .def_readonly("participation_shortfall", &selection_feasibility::participation_shortfall)
      .def_readonly("player", &selection_feasibility::player)
      .def_readonly("type", &selection_feasibility::type);
  with_repr(sf);
  py::class_<safety_report> sr(m, "SafetyReport", "Safety of a dictator's mechanism (4.12).");
  sr.def_readonly("passed", &safety_report::passed)
      .def_readonly("feasible_given", &safety_report::feasible_given)
      .def_readonly("dictator_ic_violation", &safety_report::dictator_ic_violation)
      .def_readonly("conditional_ic_violation", &safety_report::conditional_ic_violation)
      .def_readonly("participation_gap", &safety_report::participation_gap);
  with_repr(sr);
  py::enum_<strong_solution_verdict>(m, "StrongSolutionVerdict")
      .value("undetermined", strong_solution_verdict::undetermined)
      .value("found", strong_solution_verdict::found)
      .value("no_safe_mechanism", strong_solution_verdict::no_safe_mechanism)
      .value("dominated", strong_solution_verdict::dominated);
  py::class_<strong_solution_result, result_base> ss(m, "StrongSolutionResult");
  ss.def_readonly("verdict", &strong_solution_result::verdict)
      .def_readonly("best_safe", &strong_solution_result::best_safe)
      .def_readonly("dictator_utilities", &strong_solution_result::dictator_utilities)
      .def_readonly("safety", &strong_solution_result::safety)
      .def_readonly("domination_gain", &strong_solution_result::domination_gain)
      .def_readonly("safe_lp", &strong_solution_result::safe_lp)
      .def_readonly("domination_lp", &strong_solution_result::domination_lp)
      .def("exists", &strong_solution_result::exists);
  with_repr(ss);
  py::class_<mechanism_selection>(m, "MechanismSelection",
                                  "The mechanism-selection game Γ_S^i(μ_{S\\i}) (003 §4).")
      .def(py::init<cp, int, coalition_threat, primal_options>(), py::arg("problem"),
           py::arg("dictator"), py::arg("threat"), py::arg("options") = primal_options{})
      .def("dictator", &mechanism_selection::dictator)
      .def("check_feasible", &mechanism_selection::check_feasible, py::arg("mechanism"),
           py::arg("tol") = 1e-7)
      .def("undominated", &mechanism_selection::undominated, py::arg("weights"))
      .def("check_safe", &mechanism_selection::check_safe, py::arg("mechanism"),
           py::arg("tol") = 1e-7)
      .def("strong_solution", &mechanism_selection::strong_solution, py::arg("tol") = 1e-7,
           py::arg("weights") = Eigen::VectorXd());
}

}  // namespace mechdesign::python
