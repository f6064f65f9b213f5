// Shared declarations of the mechdesign Python module (python/src/*.cpp): one bind_* function
// per library module, each in its own translation unit so that they compile in parallel.
#ifndef MECHDESIGN_PYTHON_BINDINGS_HPP
#define MECHDESIGN_PYTHON_BINDINGS_HPP

#include <fmt/format.h>
#include <pybind11/eigen.h>
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

namespace mechdesign::python {

namespace py = pybind11;

/// \brief The library's one-line fmt report of \p x, used as __repr__ of every result.
template <class T>
std::string repr(const T& x) {
  return fmt::format("{}", x);
}

/// \brief Adds __repr__ through the library's fmt formatter of T.
template <class Class>
Class& with_repr(Class& c) {
  using T = typename Class::type;
  c.def("__repr__", [](const T& x) { return repr(x); });
  return c;
}

/// \brief Wraps a Python callable returning a float as a std::function for the library. An
/// exception the callable raises propagates unchanged (pybind11's error_already_set); a result
/// that is not a number raises TypeError naming \p what.
template <class... Args>
std::function<double(Args...)> float_callable(py::function f, std::string what) {
  return [f = std::move(f), what = std::move(what)](Args... args) -> double {
    py::gil_scoped_acquire gil;
    py::object r = f(args...);
    try {
      return r.cast<double>();
    } catch (const py::cast_error&) {
      throw py::type_error(fmt::format("{} returned {}, expected a float", what,
                                       static_cast<std::string>(py::repr(r))));
    }
  };
}

/// \brief Exceptions, status enum, result base, LP solution and options (module.cpp).
void bind_common(py::module_& m);
/// \brief Coalitions, type spaces, priors, Bayesian problems, mechanisms, IC and IR checks.
void bind_core(py::module_& m);
/// \brief 003: primal, dual, virtual utility, incentive efficiency, warranted claims, strong
/// solutions.
void bind_mechanism(py::module_& m);
/// \brief Mechanism design with any objective and IC/IR family; the textbook models.
void bind_design(py::module_& m);
/// \brief 003: the neutral procedural solution and its special cases.
void bind_nps(py::module_& m);
/// \brief 000: persuasion problems, beneficial agreements, bargaining set, endorsement rules.
void bind_persuasion(py::module_& m);
/// \brief 002: E, Gap, closed forms, sweeps.
void bind_bargaining(py::module_& m);
/// \brief 004: selling-information menus (finite, binary, continuous).
void bind_pricing(py::module_& m);
/// \brief 001: Gaussian data monetization.
void bind_data_monetization(py::module_& m);

}  // namespace mechdesign::python

#endif  // MECHDESIGN_PYTHON_BINDINGS_HPP
