#include "graphql/service/utf8_text.hpp"

#include "graphql/language/utf8.hpp"

namespace cohort::graphql::service {

namespace {

// Length of the valid code point at `pos`, 0 when the bytes there are not one.
std::size_t valid_at(std::string_view text, std::size_t pos) {
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return 1;
  auto decoded = language::decode_utf8(text, pos);
  if (decoded.length == 0 || !language::is_unicode_scalar_value(decoded.code_point)) return 0;
  return decoded.length;
}

}  // namespace

std::optional<std::string> repair_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t n = valid_at(text, pos);
    if (n == 0) break;
    pos += n;
  }
  if (pos == text.size()) return std::nullopt;
  std::string out(text.substr(0, pos));
  while (pos < text.size()) {
    std::size_t n = valid_at(text, pos);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++pos;
    } else {
      out.append(text.substr(pos, n));
      pos += n;
    }
  }
  return out;
}

}  // namespace cohort::graphql::service
