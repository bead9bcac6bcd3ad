// Internal to graphql/type: turns a schema_builder's description into a schema. Resolves type
// references, orders the types as graphql-js collects them, builds the lookup tables, then runs
// schema validation.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/type/schema.hpp"
#include "graphql/type/schema_builder.hpp"

namespace cohort::graphql::type {

struct schema_builder::state {
  std::optional<std::string> description;
  std::optional<std::string> roots[3];
  std::deque<entry> entries;
  bool specified_directives = true;
  bool default_root_names = true;
  std::deque<directive_config> directives;
  std::shared_ptr<const extension> ext;
};

namespace detail {

// A parsed type reference: "[[Foo!]]!" is Foo, two lists, Non-Null at levels 0 and 2.
struct type_expression {
  std::string_view name;
  int list_depth = 0;
  std::uint64_t non_null = 0;  // bit i: level i (0 = outermost) is Non-Null
};
std::optional<type_expression> parse_type_expression(std::string_view text);

class schema_assembler {
 public:
  schema_assembler(schema_builder::state state, build_options options);
  schema_build_result run();

 private:
  using entry = schema_builder::entry;

  void collect_standard_pool();
  void order_types();
  void collect_references(const entry& e);
  void visit_type_name(std::string_view name);
  void create_types();
  void fill_types();
  void fill_fields(fields_type& type, object_config& config);
  input_value make_input_value(input_value_config& config, std::string_view owner,
                               bool is_argument);
  type_ref resolve(std::string_view expression);
  const named_type* resolve_named(std::string_view name);
  void build_directives();
  void resolve_roots();
  void build_meta_fields();
  void compute_abstract_tables();
  void finalize_typed_views();
  void check_name(std::string_view name);
  void report(std::string message) { errors_.push_back(std::move(message)); }

  schema_builder::state state_;
  build_options options_;
  std::shared_ptr<schema> schema_;
  std::vector<std::string> errors_;
  bool unknown_type_ = false;

  // Standard types (built-in scalars, introspection types) not declared by the user.
  std::deque<entry> standard_pool_;
  std::unordered_map<std::string_view, entry*> available_;  // name -> definition
  std::unordered_map<std::string_view, bool> collected_;    // name -> already in the order
  std::vector<entry*> order_;
};

}  // namespace detail
}  // namespace cohort::graphql::type
