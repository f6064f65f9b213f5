// lp::write_model: an exported model read back by GLPK's own readers has the same optimum, and
// keeps the sense, the objective constant and the names.
#include <glpk.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <mechdesign/lp/export.hpp>
#include <mechdesign/lp/solver.hpp>
#include <string>

#include "support/small_lps.hpp"

using namespace mechdesign;

namespace {

// GLPK's optimum of a file written by write_model (the reference reader and solver).
double reread_optimum(const std::string& path, lp::file_format format, std::string* first_row) {
  glp_prob* p = glp_create_prob();
  const int previous = glp_term_out(GLP_OFF);
  const int rc = format == lp::file_format::mps
                     ? glp_read_mps(p, GLP_MPS_FILE, nullptr, path.c_str())
                     : glp_read_lp(p, nullptr, path.c_str());
  REQUIRE(rc == 0);
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  REQUIRE(glp_simplex(p, &parm) == 0);
  REQUIRE(glp_get_status(p) == GLP_OPT);
  const double z = glp_get_obj_val(p);
  if (first_row != nullptr && glp_get_num_rows(p) > 0 && glp_get_row_name(p, 1) != nullptr) {
    *first_row = glp_get_row_name(p, 1);
  }
  glp_term_out(previous);
  glp_delete_prob(p);
  return z;
}

}  // namespace

TEST_CASE("lp export: MPS and CPLEX LP round-trip through GLPK's readers", "[lp][export]") {
  lp::model m = test_support::small_max();
  m.set_objective_constant(3.5);
  const lp::solution s = lp::solve(m);
  REQUIRE(s.ok());
  for (const auto format : {lp::file_format::mps, lp::file_format::cplex_lp}) {
    const std::string path =
        format == lp::file_format::mps ? "export_test_model.mps" : "export_test_model.lp";
    lp::write_model(m, path, format);
    std::string first_row;
    // MPS minimises: a maximisation is exported negated (see lp/export.hpp)
    const double expected = format == lp::file_format::mps ? -s.objective : s.objective;
    CHECK(reread_optimum(path, format, &first_row) == Approx(expected).margin(1e-9));
    CHECK(first_row == m.row_name(0));
    std::remove(path.c_str());
  }
  CHECK_THROWS_AS(lp::write_model(m, "/nonexistent-folder/model.mps"), mechdesign::error);
  // a minimisation keeps its sign in both formats
  const lp::model mn = test_support::small_min();
  const lp::solution smin = lp::solve(mn);
  REQUIRE(smin.ok());
  for (const auto format : {lp::file_format::mps, lp::file_format::cplex_lp}) {
    lp::write_model(mn, "export_test_min.txt", format);
    CHECK(reread_optimum("export_test_min.txt", format, nullptr) ==
          Approx(smin.objective).margin(1e-9));
    std::remove("export_test_min.txt");
  }
}
