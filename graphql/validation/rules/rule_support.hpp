// Small helpers the rule files share: quoting, grouping nodes by name in first-seen order.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graphql/language/ast.hpp"

namespace cohort::graphql::validation::rules {

inline std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  out.append(s);
  out.push_back('"');
  return out;
}

// graphql-js groupBy: groups in the order their key first appears. Lists are short (arguments,
// variables), so a linear search beats hashing.
template <class T, class Key>
std::vector<std::pair<std::string_view, std::vector<const T*>>> group_by(
    const language::node_span<T>& items, Key key) {
  std::vector<std::pair<std::string_view, std::vector<const T*>>> groups;
  for (const auto& item : items) {
    std::string_view k = key(item);
    auto it = groups.begin();
    while (it != groups.end() && it->first != k) ++it;
    if (it == groups.end()) {
      groups.emplace_back(k, std::vector<const T*>{&item});
    } else {
      it->second.push_back(&item);
    }
  }
  return groups;
}

}  // namespace cohort::graphql::validation::rules
