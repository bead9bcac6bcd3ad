#include "actors/jobs/cron_expression.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace cohort::actors::jobs {

namespace {

using namespace std::chrono;

struct field_spec {
  const char* name;
  int low;
  int high;
  const char* const* names;  // names[i] is the value low + i (nullptr: numbers only)
};

const char* const month_names[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                   "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char* const weekday_names[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

const std::array<field_spec, 5> fields = {{
    {"minute", 0, 59, nullptr},
    {"hour", 0, 23, nullptr},
    {"day of month", 1, 31, nullptr},
    {"month", 1, 12, month_names},
    {"day of week", 0, 7, weekday_names},
}};

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    auto at = text.find(sep, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

std::optional<int> number(std::string_view text, const field_spec& spec) {
  if (text.empty()) return std::nullopt;
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (text.size() > 3) return std::nullopt;
    return std::stoi(std::string(text));
  }
  if (!spec.names || text.size() != 3) return std::nullopt;
  std::string upper(text);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  int count = spec.high - spec.low + 1 - (spec.low == 0 && spec.high == 7 ? 1 : 0);
  for (int i = 0; i < count; ++i)
    if (upper == spec.names[i]) return spec.low + i;
  return std::nullopt;
}

// Sets the values of one comma-separated field in `bits` (index = value); a reason on error.
std::optional<std::string> parse_field(std::string_view text, const field_spec& spec,
                                       std::vector<bool>& bits) {
  auto bad = [&](std::string_view part, const std::string& why) {
    return std::string("invalid ") + spec.name + " \"" + std::string(part) + "\": " + why;
  };
  for (auto part : split(text, ',')) {
    auto pieces = split(part, '/');
    if (pieces.size() > 2) return bad(part, "more than one step");
    int step = 1;
    if (pieces.size() == 2) {
      auto n = number(pieces[1], field_spec{spec.name, 0, 0, nullptr});
      if (!n || *n <= 0) return bad(part, "expected a positive step");
      step = *n;
    }
    int from = spec.low;
    int to = spec.high;
    if (pieces[0] != "*") {
      auto range = split(pieces[0], '-');
      if (range.size() > 2) return bad(part, "expected a value or a range a-b");
      auto a = number(range[0], spec);
      if (!a) return bad(part, "expected a value or a range a-b");
      from = to = *a;
      if (range.size() == 2) {
        auto b = number(range[1], spec);
        if (!b) return bad(part, "expected a value or a range a-b");
        to = *b;
      } else if (pieces.size() == 2) {
        to = spec.high;  // "a/n": from a to the end
      }
    }
    if (from < spec.low || to > spec.high || from > to)
      return bad(part, "expected values from " + std::to_string(spec.low) + " to " +
                           std::to_string(spec.high));
    for (int v = from; v <= to; v += step) bits[static_cast<std::size_t>(v)] = true;
  }
  return std::nullopt;
}

std::string_view shorthand(std::string_view text) {
  if (text == "@yearly" || text == "@annually") return "0 0 1 1 *";
  if (text == "@monthly") return "0 0 1 * *";
  if (text == "@weekly") return "0 0 * * 0";
  if (text == "@daily" || text == "@midnight") return "0 0 * * *";
  if (text == "@hourly") return "0 * * * *";
  return text;
}

}  // namespace

std::variant<cron_expression, std::string> cron_expression::parse(std::string_view text) {
  std::vector<std::string_view> parts;
  std::string_view rest = shorthand(text);
  std::size_t i = 0;
  while (i < rest.size()) {
    while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
    std::size_t start = i;
    while (i < rest.size() && !std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
    if (i > start) parts.push_back(rest.substr(start, i - start));
  }
  if (parts.size() != 5)
    return "invalid cron expression \"" + std::string(text) +
           "\": expected 5 fields (minute hour day-of-month month day-of-week), got " +
           std::to_string(parts.size());
  cron_expression out;
  std::array<std::vector<bool>, 5> bits;
  for (std::size_t f = 0; f < 5; ++f) {
    bits[f].assign(static_cast<std::size_t>(fields[f].high + 1), false);
    if (auto why = parse_field(parts[f], fields[f], bits[f])) return *why;
  }
  for (std::size_t v = 0; v < 60; ++v) out.minutes_[v] = bits[0][v];
  for (std::size_t v = 0; v < 24; ++v) out.hours_[v] = bits[1][v];
  for (std::size_t v = 1; v < 32; ++v) out.days_[v] = bits[2][v];
  for (std::size_t v = 1; v < 13; ++v) out.months_[v] = bits[3][v];
  for (std::size_t v = 0; v < 8; ++v)
    if (bits[4][v]) out.weekdays_[v % 7] = true;
  out.days_restricted_ = parts[2] != "*" && parts[2] != "?";
  out.weekdays_restricted_ = parts[4] != "*" && parts[4] != "?";
  return out;
}

bool cron_expression::day_matches(year_month_day date) const {
  bool dom = days_[static_cast<unsigned>(date.day())];
  bool dow = weekdays_[weekday(sys_days(date)).c_encoding()];
  if (days_restricted_ && weekdays_restricted_) return dom || dow;
  return dom && dow;
}

bool cron_expression::matches(system_clock::time_point minute) const {
  auto day = floor<days>(minute);
  year_month_day date(day);
  hh_mm_ss time(floor<std::chrono::minutes>(minute - day));
  return months_[static_cast<unsigned>(date.month())] && day_matches(date) &&
         hours_[static_cast<std::size_t>(time.hours().count())] &&
         minutes_[static_cast<std::size_t>(time.minutes().count())];
}

std::optional<system_clock::time_point> cron_expression::next_after(
    system_clock::time_point after) const {
  auto t = floor<std::chrono::minutes>(after) + std::chrono::minutes(1);
  // Skips whole months, days and hours that cannot match; bounded so that impossible dates end.
  const auto limit = t + std::chrono::hours(24 * 366 * 5);
  while (t < limit) {
    auto day = floor<days>(t);
    year_month_day date(day);
    if (!months_[static_cast<unsigned>(date.month())]) {
      auto next_month = year_month_day(date.year() / date.month() / 1) + months(1);
      t = time_point_cast<std::chrono::minutes>(sys_days(next_month));
      continue;
    }
    if (!day_matches(date)) {
      t = time_point_cast<std::chrono::minutes>(day + days(1));
      continue;
    }
    hh_mm_ss time(floor<std::chrono::minutes>(t - day));
    if (!hours_[static_cast<std::size_t>(time.hours().count())]) {
      t = time_point_cast<std::chrono::minutes>(day + time.hours() + std::chrono::hours(1));
      continue;
    }
    if (!minutes_[static_cast<std::size_t>(time.minutes().count())]) {
      t += std::chrono::minutes(1);
      continue;
    }
    return time_point_cast<system_clock::duration>(t);
  }
  return std::nullopt;
}

}  // namespace cohort::actors::jobs
