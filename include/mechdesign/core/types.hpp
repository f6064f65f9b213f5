#ifndef MECHDESIGN_CORE_TYPES_HPP
#define MECHDESIGN_CORE_TYPES_HPP

/// \file
/// \brief The aliases every module shares: index_t, profile, type_vectors, type_matrices.

#include <Eigen/Core>
#include <cstddef>
#include <vector>

namespace mechdesign {

/// \brief Signed index type used throughout (Eigen's index type).
using index_t = std::ptrdiff_t;

/// \brief A type profile: one type index per player (or per coalition member).
using profile = std::vector<index_t>;

/// \brief One vector per coalition member, indexed by the member's type: weights λ_k(t_k),
/// multipliers β_k, interim utilities U_k, claims ω_k (003_c8f96a2253701fcb.txt §4-§5).
template <class Scalar = double>
using type_vectors = std::vector<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>>;

/// \brief One |T_k| × |T_k| matrix per coalition member: alpha[k](t, τ) = α_k(τ | t), the
/// multiplier of the IC constraint "type t does not report τ" (003 eq. (4.2)).
template <class Scalar = double>
using type_matrices = std::vector<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>>;

}  // namespace mechdesign

#endif  // MECHDESIGN_CORE_TYPES_HPP
