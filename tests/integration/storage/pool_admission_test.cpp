// The pool's read admission: at most max_concurrent_reads read statements run at once, in the order
// they came, while writes pass them. Each statement reports when PostgreSQL started and ended it,
// so the tests read the overlap from the database's own clock, not from the test's timing.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pool_test_support.hpp"

namespace pg = cohort::storage::pg;
using namespace cohort::storage::testing;
using cohort::testing::postgres_server;

namespace {

// Runs for `seconds` and answers its own start and end as microseconds since the epoch.
std::string timed_statement(double seconds) {
  return "SELECT (extract(epoch FROM clock_timestamp()) * 1e6)::int8, pg_sleep(" +
         std::to_string(seconds) + "), (extract(epoch FROM clock_timestamp()) * 1e6)::int8";
}

struct span {
  long long start = 0;
  long long end = 0;
};

span span_of(std::future<pg::result>& pending) {
  auto outcome = pending.get();
  EXPECT_TRUE(outcome.ok()) << error_text(outcome);
  if (!outcome.ok()) return {};
  return {std::stoll(std::string(outcome.get(0, 0))), std::stoll(std::string(outcome.get(0, 2)))};
}

// The largest number of spans running at one instant.
int most_at_once(const std::vector<span>& spans) {
  int most = 0;
  for (const auto& s : spans) {
    int running = static_cast<int>(std::count_if(spans.begin(), spans.end(), [&](const span& o) {
      return o.start <= s.start && s.start < o.end;
    }));
    most = std::max(most, running);
  }
  return most;
}

std::shared_ptr<pg::pool> pool_with(std::size_t connections, std::size_t reads) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.max_connections = connections;
  options.max_concurrent_reads = reads;
  return pg::pool::create(options);
}

}  // namespace

TEST(PoolAdmission, ReadsBeyondTheLimitWaitWhileConnectionsAreIdle) {
  auto pool = pool_with(4, 2);
  std::vector<std::future<pg::result>> pending;
  for (int i = 0; i < 5; ++i) {
    pending.push_back(query_async(*pool, timed_statement(0.15), {}, pg::admission::read));
  }
  std::vector<span> spans;
  for (auto& p : pending) spans.push_back(span_of(p));
  EXPECT_EQ(most_at_once(spans), 2);
  auto after = pool->stats();
  EXPECT_EQ(after.waiting, 0u);
  EXPECT_EQ(after.in_use, 0u);
  EXPECT_LE(after.open, 2u);  // a connection is only opened for a statement allowed to run
}

TEST(PoolAdmission, WaitingReadsRunInTheOrderTheyCame) {
  auto pool = pool_with(4, 1);
  std::vector<std::future<pg::result>> pending;
  for (int i = 0; i < 4; ++i) {
    pending.push_back(query_async(*pool, timed_statement(0.05), {}, pg::admission::read));
  }
  std::vector<span> spans;
  for (auto& p : pending) spans.push_back(span_of(p));
  EXPECT_EQ(most_at_once(spans), 1);
  for (std::size_t i = 1; i < spans.size(); ++i) {
    EXPECT_GE(spans[i].start, spans[i - 1].end) << "read " << i << " ran before read " << i - 1;
  }
}

TEST(PoolAdmission, AWritePassesReadsWaitingAtTheLimit) {
  auto pool = pool_with(3, 1);
  auto first_read = query_async(*pool, timed_statement(0.3), {}, pg::admission::read);
  auto second_read = query_async(*pool, timed_statement(0.3), {}, pg::admission::read);
  auto write = query_async(*pool, timed_statement(0.05));  // admission::any
  auto first = span_of(first_read);
  auto second = span_of(second_read);
  auto written = span_of(write);
  EXPECT_GE(second.start, first.end);
  EXPECT_LT(written.start, first.end) << "the write waited behind the reads";
}

TEST(PoolAdmission, AWriteReturningItsConnectionHandsItToTheNextWriteNotAWaitingRead) {
  // One read slot, taken; reads wait. The write's connection must go to the write behind the
  // waiting reads, and the reads must still run one at a time.
  auto pool = pool_with(2, 1);
  auto read_a = query_async(*pool, timed_statement(0.4), {}, pg::admission::read);
  auto write_a = query_async(*pool, timed_statement(0.05));
  auto read_b = query_async(*pool, timed_statement(0.05), {}, pg::admission::read);
  auto write_b = query_async(*pool, timed_statement(0.05));
  auto a = span_of(read_a);
  auto b = span_of(read_b);
  auto wa = span_of(write_a);
  auto wb = span_of(write_b);
  EXPECT_GE(wb.start, wa.end);
  EXPECT_LT(wb.start, a.end) << "the second write waited for the read slot";
  EXPECT_GE(b.start, a.end);
}

TEST(PoolAdmission, NoLimitLetsEveryConnectionRunAReadAndGuardedReadsCountToo) {
  auto pool = pool_with(3, 0);
  std::vector<std::future<pg::result>> pending;
  for (int i = 0; i < 3; ++i) {
    pending.push_back(query_async(*pool, timed_statement(0.2), {}, pg::admission::read));
  }
  std::vector<span> spans;
  for (auto& p : pending) spans.push_back(span_of(p));
  EXPECT_EQ(most_at_once(spans), 3);

  // A guarded statement admitted as a read takes a read slot like a plain one.
  auto limited = pool_with(3, 1);
  auto plain = query_async(*limited, timed_statement(0.2), {}, pg::admission::read);
  auto promise = std::make_shared<std::promise<pg::result>>();
  auto guarded_future = promise->get_future();
  limited->guarded_query(
      {"SELECT 1", {}}, timed_statement(0.05), {},
      [promise](pg::result r) { promise->set_value(std::move(r)); }, pg::admission::read);
  auto p = span_of(plain);
  auto g = span_of(guarded_future);
  EXPECT_GE(g.start, p.end);
}
