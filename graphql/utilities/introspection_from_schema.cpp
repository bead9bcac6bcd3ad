#include "graphql/utilities/introspection_from_schema.hpp"

#include <boost/json.hpp>

#include "graphql/utilities/ast_from_value.hpp"

namespace cohort::graphql::utilities {

namespace json = boost::json;
using namespace cohort::graphql::type;

namespace {

json::value optional_string(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return json::string(*s);
}

class introspector {
 public:
  explicit introspector(const introspection_options& options) : options_(options) {}

  json::value run(const schema& s) {
    json::object schema_obj;
    if (options_.schema_description && options_.descriptions) {
      schema_obj["description"] = optional_string(s.description());
    }
    schema_obj["queryType"] = root(s.query_type());
    schema_obj["mutationType"] = root(s.mutation_type());
    schema_obj["subscriptionType"] = root(s.subscription_type());
    json::array types;
    types.reserve(s.types().size());
    for (const named_type* t : s.types()) types.push_back(full_type(*t));
    schema_obj["types"] = std::move(types);
    json::array directives;
    for (const auto& d : s.directives()) {
      if (!options_.experimental_directive_deprecation && d.is_deprecated()) continue;
      directives.push_back(directive(d));
    }
    schema_obj["directives"] = std::move(directives);
    json::object data;
    data["__schema"] = std::move(schema_obj);
    return data;
  }

 private:
  static json::value root(const object_type* t) {
    if (!t) return nullptr;
    return json::object{{"name", t->name()}, {"kind", "OBJECT"}};
  }

  // fragment TypeRef { kind name ofType { name kind ofType { ... } } }, `levels` ofType deep.
  json::value type_ref_json(type_ref t, int levels, bool top) const {
    json::object o;
    json::string kind = t.is_non_null() ? "NON_NULL"
                        : t.is_list()   ? "LIST"
                                        : json::string(to_string(t.named()->kind()));
    json::value name = t.is_named() ? json::value(json::string(t.named()->name())) : nullptr;
    if (top) {
      o["kind"] = std::move(kind);
      o["name"] = std::move(name);
    } else {
      o["name"] = std::move(name);
      o["kind"] = std::move(kind);
    }
    if (levels > 0) {
      o["ofType"] =
          t.is_named() ? json::value(nullptr) : type_ref_json(t.of_type(), levels - 1, false);
    }
    return o;
  }

  json::value type_ref_json(type_ref t) const {
    return type_ref_json(t, options_.type_depth, true);
  }

  json::value input_value_json(const input_value& v) const {
    json::object o;
    o["name"] = v.name;
    if (options_.descriptions) o["description"] = optional_string(v.description);
    o["type"] = type_ref_json(v.type);
    json::value default_value = nullptr;
    if (v.default_value) {
      if (auto literal = print_value_literal(*v.default_value, v.type))
        default_value = json::string(*literal);
    }
    o["defaultValue"] = std::move(default_value);
    if (options_.input_value_deprecation) {
      o["isDeprecated"] = v.is_deprecated();
      o["deprecationReason"] = optional_string(v.deprecation_reason);
    }
    return o;
  }

  json::array input_values_json(std::span<const input_value> values) const {
    json::array out;
    out.reserve(values.size());
    for (const auto& v : values) {
      if (!options_.input_value_deprecation && v.is_deprecated()) continue;
      out.push_back(input_value_json(v));
    }
    return out;
  }

  json::value fields_json(const fields_type& t) const {
    json::array out;
    out.reserve(t.fields().size());
    for (const auto& f : t.fields()) {
      json::object o;
      o["name"] = f.name;
      if (options_.descriptions) o["description"] = optional_string(f.description);
      o["args"] = input_values_json(f.args);
      o["type"] = type_ref_json(f.type);
      o["isDeprecated"] = f.is_deprecated();
      o["deprecationReason"] = optional_string(f.deprecation_reason);
      out.push_back(std::move(o));
    }
    return out;
  }

  json::value full_type(const named_type& t) const {
    json::object o;
    o["kind"] = to_string(t.kind());
    o["name"] = t.name();
    if (options_.descriptions) o["description"] = optional_string(t.description());
    if (options_.specified_by_url) {
      const auto* s = as_scalar(&t);
      o["specifiedByURL"] = s ? optional_string(s->specified_by_url()) : json::value(nullptr);
    }
    if (options_.one_of) {
      const auto* in = as_input_object(&t);
      o["isOneOf"] = in ? json::value(in->is_one_of()) : json::value(nullptr);
    }
    const auto* ft = as_fields_type(&t);
    o["fields"] = ft ? fields_json(*ft) : json::value(nullptr);
    if (const auto* in = as_input_object(&t)) {
      o["inputFields"] = input_values_json(in->fields());
    } else {
      o["inputFields"] = nullptr;
    }
    if (ft) {
      json::array interfaces;
      for (const auto* i : ft->interfaces()) interfaces.push_back(type_ref_json(type_ref(i)));
      o["interfaces"] = std::move(interfaces);
    } else {
      o["interfaces"] = nullptr;
    }
    if (const auto* e = as_enum(&t)) {
      json::array values;
      for (const auto& v : e->values()) {
        json::object vo;
        vo["name"] = v.name;
        if (options_.descriptions) vo["description"] = optional_string(v.description);
        vo["isDeprecated"] = v.is_deprecated();
        vo["deprecationReason"] = optional_string(v.deprecation_reason);
        values.push_back(std::move(vo));
      }
      o["enumValues"] = std::move(values);
    } else {
      o["enumValues"] = nullptr;
    }
    if (const auto* a = as_abstract(&t)) {
      json::array possible;
      for (const auto* p : a->possible_types()) possible.push_back(type_ref_json(type_ref(p)));
      o["possibleTypes"] = std::move(possible);
    } else {
      o["possibleTypes"] = nullptr;
    }
    return o;
  }

  json::value directive(const directive_definition& d) const {
    json::object o;
    o["name"] = d.name;
    if (options_.descriptions) o["description"] = optional_string(d.description);
    if (options_.directive_is_repeatable) o["isRepeatable"] = d.is_repeatable;
    if (options_.experimental_directive_deprecation) {
      o["isDeprecated"] = d.is_deprecated();
      o["deprecationReason"] = optional_string(d.deprecation_reason);
    }
    json::array locations;
    for (auto l : d.locations) locations.push_back(json::string(to_string(l)));
    o["locations"] = std::move(locations);
    o["args"] = input_values_json(d.args);
    return o;
  }

  const introspection_options& options_;
};

}  // namespace

json::value introspection_from_schema(const schema& s, const introspection_options& options) {
  return introspector(options).run(s);
}

}  // namespace cohort::graphql::utilities
