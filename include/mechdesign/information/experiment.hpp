#ifndef MECHDESIGN_INFORMATION_EXPERIMENT_HPP
#define MECHDESIGN_INFORMATION_EXPERIMENT_HPP

/// \file
/// \brief The information layer's one experiment type: a Blackwell experiment (an information
/// structure, a direct communication rule) as a row-stochastic matrix π(s|ω), |Ω| × |S|, with
/// its validation, signal probabilities and posteriors. Shared by multi-agent persuasion
/// (000_b82d6ff4761a0a82.txt §2: information structures, signals = recommended actions) and
/// selling information (004_7f70667d8c91100b.txt §3, Proposition 3.2: direct rules, signals =
/// recommended actions).
///
/// Orientation, everywhere in the library: row ω is the distribution π(·|ω) of signals in state
/// ω, so entry (ω, s) = P(signal s | state ω). Payoff tables stay |A| × |Ω| (row a: u(a, ·)).

#include <fmt/format.h>

#include <Eigen/Core>
#include <string>

#include "mechdesign/core/error.hpp"
#include "mechdesign/core/types.hpp"
#include "mechdesign/core/validate.hpp"

namespace mechdesign::information {

/// \brief π(s|ω) as a |Ω| × |S| row-stochastic matrix: row ω is the distribution of signals in
/// state ω (000 §2, 004 Proposition 3.2).
using experiment = Eigen::MatrixXd;

/// \brief Throws unless \p pi is a \p states × \p signals row-stochastic matrix (every row a
/// probability vector within \p tol) (000 §2, 004 Definition 3.1).
/// \param pi the matrix to check (finite entries).
/// \param states, signals the expected shape |Ω| × |S|, each ≥ 1.
/// \param where the public function or type being called, printed first in the message.
/// \param tol in [0, 1].
/// \throws dimension_error (shape), non_finite_error, distribution_error (a row is not a
///         distribution), invalid_argument (tol out of range).
inline void validate_experiment(const Eigen::Ref<const Eigen::MatrixXd>& pi, index_t states,
                                index_t signals, const std::string& where, double tol = 1e-9) {
  if (pi.rows() != states || pi.cols() != signals) {
    throw dimension_error(
        fmt::format("{}: the experiment is {}x{}, expected {}x{} (states x signals)", where,
                    pi.rows(), pi.cols(), states, signals));
  }
  mechdesign::detail::require_tolerance(tol, "the tolerance", where);
  for (index_t w = 0; w < states; ++w) {
    mechdesign::detail::require_distribution(pi.row(w).transpose(), signals,
                                             fmt::format("experiment row {}", w), where, tol);
  }
}

/// \brief P(s) = Σ_ω β(ω) π(s|ω) for every signal under the belief \p belief (000 Lemma 4).
/// \param pi an |Ω| × |S| experiment (not re-validated).
/// \param belief a distribution over Ω (|Ω| entries).
/// \throws dimension_error if the sizes disagree.
inline Eigen::VectorXd signal_probabilities(const Eigen::Ref<const Eigen::MatrixXd>& pi,
                                            const Eigen::Ref<const Eigen::VectorXd>& belief) {
  mechdesign::detail::require_size(belief.size(), pi.rows(), "the belief",
                                   "information::signal_probabilities");
  return pi.transpose() * belief;
}

/// \brief The posterior β(·|s) after signal \p s, by Bayes' rule (000 §2).
/// \param pi an |Ω| × |S| experiment (not re-validated).
/// \param belief a distribution over Ω (|Ω| entries).
/// \param s the signal, 0 ≤ s < |S|.
/// \throws dimension_error, index_error, zero_probability_error if s has probability 0.
inline Eigen::VectorXd signal_posterior(const Eigen::Ref<const Eigen::MatrixXd>& pi,
                                        const Eigen::Ref<const Eigen::VectorXd>& belief,
                                        index_t s) {
  const char* where = "information::signal_posterior";
  mechdesign::detail::require_size(belief.size(), pi.rows(), "the belief", where);
  mechdesign::detail::require_index(s, pi.cols(), "the signal", where);
  const Eigen::VectorXd joint = pi.col(s).cwiseProduct(belief);
  const double mass = joint.sum();
  if (!(mass > 0.0)) {
    throw zero_probability_error(
        fmt::format("{}: signal {} is never sent, so it has no posterior", where, s));
  }
  return joint / mass;
}

}  // namespace mechdesign::information

#endif  // MECHDESIGN_INFORMATION_EXPERIMENT_HPP
