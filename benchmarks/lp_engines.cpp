// lp_engines: timings of mechdesign's LP workloads on every LP engine of this build (issue 15,
// item 5). Not a unit test: nothing here asserts a time.
//
//   lp_engines [--quick] [--reps N] [--out DIR] [--cases primal,menu,sweep,warm]
//
// Cases (fixed seeds, so every run builds the same instances):
//   primal  the random primal (3.5) of tests/support/random_problems.hpp at
//           (players, types, decisions) = (3,6,40) and (4,5,40), timed through solve_primal;
//   menu    solve_optimal_menu (004) on the uniform-types τ = 0 instance on n cells of the tests,
//           n = 32, 128, 512 (constraint generation, all rounds timed);
//   sweep   sweep_beliefs on a 30x30 interior grid (the environment of tests/bargaining), per LP;
//   warm    the warm re-solve of a small LP through lp::solver against hand-written GLPK C API
//           calls doing the same changes: (i) a 20x30 random LP whose objective and one row change
//           at each step, (ii) the 900 E(p,β) LPs of the sweep in sweep order.
//
// It prints a Markdown table on stdout, writes the same rows as tab-separated values to
// DIR/mechdesign.tsv, and writes every instance to DIR/*.mdlp (format: mdlp_writer.hpp) for
// benchmarks/scipy_peer.py, which solves the identical LPs with scipy's HiGHS.
//
// The hand-written GLPK calls are the one place outside include/mechdesign/lp/ that names GLPK:
// they are the baseline the adapter is measured against.
#include <fmt/format.h>
#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <mechdesign/mechdesign.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

#include "mdlp_writer.hpp"
#include "support/random_problems.hpp"

namespace {

using namespace mechdesign;
using clock_type = std::chrono::steady_clock;

struct settings {
  bool quick = false;
  int reps = 5;
  std::string out = "bench-instances";
  std::vector<std::string> cases{"primal", "menu", "sweep", "warm"};
  bool wants(const std::string& c) const {
    return std::find(cases.begin(), cases.end(), c) != cases.end();
  }
};

struct row {
  row(std::string k, std::string l, std::string e)
      : key(std::move(k)), label(std::move(l)), engine(std::move(e)) {}
  std::string key;     // instance key shared with scipy_peer.py (file DIR/<key>.mdlp)
  std::string label;   // human-readable case
  std::string engine;  // glpk, clp, glpk-c-api
  long cols = 0, rows = 0;
  long lps = 1;          // LPs solved per repetition
  double seconds = 0.0;  // median over repetitions
  double objective = 0.0;
  std::string note;
  double per_lp_us() const { return 1e6 * seconds / static_cast<double>(lps); }
};

double seconds_since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

// Median wall time of `reps` runs of f (f returns nothing; it stores what it needs).
double median_seconds(int reps, const std::function<void()>& f) {
  std::vector<double> t;
  for (int k = 0; k < reps; ++k) {
    const auto t0 = clock_type::now();
    f();
    t.push_back(seconds_since(t0));
  }
  std::sort(t.begin(), t.end());
  const std::size_t n = t.size();
  return n % 2 == 1 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
}

// Keep a row and show it on stderr at once (a long run shows its progress).
void report(std::vector<row>& out, const row& r) {
  fmt::print(stderr, "lp_engines: {} [{}]: {:.6g} s for {} LP(s)\n", r.label, r.engine, r.seconds,
             r.lps);
  out.push_back(r);
}

std::vector<lp::engine> engines() {
  std::vector<lp::engine> e{lp::engine::glpk};
  if (lp::engine_available(lp::engine::clp)) e.push_back(lp::engine::clp);
  return e;
}

lp::solver_options options_for(lp::engine e) {
  lp::solver_options o;
  o.backend = e;
  return o;
}

void fail(const std::string& what) {
  fmt::print(stderr, "lp_engines: {}\n", what);
  std::exit(2);
}

// --- (a) the random primal (3.5) ----------------------------------------------------------------

void bench_primal(const settings& s, std::vector<row>& out) {
  struct size3 {
    int players, types, decisions;
  };
  const std::vector<size3> sizes =
      s.quick ? std::vector<size3>{{2, 3, 5}} : std::vector<size3>{{3, 6, 40}, {4, 5, 40}};
  for (const auto& z : sizes) {
    test_support::random_spec spec;
    spec.players = z.players;
    spec.types = z.types;
    spec.decisions = z.decisions;
    const unsigned seed = 15;
    const auto g = test_support::random_problem(spec, seed).grand();
    std::mt19937 rng(seed);
    const auto lambda = test_support::random_weights(g, rng);
    const std::string key = fmt::format("primal_{}_{}_{}", z.players, z.types, z.decisions);
    {
      incentive_primal p(g);  // export the LP exactly as solve_primal builds it
      const auto r = p.solve(lambda);
      if (!r.ok()) fail(key + ": " + r.message);
      bench::mdlp_file f(s.out + "/" + key + ".mdlp");
      bench::write_mdlp(f.f, key, p.model());
    }
    for (lp::engine e : engines()) {
      primal_options o;
      o.lp = options_for(e);
      row w{key,
            fmt::format("primal (3.5) n={} types={} decisions={}", z.players, z.types, z.decisions),
            lp::to_string(e)};
      // The big primal takes tens of seconds on GLPK: one repetition unless asked for more.
      const int reps = s.quick ? 1 : std::max(1, s.reps / 3);
      primal_result r;
      w.seconds = median_seconds(reps, [&] { r = solve_primal(g, lambda, {}, o); });
      if (!r.ok()) fail(key + ": " + r.message);
      w.cols = static_cast<long>(r.lp.x.size());
      w.rows = static_cast<long>(r.lp.row_duals.size());
      w.objective = r.objective;
      w.note =
          fmt::format("{} simplex iterations, {} engine call(s)", r.lp.iterations, r.lp.attempts);
      report(out, w);
    }
  }
}

// --- (b) the optimal menu (004) -----------------------------------------------------------------

// The final LP of solve_optimal_menu's cutting-plane loop, exported so that scipy solves the LP
// mechdesign ends with. When the library's loop ends in its first round (as on these grids) that
// is the model of the initial report pairs; otherwise the loop is replayed with the library's own
// detail functions (cold solves, which may pick other vertices and so other rows).
lp::model final_menu_lp(const pricing::environment& env, const pricing::menu_options& options) {
  const index_t k = env.num_types();
  auto pairs = pricing::detail::initial_report_pairs(env, 6);
  if (pricing::solve_optimal_menu(env, options).rounds == 1)
    return pricing::detail::menu_model(env, options, pairs);
  std::vector<char> present(static_cast<std::size_t>(k * k), 0);
  for (const auto& [t, j] : pairs) present[static_cast<std::size_t>(t * k + j)] = 1;
  const pricing::detail::menu_layout L{env.num_states(), env.num_actions(), k};
  for (int round = 1;; ++round) {
    lp::model model = pricing::detail::menu_model(env, options, pairs);
    const lp::solution sol = lp::solve(model, options.solver);
    if (!sol.ok()) fail("menu export: " + sol.message);
    pricing::menu m;
    m.prices.resize(k);
    for (index_t t = 0; t < k; ++t) {
      Eigen::MatrixXd rule(L.a, L.s);
      for (index_t a = 0; a < L.a; ++a)
        for (index_t x = 0; x < L.s; ++x) rule(a, x) = sol.x(L.rule(t, a, x));
      m.rules.push_back(rule);
      m.prices(t) = sol.x(L.price(t));
    }
    std::size_t added = 0;
    for (index_t t = 0; t < k; ++t)
      for (index_t j = 0; j < k; ++j) {
        if (j == t || present[static_cast<std::size_t>(t * k + j)]) continue;
        if (pricing::detail::deviation_gain(env, m, t, j) > 0.1 * options.check_tolerance) {
          pairs.emplace_back(t, j);
          present[static_cast<std::size_t>(t * k + j)] = 1;
          ++added;
        }
      }
    if (added == 0 || round >= options.max_rounds) return model;
  }
}

void bench_menu(const settings& s, std::vector<row>& out) {
  const std::vector<index_t> sizes =
      s.quick ? std::vector<index_t>{8} : std::vector<index_t>{32, 128, 512};
  for (index_t n : sizes) {
    const auto [v, p] = pricing::grid_types(pricing::type_distribution::uniform(), n);
    const auto env = pricing::binary_environment(0.0, 0.3, v, p);
    const std::string key = fmt::format("menu_{}", n);
    const lp::model last = final_menu_lp(env, {});
    {
      bench::mdlp_file f(s.out + "/" + key + ".mdlp");
      bench::write_mdlp(f.f, key, last);
    }
    for (lp::engine e : engines()) {
      pricing::menu_options o;
      o.solver = options_for(e);
      row w{key, fmt::format("optimal menu (004) uniform tau=0, {} types", n), lp::to_string(e)};
      pricing::menu_result r;
      const int reps = n >= 512 ? std::max(1, s.reps / 3) : s.reps;
      w.seconds = median_seconds(reps, [&] { r = pricing::solve_optimal_menu(env, o); });
      if (!r.ok()) fail(key + ": " + r.message);
      w.cols = static_cast<long>(last.num_cols());
      w.rows = static_cast<long>(last.num_rows());
      w.objective = r.profit;
      w.note =
          fmt::format("{} rounds, {} report pairs; size of the final LP", r.rounds, r.report_pairs);
      report(out, w);

      // The final LP alone, one cold lp::solve: the like-for-like figure against scipy's one LP.
      row f1{key, fmt::format("  final menu LP alone ({} types), one lp::solve", n),
             lp::to_string(e)};
      lp::solution sol;
      f1.seconds = median_seconds(reps, [&] { sol = lp::solve(last, o.solver); });
      if (!sol.ok()) fail(key + " final LP: " + sol.message);
      f1.key = key + "_final";
      f1.cols = w.cols;
      f1.rows = w.rows;
      f1.objective = sol.objective;
      f1.note = fmt::format("{} simplex iterations", sol.iterations);
      report(out, f1);

      // Diagnostic: the same LP with the engine's dual simplex (the library's default is primal).
      lp::solver_options dual = o.solver;
      dual.method = lp::algorithm::dual;
      row f2{key + "_final_dual", fmt::format("  final menu LP alone ({} types), dual simplex", n),
             lp::to_string(e)};
      f2.seconds = median_seconds(reps, [&] { sol = lp::solve(last, dual); });
      if (!sol.ok()) fail(key + " final LP (dual): " + sol.message);
      f2.cols = w.cols;
      f2.rows = w.rows;
      f2.objective = sol.objective;
      f2.note = fmt::format("{} simplex iterations; solver_options::method = dual", sol.iterations);
      report(out, f2);
    }
  }
}

// --- (c) the E(p,β) belief sweep -----------------------------------------------------------------

bargaining::bargaining_environment sweep_environment() {
  return bargaining::bargaining_environment::binary(0.05, 0.55, 0.45, 1.0,
                                                    0.5);  // tests/bargaining
}

index_t sweep_size(const settings& s) { return s.quick ? 5 : 30; }

// The LPs of the sweep in sweep order (row by row, one gap_lp moved from point to point), as
// the solver holds them at solve time.
std::vector<lp::model> sweep_models(const settings& s) {
  const auto env = sweep_environment();
  const Eigen::VectorXd grid = bargaining::interior_grid(sweep_size(s));
  std::vector<lp::model> models;
  std::optional<bargaining::gap_lp> g;
  for (index_t a = 0; a < grid.size(); ++a)
    for (index_t b = 0; b < grid.size(); ++b) {
      const auto p = bargaining::beliefs::binary(grid(a), grid(b));
      if (g) {
        g->set_beliefs(p);
      } else {
        g.emplace(env, p);
      }
      const auto r = g->solve();
      if (!r.ok()) fail("sweep export: " + r.message);
      models.push_back(g->primal().model());
    }
  return models;
}

void bench_sweep(const settings& s, const std::vector<lp::model>& models, std::vector<row>& out) {
  const auto env = sweep_environment();
  const index_t n = sweep_size(s);
  const Eigen::VectorXd grid = bargaining::interior_grid(n);
  const std::string key = fmt::format("sweep_{}x{}", n, n);
  {
    bench::mdlp_file f(s.out + "/" + key + ".mdlp");
    for (std::size_t k = 0; k < models.size(); ++k)
      bench::write_mdlp(f.f, fmt::format("{}_{}", key, k), models[k]);
  }
  for (lp::engine e : engines()) {
    bargaining::sweep_options o;
    o.lp.primal.lp = options_for(e);
    row w{key, fmt::format("E(p,beta) sweep {}x{} (sweep_beliefs), per LP", n, n),
          lp::to_string(e)};
    bargaining::gap_surface r;
    w.seconds = median_seconds(s.reps, [&] { r = bargaining::sweep_beliefs(env, grid, grid, o); });
    if (!r.ok()) fail(key + ": " + r.message);
    w.lps = r.solves;
    w.cols = static_cast<long>(models.front().num_cols());
    w.rows = static_cast<long>(models.front().num_rows());
    w.objective = r.value.sum();
    w.note = fmt::format("{} warm starts, {} polished, {} iterations in all", r.warm_starts,
                         r.polished, r.iterations);
    report(out, w);
  }
}

// --- (d) warm re-solves: lp::solver against hand-written GLPK calls -----------------------------

// The hand-written side: one glp_prob, GLPK's defaults plus the options lp::solver hands over
// (message level off, feasibility tolerances 1e-9, the problem scaled once, primal simplex).
struct glpk_handmade {
  glp_prob* p = glp_create_prob();
  glp_smcp parm;
  std::vector<int> ind;
  std::vector<double> val;
  glpk_handmade() {
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.tol_bnd = 1e-9;
    parm.tol_dj = 1e-9;
  }
  ~glpk_handmade() { glp_delete_prob(p); }
  glpk_handmade(const glpk_handmade&) = delete;
  glpk_handmade& operator=(const glpk_handmade&) = delete;

  static int bound_type(double lo, double up) {
    const bool l = std::isfinite(lo), u = std::isfinite(up);
    if (l && u) return lo == up ? GLP_FX : GLP_DB;
    return l ? GLP_LO : u ? GLP_UP : GLP_FR;
  }
  static double finite(double v) { return std::isfinite(v) ? v : 0.0; }
  void row_bounds(int r, double lo, double up) {
    glp_set_row_bnds(p, r, bound_type(lo, up), finite(lo), finite(up));
  }
  void load(const lp::model& m) {
    glp_set_obj_dir(p, m.sense() == lp::objective_sense::maximize ? GLP_MAX : GLP_MIN);
    glp_add_rows(p, static_cast<int>(m.num_rows()));
    glp_add_cols(p, static_cast<int>(m.num_cols()));
    for (index_t r = 0; r < m.num_rows(); ++r)
      row_bounds(static_cast<int>(r) + 1, m.row_lower(r), m.row_upper(r));
    for (index_t j = 0; j < m.num_cols(); ++j) {
      const int c = static_cast<int>(j) + 1;
      glp_set_col_bnds(p, c, bound_type(m.col_lower(j), m.col_upper(j)), finite(m.col_lower(j)),
                       finite(m.col_upper(j)));
      glp_set_obj_coef(p, c, m.objective(j));
    }
    glp_set_obj_coef(p, 0, m.objective_constant());
    const auto a = m.matrix_unchecked();
    for (index_t r = 0; r < a.outerSize(); ++r) {
      std::vector<std::pair<index_t, double>> e;
      for (lp::model::sparse_matrix::InnerIterator it(a, r); it; ++it)
        e.emplace_back(it.col(), it.value());
      set_row(static_cast<int>(r) + 1, e);
    }
    const int previous = glp_term_out(GLP_OFF);
    glp_scale_prob(p, GLP_SF_AUTO);
    glp_term_out(previous);
    glp_std_basis(p);
  }
  void set_row(int r, const std::vector<std::pair<index_t, double>>& e) {
    ind.assign(1, 0);
    val.assign(1, 0.0);
    for (const auto& [c, v] : e) {
      ind.push_back(static_cast<int>(c) + 1);
      val.push_back(v);
    }
    glp_set_mat_row(p, r, static_cast<int>(e.size()), ind.data(), val.data());
  }
  // Solve warm and read what lp::solver returns (objective, x, row duals).
  double solve(Eigen::VectorXd& x, Eigen::VectorXd& y) {
    int rc = glp_simplex(p, &parm);
    if (rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND) {  // as lp::solver: restart cold
      glp_std_basis(p);
      rc = glp_simplex(p, &parm);
    }
    if (rc != 0 || glp_get_status(p) != GLP_OPT) {
      fail(fmt::format("hand-written GLPK: glp_simplex returned {}, status {}", rc,
                       glp_get_status(p)));
    }
    const int n = glp_get_num_cols(p), m = glp_get_num_rows(p);
    x.resize(n);
    y.resize(m);
    for (int j = 0; j < n; ++j) x(j) = glp_get_col_prim(p, j + 1);
    for (int r = 0; r < m; ++r) y(r) = glp_get_row_dual(p, r + 1);
    return glp_get_obj_val(p);
  }
};

// (i) 20x30: max c'x, A x ≤ b, 0 ≤ x ≤ 10; each step replaces the objective and one row.
void bench_warm_random(const settings& s, std::vector<row>& out) {
  const int m = 20, n = 30, steps = s.quick ? 50 : 2000;
  std::mt19937 rng(15);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  lp::model base(lp::objective_sense::maximize);
  for (int j = 0; j < n; ++j) base.add_variable(fmt::format("x{}", j), 0.0, 10.0, u(rng));
  auto random_row = [&] {
    std::vector<std::pair<index_t, double>> e;
    for (int j = 0; j < n; ++j)
      if (u(rng) < 0.5) e.emplace_back(j, 0.1 + u(rng));
    return e;
  };
  for (int r = 0; r < m; ++r)
    base.add_row(fmt::format("r{}", r), random_row(), -lp::inf, 1.0 + 4.0 * u(rng));
  std::vector<Eigen::VectorXd> objectives;
  std::vector<std::vector<std::pair<index_t, double>>> new_rows;
  for (int k = 0; k < steps; ++k) {
    Eigen::VectorXd c(n);
    for (int j = 0; j < n; ++j) c(j) = u(rng);
    objectives.push_back(c);
    new_rows.push_back(random_row());
  }
  const std::string key = "warm_random_20x30";
  double hand_objective = 0.0;
  {
    row w{key, fmt::format("warm 20x30: objective + one row per step, {} steps (per LP)", steps),
          "glpk-c-api"};
    w.seconds = median_seconds(s.reps, [&] {
      glpk_handmade h;
      h.load(base);
      Eigen::VectorXd x, y;
      h.solve(x, y);
      double total = 0.0;
      for (int k = 0; k < steps; ++k) {
        for (int j = 0; j < n; ++j) glp_set_obj_coef(h.p, j + 1, objectives[k](j));
        h.set_row(k % m + 1, new_rows[static_cast<std::size_t>(k)]);
        total += h.solve(x, y);
      }
      w.objective = total;
    });
    w.lps = steps;
    w.cols = n;
    w.rows = m;
    w.note = "hand-written glp_set_obj_coef / glp_set_mat_row / glp_simplex warm";
    hand_objective = w.objective;
    report(out, w);
  }
  for (lp::engine e : engines()) {
    row w{key, fmt::format("warm 20x30: objective + one row per step, {} steps (per LP)", steps),
          lp::to_string(e)};
    long warm = 0;
    w.seconds = median_seconds(s.reps, [&] {
      lp::solver solver(options_for(e));
      solver.load(base);
      if (!solver.solve().ok()) fail(key + ": first solve");
      double total = 0.0;
      warm = 0;
      for (int k = 0; k < steps; ++k) {
        solver.set_objective(objectives[static_cast<std::size_t>(k)]);
        solver.set_row_coefficients(k % m, new_rows[static_cast<std::size_t>(k)]);
        const lp::solution sol = solver.solve();
        if (!sol.ok()) fail(key + ": " + sol.message);
        warm += sol.warm_started ? 1 : 0;
        total += sol.objective;
      }
      w.objective = total;
    });
    w.lps = steps;
    w.cols = n;
    w.rows = m;
    w.note = fmt::format(
        "set_objective + set_row_coefficients + solve; {} warm; objectives agree to {:.1e}", warm,
        std::abs(w.objective - hand_objective));
    report(out, w);
  }
}

// (ii) the E(p,β) LPs of the sweep: hand-written calls push only the rows, objective entries and
// bounds that change (found before timing); lp::solver gets each model through update().
void bench_warm_sweep(const settings& s, const std::vector<lp::model>& models,
                      std::vector<row>& out) {
  struct change {
    std::vector<std::pair<int, std::vector<std::pair<index_t, double>>>> rows;
    std::vector<std::pair<int, double>> objective;
    std::vector<std::tuple<int, double, double>> row_bounds;
  };
  std::vector<change> changes(models.size());
  for (std::size_t k = 1; k < models.size(); ++k) {
    const auto a0 = models[k - 1].matrix_unchecked(), a1 = models[k].matrix_unchecked();
    for (index_t r = 0; r < a1.outerSize(); ++r) {
      std::vector<std::pair<index_t, double>> e0, e1;
      for (lp::model::sparse_matrix::InnerIterator it(a0, r); it; ++it)
        e0.emplace_back(it.col(), it.value());
      for (lp::model::sparse_matrix::InnerIterator it(a1, r); it; ++it)
        e1.emplace_back(it.col(), it.value());
      if (e0 != e1) changes[k].rows.emplace_back(static_cast<int>(r) + 1, e1);
      if (models[k].row_lower(r) != models[k - 1].row_lower(r) ||
          models[k].row_upper(r) != models[k - 1].row_upper(r))
        changes[k].row_bounds.emplace_back(static_cast<int>(r) + 1, models[k].row_lower(r),
                                           models[k].row_upper(r));
    }
    for (index_t j = 0; j < models[k].num_cols(); ++j)
      if (models[k].objective(j) != models[k - 1].objective(j))
        changes[k].objective.emplace_back(static_cast<int>(j) + 1, models[k].objective(j));
  }
  const std::string key = "warm_sweep";
  const std::string label = fmt::format("warm E(p,beta) sequence, {} LPs (per LP)", models.size());
  double hand_objective = 0.0;
  {
    row w{key, label, "glpk-c-api"};
    w.seconds = median_seconds(s.reps, [&] {
      glpk_handmade h;
      h.load(models.front());
      Eigen::VectorXd x, y;
      double total = h.solve(x, y);
      for (std::size_t k = 1; k < models.size(); ++k) {
        for (const auto& [r, e] : changes[k].rows) h.set_row(r, e);
        for (const auto& [j, c] : changes[k].objective) glp_set_obj_coef(h.p, j, c);
        for (const auto& [r, lo, up] : changes[k].row_bounds) h.row_bounds(r, lo, up);
        total += h.solve(x, y);
      }
      w.objective = total;
    });
    w.lps = static_cast<long>(models.size());
    w.cols = static_cast<long>(models.front().num_cols());
    w.rows = static_cast<long>(models.front().num_rows());
    w.note = "hand-written: changed rows, objective entries and bounds, glp_simplex warm";
    hand_objective = w.objective;
    report(out, w);
  }
  for (lp::engine e : engines()) {
    row w{key, label, lp::to_string(e)};
    w.seconds = median_seconds(s.reps, [&] {
      lp::solver solver(options_for(e));
      solver.load(models.front());
      double total = 0.0;
      for (std::size_t k = 0; k < models.size(); ++k) {
        if (k > 0) solver.update(models[k]);
        const lp::solution sol = solver.solve();
        if (!sol.ok()) fail(key + ": " + sol.message);
        total += sol.objective;
      }
      w.objective = total;
    });
    w.lps = static_cast<long>(models.size());
    w.cols = static_cast<long>(models.front().num_cols());
    w.rows = static_cast<long>(models.front().num_rows());
    w.note = fmt::format("lp::solver::update + solve; objectives agree to {:.1e}",
                         std::abs(w.objective - hand_objective));
    report(out, w);
  }
}

// --- output -------------------------------------------------------------------------------------

std::string pretty_seconds(double s) {
  if (s >= 1.0) return fmt::format("{:.2f} s", s);
  if (s >= 1e-3) return fmt::format("{:.1f} ms", 1e3 * s);
  return fmt::format("{:.1f} us", 1e6 * s);
}

void print_table(const std::vector<row>& rows) {
  fmt::print("| case | engine | columns | rows | LPs | time | per LP | objective | note |\n");
  fmt::print("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
  for (const auto& r : rows) {
    const std::string per_lp = r.lps > 1 ? fmt::format("{:.1f} us", r.per_lp_us()) : "";
    fmt::print("| {} | {} | {} | {} | {} | {} | {} | {:.10g} | {} |\n", r.label, r.engine, r.cols,
               r.rows, r.lps, pretty_seconds(r.seconds), per_lp, r.objective, r.note);
  }
}

void write_tsv(const std::string& path, const std::vector<row>& rows) {
  bench::mdlp_file f(path);
  fmt::print(f.f, "key\tlabel\tengine\tcols\trows\tlps\tseconds\tper_lp_us\tobjective\tnote\n");
  for (const auto& r : rows) {
    fmt::print(f.f, "{}\t{}\t{}\t{}\t{}\t{}\t{:.9g}\t{:.6g}\t{:.17g}\t{}\n", r.key, r.label,
               r.engine, r.cols, r.rows, r.lps, r.seconds, r.per_lp_us(), r.objective, r.note);
  }
}

settings parse(int argc, char** argv) {
  settings s;
  for (int k = 1; k < argc; ++k) {
    const std::string a = argv[k];
    auto value = [&]() -> std::string {
      if (k + 1 >= argc) fail(a + " needs a value");
      return argv[++k];
    };
    if (a == "--quick") {
      s.quick = true;
      s.reps = 1;
    } else if (a == "--reps") {
      s.reps = std::max(1, std::atoi(value().c_str()));
    } else if (a == "--out") {
      s.out = value();
    } else if (a == "--cases") {
      s.cases.clear();
      std::stringstream ss(value());
      for (std::string c; std::getline(ss, c, ',');) s.cases.push_back(c);
    } else {
      fail("usage: lp_engines [--quick] [--reps N] [--out DIR] [--cases primal,menu,sweep,warm]");
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const settings s = parse(argc, argv);
  std::error_code ec;
  std::filesystem::create_directories(s.out, ec);
  if (ec) fail("cannot create " + s.out + ": " + ec.message());
  std::vector<row> rows;
  std::string names;
  for (lp::engine e : engines())
    names += fmt::format("{}{}", names.empty() ? "" : ", ", lp::to_string(e));
  fmt::print(stderr, "lp_engines: engines {}; instances in {}/\n", names, s.out);
  if (s.wants("primal")) bench_primal(s, rows);
  if (s.wants("menu")) bench_menu(s, rows);
  std::vector<lp::model> sweep;
  if (s.wants("sweep") || s.wants("warm")) sweep = sweep_models(s);
  if (s.wants("sweep")) bench_sweep(s, sweep, rows);
  if (s.wants("warm")) {
    // Rounds of (hand-written, adapter) pairs, so that both sides of a ratio see the same load;
    // the median of each row over the rounds is reported.
    settings one = s;
    one.reps = 1;
    const int rounds = s.quick ? 1 : 2 * s.reps + 1;
    std::vector<std::vector<row>> by_round;
    for (int k = 0; k < rounds; ++k) {
      std::vector<row> r;
      bench_warm_random(one, r);
      bench_warm_sweep(one, sweep, r);
      by_round.push_back(std::move(r));
    }
    std::vector<row> warm = by_round.front();
    for (std::size_t i = 0; i < warm.size(); ++i) {
      std::vector<double> t;
      for (const auto& r : by_round) t.push_back(r[i].seconds);
      std::sort(t.begin(), t.end());
      warm[i].seconds = t[t.size() / 2];
    }
    for (auto& w : warm) {
      if (w.engine == "glpk-c-api") continue;
      for (const auto& h : warm) {
        if (h.key == w.key && h.engine == "glpk-c-api") {
          w.note += fmt::format("; adapter overhead {:+.0f} % (median of {} interleaved rounds)",
                                100.0 * (w.seconds / h.seconds - 1.0), rounds);
        }
      }
    }
    rows.insert(rows.end(), warm.begin(), warm.end());
  }
  print_table(rows);
  write_tsv(s.out + "/mechdesign.tsv", rows);
  return 0;
}
