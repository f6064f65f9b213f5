// The three textbook models a new user tries first, one call each (mechanism/textbook.hpp,
// persuasion::optimal_signal):
//   - Myerson's optimal auction, 2 bidders with values {1, 2, 3} uniform: revenue 2 (reserve 2),
//     under dominant-strategy IC with ex-post IR and under Bayesian IC with interim IR, equal to
//     E[max(phi_1, phi_2, 0)] with the virtual values phi = (-1, 1, 3);
//   - Kamenica-Gentzkow's prosecutor and judge, prior P(guilty) = 0.3, conviction iff
//     P(guilty | signal) >= 1/2: the prosecutor's best signal convicts with probability 0.6;
//   - Myerson-Satterthwaite with values {1, 2, 3} and costs {0.5, 1.5, 2.5}, uniform: ex-post
//     efficient trade is not implementable with Bayesian IC, interim IR and a balanced budget
//     (a checked Farkas certificate); the second best is 0.7407 < 7/9 = 0.7778.
//
// Usage: textbook_models [--json]
#include <fmt/format.h>

#include <algorithm>
#include <mechdesign/mechanism/format.hpp>
#include <mechdesign/mechanism/textbook.hpp>
#include <mechdesign/persuasion/bargaining_set.hpp>

#include "support/cli.hpp"
#include "support/json.hpp"

int main(int argc, char** argv) {
  using namespace mechdesign;
  bool json = false;
  example::command_line cli("textbook_models",
                            "Myerson's auction, Kamenica-Gentzkow, Myerson-Satterthwaite");
  cli.flag("--json", json, "print the results as one JSON object");
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  try {
    const Eigen::Vector3d values(1.0, 2.0, 3.0);
    const Eigen::VectorXd uniform = Eigen::VectorXd::Constant(3, 1.0 / 3.0);
    const design_result dsic = optimal_auction({values, values}, {uniform, uniform});
    design_options bic_options;
    bic_options.participation = participation_family::interim;
    const design_result bic = optimal_auction({values, values}, {uniform, uniform}, bic_options);
    const double phi[3] = {-1.0, 1.0, 3.0};  // v - (v+ - v)(1 - F(v))/p(v)
    double formula = 0.0;
    for (double a : phi) {
      for (double b : phi) formula += std::max({a, b, 0.0}) / 9.0;
    }

    Eigen::Matrix2d judge;
    judge << 1.0, 0.0, 0.0, 1.0;  // rows acquit, convict; columns innocent, guilty
    const auto court = persuasion::problem::state_independent(Eigen::Vector2d(0.7, 0.3), judge,
                                                              Eigen::Vector2d(0.0, 1.0));
    const auto signal = persuasion::optimal_signal(court);

    const auto trade = trade_problem(values, uniform, Eigen::Vector3d(0.5, 1.5, 2.5), uniform);
    const design_result efficient = efficient_trade_implementable(trade);
    design_options second_best;
    second_best.participation = participation_family::interim;
    const design_result best = design_mechanism(trade, expected_welfare(trade), second_best);
    double first_best = 0.0;
    for (index_t j = 0; j < trade.num_profiles(); ++j) {
      first_best +=
          trade.probability(j) * std::max(0.0, trade.utility(0)(1, j) + trade.utility(1)(1, j));
    }

    const bool ok =
        dsic.ok() && bic.ok() && signal.ok() && best.ok() && efficient.status == status::infeasible;
    if (json) {
      using example_json::number;
      example_json::json results;
      results["auction_revenue_dsic"] = number(dsic.objective);
      results["auction_revenue_bic"] = number(bic.objective);
      results["auction_revenue_virtual_values"] = number(formula);
      results["conviction_probability"] = number(signal.payoffs(0));
      results["efficient_trade_implementable"] = efficient.ok();
      results["farkas_certificate_checked"] = efficient.lp.check.passed;
      results["second_best_gains"] = number(best.objective);
      results["first_best_gains"] = number(first_best);
      example_json::print(example_json::document(
          "", "Myerson's auction, Kamenica-Gentzkow, Myerson-Satterthwaite", results));
      return ok ? 0 : 1;
    }
    fmt::print("Myerson's optimal auction, 2 bidders, values {{1, 2, 3}} uniform\n");
    fmt::print("  DSIC + ex-post IR:  {}\n", dsic);
    fmt::print("  BIC + interim IR:   {}\n", bic);
    fmt::print("  virtual values:     E[max(phi1, phi2, 0)] = {:.10g}\n", formula);
    fmt::print("Kamenica-Gentzkow, prior P(guilty) = 0.3\n");
    fmt::print("  conviction probability {:.10g}; P(convict | innocent) = {:.6g}\n",
               signal.payoffs(0), signal.structure(0, 1));
    fmt::print("Myerson-Satterthwaite, values {{1, 2, 3}}, costs {{0.5, 1.5, 2.5}}\n");
    fmt::print("  ex-post efficient trade: {}\n", efficient);
    fmt::print("  second best {:.4f} < first best {:.4f}\n", best.objective, first_best);
    return ok ? 0 : 1;
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "textbook_models: {}\n", e.what());
    return 1;
  }
}
