#ifndef MECHDESIGN_FORMAT_HPP
#define MECHDESIGN_FORMAT_HPP

/// \file
/// \brief Every fmt formatter of the library, so that fmt::print("{}", result) gives a one-line
/// report for any public result. Each module's formatters also live in its own format.hpp.

#include "mechdesign/bargaining/format.hpp"
#include "mechdesign/core/format.hpp"
#include "mechdesign/data_monetization/format.hpp"
#include "mechdesign/information/format.hpp"
#include "mechdesign/lp/format.hpp"
#include "mechdesign/mechanism/format.hpp"
#include "mechdesign/persuasion/format.hpp"
#include "mechdesign/pricing/format.hpp"

#endif  // MECHDESIGN_FORMAT_HPP
