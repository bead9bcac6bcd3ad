// A parsed document: owns a copy of its source and the arena holding every node, and is
// immutable once parsed, so one instance can be shared by many requests (e.g. held by a
// std::shared_ptr<const document> in a cache). Node string values view into this storage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "graphql/language/arena.hpp"
#include "graphql/language/ast.hpp"
#include "graphql/language/source_location.hpp"

namespace cohort::graphql::language {

// The owner of one parsed tree whose root is a Root (a document, a value, a type).
template <class Root>
class parsed_ast {
 public:
  parsed_ast(arena&& storage, std::string_view source, const Root* root, std::uint32_t tokens)
      : storage_(std::move(storage)), source_(source), root_(root), token_count_(tokens) {}
  parsed_ast(parsed_ast&&) noexcept = default;
  parsed_ast& operator=(parsed_ast&&) noexcept = default;

  const Root& root() const { return *root_; }
  std::string_view source() const { return source_; }
  // The source text a node spans.
  std::string_view text(const node& n) const {
    return source_.substr(n.loc.start, n.loc.end - n.loc.start);
  }
  source_location locate(std::uint32_t offset) const { return language::locate(source_, offset); }
  source_location locate(const node& n) const { return locate(n.loc.start); }
  // Lexical tokens read (comments and <EOF> excluded), as graphql-js's `tokenCount`.
  std::uint32_t token_count() const { return token_count_; }
  // Heap bytes held (source copy included), for cache accounting.
  std::size_t memory_bytes() const { return storage_.reserved_bytes(); }

 private:
  arena storage_;
  std::string_view source_;
  const Root* root_;
  std::uint32_t token_count_;
};

class document : public parsed_ast<document_node> {
 public:
  using parsed_ast::parsed_ast;
  explicit document(parsed_ast&& parsed) : parsed_ast(std::move(parsed)) {}
  node_span<const definition_node*> definitions() const { return root().definitions; }
};

using parsed_value = parsed_ast<value_node>;
using parsed_type = parsed_ast<type_node>;

}  // namespace cohort::graphql::language
