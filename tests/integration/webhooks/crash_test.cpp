// Crash safety (issue 8): while 1,000 writes with a webhook are in flight, the server is killed
// with SIGKILL and started again on the same database. Every committed write reaches the receiver
// at least once, nothing is delivered for a write that did not commit, and no delivery job is left
// unfinished.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <csignal>
#include <cstdio>
#include <set>
#include <thread>

#include "delivery_support.hpp"
#include "fixtures/webhook_receiver.hpp"

using namespace cohort::testing;
namespace json = boost::json;

TEST(WebhookCrash, EveryCommittedWriteIsDeliveredAfterAKill) {
  auto s = webhook_server::launch("webhooks_crash", true);
  webhook_receiver receiver;
  s->create_webhook(receiver.url(), R"(["person.created"])");

  // Four writers, 250 people each in batches of 5, until the server goes away.
  constexpr int writers = 4, batches = 50, per_batch = 5;
  std::atomic<int> answered{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      for (int b = 0; b < batches; ++b) {
        std::string body = "[";
        for (int i = 0; i < per_batch; ++i) {
          std::string n = std::to_string(w) + "-" + std::to_string(b) + "-" + std::to_string(i);
          if (i) body += ',';
          body += R"({"name":{"firstName":"Crash","lastName":")" + n +
                  R"("},"emails":{"primaryEmail":"crash-)" + n + R"(@hooks.example"}})";
        }
        body += "]";
        auto res = s->call("POST", "/rest/batch/people", body, "<demo>", false);
        if (res.status != 201) return;  // the server is gone
        answered += per_batch;
      }
    });
  }
  // Kill while writes are still being answered and deliveries are flowing.
  auto until_writes = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (answered < 300 && std::chrono::steady_clock::now() < until_writes)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ASSERT_GE(answered.load(), 300);
  s->server->proc().signal(SIGKILL);
  for (auto& t : threads) t.join();
  s->server->proc().wait(std::chrono::seconds(10));
  ASSERT_TRUE(s->restart()) << s->server->proc().output();

  // What committed is what the database holds.
  auto schema =
      s->sql("SELECT database_schema FROM core.workspace WHERE id = '" + s->workspace_id + "'");
  ASSERT_TRUE(schema.ok() && schema.rows() == 1);
  std::string people = "\"";
  people += schema.get(0, 0);
  people += "\".person";
  auto committed = s->sql("SELECT id FROM " + people + " WHERE \"nameFirstName\" = 'Crash'");
  ASSERT_TRUE(committed.ok()) << committed.error().message;
  std::set<std::string> committed_ids;
  for (int i = 0; i < committed.rows(); ++i) committed_ids.emplace(committed.get(i, 0));
  EXPECT_GE(committed_ids.size(), static_cast<std::size_t>(answered.load()));
  EXPECT_LT(committed_ids.size(), static_cast<std::size_t>(writers * batches * per_batch))
      << "the kill came after every write; the test proved nothing";

  // Every committed write reaches the receiver (retries and replays may repeat some).
  auto seen = [&] {
    std::set<std::string> ids;
    for (const auto& r : receiver.requests()) {
      json::value body = json::parse(r.body);
      const auto& record = body.at("record");
      // The demo seed's own people may be delivered too (their events can be fanned out after
      // the webhook exists): only this test's writes count.
      if (record.at("name").at("firstName") != json::value("Crash")) continue;
      ids.emplace(record.at("id").as_string());
    }
    return ids;
  };
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(90);
  while (seen().size() < committed_ids.size() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto delivered = seen();
  std::vector<std::string> missing;
  for (const auto& id : committed_ids)
    if (!delivered.count(id)) missing.push_back(id);
  EXPECT_TRUE(missing.empty()) << missing.size() << " committed writes never delivered";
  for (const auto& id : delivered) EXPECT_TRUE(committed_ids.count(id)) << "phantom event " << id;

  // No job left behind: the ones the killed node held are claimed again once their lock expires.
  EXPECT_TRUE(s->wait_sql(
      "SELECT count(*) = 0 FROM core.job WHERE kind = 'webhook.deliver' AND status <> 'done'",
      std::chrono::seconds(90)))
      << s->sql("SELECT status || ' ' || count(*) FROM core.job GROUP BY status").get(0, 0);
  EXPECT_TRUE(
      s->wait_sql("SELECT count(*) = 0 FROM core.webhook_delivery WHERE status <> 'delivered'"));
  std::printf(
      "crash test: %zu writes committed (%d answered before the kill), %zu requests "
      "received\n",
      committed_ids.size(), answered.load(), receiver.count());
}
