#include "graphql/utilities/ast_from_value.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "graphql/type/definition.hpp"
#include "graphql/utilities/js_values.hpp"
#include "graphql/utilities/print_string.hpp"

namespace cohort::graphql::utilities {

namespace json = boost::json;

namespace {

struct literal {
  std::string text;
  bool is_null = false;
};

bool is_integer_string(std::string_view s) {
  // /^-?(?:0|[1-9][0-9]*)$/
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  if (s.empty()) return false;
  if (s[0] == '0') return s.size() == 1;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<literal> from_value(const json::value& value, type::type_ref type) {
  if (type.is_non_null()) {
    auto inner = from_value(value, type.of_type());
    if (inner && inner->is_null) return std::nullopt;
    return inner;
  }
  if (value.is_null()) return literal{"null", true};

  if (type.is_list()) {
    type::type_ref item_type = type.of_type();
    if (value.is_array()) {
      std::string out = "[";
      bool first = true;
      for (const auto& item : value.get_array()) {
        auto node = from_value(item, item_type);
        if (!node) continue;
        if (!first) out += ", ";
        first = false;
        out += node->text;
      }
      out += "]";
      return literal{std::move(out)};
    }
    return from_value(value, item_type);
  }

  const type::named_type* named = type.named();
  if (const auto* input = type::as_input_object(named)) {
    if (!value.is_object()) return std::nullopt;
    const auto& obj = value.get_object();
    std::string out = "{";
    bool first = true;
    for (const auto& field : input->fields()) {
      auto it = obj.find(field.name);
      if (it == obj.end()) continue;  // undefined
      auto node = from_value(it->value(), field.type);
      if (!node) continue;
      if (!first) out += ", ";
      first = false;
      out += field.name + ": " + node->text;
    }
    out += "}";
    return literal{std::move(out)};
  }

  // Leaf: serialize to the external value first.
  type::coercion_result serialized = [&]() -> type::coercion_result {
    if (const auto* e = type::as_enum(named)) return e->serialize(value);
    if (const auto* s = type::as_scalar(named)) return s->serialize(value);
    return type::coercion_result::error("not a leaf type");
  }();
  if (!serialized) return std::nullopt;
  const json::value& out = serialized.value();
  if (out.is_null()) return std::nullopt;
  if (out.is_bool()) return literal{out.get_bool() ? "true" : "false"};
  if (is_number(out)) {
    if (!std::isfinite(as_double(out))) return std::nullopt;
    return literal{*js_number_to_string(out)};
  }
  if (out.is_string()) {
    std::string_view text = out.get_string();
    if (named->kind() == type::type_kind::enum_type) return literal{std::string(text)};
    if (named->name() == "ID" && is_integer_string(text)) return literal{std::string(text)};
    return literal{print_string(text)};
  }
  return literal{print_untyped_literal(out)};
}

}  // namespace

std::optional<std::string> print_value_literal(const json::value& value, type::type_ref type) {
  auto node = from_value(value, type);
  if (!node) return std::nullopt;
  return std::move(node->text);
}

std::string print_untyped_literal(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return value.get_bool() ? "true" : "false";
    case json::kind::string:
      return print_string(value.get_string());
    case json::kind::array: {
      std::string out = "[";
      bool first = true;
      for (const auto& item : value.get_array()) {
        if (!first) out += ", ";
        first = false;
        out += print_untyped_literal(item);
      }
      return out + "]";
    }
    case json::kind::object: {
      std::string out = "{";
      bool first = true;
      for (const auto& kv : value.get_object()) {
        if (!first) out += ", ";
        first = false;
        out.append(kv.key().data(), kv.key().size());
        out += ": " + print_untyped_literal(kv.value());
      }
      return out + "}";
    }
    default:
      return *js_number_to_string(value);
  }
}

}  // namespace cohort::graphql::utilities
