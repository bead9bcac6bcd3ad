// Five-field cron expressions (minute hour day-of-month month day-of-week, UTC), as crontab(5)
// reads them: `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n`, lists, month and weekday names
// (JAN, MON), 7 for Sunday, and the @hourly/@daily/@weekly/@monthly/@yearly shorthands. When both
// day fields are restricted, a day matching either one fires (Vixie cron).
#pragma once

#include <bitset>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace cohort::actors::jobs {

class cron_expression {
 public:
  // The expression, or a one-line reason it is not one.
  static std::variant<cron_expression, std::string> parse(std::string_view text);

  // The first slot strictly after `after` (slots are whole minutes); none when no date ever
  // matches (e.g. 30 February).
  std::optional<std::chrono::system_clock::time_point> next_after(
      std::chrono::system_clock::time_point after) const;

  bool matches(std::chrono::system_clock::time_point minute) const;

 private:
  bool day_matches(std::chrono::year_month_day date) const;

  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_;     // 1..31
  std::bitset<13> months_;   // 1..12
  std::bitset<7> weekdays_;  // 0 = Sunday
  bool days_restricted_ = false;
  bool weekdays_restricted_ = false;
};

}  // namespace cohort::actors::jobs
