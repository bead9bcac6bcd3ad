#include "graphql/type/definition.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "graphql/type/name_index.hpp"
#include "graphql/utilities/js_values.hpp"
#include "graphql/utilities/suggestion_list.hpp"

namespace cohort::graphql::type {

namespace json = boost::json;

std::string_view to_string(type_kind kind) {
  switch (kind) {
    case type_kind::scalar:
      return "SCALAR";
    case type_kind::object:
      return "OBJECT";
    case type_kind::interface:
      return "INTERFACE";
    case type_kind::union_type:
      return "UNION";
    case type_kind::enum_type:
      return "ENUM";
    case type_kind::input_object:
      return "INPUT_OBJECT";
  }
  return "";
}

const input_value* field_definition::arg(std::string_view arg_name) const {
  for (const auto& a : args) {
    if (a.name == arg_name) return &a;
  }
  return nullptr;
}

const field_definition* fields_type::field(std::string_view field_name) const {
  return detail::find_by_name(std::span<const field_definition>(fields_), fields_by_name_,
                              field_name);
}

bool fields_type::implements(const interface_type& iface) const {
  return std::find(interfaces_.begin(), interfaces_.end(), &iface) != interfaces_.end();
}

const input_value* input_object_type::field(std::string_view field_name) const {
  return detail::find_by_name(std::span<const input_value>(fields_), fields_by_name_, field_name);
}

const enum_value_definition* enum_type::value(std::string_view value_name) const {
  return detail::find_by_name(std::span<const enum_value_definition>(values_), values_by_name_,
                              value_name);
}

std::string enum_type::did_you_mean_value(std::string_view input) const {
  std::vector<std::string_view> names;
  names.reserve(values_.size());
  for (const auto& v : values_) names.push_back(v.name);
  return utilities::did_you_mean("the enum value", utilities::suggestion_list(input, names));
}

coercion_result enum_type::serialize(const json::value& output) const {
  // Values are usually their own names: try the name index first.
  if (output.is_string()) {
    if (const auto* v = value(output.get_string()); v && v->value == output)
      return json::value(v->name);
  }
  for (const auto& v : values_) {
    if (v.value == output) return json::value(v.name);
  }
  return coercion_result::error("Enum \"" + name() +
                                "\" cannot represent value: " + utilities::inspect(output));
}

coercion_result enum_type::parse_value(const json::value& input, bool hide_suggestions) const {
  if (!input.is_string()) {
    std::string value_str = utilities::inspect(input);
    return coercion_result::error("Enum \"" + name() +
                                  "\" cannot represent non-string value: " + value_str + "." +
                                  (hide_suggestions ? "" : did_you_mean_value(value_str)));
  }
  std::string_view text = input.get_string();
  const auto* v = value(text);
  if (v == nullptr) {
    return coercion_result::error("Value \"" + std::string(text) + "\" does not exist in \"" +
                                  name() + "\" enum." +
                                  (hide_suggestions ? "" : did_you_mean_value(text)));
  }
  return v->value;
}

coercion_result enum_type::parse_literal(const value_literal& literal,
                                         bool hide_suggestions) const {
  if (literal.kind != literal_kind::enum_value) {
    std::string value_str = print_literal(literal);
    return coercion_result::error("Enum \"" + name() +
                                  "\" cannot represent non-enum value: " + value_str + "." +
                                  (hide_suggestions ? "" : did_you_mean_value(value_str)));
  }
  const auto* v = value(literal.text);
  if (v == nullptr) {
    std::string value_str(literal.text);
    return coercion_result::error("Value \"" + value_str + "\" does not exist in \"" + name() +
                                  "\" enum." +
                                  (hide_suggestions ? "" : did_you_mean_value(value_str)));
  }
  return v->value;
}

coercion_result scalar_type::serialize(const json::value& output) const {
  if (!functions_.serialize) return output;
  return functions_.serialize(output);
}

coercion_result scalar_type::parse_value(const json::value& input) const {
  if (!functions_.parse_value) return input;
  return functions_.parse_value(input);
}

coercion_result scalar_type::parse_literal(const value_literal& literal) const {
  if (functions_.parse_literal) return functions_.parse_literal(literal);
  return parse_value(untyped_value(literal));
}

const scalar_type* as_scalar(const named_type* type) {
  return type && type->kind() == type_kind::scalar ? static_cast<const scalar_type*>(type)
                                                   : nullptr;
}
const object_type* as_object(const named_type* type) {
  return type && type->kind() == type_kind::object ? static_cast<const object_type*>(type)
                                                   : nullptr;
}
const interface_type* as_interface(const named_type* type) {
  return type && type->kind() == type_kind::interface ? static_cast<const interface_type*>(type)
                                                      : nullptr;
}
const union_type* as_union(const named_type* type) {
  return type && type->kind() == type_kind::union_type ? static_cast<const union_type*>(type)
                                                       : nullptr;
}
const enum_type* as_enum(const named_type* type) {
  return type && type->kind() == type_kind::enum_type ? static_cast<const enum_type*>(type)
                                                      : nullptr;
}
const input_object_type* as_input_object(const named_type* type) {
  return type && type->kind() == type_kind::input_object
             ? static_cast<const input_object_type*>(type)
             : nullptr;
}
const fields_type* as_fields_type(const named_type* type) {
  if (auto* o = as_object(type)) return o;
  return as_interface(type);
}
const abstract_type_index* as_abstract(const named_type* type) {
  if (auto* i = as_interface(type)) return i;
  return as_union(type);
}

// type_ref

type_ref type_ref::list_of(type_ref item) {
  type_ref r = item;
  r.list_depth_ = static_cast<std::uint8_t>(item.list_depth_ + 1);
  r.non_null_ = item.non_null_ << 1;
  return r;
}

type_ref type_ref::non_null_of(type_ref inner) {
  type_ref r = inner;
  r.non_null_ |= 1;
  return r;
}

type_ref type_ref::of_type() const {
  type_ref r = *this;
  if (is_non_null()) {
    r.non_null_ &= ~std::uint64_t{1};
  } else if (list_depth_ > 0) {
    r.list_depth_ = static_cast<std::uint8_t>(list_depth_ - 1);
    r.non_null_ >>= 1;
  }
  return r;
}

type_ref type_ref::nullable() const {
  type_ref r = *this;
  r.non_null_ &= ~std::uint64_t{1};
  return r;
}

bool type_ref::is_input_type() const {
  return named_ && named_->is_input_type();
}
bool type_ref::is_output_type() const {
  return named_ && named_->is_output_type();
}

std::string type_ref::to_string() const {
  std::string out;
  for (int level = 0; level < list_depth_; ++level) out.push_back('[');
  if (named_) out += named_->name();
  if ((non_null_ >> list_depth_) & 1) out.push_back('!');
  for (int level = list_depth_ - 1; level >= 0; --level) {
    out.push_back(']');
    if ((non_null_ >> level) & 1) out.push_back('!');
  }
  return out;
}

}  // namespace cohort::graphql::type
