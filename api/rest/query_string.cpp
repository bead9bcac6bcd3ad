#include "api/rest/query_string.hpp"

#include "api/http/target.hpp"

namespace cohort::api::rest {

std::string form_decode(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced) {
    if (c == '+') c = ' ';
  }
  // A value that decodes to a NUL byte is kept undecoded: it then matches nothing.
  return http::percent_decode(spaced).value_or(spaced);
}

query_string::query_string(std::string_view raw) {
  while (!raw.empty()) {
    std::size_t amp = raw.find('&');
    std::string_view pair = raw.substr(0, amp);
    raw = amp == std::string_view::npos ? std::string_view() : raw.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    std::string name = form_decode(pair.substr(0, eq));
    std::string value =
        eq == std::string_view::npos ? std::string() : form_decode(pair.substr(eq + 1));
    values_.emplace(std::move(name), std::move(value));  // emplace keeps the first
  }
}

std::optional<std::string> query_string::get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

}  // namespace cohort::api::rest
