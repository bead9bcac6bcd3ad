// Webhooks end to end: how long a write takes to reach a receiver as a delivery (from the write
// request sent to the delivery read; p50/p99, one webhook, writes one at a time) and how many
// deliveries per second a node sustains (several webhooks, writes in batches), each against a
// baseline measured in the same run: plain POSTs of the same body straight to the same loopback
// receiver (round trip p50/p99, and POSTs/s over as many connections as the node delivers on).
//
//   bench_webhooks [--samples 200] [--events 1000] [--webhooks 8]
//
// Runs `cohort serve --seed demo` on the test fixtures' private PostgreSQL. Targets (issue 8):
// p50 <= 20 ms and >= 2,000 deliveries/s on this machine.
#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "api/auth/token_service.hpp"
#include "bench/support/latency.hpp"
#include "fixtures/cohort_server.hpp"
#include "fixtures/postgres_server.hpp"
#include "fixtures/raw_client.hpp"
#include "fixtures/webhook_receiver.hpp"
#include "runtime/seed/seed_plan.hpp"

namespace {

using namespace cohort::testing;
using cohort::bench::clock_type;
using cohort::bench::ms_between;
using cohort::bench::percentile;
namespace json = boost::json;

struct client {
  std::uint16_t port;
  std::string token;
  // One request on a fresh connection; the status (0: no answer) and body.
  std::pair<unsigned, std::string> call(const std::string& method, const std::string& target,
                                        const std::string& body) const {
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: bench\r\n";
    if (!token.empty()) request += "Authorization: Bearer " + token + "\r\n";
    request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
               "\r\n\r\n" + body;
    raw_client c(port);
    c.send(request);
    auto res = c.read_response(std::chrono::seconds(60));
    if (!res) return {0, ""};
    return {res->status, res->body};
  }
};

int arg(int argc, char** argv, const char* name, int fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return std::atoi(argv[i + 1]);
  }
  return fallback;
}

std::string person_json(int i) {
  return R"({"name":{"firstName":"Bench","lastName":"P)" + std::to_string(i) +
         R"("},"emails":{"primaryEmail":"bench-)" + std::to_string(i) + R"(@bench.example"}})";
}

std::string create_webhook(const client& api, const std::string& url) {
  auto [status, body] =
      api.call("POST", "/rest/metadata/webhooks",
               R"({"targetUrl":")" + url + R"(","operations":["person.created"]})");
  if (status != 201) {
    std::fprintf(stderr, "cannot create a webhook: %u %s\n", status, body.c_str());
    std::exit(1);
  }
  return std::string(json::parse(body).at("id").as_string());
}

}  // namespace

int main(int argc, char** argv) {
  const int samples = arg(argc, argv, "--samples", 200);
  const int events = arg(argc, argv, "--events", 1000);
  const int webhooks = arg(argc, argv, "--webhooks", 8);
  const int delivery_concurrency = 16;  // the webhook.deliver kind's per-node concurrency

  auto& pg = postgres_server::shared();
  std::string database = pg.create_database("bench_webhooks");
  const char* secret = "bench-webhooks-secret";
  cohort_server server(cohort_server::options{.args = {"--seed", "demo", "--log-level", "warn"},
                                              .env = {{"PG_DATABASE_URL", database},
                                                      {"APP_SECRET", secret},
                                                      {"ALLOW_PRIVATE_NETWORK_TARGETS", "true"},
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
  client api{server.port(), tokens
                                .mint_access({.user_id = user.id,
                                              .workspace_id = ws.id,
                                              .workspace_member_id = user.workspace_member_id,
                                              .user_workspace_id = user.user_workspace_id,
                                              .auth_provider = "password",
                                              .impersonation = std::nullopt})
                                .token};

  webhook_receiver receiver;
  client direct{receiver.port(), ""};
  std::string sample_body(900, 'x');
  sample_body = R"({"eventName":"person.created","record":{"pad":")" + sample_body + "\"}}";

  // Baseline 1: a direct POST round trip to the receiver.
  std::vector<double> direct_ms;
  for (int i = 0; i < samples; ++i) {
    auto t0 = clock_type::now();
    direct.call("POST", "/direct", sample_body);
    direct_ms.push_back(ms_between(t0, clock_type::now()));
  }

  // Latency: one webhook, one write at a time; from the write's answer to the receiver.
  create_webhook(api, receiver.url("/latency"));
  receiver.clear();
  std::vector<double> event_ms;
  for (int i = 0; i < samples; ++i) {
    // From the moment the write is sent: the event commits inside the write, and its delivery
    // can reach the receiver before the write's answer reaches the client.
    auto sent = clock_type::now();
    auto [status, body] = api.call("POST", "/rest/people", person_json(i));
    if (status != 201) {
      std::fprintf(stderr, "write failed: %u %s\n", status, body.c_str());
      return 1;
    }
    if (!receiver.wait_for(static_cast<std::size_t>(i + 1), std::chrono::seconds(30))) {
      std::fprintf(stderr, "delivery %d did not arrive\n", i);
      return 1;
    }
    event_ms.push_back(ms_between(sent, receiver.requests().back().received_at));
  }
  std::printf("bench: direct POST to the receiver: p50 %.2f ms, p99 %.2f ms (%d samples)\n",
              percentile(direct_ms, 0.5), percentile(direct_ms, 0.99), samples);
  std::printf(
      "bench: write sent -> delivery read: p50 %.2f ms, p99 %.2f ms (%d samples), "
      "p50 ratio to direct POST %.1f (target p50 <= 20 ms)\n",
      percentile(event_ms, 0.5), percentile(event_ms, 0.99), samples,
      percentile(event_ms, 0.5) / std::max(0.001, percentile(direct_ms, 0.5)));

  // Baseline 2: POSTs/s straight to the receiver over as many connections as the node uses.
  const int direct_total = events;
  std::atomic<int> next{0};
  auto d0 = clock_type::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < delivery_concurrency; ++t) {
    threads.emplace_back([&] {
      while (next.fetch_add(1) < direct_total) direct.call("POST", "/direct", sample_body);
    });
  }
  for (auto& t : threads) t.join();
  double direct_rate = direct_total / (ms_between(d0, clock_type::now()) / 1000.0);

  // Throughput: `webhooks` webhooks, `events` writes in batches of 50.
  for (int i = 1; i < webhooks; ++i) create_webhook(api, receiver.url("/w" + std::to_string(i)));
  receiver.clear();
  const std::size_t expected =
      static_cast<std::size_t>(events) * static_cast<std::size_t>(webhooks);
  auto t0 = clock_type::now();
  for (int sent = 0; sent < events;) {
    int n = std::min(50, events - sent);
    std::string batch = "[";
    for (int i = 0; i < n; ++i) {
      if (i) batch += ',';
      batch += person_json(samples + sent + i);
    }
    batch += "]";
    auto [status, body] = api.call("POST", "/rest/batch/people", batch);
    if (status != 201) {
      std::fprintf(stderr, "batch write failed: %u %s\n", status, body.substr(0, 300).c_str());
      return 1;
    }
    sent += n;
  }
  auto written = clock_type::now();
  if (!receiver.wait_for(expected, std::chrono::seconds(300))) {
    std::fprintf(stderr, "only %zu of %zu deliveries arrived\n", receiver.count(), expected);
    return 1;
  }
  auto all = receiver.requests();
  auto last = all.front().received_at;
  for (const auto& r : all) last = std::max(last, r.received_at);
  double seconds = ms_between(t0, last) / 1000.0;
  double rate = static_cast<double>(expected) / seconds;
  std::printf("bench: direct POSTs to the receiver (%d connections): %.0f/s\n",
              delivery_concurrency, direct_rate);
  std::printf(
      "bench: %zu deliveries (%d events x %d webhooks) in %.2f s (writes took %.2f s): "
      "%.0f deliveries/s, ratio to direct POSTs %.2f (target >= 2,000/s)\n",
      expected, events, webhooks, seconds, ms_between(t0, written) / 1000.0, rate,
      rate / direct_rate);
  return 0;
}
