#include "api/http/access_log.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

namespace cohort::api::http {

namespace {

// Control characters and spaces in a path would break the text line into misleading fields.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  static constexpr char hex[] = "0123456789ABCDEF";
  for (unsigned char c : text) {
    if (c <= 0x20 || c == 0x7f) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string format_access_line(const access_entry& entry, config::log_format format) {
  if (format == config::log_format::json) {
    boost::json::object line;
    line["msg"] = "http request";
    line["method"] = entry.method;
    line["path"] = entry.path;
    line["status"] = entry.status;
    line["bytes"] = entry.bytes;
    line["duration_us"] = entry.duration.count();
    line["request_id"] = entry.request_id;
    line["remote"] = entry.remote_address;
    return boost::json::serialize(line);
  }
  return fmt::format("{} {} {} {}B {}us id={} remote={}", printable(entry.method),
                     printable(entry.path), entry.status, entry.bytes, entry.duration.count(),
                     entry.request_id, entry.remote_address);
}

void log_access(const access_entry& entry, config::log_format format) {
  auto* logger = spdlog::default_logger_raw();
  if (!logger->should_log(spdlog::level::info)) return;
  auto line = format_access_line(entry, format);
  logger->log(spdlog::level::info, spdlog::string_view_t{line.data(), line.size()});
}

}  // namespace cohort::api::http
