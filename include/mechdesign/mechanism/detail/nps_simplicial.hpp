#ifndef MECHDESIGN_MECHANISM_DETAIL_NPS_SIMPLICIAL_HPP
#define MECHDESIGN_MECHANISM_DETAIL_NPS_SIMPLICIAL_HPP

/// \file
/// \brief Internal: the simplicial stage of the neutral procedural search — approximate fixed
/// points of the price map of 003 Appendix A on the simplex of weights, by Merrill's restart
/// algorithm with vector labels.
///
/// The weights x ∈ Δ (one coordinate per type of every member, Σ x = 1) are mapped to
///   f(x) = Π_δ(x − τ e(x)),
/// where e(x) is the excess |S| U_i(μ) − Σ_{j≠i} U_i(μ_{S∖j}) − ω_i(λ, α) of the primal optimum
/// μ at λ = x (clipped at a floor) with α from its dual (the map (A.1a–c)), τ a step on the
/// scale of the utilities and Π_δ the projection onto the simplex shrunk by δ = half a mesh.
/// A fixed point has e = 0 on every type: NPS2 with equality at warranted claims. e jumps where
/// the primal optimum changes (the map is upper hemicontinuous, not continuous), so labels are
/// vectors [1; f(x) − x] and an approximate fixed point is a convex combination of the
/// vertices of a simplex whose labels average to [1; 0]; the plan it stands for mixes the
/// vertices' primal optima with the same weights.
///
/// Merrill's algorithm runs on Δ × [0, 1] triangulated by Freudenthal's triangulation in
/// cumulative coordinates z_k = N Σ_{i≤k} x_i (grid N) and the layer coordinate ℓ. The bottom
/// layer (ℓ = 0) carries the artificial labels c − x, for which the simplex containing the
/// centre c is completely labelled; lexicographic pivots follow the path of completely labelled
/// facets until one lies in the top layer. Its weights give the approximate fixed point, which
/// becomes the centre of the next run on a grid twice as fine (the restart). Every step costs at
/// most one warm primal solve (values are cached per vertex).

#include <fmt/format.h>

#include <Eigen/Core>
#include <Eigen/LU>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/mechanism/detail/nps_lp.hpp"
#include "mechdesign/mechanism/detail/nps_steps.hpp"
#include "mechdesign/mechanism/primal.hpp"

namespace mechdesign::detail {

/// One approximate fixed point: the weights, the plan mixing the vertices' optima, the grid.
struct simplicial_point {
  Eigen::VectorXd weights;      // x* ∈ Δ
  type_vectors<double> lambda;  // x* clipped at the run's floor, per member, Σ = 1
  mechanism<double> plan;       // Σ w_v μ(v)
  type_matrices<double> alpha;  // Σ w_v α(v)
  long grid = 0;                // N of the run that found it
};

/// What the simplicial stage produced: the approximate fixed points of successive runs and
/// the number of primal solves.
struct simplicial_path {
  std::vector<simplicial_point> points;
  int evaluations = 0;
  std::string message;  // why it stopped early, if it did
};

// Euclidean projection of y onto {x : x ≥ δ, Σ x = 1} (δ·size < 1).
inline Eigen::VectorXd project_to_shrunk_simplex(const Eigen::VectorXd& y, double delta) {
  const index_t m = y.size();
  const double mass = 1.0 - delta * static_cast<double>(m);
  Eigen::VectorXd v = y.array() - delta;
  std::vector<double> sorted(v.data(), v.data() + m);
  std::sort(sorted.begin(), sorted.end(), std::greater<double>());
  double partial = 0.0, theta = 0.0;
  for (index_t j = 0; j < m; ++j) {
    partial += sorted[static_cast<std::size_t>(j)];
    const double t = (partial - mass) / static_cast<double>(j + 1);
    if (sorted[static_cast<std::size_t>(j)] - t > 0.0) theta = t;
  }
  return (v.array() - theta).max(0.0) + delta;
}

// The weights x ∈ Δ per member, clipped at \p floor and renormalised (λ > 0 for the warrant
// equations).
inline type_vectors<double> clipped_weights(const nps_context& c, const Eigen::VectorXd& x,
                                            double floor) {
  type_vectors<double> lambda;
  index_t offset = 0;
  double total = 0.0;
  for (int k = 0; k < c.n; ++k) {
    const index_t nk = c.g.num_types(k);
    Eigen::VectorXd l = x.segment(offset, nk).cwiseMax(floor);
    total += l.sum();
    lambda.push_back(std::move(l));
    offset += nk;
  }
  for (auto& l : lambda) l /= total;
  return lambda;
}

// The price map of one coalition: values at weights, with warm primal solves and a cache per
// grid point.
class price_map {
 public:
  explicit price_map(const nps_context& c) : c_(c), primal_(c.g, c.opt.primal) {
    tau_ = 0.25 / (static_cast<double>(c.n) * c.utility_scale);
  }

  struct value {
    Eigen::VectorXd label;  // f(x) − x
    mechanism<double> plan;
    type_matrices<double> alpha;  // the dual at x
  };

  // f(x) − x and the primal optimum at x (clipped at \p floor); nullopt if an LP failed or
  // a warrant system is singular.
  std::optional<value> at(const Eigen::VectorXd& x, double floor, double delta) {
    ++evaluations;
    const type_vectors<double> lambda = clipped_weights(c_, x, floor);
    const primal_result r = primal_.solve(lambda);
    if (!r.ok()) return std::nullopt;
    const std::optional<type_vectors<double>> e = excess(c_, r.interim, lambda, r.alpha);
    if (!e) return std::nullopt;
    Eigen::VectorXd step(x.size());
    index_t offset = 0;
    for (const auto& ei : *e) {
      step.segment(offset, ei.size()) = ei;
      offset += ei.size();
    }
    value out;
    out.label = project_to_shrunk_simplex(x - tau_ * step, delta) - x;
    out.plan = r.optimal_mechanism;
    out.alpha = r.alpha;
    return out;
  }

  int evaluations = 0;

 private:
  const nps_context& c_;
  incentive_primal primal_;
  double tau_ = 1.0;
};

// One run of Merrill's algorithm on grid \p grid from centre \p centre (in the interior of Δ);
// the approximate fixed point, or nullopt (budget, a failed evaluation, or the path leaving
// the simplex) with the reason in \p why.
inline std::optional<simplicial_point> merrill_run(const nps_context& c, price_map& map,
                                                   const Eigen::VectorXd& centre, long grid,
                                                   int budget, nps_monitor& monitor,
                                                   std::string& why) {
  const index_t m = centre.size();  // coordinates of Δ; the space Δ × [0,1] has dimension m
  const double delta = 0.5 / static_cast<double>(grid);
  const double floor = 0.25 / static_cast<double>(grid);
  using point = std::vector<long>;  // (ℓ, z_1, …, z_{m−1})
  auto weights_of = [&](const point& v) {
    Eigen::VectorXd x(m);
    long previous = 0;
    for (index_t k = 1; k < m; ++k) {
      x(k - 1) = static_cast<double>(v[static_cast<std::size_t>(k)] - previous);
      previous = v[static_cast<std::size_t>(k)];
    }
    x(m - 1) = static_cast<double>(grid - previous);
    return Eigen::VectorXd(x / static_cast<double>(grid));
  };
  auto inside = [&](const point& v) {
    if (v[0] < 0 || v[0] > 1) return false;
    long previous = 0;
    for (index_t k = 1; k < m; ++k) {
      if (v[static_cast<std::size_t>(k)] < previous) return false;
      previous = v[static_cast<std::size_t>(k)];
    }
    return previous <= grid;
  };
  std::map<point, price_map::value> cache;
  bool failed = false;
  // label [1; g_1..g_{m−1}]; g = c − x on the bottom layer, f(x) − x on the top one
  auto label = [&](const point& v) -> Eigen::VectorXd {
    Eigen::VectorXd out(m);
    out(0) = 1.0;
    const Eigen::VectorXd x = weights_of(v);
    Eigen::VectorXd g;
    if (v[0] == 0) {
      g = centre - x;
    } else {
      auto it = cache.find(v);
      if (it == cache.end()) {
        std::optional<price_map::value> val = map.at(x, floor, delta);
        if (!val) {
          failed = true;
          return out.setZero();
        }
        it = cache.emplace(v, std::move(*val)).first;
      }
      g = it->second.label;
    }
    out.tail(m - 1) = g.head(m - 1);
    return out;
  };
  // the start simplex: base (0, ⌊ζ⌋), the z coordinates by decreasing fractional part, ℓ last
  point base(static_cast<std::size_t>(m), 0);
  std::vector<double> fraction(static_cast<std::size_t>(m), 0.0);
  double cumulative = 0.0;
  for (index_t k = 1; k < m; ++k) {
    cumulative += centre(k - 1) * static_cast<double>(grid);
    const double whole = std::floor(cumulative);
    base[static_cast<std::size_t>(k)] = static_cast<long>(whole);
    fraction[static_cast<std::size_t>(k)] = cumulative - whole;
  }
  std::vector<int> perm;
  for (int k = 1; k < m; ++k) perm.push_back(k);
  std::stable_sort(perm.begin(), perm.end(), [&](int a, int b) {
    return fraction[static_cast<std::size_t>(a)] > fraction[static_cast<std::size_t>(b)];
  });
  perm.push_back(0);
  auto vertices = [&](const point& b, const std::vector<int>& p) {
    std::vector<point> out{b};
    for (int k : p) {
      point v = out.back();
      ++v[static_cast<std::size_t>(k)];
      out.push_back(std::move(v));
    }
    return out;
  };
  std::vector<point> simplex = vertices(base, perm);
  // facet: the bottom vertices 0..m−1; entering: vertex m
  std::vector<point> facet(simplex.begin(), simplex.end() - 1);
  point entering = simplex.back();
  Eigen::MatrixXd labels(m, m);
  for (index_t j = 0; j < m; ++j) labels.col(j) = label(facet[static_cast<std::size_t>(j)]);
  Eigen::FullPivLU<Eigen::MatrixXd> lu(labels);
  if (!lu.isInvertible()) {
    why = "the start simplex is degenerate";
    return std::nullopt;
  }
  Eigen::MatrixXd inverse = lu.inverse();
  const int start_evaluations = map.evaluations;
  // every pivot that needs no evaluation enters a bottom vertex; the lexicographic rule never
  // cycles, and this cap only guards against rounding making it do so
  const long pivot_cap = 64L * (static_cast<long>(budget) + 1) * static_cast<long>(m);
  for (long pivots = 0;; ++pivots) {
    if (map.evaluations - start_evaluations > budget) {
      why = "evaluation budget";
      return std::nullopt;
    }
    if (pivots > pivot_cap) {
      why = "pivot limit (the path cycles)";
      return std::nullopt;
    }
    const Eigen::VectorXd a = label(entering);
    if (failed) {
      why = "an evaluation failed (LP or singular warrant system)";
      return std::nullopt;
    }
    // lexicographic ratio test on the rows of [w | B⁻¹] over the rows with y > 0
    const Eigen::VectorXd y = inverse * a;
    const Eigen::VectorXd w = inverse.col(0);
    int leave = -1;
    const double eps = 1e-12;
    for (index_t i = 0; i < m; ++i) {
      if (y(i) <= eps) continue;
      if (leave < 0) {
        leave = static_cast<int>(i);
        continue;
      }
      const index_t r = leave;
      int verdict = 0;  // < 0: i is smaller
      const double di = w(i) / y(i), dr = w(r) / y(r);
      if (di < dr - eps * (1.0 + std::abs(dr)))
        verdict = -1;
      else if (di > dr + eps * (1.0 + std::abs(dr)))
        verdict = 1;
      for (index_t col = 0; verdict == 0 && col < m; ++col) {
        const double ci = inverse(i, col) / y(i), cr = inverse(r, col) / y(r);
        if (ci < cr - eps * (1.0 + std::abs(cr)))
          verdict = -1;
        else if (ci > cr + eps * (1.0 + std::abs(cr)))
          verdict = 1;
      }
      if (verdict < 0) leave = static_cast<int>(i);
    }
    if (leave < 0) {
      why = "no pivot (the labels are degenerate)";
      return std::nullopt;
    }
    // the simplex (facet + entering) loses vertex `leave`
    const point leaving = facet[static_cast<std::size_t>(leave)];
    facet[static_cast<std::size_t>(leave)] = entering;
    labels.col(leave) = a;
    // rank-one update of the inverse (column `leave` replaced by a)
    const Eigen::RowVectorXd pivot_row = inverse.row(leave) / y(leave);
    for (index_t i = 0; i < m; ++i) {
      if (i != leave) inverse.row(i) -= y(i) * pivot_row;
    }
    inverse.row(leave) = pivot_row;
    bool top = true;
    for (const auto& v : facet) top = top && v[0] == 1;
    if (top) {
      const Eigen::VectorXd weights = (inverse.col(0)).cwiseMax(0.0);
      simplicial_point out;
      out.grid = grid;
      out.weights = Eigen::VectorXd::Zero(m);
      const double total = weights.sum();
      for (index_t j = 0; j < m; ++j) {
        const double wj = weights(j) / total;
        const point& v = facet[static_cast<std::size_t>(j)];
        out.weights += wj * weights_of(v);
        const auto& plan = cache.at(v).plan;
        const auto& alpha = cache.at(v).alpha;
        if (j == 0) {
          out.alpha = alpha;
          for (auto& a : out.alpha) a *= wj;
        } else {
          for (std::size_t k = 0; k < alpha.size(); ++k) out.alpha[k] += wj * alpha[k];
        }
        if (j == 0) {
          out.plan = plan;
          out.plan.probabilities *= wj;
          if (c.g.money()) out.plan.transfers *= wj;
        } else {
          out.plan.probabilities += wj * plan.probabilities;
          if (c.g.money()) out.plan.transfers += wj * plan.transfers;
        }
      }
      out.lambda = clipped_weights(c, out.weights, floor);
      return out;
    }
    // Freudenthal pivot: replace vertex `leaving` of the simplex (base, perm)
    const std::size_t k = static_cast<std::size_t>(
        std::find(simplex.begin(), simplex.end(), leaving) - simplex.begin());
    const std::size_t dim = static_cast<std::size_t>(m);
    if (k == 0) {
      ++base[static_cast<std::size_t>(perm.front())];
      std::rotate(perm.begin(), perm.begin() + 1, perm.end());
    } else if (k == dim) {
      --base[static_cast<std::size_t>(perm.back())];
      std::rotate(perm.rbegin(), perm.rbegin() + 1, perm.rend());
    } else {
      std::swap(perm[k - 1], perm[k]);
    }
    simplex = vertices(base, perm);
    entering.clear();
    for (const auto& v : simplex) {
      if (!inside(v)) {
        why = "the path left the simplex";
        return std::nullopt;
      }
      if (std::find(facet.begin(), facet.end(), v) == facet.end()) entering = v;
    }
    if (!monitor.proceed("simplicial", static_cast<double>(grid))) {
      why = "stopped";
      return std::nullopt;
    }
  }
}

// Merrill's restart algorithm: runs on grids m + 1, 2(m + 1), 4(m + 1), … each centred at the
// previous run's fixed point, until \p accept says a point is good enough, the budget of
// primal solves runs out, or a run fails.
template <class Accept>
simplicial_path simplicial_stage(const nps_context& c, nps_monitor& monitor, Accept&& accept) {
  simplicial_path out;
  const index_t m = c.num_types_total;
  price_map map(c);
  Eigen::VectorXd centre = Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(m));
  long grid = static_cast<long>(m) + 1;
  const int budget = c.opt.simplicial_evaluations;
  while (map.evaluations < budget && grid < (1L << 40)) {
    std::string why;
    std::optional<simplicial_point> p =
        merrill_run(c, map, centre, grid, budget - map.evaluations, monitor, why);
    if (!p) {
      out.message = fmt::format("the run on grid {} ended: {}", grid, why);
      break;
    }
    // the next centre: the fixed point, kept off the grid's faces
    centre = 0.999 * p->weights + Eigen::VectorXd::Constant(m, 0.001 / static_cast<double>(m));
    out.points.push_back(std::move(*p));
    if (accept(out.points.back())) break;
    grid *= 2;
  }
  out.evaluations = map.evaluations;
  return out;
}

}  // namespace mechdesign::detail

#endif  // MECHDESIGN_MECHANISM_DETAIL_NPS_SIMPLICIAL_HPP
