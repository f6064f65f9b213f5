#ifndef MECHDESIGN_CORE_TYPE_SPACE_HPP
#define MECHDESIGN_CORE_TYPE_SPACE_HPP

/// \file
/// \brief Finite type spaces T = ×_i T_i and mixed-radix indexing of type profiles.
///
/// Reference: 003_c8f96a2253701fcb.txt §3.1 (T_i, t_S ∈ T_S, t_{-i}). Profiles are numbered in
/// mixed radix with the first player's type varying fastest: index(t) = Σ_k t_k · stride_k,
/// stride_0 = 1, stride_{k+1} = stride_k · |T_k|.

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/types.hpp"

namespace mechdesign {

/// \brief The product of finite type sets, with mixed-radix profile indexing.
class type_space {
 public:
  type_space() = default;

  /// \brief The type space with |T_i| = sizes[i].
  /// \throws invalid_argument if there are no players or a type set is empty;
  ///         dimension_error if the number of profiles overflows.
  explicit type_space(std::vector<index_t> sizes) : sizes_(std::move(sizes)) {
    if (sizes_.empty()) throw invalid_argument("type_space: at least one player is required");
    if (static_cast<int>(sizes_.size()) > coalition::max_players) {
      throw dimension_error(fmt::format("type_space: {} players exceed the limit of {}",
                                        sizes_.size(), coalition::max_players));
    }
    strides_.resize(sizes_.size());
    index_t stride = 1;
    for (std::size_t i = 0; i < sizes_.size(); ++i) {
      if (sizes_[i] <= 0) {
        throw invalid_argument(
            fmt::format("type_space: player {} has an empty type set (size {})", i, sizes_[i]));
      }
      strides_[i] = stride;
      if (stride > std::numeric_limits<index_t>::max() / sizes_[i]) {
        throw dimension_error("type_space: the number of type profiles overflows");
      }
      stride *= sizes_[i];
    }
    num_profiles_ = stride;
  }

  /// \brief n, the number of players.
  int num_players() const noexcept { return static_cast<int>(sizes_.size()); }
  /// \brief |T_i|.
  index_t num_types(int i) const {
    check_player(i);
    return sizes_[static_cast<std::size_t>(i)];
  }
  /// \brief All |T_i|.
  const std::vector<index_t>& sizes() const noexcept { return sizes_; }
  /// \brief |T| = Π_i |T_i|.
  index_t num_profiles() const noexcept { return num_profiles_; }
  /// \brief Mixed-radix stride of player i.
  index_t stride(int i) const {
    check_player(i);
    return strides_[static_cast<std::size_t>(i)];
  }

  /// \brief The index of profile \p t.
  /// \throws dimension_error on a wrong length, index_error on an out-of-range type.
  index_t index(const profile& t) const {
    if (t.size() != sizes_.size()) {
      throw dimension_error(fmt::format("type_space::index: profile has {} entries, expected {}",
                                        t.size(), sizes_.size()));
    }
    index_t k = 0;
    for (std::size_t i = 0; i < sizes_.size(); ++i) {
      if (t[i] < 0 || t[i] >= sizes_[i]) {
        throw index_error(fmt::format("type_space::index: type {} of player {} is outside [0, {})",
                                      t[i], i, sizes_[i]));
      }
      k += t[i] * strides_[i];
    }
    return k;
  }

  /// \brief The profile with index \p k.
  profile decode(index_t k) const {
    check_profile(k);
    profile t(sizes_.size());
    for (std::size_t i = 0; i < sizes_.size(); ++i) {
      t[i] = k % sizes_[i];
      k /= sizes_[i];
    }
    return t;
  }

  /// \brief Type of player \p i in the profile with index \p k.
  index_t type_of(index_t k, int i) const {
    check_profile(k);
    check_player(i);
    const auto u = static_cast<std::size_t>(i);
    return (k / strides_[u]) % sizes_[u];
  }

  /// \brief Index of the profile obtained from profile \p k by giving player \p i type \p t_i
  /// (the profile (τ_i, t_{-i}) of eq. (3.1)).
  index_t with_type(index_t k, int i, index_t t_i) const {
    const index_t old = type_of(k, i);
    if (t_i < 0 || t_i >= sizes_[static_cast<std::size_t>(i)]) {
      throw index_error(
          fmt::format("type_space::with_type: type {} of player {} is outside [0, {})", t_i, i,
                      sizes_[static_cast<std::size_t>(i)]));
    }
    return k + (t_i - old) * strides_[static_cast<std::size_t>(i)];
  }

  /// \brief The type space of coalition S: T_S = ×_{i∈S} T_i, members in increasing order.
  /// \throws index_error if S has a player outside the game, invalid_argument if S is empty.
  type_space restrict_to(const coalition& s) const {
    check_coalition(s);
    std::vector<index_t> sub;
    sub.reserve(static_cast<std::size_t>(s.size()));
    for (int i : s.members()) sub.push_back(sizes_[static_cast<std::size_t>(i)]);
    return type_space(std::move(sub));
  }

  /// \brief Index in T_S (see restrict_to) of the sub-profile t_S of the profile with index \p k.
  index_t project(index_t k, const coalition& s) const {
    check_profile(k);
    check_coalition(s);
    index_t sub = 0;
    index_t stride = 1;
    for (int i : s.members()) {
      const auto u = static_cast<std::size_t>(i);
      sub += ((k / strides_[u]) % sizes_[u]) * stride;
      stride *= sizes_[u];
    }
    return sub;
  }

  /// \brief Whether S is a non-empty coalition of this game's players.
  void check_coalition(const coalition& s) const {
    if (s.empty()) throw invalid_argument("type_space: the coalition is empty");
    if (s.members().back() >= num_players()) {
      throw index_error(fmt::format("type_space: coalition {} names a player outside [0, {})",
                                    s.to_string(), num_players()));
    }
  }

  friend bool operator==(const type_space& a, const type_space& b) noexcept {
    return a.sizes_ == b.sizes_;
  }
  friend bool operator!=(const type_space& a, const type_space& b) noexcept { return !(a == b); }

 private:
  void check_player(int i) const {
    if (i < 0 || i >= num_players()) {
      throw index_error(fmt::format("type_space: player {} is outside [0, {})", i, num_players()));
    }
  }
  void check_profile(index_t k) const {
    if (k < 0 || k >= num_profiles_) {
      throw index_error(
          fmt::format("type_space: profile index {} is outside [0, {})", k, num_profiles_));
    }
  }

  std::vector<index_t> sizes_;
  std::vector<index_t> strides_;
  index_t num_profiles_ = 0;
};

}  // namespace mechdesign

#endif  // MECHDESIGN_CORE_TYPE_SPACE_HPP
