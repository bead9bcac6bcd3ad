#include "graphql/language/printer.hpp"

#include "graphql/language/block_string.hpp"
#include "graphql/language/printer_impl.hpp"

namespace cohort::graphql::language {
namespace detail {

void printer::operation_definition(const operation_definition_node& op) {
  bool short_form = op.operation == operation_type::query && op.description == nullptr &&
                    op.name.empty() && op.variable_definitions.empty() && op.directives.empty();
  if (!short_form) {
    description(op.description);
    write(to_string(op.operation));
    if (!op.name.empty() || !op.variable_definitions.empty()) {
      write(" ");
      write(op.name.value);
      variable_definitions(op.variable_definitions);
    }
    directives_after_space(op.directives);
    write(" ");
  }
  print(*op.selection_set);
}

void printer::variable_definitions(node_span<variable_definition_node> definitions) {
  auto rendered = render_each(definitions);
  if (rendered.empty()) return;
  // graphql-js puts multi-line definitions one per line without indenting them.
  bool multiline = any_multiline(rendered);
  write(multiline ? "(\n" : "(");
  for (std::size_t i = 0; i < rendered.size(); ++i) {
    if (i != 0) write(multiline ? "\n" : ", ");
    write(rendered[i]);
  }
  write(multiline ? "\n)" : ")");
}

void printer::variable_definition(const variable_definition_node& v) {
  description(v.description);
  print(v.variable);
  write(": ");
  print(*v.type);
  if (v.default_value != nullptr) {
    write(" = ");
    print(*v.default_value);
  }
  directives_after_space(v.directives);
}

void printer::field(const field_node& f) {
  std::size_t prefix_length = 0;
  if (!f.alias.empty()) {
    write(f.alias.value);
    write(": ");
    prefix_length += f.alias.value.size() + 2;
  }
  write(f.name.value);
  prefix_length += f.name.value.size();
  if (!f.arguments.empty()) {
    auto rendered = render_each(f.arguments);
    std::size_t length = prefix_length + 2 * rendered.size();  // ", " between, "()" around
    for (const auto& arg : rendered) length += utf16_length(arg);
    arguments(rendered, length > max_line_length);
  }
  directives_after_space(f.directives);
  if (f.selection_set != nullptr) {
    write(" ");
    print(*f.selection_set);
  }
}

void printer::inline_fragment(const inline_fragment_node& f) {
  write("...");
  if (f.type_condition != nullptr) {
    write(" on ");
    print(*f.type_condition);
  }
  directives_after_space(f.directives);
  write(" ");
  print(*f.selection_set);
}

void printer::fragment_definition(const fragment_definition_node& f) {
  description(f.description);
  write("fragment ");
  write(f.name.value);
  write(" on ");
  print(*f.type_condition);
  write(" ");
  if (!f.directives.empty()) {
    join(f.directives, " ");
    write(" ");
  }
  print(*f.selection_set);
}

void printer::string_value(const string_value_node& s) {
  write(s.block ? print_block_string(s.value) : print_string(s.value));
}

void printer::print(const node& n) {
  switch (n.kind) {
    case node_kind::name:
      return write(as<name_node>(n).value);
    case node_kind::document:
      return join(as<document_node>(n).definitions, "\n\n");
    case node_kind::operation_definition:
      return operation_definition(as<operation_definition_node>(n));
    case node_kind::variable_definition:
      return variable_definition(as<variable_definition_node>(n));
    case node_kind::selection_set:
      return block(as<selection_set_node>(n).selections);
    case node_kind::field:
      return field(as<field_node>(n));
    case node_kind::argument: {
      const auto& a = as<argument_node>(n);
      write(a.name.value);
      write(": ");
      return print(*a.value);
    }
    case node_kind::fragment_spread: {
      const auto& s = as<fragment_spread_node>(n);
      write("...");
      write(s.name.value);
      return directives_after_space(s.directives);
    }
    case node_kind::inline_fragment:
      return inline_fragment(as<inline_fragment_node>(n));
    case node_kind::fragment_definition:
      return fragment_definition(as<fragment_definition_node>(n));
    case node_kind::variable:
      write("$");
      return write(as<variable_node>(n).name.value);
    case node_kind::int_value:
      return write(as<int_value_node>(n).value);
    case node_kind::float_value:
      return write(as<float_value_node>(n).value);
    case node_kind::string_value:
      return string_value(as<string_value_node>(n));
    case node_kind::boolean_value:
      return write(as<boolean_value_node>(n).value ? "true" : "false");
    case node_kind::null_value:
      return write("null");
    case node_kind::enum_value:
      return write(as<enum_value_node>(n).value);
    case node_kind::list_value:
      write("[");
      join(as<list_value_node>(n).values, ", ");
      return write("]");
    case node_kind::object_value:
      write("{");
      join(as<object_value_node>(n).fields, ", ");
      return write("}");
    case node_kind::object_field: {
      const auto& f = as<object_field_node>(n);
      write(f.name.value);
      write(": ");
      return print(*f.value);
    }
    case node_kind::directive:
      return directive(as<directive_node>(n));
    case node_kind::named_type:
      return write(as<named_type_node>(n).name.value);
    case node_kind::list_type:
      write("[");
      print(*as<list_type_node>(n).type);
      return write("]");
    case node_kind::non_null_type:
      print(*as<non_null_type_node>(n).type);
      return write("!");
    default:
      return print_type_system(n);
  }
}

}  // namespace detail

std::string print(const node& n) {
  detail::printer p;
  p.print(n);
  return p.take();
}

std::string print_string(std::string_view value) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size() + 2);
  out += '"';
  auto unicode_escape = [&](unsigned code) {
    out += "\\u00";
    out += hex[code >> 4];
    out += hex[code & 0xF];
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    switch (c) {
      case '\b':
        out += "\\b";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\f':
        out += "\\f";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      unicode_escape(c);
    } else if (c == 0xC2 && i + 1 < value.size() &&
               static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(value[i + 1]) <= 0x9F) {
      unicode_escape(static_cast<unsigned char>(value[++i]));  // C1 controls U+0080..U+009F
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

}  // namespace cohort::graphql::language
