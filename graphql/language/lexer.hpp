// The GraphQL lexer (graphql-js `Lexer`): turns source text into tokens on demand, with the same
// error messages and positions as graphql-js. `tokenize` is the non-throwing public entry; the
// `detail::lexer` class is the parser's building block and throws `detail::syntax_exception`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/language/arena.hpp"
#include "graphql/language/parse_result.hpp"
#include "graphql/language/token.hpp"

namespace cohort::graphql::language {

struct token_list {
  arena storage;  // owns the copied source and unescaped string values
  std::string_view source;
  std::vector<token> tokens;  // ends with the <EOF> token
};

// Lexes the whole source (comments included only when asked).
parse_result<token_list> tokenize(std::string_view source, bool include_comments = false);

namespace detail {

// Thrown inside the lexer and parser only; every public entry catches it.
struct syntax_exception {
  std::uint32_t offset;
  std::string description;  // without the "Syntax Error: " prefix
};

// Bytes of zero the lexer may read past the end of the source: it peeks up to 3 ahead.
inline constexpr std::size_t source_padding = 4;

// Copies `source` into `storage` followed by `source_padding` zero bytes.
std::string_view copy_source(arena& storage, std::string_view source);

syntax_error make_syntax_error(std::string_view source, const syntax_exception& e);

class lexer {
 public:
  // `source` must be followed by `source_padding` zero bytes (see copy_source). Unescaped
  // string values are written into `strings`.
  lexer(std::string_view source, arena& strings) : source_(source), strings_(strings) {}

  const token& current() const { return current_; }
  std::uint32_t last_end() const { return last_end_; }  // end of the previous token
  std::string_view source() const { return source_; }

  // Moves to the next token that is not a comment.
  const token& advance() {
    last_end_ = current_.end;
    if (current_.kind != token_kind::eof) {
      if (has_next_) {
        current_ = next_;
        has_next_ = false;
      } else {
        read_significant(current_.end, current_);
      }
    }
    return current_;
  }
  // The token after the current one, without moving.
  const token& lookahead() {
    if (current_.kind == token_kind::eof) return current_;
    if (!has_next_) {
      read_significant(current_.end, next_);
      has_next_ = true;
    }
    return next_;
  }

  // Reads the next token from `position`, comments included, into `out`. Tokens are written
  // in place rather than returned: copying a just-written token stalls on store forwarding.
  void read_token(std::uint32_t position, token& out);

  // Cold and out of line, so the recursive parser's frames hold no message strings.
  [[noreturn, gnu::cold, gnu::noinline]] void fail(std::uint32_t position,
                                                   std::string_view description) const;
  // graphql-js printCodePointAt: `"a"`, `'"'`, `U+00E9`, `<EOF>`.
  std::string describe_code_point(std::uint32_t position) const;

 private:
  void read_significant(std::uint32_t position, token& out) {
    read_token(position, out);
    while (out.kind == token_kind::comment) read_token(out.end, out);
  }
  void read_comment(std::uint32_t start, token& out) const;
  void read_number(std::uint32_t start, token& out) const;
  std::uint32_t read_digits(std::uint32_t position) const;
  void read_name(std::uint32_t start, token& out) const;
  void read_string(std::uint32_t start, token& out);
  void read_block_string(std::uint32_t start, token& out);
  std::uint32_t read_escape(std::uint32_t position, std::string& out) const;
  std::uint32_t read_variable_width_escape(std::uint32_t position, std::string& out) const;
  std::uint32_t read_fixed_width_escape(std::uint32_t position, std::string& out) const;
  // Bytes of `units` UTF-16 code units from `position`, for quoting source in a message.
  std::string_view slice_units(std::uint32_t position, std::uint32_t units) const;
  [[noreturn]] void fail_unexpected_character(std::uint32_t position) const;

  std::string_view source_;
  arena& strings_;
  token current_{};
  token next_{};
  bool has_next_ = false;
  std::uint32_t last_end_ = 0;
  std::string scratch_;
  std::vector<std::uint32_t> line_starts_;
};

}  // namespace detail
}  // namespace cohort::graphql::language
