#ifndef MECHDESIGN_LP_EXPORT_HPP
#define MECHDESIGN_LP_EXPORT_HPP

/// \file
/// \brief Export of any lp::model, with its row and column names, as free MPS or CPLEX LP, so a
/// mechanism LP can be inspected or solved elsewhere. Names that are not valid in the format are
/// replaced by generated ones. The optimum is kept exactly:
/// - a nonzero objective constant becomes a column `objective_constant` fixed at 1 (neither
///   format has a portable constant term);
/// - MPS has no portable objective sense (minimisation is the convention, and GLPK's reader
///   rejects OBJSENSE), so a maximisation is written as the minimisation of the negated
///   objective, in a row named `negated_objective`: its optimal value is minus the model's.
///   CPLEX LP keeps "Maximize".

#include <fmt/format.h>

#include <string>

#include "mechdesign/core/error.hpp"
#include "mechdesign/lp/glpk.hpp"
#include "mechdesign/lp/model.hpp"

namespace mechdesign::lp {

/// \brief File formats of write_model().
enum class file_format {
  mps,      ///< free MPS
  cplex_lp  ///< CPLEX LP
};

/// \brief Writes \p m to the file \p path in format \p format.
/// \param m a valid model (validated first).
/// \param path a writable file path (created or replaced).
/// \throws the exceptions of model::validate(); mechdesign::error if the file cannot be written.
inline void write_model(const model& m, const std::string& path,
                        file_format format = file_format::mps) {
  m.validate();
  model out = m;
  if (out.objective_constant() != 0.0) {
    out.add_variable("objective_constant", 1.0, 1.0, out.objective_constant());
    out.set_objective_constant(0.0);
  }
  const bool negate = format == file_format::mps && out.sense() == objective_sense::maximize;
  if (negate) {
    for (index_t j = 0; j < out.num_cols(); ++j) out.set_objective(j, -out.objective(j));
    out.set_sense(objective_sense::minimize);
  }
  detail::glpk_engine writer;
  writer.load(out, out.matrix_unchecked());
  if (writer.write(out, path, format == file_format::mps,
                   negate ? "negated_objective" : "objective") != 0) {
    throw error(fmt::format("lp::write_model: cannot write {}", path));
  }
}

}  // namespace mechdesign::lp

#endif  // MECHDESIGN_LP_EXPORT_HPP
