// Bindings of the neutral procedural solution (003 Definition 4, Theorem 5) and its special
// cases: the neutral bargaining solution, the consistent NTU value, the Shapley value.
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/catalog/cooperative_games.hpp>
#include <mechdesign/core/format.hpp>
#include <mechdesign/lp/format.hpp>
#include <mechdesign/mechanism/format.hpp>
#include <mechdesign/mechanism/neutral_procedural.hpp>
#include <mechdesign/mechanism/nps_certificate.hpp>
#include <mechdesign/mechanism/random_dictatorship.hpp>
#include <mechdesign/mechanism/special_cases.hpp>

#include "bindings.hpp"

namespace mechdesign::python {

void bind_nps(py::module_& m) {
  py::class_<nps_options>(m, "NpsOptions", "Options of the neutral procedural solution.")
      .def(py::init<>())
      .def_readwrite("primal", &nps_options::primal)
      .def_readwrite("tolerance", &nps_options::tolerance)
      .def_readwrite("max_iterations", &nps_options::max_iterations)
      .def_readwrite("restart_candidates", &nps_options::restart_candidates)
      .def_readwrite("restarts", &nps_options::restarts)
      .def_readwrite("seed", &nps_options::seed)
      .def_readwrite("progress", &nps_options::progress,
                     "Callable (coalition, stage: str, residual: float) -> bool; False stops. "
                     "An exception it raises propagates out of the solve.")
      .def_readwrite("coalition_time_limit", &nps_options::coalition_time_limit)
      .def_readwrite("epsilon", &nps_options::epsilon,
                     "ε of an approximate certificate, relative to max(1, max |u|); in [0, 1] "
                     "(checked by the solve), 0 disables epsilon_certified.")
      .def_readwrite("simplicial_evaluations", &nps_options::simplicial_evaluations,
                     "Primal solves of the simplicial stage (games without money); >= 0, 0 "
                     "switches it off.");

  py::enum_<nps_outcome>(m, "NpsOutcome",
                         "What the search established for a coalition (003 Definition 4), "
                         "weakest first; str() is the C++ to_string.")
      .value("undecided", nps_outcome::undecided)
      .value("epsilon_certified", nps_outcome::epsilon_certified)
      .value("degenerate_certified", nps_outcome::degenerate_certified)
      .value("certified", nps_outcome::certified)
      // py::prepend: enum_'s own __str__ accepts any object and would shadow this overload
      .def(
          "__str__", [](nps_outcome o) { return std::string(to_string(o)); }, py::prepend());

  py::class_<nps_approximation>(m, "NpsApproximation",
                                "The approximate part of a coalition's certificate: ε target and "
                                "the degenerate limit (003 Definition 4 with ε > 0).")
      .def_readonly("epsilon_target", &nps_approximation::epsilon_target)
      .def_readonly("limit_lambda", &nps_approximation::limit_lambda)
      .def_readonly("limit_alpha", &nps_approximation::limit_alpha)
      .def_readonly("limit_claims", &nps_approximation::limit_claims)
      .def_readonly("limit_warrant_residual", &nps_approximation::limit_warrant_residual)
      .def_readonly("limit_shortfall", &nps_approximation::limit_shortfall)
      .def_readonly("limit_tolerance", &nps_approximation::limit_tolerance);

  py::class_<coalition_solution, result_base> cs(m, "CoalitionSolution",
                                                 "μ_S with its certificate (003 Definition 4).");
  cs.def_readonly("outcome", &coalition_solution::outcome)
      .def_readonly("local_outcome", &coalition_solution::local_outcome)
      .def_readonly("approximation", &coalition_solution::approximation)
      .def_readonly("members", &coalition_solution::members)
      .def_readonly("problem", &coalition_solution::problem)
      .def_readonly("plan", &coalition_solution::plan)
      .def_readonly("interim", &coalition_solution::interim)
      .def_readonly("lambda_", &coalition_solution::lambda)
      .def_readonly("alpha", &coalition_solution::alpha)
      .def_readonly("claims", &coalition_solution::claims)
      .def_readonly("dictator_outcomes", &coalition_solution::dictator_outcomes)
      .def_readonly("conditions", &coalition_solution::conditions)
      .def_readonly("warrant_residual", &coalition_solution::warrant_residual)
      .def_readonly("nps2_residual", &coalition_solution::nps2_residual)
      .def_readonly("duality_gap", &coalition_solution::duality_gap)
      .def_readonly("iterations", &coalition_solution::iterations)
      .def_readonly("restarts", &coalition_solution::restarts)
      .def_readonly("epsilon", &coalition_solution::epsilon)
      .def_readonly("epsilon_path", &coalition_solution::epsilon_path)
      .def_readonly("incentive_efficient", &coalition_solution::incentive_efficient)
      .def_readonly("verified", &coalition_solution::verified)
      .def_readonly("verified_given_threats", &coalition_solution::verified_given_threats);
  with_repr(cs);

  py::class_<nps_result, result_base> nr(m, "NpsResult", "One solution per coalition |S| ≥ 2.");
  nr.def_readonly("coalitions", &nps_result::coalitions)
      .def_readonly("verified", &nps_result::verified)
      .def_readonly("decided", &nps_result::decided)
      .def("at", &nps_result::at, py::arg("coalition"),
           py::return_value_policy::reference_internal);
  with_repr(nr);

  m.def("neutral_procedural_solution", &neutral_procedural_solution, py::arg("problem"),
        py::arg("options") = nps_options{},
        "The neutral procedural solution, coalition by coalition (003 Definition 4).");
  m.def("neutral_bargaining_solution", &neutral_bargaining_solution, py::arg("problem"),
        py::arg("options") = nps_options{}, "Two players: the neutral bargaining solution.");
  m.def("certify_neutral_procedural", &certify_neutral_procedural, py::arg("problem"),
        py::arg("solved"), py::arg("coalition"), py::arg("plan"),
        py::arg("options") = nps_options{},
        "Certify a given plan of S against the solved subcoalitions' threats.");

  py::class_<nps_certificate> nc(m, "NpsCertificate");
  nc.def_readonly("passed", &nps_certificate::passed)
      .def_readonly("interim", &nps_certificate::interim)
      .def_readonly("claims", &nps_certificate::claims)
      .def_readonly("conditions", &nps_certificate::conditions)
      .def_readonly("warrant_residual", &nps_certificate::warrant_residual)
      .def_readonly("nps2_residual", &nps_certificate::nps2_residual)
      .def_readonly("duality_gap", &nps_certificate::duality_gap)
      .def_readonly("epsilon", &nps_certificate::epsilon)
      .def_readonly("message", &nps_certificate::message);
  with_repr(nc);
  m.def("check_nps_coalition", &check_nps_coalition, py::arg("problem"), py::arg("threats"),
        py::arg("plan"), py::arg("lambda_"), py::arg("alpha"), py::arg("tol") = 1e-7);
  py::class_<nps_approximation_check> ac(m, "NpsApproximationCheck",
                                         "Re-check of an epsilon or degenerate certificate.");
  ac.def_readonly("passed", &nps_approximation_check::passed)
      .def_readonly("outcome", &nps_approximation_check::outcome)
      .def_readonly("epsilon", &nps_approximation_check::epsilon)
      .def_readonly("min_weight", &nps_approximation_check::min_weight)
      .def_readonly("incentive_efficient", &nps_approximation_check::incentive_efficient)
      .def_readonly("converging", &nps_approximation_check::converging)
      .def_readonly("limit_min_weight", &nps_approximation_check::limit_min_weight)
      .def_readonly("limit_warrant_residual", &nps_approximation_check::limit_warrant_residual)
      .def_readonly("limit_shortfall", &nps_approximation_check::limit_shortfall)
      .def_readonly("message", &nps_approximation_check::message);
  with_repr(ac);
  m.def("check_nps_approximation", &check_nps_approximation, py::arg("problem"), py::arg("threats"),
        py::arg("entry"), py::arg("tol") = 1e-7, py::arg("options") = primal_options{},
        "Re-check an entry's epsilon_certified or degenerate_certified claim against the threats "
        "μ_{S\\i} (one CoalitionThreat per member, in member order).");
  py::class_<nps_check> ck(m, "NpsCheck");
  ck.def_readonly("passed", &nps_check::passed)
      .def_readonly("decided", &nps_check::decided)
      .def_readonly("members", &nps_check::members)
      .def_readonly("certificates", &nps_check::certificates)
      .def_readonly("outcomes", &nps_check::outcomes)
      .def_readonly("approximations", &nps_check::approximations)
      .def_readonly("singleton_shortfall", &nps_check::singleton_shortfall)
      .def_readonly("message", &nps_check::message);
  with_repr(ck);
  m.def("check_neutral_procedural", &check_neutral_procedural, py::arg("problem"),
        py::arg("solution"), py::arg("tol") = 1e-7, py::arg("options") = primal_options{},
        "Independent re-check of every coalition's certificate (options: LP settings of the "
        "incentive-efficiency tests of approximate claims).");

  py::class_<random_dictatorship_result, result_base> rd(m, "RandomDictatorshipResult");
  rd.def_readonly("plan", &random_dictatorship_result::plan)
      .def_readonly("outcomes", &random_dictatorship_result::outcomes);
  with_repr(rd);
  m.def("conditional_random_dictatorship", &conditional_random_dictatorship, py::arg("problem"),
        py::arg("threats"), py::arg("options") = primal_options{}, py::arg("tol") = 1e-7);

  py::class_<consistent_value_result, result_base> cv(m, "ConsistentValueResult");
  cv.def_readonly("value", &consistent_value_result::value)
      .def_readonly("solution", &consistent_value_result::solution);
  with_repr(cv);
  m.def("consistent_ntu_value", &consistent_ntu_value, py::arg("problem"),
        py::arg("options") = nps_options{}, "Complete information: Maschler-Owen's value.");
  m.def(
      "tu_game",
      [](int n, py::function worth) {
        return tu_game(n, float_callable<const coalition&>(std::move(worth), "worth callable"));
      },
      py::arg("num_players"), py::arg("worth"),
      "A TU game from worth(coalition) -> float (a Python callable).");
  m.def(
      "shapley_value",
      [](int n, py::function worth, const nps_options& o) {
        return shapley_value(
            n, float_callable<const coalition&>(std::move(worth), "worth callable"), o);
      },
      py::arg("num_players"), py::arg("worth"), py::arg("options") = nps_options{},
      "The Shapley value of worth(coalition) -> float.");

  // The paper's games (catalog/, opt-in instances of 003)
  auto cat = m.def_submodule("catalog", "The papers' instances (003 §2, §6; 000 in persuasion).");
  cat.def("bilateral_trade_with_money", &catalog::bilateral_trade::with_money, "003 §2.");
  cat.def("bilateral_trade_price_lottery", &catalog::bilateral_trade::price_lottery, "003 §2.");
  cat.def("bilateral_trade_dictator_weights", &catalog::bilateral_trade::dictator_weights,
          py::arg("dictator"));
  cat.def("bilateral_trade_dictator_participation",
          &catalog::bilateral_trade::dictator_participation, py::arg("dictator"));
  cat.def("broker_game", &catalog::cooperative_games::broker_game, "003 §2 with the broker.");
  cat.def("table_2_3", &catalog::cooperative_games::table_2_3, "003 Table 2.3's plan.");
  cat.def("arrogance_of_strength_game", &catalog::cooperative_games::arrogance_of_strength_game,
          "003 §6.");
  cat.def("table_6_2", &catalog::cooperative_games::table_6_2, "003 Table 6.2's plan.");
}

}  // namespace mechdesign::python
