#include "actors/supervisor.hpp"
#include "actor_test_support.hpp"
#include "actors/atoms.hpp"
#include "actors/events/event_bus.hpp"

using namespace cohort::actors;
using namespace std::chrono_literals;

namespace {

caf::behavior answer_forty_two(caf::event_based_actor*) {
  return {[](caf::get_atom) { return 42; }};
}

struct Supervisor : cohort::testing::actor_test {
  caf::actor start(int max_restarts = 10) {
    supervisor_options opts;
    opts.handles = handles;
    opts.max_restarts = max_restarts;
    opts.children.push_back(
        {"answer", [](caf::actor_system& s) { return s.spawn(answer_forty_two); }});
    opts.children.push_back({"bus", [](caf::actor_system& s) { return spawn_event_bus(s); }});
    return spawn_supervisor(sys, opts);
  }
  std::shared_ptr<handle_table> handles = std::make_shared<handle_table>();
};

}  // namespace

TEST_F(Supervisor, StartsChildrenAndPublishesTheirHandles) {
  auto sup = start();
  auto child = ask<caf::actor>(sup, caf::get_atom::value, std::string("answer"));
  ASSERT_TRUE(child && *child);
  EXPECT_EQ(handles->get("answer"), *child);
  EXPECT_EQ(ask<int>(*child, caf::get_atom::value), 42);
  self->send_exit(sup, caf::exit_reason::user_shutdown);
}

TEST_F(Supervisor, RestartsAFailedChild) {
  auto sup = start();
  auto first = *ask<caf::actor>(sup, caf::get_atom::value, std::string("answer"));
  ASSERT_TRUE(first);
  self->send_exit(first, caf::exit_reason::kill);
  self->wait_for(first);
  // The restart happens asynchronously: poll the supervisor until the new handle is there.
  caf::actor second;
  for (int i = 0; i < 100 && (!second || second == first); ++i) {
    second = *ask<caf::actor>(sup, caf::get_atom::value, std::string("answer"));
    if (second == first) std::this_thread::sleep_for(10ms);
  }
  ASSERT_TRUE(second);
  EXPECT_NE(second, first);
  EXPECT_EQ(ask<int>(second, caf::get_atom::value), 42);
  EXPECT_EQ(ask<std::uint64_t>(sup, count_atom::value), 1u);
  self->send_exit(sup, caf::exit_reason::user_shutdown);
}

TEST_F(Supervisor, GivesUpWhenChildrenFailTooOften) {
  auto sup = start(/*max_restarts=*/1);
  self->monitor(sup);
  ask<caf::actor>(sup, caf::get_atom::value, std::string("answer"));  // children are started
  for (int i = 0; i < 2; ++i) {
    auto child = handles->get("answer");
    while (!child) child = handles->get("answer");
    self->send_exit(child, caf::exit_reason::kill);
    self->wait_for(child);
    if (i == 0) {
      while (handles->get("answer") == child || !handles->get("answer"))
        std::this_thread::sleep_for(5ms);
    }
  }
  bool down = false;
  self->receive([&](caf::down_msg& dm) { down = dm.source == sup.address(); },
                caf::after(5s) >> [] {});
  EXPECT_TRUE(down) << "the supervisor escalates by stopping";
}

TEST_F(Supervisor, StoppingTheSupervisorStopsEveryChild) {
  auto sup = start();
  auto a = *ask<caf::actor>(sup, caf::get_atom::value, std::string("answer"));
  auto b = handles->get("bus");
  self->send(sup, stop_atom::value);
  self->wait_for(a, b);
  EXPECT_FALSE(handles->get("answer"));
}

TEST(EventBus, DeliversToTopicAndWildcardSubscribersAndDropsStoppedOnes) {
  cohort::testing::actor_config cfg;
  caf::actor_system sys{cfg};
  auto bus = spawn_event_bus(sys);
  caf::scoped_actor topic_sub{sys}, all_sub{sys};
  topic_sub->send(bus, subscribe_atom::value, std::string("person.created"));
  all_sub->send(bus, subscribe_atom::value, std::string("*"));
  caf::scoped_actor publisher{sys};
  std::uint64_t n = 0;
  publisher->request(bus, 1s, count_atom::value)
      .receive([&](std::uint64_t c) { n = c; }, [](caf::error&) {});
  EXPECT_EQ(n, 2u);
  publisher->send(bus, publish_atom::value, std::string("person.created"),
                  std::string("{\"a\":1}"));
  publisher->send(bus, publish_atom::value, std::string("company.deleted"), std::string("{}"));
  std::vector<std::string> got_topic, got_all;
  topic_sub->receive(
      [&](publish_atom, const std::string& t, const std::string&) { got_topic.push_back(t); });
  for (int i = 0; i < 2; ++i)
    all_sub->receive(
        [&](publish_atom, const std::string& t, const std::string&) { got_all.push_back(t); });
  EXPECT_EQ(got_topic, std::vector<std::string>{"person.created"});
  EXPECT_EQ(got_all, (std::vector<std::string>{"person.created", "company.deleted"}));
  anon_send_exit(bus, caf::exit_reason::user_shutdown);
}
