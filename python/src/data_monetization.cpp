// Bindings of data_monetization/ (001): the Gaussian linear-quadratic game and its instances,
// symmetric mechanisms, obedience and the ellipse, payments, optimal mechanisms, benchmarks.
#include <mechdesign/data_monetization/benchmarks.hpp>
#include <mechdesign/data_monetization/check.hpp>
#include <mechdesign/data_monetization/consumer.hpp>
#include <mechdesign/data_monetization/delegation.hpp>
#include <mechdesign/data_monetization/format.hpp>
#include <mechdesign/data_monetization/game.hpp>
#include <mechdesign/data_monetization/incentives.hpp>
#include <mechdesign/data_monetization/mechanism.hpp>
#include <mechdesign/data_monetization/optimal.hpp>

#include "bindings.hpp"

namespace mechdesign::python {

void bind_data_monetization(py::module_& m) {
  using namespace mechdesign::data_monetization;

  py::class_<gaussian_prior>(m, "GaussianPrior", "Independent Gaussian state and types.")
      .def(py::init([](double sm, double sv, double tm, double tv) {
             return gaussian_prior{sm, sv, tm, tv};
           }),
           py::arg("state_mean") = 0.0, py::arg("state_variance") = 1.0, py::arg("type_mean") = 0.0,
           py::arg("type_variance") = 1.0)
      .def_readwrite("state_mean", &gaussian_prior::state_mean)
      .def_readwrite("state_variance", &gaussian_prior::state_variance)
      .def_readwrite("type_mean", &gaussian_prior::type_mean)
      .def_readwrite("type_variance", &gaussian_prior::type_variance);
  py::class_<game>(m, "Game", "n players, interaction r, Gaussian prior (001 eqs. (1)-(2)).")
      .def(py::init<int, double, gaussian_prior>(), py::arg("players"), py::arg("interaction"),
           py::arg("prior") = gaussian_prior{})
      .def("players", &game::players)
      .def("interaction", &game::interaction)
      .def("aggregate_interaction", &game::aggregate_interaction)
      .def("prior", &game::prior)
      .def("complements", &game::complements)
      .def("obedient_mean_action", &game::obedient_mean_action);
  py::class_<cournot>(m, "Cournot", "001 Example 1.")
      .def(py::init([](int firms, double beta, double dm, double dv, double cm, double cv) {
             return cournot{firms, beta, dm, dv, cm, cv};
           }),
           py::arg("firms") = 2, py::arg("substitution") = 0.5, py::arg("demand_mean") = 1.0,
           py::arg("demand_variance") = 1.0, py::arg("cost_mean") = 0.0,
           py::arg("cost_variance") = 1.0)
      .def("canonical", &cournot::canonical);
  py::class_<bertrand>(m, "Bertrand", "001 Example 2.")
      .def(py::init([](int firms, double beta, double dm, double dv, double cm, double cv) {
             return bertrand{firms, beta, dm, dv, cm, cv};
           }),
           py::arg("firms") = 2, py::arg("substitution") = 0.5, py::arg("demand_mean") = 1.0,
           py::arg("demand_variance") = 1.0, py::arg("cost_mean") = 0.0,
           py::arg("cost_variance") = 1.0)
      .def("canonical", &bertrand::canonical);
  py::class_<beauty_contest>(m, "BeautyContest", "001 Example 3.")
      .def(py::init([](int players, double lambda, double fm, double fv, double im, double iv) {
             return beauty_contest{players, lambda, fm, fv, im, iv};
           }),
           py::arg("players") = 2, py::arg("coordination") = 0.5, py::arg("fundamental_mean") = 1.0,
           py::arg("fundamental_variance") = 1.0, py::arg("idiosyncratic_mean") = 0.0,
           py::arg("idiosyncratic_variance") = 1.0)
      .def("canonical", &beauty_contest::canonical);

  py::class_<symmetric_mechanism> sm(m, "SymmetricMechanism", "Form (12) of 001 §4.1.");
  sm.def(py::init([](double mean, double b, double c, double d, double s2, double rho) {
           return symmetric_mechanism{mean, b, c, d, s2, rho};
         }),
         py::arg("mean_action") = 0.0, py::arg("state_weight") = 0.0,
         py::arg("own_type_weight") = 0.0, py::arg("others_type_weight") = 0.0,
         py::arg("noise_variance") = 0.0, py::arg("noise_correlation") = 0.0)
      .def_readwrite("mean_action", &symmetric_mechanism::mean_action)
      .def_readwrite("state_weight", &symmetric_mechanism::state_weight)
      .def_readwrite("own_type_weight", &symmetric_mechanism::own_type_weight)
      .def_readwrite("others_type_weight", &symmetric_mechanism::others_type_weight)
      .def_readwrite("noise_variance", &symmetric_mechanism::noise_variance)
      .def_readwrite("noise_correlation", &symmetric_mechanism::noise_correlation);
  with_repr(sm);
  py::class_<symmetric_moments> mo(m, "SymmetricMoments", "001 Lemma 2.");
  mo.def_readonly("mean_action", &symmetric_moments::mean_action)
      .def_readonly("action_variance", &symmetric_moments::action_variance)
      .def_readonly("action_covariance", &symmetric_moments::action_covariance)
      .def_readonly("state_covariance", &symmetric_moments::state_covariance)
      .def_readonly("own_type_covariance", &symmetric_moments::own_type_covariance)
      .def_readonly("other_type_covariance", &symmetric_moments::other_type_covariance);
  with_repr(mo);
  py::class_<joint_distribution>(m, "JointDistribution")
      .def_readonly("mean", &joint_distribution::mean)
      .def_readonly("covariance", &joint_distribution::covariance);
  m.def("moments", &moments, py::arg("game"), py::arg("mechanism"));
  m.def("mechanism_from_moments", &mechanism_from_moments, py::arg("game"), py::arg("moments"),
        py::arg("tol") = 1e-10);
  m.def("joint", &joint, py::arg("game"), py::arg("mechanism"));
  m.def("obedient_mechanism", &obedient_mechanism, py::arg("game"), py::arg("state_weight"),
        py::arg("others_type_weight"), py::arg("noise_correlation"), py::arg("tol") = 1e-12);

  py::class_<obedience_residuals> orr(m, "ObedienceResiduals");
  orr.def_readonly("mean", &obedience_residuals::mean)
      .def_readonly("own_covariance", &obedience_residuals::own_covariance)
      .def_readonly("variance", &obedience_residuals::variance)
      .def_readonly("ellipse_slack", &obedience_residuals::ellipse_slack)
      .def_readonly("noise_psd", &obedience_residuals::noise_psd)
      .def("max_equality", &obedience_residuals::max_equality)
      .def("obedient", &obedience_residuals::obedient, py::arg("tol") = 1e-9);
  with_repr(orr);
  m.def("obedience_residuals_of", &obedience_residuals_of, py::arg("game"), py::arg("mechanism"));
  py::class_<obedience_ellipse> el(m, "ObedienceEllipse", "E(b, d) ≥ 0 (001 Proposition 2).");
  el.def_readonly("state_center", &obedience_ellipse::state_center)
      .def_readonly("others_center", &obedience_ellipse::others_center)
      .def_readonly("state_semi_axis", &obedience_ellipse::state_semi_axis)
      .def_readonly("others_semi_axis", &obedience_ellipse::others_semi_axis)
      .def_readonly("state_curvature", &obedience_ellipse::state_curvature)
      .def_readonly("others_curvature", &obedience_ellipse::others_curvature)
      .def_readonly("level", &obedience_ellipse::level)
      .def("slack", &obedience_ellipse::slack, py::arg("b"), py::arg("d"))
      .def("boundary", &obedience_ellipse::boundary, py::arg("phi"));
  with_repr(el);
  m.def("ellipse", &ellipse, py::arg("game"));

  py::class_<mechanism_check> mc(m, "MechanismCheck");
  mc.def_readonly("prior_residual", &mechanism_check::prior_residual)
      .def_readonly("psd_min_eigenvalue", &mechanism_check::psd_min_eigenvalue)
      .def_readonly("mean_residual", &mechanism_check::mean_residual)
      .def_readonly("covariance_residual", &mechanism_check::covariance_residual)
      .def_readonly("max_deviation_gain", &mechanism_check::max_deviation_gain)
      .def_readonly("min_type_covariance", &mechanism_check::min_type_covariance)
      .def_readonly("tolerance", &mechanism_check::tolerance)
      .def_readonly("passed", &mechanism_check::passed)
      .def("valid", &mechanism_check::valid)
      .def("obedient", &mechanism_check::obedient)
      .def("truthful", &mechanism_check::truthful)
      .def("incentive_compatible", &mechanism_check::incentive_compatible);
  with_repr(mc);
  m.def("check_mechanism",
        py::overload_cast<const game&, const symmetric_mechanism&, double>(&check_mechanism),
        py::arg("game"), py::arg("mechanism"), py::arg("tolerance") = 1e-9);

  py::class_<payment_rule, result_base> pr(m, "PaymentRule", "001 Proposition 5 payments.");
  pr.def_readonly("implementable", &payment_rule::implementable)
      .def_readonly("mean_action", &payment_rule::mean_action)
      .def_readonly("own_type_weight", &payment_rule::own_type_weight)
      .def_readonly("conditional_variance", &payment_rule::conditional_variance)
      .def_readonly("off_path_aggregate", &payment_rule::off_path_aggregate)
      .def_readonly("critical_type", &payment_rule::critical_type)
      .def("expected_action", &payment_rule::expected_action, py::arg("t"))
      .def("interim_utility", &payment_rule::interim_utility, py::arg("t"))
      .def("rent", &payment_rule::rent, py::arg("t"))
      .def("payment", &payment_rule::payment, py::arg("t"))
      .def("expected_payment", &payment_rule::expected_payment)
      .def("expected_rent", &payment_rule::expected_rent);
  with_repr(pr);
  m.def("revenue_maximizing_payments", &revenue_maximizing_payments, py::arg("game"),
        py::arg("mechanism"), py::arg("tol") = 1e-9);
  m.def("revenue", &revenue, py::arg("game"), py::arg("mechanism"), py::arg("tol") = 1e-9);

  py::class_<linear_objective>(m, "LinearObjective", "001 Proposition 6.")
      .def(py::init<>())
      .def_readwrite("action_variance", &linear_objective::action_variance)
      .def_readwrite("action_covariance", &linear_objective::action_covariance)
      .def_readwrite("state_covariance", &linear_objective::state_covariance)
      .def_readwrite("own_type_covariance", &linear_objective::own_type_covariance)
      .def_readwrite("other_type_covariance", &linear_objective::other_type_covariance)
      .def_readwrite("constant", &linear_objective::constant)
      .def("value", &linear_objective::value, py::arg("moments"));
  py::class_<optimal_options>(m, "OptimalOptions")
      .def(py::init<>())
      .def_readwrite("impose_incentive_compatibility",
                     &optimal_options::impose_incentive_compatibility)
      .def_readwrite("tolerance", &optimal_options::tolerance)
      .def_readwrite("max_iterations", &optimal_options::max_iterations);
  py::class_<optimal_mechanism, result_base> om(m, "OptimalMechanism", "001 §5.");
  om.def_readonly("mechanism", &optimal_mechanism::mechanism)
      .def_readonly("moments", &optimal_mechanism::moments)
      .def_readonly("payments", &optimal_mechanism::payments)
      .def_readonly("objective", &optimal_mechanism::objective)
      .def_readonly("welfare", &optimal_mechanism::welfare)
      .def_readonly("revenue", &optimal_mechanism::revenue)
      .def_readonly("consumer_surplus", &optimal_mechanism::consumer_surplus)
      .def_readonly("multiplier", &optimal_mechanism::multiplier)
      .def_readonly("boundary", &optimal_mechanism::boundary)
      .def_readonly("ic_binding", &optimal_mechanism::ic_binding)
      .def_readonly("ellipse_slack", &optimal_mechanism::ellipse_slack)
      .def_readonly("obedience_residual", &optimal_mechanism::obedience_residual)
      .def_readonly("iterations", &optimal_mechanism::iterations);
  with_repr(om);
  const optimal_options oo{};
  m.def("maximize_over_obedient", &maximize_over_obedient, py::arg("game"), py::arg("objective"),
        py::arg("kappa") = 0.0, py::arg("options") = oo);
  m.def("welfare_objective", &welfare_objective, py::arg("game"));
  m.def("stationarity_curve", &stationarity_curve, py::arg("game"), py::arg("objective"),
        py::arg("kappa"), py::arg("multipliers"), py::arg("options") = oo);
  m.def("welfare_optimal", py::overload_cast<const game&, optimal_options>(&welfare_optimal),
        py::arg("game"), py::arg("options") = oo);
  m.def("welfare_optimal", py::overload_cast<const cournot&, optimal_options>(&welfare_optimal),
        py::arg("instance"), py::arg("options") = oo);
  m.def("welfare_optimal", py::overload_cast<const bertrand&, optimal_options>(&welfare_optimal),
        py::arg("instance"), py::arg("options") = oo);
  m.def("revenue_optimal", py::overload_cast<const game&, optimal_options>(&revenue_optimal),
        py::arg("game"), py::arg("options") = oo);
  m.def("revenue_optimal", py::overload_cast<const cournot&, optimal_options>(&revenue_optimal),
        py::arg("instance"), py::arg("options") = oo);
  m.def("revenue_optimal", py::overload_cast<const bertrand&, optimal_options>(&revenue_optimal),
        py::arg("instance"), py::arg("options") = oo);
  py::class_<welfare_regime> wr(m, "WelfareRegime", "001 Proposition 8.");
  wr.def_readonly("interior", &welfare_regime::interior)
      .def_readonly("state_point", &welfare_regime::state_point)
      .def_readonly("others_point", &welfare_regime::others_point)
      .def_readonly("critical_variance_ratio", &welfare_regime::critical_variance_ratio)
      .def_readonly("interior_below_ratio", &welfare_regime::interior_below_ratio);
  with_repr(wr);
  m.def("welfare_optimum_regime", &welfare_optimum_regime, py::arg("game"));

  py::class_<delegation_result, result_base> dl(m, "DelegationResult", "001 Proposition 17.");
  dl.def_readonly("mechanism", &delegation_result::mechanism)
      .def_readonly("unconstrained_own_weight", &delegation_result::unconstrained_own_weight)
      .def_readonly("monotonicity_binding", &delegation_result::monotonicity_binding)
      .def_readonly("revenue", &delegation_result::revenue)
      .def_readonly("welfare", &delegation_result::welfare);
  with_repr(dl);
  m.def("delegated_revenue", &delegated_revenue, py::arg("game"), py::arg("mechanism"));
  m.def("delegated_revenue_optimal", &delegated_revenue_optimal, py::arg("game"));

  m.def("expected_utility", &expected_utility, py::arg("game"), py::arg("moments"));
  m.def("welfare", &welfare, py::arg("game"), py::arg("mechanism"));
  m.def("uninformative", &uninformative, py::arg("game"));
  m.def("state_only", &state_only, py::arg("game"));
  m.def("type_only", &type_only, py::arg("game"));
  m.def("complete_information", &complete_information, py::arg("game"));
  m.def("first_best", &first_best, py::arg("game"));
  m.def("cournot_consumer_threshold", &cournot_consumer_threshold, py::arg("firms"));
  m.def("consumer_surplus", &consumer_surplus<cournot>, py::arg("instance"), py::arg("mechanism"));
  m.def("consumer_surplus", &consumer_surplus<bertrand>, py::arg("instance"), py::arg("mechanism"));
}

}  // namespace mechdesign::python
