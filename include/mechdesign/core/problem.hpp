#ifndef MECHDESIGN_CORE_PROBLEM_HPP
#define MECHDESIGN_CORE_PROBLEM_HPP

/// \file
/// \brief Bayesian collective-choice problems (cooperative games with incomplete information)
/// and their coalition restrictions Γ_S.
///
/// Reference: 003_c8f96a2253701fcb.txt §3.1: players N, decisions D_S per coalition
/// (superadditive), utilities u_i(d, t), orthogonality, and the restricted utility u_i^S
/// (the display before eq. (3.1)). Optional money: quasi-linear utilities u_i(d, t) + x_i(t)
/// with a budget constraint, as in the trading examples of 003 §2 and 002 §2.1.

#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/detail/scalar.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/prior.hpp"
#include "mechdesign/core/type_space.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign {

/// \brief How transfers must balance when a problem has money (quasi-linear mode).
enum class budget_rule {
  ex_post_balanced,    ///< Σ_{i∈S} x_i(t_S) = 0 at every profile
  ex_post_no_deficit,  ///< Σ_{i∈S} x_i(t_S) ≤ 0 at every profile (money may be burnt)
  ex_ante_balanced,    ///< Σ_{t_S} p(t_S) Σ_i x_i(t_S) = 0
  ex_ante_no_deficit   ///< Σ_{t_S} p(t_S) Σ_i x_i(t_S) ≤ 0
};

/// \brief Whether the rule is imposed profile by profile.
inline bool is_ex_post(budget_rule r) noexcept {
  return r == budget_rule::ex_post_balanced || r == budget_rule::ex_post_no_deficit;
}
/// \brief Whether the rule is an equality.
inline bool is_balanced(budget_rule r) noexcept {
  return r == budget_rule::ex_post_balanced || r == budget_rule::ex_ante_balanced;
}

namespace detail {

/// Checks one utility table per member of \p s: shape |labels| × \p num_profiles and finite
/// entries; messages name the player, decision and profile.
template <class Scalar>
void check_utility_tables(
    const char* where, const coalition& s, const std::vector<std::string>& labels,
    const std::vector<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>>& tables,
    index_t num_profiles) {
  if (labels.empty()) throw model_error(fmt::format("{}: D_{} is empty", where, s.to_string()));
  if (static_cast<int>(tables.size()) != s.size()) {
    throw dimension_error(
        fmt::format("{}: {} utility tables for coalition {}", where, tables.size(), s.to_string()));
  }
  for (std::size_t k = 0; k < tables.size(); ++k) {
    const auto& u = tables[k];
    const int player = s.members()[k];
    if (u.rows() != static_cast<index_t>(labels.size()) || u.cols() != num_profiles) {
      throw dimension_error(fmt::format(
          "{}: utility table of player {} is {}x{}, expected {}x{} (decisions x profiles)", where,
          player, u.rows(), u.cols(), labels.size(), num_profiles));
    }
    for (index_t j = 0; j < u.cols(); ++j) {
      for (index_t d = 0; d < u.rows(); ++d) {
        if (!is_finite(u(d, j))) {
          throw non_finite_error(fmt::format(
              "{}: utility of player {} at decision {} ('{}') and profile {} is not finite", where,
              player, d, labels[static_cast<std::size_t>(d)], j));
        }
      }
    }
  }
}

}  // namespace detail

/// \brief The game Γ_S restricted to one coalition: its members' types, prior, decisions and
/// restricted utilities u_i^S(d_S, t_S) (003 §3.1). Every mechanism computation runs on this.
template <class Scalar = double>
class coalition_problem {
 public:
  using scalar_type = Scalar;
  using matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
  using vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

  coalition_problem() = default;

  /// \brief Assemble from parts; \p utilities[k] is |D_S| × |T_S| for the k-th member.
  /// \throws dimension_error, non_finite_error, model_error.
  coalition_problem(coalition members, prior<Scalar> beliefs, std::vector<std::string> labels,
                    std::vector<matrix> utilities, std::optional<budget_rule> money = std::nullopt)
      : members_(std::move(members)),
        prior_(std::move(beliefs)),
        labels_(std::move(labels)),
        utilities_(std::move(utilities)),
        money_(money) {
    if (members_.size() != prior_.types().num_players()) {
      throw dimension_error(
          fmt::format("coalition_problem: {} members but the prior has {} players", members_.size(),
                      prior_.types().num_players()));
    }
    detail::check_utility_tables("coalition_problem", members_, labels_, utilities_,
                                 num_profiles());
  }

  /// \brief The coalition S (global player indices).
  const coalition& members() const noexcept { return members_; }
  /// \brief |S|.
  int num_members() const noexcept { return members_.size(); }
  /// \brief T_S; member k (local index) is player members().members()[k].
  const type_space& types() const noexcept { return prior_.types(); }
  /// \brief The marginal prior over T_S.
  const prior<Scalar>& beliefs() const noexcept { return prior_; }
  /// \brief |T_S|.
  index_t num_profiles() const noexcept { return prior_.types().num_profiles(); }
  /// \brief |D_S|.
  index_t num_decisions() const noexcept { return static_cast<index_t>(labels_.size()); }
  /// \brief Names of the decisions in D_S.
  const std::vector<std::string>& decision_labels() const noexcept { return labels_; }
  /// \brief u_k^S(d, t_S) for member k: a |D_S| × |T_S| table.
  const matrix& utility(int k) const {
    check_member(k);
    return utilities_[static_cast<std::size_t>(k)];
  }
  /// \brief The budget rule if the problem has money (transfers), else empty.
  const std::optional<budget_rule>& money() const noexcept { return money_; }
  /// \brief p(t_S) for the sub-profile with index \p j.
  Scalar probability(index_t j) const { return prior_.probability(j); }
  /// \brief p(t_{S∖k} | t_k) at sub-profile \p j, for member k (003 §3.1, eq. (3.1)).
  Scalar belief(int k, index_t j) const {
    check_member(k);
    return prior_.conditional(k, j);
  }
  /// \brief |T_k| for member k.
  index_t num_types(int k) const { return types().num_types(k); }

  /// \brief Throws index_error unless 0 ≤ k < |S|.
  void check_member(int k) const {
    if (k < 0 || k >= num_members()) {
      throw index_error(fmt::format("coalition_problem: member position {} is outside [0, {})", k,
                                    num_members()));
    }
  }

 private:
  coalition members_;
  prior<Scalar> prior_;
  std::vector<std::string> labels_;
  std::vector<matrix> utilities_;
  std::optional<budget_rule> money_;
};

/// \brief Outcome of the superadditivity check: passed, or the first pair (d_R, d_S) whose
/// combination no decision of R∪S reproduces.
struct superadditivity_report {
  bool passed = true;  ///< the game is superadditive
  coalition r, s;
  index_t decision_r = -1, decision_s = -1;
  std::string message;
};

/// \brief A finite cooperative game with incomplete information
/// Γ = (N, (D_S)_S, (T_i, u_i, p_i)_i) (003 §3.1), optionally with money.
///
/// Decisions are registered per coalition; for a coalition S, member i's utility is given on
/// full profiles t ∈ T_N (u_i((d_S, d_{N∖S}), t) under orthogonality does not depend on
/// d_{N∖S}). Coalitions without registered decisions cannot be restricted to.
template <class Scalar = double>
class bayesian_problem {
 public:
  using scalar_type = Scalar;
  using matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
  using vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
  /// u(player, decision, full profile) → utility.
  using utility_function = std::function<Scalar(int, index_t, const profile&)>;

  /// \brief A problem with the given prior and, as yet, no decisions.
  explicit bayesian_problem(prior<Scalar> p) : prior_(std::move(p)) {}

  /// \brief Register D_S with tables: \p utilities[k] is |D_S| × |T_N| for the k-th member of S.
  /// \throws dimension_error, non_finite_error, model_error (empty D_S), index_error.
  bayesian_problem& set_decisions(const coalition& s, std::vector<std::string> labels,
                                  std::vector<matrix> utilities) {
    detail::with_entry("set_decisions", [&] { types().check_coalition(s); });
    detail::check_utility_tables("set_decisions", s, labels, utilities, types().num_profiles());
    entries_[s.mask()] = entry{s, std::move(labels), std::move(utilities)};
    return *this;
  }

  /// \brief Register D_S with a callable u(player, decision, profile of N) evaluated once per
  /// member, decision and profile; an exception it throws propagates and registers nothing.
  /// \throws the exceptions of the table form; dimension_error before any call if |D_S|·|T_N|
  /// exceeds detail::max_table_entries.
  bayesian_problem& set_decisions(const coalition& s, std::vector<std::string> labels,
                                  const utility_function& u) {
    detail::with_entry("set_decisions", [&] { types().check_coalition(s); });
    // refused before the callable is called |S|·|D_S|·|T_N| times or a table is allocated
    (void)detail::checked_product(static_cast<index_t>(labels.size()), types().num_profiles(),
                                  "a utility table (decisions x profiles)", "set_decisions");
    std::vector<matrix> tables;
    for (int i : s.members()) {
      matrix m(static_cast<index_t>(labels.size()), types().num_profiles());
      for (index_t j = 0; j < types().num_profiles(); ++j) {
        const profile t = types().decode(j);
        for (index_t d = 0; d < m.rows(); ++d) m(d, j) = u(i, d, t);
      }
      tables.push_back(std::move(m));
    }
    return set_decisions(s, std::move(labels), std::move(tables));
  }

  /// \brief Give the problem money: utilities become u_i(d, t) + x_i(t) with free transfers
  /// x_i restricted by \p rule in every coalition.
  bayesian_problem& set_money(budget_rule rule) {
    money_ = rule;
    return *this;
  }

  /// \brief The prior over T_N.
  const prior<Scalar>& beliefs() const noexcept { return prior_; }
  /// \brief T_N.
  const type_space& types() const noexcept { return prior_.types(); }
  /// \brief n.
  int num_players() const noexcept { return types().num_players(); }
  /// \brief The budget rule if the problem has money.
  const std::optional<budget_rule>& money() const noexcept { return money_; }
  /// \brief Whether D_S has been registered.
  bool has_decisions(const coalition& s) const { return entries_.count(s.mask()) != 0; }
  /// \brief The decision labels of D_S. \throws model_error if D_S is not registered.
  const std::vector<std::string>& decision_labels(const coalition& s) const {
    return find(s).labels;
  }
  /// \brief u_i((d_S, ·), t) for member position k of S: |D_S| × |T_N|.
  const matrix& utility_table(const coalition& s, int k) const {
    const entry& e = find(s);
    if (k < 0 || k >= s.size()) {
      throw index_error(
          fmt::format("utility_table: member position {} outside [0, {})", k, s.size()));
    }
    return e.utilities[static_cast<std::size_t>(k)];
  }

  /// \brief The game Γ_S: restricted prior and utilities
  /// u_i^S(d_S, t_S) = Σ_{t_{-S}} p(t_{-S} | t_S) u_i(d_S, t) (003 display before (3.1); with
  /// independent types p(t_{-S} | t_S) = p(t_{-S}) as printed there).
  /// \throws model_error if D_S is not registered.
  coalition_problem<Scalar> restrict_to(const coalition& s) const {
    const entry& e = find(s);
    prior<Scalar> sub = prior_.restrict_to(s);
    const index_t ns = sub.types().num_profiles();
    std::vector<matrix> restricted;
    for (std::size_t k = 0; k < e.utilities.size(); ++k) {
      if (s.size() == num_players()) {
        restricted.push_back(e.utilities[k]);
        continue;
      }
      matrix m = matrix::Zero(static_cast<index_t>(e.labels.size()), ns);
      for (index_t j = 0; j < types().num_profiles(); ++j) {
        const index_t js = types().project(j, s);
        const Scalar w = prior_.probability(j);
        if (w == Scalar(0)) continue;
        m.col(js) += w * e.utilities[k].col(j);
      }
      for (index_t js = 0; js < ns; ++js) {
        const Scalar w = sub.probability(js);
        if (w > Scalar(0)) m.col(js) /= w;
      }
      restricted.push_back(std::move(m));
    }
    return coalition_problem<Scalar>(s, std::move(sub), e.labels, std::move(restricted), money_);
  }

  /// \brief The grand coalition's game Γ_N.
  coalition_problem<Scalar> grand() const { return restrict_to(coalition::grand(num_players())); }

  /// \brief Player i's reservation utility max_{d_i ∈ D_i} u_i^{i}(d_i, t_i) for every type, the
  /// right side of (3.3). \throws model_error if D_{i} is not registered.
  vector reservation_utility(int i) const {
    const coalition single{i};
    const coalition_problem<Scalar> g = restrict_to(single);
    vector r(g.num_profiles());
    for (index_t t = 0; t < g.num_profiles(); ++t) r(t) = g.utility(0).col(t).maxCoeff();
    return r;
  }

  /// \brief Check superadditivity in payoff terms: for all disjoint registered R, S with R∪S
  /// registered, every pair (d_R, d_S) is matched by some d ∈ D_{R∪S} giving each member of R
  /// (of S) the utility of d_R (of d_S) at every profile, within \p tol (003 §3.1).
  /// \param tol finite, ≥ 0 (NaN, ±∞ or negative throw non_finite_error / invalid_argument).
  superadditivity_report check_superadditivity(
      Scalar tol = detail::default_tolerance<Scalar>()) const {
    detail::check_tolerance(tol, "tol", "check_superadditivity");
    superadditivity_report rep;
    for (const auto& [mr, er] : entries_) {
      for (const auto& [ms, es] : entries_) {
        if ((mr & ms) != 0 || mr > ms) continue;
        auto it = entries_.find(mr | ms);
        if (it == entries_.end()) continue;
        const entry& eu = it->second;
        for (std::size_t a = 0; a < er.labels.size(); ++a) {
          for (std::size_t b = 0; b < es.labels.size(); ++b) {
            bool found = false;
            for (std::size_t c = 0; c < eu.labels.size() && !found; ++c) {
              found = matches(eu, c, er, a, tol) && matches(eu, c, es, b, tol);
            }
            if (!found) {
              rep.passed = false;
              rep.r = er.members;
              rep.s = es.members;
              rep.decision_r = static_cast<index_t>(a);
              rep.decision_s = static_cast<index_t>(b);
              rep.message = fmt::format(
                  "no decision of {} reproduces ('{}' of {}, '{}' of {})", eu.members.to_string(),
                  er.labels[a], er.members.to_string(), es.labels[b], es.members.to_string());
              return rep;
            }
          }
        }
      }
    }
    return rep;
  }

 private:
  struct entry {
    coalition members;
    std::vector<std::string> labels;
    std::vector<matrix> utilities;
  };

  const entry& find(const coalition& s) const {
    auto it = entries_.find(s.mask());
    if (it == entries_.end()) {
      throw model_error(fmt::format("no decisions registered for coalition {}", s.to_string()));
    }
    return it->second;
  }

  // Does decision c of the union give every member of `part` the utility of decision a of part?
  static bool matches(const entry& uni, std::size_t c, const entry& part, std::size_t a,
                      const Scalar& tol) {
    for (int k = 0; k < part.members.size(); ++k) {
      const int player = part.members.members()[static_cast<std::size_t>(k)];
      const int ku = uni.members.position(player);
      const auto& up = part.utilities[static_cast<std::size_t>(k)];
      const auto& uu = uni.utilities[static_cast<std::size_t>(ku)];
      for (index_t j = 0; j < up.cols(); ++j) {
        if (detail::abs_value(
                Scalar(uu(static_cast<index_t>(c), j) - up(static_cast<index_t>(a), j))) > tol) {
          return false;
        }
      }
    }
    return true;
  }

  prior<Scalar> prior_;
  std::map<std::uint64_t, entry> entries_;
  std::optional<budget_rule> money_;
};

}  // namespace mechdesign

#endif  // MECHDESIGN_CORE_PROBLEM_HPP
