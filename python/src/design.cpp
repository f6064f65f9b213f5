// Bindings of mechanism/design.hpp and mechanism/textbook.hpp: mechanism design with any linear
// objective, Bayesian or dominant-strategy IC, interim or ex-post IR, user rows and fixed
// allocations; Myerson's optimal auction and Myerson–Satterthwaite bilateral trade in one call.
#include <pybind11/stl.h>

#include <mechdesign/lp/export.hpp>
#include <mechdesign/mechanism/design.hpp>
#include <mechdesign/mechanism/format.hpp>
#include <mechdesign/mechanism/textbook.hpp>

#include "bindings.hpp"

namespace mechdesign::python {

void bind_design(py::module_& m) {
  using cp = coalition_problem<double>;

  py::enum_<incentive_family>(m, "IncentiveFamily", "Which incentive constraints a design imposes.")
      .value("none", incentive_family::none)
      .value("bayesian", incentive_family::bayesian)
      .value("dominant_strategy", incentive_family::dominant_strategy);
  py::enum_<participation_family>(m, "ParticipationFamily",
                                  "Which participation constraints a design imposes.")
      .value("none", participation_family::none)
      .value("interim", participation_family::interim)
      .value("ex_post", participation_family::ex_post);

  py::class_<mechanism_functional>(
      m, "MechanismFunctional",
      "A linear functional Σ a(d,j) μ(d|t^j) + Σ b(k,j) x_k(t^j) + c of a mechanism.")
      .def(py::init<>())
      .def_readwrite("on_probabilities", &mechanism_functional::on_probabilities)
      .def_readwrite("on_transfers", &mechanism_functional::on_transfers)
      .def_readwrite("constant", &mechanism_functional::constant)
      .def("value", &mechanism_functional::value, py::arg("mechanism"));
  m.def("zero_functional", &zero_functional, py::arg("problem"));
  m.def("expected_utility", &expected_utility, py::arg("problem"), py::arg("member"));
  m.def("expected_welfare", &expected_welfare, py::arg("problem"));
  m.def("expected_revenue", &expected_revenue, py::arg("problem"));

  py::class_<mechanism_constraint>(m, "MechanismConstraint",
                                   "A user row lower <= f(μ, x) <= upper.")
      .def(py::init<>())
      .def(py::init([](mechanism_functional f, double lower, double upper, std::string name) {
             return mechanism_constraint{std::move(f), lower, upper, std::move(name)};
           }),
           py::arg("functional"), py::arg("lower") = -lp::inf, py::arg("upper") = lp::inf,
           py::arg("name") = "")
      .def_readwrite("functional", &mechanism_constraint::functional)
      .def_readwrite("lower", &mechanism_constraint::lower)
      .def_readwrite("upper", &mechanism_constraint::upper)
      .def_readwrite("name", &mechanism_constraint::name);

  py::class_<design_options>(m, "DesignOptions", "Options of design_mechanism().")
      .def(py::init<>())
      .def_readwrite("incentives", &design_options::incentives)
      .def_readwrite("participation", &design_options::participation)
      .def_readwrite("reservation", &design_options::reservation)
      .def_readwrite("fixed_allocation", &design_options::fixed_allocation)
      .def_readwrite("constraints", &design_options::constraints)
      .def_readwrite("lp", &design_options::lp)
      .def_readwrite("tolerance", &design_options::tolerance);

  py::class_<design_result, result_base> dr(m, "DesignResult",
                                            "The optimal mechanism and its independent re-check.");
  dr.def_readonly("objective", &design_result::objective)
      .def_readonly("optimal_mechanism", &design_result::optimal_mechanism)
      .def_readonly("ic_violation", &design_result::ic_violation)
      .def_readonly("ir_violation", &design_result::ir_violation)
      .def_readonly("constraint_violation", &design_result::constraint_violation)
      .def_readonly("lp", &design_result::lp);
  with_repr(dr);

  m.def("design_mechanism", &design_mechanism, py::arg("problem"), py::arg("objective"),
        py::arg("options") = design_options{},
        "Maximise a linear objective over the mechanisms that satisfy the chosen IC and IR "
        "families and the user's rows; re-checked independently of the LP.");
  m.def("design_model", &design_model, py::arg("problem"), py::arg("objective"),
        py::arg("options") = design_options{}, "The LP of design_mechanism().");
  m.def(
      "write_design_lp",
      [](const cp& g, const mechanism_functional& objective, const design_options& options,
         const std::string& path, bool mps) {
        lp::write_model(design_model(g, objective, options), path,
                        mps ? lp::file_format::mps : lp::file_format::cplex_lp);
      },
      py::arg("problem"), py::arg("objective"), py::arg("options"), py::arg("path"),
      py::arg("mps") = true,
      "Write the LP of design_mechanism() as free MPS (a maximisation negated) or CPLEX LP.");

  m.def("auction_problem", &auction_problem, py::arg("values"), py::arg("priors"));
  m.def("auction_options", &auction_options);
  m.def("optimal_auction", &optimal_auction, py::arg("values"), py::arg("priors"),
        py::arg("options") = auction_options(),
        "Myerson's revenue-maximising auction (DSIC and ex-post IR by default).");
  m.def("trade_problem", &trade_problem, py::arg("buyer_values"), py::arg("buyer_prior"),
        py::arg("seller_costs"), py::arg("seller_prior"),
        py::arg("budget") = budget_rule::ex_post_balanced);
  m.def("efficient_trade", &efficient_trade, py::arg("problem"));
  m.def("efficient_trade_implementable", &efficient_trade_implementable, py::arg("problem"),
        py::arg("lp") = lp::solver_options{},
        "Whether ex-post efficient trade is implementable (Myerson–Satterthwaite).");
}

}  // namespace mechdesign::python
