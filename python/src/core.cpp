// Bindings of core/: coalitions, type spaces, priors, Bayesian problems and their coalition
// restrictions, mechanisms, and the IC / IR checks (003 §3.1).
#include <mechdesign/core/coalition.hpp>
#include <mechdesign/core/format.hpp>
#include <mechdesign/core/incentives.hpp>
#include <mechdesign/core/mechanism.hpp>
#include <mechdesign/core/prior.hpp>
#include <mechdesign/core/problem.hpp>
#include <mechdesign/core/type_space.hpp>

#include "bindings.hpp"

namespace mechdesign::python {

void bind_core(py::module_& m) {
  py::class_<coalition> c(m, "Coalition", "A set of players (global indices), kept sorted.");
  c.def(py::init<>())
      .def(py::init<std::vector<int>>(), py::arg("players"))
      .def_static("grand", &coalition::grand, py::arg("num_players"))
      .def_static("from_mask", &coalition::from_mask, py::arg("mask"))
      .def_property_readonly("members", &coalition::members)
      .def_property_readonly("mask", &coalition::mask)
      .def("size", &coalition::size)
      .def("__len__", &coalition::size)
      .def("__contains__", &coalition::contains)
      .def("position", &coalition::position, py::arg("player"))
      .def("without", &coalition::without, py::arg("player"))
      .def("with_", &coalition::with, py::arg("player"))
      .def("__eq__", [](const coalition& a, const coalition& b) { return a.mask() == b.mask(); })
      .def("__hash__", [](const coalition& a) { return a.mask(); })
      .def("__str__", &coalition::to_string)
      .def("__repr__", [](const coalition& a) { return "Coalition(" + a.to_string() + ")"; });
  // Any list or tuple of player indices is accepted where a Coalition is expected.
  py::implicitly_convertible<std::vector<int>, coalition>();

  py::class_<type_space>(m, "TypeSpace", "T = T_1 × … × T_n, profiles indexed lexicographically.")
      .def(py::init<std::vector<index_t>>(), py::arg("sizes"))
      .def("num_players", &type_space::num_players)
      .def("num_types", &type_space::num_types, py::arg("player"))
      .def("num_profiles", &type_space::num_profiles)
      .def("index", &type_space::index, py::arg("profile"))
      .def("decode", &type_space::decode, py::arg("index"))
      .def("type_of", &type_space::type_of, py::arg("index"), py::arg("player"))
      .def("restrict_to", &type_space::restrict_to, py::arg("coalition"))
      .def("project", &type_space::project, py::arg("index"), py::arg("coalition"));

  using prior_d = prior<double>;
  py::class_<prior_d>(m, "Prior", "A prior over type profiles (003 §3.1).")
      .def_static("independent", &prior_d::independent, py::arg("marginals"), py::arg("tol") = 1e-9,
                  "Product of one marginal per player (each a probability vector).")
      .def_static("joint", &prior_d::joint, py::arg("types"), py::arg("table"),
                  py::arg("tol") = 1e-9, "A joint table over the profiles of `types`.")
      .def("types", &prior_d::types, py::return_value_policy::reference_internal)
      .def("is_independent", &prior_d::is_independent)
      .def("probability", &prior_d::probability, py::arg("profile"))
      .def("conditional", &prior_d::conditional, py::arg("player"), py::arg("profile"))
      .def("marginal", &prior_d::marginal, py::arg("player"))
      .def("restrict_to", &prior_d::restrict_to, py::arg("coalition"));

  py::enum_<budget_rule>(m, "BudgetRule", "How transfers must balance (quasi-linear problems).")
      .value("ex_post_balanced", budget_rule::ex_post_balanced)
      .value("ex_post_no_deficit", budget_rule::ex_post_no_deficit)
      .value("ex_ante_balanced", budget_rule::ex_ante_balanced)
      .value("ex_ante_no_deficit", budget_rule::ex_ante_no_deficit);

  using cp = coalition_problem<double>;
  py::class_<cp>(m, "CoalitionProblem", "The game Γ_S restricted to one coalition (003 §3.1).")
      .def(py::init<coalition, prior_d, std::vector<std::string>, std::vector<Eigen::MatrixXd>,
                    std::optional<budget_rule>>(),
           py::arg("members"), py::arg("beliefs"), py::arg("labels"), py::arg("utilities"),
           py::arg("money") = py::none())
      .def_property_readonly("members", &cp::members)
      .def("num_members", &cp::num_members)
      .def("types", &cp::types, py::return_value_policy::reference_internal)
      .def("beliefs", &cp::beliefs, py::return_value_policy::reference_internal)
      .def("num_profiles", &cp::num_profiles)
      .def("num_decisions", &cp::num_decisions)
      .def("decision_labels", &cp::decision_labels)
      .def("utility", &cp::utility, py::arg("member"), "u_k^S(d, t_S): |D_S| × |T_S|.")
      .def("money", &cp::money)
      .def("probability", &cp::probability, py::arg("profile"))
      .def("belief", &cp::belief, py::arg("member"), py::arg("profile"))
      .def("num_types", &cp::num_types, py::arg("member"));

  using bp = bayesian_problem<double>;
  py::class_<superadditivity_report>(m, "SuperadditivityReport")
      .def_readonly("passed", &superadditivity_report::passed)
      .def_readonly("r", &superadditivity_report::r)
      .def_readonly("s", &superadditivity_report::s)
      .def_readonly("decision_r", &superadditivity_report::decision_r)
      .def_readonly("decision_s", &superadditivity_report::decision_s)
      .def_readonly("message", &superadditivity_report::message)
      .def("__repr__", [](const superadditivity_report& r) {
        return r.passed ? std::string("SuperadditivityReport(passed)")
                        : "SuperadditivityReport(failed: " + r.message + ")";
      });
  py::class_<bp>(m, "BayesianProblem",
                 "A finite cooperative game with incomplete information (003 §3.1).")
      .def(py::init<prior_d>(), py::arg("prior"))
      .def(
          "set_decisions",
          [](bp& p, const coalition& s, std::vector<std::string> labels,
             std::vector<Eigen::MatrixXd> utilities) -> bp& {
            return p.set_decisions(s, std::move(labels), std::move(utilities));
          },
          py::arg("coalition"), py::arg("labels"), py::arg("utilities"),
          py::return_value_policy::reference_internal,
          "Register D_S with one |D_S| × |T_N| table per member of S (member order).")
      .def(
          "set_decisions",
          [](bp& p, const coalition& s, std::vector<std::string> labels, py::function u) -> bp& {
            // A Python exception raised by u propagates unchanged (pybind11's
            // error_already_set); the problem is left as it was.
            return p.set_decisions(
                s, std::move(labels),
                float_callable<int, index_t, const profile&>(std::move(u), "utility callable"));
          },
          py::arg("coalition"), py::arg("labels"), py::arg("utility"),
          py::return_value_policy::reference_internal,
          "Register D_S with a callable utility(player, decision, profile) -> float, called "
          "once per member, decision and full profile.")
      .def("set_money", &bp::set_money, py::arg("rule"),
           py::return_value_policy::reference_internal)
      .def("beliefs", &bp::beliefs, py::return_value_policy::reference_internal)
      .def("types", &bp::types, py::return_value_policy::reference_internal)
      .def("num_players", &bp::num_players)
      .def("money", &bp::money)
      .def("has_decisions", &bp::has_decisions, py::arg("coalition"))
      .def("decision_labels", &bp::decision_labels, py::arg("coalition"))
      .def("utility_table", &bp::utility_table, py::arg("coalition"), py::arg("member"))
      .def("restrict_to", &bp::restrict_to, py::arg("coalition"))
      .def("grand", &bp::grand)
      .def("reservation_utility", &bp::reservation_utility, py::arg("player"))
      .def("check_superadditivity", &bp::check_superadditivity, py::arg("tol") = 1e-9);

  using mech = mechanism<double>;
  py::class_<mech>(m, "Mechanism",
                   "μ(d | t_S) (|D_S| × |T_S|) and, with money, transfers x_k(t_S) (|S| × |T_S|).")
      .def(py::init<>())
      .def(py::init([](Eigen::MatrixXd probabilities, Eigen::MatrixXd transfers) {
             mech x;
             x.probabilities = std::move(probabilities);
             x.transfers = std::move(transfers);
             return x;
           }),
           py::arg("probabilities"), py::arg("transfers") = Eigen::MatrixXd())
      .def_readwrite("probabilities", &mech::probabilities)
      .def_readwrite("transfers", &mech::transfers)
      .def_static("constant", &mech::constant, py::arg("problem"), py::arg("decision"))
      .def("__repr__", [](const mech& x) {
        return fmt::format(
            "Mechanism({}x{} probabilities{})", x.probabilities.rows(), x.probabilities.cols(),
            x.transfers.size()
                ? fmt::format(", {}x{} transfers", x.transfers.rows(), x.transfers.cols())
                : std::string());
      });
  m.def("validate_mechanism", &validate_mechanism<double>, py::arg("problem"), py::arg("mechanism"),
        py::arg("tol") = 1e-9, "Raise unless the mechanism fits the problem (sizes, budget).");

  py::class_<ic_report<double>> ic(m, "IcReport", "Bayesian incentive compatibility (3.2).");
  ic.def_readonly("passed", &ic_report<double>::passed)
      .def_readonly("worst_violation", &ic_report<double>::worst_violation)
      .def_readonly("player", &ic_report<double>::player)
      .def_readonly("type", &ic_report<double>::type)
      .def_readonly("report", &ic_report<double>::report)
      .def_readonly("gains", &ic_report<double>::gains);
  with_repr(ic);
  py::class_<ir_report<double>> ir(m, "IrReport", "Interim individual rationality (3.3).");
  ir.def_readonly("passed", &ir_report<double>::passed)
      .def_readonly("worst_violation", &ir_report<double>::worst_violation)
      .def_readonly("player", &ir_report<double>::player)
      .def_readonly("type", &ir_report<double>::type)
      .def_readonly("surplus", &ir_report<double>::surplus);
  with_repr(ir);

  m.def("interim_utilities", &interim_utilities<double>, py::arg("problem"), py::arg("mechanism"),
        py::arg("tol") = 1e-9, "U_k(μ | t_k) for every member k (a list of arrays).");
  m.def("misreport_utilities", &misreport_utilities<double>, py::arg("problem"),
        py::arg("mechanism"), py::arg("member"), py::arg("tol") = 1e-9,
        "U_k(μ, τ | t): |T_k| × |T_k| for member k.");
  m.def("check_incentive_compatibility", &check_incentive_compatibility<double>, py::arg("problem"),
        py::arg("mechanism"), py::arg("tol") = 1e-9);
  m.def("check_individual_rationality",
        py::overload_cast<const cp&, const mech&, const std::vector<Eigen::VectorXd>&, double>(
            &check_individual_rationality<double>),
        py::arg("problem"), py::arg("mechanism"), py::arg("reservation"), py::arg("tol") = 1e-9);
  m.def("check_individual_rationality",
        py::overload_cast<const bp&, const cp&, const mech&, double>(
            &check_individual_rationality<double>),
        py::arg("bayesian_problem"), py::arg("problem"), py::arg("mechanism"),
        py::arg("tol") = 1e-9,
        "IR against the reservation utilities of the singletons' registered decisions.");
}

}  // namespace mechdesign::python
