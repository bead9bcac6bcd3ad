// Resolvers of the introspection types (graphql-js type/introspection.ts): __schema and __type on
// the query root, and every field of __Schema, __Type, __Field, __InputValue, __EnumValue and
// __Directive read straight from the schema. Objects are passed down as `intro_ref`s.
#include <boost/json.hpp>

#include "graphql/execution/request.hpp"
#include "graphql/utilities/ast_from_value.hpp"

namespace cohort::graphql::execution::detail {

namespace json = boost::json;
using kind = intro_ref::kind;

namespace {

bool include_deprecated(const json::object& args) {
  auto it = args.find("includeDeprecated");
  return it != args.end() && it->value() == true;
}

intro_ref type_ref_of(type::type_ref t) {
  return intro_ref{kind::type, nullptr, t};
}

}  // namespace

resolved request::resolve_introspection(const type::object_type& parent_type, const source& parent,
                                        const type::field_definition& def,
                                        const json::object& args) {
  const auto& schema = *req.schema;
  auto value = [&](json::value v) {
    return resolved{hold(std::move(v)), value_mode::normal, {}, nullptr};
  };
  auto null = [&] { return resolved{}; };
  auto ref = [&](intro_ref r) { return resolved{nullptr, value_mode::normal, r, nullptr}; };
  auto list = [&](std::vector<intro_ref> items) {
    intro_lists.push_back(std::move(items));
    return resolved{nullptr, value_mode::normal, {}, &intro_lists.back()};
  };
  auto optional_string = [&](const std::optional<std::string>& s) {
    return s ? value(json::string(*s)) : null();
  };
  auto input_values = [&](const std::vector<type::input_value>& values) {
    bool all = include_deprecated(args);
    std::vector<intro_ref> items;
    for (const auto& v : values) {
      if (all || !v.is_deprecated()) items.push_back(intro_ref{kind::input_value, &v, {}});
    }
    return list(std::move(items));
  };
  const std::string& name = def.name;

  if (&def == &schema.schema_meta_field()) return ref(intro_ref{kind::schema, &schema, {}});
  if (&def == &schema.type_meta_field()) {
    auto it = args.find("name");
    if (it == args.end() || !it->value().is_string()) return null();
    const auto* t = schema.type(it->value().get_string());
    return t ? ref(type_ref_of(type::type_ref(t))) : null();
  }

  switch (parent.intro.k) {
    case kind::schema: {
      if (name == "description") return optional_string(schema.description());
      if (name == "types") {
        std::vector<intro_ref> items;
        for (const auto* t : schema.types()) items.push_back(type_ref_of(type::type_ref(t)));
        return list(std::move(items));
      }
      auto root = [&](const type::object_type* t) {
        return t ? ref(type_ref_of(type::type_ref(t))) : null();
      };
      if (name == "queryType") return root(schema.query_type());
      if (name == "mutationType") return root(schema.mutation_type());
      if (name == "subscriptionType") return root(schema.subscription_type());
      if (name == "directives") {
        std::vector<intro_ref> items;
        for (const auto& d : schema.directives())
          items.push_back(intro_ref{kind::directive, &d, {}});
        return list(std::move(items));
      }
      return null();
    }
    case kind::type: {
      type::type_ref t = parent.intro.type;
      bool wrapper = !t.is_named();
      const type::named_type* named = t.named();
      if (name == "kind") {
        if (t.is_non_null()) return value("NON_NULL");
        if (t.is_list()) return value("LIST");
        return value(json::string(type::to_string(named->kind())));
      }
      if (name == "ofType") return wrapper ? ref(type_ref_of(t.of_type())) : null();
      if (wrapper) return null();
      if (name == "name") return value(json::string(named->name()));
      if (name == "description") return optional_string(named->description());
      if (name == "specifiedByURL") {
        const auto* s = type::as_scalar(named);
        return s ? optional_string(s->specified_by_url()) : null();
      }
      if (name == "fields") {
        const auto* ft = type::as_fields_type(named);
        if (ft == nullptr) return null();
        bool all = include_deprecated(args);
        std::vector<intro_ref> items;
        for (const auto& f : ft->fields()) {
          if (all || !f.is_deprecated()) items.push_back(intro_ref{kind::field, &f, {}});
        }
        return list(std::move(items));
      }
      if (name == "interfaces") {
        const auto* ft = type::as_fields_type(named);
        if (ft == nullptr) return null();
        std::vector<intro_ref> items;
        for (const auto* i : ft->interfaces()) items.push_back(type_ref_of(type::type_ref(i)));
        return list(std::move(items));
      }
      if (name == "possibleTypes") {
        if (!named->is_abstract_type()) return null();
        std::vector<intro_ref> items;
        for (const auto* o : schema.possible_types(*named)) {
          items.push_back(type_ref_of(type::type_ref(o)));
        }
        return list(std::move(items));
      }
      if (name == "enumValues") {
        const auto* e = type::as_enum(named);
        if (e == nullptr) return null();
        bool all = include_deprecated(args);
        std::vector<intro_ref> items;
        for (const auto& v : e->values()) {
          if (all || !v.is_deprecated()) items.push_back(intro_ref{kind::enum_value, &v, {}});
        }
        return list(std::move(items));
      }
      if (name == "inputFields") {
        const auto* io = type::as_input_object(named);
        if (io == nullptr) return null();
        bool all = include_deprecated(args);
        std::vector<intro_ref> items;
        for (const auto& v : io->fields()) {
          if (all || !v.is_deprecated()) items.push_back(intro_ref{kind::input_value, &v, {}});
        }
        return list(std::move(items));
      }
      if (name == "isOneOf") {
        const auto* io = type::as_input_object(named);
        return io ? value(io->is_one_of()) : null();
      }
      return null();
    }
    case kind::field: {
      const auto& f = *static_cast<const type::field_definition*>(parent.intro.ptr);
      if (name == "name") return value(json::string(f.name));
      if (name == "description") return optional_string(f.description);
      if (name == "args") return input_values(f.args);
      if (name == "type") return ref(type_ref_of(f.type));
      if (name == "isDeprecated") return value(f.is_deprecated());
      if (name == "deprecationReason") return optional_string(f.deprecation_reason);
      return null();
    }
    case kind::input_value: {
      const auto& v = *static_cast<const type::input_value*>(parent.intro.ptr);
      if (name == "name") return value(json::string(v.name));
      if (name == "description") return optional_string(v.description);
      if (name == "type") return ref(type_ref_of(v.type));
      if (name == "defaultValue") {
        if (!v.default_value) return null();
        auto printed = utilities::print_value_literal(*v.default_value, v.type);
        return printed ? value(json::string(*printed)) : null();
      }
      if (name == "isDeprecated") return value(v.is_deprecated());
      if (name == "deprecationReason") return optional_string(v.deprecation_reason);
      return null();
    }
    case kind::enum_value: {
      const auto& v = *static_cast<const type::enum_value_definition*>(parent.intro.ptr);
      if (name == "name") return value(json::string(v.name));
      if (name == "description") return optional_string(v.description);
      if (name == "isDeprecated") return value(v.is_deprecated());
      if (name == "deprecationReason") return optional_string(v.deprecation_reason);
      return null();
    }
    case kind::directive: {
      const auto& d = *static_cast<const type::directive_definition*>(parent.intro.ptr);
      if (name == "name") return value(json::string(d.name));
      if (name == "description") return optional_string(d.description);
      if (name == "isRepeatable") return value(d.is_repeatable);
      if (name == "locations") {
        json::array locations;
        for (auto l : d.locations) locations.push_back(json::string(type::to_string(l)));
        return value(std::move(locations));
      }
      if (name == "args") return input_values(d.args);
      if (name == "isDeprecated") return value(d.is_deprecated());
      if (name == "deprecationReason") return optional_string(d.deprecation_reason);
      return null();
    }
    case kind::none:
      break;
  }
  (void)parent_type;
  return null();
}

}  // namespace cohort::graphql::execution::detail
