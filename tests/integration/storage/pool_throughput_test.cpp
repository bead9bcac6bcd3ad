// Measures the pool against plain synchronous libpq on the same server and prints the figures
// ("[ measure ]" lines). Asserts only that every query succeeded: the numbers depend on the
// machine.
#include <libpq-fe.h>

#include <atomic>
#include <cstdio>
#include <iostream>

#include <gtest/gtest.h>

#include "pool_test_support.hpp"

namespace pg = cohort::storage::pg;
using namespace cohort::storage::testing;
using cohort::testing::postgres_server;
using clock_type = std::chrono::steady_clock;

namespace {

constexpr int queries = 5000;
constexpr const char* sql = "SELECT $1::int4 + 1";

void report(const std::string& what, int count, clock_type::duration took, int in_flight) {
  double seconds = std::chrono::duration<double>(took).count();
  char line[200];
  std::snprintf(line, sizeof line, "[ measure ] %-38s %8.0f q/s  %7.1f us/query (%d in flight)",
                what.c_str(), count / seconds, seconds * 1e6 / count * in_flight, in_flight);
  std::cout << line << std::endl;
}

// `in_flight` chains of queries, each issuing its next query from the previous one's callback.
// The state lives on the heap: the last callback may still run when the caller wakes up.
struct chains : std::enable_shared_from_this<chains> {
  pg::pool& pool;
  int total;
  std::atomic<int> started{0}, finished{0}, failures{0};
  std::promise<void> all_done;

  chains(pg::pool& p, int n) : pool(p), total(n) {}

  void next() {
    int n = started++;
    if (n >= total) return;
    pool.query(sql, {std::to_string(n)}, [self = shared_from_this(), n](pg::result outcome) {
      if (!outcome.ok() || outcome.get(0, 0) != std::to_string(n + 1)) self->failures++;
      self->next();
      if (++self->finished == self->total) self->all_done.set_value();
    });
  }
};

int run_chains(pg::pool& pool, int in_flight, int total) {
  auto state = std::make_shared<chains>(pool, total);
  auto done = state->all_done.get_future();
  for (int i = 0; i < in_flight; ++i) state->next();
  done.wait();
  return state->failures;
}

}  // namespace

TEST(PoolThroughput, AgainstSynchronousLibpq) {
  const auto& conninfo = postgres_server::shared().conninfo();
  PGconn* conn = PQconnectdb(conninfo.c_str());
  ASSERT_EQ(PQstatus(conn), CONNECTION_OK);
  auto sync_loop = [&](bool prepared) {
    if (prepared) PQclear(PQprepare(conn, "bench", sql, 1, nullptr));
    int failures = 0;
    auto start = clock_type::now();
    for (int i = 0; i < queries; ++i) {
      auto value = std::to_string(i);
      const char* values[] = {value.c_str()};
      PGresult* res = prepared ? PQexecPrepared(conn, "bench", 1, values, nullptr, nullptr, 0)
                               : PQexecParams(conn, sql, 1, nullptr, values, nullptr, nullptr, 0);
      if (PQresultStatus(res) != PGRES_TUPLES_OK) failures++;
      PQclear(res);
    }
    EXPECT_EQ(failures, 0);
    return clock_type::now() - start;
  };
  sync_loop(true);  // warm the server up
  report("sync libpq PQexecParams", queries, sync_loop(false), 1);
  report("sync libpq PQexecPrepared", queries, sync_loop(true), 1);
  PQfinish(conn);

  for (int in_flight : {1, 4, 16}) {
    auto options = options_for(conninfo);
    options.max_connections = 4;
    auto pool = pg::pool::create(options);
    EXPECT_EQ(run_chains(*pool, in_flight, 500), 0);  // connect and prepare first
    auto start = clock_type::now();
    EXPECT_EQ(run_chains(*pool, in_flight, queries), 0);
    report("pool (4 connections, 1 thread)", queries, clock_type::now() - start, in_flight);
  }
}
