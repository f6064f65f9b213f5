// The extension module mechdesign._core: the exception hierarchy, the status vocabulary, the
// LP layer's result and options, and the submodules (one translation unit each).
#include <Python.h>

#include <exception>
#include <mechdesign/core/error.hpp>
#include <mechdesign/core/format.hpp>
#include <mechdesign/core/result.hpp>
#include <mechdesign/lp/format.hpp>
#include <mechdesign/lp/options.hpp>
#include <mechdesign/lp/solution.hpp>
#include <mechdesign/lp/solver_error.hpp>
#include <mechdesign/version.hpp>

#include "bindings.hpp"

namespace mechdesign::python {

namespace {

// The Python exception types, created once when the module is imported. The translator below
// is a plain function (pybind11 requires one), so it reaches them through this table; pybind11's
// own py::exception<T> keeps its type object the same way.
struct exception_types {
  PyObject* error = nullptr;
  PyObject* invalid_argument = nullptr;
  PyObject* dimension_error = nullptr;
  PyObject* index_error = nullptr;
  PyObject* non_finite_error = nullptr;
  PyObject* distribution_error = nullptr;
  PyObject* zero_probability_error = nullptr;
  PyObject* model_error = nullptr;
  PyObject* solver_error = nullptr;
};

exception_types& types() {
  static exception_types t;  // owned by the module object (added as attributes), never freed
  return t;
}

// A new exception class mechdesign.<name> deriving from every entry of \p bases.
PyObject* new_exception(py::module_& m, const char* name, const char* doc,
                        std::initializer_list<PyObject*> bases) {
  py::tuple b(bases.size());
  std::size_t k = 0;
  for (PyObject* base : bases) b[k++] = py::reinterpret_borrow<py::object>(base);
  const std::string qualified = std::string("mechdesign.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, b.ptr(), nullptr);
  if (type == nullptr) throw py::error_already_set();
  m.add_object(name, py::reinterpret_borrow<py::object>(type));
  return type;
}

void translate(std::exception_ptr p) {
  const exception_types& t = types();
  try {
    if (p) std::rethrow_exception(p);
  } catch (const dimension_error& e) {
    PyErr_SetString(t.dimension_error, e.what());
  } catch (const index_error& e) {
    PyErr_SetString(t.index_error, e.what());
  } catch (const non_finite_error& e) {
    PyErr_SetString(t.non_finite_error, e.what());
  } catch (const distribution_error& e) {
    PyErr_SetString(t.distribution_error, e.what());
  } catch (const zero_probability_error& e) {
    PyErr_SetString(t.zero_probability_error, e.what());
  } catch (const model_error& e) {
    PyErr_SetString(t.model_error, e.what());
  } catch (const invalid_argument& e) {
    PyErr_SetString(t.invalid_argument, e.what());
  } catch (const solver_error& e) {
    PyErr_SetString(t.solver_error, e.what());
  } catch (const error& e) {
    PyErr_SetString(t.error, e.what());
  }
}

void bind_exceptions(py::module_& m) {
  exception_types& t = types();
  t.error = new_exception(m, "Error", "Base class of every exception raised by mechdesign.",
                          {PyExc_Exception});
  t.invalid_argument = new_exception(
      m, "InvalidArgument",
      "The caller passed data that violates a documented precondition (a ValueError).",
      {t.error, PyExc_ValueError});
  t.dimension_error =
      new_exception(m, "DimensionError", "Sizes of inputs disagree (vector length, table shape).",
                    {t.invalid_argument});
  t.index_error = new_exception(m, "IndexOutOfRange",
                                "An index (player, type, decision, profile) is out of range "
                                "(also an IndexError).",
                                {t.invalid_argument, PyExc_IndexError});
  t.non_finite_error =
      new_exception(m, "NonFiniteError", "A number that must be finite is NaN or infinite.",
                    {t.invalid_argument});
  t.distribution_error = new_exception(
      m, "DistributionError", "A vector that must be a probability distribution is not one.",
      {t.invalid_argument});
  t.zero_probability_error =
      new_exception(m, "ZeroProbabilityError", "A probability that must be positive is zero.",
                    {t.invalid_argument});
  t.model_error =
      new_exception(m, "ModelError", "A mechanism, model or problem is structurally inconsistent.",
                    {t.invalid_argument});
  t.solver_error = new_exception(m, "SolverError",
                                 "An LP a computation needed ended without a verified optimum.",
                                 {t.error, PyExc_RuntimeError});
  py::register_exception_translator(&translate);
}

}  // namespace

void bind_common(py::module_& m) {
  bind_exceptions(m);

  py::enum_<status>(m, "Status", "Outcome of a computation (one vocabulary for every result).")
      .value("not_computed", status::not_computed)
      .value("success", status::success)
      .value("infeasible", status::infeasible)
      .value("unbounded", status::unbounded)
      .value("iteration_limit", status::iteration_limit)
      .value("time_limit", status::time_limit)
      .value("numerical_issue", status::numerical_issue)
      // py::prepend: enum_'s own __str__ accepts any object and would shadow this overload
      .def(
          "__str__", [](status s) { return std::string(to_string(s)); }, py::prepend());

  py::class_<result_base>(m, "Result", "Base of every solver result: status, message, ok().")
      .def_readonly("status", &result_base::status)
      .def_readonly("message", &result_base::message)
      .def("ok", &result_base::ok, "True iff the answer is usable (status == success).");

  auto lp = m.def_submodule("lp", "The LP layer's options and raw results.");
  py::enum_<lp::solve_status>(lp, "SolveStatus")
      .value("not_solved", lp::solve_status::not_solved)
      .value("optimal", lp::solve_status::optimal)
      .value("infeasible", lp::solve_status::infeasible)
      .value("unbounded", lp::solve_status::unbounded)
      .value("infeasible_or_unbounded", lp::solve_status::infeasible_or_unbounded)
      .value("iteration_limit", lp::solve_status::iteration_limit)
      .value("time_limit", lp::solve_status::time_limit)
      .value("numerical_failure", lp::solve_status::numerical_failure)
      .value("uncertified", lp::solve_status::uncertified);
  py::enum_<lp::engine>(lp, "Engine")
      .value("automatic", lp::engine::automatic)
      .value("glpk", lp::engine::glpk)
      .value("clp", lp::engine::clp);
  py::enum_<lp::algorithm>(lp, "Algorithm")
      .value("automatic", lp::algorithm::automatic)
      .value("primal", lp::algorithm::primal)
      .value("dual", lp::algorithm::dual);
  py::enum_<lp::certificate_kind>(lp, "CertificateKind")
      .value("none", lp::certificate_kind::none)
      .value("optimality", lp::certificate_kind::optimality)
      .value("farkas", lp::certificate_kind::farkas)
      .value("ray", lp::certificate_kind::ray);

  py::class_<lp::verification> ver(lp, "Verification",
                                   "Residuals of an LP certificate, recomputed from the model.");
  ver.def_readonly("kind", &lp::verification::kind)
      .def_readonly("primal_infeasibility", &lp::verification::primal_infeasibility)
      .def_readonly("dual_infeasibility", &lp::verification::dual_infeasibility)
      .def_readonly("complementarity", &lp::verification::complementarity)
      .def_readonly("duality_gap", &lp::verification::duality_gap)
      .def_readonly("dual_objective", &lp::verification::dual_objective)
      .def_readonly("objective_error", &lp::verification::objective_error)
      .def_readonly("margin", &lp::verification::margin)
      .def_readonly("exact_recheck", &lp::verification::exact_recheck)
      .def_readonly("tolerance", &lp::verification::tolerance)
      .def_readonly("worst_primal", &lp::verification::worst_primal)
      .def_readonly("worst_dual", &lp::verification::worst_dual)
      .def_readonly("passed", &lp::verification::passed);
  with_repr(ver);

  py::class_<lp::solution> sol(lp, "Solution", "Everything an LP solve returns.");
  sol.def_readonly("status", &lp::solution::status)
      .def_readonly("claimed", &lp::solution::claimed)
      .def_readonly("objective", &lp::solution::objective)
      .def_readonly("x", &lp::solution::x)
      .def_readonly("row_activity", &lp::solution::row_activity)
      .def_readonly("row_duals", &lp::solution::row_duals)
      .def_readonly("reduced_costs", &lp::solution::reduced_costs)
      .def_readonly("farkas", &lp::solution::farkas)
      .def_readonly("ray", &lp::solution::ray)
      .def_readonly("iterations", &lp::solution::iterations)
      .def_readonly("exact", &lp::solution::exact)
      .def_readonly("warm_started", &lp::solution::warm_started)
      .def_readonly("used", &lp::solution::used)
      .def_readonly("attempts", &lp::solution::attempts)
      .def_readonly("ladder", &lp::solution::ladder)
      .def_readonly("check", &lp::solution::check)
      .def_readonly("message", &lp::solution::message)
      .def("ok", &lp::solution::ok);
  with_repr(sol);

  py::class_<lp::solver_options>(lp, "SolverOptions", "Solver-neutral LP settings.")
      .def(py::init<>())
      .def_readwrite("backend", &lp::solver_options::backend)
      .def_readwrite("method", &lp::solver_options::method)
      .def_readwrite("presolve", &lp::solver_options::presolve)
      .def_readwrite("scale", &lp::solver_options::scale)
      .def_readwrite("feasibility_tolerance", &lp::solver_options::feasibility_tolerance)
      .def_readwrite("verify_tolerance", &lp::solver_options::verify_tolerance)
      .def_readwrite("time_limit_seconds", &lp::solver_options::time_limit_seconds)
      .def_readwrite("iteration_limit", &lp::solver_options::iteration_limit)
      .def_readwrite("stall_iterations", &lp::solver_options::stall_iterations)
      .def_readwrite("exact", &lp::solver_options::exact)
      .def_readwrite("exact_fallback", &lp::solver_options::exact_fallback)
      .def_readwrite("certify", &lp::solver_options::certify)
      .def_readwrite("retry", &lp::solver_options::retry)
      .def_readwrite("clp_threshold", &lp::solver_options::clp_threshold)
      .def_readwrite("verbose", &lp::solver_options::verbose);
}

}  // namespace mechdesign::python

PYBIND11_MODULE(_core, m) {
  namespace mp = mechdesign::python;
  m.doc() = "mechdesign: Bayesian mechanism design and information design (C++ core).";
  m.attr("__version__") = mechdesign::version_string();
  mp::bind_common(m);
  mp::bind_core(m);
  mp::bind_mechanism(m);
  mp::bind_design(m);
  mp::bind_nps(m);
  auto persuasion = m.def_submodule("persuasion", "000: persuasion by several senders.");
  mp::bind_persuasion(persuasion);
  auto bargaining = m.def_submodule("bargaining", "002: bilateral bargaining, E and Gap.");
  mp::bind_bargaining(bargaining);
  auto pricing = m.def_submodule("pricing", "004: selling information to a competitor.");
  mp::bind_pricing(pricing);
  auto dm = m.def_submodule("data_monetization", "001: Gaussian data monetization.");
  mp::bind_data_monetization(dm);
}
