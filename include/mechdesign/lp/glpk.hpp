#ifndef MECHDESIGN_LP_GLPK_HPP
#define MECHDESIGN_LP_GLPK_HPP

/// \file
/// \brief GLPK adapter: loads an lp::model in bulk, solves it with the simplex method
/// (optionally presolved, optionally re-solved in exact rational arithmetic), maps GLPK's
/// return codes and statuses, and verifies every optimum independently (lp/verify.hpp).
///
/// The GLPK problem stays alive between solves: change the objective or row bounds and call
/// solve() again to start from the previous optimal basis. Presolve discards the basis, so warm
/// starts happen only with presolve off (the default).
///
/// Threads: Debian's GLPK 5.0 keeps its environment thread-local. Give every thread its own
/// glpk_solver and call glp_free_env() at the end of each worker thread (see
/// free_thread_environment()). This is the only header that includes glpk.h.

#include <fmt/format.h>
#include <glpk.h>

#include <Eigen/Core>
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "mechdesign/core/error.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/verify.hpp"

namespace mechdesign::lp {

/// \brief Knobs of the GLPK simplex solve.
struct glpk_options {
  bool presolve = false;  ///< use GLPK's LP presolver (disables warm starts)
  bool exact = false;     ///< re-solve from the simplex basis with glp_exact
  /// When a floating-point optimum fails verification, re-solve it exactly from its basis
  /// before reporting verification_failed (can be slow on large, badly scaled LPs)
  bool exact_fallback = true;
  bool verbose = false;            ///< GLPK terminal output (off by default)
  int iteration_limit = 0;         ///< 0: no limit
  double time_limit_seconds = 0;   ///< 0: no limit
  bool scale = true;               ///< let GLPK scale the problem (glp_scale_prob, GLP_SF_AUTO)
  double verify_tolerance = 1e-7;  ///< threshold of the independent verifier
  /// GLPK's own primal and dual feasibility tolerances (tol_bnd, tol_dj). GLPK's default, 1e-7,
  /// equals the verifier's threshold, so a point GLPK accepts could fail verification on
  /// rounding alone; the tighter default leaves the verifier a margin.
  double feasibility_tolerance = 1e-9;
};

/// \brief Free the calling thread's GLPK environment; call it at the end of each worker
/// thread that used GLPK (never while a glpk_solver of that thread is alive).
inline void free_thread_environment() noexcept { glp_free_env(); }

/// \brief A GLPK simplex solver bound to one model, kept alive for warm re-solves.
class glpk_solver {
 public:
  /// \brief A solver with the given options; call load() or solve(model) next.
  explicit glpk_solver(glpk_options options = {}) : options_(options) {}

  /// \brief Build the GLPK problem from \p m (one glp_load_matrix call).
  /// \throws the exceptions of model::validate() — before GLPK sees the data.
  void load(const model& m) {
    model_ = m;
    auto a = model_.matrix();  // validates
    prob_.reset(glp_create_prob());
    glp_prob* p = prob_.get();
    glp_set_obj_dir(p, model_.sense() == objective_sense::maximize ? GLP_MAX : GLP_MIN);
    if (model_.num_rows() > 0) glp_add_rows(p, static_cast<int>(model_.num_rows()));
    if (model_.num_cols() > 0) glp_add_cols(p, static_cast<int>(model_.num_cols()));
    for (index_t r = 0; r < model_.num_rows(); ++r) push_row_bounds(r);
    for (index_t j = 0; j < model_.num_cols(); ++j) {
      const int col = static_cast<int>(j) + 1;
      set_bounds(col, model_.col_lower(j), model_.col_upper(j), false);
      glp_set_obj_coef(p, col, model_.objective(j));
    }
    glp_set_obj_coef(p, 0, model_.objective_constant());
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
    rescale();
    has_basis_ = false;
  }

  /// \brief Load \p m and solve it.
  solution solve(const model& m) {
    load(m);
    return solve();
  }

  /// \brief Replace all data of the loaded model (objective, bounds, coefficients) by those of
  /// \p m, which must have the same rows, columns and sense; the basis is kept, so the next
  /// solve starts from it (one glp_set_mat_row per row).
  /// \throws model_error if nothing is loaded, dimension_error on a different shape, and the
  /// exceptions of model::validate() — before GLPK sees the data.
  void update(const model& m) {
    require_loaded();
    if (m.num_rows() != model_.num_rows() || m.num_cols() != model_.num_cols() ||
        m.sense() != model_.sense()) {
      throw dimension_error(fmt::format(
          "glpk_solver::update: a {}x{} model cannot replace the loaded {}x{} one (or the sense "
          "differs)",
          m.num_rows(), m.num_cols(), model_.num_rows(), model_.num_cols()));
    }
    const auto a = m.matrix();  // validates
    model_ = m;
    glp_prob* p = prob_.get();
    for (index_t r = 0; r < model_.num_rows(); ++r) push_row_bounds(r);
    for (index_t j = 0; j < model_.num_cols(); ++j) {
      set_bounds(static_cast<int>(j) + 1, model_.col_lower(j), model_.col_upper(j), false);
      glp_set_obj_coef(p, static_cast<int>(j) + 1, model_.objective(j));
    }
    glp_set_obj_coef(p, 0, model_.objective_constant());
    std::vector<int> ind{0};
    std::vector<double> val{0.0};
    for (index_t r = 0; r < a.outerSize(); ++r) {
      ind.resize(1);
      val.resize(1);
      for (model::sparse_matrix::InnerIterator it(a, r); it; ++it) {
        ind.push_back(static_cast<int>(it.col()) + 1);
        val.push_back(it.value());
      }
      glp_set_mat_row(p, static_cast<int>(r) + 1, static_cast<int>(ind.size()) - 1, ind.data(),
                      val.data());
    }
    rescale();
  }

  /// \brief Replace the objective (same columns) for the next solve, keeping the basis.
  void set_objective(const Eigen::Ref<const Eigen::VectorXd>& c, double constant = 0.0) {
    require_loaded();
    model_.set_objective(c);
    model_.set_objective_constant(constant);
    model_.validate();
    for (index_t j = 0; j < c.size(); ++j)
      glp_set_obj_coef(prob_.get(), static_cast<int>(j) + 1, c(j));
    glp_set_obj_coef(prob_.get(), 0, constant);
  }

  /// \brief Change the bounds of one row for the next solve, keeping the basis.
  void set_row_bounds(index_t row, double lower, double upper) {
    require_loaded();
    model_.set_row_bounds(row, lower, upper);
    model_.validate();
    push_row_bounds(row);
  }

  /// \brief Solve the loaded model, warm-starting from the last basis when there is one.
  solution solve() {
    require_loaded();
    glp_prob* p = prob_.get();
    solution s;
    s.warm_started = has_basis_ && !options_.presolve;
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = options_.verbose ? GLP_MSG_ALL : GLP_MSG_OFF;
    parm.presolve = options_.presolve ? GLP_ON : GLP_OFF;
    parm.tol_bnd = options_.feasibility_tolerance;
    parm.tol_dj = options_.feasibility_tolerance;
    if (options_.iteration_limit > 0) parm.it_lim = options_.iteration_limit;
    if (options_.time_limit_seconds > 0) {
      parm.tm_lim = static_cast<int>(std::min(options_.time_limit_seconds * 1000.0, 2.0e9));
    }
    const int it0 = glp_get_it_cnt(p);
    int rc = glp_simplex(p, &parm);
    if (rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND) {
      glp_std_basis(p);  // the previous basis is unusable: restart cold once
      s.warm_started = false;
      rc = glp_simplex(p, &parm);
    }
    bool exact_ran = false;
    if (rc == 0 && options_.exact && glp_get_status(p) == GLP_OPT) {
      rc = glp_exact(p, &parm);
      exact_ran = true;
    }
    s.iterations = glp_get_it_cnt(p) - it0;
    s.exact = exact_ran && rc == 0;
    has_basis_ = rc == 0 && !options_.presolve;
    s.state = map_status(rc);
    if (s.state != status::optimal) {
      s.message = describe_failure(s.state, rc);
      read_point(s);
      return s;
    }
    read_point(s);
    s.check = verify(model_, s, options_.verify_tolerance);
    if (!s.check.passed && !exact_ran && options_.exact_fallback) {
      // Floating-point simplex can stop at a basis that is not optimal (or not feasible) on
      // badly scaled or degenerate problems. Re-solve from that basis in exact arithmetic.
      const std::string first = describe(s.check);
      const int it1 = glp_get_it_cnt(p);
      const int rc2 = glp_exact(p, &parm);
      s.iterations += glp_get_it_cnt(p) - it1;
      if (rc2 == 0 && glp_get_status(p) == GLP_OPT) {
        s.exact = true;
        read_point(s);
        s.check = verify(model_, s, options_.verify_tolerance);
        if (s.check.passed) {
          s.message = "recovered by an exact re-solve after: " + first;
          return s;
        }
      }
      // Any other exact outcome contradicts the floating solve (and glp_exact has been seen to
      // report a bounded problem unbounded), so nothing is concluded from it.
    }
    if (!s.check.passed) {
      s.state = status::verification_failed;
      s.message = "GLPK reported an optimum that failed verification: " + describe(s.check);
    }
    return s;
  }

  /// \brief The model as currently loaded (with any objective or bound changes).
  const model& current_model() const noexcept { return model_; }
  /// \brief The options in use.
  const glpk_options& options() const noexcept { return options_; }

 private:
  struct deleter {
    void operator()(glp_prob* p) const noexcept { glp_delete_prob(p); }
  };

  void require_loaded() const {
    if (!prob_) throw model_error("glpk_solver: no model loaded");
  }

  void rescale() {
    if (!options_.scale) return;
    // glp_scale_prob reports to the terminal unconditionally; silence this thread's GLPK output
    // for the call and restore the previous setting.
    const int previous = glp_term_out(options_.verbose ? GLP_ON : GLP_OFF);
    glp_scale_prob(prob_.get(), GLP_SF_AUTO);
    glp_term_out(previous);
  }

  void push_row_bounds(index_t r) {
    set_bounds(static_cast<int>(r) + 1, model_.row_lower(r), model_.row_upper(r), true);
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

  status map_status(int rc) const {
    glp_prob* p = prob_.get();
    switch (rc) {
      case 0:
        break;
      case GLP_EITLIM:
        return status::iteration_limit;
      case GLP_ETMLIM:
        return status::time_limit;
      case GLP_ENOPFS:
        return status::infeasible;
      case GLP_ENODFS:
        return status::infeasible_or_unbounded;
      default:
        return status::numerical_failure;  // EBADB, ESING, ECOND, EBOUND, EFAIL, ...
    }
    switch (glp_get_status(p)) {
      case GLP_OPT:
        return status::optimal;
      case GLP_NOFEAS:
        return status::infeasible;
      case GLP_UNBND:
        return status::unbounded;
      case GLP_INFEAS:
      case GLP_FEAS:
      case GLP_UNDEF:
      default:
        // The simplex ended without a conclusive status; look at the dual side.
        if (glp_get_dual_stat(p) == GLP_NOFEAS) return status::infeasible_or_unbounded;
        return status::numerical_failure;
    }
  }

  static std::string describe_failure(status st, int rc) {
    switch (st) {
      case status::infeasible:
        return "GLPK: the LP has no feasible point";
      case status::unbounded:
        return "GLPK: the objective is unbounded on the feasible set";
      case status::infeasible_or_unbounded:
        return "GLPK: the dual is infeasible (the LP is infeasible or unbounded)";
      case status::iteration_limit:
        return "GLPK: iteration limit reached";
      case status::time_limit:
        return "GLPK: time limit reached";
      default:
        return fmt::format("GLPK: the solver failed (return code {})", rc);
    }
  }

  void read_point(solution& s) const {
    glp_prob* p = prob_.get();
    const index_t n = model_.num_cols(), m = model_.num_rows();
    s.x.resize(n);
    s.row_duals.resize(m);
    for (index_t j = 0; j < n; ++j) s.x(j) = glp_get_col_prim(p, static_cast<int>(j) + 1);
    for (index_t r = 0; r < m; ++r) s.row_duals(r) = glp_get_row_dual(p, static_cast<int>(r) + 1);
    s.objective = glp_get_obj_val(p);
  }

  glpk_options options_;
  model model_;
  std::unique_ptr<glp_prob, deleter> prob_;
  bool has_basis_ = false;
};

/// \brief Solve \p m once with a fresh GLPK problem.
inline solution solve(const model& m, const glpk_options& options = {}) {
  glpk_solver solver(options);
  return solver.solve(m);
}

}  // namespace mechdesign::lp

#endif  // MECHDESIGN_LP_GLPK_HPP
