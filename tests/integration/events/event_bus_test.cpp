// Record events reach the node's event bus: subscribers of "person.created" (or "*") receive the
// event's JSON, published under its name.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "actors/atoms.hpp"
#include "actors/events/event_bus.hpp"
#include "actors/events/event_bus_consumer.hpp"
#include "relay_env.hpp"

using namespace cohort::testing::events;
using namespace std::chrono_literals;
namespace ca = cohort::actors;

TEST(EventBus, RecordEventsArePublishedUnderTheirName) {
  auto env = jobs_env::create("events_bus");
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  auto bus = ca::spawn_event_bus(sys);
  caf::scoped_actor subscriber{sys};
  subscriber->send(bus, ca::subscribe_atom::value, std::string("person.created"));
  std::uint64_t subscriptions = 0;
  subscriber->request(bus, 5s, ca::count_atom::value)
      .receive([&](std::uint64_t n) { subscriptions = n; }, [](caf::error&) {});
  ASSERT_EQ(subscriptions, 1u);
  {
    relay_node relay(
        sys, env->pool, "node-a",
        {{"event_bus", ae::make_event_bus_consumer([bus] { return bus; }), false, 200}});
    // The live feed starts at the newest event once the relay has read it: write until one arrives.
    std::string topic, body;
    int n = 0;
    bool got = false;
    for (int round = 0; round < 300 && !got; ++round) {
      env->sql(insert_sql(++n));
      env->sql(
          "INSERT INTO core.outbox (workspace_id, object_name, action, record_id, after) "
          "VALUES (gen_random_uuid(), 'company', 'created', gen_random_uuid(), '{}')");
      subscriber->receive(
          [&](ca::publish_atom, const std::string& t, const std::string& b) {
            topic = t;
            body = b;
            got = true;
          },
          caf::after(100ms) >> [] {});
    }
    ASSERT_TRUE(got);
    EXPECT_EQ(topic, "person.created");
    auto event = boost::json::parse(body).as_object();
    EXPECT_EQ(event.at("name").as_string(), "person.created");
    EXPECT_EQ(event.at("workspaceId").as_string(), workspace);
    EXPECT_EQ(boost::json::serialize(event.at("objectMetadata")), R"({"nameSingular":"person"})");
    EXPECT_TRUE(event.at("properties").as_object().contains("after"));
    EXPECT_FALSE(event.at("eventId").as_string().empty());
  }
  caf::anon_send_exit(bus, caf::exit_reason::user_shutdown);
}
