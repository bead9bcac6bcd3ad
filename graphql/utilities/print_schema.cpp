#include "graphql/utilities/print_schema.hpp"

#include <boost/json.hpp>
#include <functional>

#include "graphql/type/introspection.hpp"
#include "graphql/type/scalars.hpp"
#include "graphql/utilities/ast_from_value.hpp"
#include "graphql/utilities/print_string.hpp"

namespace cohort::graphql::utilities {

namespace {

using namespace cohort::graphql::type;

std::string replace_newlines(const std::string& s, const std::string& indentation) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    out.push_back(c);
    if (c == '\n') out += indentation;
  }
  return out;
}

std::string print_description(const std::optional<std::string>& description,
                              const std::string& indentation = "", bool first_in_block = true) {
  if (!description) return "";
  std::string block = is_printable_as_block_string(*description) ? print_block_string(*description)
                                                                 : print_string(*description);
  std::string prefix = !indentation.empty() && !first_in_block ? "\n" + indentation : indentation;
  return prefix + replace_newlines(block, indentation) + "\n";
}

std::string print_deprecated(const std::optional<std::string>& reason) {
  if (!reason) return "";
  if (*reason != default_deprecation_reason) {
    return " @deprecated(reason: " + print_string(*reason) + ")";
  }
  return " @deprecated";
}

std::string print_input_value(const input_value& arg) {
  std::string decl = arg.name + ": " + arg.type.to_string();
  if (arg.default_value) {
    if (auto literal = print_value_literal(*arg.default_value, arg.type)) decl += " = " + *literal;
  }
  return decl + print_deprecated(arg.deprecation_reason);
}

std::string print_args(const std::vector<input_value>& args, const std::string& indentation = "") {
  if (args.empty()) return "";
  bool any_description = false;
  for (const auto& a : args)
    any_description = any_description || (a.description && !a.description->empty());
  if (!any_description) {
    std::string out = "(";
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (i) out += ", ";
      out += print_input_value(args[i]);
    }
    return out + ")";
  }
  std::string out = "(\n";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i) out += "\n";
    out += print_description(args[i].description, "  " + indentation, i == 0) + "  " + indentation +
           print_input_value(args[i]);
  }
  return out + "\n" + indentation + ")";
}

std::string print_block(const std::vector<std::string>& items) {
  if (items.empty()) return "";
  std::string out = " {\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += "\n";
    out += items[i];
  }
  return out + "\n}";
}

std::string print_implemented_interfaces(const fields_type& type) {
  auto interfaces = type.interfaces();
  if (interfaces.empty()) return "";
  std::string out = " implements ";
  for (std::size_t i = 0; i < interfaces.size(); ++i) {
    if (i) out += " & ";
    out += interfaces[i]->name();
  }
  return out;
}

std::string print_fields(const fields_type& type) {
  std::vector<std::string> items;
  auto fields = type.fields();
  items.reserve(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& f = fields[i];
    items.push_back(print_description(f.description, "  ", i == 0) + "  " + f.name +
                    print_args(f.args, "  ") + ": " + f.type.to_string() +
                    print_deprecated(f.deprecation_reason));
  }
  return print_block(items);
}

std::string print_directive(const directive_definition& d) {
  std::string out = print_description(d.description) + "directive @" + d.name + print_args(d.args) +
                    print_deprecated(d.deprecation_reason) +
                    (d.is_repeatable ? " repeatable" : "") + " on ";
  for (std::size_t i = 0; i < d.locations.size(); ++i) {
    if (i) out += " | ";
    out += to_string(d.locations[i]);
  }
  return out;
}

bool is_schema_of_common_names(const schema& s) {
  if (s.query_type() && s.query_type()->name() != "Query") return false;
  if (s.mutation_type() && s.mutation_type()->name() != "Mutation") return false;
  if (s.subscription_type() && s.subscription_type()->name() != "Subscription") return false;
  return true;
}

std::string print_schema_definition(const schema& s) {
  if (!s.description() && is_schema_of_common_names(s)) return "";
  std::string ops;
  if (s.query_type()) ops += "  query: " + s.query_type()->name();
  if (s.mutation_type())
    ops += std::string(ops.empty() ? "" : "\n") + "  mutation: " + s.mutation_type()->name();
  if (s.subscription_type()) {
    ops +=
        std::string(ops.empty() ? "" : "\n") + "  subscription: " + s.subscription_type()->name();
  }
  return print_description(s.description()) + "schema {\n" + ops + "\n}";
}

std::string print_filtered(const schema& s,
                           const std::function<bool(const directive_definition&)>& directive_filter,
                           const std::function<bool(const named_type&)>& type_filter) {
  std::vector<std::string> parts;
  if (auto def = print_schema_definition(s); !def.empty()) parts.push_back(std::move(def));
  for (const auto& d : s.directives()) {
    if (directive_filter(d)) parts.push_back(print_directive(d));
  }
  for (const named_type* t : s.types()) {
    if (type_filter(*t)) parts.push_back(print_type(*t));
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += parts[i];
  }
  return out;
}

}  // namespace

std::string print_type(const named_type& type) {
  const std::string description = print_description(type.description());
  switch (type.kind()) {
    case type_kind::scalar: {
      const auto& s = *as_scalar(&type);
      std::string out = description + "scalar " + s.name();
      if (s.specified_by_url())
        out += " @specifiedBy(url: " + print_string(*s.specified_by_url()) + ")";
      return out;
    }
    case type_kind::object: {
      const auto& o = *as_object(&type);
      return description + "type " + o.name() + print_implemented_interfaces(o) + print_fields(o);
    }
    case type_kind::interface: {
      const auto& i = *as_interface(&type);
      return description + "interface " + i.name() + print_implemented_interfaces(i) +
             print_fields(i);
    }
    case type_kind::union_type: {
      const auto& u = *as_union(&type);
      std::string members;
      for (std::size_t i = 0; i < u.members().size(); ++i) {
        members += (i ? " | " : " = ") + u.members()[i]->name();
      }
      return description + "union " + u.name() + members;
    }
    case type_kind::enum_type: {
      const auto& e = *as_enum(&type);
      std::vector<std::string> items;
      for (std::size_t i = 0; i < e.values().size(); ++i) {
        const auto& v = e.values()[i];
        items.push_back(print_description(v.description, "  ", i == 0) + "  " + v.name +
                        print_deprecated(v.deprecation_reason));
      }
      return description + "enum " + e.name() + print_block(items);
    }
    case type_kind::input_object: {
      const auto& in = *as_input_object(&type);
      std::vector<std::string> items;
      for (std::size_t i = 0; i < in.fields().size(); ++i) {
        const auto& f = in.fields()[i];
        items.push_back(print_description(f.description, "  ", i == 0) + "  " +
                        print_input_value(f));
      }
      return description + "input " + in.name() + (in.is_one_of() ? " @oneOf" : "") +
             print_block(items);
    }
  }
  return "";
}

std::string print_schema(const schema& s) {
  return print_filtered(
      s, [](const directive_definition& d) { return !is_specified_directive_name(d.name); },
      [](const named_type& t) {
        return !is_specified_scalar_name(t.name()) && !is_introspection_type_name(t.name());
      });
}

std::string print_introspection_schema(const schema& s) {
  return print_filtered(
      s, [](const directive_definition& d) { return is_specified_directive_name(d.name); },
      [](const named_type& t) { return is_introspection_type_name(t.name()); });
}

}  // namespace cohort::graphql::utilities
