// Building a schema: describe the types by name (type references are strings such as "[User!]!"),
// then build() resolves the references, adds the built-in scalars, the introspection types and the
// specified directives, validates the result with the specification's type-system rules
// (graphql-js `validateSchema`, same messages) and returns an immutable, shareable schema.
#pragma once

#include <boost/json/value.hpp>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graphql/type/definition.hpp"
#include "graphql/type/directives.hpp"

namespace cohort::graphql::type {

class schema;

struct input_value_config {
  std::string name;
  std::string type;  // "[String!]!"
  std::optional<std::string> description;
  std::optional<boost::json::value> default_value;
  std::optional<std::string> deprecation_reason;

  input_value_config& describe(std::string text);
  input_value_config& default_to(boost::json::value value);
  input_value_config& deprecate(std::string reason = std::string(default_deprecation_reason));
};

// References returned by the builders (field(), arg(), value()) stay valid while more fields,
// values and input fields are added, except arg(): an argument's reference lasts until the next
// arg() of the same field or directive (arguments are a vector: most fields have none).
struct field_config {
  std::string name;
  std::string type;
  std::optional<std::string> description;
  std::vector<input_value_config> args;
  std::optional<std::string> deprecation_reason;
  std::shared_ptr<const extension> ext;

  field_config& describe(std::string text);
  field_config& deprecate(std::string reason = std::string(default_deprecation_reason));
  field_config& extend(std::shared_ptr<const extension> extension);
  input_value_config& arg(std::string arg_name, std::string arg_type);
};

// An object or an interface.
struct object_config {
  std::string name;
  std::optional<std::string> description;
  std::vector<std::string> interfaces;
  std::deque<field_config> fields;
  std::shared_ptr<const extension> ext;

  object_config& describe(std::string text);
  object_config& implements(std::string interface_name);
  object_config& extend(std::shared_ptr<const extension> extension);
  field_config& field(std::string field_name, std::string field_type);
};

struct union_config {
  std::string name;
  std::optional<std::string> description;
  std::vector<std::string> members;
  std::shared_ptr<const extension> ext;

  union_config& describe(std::string text);
  union_config& member(std::string type_name);
};

struct enum_value_config {
  std::string name;
  std::optional<std::string> description;
  std::optional<boost::json::value> value;  // internal value; the name when unset
  std::optional<std::string> deprecation_reason;

  enum_value_config& describe(std::string text);
  enum_value_config& internal_value(boost::json::value v);
  enum_value_config& deprecate(std::string reason = std::string(default_deprecation_reason));
};

struct enum_config {
  std::string name;
  std::optional<std::string> description;
  std::deque<enum_value_config> values;
  std::shared_ptr<const extension> ext;

  enum_config& describe(std::string text);
  enum_value_config& value(std::string value_name);
};

struct input_object_config {
  std::string name;
  std::optional<std::string> description;
  std::deque<input_value_config> fields;
  bool one_of = false;
  std::shared_ptr<const extension> ext;

  input_object_config& describe(std::string text);
  input_object_config& set_one_of(bool value = true);
  input_value_config& field(std::string field_name, std::string field_type);
};

struct scalar_config {
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> specified_by_url;
  scalar_functions functions;
  std::shared_ptr<const extension> ext;

  scalar_config& describe(std::string text);
  scalar_config& specified_by(std::string url);
};

struct directive_config {
  std::string name;
  std::optional<std::string> description;
  std::vector<directive_location> locations;
  std::vector<input_value_config> args;
  bool repeatable = false;
  std::optional<std::string> deprecation_reason;

  directive_config& describe(std::string text);
  directive_config& on(directive_location location);
  directive_config& set_repeatable(bool value = true);
  directive_config& deprecate(std::string reason = std::string(default_deprecation_reason));
  input_value_config& arg(std::string arg_name, std::string arg_type);
};

struct build_options {
  // Skip validateSchema (graphql-js `assumeValid`): for schemas known to be valid. Unknown type
  // references are still errors.
  bool assume_valid = false;
};

struct schema_build_result {
  std::shared_ptr<const type::schema> schema;  // null when there are errors
  std::vector<std::string> errors;

  explicit operator bool() const { return schema != nullptr; }
};

class schema_builder {
 public:
  schema_builder();
  ~schema_builder();
  schema_builder(schema_builder&&) noexcept;
  schema_builder& operator=(schema_builder&&) noexcept;

  schema_builder& description(std::string text);
  // Root operation types. Unset roots default to the types named Query, Mutation and Subscription.
  schema_builder& query(std::string type_name);
  schema_builder& mutation(std::string type_name);
  schema_builder& subscription(std::string type_name);
  // Whether unset roots default to the types named Query, Mutation and Subscription (on by default;
  // off gives graphql-js's programmatic behaviour: only the roots set are roots).
  schema_builder& default_root_names(bool enabled);
  // Opaque data for the layer that executes against the schema (schema::ext()).
  schema_builder& extend(std::shared_ptr<const extension> extension);

  object_config& add_object(std::string name);
  object_config& add_interface(std::string name);
  union_config& add_union(std::string name);
  enum_config& add_enum(std::string name);
  input_object_config& add_input_object(std::string name);
  scalar_config& add_scalar(std::string name);
  scalar_config& add_scalar(scalar_config config);

  // Places a built-in scalar (String, Int, ...) or an introspection type (__Type, ...) at this
  // point of the type order, as buildClientSchema does for the types it finds in a result.
  schema_builder& place_standard_type(std::string name);

  // By default the schema has graphql-js's five specified directives followed by the added ones.
  // Without them it has exactly the added ones (graphql-js `directives: [...]`).
  schema_builder& include_specified_directives(bool include);
  directive_config& add_directive(std::string name);

  // Consumes the builder.
  schema_build_result build(build_options options = {}) &&;

  // Internal representation, shared with the assembler.
  struct object_entry {
    object_config config;
    bool is_interface;
  };
  struct standard_entry {
    std::string name;
  };
  using entry = std::variant<scalar_config, object_entry, union_config, enum_config,
                             input_object_config, standard_entry>;
  // The type added under `name` (any kind, standard placements included), nullptr when none: lets
  // generators that share one builder add a type once or extend what another added. Linear scan.
  entry* find_type(std::string_view name);
  struct state;

 private:
  std::unique_ptr<state> state_;
};

}  // namespace cohort::graphql::type
