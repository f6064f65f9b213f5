#ifndef MECHDESIGN_CORE_COALITION_HPP
#define MECHDESIGN_CORE_COALITION_HPP

/// \file
/// \brief Coalitions S ⊆ N as sorted sets of player indices.
///
/// Reference: 003_c8f96a2253701fcb.txt §3.1 (coalitions S, R ⊆ N, notation S∖i, S∪i).

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "mechdesign/core/error.hpp"

namespace mechdesign {

/// \brief A set of players, stored sorted and without repetition; players are 0-based.
///
/// At most 63 players, so that every coalition has a bit mask (coalitions of a game are
/// enumerated as masks in core/type_space.hpp).
class coalition {
 public:
  static constexpr int max_players = 63;

  coalition() = default;

  /// \brief The coalition of the listed players (any order, no repeats).
  /// \throws index_error on a negative or too large index, invalid_argument on a repeat.
  coalition(std::initializer_list<int> players) : coalition(std::vector<int>(players)) {}

  /// \brief The coalition of the listed players (any order, no repeats).
  /// \throws index_error on a negative or too large index, invalid_argument on a repeat.
  explicit coalition(std::vector<int> players) : members_(std::move(players)) {
    std::sort(members_.begin(), members_.end());
    for (std::size_t k = 0; k < members_.size(); ++k) {
      if (members_[k] < 0 || members_[k] >= max_players) {
        throw index_error(
            fmt::format("coalition: player index {} is outside [0, {})", members_[k], max_players));
      }
      if (k > 0 && members_[k] == members_[k - 1]) {
        throw invalid_argument(fmt::format("coalition: player {} listed twice", members_[k]));
      }
      mask_ |= std::uint64_t{1} << members_[k];
    }
  }

  /// \brief The coalition whose members are the set bits of \p mask (bits 0..62).
  /// \throws index_error if bit 63 is set.
  static coalition from_mask(std::uint64_t mask) {
    if ((mask >> max_players) != 0) {
      throw index_error(fmt::format("coalition::from_mask: mask {:#x} has a bit at or above {}",
                                    mask, max_players));
    }
    std::vector<int> players;
    for (int i = 0; i < max_players; ++i) {
      if ((mask >> i) & 1U) players.push_back(i);
    }
    return coalition(std::move(players));
  }

  /// \brief The grand coalition N = {0, ..., n-1}.
  static coalition grand(int num_players) {
    if (num_players < 0 || num_players > max_players) {
      throw index_error(
          fmt::format("coalition::grand: {} players is outside [0, {}]", num_players, max_players));
    }
    std::vector<int> players(static_cast<std::size_t>(num_players));
    for (int i = 0; i < num_players; ++i) players[static_cast<std::size_t>(i)] = i;
    return coalition(std::move(players));
  }

  /// \brief The members in increasing order.
  const std::vector<int>& members() const noexcept { return members_; }
  /// \brief |S|.
  int size() const noexcept { return static_cast<int>(members_.size()); }
  /// \brief True for the empty coalition.
  bool empty() const noexcept { return members_.empty(); }
  /// \brief Bit i is set iff player i is a member.
  std::uint64_t mask() const noexcept { return mask_; }
  /// \brief Whether player \p i belongs to the coalition (false for any \p i outside
  /// [0, max_players)).
  bool contains(int i) const noexcept {
    return i >= 0 && i < max_players && ((mask_ >> i) & 1U) != 0;
  }
  /// \brief Position of player \p i among the members (its local index), or -1.
  int position(int i) const noexcept {
    auto it = std::lower_bound(members_.begin(), members_.end(), i);
    return (it != members_.end() && *it == i) ? static_cast<int>(it - members_.begin()) : -1;
  }
  /// \brief S \ i (003 footnote 9); \p i ∈ [0, max_players) (a non-member leaves S unchanged).
  /// \throws index_error for \p i outside [0, max_players).
  coalition without(int i) const {
    check_player(i, "coalition::without");
    return from_mask(mask_ & ~(std::uint64_t{1} << i));
  }
  /// \brief S ∪ i; \p i ∈ [0, max_players).
  /// \throws index_error for \p i outside [0, max_players).
  coalition with(int i) const {
    check_player(i, "coalition::with");
    return from_mask(mask_ | (std::uint64_t{1} << i));
  }
  /// \brief Whether every member of this coalition belongs to \p other.
  bool subset_of(const coalition& other) const noexcept { return (mask_ & ~other.mask_) == 0; }
  /// \brief Whether the two coalitions share no member.
  bool disjoint(const coalition& other) const noexcept { return (mask_ & other.mask_) == 0; }
  /// \brief R ∪ S.
  coalition unite(const coalition& other) const { return from_mask(mask_ | other.mask_); }

  friend bool operator==(const coalition& a, const coalition& b) noexcept {
    return a.mask_ == b.mask_;
  }
  friend bool operator!=(const coalition& a, const coalition& b) noexcept { return !(a == b); }
  friend bool operator<(const coalition& a, const coalition& b) noexcept {
    return a.mask_ < b.mask_;
  }

  /// \brief "{0,2}"-style text.
  std::string to_string() const { return fmt::format("{{{}}}", fmt::join(members_, ",")); }

 private:
  static void check_player(int i, const char* where) {
    if (i < 0 || i >= max_players) {
      throw index_error(
          fmt::format("{}: player index {} is outside [0, {})", where, i, max_players));
    }
  }

  std::vector<int> members_;
  std::uint64_t mask_ = 0;
};

}  // namespace mechdesign

#endif  // MECHDESIGN_CORE_COALITION_HPP
