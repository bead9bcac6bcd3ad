// Internal: the printer behind printer.hpp, shared by printer.cpp (documents, operations,
// values) and printer_type_system.cpp (SDL definitions).
#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include "graphql/language/ast.hpp"
#include "graphql/language/utf8.hpp"

namespace cohort::graphql::language::detail {

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

}  // namespace cohort::graphql::language::detail
