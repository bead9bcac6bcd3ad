// `cohort serve` end to end: the real binary, its embedded PostgreSQL, HTTP on loopback.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json.hpp>
#include <fstream>

#include "fixtures/cohort_server.hpp"
#include "fixtures/prometheus_text.hpp"

using namespace cohort::testing;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

long ms_since(clock_type::time_point t) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - t).count());
}

// The postmaster's pid as PostgreSQL recorded it in the data directory.
pid_t postmaster_pid(const std::string& data_dir) {
  std::ifstream in(data_dir + "/postgres/postmaster.pid");
  pid_t pid = 0;
  in >> pid;
  return pid;
}

bool alive(pid_t pid) {
  return pid > 0 && (kill(pid, 0) == 0 || errno != ESRCH);
}

}  // namespace

TEST(Serve, FirstAndLaterStartsAnswerHealthzAndSigtermStopsEverything) {
  temp_dir dir("cohort-e2e");
  std::string data = (dir.path() / "data").string();
  for (int start = 0; start < 2; ++start) {
    auto t0 = clock_type::now();
    cohort_server server({.args = {}, .env = {}, .data_dir = data});
    ASSERT_TRUE(server.wait_ready(20s)) << server.proc().output();
    long ready_ms = ms_since(t0);
    std::printf("[ figures ] start %d (%s): /healthz answered after %ld ms\n", start + 1,
                start == 0 ? "with initdb" : "existing data dir", ready_ms);
    EXPECT_LT(ready_ms, 10000);

    auto health = server.get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200u);
    EXPECT_EQ(health->body, R"({"status":"ok","info":{},"error":{},"details":{}})");

    pid_t pg = postmaster_pid(data);
    ASSERT_TRUE(alive(pg)) << "the embedded PostgreSQL runs while Cohort does";

    auto t1 = clock_type::now();
    int status = server.proc().stop(SIGTERM, 15s);
    long stop_ms = ms_since(t1);
    std::printf("[ figures ] SIGTERM to exit: %ld ms\n", stop_ms);
    EXPECT_EQ(status, 0) << server.proc().output();
    EXPECT_LT(stop_ms, 5000);
    EXPECT_FALSE(alive(pg)) << "no postgres process is left behind";
  }
}

TEST(Serve, DatabaseHealthIndicatorQueriesPostgres) {
  cohort_server server({});
  ASSERT_TRUE(server.wait_ready()) << server.proc().output();
  auto r = server.get("/healthz/database");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200u);
  auto body = boost::json::parse(r->body);
  EXPECT_EQ(body.at("status"), "ok");
  EXPECT_EQ(body.at("details").at("database").at("status"), "up");

  auto unknown = server.get("/healthz/flux-capacitor");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400u);
  EXPECT_EQ(boost::json::parse(unknown->body).at("statusCode"), 400);
}

TEST(Serve, EchoTravelsThroughTheActorsAndMetricsCountIt) {
  cohort_server server({});
  ASSERT_TRUE(server.wait_ready()) << server.proc().output();
  for (int i = 1; i <= 3; ++i) {
    auto r = server.get("/_internal/echo?ping-" + std::to_string(i));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200u) << r->body;
    auto body = boost::json::parse(r->body);
    EXPECT_EQ(body.at("echo").as_string(), "ping-" + std::to_string(i));
    EXPECT_EQ(body.at("served"), i) << "one workspace actor served every echo";
  }
  auto m = server.get("/metrics");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, 200u);
  EXPECT_NE(m->get("content-type").find("text/plain"), std::string::npos);
  auto metrics = parse_prometheus(m->body);
  EXPECT_TRUE(metrics.errors.empty()) << metrics.errors.front();
  EXPECT_EQ(metrics.value("http_requests_total",
                          {{"route", "/_internal/echo"}, {"status", "200"}, {"method", "GET"}}),
            3.0);
  EXPECT_EQ(metrics.value("cohort_workspace_actors_live"), 1.0);
  EXPECT_EQ(metrics.types["http_request_duration_seconds"], "histogram");
  EXPECT_GT(metrics.value("process_resident_memory_bytes").value_or(0), 1e6);
  EXPECT_TRUE(metrics.value("cohort_pg_pool_connections", {{"state", "idle"}}).has_value());
}

TEST(Serve, UnknownRouteIsA404InNestShape) {
  cohort_server server({});
  ASSERT_TRUE(server.wait_ready()) << server.proc().output();
  auto r = server.get("/no/such/route");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404u);
  auto body = boost::json::parse(r->body);
  EXPECT_EQ(body.at("message"), "Cannot GET /no/such/route");
  EXPECT_EQ(body.at("statusCode"), 404);
}

TEST(Serve, SecondCohortOnTheSameDataDirIsRefused) {
  temp_dir dir("cohort-e2e");
  cohort_server first({.args = {}, .env = {}, .data_dir = (dir.path() / "data").string()});
  ASSERT_TRUE(first.wait_ready()) << first.proc().output();
  auto second = run_cohort(
      {"serve", "--port", std::to_string(free_loopback_port()), "--data-dir", first.data_dir()});
  EXPECT_EQ(second.status, 2);
  EXPECT_NE(second.err.find("in use by another Cohort"), std::string::npos) << second.err;
  EXPECT_EQ(first.get("/healthz")->status, 200u) << "the first one keeps running";
}
