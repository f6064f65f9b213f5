#ifndef MECHDESIGN_PRICING_DETAIL_MENU_LP_HPP
#define MECHDESIGN_PRICING_DETAIL_MENU_LP_HPP

/// \file
/// \brief Internal: the columns and rows of the optimal-menu LP, program (10) of
/// 004_7f70667d8c91100b.txt (Proposition 4.3), with a tag per row, and the (true type, report)
/// pairs of the constraint-generation loop of pricing/optimal_menu.hpp. Obedience rows are the
/// information layer's (information/detail/obedience_rows.hpp).

#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/types.hpp"
#include "mechdesign/information/detail/obedience_rows.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/pricing/environment.hpp"
#include "mechdesign/pricing/menu.hpp"

namespace mechdesign::pricing::detail {

/// Column layout of the optimal-menu LP: rules, prices, then the auxiliary w of each
/// (true type, report) pair whose truthfulness rows are present.
struct menu_layout {
  index_t s, a, k;
  index_t rule(index_t type, index_t action, index_t state) const {
    return (type * a + action) * s + state;
  }
  index_t price(index_t type) const { return k * a * s + type; }
  index_t aux(index_t pair, index_t message) const { return k * a * s + k + pair * a + message; }
};

/// All ordered pairs (t, j), t ≠ j.
inline std::vector<std::pair<index_t, index_t>> all_report_pairs(index_t k) {
  std::vector<std::pair<index_t, index_t>> pairs;
  for (index_t t = 0; t < k; ++t)
    for (index_t j = 0; j < k; ++j)
      if (j != t) pairs.emplace_back(t, j);
  return pairs;
}

/// Kind of a row of program (10).
enum class menu_row : unsigned char {
  rule,           ///< Σ_a r_k(a | x) = 1
  obedience,      ///< obedience[k: a->a']
  participation,  ///< IR[k]
  deviation,      ///< dev[k->j](m:a'), the linearised best response w ≥ ...
  truthfulness    ///< IC[k->j]
};

/// What a row of program (10) is: its kind and indices; binding detection reads these (never
/// row names) to build typed menu_constraint entries.
struct row_tag {
  menu_row kind = menu_row::rule;
  index_t type = 0;     ///< the true type k
  index_t other = -1;   ///< deviation action (obedience), report (deviation, truthfulness)
  index_t action = -1;  ///< recommended action (obedience), message (deviation)
};

/// Terms of U_k − t_k (the truthful, obedient payoff of type t minus its price).
inline std::vector<std::pair<index_t, double>> truthful_terms(const environment& env,
                                                              const menu_layout& L, index_t t) {
  std::vector<std::pair<index_t, double>> row;
  row.reserve(static_cast<std::size_t>(L.a * L.s + 1));
  for (index_t a = 0; a < L.a; ++a)
    for (index_t x = 0; x < L.s; ++x)
      row.emplace_back(L.rule(t, a, x), env.type_beliefs(t, x) * env.buyer_payoff(a, x));
  row.emplace_back(L.price(t), -1.0);
  return row;
}

/// Append the auxiliary columns w of pairs [first, pairs.size()) through
/// add_column(name, lower, upper, objective).
template <class AddColumn>
void append_pair_columns(const menu_layout& L,
                         const std::vector<std::pair<index_t, index_t>>& pairs, std::size_t first,
                         AddColumn&& add_column) {
  for (std::size_t q = first; q < pairs.size(); ++q)
    for (index_t msg = 0; msg < L.a; ++msg)
      add_column(fmt::format("w[{}->{}]({})", pairs[q].first, pairs[q].second, msg), -lp::inf,
                 lp::inf, 0.0);
}

/// Append the deviation and truthfulness rows of pairs [first, pairs.size()) through
/// add_row(kind, name, coefficients, lower, upper); their w columns must exist.
template <class AddRow>
void append_pair_rows(const environment& env, const menu_layout& L,
                      const std::vector<std::pair<index_t, index_t>>& pairs, std::size_t first,
                      AddRow&& add_row) {
  for (std::size_t q = first; q < pairs.size(); ++q) {
    const auto [t, j] = pairs[q];
    const auto pq = static_cast<index_t>(q);
    for (index_t msg = 0; msg < L.a; ++msg)
      for (index_t d = 0; d < L.a; ++d) {
        std::vector<std::pair<index_t, double>> row;
        row.reserve(static_cast<std::size_t>(L.s + 1));
        row.emplace_back(L.aux(pq, msg), 1.0);
        for (index_t x = 0; x < L.s; ++x)
          row.emplace_back(L.rule(j, msg, x), -env.type_beliefs(t, x) * env.buyer_payoff(d, x));
        add_row(row_tag{menu_row::deviation, t, j, msg},
                fmt::format("dev[{}->{}]({}:{})", t, j, msg, d), std::move(row), 0.0, lp::inf);
      }
    auto ic = truthful_terms(env, L, t);
    ic.emplace_back(L.price(j), 1.0);
    for (index_t msg = 0; msg < L.a; ++msg) ic.emplace_back(L.aux(pq, msg), -1.0);
    add_row(row_tag{menu_row::truthfulness, t, j, -1}, fmt::format("IC[{}->{}]", t, j),
            std::move(ic), 0.0, lp::inf);
  }
}

/// Program (10) with truthfulness rows only for the given (true type, report) pairs; when
/// \p tags is given it receives the tag of every row, in row order.
inline lp::model menu_model(const environment& env, bool nonnegative_prices,
                            const std::vector<std::pair<index_t, index_t>>& pairs,
                            std::vector<row_tag>* tags = nullptr) {
  const menu_layout L{env.num_states(), env.num_actions(), env.num_types()};
  lp::model m(lp::objective_sense::maximize);
  for (index_t t = 0; t < L.k; ++t)
    for (index_t a = 0; a < L.a; ++a)
      for (index_t x = 0; x < L.s; ++x) {
        const double cost =
            env.type_probabilities(t) * env.seller_belief(x) * env.externality(a, x);
        m.add_variable(fmt::format("r[{}]({}|{})", t, a, x), 0.0, 1.0, -cost);
      }
  for (index_t t = 0; t < L.k; ++t)
    m.add_variable(fmt::format("t[{}]", t), nonnegative_prices ? 0.0 : -lp::inf, lp::inf,
                   env.type_probabilities(t));
  append_pair_columns(L, pairs, 0, [&](std::string name, double lo, double up, double c) {
    m.add_variable(std::move(name), lo, up, c);
  });
  auto add_row = [&](row_tag tag, std::string name, std::vector<std::pair<index_t, double>> row,
                     double lo, double up) {
    m.add_row(std::move(name), std::move(row), lo, up);
    if (tags != nullptr) tags->push_back(tag);
  };

  for (index_t t = 0; t < L.k; ++t)
    for (index_t x = 0; x < L.s; ++x) {
      std::vector<std::pair<index_t, double>> row;
      for (index_t a = 0; a < L.a; ++a) row.emplace_back(L.rule(t, a, x), 1.0);
      add_row(row_tag{menu_row::rule, t, -1, -1}, fmt::format("rule[{}]({})", t, x), std::move(row),
              1.0, 1.0);
    }
  for (index_t t = 0; t < L.k; ++t) {
    // Obedience of type t's own rule: the information layer's rows, every coefficient kept.
    information::detail::obedience_rows(
        env.buyer_payoff, env.type_beliefs.row(t).transpose(),
        [&](index_t x, index_t a) { return L.rule(t, a, x); },
        [&](index_t a, index_t d, std::vector<std::pair<index_t, double>> row) {
          add_row(row_tag{menu_row::obedience, t, d, a},
                  fmt::format("obedience[{}: {}->{}]", t, a, d), std::move(row), 0.0, lp::inf);
        },
        0.0, true);
    add_row(row_tag{menu_row::participation, t, -1, -1}, fmt::format("IR[{}]", t),
            truthful_terms(env, L, t),
            no_information_value(env, env.type_beliefs.row(t).transpose()), lp::inf);
  }
  append_pair_rows(env, L, pairs, 0, add_row);
  return m;
}

/// Gain of true type t from reporting j and best-responding, over its truthful obedient payoff.
inline double deviation_gain(const environment& env, const menu& m, index_t t, index_t j) {
  const Eigen::VectorXd beta = env.type_beliefs.row(t).transpose();
  return best_response_value(env, beta, m.rules[static_cast<std::size_t>(j)]) - m.prices(j) -
         (obedient_value(env, beta, m.rules[static_cast<std::size_t>(t)]) - m.prices(t));
}

/// Initial truthfulness rows of the cutting-plane loop: every pair for few types, else the
/// neighbours of each type in the lexicographic order of beliefs.
inline std::vector<std::pair<index_t, index_t>> initial_report_pairs(const environment& env,
                                                                     index_t all_below) {
  const index_t k = env.num_types();
  if (k <= all_below) return all_report_pairs(k);
  std::vector<index_t> order(static_cast<std::size_t>(k));
  for (index_t t = 0; t < k; ++t) order[static_cast<std::size_t>(t)] = t;
  std::stable_sort(order.begin(), order.end(), [&](index_t a, index_t b) {
    for (index_t x = 0; x < env.num_states(); ++x) {
      if (env.type_beliefs(a, x) != env.type_beliefs(b, x))
        return env.type_beliefs(a, x) < env.type_beliefs(b, x);
    }
    return false;
  });
  std::vector<std::pair<index_t, index_t>> pairs;
  for (std::size_t q = 0; q + 1 < order.size(); ++q) {
    pairs.emplace_back(order[q], order[q + 1]);
    pairs.emplace_back(order[q + 1], order[q]);
  }
  return pairs;
}

}  // namespace mechdesign::pricing::detail

#endif  // MECHDESIGN_PRICING_DETAIL_MENU_LP_HPP
