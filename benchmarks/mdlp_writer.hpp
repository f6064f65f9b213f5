// Writer of the "mdlp" text format read by benchmarks/scipy_peer.py (benchmark-only; not part of
// the library). One file holds one or more LPs, each written as
//
//   lp <name>
//   sense max|min
//   dims <rows> <cols> <nonzeros>
//   constant <c0>
//   cols                      then <cols> lines:      <lower> <upper> <objective>
//   rows                      then <rows> lines:      <lower> <upper>
//   matrix                    then <nonzeros> lines:  <row> <column> <value>   (0-based)
//   end
//
// Bounds are "inf" / "-inf" when absent; numbers are printed with 17 significant digits, so the
// reader gets the model's doubles exactly. Duplicate coefficients are summed and zeros dropped
// (lp::model::matrix_unchecked), as the engines see them.
#ifndef MECHDESIGN_BENCHMARKS_MDLP_WRITER_HPP
#define MECHDESIGN_BENCHMARKS_MDLP_WRITER_HPP

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <mechdesign/lp/model.hpp>
#include <stdexcept>
#include <string>

namespace bench {

inline std::string mdlp_number(double v) {
  if (v == mechdesign::lp::inf) return "inf";
  if (v == -mechdesign::lp::inf) return "-inf";
  return fmt::format("{:.17g}", v);
}

inline void write_mdlp(std::FILE* f, const std::string& name, const mechdesign::lp::model& m) {
  using mechdesign::index_t;
  const auto a = m.matrix_unchecked();
  fmt::print(f, "lp {}\nsense {}\ndims {} {} {}\nconstant {}\ncols\n", name,
             m.sense() == mechdesign::lp::objective_sense::maximize ? "max" : "min", m.num_rows(),
             m.num_cols(), a.nonZeros(), mdlp_number(m.objective_constant()));
  for (index_t j = 0; j < m.num_cols(); ++j) {
    fmt::print(f, "{} {} {}\n", mdlp_number(m.col_lower(j)), mdlp_number(m.col_upper(j)),
               mdlp_number(m.objective(j)));
  }
  fmt::print(f, "rows\n");
  for (index_t r = 0; r < m.num_rows(); ++r)
    fmt::print(f, "{} {}\n", mdlp_number(m.row_lower(r)), mdlp_number(m.row_upper(r)));
  fmt::print(f, "matrix\n");
  for (index_t r = 0; r < a.outerSize(); ++r) {
    for (mechdesign::lp::model::sparse_matrix::InnerIterator it(a, r); it; ++it)
      fmt::print(f, "{} {} {:.17g}\n", it.row(), it.col(), it.value());
  }
  fmt::print(f, "end\n");
}

// Opens \p path for writing or throws.
struct mdlp_file {
  explicit mdlp_file(const std::string& path) : f(std::fopen(path.c_str(), "w")) {
    if (f == nullptr) throw std::runtime_error("cannot write " + path);
  }
  ~mdlp_file() { std::fclose(f); }
  mdlp_file(const mdlp_file&) = delete;
  mdlp_file& operator=(const mdlp_file&) = delete;
  std::FILE* f;
};

}  // namespace bench

#endif  // MECHDESIGN_BENCHMARKS_MDLP_WRITER_HPP
