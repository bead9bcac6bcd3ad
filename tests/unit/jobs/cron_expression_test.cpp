// Five-field cron expressions: what parses, what does not (with the reason), and the next slot.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>

#include "actors/jobs/cron_expression.hpp"

using cohort::actors::jobs::cron_expression;
using namespace std::chrono;

namespace {

system_clock::time_point utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  return sys_days(year(y) / month(mo) / day(d)) + hours(h) + minutes(mi) + seconds(s);
}

cron_expression parse(const char* text) {
  auto parsed = cron_expression::parse(text);
  if (auto* why = std::get_if<std::string>(&parsed)) ADD_FAILURE() << text << ": " << *why;
  return std::get_if<cron_expression>(&parsed)
             ? std::get<cron_expression>(parsed)
             : std::get<cron_expression>(cron_expression::parse("* * * * *"));
}

std::string error_of(const char* text) {
  auto parsed = cron_expression::parse(text);
  auto* why = std::get_if<std::string>(&parsed);
  return why ? *why : std::string("(parsed)");
}

system_clock::time_point next(const char* text, system_clock::time_point after) {
  auto slot = parse(text).next_after(after);
  EXPECT_TRUE(slot.has_value()) << text;
  return slot.value_or(system_clock::time_point{});
}

}  // namespace

TEST(CronExpression, EveryMinuteIsTheNextWholeMinute) {
  EXPECT_EQ(next("* * * * *", utc(2026, 3, 1, 10, 15, 30)), utc(2026, 3, 1, 10, 16));
  // Strictly after: a time exactly on a slot gives the following one.
  EXPECT_EQ(next("* * * * *", utc(2026, 3, 1, 10, 15)), utc(2026, 3, 1, 10, 16));
}

TEST(CronExpression, StepsRangesAndLists) {
  EXPECT_EQ(next("*/15 * * * *", utc(2026, 3, 1, 10, 16)), utc(2026, 3, 1, 10, 30));
  EXPECT_EQ(next("*/15 * * * *", utc(2026, 3, 1, 10, 50)), utc(2026, 3, 1, 11, 0));
  EXPECT_EQ(next("5,35 * * * *", utc(2026, 3, 1, 10, 6)), utc(2026, 3, 1, 10, 35));
  EXPECT_EQ(next("0 9-17/4 * * *", utc(2026, 3, 1, 10, 0)), utc(2026, 3, 1, 13, 0));
  EXPECT_EQ(next("10/20 * * * *", utc(2026, 3, 1, 10, 31)), utc(2026, 3, 1, 10, 50));
}

TEST(CronExpression, WeekdaysByNameAndSevenIsSunday) {
  // 2026-03-01 is a Sunday.
  EXPECT_EQ(next("0 9 * * MON-FRI", utc(2026, 2, 28, 12)), utc(2026, 3, 2, 9));
  EXPECT_EQ(next("0 0 * * 7", utc(2026, 3, 2)), utc(2026, 3, 8));
  EXPECT_EQ(next("0 0 * * sun", utc(2026, 3, 2)), utc(2026, 3, 8));
}

TEST(CronExpression, MonthsByNameAndYearRollover) {
  EXPECT_EQ(next("0 0 1 jan *", utc(2026, 3, 1)), utc(2027, 1, 1));
  EXPECT_EQ(next("@yearly", utc(2026, 12, 31, 23, 59)), utc(2027, 1, 1));
  EXPECT_EQ(next("30 2 29 2 *", utc(2026, 3, 1)), utc(2028, 2, 29, 2, 30));
}

TEST(CronExpression, BothDayFieldsRestrictedMeansEither) {
  // The 15th or any Monday: from Sunday 1 March the next is Monday 2 March.
  EXPECT_EQ(next("0 0 15 * MON", utc(2026, 3, 1, 1)), utc(2026, 3, 2));
  // Only the day of month restricted: weekdays do not matter.
  EXPECT_EQ(next("0 0 15 * *", utc(2026, 3, 1, 1)), utc(2026, 3, 15));
}

TEST(CronExpression, Shorthands) {
  EXPECT_EQ(next("@hourly", utc(2026, 3, 1, 10, 1)), utc(2026, 3, 1, 11));
  EXPECT_EQ(next("@daily", utc(2026, 3, 1, 10, 1)), utc(2026, 3, 2));
  EXPECT_EQ(next("@weekly", utc(2026, 3, 1, 10, 1)), utc(2026, 3, 8));
  EXPECT_EQ(next("@monthly", utc(2026, 3, 1, 10, 1)), utc(2026, 4, 1));
}

TEST(CronExpression, ADateThatNeverComesHasNoSlot) {
  EXPECT_FALSE(parse("0 0 30 2 *").next_after(utc(2026, 1, 1)).has_value());
}

TEST(CronExpression, MatchesTellsWhetherAMinuteIsASlot) {
  auto weekdays = parse("*/30 9 * * 1-5");
  EXPECT_TRUE(weekdays.matches(utc(2026, 3, 2, 9, 30)));
  EXPECT_FALSE(weekdays.matches(utc(2026, 3, 1, 9, 30)));  // Sunday
  EXPECT_FALSE(weekdays.matches(utc(2026, 3, 2, 9, 31)));
}

TEST(CronExpression, InvalidExpressionsSayWhy) {
  EXPECT_EQ(error_of("* * * *"),
            "invalid cron expression \"* * * *\": expected 5 fields (minute hour day-of-month "
            "month day-of-week), got 4");
  EXPECT_EQ(error_of("60 * * * *"), "invalid minute \"60\": expected values from 0 to 59");
  EXPECT_EQ(error_of("* 24 * * *"), "invalid hour \"24\": expected values from 0 to 23");
  EXPECT_EQ(error_of("* * 0 * *"), "invalid day of month \"0\": expected values from 1 to 31");
  EXPECT_EQ(error_of("* * * 13 *"), "invalid month \"13\": expected values from 1 to 12");
  EXPECT_EQ(error_of("* * * * 8"), "invalid day of week \"8\": expected values from 0 to 7");
  EXPECT_EQ(error_of("*/0 * * * *"), "invalid minute \"*/0\": expected a positive step");
  EXPECT_EQ(error_of("5-1 * * * *"), "invalid minute \"5-1\": expected values from 0 to 59");
  EXPECT_EQ(error_of("a * * * *"), "invalid minute \"a\": expected a value or a range a-b");
  EXPECT_EQ(error_of("* * * FOO *"), "invalid month \"FOO\": expected a value or a range a-b");
  EXPECT_EQ(error_of("1,,2 * * * *"), "invalid minute \"\": expected a value or a range a-b");
  EXPECT_EQ(error_of("@often"),
            "invalid cron expression \"@often\": expected 5 fields (minute hour day-of-month "
            "month day-of-week), got 1");
}
