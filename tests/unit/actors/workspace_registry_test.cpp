#include <boost/json.hpp>
#include <thread>

#include "actor_test_support.hpp"
#include "actors/atoms.hpp"
#include "actors/workspace/workspace_registry.hpp"
#include "actors/workspace/workspace_request.hpp"
#include "actors/workspace/workspace_runtime.hpp"

using namespace cohort::actors;
using namespace std::chrono_literals;

namespace {

struct WorkspaceRegistry : cohort::testing::actor_test {
  std::shared_ptr<registry_stats> stats = std::make_shared<registry_stats>();
  caf::actor registry;

  void start(std::chrono::milliseconds idle = 10min) {
    registry_options opts;
    opts.idle_timeout = idle;
    opts.stats = stats;
    registry = spawn_workspace_registry(sys, opts);
  }
  void TearDown() override { self->send_exit(registry, caf::exit_reason::user_shutdown); }

  boost::json::object echo(const std::string& ws, const std::string& text) {
    auto reply = ask<workspace_reply>(registry, route_atom::value,
                                      workspace_request{ws, "echo", text, "req-1"});
    if (!reply) return {};
    EXPECT_EQ(reply->status, 200);
    return boost::json::parse(reply->body).as_object();
  }
};

}  // namespace

TEST_F(WorkspaceRegistry, ActivatesOneActorPerWorkspaceOnFirstUse) {
  start();
  EXPECT_EQ(ask<std::uint64_t>(registry, count_atom::value), 0u);
  auto a1 = echo("ws-a", "hello");
  auto a2 = echo("ws-a", "again");
  auto b1 = echo("ws-b", "other");
  EXPECT_EQ(a1["workspace"], "ws-a");
  EXPECT_EQ(a1["echo"], "hello");
  EXPECT_EQ(a2["served"], 2) << "the same actor served both requests of ws-a";
  EXPECT_EQ(a1["actor"], a2["actor"]);
  EXPECT_NE(a1["actor"], b1["actor"]);
  EXPECT_EQ(ask<std::uint64_t>(registry, count_atom::value), 2u);
  EXPECT_EQ(stats->live, 2);
  EXPECT_EQ(stats->activations, 2u);
}

TEST_F(WorkspaceRegistry, KilledWorkspaceActorIsRestartedWithFreshState) {
  start();
  auto before = echo("ws-a", "one");
  auto actor = ask<caf::actor>(registry, caf::get_atom::value, std::string("ws-a"));
  ASSERT_TRUE(actor && *actor);
  self->send_exit(*actor, caf::exit_reason::kill);
  self->wait_for(*actor);
  // The registry learns of the failure asynchronously; once it has, it serves a new actor.
  caf::actor restarted = *actor;
  for (int i = 0; i < 200 && restarted == *actor; ++i) {
    restarted = *ask<caf::actor>(registry, caf::get_atom::value, std::string("ws-a"));
    if (restarted == *actor) std::this_thread::sleep_for(5ms);
  }
  ASSERT_NE(restarted, *actor);
  auto after = echo("ws-a", "two");
  EXPECT_NE(before["actor"], after["actor"]) << "a new actor serves the workspace";
  EXPECT_EQ(after["served"], 1) << "the restarted actor starts with fresh state";
  EXPECT_EQ(after["echo"], "two");
  EXPECT_EQ(stats->restarts, 1u);
  EXPECT_EQ(stats->live, 1);
}

TEST_F(WorkspaceRegistry, IdleWorkspaceIsPassivatedAndReactivatedOnDemand) {
  start(50ms);
  auto first = echo("ws-a", "one");
  auto actor = ask<caf::actor>(registry, caf::get_atom::value, std::string("ws-a"));
  ASSERT_TRUE(actor);
  self->wait_for(*actor);  // returns once the idle actor has been stopped
  EXPECT_EQ(ask<std::uint64_t>(registry, count_atom::value), 0u);
  EXPECT_EQ(stats->passivations, 1u);
  auto again = echo("ws-a", "two");
  EXPECT_EQ(again["served"], 1);
  EXPECT_EQ(stats->restarts, 0u) << "passivation is not a failure";
}

TEST_F(WorkspaceRegistry, AWorkspaceUsedOnlyThroughItsActivityIsNotPassivated) {
  start(300ms);
  // What an API actor gets with a runtime: the activity it touches while it serves the workspace
  // from the runtime it kept, without coming through the registry.
  auto reply = ask<runtime_reply>(registry, route_atom::value, runtime_request{"ws-a"});
  ASSERT_TRUE(reply && reply->activity);
  auto actor = ask<caf::actor>(registry, caf::get_atom::value, std::string("ws-a"));
  ASSERT_TRUE(actor);
  for (int i = 0; i < 24; ++i) {  // four idle timeouts
    reply->activity->touch();
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(stats->passivations, 0u);
  EXPECT_EQ(ask<std::uint64_t>(registry, count_atom::value), 1u);
  self->wait_for(*actor);  // left alone, it is passivated as before
  EXPECT_EQ(stats->passivations, 1u);
}

TEST_F(WorkspaceRegistry, UnknownRequestKindIsA404) {
  start();
  auto reply = ask<workspace_reply>(registry, route_atom::value,
                                    workspace_request{"ws-a", "teleport", "", "r"});
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404);
}

TEST_F(WorkspaceRegistry, StoppingTheRegistryStopsItsWorkspaces) {
  start();
  echo("ws-a", "x");
  auto actor = ask<caf::actor>(registry, caf::get_atom::value, std::string("ws-a"));
  ASSERT_TRUE(actor);
  self->send_exit(registry, caf::exit_reason::user_shutdown);
  self->wait_for(*actor);
  EXPECT_EQ(stats->live, 0);
}
