// The dense kernels of core/detail/linear_algebra.hpp against Eigen's decompositions (which only
// this test pays to compile).
#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <Eigen/QR>
#include <catch2/catch.hpp>
#include <mechdesign/core/detail/linear_algebra.hpp>
#include <random>

using mechdesign::index_t;
namespace detail = mechdesign::detail;

TEST_CASE("symmetric_eigenvalues agrees with Eigen's self-adjoint solver", "[core][linalg]") {
  std::mt19937 rng(20261202);
  std::normal_distribution<double> normal;
  for (int n : {1, 2, 3, 5, 9, 17, 31}) {
    for (int rep = 0; rep < 5; ++rep) {
      Eigen::MatrixXd b(n, n);
      for (index_t i = 0; i < n; ++i) {
        for (index_t k = 0; k < n; ++k) b(i, k) = normal(rng);
      }
      // rep 0..2: general symmetric; rep 3..4: PSD of rank n/2 (a covariance with zero modes)
      Eigen::MatrixXd a =
          rep < 3 ? Eigen::MatrixXd(b + b.transpose())
                  : Eigen::MatrixXd(b.leftCols((n + 1) / 2) * b.leftCols((n + 1) / 2).transpose());
      const Eigen::VectorXd mine = detail::symmetric_eigenvalues(a);
      const Eigen::VectorXd ref = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(a).eigenvalues();
      INFO("n = " << n << ", rep = " << rep);
      CHECK((mine - ref).cwiseAbs().maxCoeff() <= 1e-12 * (1.0 + ref.cwiseAbs().maxCoeff()));
    }
  }
  SECTION("diagonal and zero matrices are returned sorted, unchanged") {
    Eigen::MatrixXd d = Eigen::Vector3d(3.0, -1.0, 2.0).asDiagonal();
    CHECK(detail::symmetric_eigenvalues(d).isApprox(Eigen::Vector3d(-1.0, 2.0, 3.0)));
    CHECK(detail::symmetric_eigenvalues(Eigen::MatrixXd::Zero(4, 4)).isZero());
  }
}

TEST_CASE("pseudo_inverse_form_2x2 agrees with a complete orthogonal decomposition",
          "[core][linalg]") {
  std::mt19937 rng(7);
  std::normal_distribution<double> normal;
  for (int rep = 0; rep < 200; ++rep) {
    Eigen::Matrix2d b;
    b << normal(rng), normal(rng), normal(rng), normal(rng);
    Eigen::Matrix2d s = rep % 3 == 0 ? Eigen::Matrix2d(b.col(0) * b.col(0).transpose())  // rank 1
                                     : Eigen::Matrix2d(b * b.transpose());
    // a g in the range of S for the rank-1 case, arbitrary otherwise
    const Eigen::Vector2d g =
        rep % 3 == 0 ? Eigen::Vector2d(normal(rng) * b.col(0)) : Eigen::Vector2d::Random();
    const double mine = detail::pseudo_inverse_form_2x2(s(0, 0), s(0, 1), s(1, 1), g(0), g(1));
    const double ref = g.dot(s.completeOrthogonalDecomposition().solve(g));
    INFO("rep = " << rep);
    CHECK(mine == Approx(ref).epsilon(1e-8).margin(1e-10));
  }
  SECTION("edge cases") {
    CHECK(detail::pseudo_inverse_form_2x2(0, 0, 0, 1, 2) == 0.0);          // S = 0
    CHECK(detail::pseudo_inverse_form_2x2(2, 0, 2, 1, 1) == Approx(1.0));  // S = 2I
    CHECK(detail::pseudo_inverse_form_2x2(4, 0, 0, 2, 5) == Approx(1.0));  // diag(4, 0)
    CHECK(detail::pseudo_inverse_form_2x2(1, 1, 1, 1, 1) == Approx(1.0));  // [1 1; 1 1]
  }
}

TEST_CASE("solve_full_pivot agrees with Eigen's FullPivLU, rank included", "[core][linalg]") {
  std::mt19937 rng(11);
  std::normal_distribution<double> normal;
  for (int n : {1, 2, 4, 8, 15}) {
    Eigen::MatrixXd a(n, n), b(n, 3);
    for (index_t i = 0; i < n; ++i) {
      for (index_t k = 0; k < n; ++k) a(i, k) = normal(rng);
      for (index_t k = 0; k < 3; ++k) b(i, k) = normal(rng);
    }
    const auto mine = detail::solve_full_pivot(a, b);
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
    CHECK(mine.rank == lu.rank());
    CHECK((a * mine.x - b).cwiseAbs().maxCoeff() <= 1e-10 * (1.0 + b.cwiseAbs().maxCoeff()));
    if (n >= 2) {  // make it singular: the last row a copy of the first
      a.row(n - 1) = a.row(0);
      const auto singular = detail::solve_full_pivot(a, b);
      CHECK(singular.rank == Eigen::FullPivLU<Eigen::MatrixXd>(a).rank());
      CHECK(singular.rank == n - 1);
    }
  }
}
