#ifndef MECHDESIGN_LP_DETAIL_ROW_BUFFER_HPP
#define MECHDESIGN_LP_DETAIL_ROW_BUFFER_HPP

/// \file
/// \brief Internal to lp::solver: sparse rows as sorted (column, value) lists, compared with and
/// written over the rows of the cached CSR matrix in place.

#include <algorithm>
#include <utility>
#include <vector>

#include "mechdesign/lp/detail/engine.hpp"
#include "mechdesign/lp/model.hpp"

namespace mechdesign::lp::detail {

// Sort by column, sum duplicates, drop zeros.
inline sparse_vector summed(std::vector<std::pair<index_t, double>> v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  sparse_vector out;
  out.reserve(v.size());
  for (const auto& [c, x] : v) {
    if (!out.empty() && out.back().first == c) {
      out.back().second += x;
    } else {
      out.emplace_back(c, x);
    }
  }
  out.erase(std::remove_if(out.begin(), out.end(), [](const auto& e) { return e.second == 0.0; }),
            out.end());
  return out;
}

// summed() into a reused buffer.
inline void summed_into(sparse_vector& out, const std::vector<std::pair<index_t, double>>& v) {
  out.assign(v.begin(), v.end());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t w = 0;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (w > 0 && out[w - 1].first == out[k].first) {
      out[w - 1].second += out[k].second;
    } else {
      out[w++] = out[k];
    }
  }
  out.resize(w);
  out.erase(std::remove_if(out.begin(), out.end(), [](const auto& e) { return e.second == 0.0; }),
            out.end());
}

// Whether row r of the compressed matrix a equals the summed row v.
inline bool same_row(const sparse_vector& v, const model::sparse_matrix& a, index_t r) {
  std::size_t k = 0;
  for (model::sparse_matrix::InnerIterator it(a, r); it; ++it, ++k) {
    if (k >= v.size() || v[k].first != it.col() || v[k].second != it.value()) return false;
  }
  return k == v.size();
}

// Overwrite row r's values in place when v has the same pattern; false if it does not.
inline bool overwrite_row(const sparse_vector& v, model::sparse_matrix& a, index_t r) {
  std::size_t k = 0;
  for (model::sparse_matrix::InnerIterator it(a, r); it; ++it, ++k) {
    if (k >= v.size() || v[k].first != it.col()) return false;
  }
  if (k != v.size()) return false;
  k = 0;
  for (model::sparse_matrix::InnerIterator it(a, r); it; ++it, ++k) it.valueRef() = v[k].second;
  return true;
}

}  // namespace mechdesign::lp::detail

#endif  // MECHDESIGN_LP_DETAIL_ROW_BUFFER_HPP
