#ifndef MECHDESIGN_PRICING_OPTIMAL_MENU_HPP
#define MECHDESIGN_PRICING_OPTIMAL_MENU_HPP

/// \file
/// \brief The profit-maximising menu of a finite selling-information problem as a linear
/// program, with the menu, prices, rents, gains, expected externality and binding constraints.
///
/// Reference: 004_7f70667d8c91100b.txt Proposition 4.3 (program (10)) for finite types, with
/// direct rules (Proposition 3.2) and the constraints of Definitions 3.3–3.6. Variables: the
/// rules r_k(a | x) ∈ [0, 1] (stochastic in a for every x), the prices t_k, and auxiliary w_{k,j,m}
/// ≥ Σ_x β_k(x) r_j(m | x) u_b(a', x) for every a' — the linearised best response of true type k to
/// message m of report j. Rows: obedience Σ_x β_k(x) r_k(a|x)(u_b(a,x) − u_b(a',x)) ≥ 0 (written by
/// the information layer, information/detail/obedience_rows.hpp); truthfulness U_k − t_k ≥ Σ_m
/// w_{k,j,m} − t_j (double deviations); participation U_k − t_k ≥ max_a Σ_x β_k(x) u_b(a, x).
/// Objective: Σ_k p_k (t_k − Σ_{a,x} v_s(x) r_k(a|x) e(a, x)), the expected price minus the
/// expected externality of the obeyed rules.
///
/// Size: K·A·S + K + K(K−1)A columns and K·S + K·A(A−1) + K + K(K−1)(A² + 1) rows; a binary game
/// with 64 types has about 8 300 columns and 20 300 rows.

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/result.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver.hpp"
#include "mechdesign/pricing/detail/menu_lp.hpp"
#include "mechdesign/pricing/environment.hpp"
#include "mechdesign/pricing/menu.hpp"

namespace mechdesign::pricing {

/// \brief Knobs of the optimal-menu LP.
struct menu_options {
  bool nonnegative_prices = true;     ///< t_k ≥ 0 as in (10b); false allows subsidies
  double binding_tolerance = 1e-8;    ///< a row with slack ≤ this (scaled by 1 + |bound|) binds
  double check_tolerance = 1e-7;      ///< tolerance of the independent check_menu()
  bool constraint_generation = true;  ///< add truthfulness rows lazily (see solve_optimal_menu)
  int max_rounds = 100;               ///< cap on constraint-generation rounds
  /// LP settings; algorithm::automatic runs the dual simplex here (see solve_optimal_menu).
  lp::solver_options solver;
};

/// \brief A constraint of program (10) that holds with equality at the optimum (typed, like
/// bargaining::binding_constraint; 004_7f70667d8c91100b.txt Definitions 3.3–3.6).
struct menu_constraint {
  /// \brief Which family of (10) the constraint belongs to.
  enum class kind {
    obedience,      ///< type `type` told `action` is indifferent to playing `other`
    participation,  ///< type `type`'s rent is zero (IR)
    truthfulness    ///< type `type` is indifferent to reporting `other` and best-responding
  };
  kind what = kind::participation;  ///< the family
  index_t type = 0;                 ///< the true type k
  index_t other = -1;   ///< the deviation: an action (obedience) or a report (truthfulness)
  index_t action = -1;  ///< the recommended action (obedience only)
  double slack = 0.0;   ///< the row's slack at the optimum (≤ menu_options::binding_tolerance)

  /// \brief "IR[k]", "IC[k->j]" or "obedience[k: a->a']", the LP's row names.
  std::string label() const {
    switch (what) {
      case kind::obedience:
        return fmt::format("obedience[{}: {}->{}]", type, action, other);
      case kind::truthfulness:
        return fmt::format("IC[{}->{}]", type, other);
      case kind::participation:
        break;
    }
    return fmt::format("IR[{}]", type);
  }
};

/// \brief The optimal menu and its diagnostics (004_7f70667d8c91100b.txt Proposition 4.3).
/// ok() iff the LP is optimal and verified, the profit recomputed from the menu agrees with the
/// LP value and the menu passed check_menu(); otherwise status is the LP's outcome, or
/// numerical_issue when the LP was optimal but the menu failed its re-check.
struct menu_result : result_base {
  lp::solve_status lp_status = lp::solve_status::not_solved;  ///< the final LP's status
  pricing::menu menu;                                         ///< rules and prices
  double profit = 0.0;                ///< expected price − expected externality
  double expected_revenue = 0.0;      ///< Σ_k p_k t_k
  double expected_externality = 0.0;  ///< Σ_k p_k c_k
  Eigen::VectorXd gain;               ///< gain_k = value of own rule − value without information
  Eigen::VectorXd rent;               ///< rent_k = gain_k − t_k
  Eigen::VectorXd externality;        ///< c_k = expected externality of type k's obeyed rule
  /// Binding obedience, IC and IR rows of the final LP, in row order (with constraint
  /// generation only the truthfulness rows that were added can appear). An IC row's slack is
  /// taken with its w at their least feasible values, i.e. the slack of the menu's own
  /// truthfulness constraint, so the list does not depend on which optimal vertex is returned.
  std::vector<menu_constraint> binding;
  lp::verification lp_check;  ///< the LP verifier's residuals
  menu_check check;           ///< the independent re-check of the returned menu
  int rounds = 0;             ///< LP solves (constraint-generation rounds)
  index_t report_pairs = 0;   ///< (true type, report) pairs with truthfulness rows
};

namespace detail {

/// The payoff magnitudes program (10) accepts: nonzero entries of buyer_payoff and externality
/// within [1e-100, 1e100], so that the LP's coefficients (payoffs times beliefs and their
/// differences) stay inside lp::model's accepted magnitudes. Throws invalid_argument naming
/// \p where otherwise (rescale the payoffs: the optimal menu's prices and profit scale with
/// them).
inline void require_lp_magnitudes(const environment& env, const char* where) {
  constexpr double lo = 1e-100, hi = 1e100;
  auto check = [&](const Eigen::MatrixXd& m, const char* what) {
    for (index_t c = 0; c < m.cols(); ++c)
      for (index_t r = 0; r < m.rows(); ++r) {
        const double v = std::abs(m(r, c));
        if (v != 0.0 && !(v >= lo && v <= hi)) {
          throw invalid_argument(fmt::format(
              "{}: {} entry ({}, {}) is {}, outside the accepted magnitudes [{}, {}] (rescale "
              "the payoffs: prices and profit scale with them)",
              where, what, r, c, m(r, c), lo, hi));
        }
      }
  };
  check(env.buyer_payoff, "buyer_payoff");
  check(env.externality, "externality");
}

}  // namespace detail

/// \brief Build the optimal-menu LP of program (10) for a finite problem with every
/// truthfulness row (004_7f70667d8c91100b.txt Proposition 4.3); see the file comment.
/// \throws the exceptions of validate(); dimension_error if K² exceeds
/// mechdesign::detail::max_table_entries; invalid_argument for a nonzero payoff or externality
/// entry outside [1e-100, 1e100] (detail::require_lp_magnitudes).
[[nodiscard]] inline lp::model optimal_menu_model(const environment& env,
                                                  const menu_options& options = {}) {
  validate(env, "pricing::optimal_menu_model");
  (void)mechdesign::detail::checked_product(env.num_types(), env.num_types(),
                                            "the (true type, report) pairs",
                                            "pricing::optimal_menu_model");
  detail::require_lp_magnitudes(env, "pricing::optimal_menu_model");
  return detail::menu_model(env, options.nonnegative_prices,
                            detail::all_report_pairs(env.num_types()));
}

/// \brief Evaluate a menu: rents, gains, per-type externality, revenue and profit, and the
/// independent check (004_7f70667d8c91100b.txt (10a) and Definitions 3.3–3.6). No LP is run
/// (lp_status stays not_solved); status is success iff the menu passed check_menu(), else
/// numerical_issue with the worst violation in the message.
/// \throws the exceptions of check_menu().
[[nodiscard]] inline menu_result evaluate_menu(const environment& env, const menu& m,
                                               const menu_options& options = {}) {
  menu_result r;
  r.check = check_menu(env, m, options.check_tolerance, options.nonnegative_prices);
  r.menu = m;
  const index_t k = env.num_types();
  r.gain.resize(k);
  r.rent.resize(k);
  r.externality.resize(k);
  for (index_t t = 0; t < k; ++t) {
    const Eigen::VectorXd beta = env.type_beliefs.row(t).transpose();
    const auto& rule = m.rules[static_cast<std::size_t>(t)];
    r.gain(t) = obedient_value(env, beta, rule) - no_information_value(env, beta);
    r.rent(t) = r.gain(t) - m.prices(t);
    r.externality(t) = expected_externality(env, rule);
  }
  r.expected_revenue = env.type_probabilities.dot(m.prices);
  r.expected_externality = env.type_probabilities.dot(r.externality);
  r.profit = r.expected_revenue - r.expected_externality;
  if (r.check.passed) {
    r.status = status::success;
  } else {
    r.status = status::numerical_issue;
    r.message = fmt::format("menu check failed at {} (violation {:.3g})", r.check.worst,
                            r.check.max_violation());
  }
  return r;
}

/// \brief Solve program (10) for a finite problem: the profit-maximising menu of direct rules
/// and prices under obedience, truthfulness against double deviations and participation
/// (004_7f70667d8c91100b.txt Proposition 4.3).
///
/// With menu_options::constraint_generation (the default) the truthfulness rows are added
/// lazily: solve with the rows of neighbouring types, find every (true type, report) pair whose
/// double deviation pays more than check_tolerance / 10 with check_menu()'s own arithmetic, add
/// those rows, re-solve; a relaxation optimum that satisfies every row is optimal for (10). The
/// returned menu is always re-checked by check_menu(); a failed check gives numerical_issue. One
/// lp::solver holds the LP: each round appends the new rows and columns to the live model and
/// re-solves warm (dual simplex unless menu_options::solver names a method). Accepted inputs:
/// any environment validate() accepts (beliefs on the faces of the simplex included),
/// max_rounds ≥ 1, tolerances ≥ 0 and finite, K² ≤ mechdesign::detail::max_table_entries,
/// nonzero payoff and externality entries within [1e-100, 1e100].
/// \throws the exceptions of validate(), invalid_argument for options or payoff magnitudes out
///         of range,
///         dimension_error if K² exceeds mechdesign::detail::max_table_entries, before any LP is
///         built.
[[nodiscard]] inline menu_result solve_optimal_menu(const environment& env,
                                                    const menu_options& options = {}) {
  validate(env, "pricing::solve_optimal_menu");
  const char* where = "solve_optimal_menu";
  (void)mechdesign::detail::checked_product(env.num_types(), env.num_types(),
                                            "the (true type, report) pairs",
                                            "pricing::solve_optimal_menu");
  detail::require_lp_magnitudes(env, "pricing::solve_optimal_menu");
  mechdesign::detail::check_tolerance(options.binding_tolerance, "binding_tolerance", where);
  mechdesign::detail::check_tolerance(options.check_tolerance, "check_tolerance", where);
  if (options.max_rounds < 1) {
    throw invalid_argument(
        fmt::format("{}: max_rounds = {} must be >= 1", where, options.max_rounds));
  }
  const index_t k = env.num_types();
  auto pairs = options.constraint_generation ? detail::initial_report_pairs(env, 6)
                                             : detail::all_report_pairs(k);
  std::vector<char> present(static_cast<std::size_t>(k * k), 0);
  for (const auto& [t, j] : pairs) present[static_cast<std::size_t>(t * k + j)] = 1;
  const detail::menu_layout L{env.num_states(), env.num_actions(), k};
  // One live LP: each round appends the new pairs' w columns and rows (the same columns and rows,
  // in the same order, as a model rebuilt with every pair so far) and re-solves warm.
  std::vector<detail::row_tag> tags;
  // Appended rows leave the basis dual feasible, so the dual simplex is the natural re-solve;
  // it is also the faster cold solve of this LP (0.6 s against 1.0 s at 512 binary types).
  lp::solver_options lp_options = options.solver;
  if (lp_options.method == lp::algorithm::automatic) lp_options.method = lp::algorithm::dual;
  lp::solver solver(lp_options);
  auto append_pairs = [&](std::size_t first) {
    detail::append_pair_columns(L, pairs, first,
                                [&](std::string name, double lo, double up, double c) {
                                  solver.add_column(std::move(name), lo, up, c, {});
                                });
    detail::append_pair_rows(
        env, L, pairs, first,
        [&](detail::row_tag tag, std::string name, std::vector<std::pair<index_t, double>> row,
            double lo, double up) {
          solver.add_row(std::move(name), std::move(row), lo, up);
          tags.push_back(tag);
        });
  };
  // Warm-up (not a round): the LP without truthfulness rows separates by type and solves in a
  // few iterations; the first round starts from its basis (0.34 s against 0.6 s cold at 512
  // binary types). Its answer is not used; if it fails, the first round simply starts cold.
  solver.load(detail::menu_model(env, options.nonnegative_prices, {}, &tags));
  if (!pairs.empty() && solver.options().presolve == false) (void)solver.solve();
  append_pairs(0);
  // Per-type data of the separation scan, computed once.
  std::vector<Eigen::VectorXd> beliefs(static_cast<std::size_t>(k));
  for (index_t t = 0; t < k; ++t)
    beliefs[static_cast<std::size_t>(t)] = env.type_beliefs.row(t).transpose();
  Eigen::VectorXd truthful(k);
  for (int round = 1;; ++round) {
    const lp::solution sol = solver.solve();
    if (!sol.ok()) {
      menu_result r;
      r.lp_status = sol.status;
      r.status = lp::to_result_status(sol.status);
      r.message = sol.message;
      r.lp_check = sol.check;
      r.rounds = round;
      return r;
    }
    menu m;
    m.prices.resize(k);
    m.rules.reserve(static_cast<std::size_t>(k));
    for (index_t t = 0; t < k; ++t) {
      information::experiment rule(L.s, L.a);
      for (index_t a = 0; a < L.a; ++a)
        for (index_t x = 0; x < L.s; ++x) rule(x, a) = sol.x(L.rule(t, a, x));
      m.rules.push_back(std::move(rule));
      m.prices(t) = sol.x(L.price(t));
    }
    // Separation: detail::deviation_gain's arithmetic, with the truthful values hoisted.
    for (index_t t = 0; t < k; ++t) {
      truthful(t) = obedient_value(env, beliefs[static_cast<std::size_t>(t)],
                                   m.rules[static_cast<std::size_t>(t)]) -
                    m.prices(t);
    }
    const std::size_t before = pairs.size();
    for (index_t t = 0; t < k; ++t)
      for (index_t j = 0; j < k; ++j) {
        if (j == t || present[static_cast<std::size_t>(t * k + j)]) continue;
        const double gain = best_response_value(env, beliefs[static_cast<std::size_t>(t)],
                                                m.rules[static_cast<std::size_t>(j)]) -
                            m.prices(j) - truthful(t);
        if (gain > 0.1 * options.check_tolerance) {
          pairs.emplace_back(t, j);
          present[static_cast<std::size_t>(t * k + j)] = 1;
        }
      }
    if (pairs.size() > before && round < options.max_rounds) {
      append_pairs(before);
      continue;
    }

    menu_result r = evaluate_menu(env, m, options);
    r.lp_status = sol.status;
    r.status = status::success;
    r.message.clear();
    r.lp_check = sol.check;
    r.rounds = round;
    r.report_pairs = static_cast<index_t>(pairs.size());
    const lp::model& model = solver.current_model();
    for (index_t row = 0; row < model.num_rows(); ++row) {
      const detail::row_tag& tag = tags[static_cast<std::size_t>(row)];
      const detail::menu_row kind = tag.kind;
      if (kind != detail::menu_row::truthfulness && kind != detail::menu_row::participation &&
          kind != detail::menu_row::obedience)
        continue;
      const double lo = model.row_lower(row);
      double slack = sol.row_activity(row) - lo;
      if (kind == detail::menu_row::truthfulness) {
        // The w of a pair are free above their best-response rows, so a row's LP slack depends on
        // the vertex; measure it with w at its least value (the A² dev rows just before).
        const index_t first_dev = row - L.a * L.a;
        for (index_t msg = 0; msg < L.a; ++msg) {
          double excess = lp::inf;
          for (index_t d = 0; d < L.a; ++d)
            excess = std::min(excess, sol.row_activity(first_dev + msg * L.a + d));
          slack += excess;
        }
      }
      if (slack <= options.binding_tolerance * (1.0 + std::abs(lo))) {
        menu_constraint b;
        b.what = kind == detail::menu_row::truthfulness ? menu_constraint::kind::truthfulness
                 : kind == detail::menu_row::obedience  ? menu_constraint::kind::obedience
                                                        : menu_constraint::kind::participation;
        b.type = tag.type;
        b.other = tag.other;
        b.action = tag.action;
        b.slack = slack;
        r.binding.push_back(b);
      }
    }
    if (std::abs(r.profit - sol.objective) > 1e-7 * (1.0 + std::abs(sol.objective))) {
      r.status = status::numerical_issue;
      r.message = fmt::format("profit {} recomputed from the menu differs from the LP value {}",
                              r.profit, sol.objective);
    } else if (!r.check.passed) {
      r.status = status::numerical_issue;
      r.message = fmt::format("menu check failed at {} (violation {:.3g}) after {} rounds",
                              r.check.worst, r.check.max_violation(), round);
    }
    return r;
  }
}

}  // namespace mechdesign::pricing

#endif  // MECHDESIGN_PRICING_OPTIMAL_MENU_HPP
