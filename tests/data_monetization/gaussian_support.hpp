// Test helpers for pricing/gaussian: a Monte Carlo sampler of a Gaussian mechanism built from its
// joint law only (general conditioning, not the symmetric formulas), running means with standard
// errors, and a brute-force maximiser over the obedient parameters (b, d, ρ) that does not use the
// closed forms of the optimal mechanisms.
#ifndef MECHDESIGN_TESTS_GAUSSIAN_SUPPORT_HPP
#define MECHDESIGN_TESTS_GAUSSIAN_SUPPORT_HPP

#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <mechdesign/data_monetization/mechanism.hpp>
#include <random>
#include <vector>

namespace gaussian_test {

using namespace mechdesign::data_monetization;

// The Cournot and Bertrand instances most tests share: E[α] = 2, E[c] = 0.5.
inline cournot reference_cournot(int firms = 3, double substitution = 0.5,
                                 double cost_variance = 0.5) {
  cournot cn;
  cn.firms = firms;
  cn.substitution = substitution;
  cn.demand_mean = 2;
  cn.cost_mean = 0.5;
  cn.cost_variance = cost_variance;
  return cn;
}

inline bertrand reference_bertrand(int firms = 3, double substitution = 0.3,
                                   double cost_variance = 0.5) {
  bertrand bt;
  bt.firms = firms;
  bt.substitution = substitution;
  bt.demand_mean = 2;
  bt.cost_mean = 0.5;
  bt.cost_variance = cost_variance;
  return bt;
}

// Symmetric square root of a PSD matrix (negative rounding eigenvalues clamped).
inline Eigen::MatrixXd psd_sqrt(const Eigen::MatrixXd& m) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(0.5 * (m + m.transpose()));
  const Eigen::VectorXd ev = es.eigenvalues().cwiseMax(0.0).cwiseSqrt();
  return es.eigenvectors() * ev.asDiagonal() * es.eigenvectors().transpose();
}

// Draws (θ, t, a) of a mechanism: the fundamentals from the prior, then a | (θ, reported t) from
// the Gaussian conditional law of the joint distribution.
class sampler {
 public:
  sampler(const game& g, const joint_distribution& j, unsigned long long seed)
      : n_(g.players()), prior_(g.prior()), form_(linear_decomposition(j)), rng_(seed) {
    noise_root_ = psd_sqrt(form_.noise_covariance);
    prior_mean_.resize(n_ + 1);
    prior_mean_(0) = prior_.state_mean;
    prior_mean_.tail(n_).setConstant(prior_.type_mean);
  }
  // Fundamentals x = (θ, t_1..t_n).
  Eigen::VectorXd fundamentals() {
    Eigen::VectorXd x(n_ + 1);
    x(0) = prior_.state_mean + std::sqrt(prior_.state_variance) * z_(rng_);
    for (int i = 0; i < n_; ++i)
      x(1 + i) = prior_.type_mean + std::sqrt(prior_.type_variance) * z_(rng_);
    return x;
  }
  // Recommended actions given fundamentals (with reported types in place of the true ones).
  Eigen::VectorXd actions(const Eigen::VectorXd& reported) {
    Eigen::VectorXd e(n_);
    for (int i = 0; i < n_; ++i) e(i) = z_(rng_);
    return form_.mean_action + form_.weights * (reported - prior_mean_) + noise_root_ * e;
  }
  int players() const { return n_; }

 private:
  int n_;
  gaussian_prior prior_;
  linear_form form_;
  Eigen::MatrixXd noise_root_;
  Eigen::VectorXd prior_mean_;
  std::mt19937_64 rng_;
  std::normal_distribution<double> z_{0.0, 1.0};
};

// Running mean and standard error of the mean.
struct running_mean {
  double sum = 0, sum2 = 0;
  long count = 0;
  void add(double x) {
    sum += x;
    sum2 += x * x;
    ++count;
  }
  double mean() const { return sum / count; }
  double standard_error() const {
    const double m = mean();
    return std::sqrt(std::max(0.0, sum2 / count - m * m) / (count - 1));
  }
};

// Canonical utility u_i(a, θ, t_i) (001 eq. (2) in the library's normalisation).
inline double utility(const game& g, const Eigen::VectorXd& a, double theta, double ti, int i) {
  const double others = a.sum() - a(i);
  return a(i) * (theta + ti + g.interaction() * others) - 0.5 * a(i) * a(i);
}

struct brute_force_result {
  double value = -std::numeric_limits<double>::infinity();
  double state_weight = 0, others_type_weight = 0, noise_correlation = 0;
  symmetric_mechanism mechanism;
};

// Maximises f over obedient symmetric mechanisms by a polar grid over the ellipse times a grid of
// ρ, then a compass search; mechanisms with c < 1 are rejected when ic is set.
inline brute_force_result brute_force(const game& g,
                                      const std::function<double(const symmetric_mechanism&)>& f,
                                      bool ic) {
  const obedience_ellipse e = ellipse(g);
  const double rho_lo = -1.0 / (g.players() - 1);
  auto eval = [&](double s, double phi, double rho, symmetric_mechanism* out) {
    s = std::clamp(s, 0.0, 1.0);
    rho = std::clamp(rho, rho_lo, 1.0);
    const double b = e.state_center + s * e.state_semi_axis * std::sin(phi);
    const double d = e.others_center + s * e.others_semi_axis * std::cos(phi);
    const symmetric_mechanism x = obedient_mechanism(g, b, d, rho, 1e-9);
    if (ic && x.own_type_weight < 1.0) return -std::numeric_limits<double>::infinity();
    if (out) *out = x;
    return f(x);
  };
  double best = -std::numeric_limits<double>::infinity(), bs = 0, bp = 0, br = 0;
  const double pi = std::acos(-1.0);
  for (int is = 0; is <= 20; ++is) {
    for (int ip = 0; ip < 90; ++ip) {
      for (int ir = 0; ir <= 8; ++ir) {
        const double s = is / 20.0, phi = 2 * pi * ip / 90.0,
                     rho = rho_lo + (1 - rho_lo) * ir / 8.0;
        const double v = eval(s, phi, rho, nullptr);
        if (v > best) best = v, bs = s, bp = phi, br = rho;
      }
    }
  }
  double step_s = 0.05, step_p = 2 * pi / 90, step_r = (1 - rho_lo) / 8;
  while (step_s > 1e-12 || step_p > 1e-12) {
    bool improved = false;
    const double moves[6][3] = {{step_s, 0, 0},  {-step_s, 0, 0}, {0, step_p, 0},
                                {0, -step_p, 0}, {0, 0, step_r},  {0, 0, -step_r}};
    for (const auto& mv : moves) {
      const double s = std::clamp(bs + mv[0], 0.0, 1.0), p = bp + mv[1],
                   r = std::clamp(br + mv[2], rho_lo, 1.0);
      const double v = eval(s, p, r, nullptr);
      if (v > best) {
        best = v, bs = s, bp = p, br = r;
        improved = true;
      }
    }
    if (!improved) step_s *= 0.5, step_p *= 0.5, step_r *= 0.5;
  }
  brute_force_result out;
  out.value = eval(bs, bp, br, &out.mechanism);
  out.noise_correlation = br;
  if (ic) {
    // the IC bound c ≥ 1 is the line d = 0 inside the ellipse (b ∈ [0, 1/(1−k)]); a compass
    // search in polar coordinates cannot slide along it, so search that segment separately
    const double bmax = 2 * e.state_center;
    auto seg = [&](double b, double rho, symmetric_mechanism* o) {
      b = std::clamp(b, 0.0, bmax);
      rho = std::clamp(rho, rho_lo, 1.0);
      const symmetric_mechanism x = obedient_mechanism(g, b, 0.0, rho, 1e-9);
      if (o) *o = x;
      return f(x);
    };
    double sb = 0, sr = 0, sv = -std::numeric_limits<double>::infinity();
    for (int ib = 0; ib <= 200; ++ib) {
      for (int ir = 0; ir <= 8; ++ir) {
        const double b = bmax * ib / 200.0, rho = rho_lo + (1 - rho_lo) * ir / 8.0;
        const double v = seg(b, rho, nullptr);
        if (v > sv) sv = v, sb = b, sr = rho;
      }
    }
    double hb = bmax / 200, hr = (1 - rho_lo) / 8;
    while (hb > 1e-13) {
      bool improved = false;
      const double moves[4][2] = {{hb, 0}, {-hb, 0}, {0, hr}, {0, -hr}};
      for (const auto& mv : moves) {
        const double b = std::clamp(sb + mv[0], 0.0, bmax), r = std::clamp(sr + mv[1], rho_lo, 1.0);
        const double v = seg(b, r, nullptr);
        if (v > sv) {
          sv = v, sb = b, sr = r;
          improved = true;
        }
      }
      if (!improved) hb *= 0.5, hr *= 0.5;
    }
    if (sv > out.value) {
      out.value = seg(sb, sr, &out.mechanism);
      out.noise_correlation = sr;
    }
  }
  out.state_weight = out.mechanism.state_weight;
  out.others_type_weight = out.mechanism.others_type_weight;
  return out;
}

}  // namespace gaussian_test

#endif  // MECHDESIGN_TESTS_GAUSSIAN_SUPPORT_HPP
