// Printing type-system definitions and extensions (graphql-js printer, "Type System" part).
#include "graphql/language/printer_impl.hpp"

namespace cohort::graphql::language::detail {

template <node_kind K>
void printer::schema_like(const schema_like_node<K>& s) {
  description(s.description);
  extension_keyword(K == node_kind::schema_extension, "schema");
  directives_after_space(s.directives);
  block_after_space(s.operation_types);
}

template <node_kind K>
void printer::scalar_like(const scalar_like_node<K>& s) {
  description(s.description);
  extension_keyword(K == node_kind::scalar_type_extension, "scalar ");
  write(s.name.value);
  directives_after_space(s.directives);
}

template <node_kind K>
void printer::object_like(const object_like_node<K>& o, std::string_view keyword) {
  description(o.description);
  extension_keyword(
      K == node_kind::object_type_extension || K == node_kind::interface_type_extension, keyword);
  write(o.name.value);
  if (!o.interfaces.empty()) {
    write(" implements ");
    join(o.interfaces, " & ");
  }
  directives_after_space(o.directives);
  block_after_space(o.fields);
}

template <node_kind K>
void printer::union_like(const union_like_node<K>& u) {
  description(u.description);
  extension_keyword(K == node_kind::union_type_extension, "union ");
  write(u.name.value);
  directives_after_space(u.directives);
  if (!u.types.empty()) {
    write(" = ");
    join(u.types, " | ");
  }
}

template <node_kind K>
void printer::enum_like(const enum_like_node<K>& e) {
  description(e.description);
  extension_keyword(K == node_kind::enum_type_extension, "enum ");
  write(e.name.value);
  directives_after_space(e.directives);
  block_after_space(e.values);
}

template <node_kind K>
void printer::input_object_like(const input_object_like_node<K>& i) {
  description(i.description);
  extension_keyword(K == node_kind::input_object_type_extension, "input ");
  write(i.name.value);
  directives_after_space(i.directives);
  block_after_space(i.fields);
}

void printer::directive_definition(const directive_definition_node& d) {
  description(d.description);
  write("directive @");
  write(d.name.value);
  argument_definitions(d.arguments);
  if (d.repeatable) write(" repeatable");
  write(" on ");
  join(d.locations, " | ");
}

// Out of line, like the other noinline members, so the recursion through selection sets and
// values keeps small frames (sanitizer builds would otherwise give print() the locals of every
// case and overflow on the deepest documents).
void printer::print_type_system(const node& n) {
  switch (n.kind) {
    case node_kind::schema_definition:
      return schema_like(as<schema_definition_node>(n));
    case node_kind::schema_extension:
      return schema_like(as<schema_extension_node>(n));
    case node_kind::operation_type_definition: {
      const auto& o = as<operation_type_definition_node>(n);
      write(to_string(o.operation));
      write(": ");
      return print(o.type);
    }
    case node_kind::scalar_type_definition:
      return scalar_like(as<scalar_type_definition_node>(n));
    case node_kind::scalar_type_extension:
      return scalar_like(as<scalar_type_extension_node>(n));
    case node_kind::object_type_definition:
      return object_like(as<object_type_definition_node>(n), "type ");
    case node_kind::object_type_extension:
      return object_like(as<object_type_extension_node>(n), "type ");
    case node_kind::interface_type_definition:
      return object_like(as<interface_type_definition_node>(n), "interface ");
    case node_kind::interface_type_extension:
      return object_like(as<interface_type_extension_node>(n), "interface ");
    case node_kind::field_definition: {
      const auto& f = as<field_definition_node>(n);
      description(f.description);
      write(f.name.value);
      argument_definitions(f.arguments);
      write(": ");
      print(*f.type);
      return directives_after_space(f.directives);
    }
    case node_kind::input_value_definition: {
      const auto& v = as<input_value_definition_node>(n);
      description(v.description);
      write(v.name.value);
      write(": ");
      print(*v.type);
      if (v.default_value != nullptr) {
        write(" = ");
        print(*v.default_value);
      }
      return directives_after_space(v.directives);
    }
    case node_kind::union_type_definition:
      return union_like(as<union_type_definition_node>(n));
    case node_kind::union_type_extension:
      return union_like(as<union_type_extension_node>(n));
    case node_kind::enum_type_definition:
      return enum_like(as<enum_type_definition_node>(n));
    case node_kind::enum_type_extension:
      return enum_like(as<enum_type_extension_node>(n));
    case node_kind::enum_value_definition: {
      const auto& v = as<enum_value_definition_node>(n);
      description(v.description);
      write(v.name.value);
      return directives_after_space(v.directives);
    }
    case node_kind::input_object_type_definition:
      return input_object_like(as<input_object_type_definition_node>(n));
    case node_kind::input_object_type_extension:
      return input_object_like(as<input_object_type_extension_node>(n));
    case node_kind::directive_definition:
      return directive_definition(as<directive_definition_node>(n));
    default:
      return;  // executable kinds are printed by print()
  }
}

}  // namespace cohort::graphql::language::detail
