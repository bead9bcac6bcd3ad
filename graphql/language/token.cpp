#include "graphql/language/token.hpp"

namespace cohort::graphql::language {

std::string_view token_kind_text(token_kind kind) {
  switch (kind) {
    case token_kind::sof:
      return "<SOF>";
    case token_kind::eof:
      return "<EOF>";
    case token_kind::bang:
      return "!";
    case token_kind::dollar:
      return "$";
    case token_kind::amp:
      return "&";
    case token_kind::paren_l:
      return "(";
    case token_kind::paren_r:
      return ")";
    case token_kind::dot:
      return ".";
    case token_kind::spread:
      return "...";
    case token_kind::colon:
      return ":";
    case token_kind::equals:
      return "=";
    case token_kind::at:
      return "@";
    case token_kind::bracket_l:
      return "[";
    case token_kind::bracket_r:
      return "]";
    case token_kind::brace_l:
      return "{";
    case token_kind::pipe:
      return "|";
    case token_kind::brace_r:
      return "}";
    case token_kind::name:
      return "Name";
    case token_kind::int_value:
      return "Int";
    case token_kind::float_value:
      return "Float";
    case token_kind::string_value:
      return "String";
    case token_kind::block_string:
      return "BlockString";
    case token_kind::comment:
      return "Comment";
  }
  return "";
}

namespace {
bool is_punctuator(token_kind kind) {
  return kind >= token_kind::bang && kind <= token_kind::brace_r;
}
bool has_value(token_kind kind) {
  return kind >= token_kind::name;
}
}  // namespace

std::string describe(token_kind kind) {
  std::string text(token_kind_text(kind));
  return is_punctuator(kind) ? '"' + text + '"' : text;
}

std::string describe(const token& t) {
  std::string text = describe(t.kind);
  if (has_value(t.kind)) {
    text += " \"";
    text += t.value;
    text += '"';
  }
  return text;
}

}  // namespace cohort::graphql::language
