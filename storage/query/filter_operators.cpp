#include "storage/query/filter_operators.hpp"

#include <algorithm>
#include <array>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "storage/query/field_access.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

using model::field_type;

// Every operator name Twenty's filter inputs declare; regex / iregex are declared but refused.
constexpr std::array<std::string_view, 18> known_operators = {
    "regex",         "iregex",       "eq",         "neq",      "gt",
    "gte",           "lt",           "lte",        "in",       "is",
    "like",          "ilike",        "startsWith", "endsWith", "containsAny",
    "containsIlike", "isEmptyArray", "search"};

bool listed(std::string_view list, std::string_view op) {
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t end = list.find(", ", pos);
    if (end == std::string_view::npos) end = list.size();
    if (list.substr(pos, end - pos) == op) return true;
    pos = end + 2;
  }
  return false;
}

[[noreturn]] void invalid_value(const filter_leaf& leaf, const boost::json::value& value) {
  fail(bad_user_input(
      "Invalid value " + boost::json::serialize(value) + " for field \"" + leaf.label + "\"",
      "INVALID_ARGS_FILTER"));
}

bool is_numeric_text(std::string_view text) {
  if (text.empty()) return false;
  std::string copy(text);
  char* end = nullptr;
  std::strtod(copy.c_str(), &end);
  return end && *end == '\0';
}

// One value of the leaf's type as parameter text, validated.
std::optional<std::string> value_text(const filter_leaf& leaf, const boost::json::value& value) {
  if (value.is_null()) return std::nullopt;
  switch (leaf.type) {
    case field_type::uuid:
      if (!value.is_string()) fail(bad_user_input("UUID must be a string", "INVALID_ARGS_FILTER"));
      if (!is_uuid(value.get_string())) {
        fail(bad_user_input("Invalid UUID", "INVALID_ARGS_FILTER"));
      }
      break;
    case field_type::number:
    case field_type::numeric:
    case field_type::position:
      if (!value.is_number() && !(value.is_string() && is_numeric_text(value.get_string()))) {
        invalid_value(leaf, value);
      }
      break;
    case field_type::boolean:
      if (!value.is_bool()) invalid_value(leaf, value);
      break;
    case field_type::select:
    case field_type::rating:
    case field_type::multi_select:
      if (!value.is_string()) invalid_value(leaf, value);
      if (leaf.options && !leaf.options->find_option(value.get_string())) {
        invalid_value(leaf, value);
      }
      break;
    case field_type::date_time:
    case field_type::date:
      // The filters' Date scalar reads "2020-01-01T00:00:00.000Z" as epoch milliseconds.
      if (value.is_number()) {
        auto iso = iso_text_of_epoch_ms(value);
        if (!iso) invalid_value(leaf, value);
        return iso;
      }
      if (!value.is_string()) invalid_value(leaf, value);
      break;
    default:
      if (value.is_object() || value.is_array()) invalid_value(leaf, value);
      break;
  }
  return scalar_text(value);
}

// The element type of the leaf's column for scalar comparisons (enum arrays compare elements).
std::string element_type(const filter_leaf& leaf) {
  std::string type = leaf.type_sql;
  if (type.ends_with("[]")) type.resize(type.size() - 2);
  return type;
}

std::string bind_value(compile_context& ctx, const filter_leaf& leaf,
                       const boost::json::value& value) {
  return ctx.bind(value_text(leaf, value), element_type(leaf));
}

std::string bind_list(compile_context& ctx, const filter_leaf& leaf,
                      const boost::json::value& value, std::string_view op) {
  if (!value.is_array()) {
    fail(bad_user_input(
        "Operator \"" + std::string(op) + "\" expects an array for field \"" + leaf.label + "\"",
        "INVALID_ARGS_FILTER"));
  }
  std::vector<std::optional<std::string>> items;
  for (const auto& item : value.get_array()) items.push_back(value_text(leaf, item));
  return ctx.bind(pg_array_literal(items), element_type(leaf) + "[]");
}

std::string like_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// `is NULL`: an empty array ('{}') counts as NULL; empty text ('') only inside a whole-composite
// test, a text field's own `is NULL` is strict.
std::string null_condition(const filter_leaf& leaf) {
  switch (leaf.type) {
    case field_type::text:
    case field_type::rich_text:
      if (!leaf.empty_is_null) return leaf.column + " IS NULL";
      return "(" + leaf.column + " IS NULL OR " + leaf.column + " = '')";
    case field_type::multi_select:
    case field_type::array:
      return "(" + leaf.column + " IS NULL OR " + leaf.column + " = '{}')";
    default:
      return leaf.column + " IS NULL";
  }
}

std::string compile_operator(compile_context& ctx, const filter_leaf& leaf, std::string_view op,
                             const boost::json::value& value) {
  const std::string cmp = comparable_expr(leaf.type, leaf.column);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> comparisons = {
      {{"eq", " = "},
       {"neq", " <> "},
       {"gt", " > "},
       {"gte", " >= "},
       {"lt", " < "},
       {"lte", " <= "}}};
  for (const auto& [name, sql_op] : comparisons) {
    if (op == name) return cmp + std::string(sql_op) + bind_value(ctx, leaf, value);
  }
  if (op == "in") {
    if (value.is_array() && value.get_array().empty()) return "FALSE";
    return cmp + " = ANY(" + bind_list(ctx, leaf, value, op) + ")";
  }
  if (op == "is") {
    const std::string_view is = value.is_string() ? std::string_view(value.get_string()) : "";
    if (is == "NULL") return null_condition(leaf);
    if (is == "NOT_NULL") return "NOT " + null_condition(leaf);
    invalid_value(leaf, value);
  }
  const bool json_column = leaf.type == field_type::raw_json || leaf.type == field_type::files;
  const std::string text_column = json_column ? leaf.column + "::text" : leaf.column;
  auto text_param = [&](std::string text) { return ctx.bind(std::move(text), "text"); };
  auto required_text = [&]() -> std::string {
    if (!value.is_string()) invalid_value(leaf, value);
    return std::string(value.get_string());
  };
  if (op == "like") return text_column + " LIKE " + text_param(required_text());
  if (op == "ilike") return text_column + " ILIKE " + text_param(required_text());
  if (op == "startsWith") {
    return text_column + " LIKE " + text_param(like_escape(required_text()) + "%");
  }
  if (op == "endsWith") {
    return text_column + " LIKE " +
           text_param(std::string("%").append(like_escape(required_text())));
  }
  if (op == "containsAny") {
    if (value.is_array() && value.get_array().empty()) return "FALSE";
    const std::string list = bind_list(ctx, leaf, value, op);
    if (leaf.type == field_type::multi_select) return leaf.column + " && " + list;
    return leaf.column + " = ANY(" + list + ")";
  }
  if (op == "containsIlike") {
    return "EXISTS (SELECT 1 FROM unnest(" + leaf.column + ") AS e(v) WHERE e.v ILIKE " +
           text_param(std::string("%").append(required_text()).append("%")) + ")";
  }
  if (op == "isEmptyArray") {
    if (!value.is_bool()) invalid_value(leaf, value);
    return leaf.column + (value.get_bool() ? " = '{}'" : " <> '{}'");
  }
  // search
  const std::string query = ts_prefix_query(required_text());
  if (query.empty()) return "TRUE";
  return leaf.column + " @@ to_tsquery('simple', " + text_param(query) + ")";
}

}  // namespace

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view allowed_operators(model::field_type type, bool rich_text) {
  if (rich_text) return "ilike";
  switch (type) {
    case field_type::text:
      return "eq, neq, gt, gte, lt, lte, in, is, like, ilike, startsWith, endsWith";
    case field_type::boolean:
      return "eq, is";
    case field_type::select:
    case field_type::rating:
      return "eq, neq, in, containsAny, is, isEmptyArray";
    case field_type::multi_select:
      return "containsAny, is, isEmptyArray";
    case field_type::array:
      return "containsIlike, is, isEmptyArray";
    case field_type::raw_json:
    case field_type::files:
      return "is, like";
    case field_type::ts_vector:
      return "search";
    default:  // NUMBER, NUMERIC, POSITION, DATE_TIME, DATE, UUID
      return "eq, neq, gt, gte, lt, lte, in, is";
  }
}

std::string compile_leaf(compile_context& ctx, const filter_leaf& leaf,
                         const boost::json::value& operators) {
  if (!operators.is_object()) {
    fail(bad_user_input("Invalid filter for field \"" + leaf.label + "\"", "INVALID_ARGS_FILTER"));
  }
  std::string out;
  for (const auto& [key, value] : operators.get_object()) {
    const std::string_view op = key;
    if (std::find(known_operators.begin(), known_operators.end(), op) == known_operators.end()) {
      fail(bad_user_input("Operator \"" + std::string(op) + "\" is not supported",
                          "UNSUPPORTED_OPERATOR"));
    }
    const std::string_view allowed = allowed_operators(leaf.type, leaf.rich_text);
    if (!listed(allowed, op)) {
      fail(bad_user_input("Operator \"" + std::string(op) + "\" is not valid for field \"" +
                              leaf.label + "\" of type " + type_label(leaf.type) +
                              " - Allowed operators: " + std::string(allowed),
                          "INVALID_ARGS_FILTER"));
    }
    if (value.is_null()) continue;  // an explicit null operand sets no condition
    if (!out.empty()) out += " AND ";
    out += '(';
    out += compile_operator(ctx, leaf, op, value);
    out += ')';
  }
  return out.empty() ? "TRUE" : out;
}

// A prefix tsquery over the words of the search text: "ada lov" -> 'ada:* & lov:*'.
std::string ts_prefix_query(std::string_view text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += " & ";
    out += word + ":*";
    word.clear();
  };
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace cohort::storage::query
