#include "api/platform/metadata_paging.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <optional>
#include <string>

#include "storage/query/cursor.hpp"

namespace cohort::api::platform {

namespace json = boost::json;

namespace {

constexpr std::string_view cursor_prefix = "arrayconnection:";

std::string cursor_of(std::size_t index) {
  return storage::query::base64_encode(std::string(cursor_prefix) + std::to_string(index));
}

std::optional<std::size_t> index_of(const json::value* cursor) {
  if (!cursor || !cursor->is_string()) return std::nullopt;
  auto text = storage::query::base64_decode(cursor->as_string());
  if (!text || text->rfind(cursor_prefix, 0) != 0) return std::nullopt;
  try {
    return static_cast<std::size_t>(std::stoull(text->substr(cursor_prefix.size())));
  } catch (...) {
    return std::nullopt;
  }
}

std::optional<std::int64_t> count_of(const json::object& paging, std::string_view key) {
  auto* v = paging.if_contains(key);
  if (!v || !v->is_int64()) return std::nullopt;
  return std::max<std::int64_t>(0, v->as_int64());
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// SQL LIKE: % any run, _ one character.
bool like(std::string_view text, std::string_view pattern) {
  if (pattern.empty()) return text.empty();
  if (pattern[0] == '%') {
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (like(text.substr(i), pattern.substr(1))) return true;
    }
    return false;
  }
  if (text.empty()) return false;
  if (pattern[0] != '_' && pattern[0] != text[0]) return false;
  return like(text.substr(1), pattern.substr(1));
}

bool compare(const json::value& value, std::string_view op, const json::value& operand) {
  if (op == "is") return operand.is_null() ? value.is_null() : value == operand;
  if (op == "isNot") return operand.is_null() ? !value.is_null() : value != operand;
  if (op == "eq") return value == operand;
  if (op == "neq") return value != operand;
  if (op == "in" || op == "notIn") {
    bool found = false;
    if (operand.is_array()) {
      for (const auto& v : operand.as_array()) found = found || v == value;
    }
    return op == "in" ? found : !found;
  }
  if (!value.is_string() || !operand.is_string()) return false;
  std::string_view a = value.as_string();
  std::string_view b = operand.as_string();
  if (op == "gt") return a > b;
  if (op == "gte") return a >= b;
  if (op == "lt") return a < b;
  if (op == "lte") return a <= b;
  if (op == "like") return like(a, b);
  if (op == "notLike") return !like(a, b);
  if (op == "iLike") return like(lower(a), lower(b));
  if (op == "notILike") return !like(lower(a), lower(b));
  return true;
}

}  // namespace

bool matches_filter(const json::object& node, const json::object& filter) {
  for (const auto& [key, condition] : filter) {
    if (key == "and" || key == "or") {
      if (!condition.is_array()) continue;
      bool any = false;
      bool all = true;
      for (const auto& sub : condition.as_array()) {
        bool m = !sub.is_object() || matches_filter(node, sub.as_object());
        any = any || m;
        all = all && m;
      }
      if (key == "and" ? !all : (!any && !condition.as_array().empty())) return false;
      continue;
    }
    if (!condition.is_object()) continue;
    static const json::value null_value;
    const json::value* value = node.if_contains(key);
    for (const auto& [op, operand] : condition.as_object()) {
      if (!compare(value ? *value : null_value, op, operand)) return false;
    }
  }
  return true;
}

json::object paged_connection(std::vector<json::object> nodes, const json::object& paging) {
  const std::size_t total = nodes.size();
  std::size_t start = 0;
  std::size_t end = total;
  if (auto after = index_of(paging.if_contains("after"))) start = std::min(total, *after + 1);
  if (auto before = index_of(paging.if_contains("before"))) end = std::min(end, *before);
  if (end < start) end = start;
  if (auto first = count_of(paging, "first")) {
    end = std::min<std::size_t>(end, start + static_cast<std::size_t>(*first));
  }
  if (auto last = count_of(paging, "last")) {
    if (end - start > static_cast<std::size_t>(*last))
      start = end - static_cast<std::size_t>(*last);
  }
  json::array edges;
  for (std::size_t i = start; i < end; ++i) {
    edges.push_back(json::object{{"node", std::move(nodes[i])}, {"cursor", cursor_of(i)}});
  }
  json::object page{{"hasNextPage", end < total},
                    {"hasPreviousPage", start > 0},
                    {"startCursor", start < end ? json::value(cursor_of(start)) : nullptr},
                    {"endCursor", start < end ? json::value(cursor_of(end - 1)) : nullptr}};
  return {{"pageInfo", std::move(page)}, {"edges", std::move(edges)}};
}

}  // namespace cohort::api::platform
