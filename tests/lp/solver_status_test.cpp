// lp::solver's certified statuses (lp/solver.hpp, lp/verify.hpp): every "infeasible" carries a
// checked Farkas ray, every "unbounded" a checked feasible point and ray, and on badly scaled
// data no status is ever wrong — it is certified correct or honestly `uncertified`.
#include <glpk.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <mechdesign/lp/solver.hpp>
#include <random>

using namespace mechdesign;
using lp::inf;

namespace {

// A reference answer from GLPK's exact rational simplex, solved cold on the same data.
struct reference {
  int status = 0;  // GLP_OPT, GLP_NOFEAS, GLP_UNBND, or -1 when glp_exact failed
  double value = 0.0;
};

reference exact_reference(const lp::model& m) {
  glp_prob* p = glp_create_prob();
  glp_set_obj_dir(p, m.sense() == lp::objective_sense::maximize ? GLP_MAX : GLP_MIN);
  glp_add_rows(p, static_cast<int>(m.num_rows()));
  glp_add_cols(p, static_cast<int>(m.num_cols()));
  auto bounds = [&](int k, double lo, double up, bool row) {
    const bool a = std::isfinite(lo), b = std::isfinite(up);
    int t = GLP_FR;
    if (a && b) {
      t = lo == up ? GLP_FX : GLP_DB;
    } else if (a) {
      t = GLP_LO;
    } else if (b) {
      t = GLP_UP;
    }
    if (row) {
      glp_set_row_bnds(p, k, t, a ? lo : 0.0, b ? up : 0.0);
    } else {
      glp_set_col_bnds(p, k, t, a ? lo : 0.0, b ? up : 0.0);
    }
  };
  for (index_t r = 0; r < m.num_rows(); ++r)
    bounds(static_cast<int>(r) + 1, m.row_lower(r), m.row_upper(r), true);
  for (index_t j = 0; j < m.num_cols(); ++j) {
    bounds(static_cast<int>(j) + 1, m.col_lower(j), m.col_upper(j), false);
    glp_set_obj_coef(p, static_cast<int>(j) + 1, m.objective(j));
  }
  const auto a = m.matrix();
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0.0};
  for (index_t r = 0; r < a.outerSize(); ++r) {
    for (lp::model::sparse_matrix::InnerIterator it(a, r); it; ++it) {
      ia.push_back(static_cast<int>(r) + 1);
      ja.push_back(static_cast<int>(it.col()) + 1);
      ar.push_back(it.value());
    }
  }
  glp_load_matrix(p, static_cast<int>(ar.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.tm_lim = 20000;
  const int rc = glp_exact(p, &parm);
  reference out{rc == 0 ? glp_get_status(p) : -1, glp_get_obj_val(p)};
  glp_delete_prob(p);
  return out;
}

// Small LPs with coefficients, objective entries and bounds spread over 1e-8 … 1e8 and a free
// column: the family on which GLPK was seen to return a "verified" x ≈ 0 far from the optimum.
lp::model badly_scaled(unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> e(-8.0, 8.0), v(-1.0, 1.0);
  const int n = 3 + static_cast<int>(seed % 4), m = 2 + static_cast<int>(seed % 3);
  lp::model md(lp::objective_sense::maximize);
  for (int j = 0; j < n; ++j) {
    const double lo = j == 0 ? -inf : 0.0;
    const double up = (j % 2) != 0 ? 10.0 * std::pow(10.0, e(rng) / 2.0) : inf;
    md.add_variable(fmt::format("x{}", j), lo, up, v(rng) * std::pow(10.0, e(rng)));
  }
  for (int r = 0; r < m; ++r) {
    std::vector<std::pair<index_t, double>> row;
    for (int j = 0; j < n; ++j) {
      if (rng() % 3 != 0) row.emplace_back(j, v(rng) * std::pow(10.0, e(rng)));
    }
    md.add_row(fmt::format("r{}", r), row, -inf, std::abs(v(rng)) * std::pow(10.0, e(rng) / 2.0));
  }
  return md;
}

// Random well-scaled models of three kinds: 0 feasible and bounded, 1 infeasible (two rows that
// contradict each other after random mixing), 2 unbounded (a column that improves the objective
// and only relaxes the rows).
lp::model random_kind(unsigned seed, int kind) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.1, 1.0), s(-1.0, 1.0);
  const int n = 4 + static_cast<int>(seed % 9), m = 3 + static_cast<int>(seed % 7);
  const bool maximize = seed % 2 == 0;
  lp::model md(maximize ? lp::objective_sense::maximize : lp::objective_sense::minimize);
  for (int j = 0; j < n; ++j) {
    const double obj = (maximize ? 1.0 : -1.0) * u(rng);
    md.add_variable(fmt::format("x{}", j), 0.0, j % 3 == 0 ? 5.0 : inf, obj);
  }
  for (int r = 0; r < m; ++r) {
    std::vector<std::pair<index_t, double>> row;
    for (int j = 0; j < n; ++j) row.emplace_back(j, u(rng));
    md.add_row(fmt::format("r{}", r), row, r % 2 == 0 ? -inf : -1.0 - u(rng), 1.0 + u(rng));
  }
  if (kind == 1) {
    std::vector<std::pair<index_t, double>> a, b;
    for (int j = 0; j < n; ++j) {
      const double c = s(rng);
      a.emplace_back(j, c);
      b.emplace_back(j, -c);
    }
    md.add_row("a", a, 1.0 + u(rng), inf);  // a·x ≥ 1+
    md.add_row("b", b, 0.5 * u(rng), inf);  // −a·x ≥ 0+, i.e. a·x ≤ −0+: contradiction
  } else if (kind == 2) {
    const index_t z = md.add_variable("z", 0.0, inf, (maximize ? 1.0 : -1.0) * u(rng));
    for (index_t r = 0; r < md.num_rows(); ++r) {
      // −z in rows bounded above only, so z relaxes every row it enters
      if (!std::isfinite(md.row_lower(r))) md.add_coefficient(r, z, -u(rng));
    }
  }
  return md;
}

}  // namespace

TEST_CASE("every infeasible and unbounded answer carries a certificate that checks",
          "[lp][solver][certificates]") {
  int counts[3] = {0, 0, 0};
  for (unsigned seed = 1; seed <= 120; ++seed) {
    for (int kind = 0; kind < 3; ++kind) {
      const lp::model m = random_kind(seed, kind);
      const bool presolve = seed % 3 == 0;
      lp::solver_options o;
      o.presolve = presolve;
      const lp::solution s = lp::solve(m, o);
      INFO("seed " << seed << " kind " << kind << ": " << lp::to_string(s.status) << " "
                   << s.ladder);
      const auto a = m.matrix();
      if (kind == 0) {
        REQUIRE(s.status == lp::solve_status::optimal);
        CHECK(s.check.kind == lp::certificate_kind::optimality);
        CHECK(s.check.objective_error <= o.verify_tolerance);
      } else if (kind == 1) {
        REQUIRE(s.status == lp::solve_status::infeasible);
        CHECK(s.check.kind == lp::certificate_kind::farkas);
        CHECK(lp::check_farkas(m, a, s.farkas, o.verify_tolerance).passed);
      } else {
        REQUIRE(s.status == lp::solve_status::unbounded);
        CHECK(s.check.kind == lp::certificate_kind::ray);
        lp::solution copy = s;
        CHECK(lp::check_ray(m, a, copy, o.verify_tolerance).passed);
        // the ray really improves: the objective grows along it
        CHECK(m.objective_vector().dot(s.ray) *
                  (m.sense() == lp::objective_sense::maximize ? 1 : -1) >
              0.0);
      }
      ++counts[kind];
    }
  }
  CHECK(counts[0] == 120);
  CHECK(counts[1] == 120);
  CHECK(counts[2] == 120);
}

TEST_CASE("a Farkas ray or primal ray that does not prove its claim fails its check",
          "[lp][verify][certificates]") {
  lp::model m(lp::objective_sense::maximize);
  const index_t x = m.add_variable("x", 0.0, 1.0, 1.0);
  m.add_row("x>=2", {{x, 1.0}}, 2.0, inf);
  const auto a = m.matrix();
  Eigen::VectorXd y(1);
  y << 1.0;  // 1·x ≥ 2 against x ≤ 1: margin 1 / scale
  CHECK(lp::check_farkas(m, a, y, 1e-9).passed);
  y << -1.0;  // the wrong sign prices the infinite upper bound
  CHECK_FALSE(lp::check_farkas(m, a, y, 1e-9).passed);
  y << 0.0;
  CHECK_FALSE(lp::check_farkas(m, a, y, 1e-9).passed);

  lp::model u(lp::objective_sense::maximize);
  const index_t p = u.add_variable("p", 0.0, inf, 1.0);
  const index_t q = u.add_variable("q", 0.0, inf, 0.0);
  u.add_row("p-q<=1", {{p, 1.0}, {q, -1.0}}, -inf, 1.0);
  const auto b = u.matrix();
  lp::solution s;
  s.x = Eigen::Vector2d(0.0, 0.0);
  s.ray = Eigen::Vector2d(1.0, 1.0);
  CHECK(lp::check_ray(u, b, s, 1e-9).passed);
  s.ray = Eigen::Vector2d(1.0, 0.0);  // leaves the recession cone of p − q ≤ 1
  CHECK_FALSE(lp::check_ray(u, b, s, 1e-9).passed);
  s.ray = Eigen::Vector2d(0.0, 1.0);  // in the cone but flat
  CHECK_FALSE(lp::check_ray(u, b, s, 1e-9).passed);
  s.ray = Eigen::Vector2d(1.0, 1.0);
  s.x = Eigen::Vector2d(5.0, 0.0);  // not feasible
  CHECK_FALSE(lp::check_ray(u, b, s, 1e-9).passed);
}

TEST_CASE("badly scaled LPs with a free column never get a wrong status",
          "[lp][solver][certificates][scaling]") {
  // Magnitudes from 1e-8 to 1e8; the reference is GLPK's exact simplex on the same data. A
  // certified answer must agree with it (value to 1e-6 relative); anything else must be
  // `uncertified` (or a limit), never a wrong optimal / infeasible / unbounded.
  int agreed = 0, honest = 0, optimal = 0, unbounded = 0;
  for (unsigned seed = 0; seed < 200; ++seed) {
    const lp::model m = badly_scaled(seed);
    const reference ref = exact_reference(m);
    const lp::solution s = lp::solve(m);
    INFO("seed " << seed << ": " << lp::to_string(s.status) << " " << s.objective << " vs exact "
                 << ref.status << " " << ref.value << "; " << s.ladder);
    switch (s.status) {
      case lp::solve_status::optimal:
        REQUIRE(ref.status == GLP_OPT);
        CHECK(s.objective == Approx(ref.value).epsilon(1e-6).margin(1e-9));
        ++agreed;
        ++optimal;
        break;
      case lp::solve_status::unbounded:
        REQUIRE(ref.status == GLP_UNBND);
        ++agreed;
        ++unbounded;
        break;
      case lp::solve_status::infeasible:
        REQUIRE(ref.status == GLP_NOFEAS);
        ++agreed;
        break;
      default:
        CHECK((s.status == lp::solve_status::uncertified ||
               s.status == lp::solve_status::numerical_failure ||
               s.status == lp::solve_status::time_limit));
        CHECK_FALSE(s.message.empty());
        ++honest;
    }
  }
  // The family is hard on purpose; most answers are still certified, and both kinds occur.
  CHECK(agreed >= 100);
  CHECK(optimal > 0);
  CHECK(unbounded > 0);
  CHECK(agreed + honest == 200);
}

TEST_CASE("a slope of 1e-9 along a free column is not hidden behind a small residual",
          "[lp][solver][certificates][scaling]") {
  // Column x2 has reduced cost 5.6e-9 against an infinite upper bound: the LP is unbounded in
  // exact arithmetic (GLPK's exact simplex says so), although the floating optimum's scaled
  // residuals are all below 1e-7. Its answer must not be "optimal".
  const lp::model m = badly_scaled(177);
  REQUIRE(exact_reference(m).status == GLP_UNBND);
  const lp::solution s = lp::solve(m);
  INFO(s.ladder << " | " << s.message);
  CHECK(s.status != lp::solve_status::optimal);
  CHECK(s.status != lp::solve_status::infeasible);
}

TEST_CASE("a warm re-solve after an unbounded solve is certified", "[lp][solver][warm]") {
  lp::model m(lp::objective_sense::maximize);
  const index_t a = m.add_variable("a", 0.0, inf, 1.0);
  const index_t b = m.add_variable("b", 0.0, inf, 1.0);
  m.add_row("a-b<=1", {{a, 1.0}, {b, -1.0}}, -inf, 1.0);
  lp::solver solver;
  REQUIRE(solver.solve(m).status == lp::solve_status::unbounded);
  solver.set_col_bounds(b, 0.0, 3.0);  // now bounded: a ≤ 4, value 7
  const lp::solution s = solver.solve();
  INFO(s.ladder);
  REQUIRE(s.ok());
  CHECK(s.objective == Approx(7.0).margin(1e-9));
  solver.add_row("a<=2", {{a, 1.0}}, -inf, 2.0);  // a cut on the live model
  const lp::solution cut = solver.solve();
  REQUIRE(cut.ok());
  CHECK(cut.objective == Approx(5.0).margin(1e-9));
  CHECK(cut.warm_started);
}

TEST_CASE("incremental changes on a live model agree with a cold solve", "[lp][solver][warm]") {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0.1, 1.0);
  for (unsigned seed = 1; seed <= 20; ++seed) {
    lp::model m = random_kind(seed, 0);
    lp::solver live;
    REQUIRE(live.solve(m).ok());
    const index_t r = 0;
    std::vector<std::pair<index_t, double>> row;
    for (index_t j = 0; j < m.num_cols(); ++j) row.emplace_back(j, u(rng));
    live.set_row_coefficients(r, row);
    live.set_row_bounds(1, -inf, 2.0 + u(rng));
    const index_t z = live.add_column("z", 0.0, 1.0, m.objective(0), {{r, u(rng)}});
    live.add_row("cut", {{0, 1.0}, {z, 1.0}}, -inf, 0.5);
    live.set_objective(z, 2.0 * m.objective(0));
    const lp::solution warm = live.solve();
    const lp::solution cold = lp::solve(live.current_model());
    INFO("seed " << seed << ": " << warm.ladder);
    REQUIRE(warm.ok());
    REQUIRE(cold.ok());
    CHECK(warm.objective == Approx(cold.objective).epsilon(1e-9));
  }
}

TEST_CASE("a bad incremental change is rejected and leaves the model unchanged",
          "[lp][solver][errors]") {
  lp::model m(lp::objective_sense::maximize);
  const index_t a = m.add_variable("a", 0.0, 1.0, 1.0);
  m.add_row("r", {{a, 1.0}}, -inf, 0.5);
  lp::solver s;
  REQUIRE(s.solve(m).ok());
  CHECK_THROWS_AS(s.set_row_bounds(0, 1.0, 0.0), model_error);
  CHECK_THROWS_AS(s.set_row_bounds(0, std::nan(""), 1.0), non_finite_error);
  CHECK_THROWS_AS(s.set_row_bounds(3, 0.0, 1.0), index_error);
  CHECK_THROWS_AS(s.add_row("bad", {{a, std::nan("")}}, 0.0, 1.0), non_finite_error);
  CHECK_THROWS_AS(s.add_row("bad", {{7, 1.0}}, 0.0, 1.0), index_error);
  CHECK_THROWS_AS(s.add_column("bad", 0.0, 1.0, 1.0, {{5, 1.0}}), index_error);
  CHECK_THROWS_AS(s.set_row_coefficients(0, {{a, 1e160}}), model_error);
  CHECK(s.current_model().num_rows() == 1);
  CHECK(s.current_model().num_cols() == 1);
  const lp::solution again = s.solve();
  REQUIRE(again.ok());
  CHECK(again.objective == Approx(0.5));
}

TEST_CASE("magnitudes that make GLPK's scaler abort are rejected with a typed error",
          "[lp][solver][errors]") {
  // GLPK computes a zero scale factor and aborts the process for coefficients beyond about
  // 1e154 or below about 1e-162; lp::model refuses them, naming the entry.
  for (const double v : {1e160, -1e155, 1e-170, 1e-151}) {
    lp::model m(lp::objective_sense::maximize);
    const index_t a = m.add_variable("a", 0.0, 1.0, 1.0);
    m.add_row("r", {{a, v}}, -inf, 1.0);
    CHECK_THROWS_AS(lp::solve(m), model_error);
    CHECK_THROWS_WITH(lp::solve(m), Catch::Contains("'a'") && Catch::Contains("'r'"));
  }
  lp::model big(lp::objective_sense::maximize);
  big.add_variable("a", 0.0, 1e160, 1.0);
  CHECK_THROWS_AS(lp::solve(big), model_error);
  lp::model obj(lp::objective_sense::maximize);
  obj.add_variable("a", 0.0, 1.0, 1e151);
  CHECK_THROWS_AS(lp::solve(obj), model_error);
  // The edges of the accepted range still solve.
  lp::model edge(lp::objective_sense::maximize);
  const index_t e = edge.add_variable("e", 0.0, 1.0, 1.0);
  edge.add_row("r", {{e, 1e-150}}, -inf, 1.0);
  CHECK(lp::solve(edge).ok());
}

TEST_CASE("the time limit bounds the whole solve and is reported", "[lp][solver][limits]") {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(0.1, 1.0);
  lp::model m(lp::objective_sense::maximize);
  for (int j = 0; j < 400; ++j) m.add_variable(fmt::format("x{}", j), 0.0, inf, u(rng));
  for (int r = 0; r < 300; ++r) {
    std::vector<std::pair<index_t, double>> row;
    for (int j = 0; j < 400; ++j) row.emplace_back(j, u(rng));
    m.add_row(fmt::format("r{}", r), row, -inf, 1.0 + u(rng));
  }
  lp::solver_options o;
  o.time_limit_seconds = 1e-6;
  const lp::solution s = lp::solve(m, o);
  CHECK(s.status == lp::solve_status::time_limit);
  CHECK_FALSE(s.ok());
}

TEST_CASE("GLPK's presolver never sees a fixed column that would make it abort",
          "[lp][solver][errors]") {
  // A column fixed at 1e8 with coefficient 1e8 in a row with bounds [0, 1]: substituting it
  // makes the row's bounds equal in floating point, and GLPK 5.0's presolver then fails an
  // assertion and aborts the process. The engine runs such models unpresolved.
  for (const double up : {1.0, 0.5}) {
    lp::model m(lp::objective_sense::maximize);
    const index_t x = m.add_variable("x", 1e8, 1e8, 1.0);
    const index_t y = m.add_variable("y", -inf, inf, 0.0);
    const index_t z = m.add_variable("z", 0.0, 1.0, 1.0);
    m.add_row("r", {{x, 1e8}, {y, 1.0}, {z, 1.0}}, 0.0, up);
    m.add_row("q", {{y, 1.0}, {z, 2.0}}, -1e17, 1e17);
    lp::solver_options o;
    o.backend = lp::engine::glpk;  // GLPK's presolver is the subject
    o.presolve = true;
    const lp::solution s = lp::solve(m, o);
    INFO(s.ladder << " | " << s.message);
    REQUIRE(s.ok());
    CHECK(s.objective == Approx(1e8 + 1.0));
    CHECK_THAT(s.message, Catch::Contains("presolve skipped") || Catch::Contains("certified"));
  }
}
