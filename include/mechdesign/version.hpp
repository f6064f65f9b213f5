#ifndef MECHDESIGN_VERSION_HPP
#define MECHDESIGN_VERSION_HPP

/// \file
/// \brief Library version.

#define MECHDESIGN_VERSION_MAJOR 0
#define MECHDESIGN_VERSION_MINOR 1
#define MECHDESIGN_VERSION_PATCH 0

namespace mechdesign {

/// \brief The library version as "major.minor.patch".
inline const char* version_string() noexcept { return "0.1.0"; }

}  // namespace mechdesign

#endif  // MECHDESIGN_VERSION_HPP
