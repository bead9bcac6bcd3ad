#include "graphql/validation/literal_coercion.hpp"

#include <boost/json.hpp>
#include <cstdlib>
#include <string>

#include "graphql/language/printer.hpp"

namespace cohort::graphql::validation {

namespace lang = language;

namespace {

// graphql-js valueFromASTUntyped with no variables (a variable is undefined, held as null).
boost::json::value untyped(const lang::value_node& v) {
  switch (v.kind) {
    case lang::node_kind::int_value: {
      std::string text(lang::as<lang::int_value_node>(v).value);
      char* end = nullptr;
      errno = 0;
      long long n = std::strtoll(text.c_str(), &end, 10);
      if (errno == 0 && end != nullptr && *end == '\0') return static_cast<std::int64_t>(n);
      return std::strtod(text.c_str(), nullptr);
    }
    case lang::node_kind::float_value:
      return std::strtod(std::string(lang::as<lang::float_value_node>(v).value).c_str(), nullptr);
    case lang::node_kind::string_value:
      return boost::json::string(lang::as<lang::string_value_node>(v).value);
    case lang::node_kind::enum_value:
      return boost::json::string(lang::as<lang::enum_value_node>(v).value);
    case lang::node_kind::boolean_value:
      return lang::as<lang::boolean_value_node>(v).value;
    case lang::node_kind::list_value: {
      boost::json::array items;
      for (const auto* item : lang::as<lang::list_value_node>(v).values)
        items.push_back(untyped(*item));
      return items;
    }
    case lang::node_kind::object_value: {
      boost::json::object fields;
      for (const auto& f : lang::as<lang::object_value_node>(v).fields) {
        fields[f.name.value] = untyped(*f.value);
      }
      return fields;
    }
    default:
      return nullptr;
  }
}

type::literal_kind kind_of(lang::node_kind k) {
  switch (k) {
    case lang::node_kind::variable:
      return type::literal_kind::variable;
    case lang::node_kind::int_value:
      return type::literal_kind::int_value;
    case lang::node_kind::float_value:
      return type::literal_kind::float_value;
    case lang::node_kind::string_value:
      return type::literal_kind::string_value;
    case lang::node_kind::boolean_value:
      return type::literal_kind::boolean_value;
    case lang::node_kind::enum_value:
      return type::literal_kind::enum_value;
    case lang::node_kind::list_value:
      return type::literal_kind::list_value;
    case lang::node_kind::object_value:
      return type::literal_kind::object_value;
    default:
      return type::literal_kind::null_value;
  }
}

}  // namespace

type::coercion_result parse_leaf_literal(const type::named_type& leaf,
                                         const lang::value_node& value, bool hide_suggestions) {
  type::value_literal literal;
  literal.kind = kind_of(value.kind);
  switch (value.kind) {
    case lang::node_kind::variable:
      literal.text = lang::as<lang::variable_node>(value).name.value;
      break;
    case lang::node_kind::int_value:
      literal.text = lang::as<lang::int_value_node>(value).value;
      break;
    case lang::node_kind::float_value:
      literal.text = lang::as<lang::float_value_node>(value).value;
      break;
    case lang::node_kind::string_value:
      literal.text = lang::as<lang::string_value_node>(value).value;
      literal.block = lang::as<lang::string_value_node>(value).block;
      break;
    case lang::node_kind::boolean_value:
      literal.text = lang::as<lang::boolean_value_node>(value).value ? "true" : "false";
      break;
    case lang::node_kind::enum_value:
      literal.text = lang::as<lang::enum_value_node>(value).value;
      break;
    default:
      break;
  }
  boost::json::value plain;
  if (literal.kind == type::literal_kind::list_value ||
      literal.kind == type::literal_kind::object_value ||
      literal.kind == type::literal_kind::variable) {
    plain = untyped(value);
    literal.untyped = &plain;
    literal.print = [&value] { return lang::print(value); };
  }
  if (const auto* e = type::as_enum(&leaf)) return e->parse_literal(literal, hide_suggestions);
  return type::as_scalar(&leaf)->parse_literal(literal);
}

}  // namespace cohort::graphql::validation
