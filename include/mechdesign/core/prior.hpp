#ifndef MECHDESIGN_CORE_PRIOR_HPP
#define MECHDESIGN_CORE_PRIOR_HPP

/// \file
/// \brief Priors over type profiles: independent products and general joint tables, with
/// marginals, coalition marginals and conditional beliefs p(t_{-i} | t_i).
///
/// Reference: 003_c8f96a2253701fcb.txt §3.1 (p(t_S) = Π p_i(t_i), Bayes' rule for
/// p(t_{-i} | t_i)).

#include <fmt/format.h>

#include <Eigen/Core>
#include <utility>
#include <vector>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/detail/scalar.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/type_space.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign {

/// \brief A probability distribution over the type profiles of a finite type space.
template <class Scalar = double>
class prior {
 public:
  using scalar_type = Scalar;
  using vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

  prior() = default;

  /// \brief The independent prior p(t) = Π_i p_i(t_i) (003 §3.1).
  /// \param marginals one distribution per player; every type must have positive probability.
  /// \param tol tolerance on each marginal's sum: finite, ≥ 0.
  /// \throws distribution_error, non_finite_error, zero_probability_error, invalid_argument;
  ///         dimension_error if there are more than detail::max_table_entries (2^26) profiles.
  static prior independent(std::vector<vector> marginals,
                           Scalar tol = detail::default_tolerance<Scalar>()) {
    if (marginals.empty()) throw invalid_argument("prior::independent: no players");
    std::vector<index_t> sizes;
    for (std::size_t i = 0; i < marginals.size(); ++i) {
      detail::check_distribution(marginals[i], tol,
                                 fmt::format("prior::independent: marginal of player {}", i));
      sizes.push_back(marginals[i].size());
    }
    index_t profiles = 1;
    for (index_t sz : sizes) {
      profiles = detail::checked_product(profiles, sz, "the profile table", "prior::independent");
    }
    prior p;
    p.space_ = type_space(std::move(sizes));
    p.independent_ = true;
    p.table_.resize(p.space_.num_profiles());
    for (index_t k = 0; k < p.space_.num_profiles(); ++k) {
      Scalar prob(1);
      for (int i = 0; i < p.space_.num_players(); ++i) {
        prob *= marginals[static_cast<std::size_t>(i)](p.space_.type_of(k, i));
      }
      p.table_(k) = prob;
    }
    p.marginals_ = std::move(marginals);
    p.check_positive_marginals("prior::independent");
    return p;
  }

  /// \brief A general (possibly correlated) prior given as a table over profile indices.
  /// \param space the type space; \p table has one entry per profile (mixed-radix order).
  /// \param tol tolerance on the table's sum: finite, ≥ 0.
  /// \throws dimension_error, distribution_error, non_finite_error, zero_probability_error
  ///         (a type with zero marginal probability has no posterior).
  static prior joint(type_space space, vector table,
                     Scalar tol = detail::default_tolerance<Scalar>()) {
    if (table.size() != space.num_profiles()) {
      throw dimension_error(fmt::format("prior::joint: table has {} entries, the type space {}",
                                        table.size(), space.num_profiles()));
    }
    detail::check_distribution(table, tol, "prior::joint: table");
    prior p;
    p.space_ = std::move(space);
    p.table_ = std::move(table);
    p.independent_ = false;
    for (int i = 0; i < p.space_.num_players(); ++i) {
      vector m = vector::Zero(p.space_.num_types(i));
      for (index_t k = 0; k < p.space_.num_profiles(); ++k) {
        m(p.space_.type_of(k, i)) += p.table_(k);
      }
      p.marginals_.push_back(std::move(m));
    }
    p.check_positive_marginals("prior::joint");
    return p;
  }

  /// \brief The type space the prior lives on.
  const type_space& types() const noexcept { return space_; }
  /// \brief Whether the prior was built as an independent product.
  bool is_independent() const noexcept { return independent_; }
  /// \brief p(t) for every profile, in mixed-radix order.
  const vector& table() const noexcept { return table_; }
  /// \brief p(t) for the profile with index \p k.
  Scalar probability(index_t k) const {
    check_index(k);
    return table_(k);
  }
  /// \brief The marginal p_i over T_i.
  const vector& marginal(int i) const {
    space_.num_types(i);  // range check
    return marginals_[static_cast<std::size_t>(i)];
  }

  /// \brief The belief p(t_{-i} | t_i) of player \p i about the others, at the profile with
  /// index \p k (t_i is read off k); Bayes' rule as in 003 §3.1.
  Scalar conditional(int i, index_t k) const {
    check_index(k);
    return table_(k) / marginals_[static_cast<std::size_t>(i)](space_.type_of(k, i));
  }

  /// \brief The marginal prior of coalition S over T_S (members in increasing order).
  prior restrict_to(const coalition& s) const {
    type_space sub = space_.restrict_to(s);
    prior p;
    p.independent_ = independent_;
    p.table_ = vector::Zero(sub.num_profiles());
    for (index_t k = 0; k < space_.num_profiles(); ++k) p.table_(space_.project(k, s)) += table_(k);
    for (int i : s.members()) p.marginals_.push_back(marginals_[static_cast<std::size_t>(i)]);
    p.space_ = std::move(sub);
    return p;
  }

 private:
  void check_index(index_t k) const {
    if (k < 0 || k >= table_.size()) {
      throw index_error(
          fmt::format("prior: profile index {} is outside [0, {})", k, table_.size()));
    }
  }
  void check_positive_marginals(const char* where) const {
    for (std::size_t i = 0; i < marginals_.size(); ++i) {
      for (index_t t = 0; t < marginals_[i].size(); ++t) {
        if (!(marginals_[i](t) > Scalar(0))) {
          throw zero_probability_error(fmt::format(
              "{}: type {} of player {} has probability zero; remove it (beliefs conditional on "
              "it are undefined)",
              where, t, i));
        }
      }
    }
  }

  type_space space_;
  vector table_;
  std::vector<vector> marginals_;
  bool independent_ = true;
};

}  // namespace mechdesign

#endif  // MECHDESIGN_CORE_PRIOR_HPP
