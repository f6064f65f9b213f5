#ifndef MECHDESIGN_LP_GLPK_HPP
#define MECHDESIGN_LP_GLPK_HPP

/// \file
/// \brief The GLPK engine behind lp::solver: loads a validated lp::model in bulk, applies
/// incremental changes to the live problem, runs the primal or dual simplex (optionally
/// presolved) and GLPK's exact rational simplex, and maps return codes and statuses to claims.
/// Users include lp/solver.hpp; this is the only header that includes glpk.h.
///
/// Threads: Debian's GLPK 5.0 keeps its environment thread-local. Every thread needs its own
/// lp::solver. A worker thread should call lp::free_thread_environment() (lp/solver.hpp) before
/// it ends; one that forgets is safe too: a thread_local guard (register_glpk_thread_cleanup)
/// frees the environment at thread exit when none of the thread's problems is alive.

#include <fmt/format.h>
#include <glpk.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/lp/detail/engine.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"

namespace mechdesign::lp::detail {

/// Free the calling thread's GLPK environment (see the file comment).
inline void free_glpk_environment() noexcept { glp_free_env(); }

/// The number of GLPK problems alive on the calling thread (created minus deleted there). A
/// trivially destructible thread_local, so it stays readable until the thread's storage ends.
inline int& live_glpk_problems() noexcept {
  thread_local int live = 0;
  return live;
}

/// Registers, once per thread and before that thread's first GLPK problem, a thread_local
/// guard whose destructor frees the thread's GLPK environment when the thread ends — if no GLPK
/// problem of the thread is still alive then (a static solver outliving the main thread's
/// thread_locals keeps its environment, as before). A worker that forgets
/// lp::free_thread_environment() therefore no longer leaks its environment (GLPK keeps it in a
/// thread-local pointer that dies with the thread); calling it as well stays harmless
/// (glp_free_env() on a thread without an environment does nothing). The guard holds no data;
/// nothing is shared between threads.
inline void register_glpk_thread_cleanup() noexcept {
  struct guard {
    guard() noexcept = default;
    guard(const guard&) = delete;
    guard& operator=(const guard&) = delete;
    ~guard() {
      if (live_glpk_problems() == 0) glp_free_env();
    }
  };
  thread_local const guard cleanup;
  (void)cleanup;
}

/// GLPK's simplex behind engine_base.
class glpk_engine final : public engine_base {
 public:
  engine kind() const noexcept override { return engine::glpk; }

  void load(const model& m, const model::sparse_matrix& a) override {
    register_glpk_thread_cleanup();
    prob_.reset(glp_create_prob());
    ++live_glpk_problems();
    glp_prob* p = prob_.get();
    glp_set_obj_dir(p, m.sense() == objective_sense::maximize ? GLP_MAX : GLP_MIN);
    if (m.num_rows() > 0) glp_add_rows(p, static_cast<int>(m.num_rows()));
    if (m.num_cols() > 0) glp_add_cols(p, static_cast<int>(m.num_cols()));
    for (index_t r = 0; r < m.num_rows(); ++r)
      set_bounds(static_cast<int>(r) + 1, m.row_lower(r), m.row_upper(r), true);
    fixed_.assign(static_cast<std::size_t>(m.num_cols()), 0);
    num_fixed_ = 0;
    for (index_t j = 0; j < m.num_cols(); ++j) {
      const int col = static_cast<int>(j) + 1;
      set_bounds(col, m.col_lower(j), m.col_upper(j), false);
      note_fixed(j, m.col_lower(j), m.col_upper(j));
      glp_set_obj_coef(p, col, m.objective(j));
    }
    glp_set_obj_coef(p, 0, m.objective_constant());
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    ia.reserve(static_cast<std::size_t>(a.nonZeros()) + 1);
    ja.reserve(ia.capacity());
    ar.reserve(ia.capacity());
    for (index_t r = 0; r < a.outerSize(); ++r) {
      for (model::sparse_matrix::InnerIterator it(a, r); it; ++it) {
        ia.push_back(static_cast<int>(it.row()) + 1);
        ja.push_back(static_cast<int>(it.col()) + 1);
        ar.push_back(it.value());
      }
    }
    glp_load_matrix(p, static_cast<int>(ar.size()) - 1, ia.data(), ja.data(), ar.data());
    has_basis_ = false;
    basis_check_ = false;
    scaled_ = false;
  }

  void set_objective(index_t col, double value) override {
    glp_set_obj_coef(prob_.get(), static_cast<int>(col) + 1, value);
  }
  void set_objective_constant(double value) override { glp_set_obj_coef(prob_.get(), 0, value); }
  void set_row_bounds(index_t row, double lower, double upper) override {
    set_bounds(static_cast<int>(row) + 1, lower, upper, true);
  }
  void set_col_bounds(index_t col, double lower, double upper) override {
    set_bounds(static_cast<int>(col) + 1, lower, upper, false);
    note_fixed(col, lower, upper);
  }
  void set_row(index_t row, const sparse_vector& coefficients) override {
    push_row(static_cast<int>(row) + 1, coefficients);  // GLPK keeps the scale factors
    basis_check_ = has_basis_;  // the basis may have become structurally singular
  }
  void add_row(const sparse_vector& coefficients, double lower, double upper) override {
    const int r = glp_add_rows(prob_.get(), 1);
    set_bounds(r, lower, upper, true);
    push_row(r, coefficients);
    if (has_basis_) glp_set_row_stat(prob_.get(), r, GLP_BS);
  }
  void add_column(double lower, double upper, double objective,
                  const sparse_vector& coefficients) override {
    const int c = glp_add_cols(prob_.get(), 1);
    set_bounds(c, lower, upper, false);
    fixed_.push_back(0);
    note_fixed(static_cast<index_t>(c) - 1, lower, upper);
    glp_set_obj_coef(prob_.get(), c, objective);
    std::vector<int> ind{0};
    std::vector<double> val{0.0};
    for (const auto& [r, v] : coefficients) {
      ind.push_back(static_cast<int>(r) + 1);
      val.push_back(v);
    }
    glp_set_mat_col(prob_.get(), c, static_cast<int>(ind.size()) - 1, ind.data(), val.data());
    if (has_basis_) glp_set_col_stat(prob_.get(), c, nonbasic_status(lower, upper));
  }
  void forget_basis() override { has_basis_ = false; }
  bool has_basis() const noexcept override { return has_basis_; }

  basis current_basis() const override {
    basis b;
    if (!has_basis_) return b;
    glp_prob* p = prob_.get();
    const int m = glp_get_num_rows(p), n = glp_get_num_cols(p);
    b.rows.reserve(static_cast<std::size_t>(m));
    b.cols.reserve(static_cast<std::size_t>(n));
    for (int r = 1; r <= m; ++r) b.rows.push_back(from_glpk(glp_get_row_stat(p, r)));
    for (int j = 1; j <= n; ++j) b.cols.push_back(from_glpk(glp_get_col_stat(p, j)));
    return b;
  }

  /// Install basis \p b (same shape as the problem); the next warm call starts from it.
  void set_basis(const basis& b) {
    glp_prob* p = prob_.get();
    if (static_cast<int>(b.rows.size()) != glp_get_num_rows(p) ||
        static_cast<int>(b.cols.size()) != glp_get_num_cols(p)) {
      return;
    }
    for (std::size_t r = 0; r < b.rows.size(); ++r)
      glp_set_row_stat(p, static_cast<int>(r) + 1, to_glpk(b.rows[r]));
    for (std::size_t j = 0; j < b.cols.size(); ++j)
      glp_set_col_stat(p, static_cast<int>(j) + 1, to_glpk(b.cols[j]));
    has_basis_ = true;
    basis_check_ = true;
  }

  engine_answer solve(const engine_call& call) override {
    glp_prob* p = prob_.get();
    engine_answer out;
    if (call.scale != scaled_) rescale(call);
    glp_smcp parm = parameters(call);
    // GLPK 5.0's presolver asserts, aborting the process, when substituting a fixed column makes
    // a row's bounds equal in floating point (npp1.c: "row->type == GLP_FX"; e.g. a column
    // fixed at 1e8 with coefficient 1e8 in a row with bounds [0, 1]). It is not used on models
    // with fixed columns; the call runs unpresolved and says so.
    const bool presolve = call.presolve && num_fixed_ == 0;
    parm.presolve = presolve ? GLP_ON : GLP_OFF;
    out.warm = call.warm && has_basis_ && !presolve;
    if (out.warm && basis_check_) repair_basis();
    if (!out.warm) glp_std_basis(p);
    const int it0 = glp_get_it_cnt(p);
    int rc = glp_simplex(p, &parm);
    if (out.warm && (rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND)) {
      glp_std_basis(p);  // the previous basis is unusable: this call restarts cold
      out.warm = false;
      rc = glp_simplex(p, &parm);
    }
    out.iterations = glp_get_it_cnt(p) - it0;
    has_basis_ = rc == 0 && !presolve && glp_bf_exists(p) != 0;
    out.claim = map_status(rc);
    out.message = describe(out.claim, rc);
    if (call.presolve && !presolve)
      out.message += " (presolve skipped: the model has fixed columns)";
    read_point(out);
    return out;
  }

  /// GLPK's exact rational simplex from the current basis (the standard basis if there is
  /// none); the returned point is the exact optimum rounded to double.
  engine_answer solve_exact(const engine_call& call) {
    glp_prob* p = prob_.get();
    engine_answer out;
    if (has_basis_ && basis_check_) repair_basis();
    if (!has_basis_) glp_std_basis(p);
    out.warm = has_basis_;
    glp_smcp parm = parameters(call);
    const int it0 = glp_get_it_cnt(p);
    const int rc = glp_exact(p, &parm);
    out.iterations = glp_get_it_cnt(p) - it0;
    out.exact = true;
    out.claim = map_status(rc);
    out.message = describe(out.claim, rc);
    has_basis_ = rc == 0;
    read_point(out);
    return out;
  }

  /// Writes the loaded problem, with the names of \p m, as free MPS (\p mps) or CPLEX LP; GLPK
  /// replaces names that are not valid in the format by generated ones. Returns GLPK's code.
  int write(const model& m, const std::string& path, bool mps, const char* objective_name) {
    glp_prob* p = prob_.get();
    glp_set_prob_name(p, "mechdesign");
    glp_set_obj_name(p, objective_name);
    auto clean = [](std::string name) {
      if (name.size() > 255) name.resize(255);
      for (char& c : name) {
        if (c == ' ' || c == '\t' || c == '\n') c = '_';
      }
      return name;
    };
    for (index_t r = 0; r < m.num_rows(); ++r) {
      if (!m.row_name(r).empty())
        glp_set_row_name(p, static_cast<int>(r) + 1, clean(m.row_name(r)).c_str());
    }
    for (index_t j = 0; j < m.num_cols(); ++j) {
      if (!m.col_name(j).empty())
        glp_set_col_name(p, static_cast<int>(j) + 1, clean(m.col_name(j)).c_str());
    }
    const int previous = glp_term_out(GLP_OFF);  // GLPK announces every file it writes
    const int rc = mps ? glp_write_mps(p, GLP_MPS_FILE, nullptr, path.c_str())
                       : glp_write_lp(p, nullptr, path.c_str());
    glp_term_out(previous);
    return rc;
  }

 private:
  struct deleter {
    void operator()(glp_prob* p) const noexcept {
      glp_delete_prob(p);
      --live_glpk_problems();
    }
  };

  static glp_smcp parameters(const engine_call& call) {
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = call.verbose ? GLP_MSG_ALL : GLP_MSG_OFF;
    parm.meth = call.method == algorithm::dual ? GLP_DUALP : GLP_PRIMAL;
    parm.presolve = call.presolve ? GLP_ON : GLP_OFF;
    parm.tol_bnd = call.feasibility_tolerance;
    parm.tol_dj = call.feasibility_tolerance;
    if (call.iteration_limit > 0) {
      parm.it_lim = static_cast<int>(std::min<long>(call.iteration_limit, 2147483647L));
    }
    if (std::isfinite(call.time_limit_seconds)) {
      parm.tm_lim =
          static_cast<int>(std::clamp(std::ceil(call.time_limit_seconds * 1000.0), 1.0, 2.0e9));
    }
    return parm;
  }

  void rescale(const engine_call& call) {
    // glp_scale_prob reports to the terminal unconditionally; silence this thread's GLPK output
    // for the call and restore the previous setting.
    const int previous = glp_term_out(call.verbose ? GLP_ON : GLP_OFF);
    if (call.scale) {
      glp_scale_prob(prob_.get(), GLP_SF_AUTO);
    } else {
      glp_unscale_prob(prob_.get());
    }
    glp_term_out(previous);
    scaled_ = call.scale;
  }

  // GLPK 5.0 aborts the process (bflib/sgf.c, "k1 < k2") when glp_simplex factorises some
  // structurally singular bases, such as one with an empty basic column, which set_row can leave
  // behind. Match basic variables to rows by augmenting paths (Kuhn) and make every unmatched
  // basic column nonbasic and the slack of every unmatched row basic: the basis is then
  // structurally nonsingular, and numerical singularity is GLPK's to report (GLP_ESING).
  void repair_basis() {
    basis_check_ = false;
    glp_prob* p = prob_.get();
    const int m = glp_get_num_rows(p), n = glp_get_num_cols(p);
    std::vector<std::vector<int>> cols;  // basic variables: the rows (0-based) of their entries
    std::vector<int> which;              // k < 0: the slack of row -k-1; k > 0: column k
    std::vector<int> ind(static_cast<std::size_t>(m) + 1);
    std::vector<double> val(ind.size());
    for (int r = 1; r <= m; ++r) {
      if (glp_get_row_stat(p, r) != GLP_BS) continue;
      cols.push_back({r - 1});
      which.push_back(-r);
    }
    for (int j = 1; j <= n; ++j) {
      if (glp_get_col_stat(p, j) != GLP_BS) continue;
      const int len = glp_get_mat_col(p, j, ind.data(), val.data());
      std::vector<int> rows;
      for (int k = 1; k <= len; ++k) {
        if (val[k] != 0.0) rows.push_back(ind[k] - 1);
      }
      cols.push_back(std::move(rows));
      which.push_back(j);
    }
    if (static_cast<int>(cols.size()) != m) return;  // GLPK reports GLP_EBADB itself
    std::vector<int> owner(static_cast<std::size_t>(m), -1), seen(owner.size(), -1);
    auto augment = [&](auto&& self, int c, int stamp) -> bool {
      for (int r : cols[static_cast<std::size_t>(c)]) {
        if (seen[r] == stamp) continue;
        seen[r] = stamp;
        if (owner[r] < 0 || self(self, owner[r], stamp)) {
          owner[r] = c;
          return true;
        }
      }
      return false;
    };
    std::vector<int> unmatched;
    for (int c = 0; c < m; ++c) {
      if (!augment(augment, c, c)) unmatched.push_back(c);
    }
    if (unmatched.empty()) return;
    std::size_t k = 0;
    for (int r = 0; r < m; ++r) {
      if (owner[r] >= 0) continue;
      const int j = which[static_cast<std::size_t>(unmatched[k++])];  // a column: slacks match
      glp_set_col_stat(p, j, nonbasic_status_of(glp_get_col_type(p, j)));
      glp_set_row_stat(p, r + 1, GLP_BS);
    }
  }

  static int nonbasic_status_of(int type) {
    switch (type) {
      case GLP_FR:
        return GLP_NF;
      case GLP_UP:
        return GLP_NU;
      case GLP_FX:
        return GLP_NS;
      default:
        return GLP_NL;
    }
  }

  void push_row(int r, const sparse_vector& coefficients) {
    std::vector<int> ind{0};
    std::vector<double> val{0.0};
    ind.reserve(coefficients.size() + 1);
    val.reserve(coefficients.size() + 1);
    for (const auto& [c, v] : coefficients) {
      ind.push_back(static_cast<int>(c) + 1);
      val.push_back(v);
    }
    glp_set_mat_row(prob_.get(), r, static_cast<int>(ind.size()) - 1, ind.data(), val.data());
  }

  void note_fixed(index_t j, double lo, double up) {
    const char now = std::isfinite(lo) && lo == up ? 1 : 0;
    char& was = fixed_[static_cast<std::size_t>(j)];
    num_fixed_ += now - was;
    was = now;
  }

  static int nonbasic_status(double lo, double up) {
    const bool has_lo = std::isfinite(lo), has_up = std::isfinite(up);
    if (has_lo && has_up) return lo == up ? GLP_NS : GLP_NL;
    if (has_lo) return GLP_NL;
    if (has_up) return GLP_NU;
    return GLP_NF;
  }

  void set_bounds(int k, double lo, double up, bool row) {
    const bool has_lo = std::isfinite(lo), has_up = std::isfinite(up);
    int type = GLP_FR;
    if (has_lo && has_up) {
      type = lo == up ? GLP_FX : GLP_DB;
    } else if (has_lo) {
      type = GLP_LO;
    } else if (has_up) {
      type = GLP_UP;
    }
    const double l = has_lo ? lo : 0.0, u = has_up ? up : 0.0;
    if (row) {
      glp_set_row_bnds(prob_.get(), k, type, l, u);
    } else {
      glp_set_col_bnds(prob_.get(), k, type, l, u);
    }
  }

  static basis::state from_glpk(int s) {
    switch (s) {
      case GLP_BS:
        return basis::state::basic;
      case GLP_NU:
        return basis::state::at_upper;
      case GLP_NF:
        return basis::state::free;
      case GLP_NS:
        return basis::state::fixed;
      default:
        return basis::state::at_lower;
    }
  }
  static int to_glpk(basis::state s) {
    switch (s) {
      case basis::state::basic:
        return GLP_BS;
      case basis::state::at_upper:
        return GLP_NU;
      case basis::state::free:
        return GLP_NF;
      case basis::state::fixed:
        return GLP_NS;
      case basis::state::at_lower:
        break;
    }
    return GLP_NL;
  }

  solve_status map_status(int rc) const {
    glp_prob* p = prob_.get();
    switch (rc) {
      case 0:
        break;
      case GLP_EITLIM:
        return solve_status::iteration_limit;
      case GLP_ETMLIM:
        return solve_status::time_limit;
      case GLP_ENOPFS:
        return solve_status::infeasible;
      case GLP_ENODFS:
        return solve_status::infeasible_or_unbounded;
      default:
        return solve_status::numerical_failure;  // EBADB, ESING, ECOND, EBOUND, EFAIL, ...
    }
    switch (glp_get_status(p)) {
      case GLP_OPT:
        return solve_status::optimal;
      case GLP_NOFEAS:
        return solve_status::infeasible;
      case GLP_UNBND:
        return solve_status::unbounded;
      default:
        if (glp_get_dual_stat(p) == GLP_NOFEAS) return solve_status::infeasible_or_unbounded;
        return solve_status::numerical_failure;
    }
  }

  static std::string describe(solve_status st, int rc) {
    switch (st) {
      case solve_status::optimal:
        return "GLPK: optimal";
      case solve_status::infeasible:
        return "GLPK: no feasible point";
      case solve_status::unbounded:
        return "GLPK: unbounded objective";
      case solve_status::infeasible_or_unbounded:
        return "GLPK: the dual is infeasible (the LP is infeasible or unbounded)";
      case solve_status::iteration_limit:
        return "GLPK: iteration limit reached";
      case solve_status::time_limit:
        return "GLPK: time limit reached";
      default:
        return fmt::format("GLPK: the solver failed (return code {})", rc);
    }
  }

  void read_point(engine_answer& out) const {
    glp_prob* p = prob_.get();
    const int n = glp_get_num_cols(p), m = glp_get_num_rows(p);
    out.x.resize(n);
    out.y.resize(m);
    for (int j = 0; j < n; ++j) out.x(j) = glp_get_col_prim(p, j + 1);
    for (int r = 0; r < m; ++r) out.y(r) = glp_get_row_dual(p, r + 1);
  }

  std::unique_ptr<glp_prob, deleter> prob_;
  bool has_basis_ = false;
  bool basis_check_ = false;  // a coefficient changed since the basis was made (repair_basis)
  bool scaled_ = false;
  std::vector<char> fixed_;  // per column: fixed (lower == upper)
  long num_fixed_ = 0;
};

}  // namespace mechdesign::lp::detail

#endif  // MECHDESIGN_LP_GLPK_HPP
