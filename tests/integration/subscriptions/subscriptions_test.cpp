// GraphQL subscriptions over Server-Sent Events on /graphql: a client holding an `onDbEvent`
// stream sees a change made through another connection (latency printed), only its own
// workspace's events, filtered by its input and shaped by its selection; heartbeats keep the
// stream alive; a client that goes away leaves no subscription behind; anything else asked for
// as an event stream is answered as one `next` event and `complete`.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <thread>

#include "fixtures/prometheus_text.hpp"
#include "integration/subscriptions/sse_client.hpp"
#include "integration/tokens/two_workspaces.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::sse_client;
using cohort::testing::two_workspaces;
using clock_type = std::chrono::steady_clock;

two_workspaces& env() {
  static auto* instance = new two_workspaces("subscriptions");
  return *instance;
}

constexpr const char* people_subscription = R"(subscription {
  onDbEvent(input: { objectNameSingular: "person" }) {
    __typename action objectNameSingular eventDate record updatedFields } })";

std::string create_person(const std::string& first, const std::string& token) {
  auto v = env().graphql(
      R"(mutation($f: String) { createPerson(data: { name: { firstName: $f } }) { id } })",
      {{"f", first}}, token);
  boost::system::error_code ec;
  const auto* id = v.find_pointer("/data/createPerson/id", ec);
  if (!id || !id->is_string()) {
    ADD_FAILURE() << json::serialize(v);
    return {};
  }
  return std::string(id->as_string());
}

// The stream's head arrived and the subscription is live (its first comment).
void expect_open(sse_client& client) {
  auto head = client.head();
  ASSERT_NE(head.find("200"), std::string::npos) << head;
  EXPECT_NE(head.find("text/event-stream"), std::string::npos) << head;
  auto deadline = clock_type::now() + std::chrono::seconds(10);
  // Events may follow at once (a new workspace's sample records): the caller skips them.
  while (client.heartbeats() == 0 && clock_type::now() < deadline)
    client.next(std::chrono::milliseconds(50));
  EXPECT_GE(client.heartbeats(), 1);
}

// Waits until the events of earlier writes (the workspaces' sample records) have gone through
// the relay, so that a measured event is not queued behind them.
void wait_for_quiet_relay() {
  auto deadline = clock_type::now() + std::chrono::seconds(15);
  while (clock_type::now() < deadline) {
    auto behind = env().sql(
        "SELECT count(*) FROM core.outbox o, core.event_consumer c WHERE c.name = 'timeline' "
        "AND (o.txid, o.id) > (c.position_txid, c.position)");
    if (behind == "0") return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ADD_FAILURE() << "the relay did not catch up";
}

json::object data_of(const cohort::testing::sse_event& e) {
  EXPECT_EQ(e.event, "next");
  boost::system::error_code ec;
  auto v = json::parse(e.data, ec);
  EXPECT_FALSE(ec) << e.data;
  if (ec || !v.is_object()) return {};
  return v.as_object();
}

// The first event about `record_id`, after any others (the sample records a new workspace gets
// may still be on their way); the others' record ids go to `skipped`.
std::optional<json::object> event_about(sse_client& client, const std::string& record_id,
                                        std::vector<std::string>* skipped = nullptr) {
  while (auto e = client.next()) {
    auto body = data_of(*e);
    boost::system::error_code ec;
    const json::value whole = body;
    const auto* id = whole.find_pointer("/data/onDbEvent/record/id", ec);
    if (id && id->is_string() && id->as_string() == record_id) return body;
    if (skipped && id && id->is_string()) skipped->emplace_back(id->as_string());
  }
  ADD_FAILURE() << "no event about " << record_id;
  return std::nullopt;
}

double open_subscriptions() {
  auto res = env().server().get("/metrics");
  if (!res) return -1;
  auto parsed = cohort::testing::parse_prometheus(res->body);
  return parsed.value("cohort_graphql_subscriptions").value_or(-1);
}

TEST(subscriptions, a_change_through_another_connection_reaches_the_stream_of_its_workspace_only) {
  auto& e = env();
  wait_for_quiet_relay();
  sse_client a(e.server().port(), people_subscription, e.a.access);
  sse_client b(e.server().port(), people_subscription, e.b.access);
  expect_open(a);
  expect_open(b);

  auto started = clock_type::now();
  auto id = create_person("Live", e.a.access);
  auto answered = clock_type::now();
  auto body = event_about(a, id);
  auto arrived = clock_type::now();
  ASSERT_TRUE(body);
  const auto& dto = body->at("data").at("onDbEvent").as_object();
  EXPECT_EQ(dto.at("__typename"), json::value("OnDbEventDTO"));
  EXPECT_EQ(dto.at("action"), json::value("CREATED"));
  EXPECT_EQ(dto.at("objectNameSingular"), json::value("person"));
  EXPECT_EQ(dto.at("record").at("name").at("firstName"), json::value("Live"));
  EXPECT_TRUE(dto.at("eventDate").is_string());
  EXPECT_TRUE(dto.at("updatedFields").is_null());
  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::printf(
      "sse: createPerson sent -> its event read from the stream %.2f ms (mutation "
      "answer read -> event read %.2f ms)\n",
      ms(arrived - started), ms(arrived - answered));

  // More of the same, for the printed figure (no timed assertion).
  std::vector<double> samples;
  for (int i = 0; i < 20; ++i) {
    auto sent = clock_type::now();
    auto next_id = create_person("Live" + std::to_string(i), e.a.access);
    ASSERT_TRUE(event_about(a, next_id));
    samples.push_back(ms(clock_type::now() - sent));
  }
  std::sort(samples.begin(), samples.end());
  std::printf("sse: createPerson sent -> event read, 20 in a row: min %.2f p50 %.2f max %.2f ms\n",
              samples.front(), samples[samples.size() / 2], samples.back());

  // B's stream: B's own change arrives, A's never does (events reach the bus in commit order,
  // so A's would have come before).
  auto b_id = create_person("Mine", e.b.access);
  std::vector<std::string> seen_by_b;
  ASSERT_TRUE(event_about(b, b_id, &seen_by_b));
  for (const auto& other : seen_by_b) EXPECT_NE(other, id);
  EXPECT_EQ(e.sql("SELECT count(*) FROM {a}.person WHERE id = ANY('{" +
                  [&] {
                    std::string list;
                    for (const auto& o : seen_by_b) list += (list.empty() ? "" : ",") + o;
                    return list;
                  }() +
                  "}'::uuid[])"),
            "0")
      << "B's stream carried records of A";
}

TEST(subscriptions, the_input_filters_and_the_selection_shapes_each_event) {
  auto& e = env();
  auto id = create_person("Filtered", e.a.access);
  sse_client client(e.server().port(), R"(subscription($id: UUID) {
      change: onDbEvent(input: { action: UPDATED, recordId: $id }) {
        action fields: updatedFields ... on OnDbEventDTO { record } } })",
                    e.a.access, {{"id", id}});
  expect_open(client);
  create_person("Other", e.a.access);  // created, another record: not for this stream
  auto v = e.graphql(R"(mutation($id: UUID!) { updatePerson(id: $id, data: { city: "Oslo" }) {
      id } })",
                     {{"id", id}}, e.a.access);
  auto event = client.next();
  ASSERT_TRUE(event);
  auto dto = data_of(*event).at("data").at("change").as_object();
  EXPECT_EQ(dto.size(), 3u) << json::serialize(dto);  // exactly what was selected
  EXPECT_EQ(dto.at("action"), json::value("UPDATED"));
  EXPECT_EQ(dto.at("fields"), (json::array{"city"})) << json::serialize(dto);
  EXPECT_EQ(dto.at("record").at("city"), json::value("Oslo"));
}

TEST(subscriptions, a_client_that_goes_away_leaves_no_subscription_behind) {
  auto& e = env();
  // Streams of earlier tests end asynchronously after their clients went: none is left.
  auto settle = clock_type::now() + std::chrono::seconds(10);
  while (open_subscriptions() != 0 && clock_type::now() < settle)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const double before = 0;
  ASSERT_EQ(open_subscriptions(), before);
  {
    sse_client client(e.server().port(), people_subscription, e.a.access);
    expect_open(client);
    EXPECT_EQ(open_subscriptions(), before + 1);
  }  // the socket closes here
  auto deadline = clock_type::now() + std::chrono::seconds(10);
  while (open_subscriptions() != before && clock_type::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(open_subscriptions(), before);
  // The node still serves streams after that.
  sse_client again(e.server().port(), people_subscription, e.a.access);
  expect_open(again);
}

TEST(subscriptions, an_idle_stream_gets_a_heartbeat_every_15_seconds) {
  auto& e = env();
  sse_client client(e.server().port(), people_subscription, e.a.access);
  expect_open(client);
  auto deadline = clock_type::now() + std::chrono::seconds(20);
  // Events (other tests' writes, a new workspace's sample records) may come in between.
  while (client.heartbeats() < 2 && clock_type::now() < deadline)
    client.next(std::chrono::milliseconds(200));
  EXPECT_GE(client.heartbeats(), 2);
  EXPECT_FALSE(client.ended());
}

TEST(subscriptions, a_query_asked_as_an_event_stream_is_one_event_then_complete) {
  auto& e = env();
  sse_client client(e.server().port(), "query { people(first: 1) { totalCount } }", e.a.access);
  auto first = client.next();
  ASSERT_TRUE(first);
  auto body = data_of(*first);
  EXPECT_TRUE(body.at("data").at("people").at("totalCount").is_number()) << first->data;
  auto last = client.next();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->event, "complete");
}

TEST(subscriptions, refused_subscriptions_answer_graphql_errors_as_one_event) {
  auto& e = env();
  {  // not valid against the schema
    sse_client client(e.server().port(), "subscription { onDbEvent(input: {}) { nope } }",
                      e.a.access);
    auto first = client.next();
    ASSERT_TRUE(first);
    auto body = data_of(*first);
    EXPECT_NE(json::serialize(body.at("errors")).find("Cannot query field \\\"nope\\\""),
              std::string::npos)
        << first->data;
    auto last = client.next();
    ASSERT_TRUE(last);
    EXPECT_EQ(last->event, "complete");
  }
  {  // no token: no workspace to listen to
    sse_client client(e.server().port(), people_subscription, "");
    auto first = client.next();
    ASSERT_TRUE(first);
    auto body = data_of(*first);
    EXPECT_EQ(body.at("errors").at(0).at("message"), json::value("Forbidden resource"))
        << first->data;
  }
  {  // an API key: Twenty's onDbEvent wants a user
    auto key = e.graphql(R"(mutation($r: UUID!) { createApiKey(input: { name: "stream key",
        expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
                         {{"r", e.admin_role(e.a)}}, e.a.access, "/metadata");
    boost::system::error_code ec;
    const auto* key_id = key.find_pointer("/data/createApiKey/id", ec);
    ASSERT_TRUE(key_id && key_id->is_string()) << json::serialize(key);
    auto minted = e.graphql(
        "mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "
        "\"2100-01-01T00:00:00Z\") { token } }",
        {{"id", *key_id}}, e.a.access, "/metadata");
    const auto* token = minted.find_pointer("/data/generateApiKeyToken/token", ec);
    ASSERT_TRUE(token && token->is_string()) << json::serialize(minted);
    sse_client client(e.server().port(), people_subscription, std::string(token->as_string()));
    auto first = client.next();
    ASSERT_TRUE(first);
    auto body = data_of(*first);
    EXPECT_EQ(body.at("errors").at(0).at("message"), json::value("Forbidden resource"))
        << first->data;
  }
  {  // a bad token: refused before GraphQL runs, with Twenty's UNAUTHENTICATED error as JSON
    cohort::testing::raw_client raw(e.server().port());
    std::string body = json::serialize(json::object{{"query", people_subscription}});
    raw.send(
        cohort::testing::http_post("/graphql", body,
                                   "Content-Type: application/json\r\nAccept: "
                                   "text/event-stream\r\nAuthorization: Bearer not-a-jwt\r\n"));
    auto res = raw.read_response();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200u);
    auto v = json::parse(res->body);
    EXPECT_EQ(v.at("errors").at(0).at("extensions").at("code"), json::value("UNAUTHENTICATED"))
        << res->body;
  }
}

}  // namespace

namespace {

// Every node reads the shared outbox into its own event bus: a stream held on one node sees the
// changes written through another.
TEST(subscriptions, a_stream_on_another_node_sees_the_change) {
  auto& e = env();
  cohort::testing::cohort_server second(cohort::testing::cohort_server::options{
      .args = {}, .env = e.server_env(), .data_dir = std::nullopt});
  ASSERT_TRUE(second.wait_ready(std::chrono::seconds(60))) << second.proc().output();
  wait_for_quiet_relay();
  sse_client client(second.port(), people_subscription, e.a.access);
  expect_open(client);
  auto started = clock_type::now();
  auto id = create_person("Elsewhere", e.a.access);  // through the first node
  auto body = event_about(client, id);
  auto arrived = clock_type::now();
  ASSERT_TRUE(body);
  EXPECT_EQ(body->at("data").at("onDbEvent").at("action"), json::value("CREATED"));
  std::printf("sse: createPerson on node 1 -> its event read from node 2's stream %.2f ms\n",
              std::chrono::duration<double, std::milli>(arrived - started).count());
  // A node that stops ends its open streams and exits cleanly.
  EXPECT_EQ(second.proc().stop(), 0) << second.proc().output();
  while (client.next(std::chrono::seconds(5))) {
  }
  EXPECT_TRUE(client.ended());
}

}  // namespace

namespace {

// /metadata carries onDbEvent too (the platform schema): the same stream of the caller's
// workspace.
TEST(subscriptions, on_db_event_is_served_on_metadata_too) {
  auto& e = env();
  wait_for_quiet_relay();
  sse_client client(e.server().port(), people_subscription, e.a.access, {}, "/metadata");
  expect_open(client);
  auto id = create_person("Meta", e.a.access);
  auto body = event_about(client, id);
  ASSERT_TRUE(body);
  EXPECT_EQ(body->at("data").at("onDbEvent").at("objectNameSingular"), json::value("person"));
}

}  // namespace

namespace {

std::string url_encoded(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// A browser's EventSource subscribes with GET and the document in the query string.
TEST(subscriptions, a_subscription_sent_with_get_streams_too) {
  auto& e = env();
  wait_for_quiet_relay();
  sse_client client(e.server().port(), "", e.a.access, {},
                    "/graphql?query=" + url_encoded(people_subscription));
  expect_open(client);
  auto id = create_person("Browser", e.a.access);
  ASSERT_TRUE(event_about(client, id));
}

}  // namespace
