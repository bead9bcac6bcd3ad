#include "graphql/type/value_literal.hpp"

#include <boost/json.hpp>
#include <cstdlib>

#include "graphql/utilities/print_string.hpp"

namespace cohort::graphql::type {

std::string print_literal(const value_literal& literal) {
  switch (literal.kind) {
    case literal_kind::variable: {
      std::string out(1, '$');
      out.append(literal.text.data(), literal.text.size());
      return out;
    }
    case literal_kind::string_value:
      return literal.block ? utilities::print_block_string(literal.text)
                           : utilities::print_string(literal.text);
    case literal_kind::null_value:
      return "null";
    case literal_kind::list_value:
    case literal_kind::object_value:
      if (literal.print) return literal.print();
      return literal.kind == literal_kind::list_value ? "[]" : "{}";
    default:
      return std::string(literal.text);
  }
}

boost::json::value untyped_value(const value_literal& literal) {
  switch (literal.kind) {
    case literal_kind::null_value:
      return nullptr;
    case literal_kind::int_value: {
      // parseInt: exact while it fits, a double beyond (as JavaScript holds it).
      std::string text(literal.text);
      char* end = nullptr;
      errno = 0;
      long long n = std::strtoll(text.c_str(), &end, 10);
      if (errno == 0 && end && *end == '\0') return static_cast<std::int64_t>(n);
      return std::strtod(text.c_str(), nullptr);
    }
    case literal_kind::float_value:
      return std::strtod(std::string(literal.text).c_str(), nullptr);
    case literal_kind::string_value:
    case literal_kind::enum_value:
      return boost::json::string(literal.text);
    case literal_kind::boolean_value:
      return literal.text == "true";
    case literal_kind::list_value:
    case literal_kind::object_value:
    case literal_kind::variable:
      if (literal.untyped) return *literal.untyped;
      return nullptr;
  }
  return nullptr;
}

}  // namespace cohort::graphql::type
