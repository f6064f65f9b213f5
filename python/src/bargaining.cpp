// Bindings of bargaining/ (002): environments and beliefs, E and Gap by LP (4.1)-(4.2), the
// closed forms of Propositions 1-2, λ-optimal allocations, and the sweeps.
#include <mechdesign/bargaining/closed_form.hpp>
#include <mechdesign/bargaining/efficiency.hpp>
#include <mechdesign/bargaining/environment.hpp>
#include <mechdesign/bargaining/format.hpp>
#include <mechdesign/bargaining/gap.hpp>
#include <mechdesign/bargaining/monopoly.hpp>
#include <mechdesign/bargaining/sweep.hpp>
#include <mechdesign/lp/format.hpp>
#include <mechdesign/mechanism/format.hpp>

#include "bindings.hpp"

namespace mechdesign::python {

void bind_bargaining(py::module_& m) {
  using namespace mechdesign::bargaining;
  using vec = Eigen::VectorXd;

  py::class_<bargaining_environment>(m, "BargainingEnvironment",
                                     "Values of both players and player 1's power β (002 §2).")
      .def(py::init<vec, vec, double>(), py::arg("values1"), py::arg("values2"), py::arg("beta"))
      .def_static("binary", &bargaining_environment::binary, py::arg("l1"), py::arg("h1"),
                  py::arg("l2"), py::arg("h2"), py::arg("beta"))
      .def("values", &bargaining_environment::values, py::arg("player"))
      .def("num_types", &bargaining_environment::num_types, py::arg("player"))
      .def("is_binary", &bargaining_environment::is_binary)
      .def("power", py::overload_cast<>(&bargaining_environment::power, py::const_))
      .def("power_of", py::overload_cast<int>(&bargaining_environment::power, py::const_),
           py::arg("player"))
      .def("with_power", &bargaining_environment::with_power, py::arg("beta"))
      .def("__repr__", [](const bargaining_environment& e) {
        return fmt::format(
            "bargaining.BargainingEnvironment(values1=[{}], values2=[{}], beta={})",
            fmt::join(e.values(0).data(), e.values(0).data() + e.values(0).size(), ", "),
            fmt::join(e.values(1).data(), e.values(1).data() + e.values(1).size(), ", "),
            e.power());
      });
  py::class_<beliefs>(m, "Beliefs", "Independent beliefs over both players' types.")
      .def(py::init<vec, vec>(), py::arg("p1"), py::arg("p2"))
      .def_static("binary", &beliefs::binary, py::arg("p1_high"), py::arg("p2_high"))
      .def("marginal", &beliefs::marginal, py::arg("player"))
      .def("high", &beliefs::high, py::arg("player"));
  m.def("decision_labels", &decision_labels);
  m.def("to_bayesian_problem", &to_bayesian_problem, py::arg("env"), py::arg("beliefs"));

  py::class_<allocation>(m, "Allocation", "q_i(t1, t2) and τ_i(t1, t2) tables.")
      .def_readonly("good1", &allocation::good1)
      .def_readonly("good2", &allocation::good2)
      .def_readonly("transfer1", &allocation::transfer1)
      .def_readonly("transfer2", &allocation::transfer2);
  m.def("to_allocation", &to_allocation, py::arg("env"), py::arg("mechanism"));

  py::enum_<binding_constraint::kind>(m, "BindingKind")
      .value("random_monopoly", binding_constraint::kind::random_monopoly)
      .value("incentive", binding_constraint::kind::incentive);
  py::class_<binding_constraint>(m, "BindingConstraint")
      .def_readonly("what", &binding_constraint::what)
      .def_readonly("player", &binding_constraint::player)
      .def_readonly("type", &binding_constraint::type)
      .def_readonly("report", &binding_constraint::report)
      .def_readonly("multiplier", &binding_constraint::multiplier)
      .def("label", &binding_constraint::label)
      .def("__repr__", &binding_constraint::label);
  py::class_<gap_options>(m, "GapOptions")
      .def(py::init<>())
      .def_readwrite("primal", &gap_options::primal)
      .def_readwrite("binding_tolerance", &gap_options::binding_tolerance)
      .def_readwrite("polish_above", &gap_options::polish_above);
  py::class_<gap_result, result_base> gr(m, "GapResult",
                                         "E(p, β) and Gap(p, β) (002 (4.1)-(4.2)).");
  gr.def_readonly("value", &gap_result::value)
      .def_readonly("monopoly_value", &gap_result::monopoly_value)
      .def_readonly("gap", &gap_result::gap)
      .def_readonly("payoffs", &gap_result::payoffs)
      .def_readonly("thresholds", &gap_result::thresholds)
      .def_readonly("optimal_allocation", &gap_result::optimal_allocation)
      .def_readonly("binding", &gap_result::binding)
      .def_readonly("primal", &gap_result::primal)
      .def_readonly("polished", &gap_result::polished);
  with_repr(gr);
  m.def("solve_gap", &solve_gap, py::arg("env"), py::arg("beliefs"),
        py::arg("options") = gap_options{}, py::call_guard<py::gil_scoped_release>(),
        "E and Gap by LP (002 (4.1)-(4.2)); releases the GIL while it solves.");
  m.def("solve_gap_or_throw", &solve_gap_or_throw, py::arg("env"), py::arg("beliefs"),
        py::arg("options") = gap_options{});

  py::enum_<value_order>(m, "ValueOrder")
      .value("overlapping", value_order::overlapping)
      .value("separated", value_order::separated)
      .value("other", value_order::other);
  m.def("classify", &classify, py::arg("env"));
  m.def("p1_star", &p1_star, py::arg("env"), py::arg("x"));
  py::class_<closed_form_gap> cf(m, "ClosedFormGap", "Propositions 1-2 of 002.");
  cf.def_readonly("order", &closed_form_gap::order)
      .def_readonly("x", &closed_form_gap::x)
      .def_readonly("p2_star", &closed_form_gap::p2_star)
      .def_readonly("p2_star_star", &closed_form_gap::p2_star_star)
      .def_readonly("p1_star", &closed_form_gap::p1_star)
      .def_readonly("f1", &closed_form_gap::f1)
      .def_readonly("f2", &closed_form_gap::f2)
      .def_readonly("f", &closed_form_gap::f)
      .def_readonly("delta", &closed_form_gap::delta)
      .def_readonly("monopoly_value", &closed_form_gap::monopoly_value)
      .def_readonly("value", &closed_form_gap::value)
      .def_readonly("gap", &closed_form_gap::gap);
  with_repr(cf);
  m.def("proposition_gap", &proposition_gap, py::arg("env"), py::arg("beliefs"));
  m.def("player2_payoffs", &player2_payoffs, py::arg("env"), py::arg("beliefs"));

  py::class_<monopoly_offer> mo(m, "MonopolyOffer");
  mo.def_readonly("payoff", &monopoly_offer::payoff)
      .def_readonly("price", &monopoly_offer::price)
      .def_readonly("sale_probability", &monopoly_offer::sale_probability);
  with_repr(mo);
  m.def("monopoly", &monopoly, py::arg("value"), py::arg("buyer_values"), py::arg("buyer_belief"));
  m.def("monopoly_payoffs", &monopoly_payoffs, py::arg("env"), py::arg("beliefs"),
        py::arg("player"));
  m.def("random_monopoly_payoffs", &random_monopoly_payoffs, py::arg("env"), py::arg("beliefs"),
        py::arg("player"));

  py::class_<lambda_optimum, result_base> lo(m, "LambdaOptimum");
  lo.def_readonly("value", &lambda_optimum::value)
      .def_readonly("payoffs", &lambda_optimum::payoffs)
      .def_readonly("optimal_allocation", &lambda_optimum::optimal_allocation)
      .def_readonly("primal", &lambda_optimum::primal);
  with_repr(lo);
  m.def("lambda_optimal", &lambda_optimal, py::arg("env"), py::arg("beliefs"), py::arg("weights"),
        py::arg("options") = primal_options{});
  py::class_<proposition4_prediction> p4(m, "Proposition4Prediction");
  p4.def_readonly("good2", &proposition4_prediction::good2)
      .def_readonly("coefficient", &proposition4_prediction::coefficient)
      .def_readonly("binding_ic2", &proposition4_prediction::binding_ic2)
      .def_readonly("value", &proposition4_prediction::value)
      .def_readonly("threshold_ll", &proposition4_prediction::threshold_ll)
      .def_readonly("threshold_hl", &proposition4_prediction::threshold_hl);
  with_repr(p4);
  m.def("proposition4", &proposition4, py::arg("env"), py::arg("beliefs"), py::arg("lambda2"),
        py::arg("tol") = 1e-12);

  // Sweeps (the C++ progress callback is not exposed: worker threads must not call Python)
  py::class_<sweep_options>(m, "SweepOptions")
      .def(py::init<>())
      .def_readwrite("lp", &sweep_options::lp)
      .def_readwrite("threads", &sweep_options::threads);
  py::class_<gap_surface, result_base> gs(m, "GapSurface", "E and Gap on a belief grid.");
  gs.def_readonly("p1", &gap_surface::p1)
      .def_readonly("p2", &gap_surface::p2)
      .def_readonly("value", &gap_surface::value)
      .def_readonly("gap", &gap_surface::gap)
      .def_readonly("max_gap", &gap_surface::max_gap)
      .def_readonly("argmax_p1", &gap_surface::argmax_p1)
      .def_readonly("argmax_p2", &gap_surface::argmax_p2)
      .def_readonly("min_gap", &gap_surface::min_gap)
      .def_readonly("solves", &gap_surface::solves)
      .def_readonly("iterations", &gap_surface::iterations)
      .def_readonly("failures", &gap_surface::failures)
      .def_readonly("polished", &gap_surface::polished)
      .def_readonly("warm_starts", &gap_surface::warm_starts);
  with_repr(gs);
  py::class_<power_sweep, result_base> ps(m, "PowerSweep");
  ps.def_readonly("power", &power_sweep::power)
      .def_readonly("value", &power_sweep::value)
      .def_readonly("gap", &power_sweep::gap)
      .def_readonly("iterations", &power_sweep::iterations)
      .def_readonly("warm_starts", &power_sweep::warm_starts)
      .def_readonly("failures", &power_sweep::failures);
  with_repr(ps);
  const auto no_progress = [](sweep_options o) {
    o.progress = nullptr;
    return o;
  };
  m.def(
      "sweep_beliefs",
      [no_progress](const bargaining_environment& env, const vec& p1, const vec& p2,
                    const sweep_options& options) {
        const sweep_options o = no_progress(options);
        py::gil_scoped_release release;
        return sweep_beliefs(env, p1, p2, o);
      },
      py::arg("env"), py::arg("p1"), py::arg("p2"), py::arg("options") = sweep_options{},
      "Gap at every (p1[a], p2[b]); releases the GIL while it solves.");
  m.def(
      "sweep_power",
      [no_progress](const bargaining_environment& env, const beliefs& p, const vec& powers,
                    const sweep_options& options) {
        const sweep_options o = no_progress(options);
        py::gil_scoped_release release;
        return sweep_power(env, p, powers, o);
      },
      py::arg("env"), py::arg("beliefs"), py::arg("powers"), py::arg("options") = sweep_options{});
  m.def("interior_grid", &interior_grid, py::arg("n"), "k/(n+1), k = 1..n.");
}

}  // namespace mechdesign::python
