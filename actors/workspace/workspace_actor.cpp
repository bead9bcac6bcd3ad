#include "actors/workspace/workspace_actor.hpp"

#include <caf/all.hpp>

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <list>
#include <vector>

#include "actors/atoms.hpp"
#include "actors/workspace/metadata/change_runner.hpp"
#include "actors/workspace/metadata/metadata_change.hpp"
#include "actors/workspace/metadata/type_names.hpp"
#include "actors/workspace/runtime_builder.hpp"
#include "actors/workspace/workspace_request.hpp"
#include "actors/workspace/workspace_runtime.hpp"

namespace cohort::actors::detail {

// What the database answered, brought back to the actor's own thread.
struct model_loaded {
  metadata::load_model_result result;
};
struct change_applied {
  metadata::run_result result;
};

}  // namespace cohort::actors::detail

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cohort::actors::detail::model_loaded)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cohort::actors::detail::change_applied)

namespace cohort::actors {

namespace {

using metadata::metadata_change_request;
using metadata::metadata_change_result;

struct workspace_state {
  std::string workspace_id;
  std::shared_ptr<const workspace_dependencies> deps;
  std::shared_ptr<const workspace_runtime> runtime;
  bool loading = false;
  std::vector<caf::response_promise> waiting;  // runtime requests that arrived while loading
  // Metadata changes apply one at a time, in arrival order; `applying` is the one running. A
  // list, not a deque: an empty std::deque allocates, and most workspaces never queue a change.
  std::list<metadata_change_request> changes;
  std::optional<metadata_change_request> applying;
  std::string applying_entity;  // the entity the running change creates, updates or deletes
  std::shared_ptr<const workspace_runtime> next_runtime;  // built from the running change's plan
  std::uint64_t served = 0;
  // The registry's record of when this workspace was last used; handed out with the runtime.
  std::shared_ptr<workspace_activity> activity;
  static inline const char* name = "workspace";

  // Whoever kept the current runtime must ask again: this one is no longer handed out.
  void replace_runtime(std::shared_ptr<const workspace_runtime> next) {
    if (runtime && runtime != next) runtime->superseded.store(true);
    runtime = std::move(next);
  }

  workspace_state() = default;
  workspace_state(const workspace_state&) = delete;
  workspace_state& operator=(const workspace_state&) = delete;
  // Destroyed when the actor stops (passivated, workspace deleted, failed).
  ~workspace_state() { replace_runtime(nullptr); }
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

// Reads the workspace row and its metadata; the answer comes back to the actor as a message, so
// that the state is only ever touched on the actor's own thread.
void start_loading(workspace_actor_t* self) {
  self->state.loading = true;
  auto me = caf::actor_cast<caf::actor>(self);
  metadata::load_model(*self->state.deps->pool, self->state.workspace_id,
                       [me](metadata::load_model_result r) {
                         caf::anon_send(me, detail::model_loaded{std::move(r)});
                       });
}

// The runtime of `model`: its /graphql schema comes from shared_schemas (shared with every
// workspace of the same object list). Empty message on success.
std::string install_runtime(workspace_actor_t* self,
                            std::shared_ptr<const model::workspace_model> model) {
  auto& st = self->state;
  auto built = build_workspace_runtime(std::move(model), *st.deps);
  if (auto* message = std::get_if<std::string>(&built)) {
    spdlog::error("workspace {}: schema failed to build: {}", st.workspace_id, *message);
    return *message;
  }
  st.replace_runtime(std::get<std::shared_ptr<const workspace_runtime>>(built));
  return {};
}

runtime_reply on_loaded(workspace_actor_t* self, metadata::load_model_result& r) {
  auto& st = self->state;
  st.loading = false;
  if (!r.model) {
    if (r.error == "INTERNAL_SERVER_ERROR") {
      spdlog::error("workspace {}: loading failed: {}", st.workspace_id, r.message);
      return {nullptr, r.error, "Workspace could not be loaded"};
    }
    return {nullptr, r.error, r.message};
  }
  if (!install_runtime(self, std::move(r.model)).empty()) {
    return {nullptr, "INTERNAL_SERVER_ERROR", "Workspace schema could not be built"};
  }
  return {st.runtime, {}, {}, st.activity};
}

void start_next_change(workspace_actor_t* self);

void finish_change(workspace_actor_t* self, metadata_change_result result) {
  auto& st = self->state;
  st.next_runtime = nullptr;
  if (st.applying) {
    auto done = std::move(st.applying->done);
    st.applying.reset();
    if (done) done(std::move(result));
  }
  start_next_change(self);
}

// An object created or renamed must not generate a type name the schema has for something else.
std::optional<metadata::metadata_error> check_type_names(const workspace_runtime& current,
                                                         metadata::change_kind kind,
                                                         const metadata::change_plan& plan) {
  if (kind != metadata::change_kind::create_object &&
      kind != metadata::change_kind::update_object) {
    return std::nullopt;
  }
  for (const auto& object : plan.objects) {
    if (object.id != plan.entity_id) continue;
    if (metadata::clashing_type_name(*current.graphql->schema(), *current.model, object)) {
      return metadata::invalid_object_input(
          "The name \"" + object.name_singular + "\" is not available",
          "This name is not available.");
    }
  }
  return std::nullopt;
}

void start_next_change(workspace_actor_t* self) {
  auto& st = self->state;
  if (st.applying || st.changes.empty()) return;
  if (!st.runtime) {
    // Changes wait for the model; a workspace that cannot load refuses them.
    if (!st.loading) start_loading(self);
    return;
  }
  st.applying = std::move(st.changes.front());
  st.changes.pop_front();
  auto before = st.runtime->model;
  auto planned = metadata::plan_change(*before, st.applying->change);
  if (auto* error = std::get_if<metadata::metadata_error>(&planned)) {
    return finish_change(self, {*error, {}, st.runtime, before});
  }
  auto plan = std::get<metadata::change_plan>(std::move(planned));
  if (auto e = check_type_names(*st.runtime, st.applying->change.kind, plan)) {
    return finish_change(self, {*e, {}, st.runtime, before});
  }
  // The schema the change leads to must build before anything is committed: a name that clashes
  // with the API's own types (an object "pageInfo" makes a second PageInfo) is refused here. The
  // runtime is kept so that the one built after the commit reuses its schema (same fingerprint).
  auto next_model = std::make_shared<const model::workspace_model>(
      st.workspace_id, before->schema_name(), before->version() + 1, plan.objects);
  auto next = build_workspace_runtime(std::move(next_model), *st.deps);
  if (auto* message = std::get_if<std::string>(&next)) {
    const bool object = st.applying->change.kind == metadata::change_kind::create_object ||
                        st.applying->change.kind == metadata::change_kind::update_object;
    const std::string text = "This change would make the GraphQL schema invalid: " + *message;
    return finish_change(
        self, {object ? metadata::invalid_object_input(text) : metadata::invalid_field_input(text),
               {},
               st.runtime,
               before});
  }
  st.next_runtime = std::get<std::shared_ptr<const workspace_runtime>>(std::move(next));
  st.applying_entity = plan.entity_id;
  auto me = caf::actor_cast<caf::actor>(self);
  metadata::run_change(
      st.deps->pool, st.workspace_id, std::move(plan),
      [me](metadata::run_result r) { caf::anon_send(me, detail::change_applied{std::move(r)}); });
}

void on_change_applied(workspace_actor_t* self, metadata::run_result& r) {
  auto& st = self->state;
  metadata_change_result out;
  out.before = st.runtime ? st.runtime->model : nullptr;
  out.entity_id = st.applying_entity;
  if (r.error) {
    out.error = std::move(r.error);
    // Committed but not read back: forget the stale runtime, the next request loads it again.
    if (r.committed) st.replace_runtime(nullptr);
    out.runtime = st.runtime;
    return finish_change(self, std::move(out));
  }
  // Requests already running keep the runtime they hold; later ones get this one.
  if (auto message = install_runtime(self, std::move(r.model)); !message.empty()) {
    out.error =
        metadata::internal_metadata_error("Workspace schema could not be built: " + message);
    st.replace_runtime(nullptr);  // the old one no longer matches the tables
  }
  out.runtime = st.runtime;
  finish_change(self, std::move(out));
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
      [=](const runtime_request& req) -> caf::result<runtime_reply> {
        auto& st = self->state;
        if (req.activity) st.activity = req.activity;
        if (st.runtime) return runtime_reply{st.runtime, {}, {}, st.activity};
        if (!st.deps || !st.deps->pool) {
          return runtime_reply{nullptr, "INTERNAL_SERVER_ERROR", "No database", st.activity};
        }
        auto rp = self->make_response_promise();
        st.waiting.push_back(rp);
        if (!st.loading) start_loading(self);
        return rp;
      },
      [=](detail::model_loaded& loaded) {
        auto reply = on_loaded(self, loaded.result);
        answer_waiting(self, reply);
        auto& st = self->state;
        if (!st.runtime) {
          // Queued changes cannot apply to a workspace that does not load.
          auto queued = std::move(st.changes);
          st.changes.clear();
          for (auto& change : queued) {
            if (change.done) {
              change.done({metadata::internal_metadata_error(reply.message), {}, nullptr, nullptr});
            }
          }
          return;
        }
        start_next_change(self);
      },
      [=](metadata_change_request& req) {
        if (!self->state.deps || !self->state.deps->pool) {
          if (req.done) req.done({metadata::internal_metadata_error("No database"), {}, {}, {}});
          return;
        }
        self->state.changes.push_back(std::move(req));
        start_next_change(self);
      },
      [=](detail::change_applied& applied) { on_change_applied(self, applied.result); },
  };
}

}  // namespace

caf::actor spawn_workspace_actor(caf::local_actor* parent, const std::string& workspace_id,
                                 std::shared_ptr<const workspace_dependencies> deps) {
  return parent->spawn<caf::monitored>(workspace_actor, workspace_id, std::move(deps));
}

}  // namespace cohort::actors
