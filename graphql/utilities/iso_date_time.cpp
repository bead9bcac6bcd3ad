#include "graphql/utilities/iso_date_time.hpp"

#include <cstdio>

namespace cohort::graphql::utilities {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

bool is_leap(std::int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

class reader {
 public:
  explicit reader(std::string_view s) : s_(s) {}
  bool done() const { return i_ == s_.size(); }
  bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
  bool accept(char c) {
    if (!peek(c)) return false;
    ++i_;
    return true;
  }
  std::optional<int> digits(std::size_t n) {
    if (i_ + n > s_.size()) return std::nullopt;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      char c = s_[i_ + k];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    i_ += n;
    return v;
  }
  // Fraction digits after '.', as milliseconds (truncated like V8).
  int fraction_ms() {
    int ms = 0, count = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      if (count < 3) ms = ms * 10 + (s_[i_] - '0');
      ++count;
      ++i_;
    }
    for (; count < 3; ++count) ms *= 10;
    return ms;
  }
  bool fraction_started() const { return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::int64_t> parse_iso_date_time(std::string_view text) {
  reader r(text);
  auto year = r.digits(4);
  if (!year || !r.accept('-')) return std::nullopt;
  auto month = r.digits(2);
  if (!month || !r.accept('-')) return std::nullopt;
  auto day = r.digits(2);
  if (!day || *month < 1 || *month > 12 || *day < 1 ||
      static_cast<unsigned>(*day) > days_in_month(*year, static_cast<unsigned>(*month))) {
    return std::nullopt;
  }
  std::int64_t ms =
      days_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)) *
      86400000LL;
  if (r.done()) return ms;
  if (!r.accept('T') && !r.accept('t') && !r.accept(' ')) return std::nullopt;
  auto hour = r.digits(2);
  if (!hour || !r.accept(':')) return std::nullopt;
  auto minute = r.digits(2);
  if (!minute) return std::nullopt;
  int second = 0, millis = 0;
  if (r.accept(':')) {
    auto s = r.digits(2);
    if (!s) return std::nullopt;
    second = *s;
    if (r.accept('.')) {
      if (!r.fraction_started()) return std::nullopt;
      millis = r.fraction_ms();
    }
  }
  if (*hour > 24 || *minute > 59 || second > 59 ||
      (*hour == 24 && (*minute != 0 || second != 0 || millis != 0))) {
    return std::nullopt;
  }
  ms += ((*hour * 60LL + *minute) * 60 + second) * 1000 + millis;
  if (r.done() || r.accept('Z') || r.accept('z'))
    return r.done() ? std::optional(ms) : std::nullopt;
  int sign = r.accept('+') ? 1 : r.accept('-') ? -1 : 0;
  if (sign == 0) return std::nullopt;
  auto off_h = r.digits(2);
  if (!off_h) return std::nullopt;
  int off_m = 0;
  if (r.accept(':')) {
    auto m = r.digits(2);
    if (!m) return std::nullopt;
    off_m = *m;
  } else if (!r.done()) {
    auto m = r.digits(2);
    if (!m) return std::nullopt;
    off_m = *m;
  }
  if (!r.done() || *off_h > 23 || off_m > 59) return std::nullopt;
  return ms - sign * ((*off_h * 60LL + off_m) * 60000);
}

std::string format_iso_date_time(std::int64_t epoch_ms) {
  std::int64_t days = epoch_ms >= 0 ? epoch_ms / 86400000 : -((-epoch_ms + 86399999) / 86400000);
  std::int64_t rest = epoch_ms - days * 86400000;
  std::int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<long long>(y), m, d, static_cast<long long>(rest / 3600000),
                static_cast<long long>(rest / 60000 % 60), static_cast<long long>(rest / 1000 % 60),
                static_cast<long long>(rest % 1000));
  return buf;
}

}  // namespace cohort::graphql::utilities
