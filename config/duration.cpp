#include "config/duration.hpp"

#include <cctype>
#include <charconv>
#include <string>

namespace cohort::config {

namespace {

std::optional<double> unit_ms(std::string_view unit) {
  std::string u;
  for (char c : unit) u += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (u.empty() || u == "ms" || u == "msec" || u == "msecs" || u == "millisecond" ||
      u == "milliseconds")
    return 1.0;
  if (u == "s" || u == "sec" || u == "secs" || u == "second" || u == "seconds") return 1e3;
  if (u == "m" || u == "min" || u == "mins" || u == "minute" || u == "minutes") return 60e3;
  if (u == "h" || u == "hr" || u == "hrs" || u == "hour" || u == "hours") return 3600e3;
  if (u == "d" || u == "day" || u == "days") return 86400e3;
  if (u == "w" || u == "week" || u == "weeks") return 7 * 86400e3;
  if (u == "y" || u == "yr" || u == "yrs" || u == "year" || u == "years") return 365.25 * 86400e3;
  return std::nullopt;
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  double amount = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), amount);
  if (ec != std::errc{} || amount < 0) return std::nullopt;
  std::string_view rest(end, static_cast<std::size_t>(text.data() + text.size() - end));
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  auto factor = unit_ms(rest);
  if (!factor) return std::nullopt;
  double ms = amount * *factor;
  if (ms > 1e15) return std::nullopt;
  return std::chrono::milliseconds(static_cast<long long>(ms + 0.5));
}

}  // namespace cohort::config
