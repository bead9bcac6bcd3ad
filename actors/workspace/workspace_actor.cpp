#include "actors/workspace/workspace_actor.hpp"

#include <caf/all.hpp>

#include <boost/json.hpp>

#include "actors/workspace/workspace_request.hpp"

namespace cohort::actors {

namespace {

struct workspace_state {
  std::string workspace_id;
  std::uint64_t served = 0;
  static inline const char* name = "workspace";
};

workspace_reply echo(caf::stateful_actor<workspace_state>* self, const workspace_request& req) {
  boost::json::object body;
  body["workspace"] = self->state.workspace_id;
  body["echo"] = req.payload;
  body["served"] = ++self->state.served;
  body["actor"] = self->id();
  return {200, boost::json::serialize(body)};
}

caf::behavior workspace_actor(caf::stateful_actor<workspace_state>* self, std::string id) {
  self->state.workspace_id = std::move(id);
  return {
      [=](const workspace_request& req) -> workspace_reply {
        if (req.kind == "echo") return echo(self, req);
        return {404, R"({"error":"unknown workspace request kind"})"};
      },
  };
}

}  // namespace

caf::actor spawn_workspace_actor(caf::local_actor* parent, const std::string& workspace_id) {
  return parent->spawn<caf::monitored>(workspace_actor, workspace_id);
}

}  // namespace cohort::actors
