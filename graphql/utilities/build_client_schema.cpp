#include "graphql/utilities/build_client_schema.hpp"

#include <boost/json.hpp>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "graphql/type/introspection.hpp"
#include "graphql/type/scalars.hpp"
#include "graphql/type/scalars_extra.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/utilities/js_values.hpp"
#include "graphql/utilities/value_literal_parser.hpp"

namespace cohort::graphql::utilities {

namespace json = boost::json;
using namespace cohort::graphql::type;

namespace {

// Thrown inside this file only; build_client_schema turns it into an error value.
struct client_schema_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const json::value* member(const json::value& v, std::string_view key) {
  if (!v.is_object()) return nullptr;
  return v.get_object().if_contains(key);
}

bool is_null_or_missing(const json::value* v) {
  return v == nullptr || v->is_null();
}

std::optional<std::string> optional_string(const json::value& v, std::string_view key) {
  const json::value* m = member(v, key);
  if (m && m->is_string()) return std::string(m->get_string());
  return std::nullopt;
}

// The Twenty scalar of that name with its real coercions, or nullopt for another name.
std::optional<scalar_config> known_scalar(std::string_view name) {
  using factory = scalar_config (*)();
  static const std::pair<std::string_view, factory> known[] = {
      {"UUID", twenty_scalars::uuid},
      {"DateTime", twenty_scalars::date_time},
      {"Date", twenty_scalars::date},
      {"JSON", twenty_scalars::json},
      {"JSONObject", twenty_scalars::json_object},
      {"BigFloat", twenty_scalars::big_float},
      {"BigInt", twenty_scalars::big_int},
      {"Cursor", twenty_scalars::cursor},
      {"ConnectionCursor", twenty_scalars::connection_cursor},
      {"Position", twenty_scalars::position},
      {"TSVector", twenty_scalars::ts_vector},
      {"Upload", twenty_scalars::upload},
      {"RawJSONScalar", twenty_scalars::raw_json},
  };
  for (const auto& [known_name, make] : known) {
    if (known_name == name) return make();
  }
  return std::nullopt;
}

// How the builder treats a result: a whole client schema (build_client_schema), or types merged
// into a caller's builder (add_introspection_types).
struct import_mode {
  bool merge = false;
  const introspection_import* import = nullptr;
};

class client_schema_builder {
 public:
  client_schema_builder(const json::value& schema_json, schema_builder& builder,
                        import_mode mode = {})
      : schema_(schema_json), builder_(builder), mode_(mode) {}

  // Merging: the types (filtered) and root fields, roots registered; no directives unless asked.
  introspection_roots merge() {
    const json::value* types = checked_types();
    const char* roots[] = {"queryType", "mutationType", "subscriptionType"};
    for (int i = 0; i < 3; ++i) {
      const json::value* root = member(schema_, roots[i]);
      if (!is_null_or_missing(root)) root_names_[i] = optional_string(*root, "name");
    }
    introspection_roots out;
    for (const auto& t : types->get_array()) {
      auto name = optional_string(t, "name");
      if (name && mode_.import->include_type && !mode_.import->include_type(*name)) continue;
      object_config* created = build_type(t);
      for (int i = 0; i < 3; ++i) {
        if (!created || root_names_[i] != created->name) continue;
        (i == 0 ? out.query : i == 1 ? out.mutation : out.subscription) = created;
        if (i == 0) builder_.query(created->name);
        if (i == 1) builder_.mutation(created->name);
        if (i == 2) builder_.subscription(created->name);
      }
    }
    if (mode_.import->directives) {
      builder_.include_specified_directives(false);
      if (const json::value* directives = member(schema_, "directives");
          directives && directives->is_array()) {
        for (const auto& d : directives->get_array()) build_directive(d);
      }
    }
    return out;
  }

  void run() {
    const json::value* types = checked_types();
    for (const auto& t : types->get_array()) build_type(t);

    const char* roots[] = {"queryType", "mutationType", "subscriptionType"};
    builder_.default_root_names(false);
    for (int i = 0; i < 3; ++i) {
      const json::value* root = member(schema_, roots[i]);
      if (is_null_or_missing(root)) continue;
      std::string name = named_type_name(*root);
      if (i == 0) builder_.query(name);
      if (i == 1) builder_.mutation(name);
      if (i == 2) builder_.subscription(name);
    }
    if (auto description = optional_string(schema_, "description")) {
      builder_.description(*description);
    }
    builder_.include_specified_directives(false);
    if (const json::value* directives = member(schema_, "directives");
        directives && directives->is_array()) {
      for (const auto& d : directives->get_array()) build_directive(d);
    }
  }

 private:
  const json::value* checked_types() {
    const json::value* types = member(schema_, "types");
    if (!types || !types->is_array()) {
      throw client_schema_error(
          "Invalid or incomplete introspection result. Ensure that you are passing \"data\" "
          "property of introspection response and no \"errors\" was returned alongside: " +
          inspect(schema_) + ".");
    }
    for (const auto& t : types->get_array()) {
      if (auto name = optional_string(t, "name")) types_by_name_[*name] = &t;
    }
    return types;
  }

  // The object or interface created, for the caller to find root types.
  object_config* build_type(const json::value& t) {
    auto name = optional_string(t, "name");
    auto kind = optional_string(t, "kind");
    if (!name || !kind) {
      throw client_schema_error(
          "Invalid or incomplete introspection result. Ensure that a full introspection query is "
          "used in order to build a client schema: " +
          inspect(t) + ".");
    }
    if (is_specified_scalar_name(*name) || is_introspection_type_name(*name)) {
      builder_.place_standard_type(*name);
      return nullptr;
    }
    auto description = optional_string(t, "description");
    if (*kind == "SCALAR") {
      auto known = mode_.merge ? known_scalar(*name) : std::nullopt;
      auto& s = known ? builder_.add_scalar(std::move(*known)) : builder_.add_scalar(*name);
      s.description = description;
      s.specified_by_url = optional_string(t, "specifiedByURL");
    } else if (*kind == "OBJECT" || *kind == "INTERFACE") {
      bool is_interface = *kind == "INTERFACE";
      auto& o = is_interface ? builder_.add_interface(*name) : builder_.add_object(*name);
      o.description = description;
      const json::value* interfaces = member(t, "interfaces");
      if (!(is_interface && interfaces && interfaces->is_null())) {
        if (!interfaces || !interfaces->is_array()) {
          throw client_schema_error("Introspection result missing interfaces: " + inspect(t) + ".");
        }
        for (const auto& i : interfaces->get_array()) o.implements(named_type_name(i));
      }
      const json::value* fields = member(t, "fields");
      if (!fields || !fields->is_array()) {
        throw client_schema_error("Introspection result missing fields: " + inspect(t) + ".");
      }
      int root = root_index(*name);
      for (const auto& f : fields->get_array()) {
        root_field_choice choice = root_field_choice::keep;
        if (root >= 0 && mode_.import->include_root_field) {
          choice = mode_.import->include_root_field(root_type_label(root),
                                                    optional_string(f, "name").value_or(""));
        }
        if (choice == root_field_choice::skip) continue;
        build_field(o, f, choice == root_field_choice::keep_without_args);
      }
      return &o;
    } else if (*kind == "UNION") {
      const json::value* possible = member(t, "possibleTypes");
      if (!possible || !possible->is_array()) {
        throw client_schema_error("Introspection result missing possibleTypes: " + inspect(t) +
                                  ".");
      }
      auto& u = builder_.add_union(*name);
      u.description = description;
      for (const auto& p : possible->get_array()) u.member(named_type_name(p));
    } else if (*kind == "ENUM") {
      const json::value* values = member(t, "enumValues");
      if (!values || !values->is_array()) {
        throw client_schema_error("Introspection result missing enumValues: " + inspect(t) + ".");
      }
      auto& e = builder_.add_enum(*name);
      e.description = description;
      for (const auto& v : values->get_array()) {
        auto& value = e.value(optional_string(v, "name").value_or(""));
        value.description = optional_string(v, "description");
        value.deprecation_reason = optional_string(v, "deprecationReason");
      }
    } else if (*kind == "INPUT_OBJECT") {
      const json::value* fields = member(t, "inputFields");
      if (!fields || !fields->is_array()) {
        throw client_schema_error("Introspection result missing inputFields: " + inspect(t) + ".");
      }
      auto& in = builder_.add_input_object(*name);
      in.description = description;
      const json::value* one_of = member(t, "isOneOf");
      in.one_of = one_of && one_of->is_bool() && one_of->get_bool();
      for (const auto& f : fields->get_array()) {
        auto& field = in.fields.emplace_back();
        build_input_value(field, f);
      }
    } else {
      throw client_schema_error(
          "Invalid or incomplete introspection result. Ensure that a full introspection query is "
          "used in order to build a client schema: " +
          inspect(t) + ".");
    }
    return nullptr;
  }

  // Which root operation type `name` is when merging (0 query, 1 mutation, 2 subscription).
  int root_index(const std::string& name) const {
    if (!mode_.merge) return -1;
    for (int i = 0; i < 3; ++i) {
      if (root_names_[i] == name) return i;
    }
    return -1;
  }
  static std::string_view root_type_label(int index) {
    return index == 0 ? "Query" : index == 1 ? "Mutation" : "Subscription";
  }

  void build_field(object_config& o, const json::value& f, bool drop_args = false) {
    const json::value* type = member(f, "type");
    std::string type_expr = type ? type_expression(*type) : "";
    if (type == nullptr || !is_output(*type)) {
      throw client_schema_error(
          "Introspection must provide output type for fields, but received: " + type_expr + ".");
    }
    const json::value* args = member(f, "args");
    if (!args || !args->is_array()) {
      throw client_schema_error("Introspection result missing field args: " + inspect(f) + ".");
    }
    auto& field = o.field(optional_string(f, "name").value_or(""), type_expr);
    field.description = optional_string(f, "description");
    field.deprecation_reason = optional_string(f, "deprecationReason");
    if (drop_args) return;
    for (const auto& a : args->get_array()) build_input_value(field.args.emplace_back(), a);
  }

  void build_input_value(input_value_config& config, const json::value& v) {
    const json::value* type = member(v, "type");
    std::string type_expr = type ? type_expression(*type) : "";
    if (type == nullptr || !is_input(*type)) {
      throw client_schema_error(
          "Introspection must provide input type for arguments, but received: " + type_expr + ".");
    }
    config.name = optional_string(v, "name").value_or("");
    config.type = type_expr;
    config.description = optional_string(v, "description");
    config.deprecation_reason = optional_string(v, "deprecationReason");
    if (auto literal = optional_string(v, "defaultValue")) {
      auto parsed = parse_value_literal(*literal);
      if (!parsed.node) throw client_schema_error("Syntax Error: " + parsed.error);
      config.default_value = coerce(*parsed.node, *type);
    }
  }

  void build_directive(const json::value& d) {
    const json::value* args = member(d, "args");
    if (!args || !args->is_array()) {
      throw client_schema_error("Introspection result missing directive args: " + inspect(d) + ".");
    }
    const json::value* locations = member(d, "locations");
    if (!locations || !locations->is_array()) {
      throw client_schema_error("Introspection result missing directive locations: " + inspect(d) +
                                ".");
    }
    auto& directive = builder_.add_directive(optional_string(d, "name").value_or(""));
    directive.description = optional_string(d, "description");
    directive.deprecation_reason = optional_string(d, "deprecationReason");
    const json::value* repeatable = member(d, "isRepeatable");
    directive.repeatable = repeatable && repeatable->is_bool() && repeatable->get_bool();
    for (const auto& l : locations->get_array()) {
      auto location = l.is_string() ? parse_directive_location(l.get_string()) : std::nullopt;
      if (!location) throw client_schema_error("Unknown directive location: " + inspect(l) + ".");
      directive.on(*location);
    }
    for (const auto& a : args->get_array()) build_input_value(directive.args.emplace_back(), a);
  }

  // The named type at the bottom of a type reference; checks it is listed.
  std::string named_type_name(const json::value& ref) {
    auto name = optional_string(ref, "name");
    if (!name) throw client_schema_error("Unknown type reference: " + inspect(ref) + ".");
    if (!types_by_name_.count(*name)) {
      throw client_schema_error("Invalid or incomplete schema, unknown type: " + *name +
                                ". Ensure that a full introspection query is used in order to "
                                "build a client schema.");
    }
    return *name;
  }

  std::string type_expression(const json::value& ref) {
    auto kind = optional_string(ref, "kind");
    if (kind == "LIST" || kind == "NON_NULL") {
      const json::value* of_type = member(ref, "ofType");
      if (is_null_or_missing(of_type)) {
        throw client_schema_error("Decorated type deeper than introspection query.");
      }
      std::string inner = type_expression(*of_type);
      if (kind == "LIST") return "[" + inner + "]";
      if (!inner.empty() && inner.back() == '!') {
        throw client_schema_error("Expected " + inner + " to be a GraphQL nullable type.");
      }
      return inner + "!";
    }
    return named_type_name(ref);
  }

  const json::value* named_definition(const json::value& ref) {
    const json::value* r = &ref;
    while (true) {
      auto kind = optional_string(*r, "kind");
      if (kind != "LIST" && kind != "NON_NULL") break;
      r = member(*r, "ofType");
      if (!r) return nullptr;
    }
    auto name = optional_string(*r, "name");
    if (!name) return nullptr;
    auto it = types_by_name_.find(*name);
    return it == types_by_name_.end() ? nullptr : it->second;
  }

  bool is_output(const json::value& ref) {
    const json::value* t = named_definition(ref);
    return t && optional_string(*t, "kind") != "INPUT_OBJECT";
  }

  bool is_input(const json::value& ref) {
    const json::value* t = named_definition(ref);
    auto kind = t ? optional_string(*t, "kind") : std::nullopt;
    return kind == "SCALAR" || kind == "ENUM" || kind == "INPUT_OBJECT";
  }

  // graphql-js valueFromAST over the introspection result's types; nullopt is undefined.
  std::optional<json::value> coerce(const literal_node& node, const json::value& ref) {
    auto kind = optional_string(ref, "kind");
    if (node.kind == literal_kind::variable) return std::nullopt;
    if (kind == "NON_NULL") {
      if (node.kind == literal_kind::null_value) return std::nullopt;
      return coerce(node, *member(ref, "ofType"));
    }
    if (node.kind == literal_kind::null_value) return json::value(nullptr);
    if (kind == "LIST") {
      const json::value& item_ref = *member(ref, "ofType");
      if (node.kind == literal_kind::list_value) {
        json::array out;
        for (const auto& item : node.items) {
          auto v = coerce(item, item_ref);
          if (!v) return std::nullopt;
          out.push_back(std::move(*v));
        }
        return json::value(std::move(out));
      }
      auto v = coerce(node, item_ref);
      if (!v) return std::nullopt;
      return json::value(json::array{std::move(*v)});
    }
    const json::value* t = named_definition(ref);
    if (!t) return std::nullopt;
    auto type_kind = optional_string(*t, "kind");
    std::string type_name = optional_string(*t, "name").value_or("");
    if (type_kind == "INPUT_OBJECT") {
      if (node.kind != literal_kind::object_value) return std::nullopt;
      json::object out;
      for (const auto& field : member(*t, "inputFields")->get_array()) {
        std::string field_name = optional_string(field, "name").value_or("");
        const literal_node* given = nullptr;
        for (const auto& [key, value] : node.fields) {
          if (key == field_name) given = &value;
        }
        if (!given || given->kind == literal_kind::variable) {
          if (auto d = field_default(type_name, field)) {
            out[field_name] = std::move(*d);
          } else if (optional_string(*member(field, "type"), "kind") == "NON_NULL") {
            return std::nullopt;
          }
          continue;
        }
        auto v = coerce(*given, *member(field, "type"));
        if (!v) return std::nullopt;
        out[field_name] = std::move(*v);
      }
      const json::value* one_of = member(*t, "isOneOf");
      if (one_of && one_of->is_bool() && one_of->get_bool()) {
        if (out.size() != 1 || out.begin()->value().is_null()) return std::nullopt;
      }
      return json::value(std::move(out));
    }
    if (type_kind == "ENUM") {
      if (node.kind != literal_kind::enum_value) return std::nullopt;
      for (const auto& v : member(*t, "enumValues")->get_array()) {
        if (optional_string(v, "name") == node.text) return json::value(json::string(node.text));
      }
      return std::nullopt;
    }
    // Scalars: the specified ones parse literals their way; a client scalar's parseLiteral is
    // valueFromASTUntyped.
    json::value untyped_json = untyped_literal_value(node);
    if (is_specified_scalar_name(type_name)) {
      auto result =
          specified_scalar_functions(type_name).parse_literal(literal_view(node, &untyped_json));
      if (!result) return std::nullopt;
      return std::move(result).value();
    }
    return untyped_json;
  }

  // The coerced default of an input field, memoized (nested input defaults refer to it).
  std::optional<json::value> field_default(const std::string& type_name, const json::value& field) {
    auto literal = optional_string(field, "defaultValue");
    if (!literal) return std::nullopt;
    std::string key = type_name + "." + optional_string(field, "name").value_or("");
    if (auto it = field_defaults_.find(key); it != field_defaults_.end()) return it->second;
    if (!resolving_.insert(key).second) return std::nullopt;  // a default that contains itself
    auto parsed = parse_value_literal(*literal);
    std::optional<json::value> value;
    if (parsed.node) value = coerce(*parsed.node, *member(field, "type"));
    resolving_.erase(key);
    field_defaults_[key] = value;
    return value;
  }

  const json::value& schema_;
  schema_builder& builder_;
  import_mode mode_;
  std::optional<std::string> root_names_[3];
  std::unordered_map<std::string, const json::value*> types_by_name_;
  std::map<std::string, std::optional<json::value>> field_defaults_;
  std::set<std::string> resolving_;
};

// `{"__schema": ...}` or a whole response; null with the error message otherwise.
const json::value* schema_of(const json::value& introspection, std::string& error) {
  const json::value* schema_json = member(introspection, "__schema");
  if (!schema_json) {
    if (const json::value* data = member(introspection, "data"))
      schema_json = member(*data, "__schema");
  }
  if (!schema_json || !schema_json->is_object()) {
    error =
        "Invalid or incomplete introspection result. Ensure that you are passing \"data\" "
        "property of introspection response and no \"errors\" was returned alongside: " +
        inspect(introspection) + ".";
    return nullptr;
  }
  return schema_json;
}

}  // namespace

schema_build_result build_client_schema(const json::value& introspection, build_options options) {
  std::string error;
  const json::value* schema_json = schema_of(introspection, error);
  if (!schema_json) return {nullptr, {error}};
  try {
    schema_builder builder;
    client_schema_builder(*schema_json, builder).run();
    return std::move(builder).build(options);
  } catch (const client_schema_error& e) {
    return {nullptr, {e.what()}};
  }
}

introspection_import_result add_introspection_types(schema_builder& builder,
                                                    const json::value& introspection,
                                                    const introspection_import& import) {
  introspection_import_result out;
  std::string error;
  const json::value* schema_json = schema_of(introspection, error);
  if (!schema_json) {
    out.errors.push_back(std::move(error));
    return out;
  }
  try {
    out.roots = client_schema_builder(*schema_json, builder, {true, &import}).merge();
  } catch (const client_schema_error& e) {
    out.errors.emplace_back(e.what());
  }
  return out;
}

}  // namespace cohort::graphql::utilities
