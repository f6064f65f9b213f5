#include <Eigen/LU>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/persuasion/bargaining_set.hpp>
#include <mechdesign/persuasion/beneficial.hpp>
#include <mechdesign/persuasion/dominance.hpp>
#include <mechdesign/persuasion/nash.hpp>
#include <random>

#include "persuasion/random_environments.hpp"

using namespace mechdesign;
using namespace mechdesign::persuasion;

namespace {

double log_product(const Eigen::VectorXd& x, const Eigen::VectorXd& d, const Eigen::VectorXd& a) {
  double f = 0.0;
  for (index_t i = 0; i < x.size(); ++i) {
    if (a(i) == 0.0) continue;
    if (!(x(i) > d(i))) return -HUGE_VAL;
    f += a(i) * std::log(x(i) - d(i));
  }
  return f;
}

// max of the weighted log product over the edges of a convex polygon (ternary search per edge):
// an independent computation of the two-agent Nash value.
double polygon_nash_value(const polygon& g, const Eigen::VectorXd& d, const Eigen::VectorXd& a) {
  double best = -HUGE_VAL;
  const std::size_t m = g.vertices.size();
  for (std::size_t k = 0; k < m; ++k) {
    const Eigen::VectorXd& p = g.vertices[k];
    const Eigen::VectorXd& q = g.vertices[(k + 1) % m];
    double lo = 0.0, hi = 1.0;
    for (int it = 0; it < 200; ++it) {
      const double m1 = lo + (hi - lo) / 3.0, m2 = hi - (hi - lo) / 3.0;
      if (log_product(p + m1 * (q - p), d, a) < log_product(p + m2 * (q - p), d, a)) {
        lo = m1;
      } else {
        hi = m2;
      }
    }
    best = std::max(best, log_product(p + 0.5 * (lo + hi) * (q - p), d, a));
    best = std::max(best, log_product(p, d, a));
  }
  return best;
}

// The largest t with d + t r on the polygon's boundary (ray from an inner point d).
double polygon_ray(const polygon& g, const Eigen::Vector2d& d, const Eigen::Vector2d& r) {
  double best = -HUGE_VAL;
  const std::size_t m = g.vertices.size();
  for (std::size_t k = 0; k < m; ++k) {
    const Eigen::Vector2d p = g.vertices[k].head<2>(), q = g.vertices[(k + 1) % m].head<2>();
    // d + t r = p + s (q - p)
    Eigen::Matrix2d A;
    A.col(0) = r;
    A.col(1) = p - q;
    if (std::abs(A.determinant()) < 1e-14) continue;
    const Eigen::Vector2d ts = A.inverse() * (p - d);
    if (ts(1) >= -1e-12 && ts(1) <= 1.0 + 1e-12) best = std::max(best, ts(0));
  }
  return best;
}

}  // namespace

TEST_CASE(
    "persuasion: electoral campaign: Nash, KS and egalitarian solutions are the symmetric "
    "endorsement rule's (1.2, 1.2)",
    "[persuasion][bargaining_set][paper]") {
  const problem p = catalog::electoral_campaign();
  const Eigen::Vector2d d(1.1, 1.1);
  const bargaining_point e = egalitarian_solution(p, d);
  const bargaining_point ks = kalai_smorodinsky_solution(p, d);
  const nash_result nb = nash_solution(p, d, Eigen::Vector2d(0.5, 0.5));
  REQUIRE(e.ok());
  REQUIRE(ks.ok());
  REQUIRE(nb.ok());
  // the paper's 1.2 for each party (tolerance 1e-7 on payoffs)
  for (const Eigen::VectorXd& x : {e.payoffs, ks.payoffs, nb.payoffs}) {
    CHECK(x(0) == Approx(1.2).margin(1e-7));
    CHECK(x(1) == Approx(1.2).margin(1e-7));
  }
  CHECK(nb.converged);
  CHECK(nb.optimality_gap <= 1e-9);
  // every solution comes with an IC structure that attains it
  for (const auto* b : {&e, &ks, static_cast<const bargaining_point*>(&nb)}) {
    CHECK(information::check_obedience(p.receiver(), p.prior(), b->structure, 1e-9).passed);
    CHECK(ex_ante_payoffs(p, b->structure).isApprox(b->payoffs, 1e-12));
  }
  // utopia: a party's best IC structure gives it 1.6 (derived, not printed in the paper)
  const utopia_point u = utopia(p);
  REQUIRE(u.ok());
  CHECK(u.payoffs.isApprox(Eigen::Vector2d(1.6, 1.6), 1e-9));
  CHECK(ks.value == Approx(0.2).margin(1e-9));  // (1.2 - 1.1) / (1.6 - 1.1)
  // the endorsement point is Pareto efficient, full information is not
  CHECK(pareto_efficiency(p, e.payoffs).efficient);
  CHECK_FALSE(pareto_efficiency(p, d).efficient);
  // the boundary of B (Figure 1): vertices (1.6, 0.7), (1.2, 1.2), (0.7, 1.6), (1, 1)
  const polygon g = bargaining_set_boundary(p);
  REQUIRE(g.ok());
  REQUIRE(g.vertices.size() == 4);
  const std::vector<Eigen::Vector2d> expected = {{1.6, 0.7}, {1.2, 1.2}, {0.7, 1.6}, {1.0, 1.0}};
  for (const auto& v : expected) {
    CHECK(std::any_of(g.vertices.begin(), g.vertices.end(),
                      [&](const Eigen::VectorXd& w) { return (w - v).norm() < 1e-9; }));
  }
  const polygon f = pareto_frontier(p);
  REQUIRE(f.ok());
  REQUIRE(f.vertices.size() == 3);
  CHECK((f.vertices.front() - Eigen::Vector2d(1.6, 0.7)).norm() < 1e-9);
  CHECK((f.vertices[1] - Eigen::Vector2d(1.2, 1.2)).norm() < 1e-9);
  CHECK((f.vertices.back() - Eigen::Vector2d(0.7, 1.6)).norm() < 1e-9);
  // an asymmetric weight moves along the efficient edge: alpha = (0.8, 0.2) gives (1.244, 1.145)
  const nash_result skew = nash_solution(p, d, Eigen::Vector2d(0.8, 0.2));
  CHECK(skew.converged);
  CHECK(skew.payoffs(0) == Approx(1.244).margin(1e-6));
  CHECK(skew.payoffs(1) == Approx(1.145).margin(1e-6));
}

TEST_CASE(
    "persuasion: two-agent Nash, KS and egalitarian solutions on random problems match the "
    "boundary polygon",
    "[persuasion][bargaining_set][random]") {
  int solved = 0;
  for (unsigned seed = 1; seed <= 24; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const problem p = seed % 2 ? persuasion_test::random_state_independent(rng, 3, 3, 2)
                               : persuasion_test::random_state_dependent(rng, 3, 3, 2);
    const Eigen::VectorXd d =
        ex_ante_payoffs(p, seed % 3 ? full_information(p) : no_information(p));
    const dominance_result dm = find_beneficial_structure(p, d);
    REQUIRE(dm.ok());
    if (!dm.beneficial || dm.surplus < 1e-4) continue;
    ++solved;
    const polygon g = bargaining_set_boundary(p);
    REQUIRE(g.ok());
    if (g.vertices.size() < 3) continue;  // B is a segment: no polygon to compare with
    // the polygon is convex and counter-clockwise, and every vertex is a point of B
    for (std::size_t k = 0; k < g.vertices.size(); ++k) {
      const auto& a = g.vertices[k];
      const auto& b = g.vertices[(k + 1) % g.vertices.size()];
      const auto& c = g.vertices[(k + 2) % g.vertices.size()];
      CHECK((b(0) - a(0)) * (c(1) - a(1)) - (b(1) - a(1)) * (c(0) - a(0)) > -1e-9);
      CHECK(information::check_obedience(p.receiver(), p.prior(), g.structures[k], 1e-9).passed);
      CHECK(ex_ante_payoffs(p, g.structures[k]).isApprox(a, 1e-9));
    }
    const double w = persuasion_test::uniform(rng, 0.1, 0.9);
    const Eigen::Vector2d alpha(w, 1.0 - w);
    const nash_result nb = nash_solution(p, d, alpha);
    REQUIRE(nb.ok());
    CHECK(nb.converged);
    CHECK(nb.log_product == Approx(polygon_nash_value(g, d, alpha)).margin(1e-7));
    CHECK(information::check_obedience(p.receiver(), p.prior(), nb.structure, 1e-9).passed);
    // the certificate is honest: no point of B beats the upper bound
    for (const auto& v : g.vertices) CHECK(log_product(v, d, alpha) <= nb.upper_bound + 1e-12);
    const bargaining_point e = egalitarian_solution(p, d);
    REQUIRE(e.ok());
    CHECK(e.value == Approx(polygon_ray(g, d, Eigen::Vector2d(1, 1))).margin(1e-7));
    CHECK(e.payoffs(0) - d(0) == Approx(e.payoffs(1) - d(1)).margin(1e-9));
    const bargaining_point ks = kalai_smorodinsky_solution(p, d);
    REQUIRE(ks.ok());
    const utopia_point u = utopia(p);
    const Eigen::Vector2d r = u.payoffs - d;
    CHECK(ks.value == Approx(polygon_ray(g, d, r)).margin(1e-7));
    // with two agents the KS point is Pareto efficient
    CHECK(pareto_efficiency(p, ks.payoffs, 1e-7).efficient);
    // KS gains are proportional to utopia gains
    CHECK((ks.payoffs(0) - d(0)) * r(1) == Approx((ks.payoffs(1) - d(1)) * r(0)).margin(1e-9));
  }
  CHECK(solved >= 8);
}

TEST_CASE("persuasion: Nash solutions for three agents: certified gap and first-order optimality",
          "[persuasion][bargaining_set][random]") {
  int solved = 0;
  for (unsigned seed = 50; seed < 90 && solved < 8; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const problem p = persuasion_test::random_state_dependent(rng, 3, 4, 3);
    const Eigen::VectorXd d = ex_ante_payoffs(p, no_information(p));
    if (!find_beneficial_structure(p, d).beneficial) continue;
    ++solved;
    const Eigen::VectorXd alpha = persuasion_test::random_prior(rng, 3);
    const nash_result nb = nash_solution(p, d, alpha);
    REQUIRE(nb.ok());
    CHECK(nb.converged);
    CHECK(nb.optimality_gap <= 1e-9);
    CHECK(nb.upper_bound >= nb.log_product);
    // no support point of B improves the product along the segment from the solution
    for (int k = 0; k < 10; ++k) {
      Eigen::VectorXd w(3);
      for (int i = 0; i < 3; ++i) w(i) = persuasion_test::uniform(rng, -1.0, 1.0);
      const bargaining_point q = support_point(p, w);
      for (double t : {1e-3, 1e-2, 0.1, 0.5, 1.0}) {
        CHECK(log_product(nb.payoffs + t * (q.payoffs - nb.payoffs), d, alpha) <=
              nb.log_product + 1e-9);
      }
    }
  }
  CHECK(solved >= 4);
}

TEST_CASE("persuasion: bargaining solutions reject bad input", "[persuasion][bargaining_set]") {
  const problem p = catalog::electoral_campaign();
  CHECK_THROWS_AS(nash_solution(p, Eigen::Vector2d(1, 1), Eigen::Vector2d(0.7, 0.7)),
                  distribution_error);
  CHECK_THROWS_AS(egalitarian_solution(p, Eigen::Vector3d(1, 1, 1)), dimension_error);
  CHECK_THROWS_AS(bargaining_set_boundary(catalog::three_parties()), mechdesign::invalid_argument);
  // against d above B's frontier there is no Nash solution (status, not a throw)
  const nash_result none = nash_solution(p, Eigen::Vector2d(1.3, 1.3), Eigen::Vector2d(0.5, 0.5));
  CHECK_FALSE(none.ok());
  CHECK(none.status == mechdesign::status::infeasible);
  CHECK_FALSE(none.beneficial);
  // Out of iterations before the certified gap closes: iteration_limit, not success.
  nash_options few;
  few.max_iterations = 1;
  few.gap_tolerance = 0.0;
  const nash_result cut =
      nash_solution(p, Eigen::Vector2d(1.0, 1.0), Eigen::Vector2d(0.3, 0.7), few);
  CHECK(cut.ok() == cut.converged);
  CHECK(cut.status ==
        (cut.converged ? mechdesign::status::success : mechdesign::status::iteration_limit));
  CHECK(cut.payoffs.size() == 2);
}

TEST_CASE(
    "persuasion: with three agents the Kalai-Smorodinsky point can be strictly Pareto "
    "dominated in B (erratum)",
    "[persuasion][bargaining_set][erratum]") {
  // 000 §4 says the KS solution is Pareto efficient for every informational bargaining problem.
  // B need not be d-comprehensive, and with three agents the segment from d towards the utopia
  // point can leave B at d itself while B contains points strictly better for everyone.
  Eigen::Matrix3d ur, u0, u1, u2;
  ur << 0.3, 0.1, 0.7, 0.6, 0.7, 0.4, 0.2, 0.3, 0.1;  // rows actions, columns states
  u0 << 1.0, 0.9, -0.7, 1.0, -0.5, -0.2, -0.2, 0.3, 0.9;
  u1 << 0.7, -0.4, 0.0, -0.1, -0.5, 0.1, 0.8, -0.1, -0.1;
  u2 << 0.9, 0.6, 0.4, 0.6, -0.8, 0.0, 0.7, 0.7, 0.7;
  const problem p(Eigen::Vector3d(0.6, 0.34, 0.06), ur, {u0, u1, u2});
  const information_structure none = no_information(p);
  CHECK(none.col(1).isOnes());
  const Eigen::VectorXd d = ex_ante_payoffs(p, none);
  CHECK(d.isApprox(Eigen::Vector3d(0.418, -0.224, 0.088), 1e-12));
  const utopia_point u = utopia(p);
  REQUIRE(u.ok());
  CHECK((u.payoffs - d).minCoeff() > 0.01);  // every agent can gain on its own
  const bargaining_point ks = kalai_smorodinsky_solution(p, d);
  REQUIRE(ks.ok());
  CHECK(std::abs(ks.value) <= 1e-9);  // the KS point is d
  const dominance_result better = find_beneficial_structure(p, ks.payoffs);
  REQUIRE(better.ok());
  CHECK(better.surplus > 0.004);  // 0.00476: every agent gains at least this much
  CHECK(information::check_obedience(p.receiver(), p.prior(), better.structure, 1e-9).passed);
  CHECK((ex_ante_payoffs(p, better.structure) - ks.payoffs).minCoeff() > 0.004);
  CHECK_FALSE(pareto_efficiency(p, ks.payoffs).efficient);
}

TEST_CASE("optimal_signal: Kamenica-Gentzkow's prosecutor convicts with probability 0.6",
          "[persuasion][bargaining_set][textbook]") {
  // states (innocent, guilty) with prior (0.7, 0.3); the judge convicts iff P(guilty) >= 1/2;
  // the prosecutor wants a conviction whatever the state
  const Eigen::Vector2d prior(0.7, 0.3);
  Eigen::Matrix2d judge;
  judge << 1.0, 0.0,  // acquit
      0.0, 1.0;       // convict
  const auto p =
      mechdesign::persuasion::problem::state_independent(prior, judge, Eigen::Vector2d(0.0, 1.0));
  const auto best = mechdesign::persuasion::optimal_signal(p);
  REQUIRE(best.ok());
  CHECK(best.payoffs(0) == Approx(0.6).margin(1e-9));
  // the signal: always "convict" when guilty, and with probability 3/7 when innocent
  CHECK(best.structure(1, 1) == Approx(1.0).margin(1e-9));
  CHECK(best.structure(0, 1) == Approx(3.0 / 7.0).margin(1e-9));
  CHECK_THROWS_AS(mechdesign::persuasion::optimal_signal(p, 1), mechdesign::index_error);
  try {
    (void)mechdesign::persuasion::support_point(p, Eigen::Vector2d(1.0, 1.0));
    FAIL("a weight vector of the wrong length was accepted");
  } catch (const mechdesign::dimension_error& e) {
    CHECK(std::string(e.what()).find("the weights") != std::string::npos);
  }
}
