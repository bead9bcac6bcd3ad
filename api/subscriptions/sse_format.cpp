#include "api/subscriptions/sse_format.hpp"

#include <cctype>

namespace cohort::api::subscriptions {

std::string sse_next(std::string_view json) {
  std::string out = "event: next\n";
  std::size_t start = 0;
  while (true) {
    auto end = json.find('\n', start);
    out += "data: ";
    out += json.substr(start, end == std::string_view::npos ? end : end - start);
    out += '\n';
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  out += '\n';
  return out;
}

std::string sse_complete() {
  return "event: complete\ndata:\n\n";
}

std::string sse_heartbeat() {
  return ":\n\n";
}

bool accepts_event_stream(const std::string* accept) {
  if (!accept) return false;
  std::string lower;
  for (char c : *accept) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find(event_stream_type) != std::string::npos;
}

}  // namespace cohort::api::subscriptions
