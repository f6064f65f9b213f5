#ifndef MECHDESIGN_CORE_DETAIL_LINEAR_ALGEBRA_HPP
#define MECHDESIGN_CORE_DETAIL_LINEAR_ALGEBRA_HPP

/// \file
/// \brief Internal: the few dense kernels the library needs beyond products, written as plain
/// loops so that a header including them does not instantiate Eigen's decompositions (which cost
/// seconds of compile time in every translation unit that includes the umbrella header).
///
/// - symmetric_eigenvalues(): cyclic Jacobi rotations. Jacobi is the most accurate method for
///   the eigenvalues of a symmetric matrix (small eigenvalues keep relative accuracy when the
///   matrix is well scaled, Demmel–Veselić 1992), and it is O(n³) per sweep with typically 6–10
///   sweeps: meant for the moderate sizes of this library (covariances of 2n + 1 variables).
/// - pseudo_inverse_form_2x2(): gᵀ S⁺ g for a symmetric 2×2 S, from its closed-form
///   eigen-decomposition, treating eigenvalues below 4ε·λ_max as zero.
/// - solve_full_pivot(): Gaussian elimination with complete pivoting and a rank test.

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "mechdesign/core/types.hpp"

namespace mechdesign::detail {

/// Eigenvalues (ascending) of the symmetric matrix \p a (only its values are read; a is
/// symmetrised first) by cyclic Jacobi sweeps until the off-diagonal mass is below ε² of the
/// total, or 100 sweeps.
inline Eigen::VectorXd symmetric_eigenvalues(const Eigen::MatrixXd& input) {
  const index_t n = input.rows();
  Eigen::MatrixXd a = 0.5 * (input + input.transpose());
  constexpr double eps = std::numeric_limits<double>::epsilon();
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0.0;
    for (index_t q = 1; q < n; ++q) {
      for (index_t p = 0; p < q; ++p) off += a(p, q) * a(p, q);
    }
    if (!(off > eps * eps * a.squaredNorm())) break;
    for (index_t p = 0; p + 1 < n; ++p) {
      for (index_t q = p + 1; q < n; ++q) {
        const double apq = a(p, q);
        if (apq == 0.0) continue;
        const double theta = (a(q, q) - a(p, p)) / (2.0 * apq);
        // t = tan of the rotation angle, the smaller root of t² + 2θt − 1 = 0
        const double t =
            std::abs(theta) > 1e150
                ? 0.5 / theta
                : std::copysign(1.0, theta) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
        const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
        for (index_t k = 0; k < n; ++k) {  // columns p, q: A ← A J
          const double akp = a(k, p), akq = a(k, q);
          a(k, p) = c * akp - s * akq;
          a(k, q) = s * akp + c * akq;
        }
        for (index_t k = 0; k < n; ++k) {  // rows p, q: A ← Jᵀ A
          const double apk = a(p, k), aqk = a(q, k);
          a(p, k) = c * apk - s * aqk;
          a(q, k) = s * apk + c * aqk;
        }
        a(p, q) = a(q, p) = 0.0;
      }
    }
  }
  Eigen::VectorXd values = a.diagonal();
  std::sort(values.data(), values.data() + values.size());
  return values;
}

/// gᵀ S⁺ g for the symmetric 2×2 matrix S = [s00 s01; s01 s11] (Moore–Penrose inverse;
/// eigenvalues at or below 4ε·max|λ| count as zero).
inline double pseudo_inverse_form_2x2(double s00, double s01, double s11, double g0, double g1) {
  const double mean = 0.5 * (s00 + s11);
  const double radius = std::hypot(0.5 * (s00 - s11), s01);
  const double l1 = mean + radius;  // the larger eigenvalue
  const double l2 = l1 != 0.0 ? (s00 * s11 - s01 * s01) / l1 : mean - radius;
  const double threshold =
      4.0 * std::numeric_limits<double>::epsilon() * std::max(std::abs(l1), std::abs(l2));
  // unit eigenvector of l1: the longer of the two columns of S − l2·I (both are multiples of it)
  double v0 = s00 - l2, v1 = s01;
  if (std::hypot(s01, s11 - l2) > std::hypot(v0, v1)) {
    v0 = s01;
    v1 = s11 - l2;
  }
  const double norm = std::hypot(v0, v1);
  if (norm == 0.0) {  // S is a multiple of the identity
    return std::abs(mean) > threshold ? (g0 * g0 + g1 * g1) / mean : 0.0;
  }
  v0 /= norm;
  v1 /= norm;
  const double p1 = v0 * g0 + v1 * g1, p2 = -v1 * g0 + v0 * g1;
  double form = 0.0;
  if (std::abs(l1) > threshold) form += p1 * p1 / l1;
  if (std::abs(l2) > threshold) form += p2 * p2 / l2;
  return form;
}

/// The solution of a x = b (one column of x per column of b) by Gaussian elimination with
/// complete pivoting, with the numerical rank of the square matrix a (pivots at or below
/// n·ε·|largest pivot| count as zero). x is meaningful only when rank == n (x = 0 otherwise).
struct full_pivot_solution {
  Eigen::MatrixXd x;
  index_t rank = 0;
};

inline full_pivot_solution solve_full_pivot(Eigen::MatrixXd a, Eigen::MatrixXd b) {
  const index_t n = a.rows();
  std::vector<index_t> col(static_cast<std::size_t>(n));
  for (index_t k = 0; k < n; ++k) col[static_cast<std::size_t>(k)] = k;
  full_pivot_solution out;
  double first_pivot = 0.0;
  for (index_t k = 0; k < n; ++k) {
    index_t pr = k, pc = k;
    double best = -1.0;
    for (index_t c = k; c < n; ++c) {
      for (index_t r = k; r < n; ++r) {
        if (std::abs(a(r, c)) > best) {
          best = std::abs(a(r, c));
          pr = r;
          pc = c;
        }
      }
    }
    if (k == 0) first_pivot = best;
    if (!(best > static_cast<double>(n) * std::numeric_limits<double>::epsilon() * first_pivot)) {
      break;
    }
    a.row(k).swap(a.row(pr));
    b.row(k).swap(b.row(pr));
    a.col(k).swap(a.col(pc));
    std::swap(col[static_cast<std::size_t>(k)], col[static_cast<std::size_t>(pc)]);
    for (index_t r = k + 1; r < n; ++r) {
      const double f = a(r, k) / a(k, k);
      if (f == 0.0) continue;
      for (index_t c = k; c < n; ++c) a(r, c) -= f * a(k, c);
      b.row(r) -= f * b.row(k);
    }
    ++out.rank;
  }
  out.x = Eigen::MatrixXd::Zero(n, b.cols());
  if (out.rank < n) return out;
  Eigen::MatrixXd y(n, b.cols());
  for (index_t k = n - 1; k >= 0; --k) {
    Eigen::RowVectorXd v = b.row(k);
    for (index_t c = k + 1; c < n; ++c) v -= a(k, c) * y.row(c);
    y.row(k) = v / a(k, k);
  }
  for (index_t k = 0; k < n; ++k) out.x.row(col[static_cast<std::size_t>(k)]) = y.row(k);
  return out;
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_CORE_DETAIL_LINEAR_ALGEBRA_HPP
