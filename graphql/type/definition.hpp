// The GraphQL type system's definitions (graphql-js `type/definition`): named types of six kinds,
// their fields, arguments, input fields and enum values. Instances live inside a `schema`, which
// builds them (schema_builder) and hands them out only as const; after that nothing changes, so a
// schema is shared across threads without locks.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/type/coercion_result.hpp"
#include "graphql/type/type_ref.hpp"
#include "graphql/type/value_literal.hpp"

namespace cohort::graphql::type {

namespace detail {
class schema_assembler;
class schema_validator;
}  // namespace detail

enum class type_kind : std::uint8_t {
  scalar,
  object,
  interface,
  union_type,
  enum_type,
  input_object
};

// "SCALAR", "OBJECT", ... as __TypeKind spells them.
std::string_view to_string(type_kind kind);

// Opaque data that the layers above attach to definitions (execution: resolvers). The type system
// never looks inside; a user derives from it and downcasts.
class extension {
 public:
  virtual ~extension() = default;
};

// graphql-js's DEFAULT_DEPRECATION_REASON.
inline constexpr std::string_view default_deprecation_reason = "No longer supported";

// An argument of a field or directive, or a field of an input object.
struct input_value {
  std::string name;
  std::optional<std::string> description;
  type_ref type;
  // The internal value used when none is given; nullopt means no default (a null default is a JSON
  // null). Enum values are held as their internal value.
  std::optional<boost::json::value> default_value;
  std::optional<std::string> deprecation_reason;

  bool is_required() const { return type.is_non_null() && !default_value; }
  bool is_deprecated() const { return deprecation_reason.has_value(); }
};

struct field_definition {
  std::string name;
  std::optional<std::string> description;
  type_ref type;
  std::vector<input_value> args;
  std::optional<std::string> deprecation_reason;
  std::shared_ptr<const extension> ext;

  const input_value* arg(std::string_view arg_name) const;
  bool is_deprecated() const { return deprecation_reason.has_value(); }
};

struct enum_value_definition {
  std::string name;
  std::optional<std::string> description;
  // The internal value (graphql-js `value`); the name as a string unless given.
  boost::json::value value;
  std::optional<std::string> deprecation_reason;

  bool is_deprecated() const { return deprecation_reason.has_value(); }
};

class named_type {
 public:
  named_type(const named_type&) = delete;
  named_type& operator=(const named_type&) = delete;

  type_kind kind() const { return kind_; }
  const std::string& name() const { return name_; }
  const std::optional<std::string>& description() const { return description_; }
  // Position in schema::types(); dense, so callers can index side tables by it.
  std::uint32_t index() const { return index_; }
  const extension* ext() const { return ext_.get(); }

  bool is_input_type() const {
    return kind_ == type_kind::scalar || kind_ == type_kind::enum_type ||
           kind_ == type_kind::input_object;
  }
  bool is_output_type() const { return kind_ != type_kind::input_object; }
  bool is_leaf_type() const { return kind_ == type_kind::scalar || kind_ == type_kind::enum_type; }
  bool is_composite_type() const {
    return kind_ == type_kind::object || kind_ == type_kind::interface ||
           kind_ == type_kind::union_type;
  }
  bool is_abstract_type() const {
    return kind_ == type_kind::interface || kind_ == type_kind::union_type;
  }

 protected:
  named_type(type_kind kind, std::string name) : kind_(kind), name_(std::move(name)) {}
  ~named_type() = default;

 private:
  friend class detail::schema_assembler;
  type_kind kind_;
  std::uint32_t index_ = 0;
  std::string name_;
  std::optional<std::string> description_;
  std::shared_ptr<const extension> ext_;
};

using serialize_fn = std::function<coercion_result(const boost::json::value&)>;
using parse_value_fn = std::function<coercion_result(const boost::json::value&)>;
using parse_literal_fn = std::function<coercion_result(const value_literal&)>;

// A scalar's coercions (graphql-js serialize / parseValue / parseLiteral). An empty serialize or
// parse_value is the identity; an empty parse_literal is parse_value(untyped_value(literal)).
struct scalar_functions {
  serialize_fn serialize;
  parse_value_fn parse_value;
  parse_literal_fn parse_literal;
};

class scalar_type final : public named_type {
 public:
  explicit scalar_type(std::string name) : named_type(type_kind::scalar, std::move(name)) {}

  const std::optional<std::string>& specified_by_url() const { return specified_by_url_; }
  // True for Int, Float, String, Boolean and ID.
  bool is_specified() const { return specified_; }

  coercion_result serialize(const boost::json::value& output) const;
  coercion_result parse_value(const boost::json::value& input) const;
  coercion_result parse_literal(const value_literal& literal) const;

 private:
  friend class detail::schema_assembler;
  std::optional<std::string> specified_by_url_;
  scalar_functions functions_;
  bool specified_ = false;
};

class interface_type;
class object_type;

// Fields and implemented interfaces: what objects and interfaces share.
class fields_type : public named_type {
 public:
  std::span<const field_definition> fields() const { return fields_; }
  const field_definition* field(std::string_view field_name) const;
  std::span<const interface_type* const> interfaces() const { return interfaces_; }
  bool implements(const interface_type& iface) const;

 protected:
  using named_type::named_type;
  ~fields_type() = default;

 private:
  friend class detail::schema_assembler;
  friend class detail::schema_validator;
  std::vector<field_definition> fields_;
  std::vector<std::uint32_t> fields_by_name_;
  std::vector<const interface_type*> interfaces_;
  // As declared, before validation proved each one an interface.
  std::vector<const named_type*> declared_interfaces_;
};

class object_type final : public fields_type {
 public:
  explicit object_type(std::string name) : fields_type(type_kind::object, std::move(name)) {}
};

// The sub-types of an abstract type, as a bit per schema type index: is_sub_type in O(1).
class abstract_type_index {
 public:
  std::span<const object_type* const> possible_types() const { return possible_types_; }
  bool has_sub_type(const named_type& type) const {
    auto i = type.index();
    return (i >> 6) < sub_types_.size() && ((sub_types_[i >> 6] >> (i & 63)) & 1) != 0;
  }

 private:
  friend class detail::schema_assembler;
  std::vector<const object_type*> possible_types_;
  std::vector<std::uint64_t> sub_types_;
};

class interface_type final : public fields_type, public abstract_type_index {
 public:
  explicit interface_type(std::string name) : fields_type(type_kind::interface, std::move(name)) {}

  // graphql-js schema.getImplementations(iface).
  std::span<const object_type* const> object_implementations() const { return possible_types(); }
  std::span<const interface_type* const> interface_implementations() const {
    return interface_implementations_;
  }

 private:
  friend class detail::schema_assembler;
  std::vector<const interface_type*> interface_implementations_;
};

class union_type final : public named_type, public abstract_type_index {
 public:
  explicit union_type(std::string name) : named_type(type_kind::union_type, std::move(name)) {}

  std::span<const object_type* const> members() const { return possible_types(); }

 private:
  friend class detail::schema_assembler;
  friend class detail::schema_validator;
  std::vector<const named_type*> declared_members_;
};

class enum_type final : public named_type {
 public:
  explicit enum_type(std::string name) : named_type(type_kind::enum_type, std::move(name)) {}

  std::span<const enum_value_definition> values() const { return values_; }
  const enum_value_definition* value(std::string_view value_name) const;

  // graphql-js GraphQLEnumType serialize / parseValue / parseLiteral, with its messages
  // (and "Did you mean" suggestions unless hidden).
  coercion_result serialize(const boost::json::value& output) const;
  coercion_result parse_value(const boost::json::value& input, bool hide_suggestions = false) const;
  coercion_result parse_literal(const value_literal& literal, bool hide_suggestions = false) const;

 private:
  friend class detail::schema_assembler;
  std::string did_you_mean_value(std::string_view input) const;
  std::vector<enum_value_definition> values_;
  std::vector<std::uint32_t> values_by_name_;
};

class input_object_type final : public named_type {
 public:
  explicit input_object_type(std::string name)
      : named_type(type_kind::input_object, std::move(name)) {}

  std::span<const input_value> fields() const { return fields_; }
  const input_value* field(std::string_view field_name) const;
  bool is_one_of() const { return one_of_; }

 private:
  friend class detail::schema_assembler;
  std::vector<input_value> fields_;
  std::vector<std::uint32_t> fields_by_name_;
  bool one_of_ = false;
};

// Downcasts by kind; nullptr when the kind differs.
const scalar_type* as_scalar(const named_type* type);
const object_type* as_object(const named_type* type);
const interface_type* as_interface(const named_type* type);
const union_type* as_union(const named_type* type);
const enum_type* as_enum(const named_type* type);
const input_object_type* as_input_object(const named_type* type);
// Object or interface.
const fields_type* as_fields_type(const named_type* type);
// Interface or union.
const abstract_type_index* as_abstract(const named_type* type);

}  // namespace cohort::graphql::type
