// GraphQL subscriptions over SSE end to end: how long a write takes to reach a client holding an
// `onDbEvent` stream (from the write request sent to the event read; p50/p99, writes one at a
// time), for one subscriber and for --subscribers streams at once (until the last of them has
// it), against a baseline measured in the same run: the same write's own round trip with nobody
// subscribed.
//
//   bench_subscriptions [--samples 200] [--subscribers 64]
//
// Runs `cohort serve --seed demo` on the test fixtures' private PostgreSQL. Goal (issue 8): a
// change seen on another connection within 100 ms.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "api/auth/token_service.hpp"
#include "bench/support/latency.hpp"
#include "fixtures/cohort_server.hpp"
#include "fixtures/postgres_server.hpp"
#include "fixtures/raw_client.hpp"
#include "integration/subscriptions/sse_client.hpp"
#include "runtime/seed/seed_plan.hpp"

namespace {

using namespace cohort::testing;
using cohort::bench::clock_type;
using cohort::bench::ms_between;
using cohort::bench::percentile;
namespace json = boost::json;

constexpr const char* subscription = R"(subscription {
  onDbEvent(input: { objectNameSingular: "person", action: CREATED }) {
    action objectNameSingular eventDate record } })";

int arg(int argc, char** argv, const char* name, int fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return std::atoi(argv[i + 1]);
  }
  return fallback;
}

// POST /rest/people on a fresh connection; the created id, or "" on failure.
std::string write_person(std::uint16_t port, const std::string& token, int i) {
  std::string body = R"({"name":{"firstName":"Bench","lastName":"S)" + std::to_string(i) + "\"}}";
  raw_client c(port);
  c.send("POST /rest/people HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer " + token +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body);
  auto res = c.read_response(std::chrono::seconds(60));
  if (!res || res->status != 201) return {};
  boost::system::error_code ec;
  auto v = json::parse(res->body, ec);
  const auto* id = ec ? nullptr : v.find_pointer("/data/createPerson/id", ec);
  return id && id->is_string() ? std::string(id->as_string()) : std::string();
}

// Reads `client` until the event about `id`; false when it does not come.
bool read_event_about(sse_client& client, const std::string& id) {
  while (auto e = client.next(std::chrono::seconds(30))) {
    if (e->data.find(id) != std::string::npos) return true;
  }
  return false;
}

// Opens `n` streams and waits until each is live (its first comment).
std::vector<std::unique_ptr<sse_client>> open_streams(std::uint16_t port, const std::string& token,
                                                      int n) {
  std::vector<std::unique_ptr<sse_client>> out;
  for (int i = 0; i < n; ++i)
    out.push_back(std::make_unique<sse_client>(port, subscription, token));
  for (auto& c : out) {
    while (c->heartbeats() == 0) {
      if (!c->next(std::chrono::milliseconds(100)) && c->ended()) {
        std::fprintf(stderr, "a stream did not open\n");
        std::exit(1);
      }
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int samples = arg(argc, argv, "--samples", 200);
  const int subscribers = arg(argc, argv, "--subscribers", 64);

  auto& pg = postgres_server::shared();
  std::string database = pg.create_database("bench_subscriptions");
  const char* secret = "bench-subscriptions-secret";
  cohort_server server(cohort_server::options{.args = {"--seed", "demo", "--log-level", "warn"},
                                              .env = {{"PG_DATABASE_URL", database},
                                                      {"APP_SECRET", secret},
                                                      {"API_RATE_LIMITING_LIMIT", "0"},
                                                      {"COHORT_SAMPLE_RECORDS", "false"}},
                                              .data_dir = std::nullopt});
  if (!server.wait_ready(std::chrono::seconds(90))) {
    std::fprintf(stderr, "cohort did not start:\n%s\n", server.proc().output().c_str());
    return 1;
  }
  auto plan = cohort::runtime::seed::demo_seed();
  const auto& ws = plan.workspaces.front();
  const auto& user = ws.users.front();
  cohort::api::auth::token_service_options opts;
  opts.app_secret = secret;
  cohort::api::auth::token_service tokens(opts);
  const std::string token = tokens
                                .mint_access({.user_id = user.id,
                                              .workspace_id = ws.id,
                                              .workspace_member_id = user.workspace_member_id,
                                              .user_workspace_id = user.user_workspace_id,
                                              .auth_provider = "password",
                                              .impersonation = std::nullopt})
                                .token;
  const auto port = server.port();
  int written = 0;

  // Baseline: the write's own round trip, nobody subscribed.
  std::vector<double> write_ms;
  for (int i = 0; i < samples; ++i) {
    auto t0 = clock_type::now();
    if (write_person(port, token, written++).empty()) {
      std::fprintf(stderr, "write failed\n");
      return 1;
    }
    write_ms.push_back(ms_between(t0, clock_type::now()));
  }

  // One subscriber: from the write sent (the event can arrive before the write's answer) to the
  // event read from the stream.
  std::vector<double> one_ms;
  {
    auto streams = open_streams(port, token, 1);
    for (int i = 0; i < samples; ++i) {
      auto sent = clock_type::now();
      auto id = write_person(port, token, written++);
      if (id.empty() || !read_event_about(*streams[0], id)) {
        std::fprintf(stderr, "event %d did not arrive\n", i);
        return 1;
      }
      one_ms.push_back(ms_between(sent, clock_type::now()));
    }
  }

  // Fan-out: until the last of `subscribers` streams has read the event.
  std::vector<double> all_ms;
  {
    auto streams = open_streams(port, token, subscribers);
    for (int i = 0; i < samples; ++i) {
      auto sent = clock_type::now();
      auto id = write_person(port, token, written++);
      for (auto& s : streams) {
        if (id.empty() || !read_event_about(*s, id)) {
          std::fprintf(stderr, "event %d did not reach every stream\n", i);
          return 1;
        }
      }
      all_ms.push_back(ms_between(sent, clock_type::now()));
    }
  }

  const double base = std::max(0.001, percentile(write_ms, 0.5));
  std::printf(
      "bench: write round trip (POST /rest/people, nobody subscribed): p50 %.2f ms, "
      "p99 %.2f ms (%d samples)\n",
      percentile(write_ms, 0.5), percentile(write_ms, 0.99), samples);
  std::printf(
      "bench: write sent -> event read, 1 stream: p50 %.2f ms, p99 %.2f ms, p50 ratio to "
      "the write %.2f (goal: within 100 ms)\n",
      percentile(one_ms, 0.5), percentile(one_ms, 0.99), percentile(one_ms, 0.5) / base);
  std::printf(
      "bench: write sent -> event read on all %d streams: p50 %.2f ms, p99 %.2f ms, p50 "
      "ratio to the write %.2f\n",
      subscribers, percentile(all_ms, 0.5), percentile(all_ms, 0.99),
      percentile(all_ms, 0.5) / base);
  return 0;
}
