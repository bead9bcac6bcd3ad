#include "api/http/target.hpp"

namespace cohort::api::http {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int hi = hex_value(text[i + 1]);
      int lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        c = static_cast<char>(hi * 16 + lo);
        i += 2;
      }
    }
    if (c == '\0') return std::nullopt;
    out.push_back(c);
  }
  return out;
}

std::optional<split_target> parse_target(std::string_view target) {
  if (target == "*") return split_target{"*", {}};
  if (target.empty()) return std::nullopt;
  if (target.front() != '/') {
    // absolute-form: scheme://authority[/path][?query]
    auto scheme_end = target.find("://");
    if (scheme_end == std::string_view::npos) return std::nullopt;
    auto path_begin = target.find_first_of("/?#", scheme_end + 3);
    target = path_begin == std::string_view::npos ? std::string_view{} : target.substr(path_begin);
  }
  auto fragment = target.find('#');
  if (fragment != std::string_view::npos) target = target.substr(0, fragment);
  split_target out;
  auto question = target.find('?');
  if (question != std::string_view::npos) out.query = std::string(target.substr(question + 1));
  auto raw_path = target.substr(0, question);
  auto path = raw_path.empty() ? std::optional<std::string>{"/"} : percent_decode(raw_path);
  if (!path) return std::nullopt;
  out.path = std::move(*path);
  return out;
}

}  // namespace cohort::api::http
