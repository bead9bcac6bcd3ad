#include "graphql/language/schema_coordinate.hpp"

#include "graphql/language/lexer.hpp"
#include "graphql/language/lexer_chars.hpp"

namespace cohort::graphql::language {

namespace {

// graphql-js SchemaCoordinateLexer + the coordinate rules of its Parser: punctuators and names
// only, each token read as soon as the previous one is consumed (so lexical errors come first).
class coordinate_parser {
 public:
  coordinate_parser(std::string_view source, arena& storage)
      : lexer_(source, storage), s_(source) {}

  schema_coordinate parse() {
    expect(token_kind::sof);
    schema_coordinate c;
    bool of_directive = expect_optional(token_kind::at);
    c.name = parse_name();
    if (!of_directive && expect_optional(token_kind::dot)) c.member_name = parse_name();
    bool has_argument = false;
    if ((of_directive || !c.member_name.empty()) && expect_optional(token_kind::paren_l)) {
      c.argument_name = parse_name();
      expect(token_kind::colon);
      expect(token_kind::paren_r);
      has_argument = true;
    }
    expect(token_kind::eof);
    if (of_directive) {
      c.kind = has_argument ? schema_coordinate_kind::directive_argument
                            : schema_coordinate_kind::directive;
    } else if (!c.member_name.empty()) {
      c.kind = has_argument ? schema_coordinate_kind::argument : schema_coordinate_kind::member;
    }
    return c;
  }

 private:
  void advance() {
    std::uint32_t p = current_.end;
    if (current_.kind == token_kind::eof) return;
    if (p >= s_.size()) {
      current_ = {token_kind::eof, p, p, {}};
      return;
    }
    token_kind kind = token_kind::eof;
    switch (s_[p]) {
      case '.':
        kind = token_kind::dot;
        break;
      case '(':
        kind = token_kind::paren_l;
        break;
      case ')':
        kind = token_kind::paren_r;
        break;
      case ':':
        kind = token_kind::colon;
        break;
      case '@':
        kind = token_kind::at;
        break;
      default:
        if (!detail::is_name_start(s_[p])) {
          lexer_.fail(p, "Invalid character: " + lexer_.describe_code_point(p) + ".");
        }
        std::uint32_t end = p + 1;
        while (end < s_.size() && detail::is_name_continue(s_[end])) ++end;
        current_ = {token_kind::name, p, end, s_.substr(p, end - p)};
        return;
    }
    current_ = {kind, p, p + 1, {}};
  }
  void expect(token_kind kind) {
    if (current_.kind != kind) {
      lexer_.fail(current_.start,
                  "Expected " + describe(kind) + ", found " + describe(current_) + ".");
    }
    advance();
  }
  bool expect_optional(token_kind kind) {
    if (current_.kind != kind) return false;
    advance();
    return true;
  }
  std::string parse_name() {
    std::string name(current_.value);
    expect(token_kind::name);
    return name;
  }

  detail::lexer lexer_;  // for its error reporting
  std::string_view s_;
  token current_{};
};

}  // namespace

parse_result<schema_coordinate> parse_schema_coordinate(std::string_view source) {
  arena storage;
  std::string_view text = detail::copy_source(storage, source);
  try {
    return coordinate_parser(text, storage).parse();
  } catch (const detail::syntax_exception& e) {
    return detail::make_syntax_error(text, e);
  }
}

std::string print(const schema_coordinate& c) {
  bool directive = c.kind == schema_coordinate_kind::directive ||
                   c.kind == schema_coordinate_kind::directive_argument;
  std::string out = directive ? "@" + c.name : c.name;
  if (!c.member_name.empty()) out += "." + c.member_name;
  if (!c.argument_name.empty()) out += "(" + c.argument_name + ":)";
  return out;
}

}  // namespace cohort::graphql::language
