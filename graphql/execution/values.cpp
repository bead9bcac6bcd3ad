#include "graphql/execution/values.hpp"

#include <boost/json.hpp>
#include <cerrno>
#include <cstdlib>

#include "graphql/language/printer.hpp"
#include "graphql/type/value_literal.hpp"
#include "graphql/utilities/js_values.hpp"
#include "graphql/utilities/suggestion_list.hpp"

namespace cohort::graphql::execution {

namespace json = boost::json;
namespace lang = language;
using type::type_ref;

std::string print_path_array(const input_path& path) {
  std::string out;
  for (const auto& item : path) {
    if (const auto* key = std::get_if<std::string>(&item)) {
      out += '.';
      out += *key;
    } else {
      out += '[';
      out += std::to_string(std::get<std::size_t>(item));
      out += ']';
    }
  }
  return out;
}

namespace {

struct coercer {
  const input_error_fn& on_error;
  bool hide_suggestions;
  input_path path;

  void report(const json::value* invalid, const std::string& message) {
    on_error(path, invalid, message);
  }

  std::optional<json::value> run(const json::value& input, type_ref type) {
    if (type.is_non_null()) {
      if (!input.is_null()) return run(input, type.of_type());
      report(&input, "Expected non-nullable type \"" + type.to_string() + "\" not to be null.");
      return std::nullopt;
    }
    if (input.is_null()) return json::value(nullptr);
    if (type.is_list()) {
      type_ref item = type.of_type();
      json::array out;
      if (const auto* items = input.if_array()) {
        out.reserve(items->size());
        for (std::size_t i = 0; i < items->size(); ++i) {
          path.emplace_back(i);
          auto v = run((*items)[i], item);
          path.pop_back();
          out.push_back(v ? std::move(*v) : json::value(nullptr));
        }
      } else {
        auto v = run(input, item);
        out.push_back(v ? std::move(*v) : json::value(nullptr));
      }
      return json::value(std::move(out));
    }
    const type::named_type* named = type.named();
    if (const auto* input_object = type::as_input_object(named)) {
      const auto* fields = input.if_object();
      if (fields == nullptr) {
        report(&input, "Expected type \"" + named->name() + "\" to be an object.");
        return std::nullopt;
      }
      json::object out;
      for (const auto& field : input_object->fields()) {
        auto it = fields->find(field.name);
        if (it == fields->end()) {
          if (field.default_value) {
            out[field.name] = *field.default_value;
          } else if (field.type.is_non_null()) {
            report(&input, "Field \"" + field.name + "\" of required type \"" +
                               field.type.to_string() + "\" was not provided.");
          }
          continue;
        }
        path.emplace_back(field.name);
        auto v = run(it->value(), field.type);
        path.pop_back();
        // undefined results stay as keys, as in graphql-js (their error is already reported).
        out[field.name] = v ? std::move(*v) : json::value(nullptr);
      }
      for (const auto& kv : *fields) {
        if (input_object->field(kv.key()) != nullptr) continue;
        std::vector<std::string> suggestions;
        if (!hide_suggestions) {
          std::vector<std::string_view> names;
          for (const auto& f : input_object->fields()) names.push_back(f.name);
          suggestions = utilities::suggestion_list(kv.key(), names);
        }
        report(&input, "Field \"" + std::string(kv.key()) + "\" is not defined by type \"" +
                           named->name() + "\"." + utilities::did_you_mean("", suggestions));
      }
      if (input_object->is_one_of()) {
        if (out.size() != 1) {
          report(&input,
                 "Exactly one key must be specified for OneOf type \"" + named->name() + "\".");
        }
        if (!out.empty() && out.begin()->value().is_null()) {
          path.emplace_back(std::string(out.begin()->key()));
          report(&out.begin()->value(),
                 "Field \"" + std::string(out.begin()->key()) + "\" must be non-null.");
          path.pop_back();
        }
      }
      return json::value(std::move(out));
    }
    if (const auto* e = type::as_enum(named)) {
      auto r = e->parse_value(input, hide_suggestions);
      if (!r) {
        report(&input, r.error_message());
        return std::nullopt;
      }
      return std::move(r).value();
    }
    if (const auto* s = type::as_scalar(named)) {
      auto r = s->parse_value(input);
      if (!r) {
        report(&input, r.error_message());
        return std::nullopt;
      }
      return std::move(r).value();
    }
    report(&input, "Expected type \"" + (named ? named->name() : std::string("?")) + "\".");
    return std::nullopt;
  }
};

json::value number_of_int_literal(std::string_view text) {
  std::string s(text);
  char* end = nullptr;
  errno = 0;
  long long n = std::strtoll(s.c_str(), &end, 10);
  if (errno == 0 && end != nullptr && *end == '\0') return static_cast<std::int64_t>(n);
  return std::strtod(s.c_str(), nullptr);
}

// graphql-js valueFromASTUntyped.
json::value untyped(const lang::value_node& v, const json::object* variables) {
  switch (v.kind) {
    case lang::node_kind::int_value:
      return number_of_int_literal(lang::as<lang::int_value_node>(v).value);
    case lang::node_kind::float_value:
      return std::strtod(std::string(lang::as<lang::float_value_node>(v).value).c_str(), nullptr);
    case lang::node_kind::string_value:
      return json::string(lang::as<lang::string_value_node>(v).value);
    case lang::node_kind::enum_value:
      return json::string(lang::as<lang::enum_value_node>(v).value);
    case lang::node_kind::boolean_value:
      return lang::as<lang::boolean_value_node>(v).value;
    case lang::node_kind::list_value: {
      json::array items;
      for (const auto* item : lang::as<lang::list_value_node>(v).values) {
        items.push_back(untyped(*item, variables));
      }
      return items;
    }
    case lang::node_kind::object_value: {
      json::object fields;
      for (const auto& f : lang::as<lang::object_value_node>(v).fields) {
        fields[f.name.value] = untyped(*f.value, variables);
      }
      return fields;
    }
    case lang::node_kind::variable: {
      if (variables == nullptr) return nullptr;
      auto it = variables->find(lang::as<lang::variable_node>(v).name.value);
      return it == variables->end() ? json::value(nullptr) : it->value();
    }
    default:
      return nullptr;
  }
}

type::literal_kind literal_kind_of(lang::node_kind k) {
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

type::coercion_result parse_leaf_literal(const type::named_type& leaf, const lang::value_node& v,
                                         const json::object* variables) {
  type::value_literal lit;
  lit.kind = literal_kind_of(v.kind);
  json::value untyped_value;
  switch (v.kind) {
    case lang::node_kind::int_value:
      lit.text = lang::as<lang::int_value_node>(v).value;
      break;
    case lang::node_kind::float_value:
      lit.text = lang::as<lang::float_value_node>(v).value;
      break;
    case lang::node_kind::string_value:
      lit.text = lang::as<lang::string_value_node>(v).value;
      lit.block = lang::as<lang::string_value_node>(v).block;
      break;
    case lang::node_kind::enum_value:
      lit.text = lang::as<lang::enum_value_node>(v).value;
      break;
    case lang::node_kind::boolean_value:
      lit.text = lang::as<lang::boolean_value_node>(v).value ? "true" : "false";
      break;
    case lang::node_kind::variable:
      lit.text = lang::as<lang::variable_node>(v).name.value;
      [[fallthrough]];
    case lang::node_kind::list_value:
    case lang::node_kind::object_value:
      untyped_value = untyped(v, variables);
      lit.untyped = &untyped_value;
      break;
    default:
      break;
  }
  lit.print = [&v] { return lang::print(v); };
  if (const auto* e = type::as_enum(&leaf)) return e->parse_literal(lit);
  return type::as_scalar(&leaf)->parse_literal(lit);
}

bool is_missing_variable(const lang::value_node& v, const json::object* variables) {
  if (v.kind != lang::node_kind::variable) return false;
  return variables == nullptr || !variables->contains(lang::as<lang::variable_node>(v).name.value);
}

graphql_error error_at(std::string message, const lang::node& n, const lang::document& doc) {
  graphql_error e;
  e.message = std::move(message);
  e.locations.push_back(doc.locate(n));
  return e;
}

}  // namespace

std::optional<json::value> coerce_input_value(const json::value& input, type_ref type,
                                              const input_error_fn& on_error,
                                              bool hide_suggestions) {
  coercer c{on_error, hide_suggestions, {}};
  return c.run(input, type);
}

coerce_result coerce_input_value(const json::value& input, type_ref type) {
  coerce_result result;
  input_error_fn first = [&](const input_path& path, const json::value* invalid,
                             const std::string& message) {
    if (!result.error.empty()) return;
    result.error = "Invalid value " + (invalid ? utilities::inspect(*invalid) : "undefined");
    if (!path.empty()) result.error += " at \"value" + print_path_array(path) + "\"";
    result.error += ": " + message;
  };
  auto v = coerce_input_value(input, type, first);
  if (result.error.empty()) result.value = std::move(v);
  return result;
}

std::optional<json::value> value_from_ast(const lang::value_node* value, type_ref type,
                                          const json::object* variables) {
  if (value == nullptr || type.empty()) return std::nullopt;
  if (value->kind == lang::node_kind::variable) {
    if (variables == nullptr) return std::nullopt;
    auto it = variables->find(lang::as<lang::variable_node>(*value).name.value);
    if (it == variables->end()) return std::nullopt;
    if (it->value().is_null() && type.is_non_null()) return std::nullopt;
    return it->value();
  }
  if (type.is_non_null()) {
    if (value->kind == lang::node_kind::null_value) return std::nullopt;
    return value_from_ast(value, type.of_type(), variables);
  }
  if (value->kind == lang::node_kind::null_value) return json::value(nullptr);
  if (type.is_list()) {
    type_ref item = type.of_type();
    if (value->kind == lang::node_kind::list_value) {
      json::array out;
      for (const auto* node : lang::as<lang::list_value_node>(*value).values) {
        if (is_missing_variable(*node, variables)) {
          if (item.is_non_null()) return std::nullopt;
          out.push_back(nullptr);
          continue;
        }
        auto v = value_from_ast(node, item, variables);
        if (!v) return std::nullopt;
        out.push_back(std::move(*v));
      }
      return json::value(std::move(out));
    }
    auto v = value_from_ast(value, item, variables);
    if (!v) return std::nullopt;
    json::array out;
    out.push_back(std::move(*v));
    return json::value(std::move(out));
  }
  const type::named_type* named = type.named();
  if (const auto* input_object = type::as_input_object(named)) {
    if (value->kind != lang::node_kind::object_value) return std::nullopt;
    const auto& fields = lang::as<lang::object_value_node>(*value).fields;
    json::object out;
    for (const auto& field : input_object->fields()) {
      const lang::object_field_node* node = nullptr;
      for (const auto& f : fields) {
        if (f.name.value == field.name) {
          node = &f;  // keyMap keeps the last one
        }
      }
      if (node == nullptr || is_missing_variable(*node->value, variables)) {
        if (field.default_value) {
          out[field.name] = *field.default_value;
        } else if (field.type.is_non_null()) {
          return std::nullopt;
        }
        continue;
      }
      auto v = value_from_ast(node->value, field.type, variables);
      if (!v) return std::nullopt;
      out[field.name] = std::move(*v);
    }
    if (input_object->is_one_of()) {
      if (out.size() != 1 || out.begin()->value().is_null()) return std::nullopt;
    }
    return json::value(std::move(out));
  }
  if (named != nullptr && named->is_leaf_type()) {
    auto r = parse_leaf_literal(*named, *value, variables);
    if (!r) return std::nullopt;
    return std::move(r).value();
  }
  return std::nullopt;
}

type_ref type_from_ast(const type::schema& schema, const lang::type_node& node) {
  switch (node.kind) {
    case lang::node_kind::list_type: {
      auto inner = type_from_ast(schema, *lang::as<lang::list_type_node>(node).type);
      if (inner.empty() || inner.list_depth() >= type_ref::max_list_depth) return {};
      return type_ref::list_of(inner);
    }
    case lang::node_kind::non_null_type: {
      auto inner = type_from_ast(schema, *lang::as<lang::non_null_type_node>(node).type);
      if (inner.empty()) return {};
      return type_ref::non_null_of(inner);
    }
    case lang::node_kind::named_type: {
      const auto* named = schema.type(lang::as<lang::named_type_node>(node).name.value);
      return named ? type_ref(named) : type_ref();
    }
    default:
      return {};
  }
}

variable_values_result coerce_variable_values(const type::schema& schema,
                                              const lang::document& document,
                                              const lang::operation_definition_node& op,
                                              const json::object& inputs,
                                              const variable_options& options) {
  variable_values_result result;
  bool aborted = false;
  auto add = [&](graphql_error e) {
    if (aborted) return;
    if (result.errors.size() >= options.max_errors) {
      graphql_error limit;
      limit.message =
          "Too many errors processing variables, error limit reached. Execution aborted.";
      result.errors.push_back(std::move(limit));
      aborted = true;
      return;
    }
    result.errors.push_back(std::move(e));
  };
  for (const auto& def : op.variable_definitions) {
    if (aborted) break;
    std::string name(def.variable.name.value);
    type_ref var_type = type_from_ast(schema, *def.type);
    if (var_type.empty() || !var_type.is_input_type()) {
      add(error_at("Variable \"$" + name + "\" expected value of type \"" + lang::print(*def.type) +
                       "\" which cannot be used as an input type.",
                   *def.type, document));
      continue;
    }
    auto it = inputs.find(name);
    if (it == inputs.end()) {
      if (def.default_value != nullptr) {
        auto v = value_from_ast(def.default_value, var_type, nullptr);
        // graphql-js stores undefined, which then reads as "not provided".
        if (v) result.coerced[name] = std::move(*v);
      } else if (var_type.is_non_null()) {
        add(error_at("Variable \"$" + name + "\" of required type \"" + var_type.to_string() +
                         "\" was not provided.",
                     def, document));
      }
      continue;
    }
    if (it->value().is_null() && var_type.is_non_null()) {
      add(error_at("Variable \"$" + name + "\" of non-null type \"" + var_type.to_string() +
                       "\" must not be null.",
                   def, document));
      continue;
    }
    input_error_fn on_error = [&](const input_path& path, const json::value* invalid,
                                  const std::string& message) {
      std::string prefix = "Variable \"$" + name + "\" got invalid value " +
                           (invalid ? utilities::inspect(*invalid) : std::string("undefined"));
      if (!path.empty()) prefix += " at \"" + name + print_path_array(path) + "\"";
      add(error_at(prefix + "; " + message, def, document));
    };
    auto v = coerce_input_value(it->value(), var_type, on_error, options.hide_suggestions);
    if (v) result.coerced[name] = std::move(*v);
  }
  return result;
}

argument_values_result get_argument_values(std::span<const type::input_value> defs,
                                           lang::node_span<lang::argument_node> args,
                                           const lang::node& error_node,
                                           const lang::document& document,
                                           const json::object& variables) {
  argument_values_result result;
  for (const auto& def : defs) {
    const lang::argument_node* arg = nullptr;
    for (const auto& a : args) {
      if (a.name.value == def.name) arg = &a;  // keyMap keeps the last one
    }
    if (arg == nullptr) {
      if (def.default_value) {
        result.values[def.name] = *def.default_value;
      } else if (def.type.is_non_null()) {
        result.error = error_at("Argument \"" + def.name + "\" of required type \"" +
                                    def.type.to_string() + "\" was not provided.",
                                error_node, document);
        return result;
      }
      continue;
    }
    const lang::value_node* value = arg->value;
    bool is_null = value->kind == lang::node_kind::null_value;
    if (value->kind == lang::node_kind::variable) {
      auto var_name = lang::as<lang::variable_node>(*value).name.value;
      auto it = variables.find(var_name);
      if (it == variables.end()) {
        if (def.default_value) {
          result.values[def.name] = *def.default_value;
        } else if (def.type.is_non_null()) {
          result.error =
              error_at("Argument \"" + def.name + "\" of required type \"" + def.type.to_string() +
                           "\" was provided the variable \"$" + std::string(var_name) +
                           "\" which was not provided a runtime value.",
                       *value, document);
          return result;
        }
        continue;
      }
      is_null = it->value().is_null();
    }
    if (is_null && def.type.is_non_null()) {
      result.error = error_at("Argument \"" + def.name + "\" of non-null type \"" +
                                  def.type.to_string() + "\" must not be null.",
                              *value, document);
      return result;
    }
    auto coerced = value_from_ast(value, def.type, &variables);
    if (!coerced) {
      result.error =
          error_at("Argument \"" + def.name + "\" has invalid value " + lang::print(*value) + ".",
                   *value, document);
      return result;
    }
    result.values[def.name] = std::move(*coerced);
  }
  return result;
}

std::optional<argument_values_result> get_directive_values(
    const type::directive_definition& directive, lang::node_span<lang::directive_node> directives,
    const lang::document& document, const json::object& variables) {
  for (const auto& d : directives) {
    if (d.name.value == directive.name) {
      return get_argument_values(directive.args, d.arguments, d, document, variables);
    }
  }
  return std::nullopt;
}

}  // namespace cohort::graphql::execution
