#include "graphql/language/printer.hpp"

#include <cstring>
#include <vector>

#include "graphql/language/block_string.hpp"
#include "graphql/language/utf8.hpp"

namespace cohort::graphql::language {

namespace {

constexpr std::size_t max_line_length = 80;

// Writes text, indenting every line break by the current depth: graphql-js indents whole
// blocks, including the lines of block strings inside them.
class printer {
 public:
  std::string take() { return std::move(out_); }

  void print(const node& n);

 private:
  void write(std::string_view text) {
    if (indent_.empty()) {
      out_ += text;
      return;
    }
    while (!text.empty()) {
      auto line_end = text.find('\n');
      if (line_end == std::string_view::npos) {
        out_ += text;
        return;
      }
      out_ += text.substr(0, line_end + 1);
      out_ += indent_;
      text.remove_prefix(line_end + 1);
    }
  }
  void indent() { indent_ += "  "; }
  void dedent() { indent_.resize(indent_.size() - 2); }

  template <class T>
  void join(node_span<T> items, std::string_view separator) {
    bool first = true;
    for (const auto& item : items) {
      if (!first) write(separator);
      first = false;
      print(deref(item));
    }
  }
  template <class T>
  static const node& deref(const T& item) {
    if constexpr (std::is_pointer_v<T>) {
      return *item;
    } else {
      return item;
    }
  }
  // `{`, one item per line one level deeper, `}`; nothing at all for no items.
  template <class T>
  void block(node_span<T> items) {
    if (items.empty()) return;
    write("{");
    indent();
    for (const auto& item : items) {
      write("\n");
      print(deref(item));
    }
    dedent();
    write("\n}");
  }
  template <class T>
  void block_after_space(node_span<T> items) {
    if (items.empty()) return;
    write(" ");
    block(items);
  }
  void directives_after_space(node_span<directive_node> directives) {
    if (directives.empty()) return;
    write(" ");
    join(directives, " ");
  }
  void description(const string_value_node* d) {
    if (d == nullptr) return;
    print(*d);
    write("\n");
  }
  template <class T>
  static std::vector<std::string> render_each(node_span<T> items) {
    std::vector<std::string> rendered;
    rendered.reserve(items.size());
    for (const auto& item : items) {
      printer p;
      p.print(item);
      rendered.push_back(p.take());
    }
    return rendered;
  }
  static bool any_multiline(const std::vector<std::string>& items) {
    for (const auto& item : items) {
      if (item.find('\n') != std::string::npos) return true;
    }
    return false;
  }
  // `(a, b)` or, one per line and indented, `(\n  a\n  b\n)`.
  void arguments(const std::vector<std::string>& items, bool one_per_line) {
    if (items.empty()) return;
    write("(");
    if (one_per_line) indent();
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (one_per_line) {
        write("\n");
      } else if (i != 0) {
        write(", ");
      }
      write(items[i]);
    }
    if (one_per_line) {
      dedent();
      write("\n");
    }
    write(")");
  }
  void argument_definitions(node_span<input_value_definition_node> args) {
    auto rendered = render_each(args);
    arguments(rendered, any_multiline(rendered));
  }

  [[gnu::noinline]] void print_type_system(const node& n);
  [[gnu::noinline]] void operation_definition(const operation_definition_node& op);
  [[gnu::noinline]] void variable_definitions(node_span<variable_definition_node> definitions);
  [[gnu::noinline]] void variable_definition(const variable_definition_node& v);
  [[gnu::noinline]] void field(const field_node& f);
  [[gnu::noinline]] void directive(const directive_node& d) {
    write("@");
    write(d.name.value);
    arguments(render_each(d.arguments), false);
  }
  [[gnu::noinline]] void fragment_definition(const fragment_definition_node& f);
  [[gnu::noinline]] void inline_fragment(const inline_fragment_node& f);
  void string_value(const string_value_node& s);
  void directive_definition(const directive_definition_node& d);
  template <node_kind K>
  void schema_like(const schema_like_node<K>& s);
  template <node_kind K>
  void scalar_like(const scalar_like_node<K>& s);
  template <node_kind K>
  void object_like(const object_like_node<K>& o, std::string_view keyword);
  template <node_kind K>
  void union_like(const union_like_node<K>& u);
  template <node_kind K>
  void enum_like(const enum_like_node<K>& e);
  template <node_kind K>
  void input_object_like(const input_object_like_node<K>& i);
  void extension_keyword(bool extension, std::string_view keyword) {
    if (extension) write("extend ");
    write(keyword);
  }

  std::string out_;
  std::string indent_;
};

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

}  // namespace

std::string print(const node& n) {
  printer p;
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
