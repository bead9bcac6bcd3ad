// Name lookups inside one type (fields, input fields, enum values): a vector of positions sorted by
// name, searched by bisection; small sets are scanned directly. Internal to graphql/type.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cohort::graphql::type::detail {

template <class T>
const T* find_by_name(std::span<const T> items, const std::vector<std::uint32_t>& sorted,
                      std::string_view name) {
  if (items.size() <= 8) {
    for (const auto& item : items) {
      if (item.name == name) return &item;
    }
    return nullptr;
  }
  auto it =
      std::lower_bound(sorted.begin(), sorted.end(), name,
                       [&](std::uint32_t i, std::string_view n) { return items[i].name < n; });
  if (it != sorted.end() && items[*it].name == name) return &items[*it];
  return nullptr;
}

// Positions of `items` sorted by name (stable, so duplicates keep their order).
template <class T>
std::vector<std::uint32_t> sort_by_name(const std::vector<T>& items) {
  std::vector<std::uint32_t> sorted(items.size());
  for (std::uint32_t i = 0; i < sorted.size(); ++i) sorted[i] = i;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return items[a].name < items[b].name; });
  return sorted;
}

}  // namespace cohort::graphql::type::detail
