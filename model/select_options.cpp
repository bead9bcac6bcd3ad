#include "model/select_options.hpp"

#include <cctype>
#include <set>

namespace cohort::model {
namespace {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool in_space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!in_space) out.push_back(' ');
      in_space = true;
    } else {
      out.push_back(c);
      in_space = false;
    }
  }
  return out;
}

// GraphQL Name: /^[_A-Za-z][_0-9A-Za-z]*$/.
bool is_graphql_enum_name(std::string_view s) {
  if (s.empty()) return false;
  auto first = [](char c) { return c == '_' || std::isalpha(static_cast<unsigned char>(c)); };
  if (!first(s[0])) return false;
  for (char c : s) {
    if (!first(c) && !std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return s != "true" && s != "false" && s != "null";
}

}  // namespace

select_option normalize_option(select_option option) {
  option.value = trim(option.value);
  option.label = collapse_spaces(trim(option.label));
  return option;
}

std::optional<std::string> validate_options(const std::vector<select_option>& options) {
  if (options.empty()) return "Options are required for enum fields";
  std::set<std::string> values, ids;
  std::set<int> positions;
  for (const auto& raw : options) {
    const auto o = normalize_option(raw);
    if (o.label.empty()) return "Option label is required";
    if (o.label.find(',') != std::string::npos) {
      return "Label must not contain a comma: \"" + o.label + "\"";
    }
    if (!is_graphql_enum_name(o.value)) {
      return "Value must be in UPPER_CASE and follow snake_case \"" + o.value + "\"";
    }
    if (!values.insert(o.value).second) return "Duplicated option value \"" + o.value + "\"";
    if (!o.id.empty() && !ids.insert(o.id).second) return "Duplicated option id \"" + o.id + "\"";
    if (!positions.insert(o.position).second) {
      return "Duplicated option position \"" + std::to_string(o.position) + "\"";
    }
  }
  return std::nullopt;
}

std::optional<std::string> unquote_literal(std::string_view literal) {
  if (literal.size() < 2 || literal.front() != '\'' || literal.back() != '\'') return std::nullopt;
  return std::string(literal.substr(1, literal.size() - 2));
}

std::optional<std::string> validate_option_default(field_type type,
                                                   const boost::json::value& default_value,
                                                   const std::vector<select_option>& options) {
  if (default_value.is_null()) return std::nullopt;
  auto check_one = [&](const boost::json::value& v) -> std::optional<std::string> {
    const auto* s = v.if_string();
    const auto value = s ? unquote_literal(std::string_view(s->data(), s->size())) : std::nullopt;
    if (!value) return "Default value must be a quoted option value such as \"'OPTION_1'\"";
    for (const auto& o : options) {
      if (o.value == *value) return std::nullopt;
    }
    return "Default value \"" + *value + "\" must be one of the option values";
  };
  if (type == field_type::multi_select) {
    const auto* array = default_value.if_array();
    if (!array) return "Default value for a multi-select must be an array of option values";
    for (const auto& v : *array) {
      if (auto e = check_one(v)) return e;
    }
    return std::nullopt;
  }
  return check_one(default_value);
}

}  // namespace cohort::model
