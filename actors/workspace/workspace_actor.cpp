#include "actors/workspace/workspace_actor.hpp"

#include <caf/all.hpp>

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <vector>

#include "actors/atoms.hpp"
#include "actors/workspace/runtime_builder.hpp"
#include "actors/workspace/workspace_request.hpp"
#include "actors/workspace/workspace_runtime.hpp"
#include "model/standard/standard_objects.hpp"

namespace cohort::actors {

namespace {

struct workspace_state {
  std::string workspace_id;
  std::shared_ptr<const workspace_dependencies> deps;
  std::shared_ptr<const workspace_runtime> runtime;
  bool loading = false;
  std::vector<caf::response_promise> waiting;  // runtime requests that arrived while loading
  std::uint64_t served = 0;
  static inline const char* name = "workspace";
};

using workspace_actor_t = caf::stateful_actor<workspace_state>;

workspace_reply echo(workspace_actor_t* self, const workspace_request& req) {
  boost::json::object body;
  body["workspace"] = self->state.workspace_id;
  body["echo"] = req.payload;
  body["served"] = ++self->state.served;
  body["actor"] = self->id();
  return {200, boost::json::serialize(body)};
}

void answer_waiting(workspace_actor_t* self, const runtime_reply& reply) {
  auto waiting = std::move(self->state.waiting);
  self->state.waiting.clear();
  for (auto& rp : waiting) rp.deliver(reply);
}

// Reads the workspace row; the answer comes back to the actor as a `loaded` message, so that the
// state is only ever touched on the actor's own thread.
void start_loading(workspace_actor_t* self) {
  self->state.loading = true;
  auto me = caf::actor_cast<caf::actor>(self);
  self->state.deps->pool->query(
      "SELECT database_schema, activation_status, metadata_version FROM core.workspace "
      "WHERE id = $1::uuid AND deleted_at IS NULL",
      {self->state.workspace_id}, [me](storage::pg::result r) {
        if (!r.ok()) {
          caf::anon_send(me, loaded_atom::value, false, std::string(),
                         std::string("INTERNAL_SERVER_ERROR"), std::int64_t{0}, r.error().message);
          return;
        }
        if (r.rows() == 0) {
          caf::anon_send(me, loaded_atom::value, false, std::string(), std::string(),
                         std::int64_t{0}, std::string());
          return;
        }
        caf::anon_send(me, loaded_atom::value, true, std::string(r.get(0, 0)),
                       std::string(r.get(0, 1)), std::int64_t{std::stoll(std::string(r.get(0, 2)))},
                       std::string());
      });
}

runtime_reply on_loaded(workspace_actor_t* self, bool found, const std::string& schema,
                        const std::string& status, std::int64_t version, const std::string& error) {
  auto& st = self->state;
  st.loading = false;
  if (!error.empty()) {
    spdlog::error("workspace {}: loading failed: {}", st.workspace_id, error);
    return {nullptr, "INTERNAL_SERVER_ERROR", "Workspace could not be loaded"};
  }
  if (!found) return {nullptr, "WORKSPACE_NOT_FOUND", "Workspace not found"};
  if (status != "ACTIVE" || schema.empty()) {
    return {nullptr, "WORKSPACE_NOT_ACTIVE", "Workspace is not active"};
  }
  // Custom objects and fields join here when the metadata tables land (issue 4).
  auto model = std::make_shared<const model::workspace_model>(
      st.workspace_id, schema, version, model::standard::shared_standard_objects());
  auto built = build_workspace_runtime(std::move(model), *st.deps);
  if (auto* message = std::get_if<std::string>(&built)) {
    spdlog::error("workspace {}: schema failed to build: {}", st.workspace_id, *message);
    return {nullptr, "INTERNAL_SERVER_ERROR", "Workspace schema could not be built"};
  }
  st.runtime = std::get<std::shared_ptr<const workspace_runtime>>(built);
  return {st.runtime, {}, {}};
}

caf::behavior workspace_actor(workspace_actor_t* self, std::string id,
                              std::shared_ptr<const workspace_dependencies> deps) {
  self->state.workspace_id = std::move(id);
  self->state.deps = std::move(deps);
  return {
      [=](const workspace_request& req) -> workspace_reply {
        if (req.kind == "echo") return echo(self, req);
        return {404, R"({"error":"unknown workspace request kind"})"};
      },
      [=](const runtime_request&) -> caf::result<runtime_reply> {
        auto& st = self->state;
        if (st.runtime) return runtime_reply{st.runtime, {}, {}};
        if (!st.deps || !st.deps->pool) {
          return runtime_reply{nullptr, "INTERNAL_SERVER_ERROR", "No database"};
        }
        auto rp = self->make_response_promise();
        st.waiting.push_back(rp);
        if (!st.loading) start_loading(self);
        return rp;
      },
      [=](loaded_atom, bool found, const std::string& schema, const std::string& status,
          std::int64_t version, const std::string& error) {
        auto reply = on_loaded(self, found, schema, status, version, error);
        answer_waiting(self, reply);
      },
  };
}

}  // namespace

caf::actor spawn_workspace_actor(caf::local_actor* parent, const std::string& workspace_id,
                                 std::shared_ptr<const workspace_dependencies> deps) {
  return parent->spawn<caf::monitored>(workspace_actor, workspace_id, std::move(deps));
}

}  // namespace cohort::actors
