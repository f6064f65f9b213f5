// Bindings of persuasion/ (000): problems and information structures, beneficial agreements
// with their certificates (Theorem 1), the bargaining set B and its solutions, endorsement
// rules (Theorem 3); and information::check_obedience.
#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/information/format.hpp>
#include <mechdesign/information/obedience.hpp>
#include <mechdesign/lp/format.hpp>
#include <mechdesign/persuasion/agreement_conditions.hpp>
#include <mechdesign/persuasion/bargaining_set.hpp>
#include <mechdesign/persuasion/beneficial.hpp>
#include <mechdesign/persuasion/dominance.hpp>
#include <mechdesign/persuasion/format.hpp>
#include <mechdesign/persuasion/nash.hpp>
#include <mechdesign/persuasion/privacy.hpp>
#include <mechdesign/persuasion/problem.hpp>
#include <mechdesign/persuasion/selection.hpp>

#include "bindings.hpp"

namespace mechdesign::python {

void bind_persuasion(py::module_& m) {
  using namespace mechdesign::persuasion;
  using vec = Eigen::VectorXd;
  using mat = Eigen::MatrixXd;
  const lp::solver_options lpo{};

  py::class_<information::obedience_report> ob(m, "ObedienceReport",
                                               "Obedience (IC) of an information structure.");
  ob.def_readonly("passed", &information::obedience_report::passed)
      .def_readonly("worst_gain", &information::obedience_report::worst_gain)
      .def_readonly("recommended", &information::obedience_report::recommended)
      .def_readonly("deviation", &information::obedience_report::deviation)
      .def_readonly("tolerance", &information::obedience_report::tolerance);
  with_repr(ob);
  m.def("check_obedience", &information::check_obedience, py::arg("payoff"), py::arg("belief"),
        py::arg("pi"), py::arg("tol") = 1e-9,
        "Obedience of π (|Ω|×|A|) for a receiver payoff (|A|×|Ω|) at a prior.");

  py::class_<problem>(m, "Problem", "A persuasion problem: prior, receiver, agents (000 §2).")
      .def(py::init<vec, mat, std::vector<mat>, double>(), py::arg("prior"), py::arg("receiver"),
           py::arg("agents"), py::arg("tol") = 1e-9,
           "receiver and each agent: |A| × |Ω| payoff tables.")
      .def_static("state_independent", &problem::state_independent, py::arg("prior"),
                  py::arg("receiver"), py::arg("payoffs"), py::arg("tol") = 1e-9,
                  "Agents' payoffs u_i(a) as an |A| × n table (Assumption 1).")
      .def("num_states", &problem::num_states)
      .def("num_actions", &problem::num_actions)
      .def("num_agents", &problem::num_agents)
      .def("prior", &problem::prior)
      .def("receiver", &problem::receiver)
      .def("agent", &problem::agent, py::arg("i"))
      .def("is_state_independent", &problem::is_state_independent, py::arg("tol") = 1e-12)
      .def("action_payoffs", &problem::action_payoffs, py::arg("tol") = 1e-12)
      .def("__repr__", [](const problem& p) {
        return fmt::format("persuasion.Problem({} states, {} actions, {} agents)", p.num_states(),
                           p.num_actions(), p.num_agents());
      });

  m.def(
      "validate_structure",
      [](const problem& p, const Eigen::Ref<const Eigen::MatrixXd>& pi, double tol) {
        validate_structure(p, pi, tol, "validate_structure");
      },
      py::arg("problem"), py::arg("pi"), py::arg("tol") = 1e-9);
  m.def("receiver_values", &receiver_values, py::arg("problem"), py::arg("belief"));
  m.def("optimal_actions", &optimal_actions, py::arg("problem"), py::arg("belief"),
        py::arg("tol") = 1e-9);
  m.def("optimal_action", &optimal_action, py::arg("problem"), py::arg("belief"),
        py::arg("tol") = 1e-9);
  m.def("payoffs_at_belief", &payoffs_at_belief, py::arg("problem"), py::arg("belief"),
        py::arg("action"));
  m.def("no_information", &no_information, py::arg("problem"), py::arg("tol") = 1e-9);
  m.def("full_information", &full_information, py::arg("problem"), py::arg("tol") = 1e-9);
  m.def("recommendation_probabilities", &recommendation_probabilities, py::arg("problem"),
        py::arg("pi"));
  m.def("posterior", &posterior, py::arg("problem"), py::arg("pi"), py::arg("action"));
  m.def("ex_ante_payoffs", &ex_ante_payoffs, py::arg("problem"), py::arg("pi"),
        "E(u_i | π) for every agent (000 eq. (1)).");
  m.def("receiver_payoff", &receiver_payoff, py::arg("problem"), py::arg("pi"));

  py::class_<discreteness_report> dr(m, "DiscretenessReport");
  dr.def_readonly("passed", &discreteness_report::passed)
      .def_readonly("discrete", &discreteness_report::discrete)
      .def_readonly("min_margin", &discreteness_report::min_margin)
      .def_readonly("worst_action", &discreteness_report::worst_action)
      .def_readonly("incentive_compatible", &discreteness_report::incentive_compatible);
  with_repr(dr);
  m.def("check_discrete", &check_discrete, py::arg("problem"), py::arg("pi"),
        py::arg("tol") = 1e-9);

  // Beneficial agreements (000 §3, Theorem 1)
  py::enum_<tie_rule>(m, "TieRule")
      .value("follow_recommendation", tie_rule::follow_recommendation)
      .value("unique_optimum", tie_rule::unique_optimum);
  py::class_<beneficial_options>(m, "BeneficialOptions")
      .def(py::init<>())
      .def_readwrite("ties", &beneficial_options::ties)
      .def_readwrite("tol", &beneficial_options::tol)
      .def_readwrite("lp", &beneficial_options::lp);
  py::class_<action_support, result_base> as(m, "ActionSupport");
  as.def_readonly("action", &action_support::action)
      .def_readonly("margin", &action_support::margin)
      .def_readonly("belief", &action_support::belief)
      .def_readonly("attainable", &action_support::attainable)
      .def_readonly("lp", &action_support::lp);
  with_repr(as);
  py::class_<lottery_result, result_base> lr(m, "LotteryResult",
                                             "Theorem 1's lottery LP with its dual certificate.");
  lr.def_readonly("beneficial", &lottery_result::beneficial)
      .def_readonly("surplus", &lottery_result::surplus)
      .def_readonly("lottery", &lottery_result::lottery)
      .def_readonly("beliefs", &lottery_result::beliefs)
      .def_readonly("payoffs", &lottery_result::payoffs)
      .def_readonly("disagreement", &lottery_result::disagreement)
      .def_readonly("attainable", &lottery_result::attainable)
      .def_readonly("weights", &lottery_result::weights)
      .def_readonly("certificate_value", &lottery_result::certificate_value)
      .def_readonly("lp", &lottery_result::lp);
  with_repr(lr);
  py::class_<agreement_test, result_base> at(m, "AgreementTest");
  at.def_readonly("lottery", &agreement_test::lottery)
      .def_readonly("disagreement_structure", &agreement_test::disagreement_structure)
      .def("hypotheses_hold", &agreement_test::hypotheses_hold);
  with_repr(at);
  py::class_<constructed_agreement, result_base> ca(m, "ConstructedAgreement");
  ca.def_readonly("structure", &constructed_agreement::structure)
      .def_readonly("epsilon", &constructed_agreement::epsilon)
      .def_readonly("gamma", &constructed_agreement::gamma)
      .def_readonly("payoffs", &constructed_agreement::payoffs)
      .def_readonly("gains", &constructed_agreement::gains)
      .def_readonly("ic", &constructed_agreement::ic)
      .def_readonly("beneficial", &constructed_agreement::beneficial);
  with_repr(ca);
  py::class_<dominance_result, result_base> dom(m, "DominanceResult");
  dom.def_readonly("beneficial", &dominance_result::beneficial)
      .def_readonly("surplus", &dominance_result::surplus)
      .def_readonly("structure", &dominance_result::structure)
      .def_readonly("payoffs", &dominance_result::payoffs)
      .def_readonly("weights", &dominance_result::weights)
      .def_readonly("lp", &dominance_result::lp);
  with_repr(dom);
  const beneficial_options bo{};
  m.def("attainable_actions", &attainable_actions, py::arg("problem"), py::arg("options") = bo);
  m.def("lottery_test", &lottery_test, py::arg("problem"), py::arg("d"), py::arg("options") = bo,
        "Is there a lottery over attainable actions beating d for everyone? (Theorem 1)");
  m.def("beneficial_agreement_test", &beneficial_agreement_test, py::arg("problem"), py::arg("pi0"),
        py::arg("options") = bo);
  m.def("construct_agreement", &construct_agreement, py::arg("problem"), py::arg("pi0"),
        py::arg("test"), py::arg("tol") = 1e-9);
  m.def("find_beneficial_structure", &find_beneficial_structure, py::arg("problem"), py::arg("d"),
        py::arg("options") = bo);

  // Conditions for agreement (000 §3.2-§3.4: Corollary 1, Propositions 1-2, Theorem 2)
  py::class_<constant_sum_weights, result_base> cw(m, "ConstantSumWeights");
  cw.def_readonly("exists", &constant_sum_weights::exists)
      .def_readonly("weights", &constant_sum_weights::weights)
      .def_readonly("constant", &constant_sum_weights::constant)
      .def_readonly("residual", &constant_sum_weights::residual)
      .def_readonly("lp", &constant_sum_weights::lp);
  with_repr(cw);
  m.def("find_constant_sum_weights", &find_constant_sum_weights, py::arg("u"),
        py::arg("options") = lpo, py::arg("tol") = 1e-9);
  py::class_<censorship_test, result_base> ct(m, "CensorshipTest");
  ct.def_readonly("hypotheses_hold", &censorship_test::hypotheses_hold)
      .def_readonly("beneficial", &censorship_test::beneficial)
      .def_readonly("weights", &censorship_test::weights);
  with_repr(ct);
  m.def("beneficial_censorship", &beneficial_censorship, py::arg("problem"),
        py::arg("options") = bo);
  py::class_<winner_report> wt(m, "WinnerReport");
  wt.def_readonly("passed", &winner_report::passed)
      .def_readonly("winners_and_losers", &winner_report::winners_and_losers)
      .def_readonly("winner_takes_most", &winner_report::winner_takes_most)
      .def_readonly("slack", &winner_report::slack);
  with_repr(wt);
  m.def("winner_takes_most", &winner_takes_most, py::arg("u"));
  py::class_<coalition_witness>(m, "CoalitionWitness")
      .def_readonly("members", &coalition_witness::members)
      .def_readonly("action", &coalition_witness::action);
  py::class_<coalition_test, result_base> ctt(m, "CoalitionTest");
  ctt.def_readonly("k", &coalition_test::k)
      .def_readonly("holds", &coalition_test::holds)
      .def_readonly("coalitions", &coalition_test::coalitions);
  with_repr(ctt);
  m.def("coalition_condition", &coalition_condition, py::arg("problem"), py::arg("d"), py::arg("k"),
        py::arg("options") = bo);

  // Privacy regulation (000 §6)
  py::class_<market>(m, "Market", "Buyer values, prior and γ of the privacy application.")
      .def(py::init([](vec values, vec prior, vec gamma) {
             market mk{std::move(values), std::move(prior), std::move(gamma)};
             mk.validate();
             return mk;
           }),
           py::arg("values"), py::arg("prior"), py::arg("gamma"))
      .def_readonly("values", &market::values)
      .def_readonly("prior", &market::prior)
      .def_readonly("gamma", &market::gamma);
  m.def("make_problem", &make_problem, py::arg("market"));
  m.def("trade_probabilities", &trade_probabilities, py::arg("market"), py::arg("pi"));
  m.def("trades_with_probability_one", &trades_with_probability_one, py::arg("market"),
        py::arg("pi"), py::arg("tol") = 1e-9);
  m.def("revenue_curve", &revenue_curve, py::arg("market"));
  m.def("revenue_curve_decreasing", &revenue_curve_decreasing, py::arg("market"),
        py::arg("tol") = 1e-12);
  m.def("interval_partitions", &interval_partitions, py::arg("n"));
  m.def("category_structure", &category_structure, py::arg("market"), py::arg("categories"));
  py::class_<category_check, result_base> cc(m, "CategoryCheck");
  cc.def_readonly("categories", &category_check::categories)
      .def_readonly("structure", &category_check::structure)
      .def_readonly("incentive_compatible", &category_check::incentive_compatible)
      .def_readonly("full_trade", &category_check::full_trade)
      .def_readonly("pareto_efficient", &category_check::pareto_efficient)
      .def_readonly("beneficial", &category_check::beneficial)
      .def_readonly("surplus", &category_check::surplus);
  with_repr(cc);
  m.def("check_categories", &check_categories, py::arg("market"), py::arg("tol") = 1e-9);

  // The paper's instances (catalog/persuasion.hpp)
  m.def("electoral_campaign", &catalog::electoral_campaign, "000 §1 (catalog).");
  m.def("three_parties", &catalog::three_parties, "000 §3 (catalog).");
  m.def("guessing_agents", &catalog::guessing_agents, "000 §3 (catalog).");
  m.def("winner_takes_all", &catalog::winner_takes_all, py::arg("prior"), py::arg("wins"));

  // The bargaining set B and its solutions (000 §4)
  py::class_<bargaining_point, result_base> bpt(m, "BargainingPoint");
  bpt.def_readonly("payoffs", &bargaining_point::payoffs)
      .def_readonly("structure", &bargaining_point::structure)
      .def_readonly("value", &bargaining_point::value)
      .def_readonly("lp", &bargaining_point::lp);
  with_repr(bpt);
  py::class_<utopia_point, result_base> up(m, "UtopiaPoint");
  up.def_readonly("payoffs", &utopia_point::payoffs)
      .def_readonly("attained_by", &utopia_point::attained_by);
  with_repr(up);
  py::class_<efficiency_report, result_base> ef(m, "EfficiencyReport");
  ef.def_readonly("efficient", &efficiency_report::efficient)
      .def_readonly("total_gain", &efficiency_report::total_gain)
      .def_readonly("improvement", &efficiency_report::improvement)
      .def_readonly("lp", &efficiency_report::lp);
  with_repr(ef);
  py::class_<polygon, result_base> pg(m, "Polygon", "Vertices (counter-clockwise) of B or F.");
  pg.def_readonly("vertices", &polygon::vertices)
      .def_readonly("structures", &polygon::structures)
      .def_readonly("lps", &polygon::lps);
  with_repr(pg);
  m.def("optimal_signal", &optimal_signal, py::arg("problem"), py::arg("sender") = 0,
        py::arg("options") = lp::solver_options{},
        "The single-sender persuasion optimum (Kamenica-Gentzkow): support_point with weight 1 "
        "on the sender.");
  m.def("support_point", &support_point, py::arg("problem"), py::arg("weights"),
        py::arg("options") = lpo, "max over IC π of Σ w_i E(u_i|π).");
  m.def("lexicographic_point", &lexicographic_point, py::arg("problem"), py::arg("w1"),
        py::arg("w2"), py::arg("options") = lpo);
  m.def("utopia", &utopia, py::arg("problem"), py::arg("options") = lpo);
  m.def("ray_point", &ray_point, py::arg("problem"), py::arg("d"), py::arg("direction"),
        py::arg("options") = lpo);
  m.def("egalitarian_solution", &egalitarian_solution, py::arg("problem"), py::arg("d"),
        py::arg("options") = lpo);
  m.def("kalai_smorodinsky_solution", &kalai_smorodinsky_solution, py::arg("problem"), py::arg("d"),
        py::arg("options") = lpo);
  m.def("pareto_efficiency", &pareto_efficiency, py::arg("problem"), py::arg("x"),
        py::arg("tol") = 1e-9, py::arg("options") = lpo);
  m.def("bargaining_set_boundary", &bargaining_set_boundary, py::arg("problem"),
        py::arg("tol") = 1e-9, py::arg("options") = lpo, "Two agents: the polygon B (Figure 1).");
  m.def("pareto_frontier", &pareto_frontier, py::arg("problem"), py::arg("tol") = 1e-9,
        py::arg("options") = lpo, "Two agents: the Pareto frontier of B.");

  py::class_<nash_options>(m, "NashOptions")
      .def(py::init<>())
      .def_readwrite("gap_tolerance", &nash_options::gap_tolerance)
      .def_readwrite("max_iterations", &nash_options::max_iterations)
      .def_readwrite("lp", &nash_options::lp);
  py::class_<nash_result, bargaining_point> nr(m, "NashResult");
  nr.def_readonly("alpha", &nash_result::alpha)
      .def_readonly("log_product", &nash_result::log_product)
      .def_readonly("upper_bound", &nash_result::upper_bound)
      .def_readonly("optimality_gap", &nash_result::optimality_gap)
      .def_readonly("cutting_plane_bound", &nash_result::cutting_plane_bound)
      .def_readonly("frank_wolfe_bound", &nash_result::frank_wolfe_bound)
      .def_readonly("iterations", &nash_result::iterations)
      .def_readonly("lps", &nash_result::lps)
      .def_readonly("converged", &nash_result::converged)
      .def_readonly("beneficial", &nash_result::beneficial);
  with_repr(nr);
  m.def("nash_solution", &nash_solution, py::arg("problem"), py::arg("d"), py::arg("alpha"),
        py::arg("options") = nash_options{}, "The (weighted) Nash bargaining solution over B.");

  // Endorsement rules (000 §5, Definitions 2-3, Theorem 3)
  py::class_<selection_report> sel(m, "SelectionReport");
  sel.def_readonly("passed", &selection_report::passed)
      .def_readonly("shape", &selection_report::shape)
      .def_readonly("receiver_guesses", &selection_report::receiver_guesses)
      .def_readonly("default_optimal", &selection_report::default_optimal)
      .def_readonly("own_best", &selection_report::own_best)
      .def_readonly("selection_better", &selection_report::selection_better)
      .def_readonly("correct_surplus", &selection_report::correct_surplus)
      .def_readonly("x", &selection_report::x)
      .def_readonly("first_failure", &selection_report::first_failure)
      .def("structural", &selection_report::structural);
  with_repr(sel);
  m.def("check_selection_environment", &check_selection_environment, py::arg("problem"),
        py::arg("tol") = 1e-12);
  m.def("is_endorsement_rule", &is_endorsement_rule, py::arg("problem"), py::arg("pi"),
        py::arg("tol") = 1e-9);
  m.def("endorsement_rule", &endorsement_rule, py::arg("problem"), py::arg("state0"));
  m.def("is_symmetric_selection_environment", &is_symmetric_selection_environment,
        py::arg("problem"), py::arg("tol") = 1e-12);
  m.def("symmetric_endorsement_rule", &symmetric_endorsement_rule, py::arg("problem"));
  py::class_<robustness_report, result_base> rob(m, "RobustnessReport");
  rob.def_readonly("passed", &robustness_report::passed)
      .def_readonly("robust", &robustness_report::robust)
      .def_readonly("worst_gain", &robustness_report::worst_gain)
      .def_readonly("recommendation", &robustness_report::recommendation)
      .def_readonly("agent", &robustness_report::agent)
      .def_readonly("deviation", &robustness_report::deviation)
      .def_readonly("lps", &robustness_report::lps);
  with_repr(rob);
  m.def("check_robustness", &check_robustness, py::arg("problem"), py::arg("pi"),
        py::arg("tol") = 1e-9, py::arg("options") = lpo);
  py::class_<theorem3_report, result_base> t3(m, "Theorem3Report");
  t3.def_readonly("environment", &theorem3_report::environment)
      .def_readonly("endorsement", &theorem3_report::endorsement)
      .def_readonly("payoffs", &theorem3_report::payoffs)
      .def_readonly("total", &theorem3_report::total)
      .def_readonly("max_total", &theorem3_report::max_total)
      .def_readonly("is_endorsement", &theorem3_report::is_endorsement)
      .def_readonly("pareto_efficient", &theorem3_report::pareto_efficient)
      .def_readonly("beneficial_vs_no_information", &theorem3_report::beneficial_vs_no_information)
      .def_readonly("beneficial_vs_full_information",
                    &theorem3_report::beneficial_vs_full_information)
      .def_readonly("robustness", &theorem3_report::robustness)
      .def_readonly("min_selection_in_state0", &theorem3_report::min_selection_in_state0)
      .def("existence_holds", &theorem3_report::existence_holds);
  with_repr(t3);
  m.def("check_theorem3", &check_theorem3, py::arg("problem"), py::arg("tol") = 1e-9,
        py::arg("options") = lpo);
}

}  // namespace mechdesign::python
