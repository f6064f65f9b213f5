#ifndef MECHDESIGN_MECHDESIGN_HPP
#define MECHDESIGN_MECHDESIGN_HPP

/// \file
/// \brief Umbrella header: everything public in mechdesign.

#include "mechdesign/bargaining/closed_form.hpp"
#include "mechdesign/bargaining/efficiency.hpp"
#include "mechdesign/bargaining/environment.hpp"
#include "mechdesign/bargaining/format.hpp"
#include "mechdesign/bargaining/gap.hpp"
#include "mechdesign/bargaining/monopoly.hpp"
#include "mechdesign/bargaining/sweep.hpp"
#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/incentives.hpp"
#include "mechdesign/core/mechanism.hpp"
#include "mechdesign/core/prior.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/type_space.hpp"
#include "mechdesign/format.hpp"
#include "mechdesign/lp/glpk.hpp"
#include "mechdesign/lp/model.hpp"
#include "mechdesign/lp/solution.hpp"
#include "mechdesign/lp/solver_error.hpp"
#include "mechdesign/lp/verify.hpp"
#include "mechdesign/mechanism/efficiency.hpp"
#include "mechdesign/mechanism/neutral_procedural.hpp"
#include "mechdesign/mechanism/primal.hpp"
#include "mechdesign/mechanism/selection.hpp"
#include "mechdesign/mechanism/special_cases.hpp"
#include "mechdesign/mechanism/virtual_utility.hpp"
#include "mechdesign/mechanism/warranted_claims.hpp"
#include "mechdesign/version.hpp"

#endif  // MECHDESIGN_MECHDESIGN_HPP
