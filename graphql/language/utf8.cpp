#include "graphql/language/utf8.hpp"

namespace cohort::graphql::language {

decoded_code_point decode_utf8(std::string_view text, std::size_t pos) {
  auto byte = [&](std::size_t i) -> std::uint32_t {
    return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0u;
  };
  auto continuation = [&](std::size_t i) { return (byte(i) & 0xC0u) == 0x80u; };
  std::uint32_t b0 = byte(0);
  if (b0 < 0x80) return {b0, 1};
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!continuation(1)) return {b0, 0};
    return {((b0 & 0x1F) << 6) | (byte(1) & 0x3F), 2};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return {b0, 0};
    std::uint32_t c = ((b0 & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    if (c < 0x800) return {b0, 0};
    return {c, 3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return {b0, 0};
    std::uint32_t c =
        ((b0 & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return {b0, 0};
    return {c, 4};
  }
  return {b0, 0};
}

void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (char ch : text) {
    auto b = static_cast<unsigned char>(ch);
    if ((b & 0xC0) != 0x80) ++units;  // one unit per code point ...
    if (b >= 0xF0) ++units;           // ... two for those past U+FFFF
  }
  return units;
}

}  // namespace cohort::graphql::language
