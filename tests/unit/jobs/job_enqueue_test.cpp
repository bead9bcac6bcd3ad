// The SQL of an enqueue: parameters in the order the statement numbers them, times as UTC text
// PostgreSQL reads back exactly, and the embeddable fragment numbered from a caller's offset.
#include <gtest/gtest.h>

#include <chrono>

#include "storage/jobs/job_enqueue.hpp"

namespace sj = cohort::storage::jobs;
using namespace std::chrono;

TEST(JobEnqueue, TimesAreUtcTextWithMicroseconds) {
  auto at =
      sys_days(year(2026) / 3 / 1) + hours(1) + minutes(2) + seconds(3) + microseconds(456789);
  EXPECT_EQ(sj::timestamp_text(at), "2026-03-01 01:02:03.456789+00");
  EXPECT_EQ(sj::timestamp_text(system_clock::time_point{} - microseconds(1)),
            "1969-12-31 23:59:59.999999+00");
}

TEST(JobEnqueue, TheStatementBindsEveryFieldInOrder) {
  sj::enqueue_request r;
  r.kind = "webhook.deliver";
  r.payload = R"({"a":1})";
  r.idempotency_key.emplace("order-1");
  r.max_attempts = 3;
  r.ordering_key = "webhook-1";
  r.run_at = sys_days(year(2026) / 1 / 2);
  auto s = sj::enqueue_statement(r);
  ASSERT_EQ(s.args.size(), 6u);
  EXPECT_EQ(s.args[0], "webhook.deliver");
  EXPECT_EQ(s.args[1], R"({"a":1})");
  EXPECT_EQ(s.args[2], "2026-01-02 00:00:00.000000+00");
  EXPECT_EQ(s.args[3], "3");
  EXPECT_EQ(s.args[4], "order-1");
  EXPECT_EQ(s.args[5], "webhook-1");
  EXPECT_NE(s.sql.find("ON CONFLICT (kind, idempotency_key) DO NOTHING"), std::string::npos);
}

TEST(JobEnqueue, UnsetFieldsAreNullAndAnEmptyPayloadIsAnObject) {
  sj::enqueue_request r;
  r.kind = "x";
  r.payload = "";
  auto s = sj::enqueue_statement(r);
  EXPECT_EQ(s.args[1], "{}");
  EXPECT_FALSE(s.args[2].has_value());
  EXPECT_FALSE(s.args[3].has_value());
  EXPECT_FALSE(s.args[4].has_value());
  EXPECT_FALSE(s.args[5].has_value());
}

TEST(JobEnqueue, TheFragmentIsNumberedFromTheCallersOffset) {
  sj::enqueue_request r;
  r.kind = "x";
  auto f = sj::enqueue_insert_fragment(r, 4);
  EXPECT_EQ(f.args.size(), 6u);
  EXPECT_NE(f.sql.find("VALUES ($4, $5::jsonb, COALESCE($6::timestamptz, now()), $7::integer, $8, "
                       "$9)"),
            std::string::npos)
      << f.sql;
  EXPECT_EQ(f.sql.find("$1,"), std::string::npos);
}
