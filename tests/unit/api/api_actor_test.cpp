// The request path HTTP -> API actor -> workspace registry -> workspace actor -> reply, in one
// process, without the HTTP server: what the connection's responder receives.
#include <gtest/gtest.h>
#include <caf/all.hpp>

#include <boost/json.hpp>
#include <future>

#include "actors/message_types.hpp"
#include "actors/supervisor.hpp"
#include "actors/workspace/workspace_registry.hpp"
#include "api/api_actor.hpp"

using namespace cohort;
using namespace std::chrono_literals;

namespace {

struct config : caf::actor_system_config {
  config() { actors::register_message_types(*this); }
};

struct ApiActor : ::testing::Test {
  config cfg;
  caf::actor_system sys{cfg};
  std::shared_ptr<actors::handle_table> handles = std::make_shared<actors::handle_table>();
  std::shared_ptr<actors::registry_stats> stats = std::make_shared<actors::registry_stats>();
  caf::actor registry, api;

  void SetUp() override {
    actors::registry_options reg;
    reg.stats = stats;
    registry = actors::spawn_workspace_registry(sys, reg);
    handles->set("workspace_registry", registry);
    api = api::spawn_api_actor(sys, {handles, 2s});
  }
  void TearDown() override {
    caf::anon_send_exit(api, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(registry, caf::exit_reason::user_shutdown);
  }

  // Sends one echo call and waits for what the responder is given.
  api::http::response call(const std::string& query) {
    auto promise = std::make_shared<std::promise<api::http::response>>();
    auto future = promise->get_future();
    api::http::request req;
    req.method = "GET";
    req.path = "/_internal/echo";
    req.query = query;
    caf::anon_send(api, api::http_call{std::move(req), [promise](api::http::response res) {
                                         promise->set_value(std::move(res));
                                       }});
    EXPECT_EQ(future.wait_for(5s), std::future_status::ready);
    return future.get();
  }
};

}  // namespace

TEST_F(ApiActor, AnswersThroughTheWorkspaceActor) {
  auto res = call("hello");
  EXPECT_EQ(res.status, 200u);
  auto body = boost::json::parse(res.body);
  EXPECT_EQ(body.at("echo"), "hello");
  EXPECT_EQ(body.at("workspace"), "internal-echo");
}

TEST_F(ApiActor, NextRequestAfterAKilledWorkspaceActorIsServedByARestartedOne) {
  auto first = boost::json::parse(call("one").body);
  caf::scoped_actor self{sys};
  caf::actor workspace;
  self->request(registry, 1s, caf::get_atom::value, std::string("internal-echo"))
      .receive([&](caf::actor& a) { workspace = a; }, [](caf::error&) {});
  ASSERT_TRUE(workspace);
  self->send_exit(workspace, caf::exit_reason::kill);
  self->wait_for(workspace);

  auto res = call("two");  // no waiting for the registry: the API actor absorbs the race
  ASSERT_EQ(res.status, 200u) << res.body;
  auto second = boost::json::parse(res.body);
  EXPECT_NE(first.at("actor"), second.at("actor"));
  EXPECT_EQ(second.at("served"), 1);
  EXPECT_EQ(stats->restarts, 1u);
}

TEST_F(ApiActor, WithoutARegistryTheAnswerIs503) {
  handles->set("workspace_registry", caf::actor{});
  auto res = call("x");
  EXPECT_EQ(res.status, 503u);
  EXPECT_EQ(boost::json::parse(res.body).at("statusCode"), 503);
}
