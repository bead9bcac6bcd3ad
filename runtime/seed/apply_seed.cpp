#include "runtime/seed/apply_seed.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <map>

#include "api/auth/password.hpp"
#include "model/standard/standard_objects.hpp"
#include "model/workspace_model.hpp"
#include "storage/core/role_provisioning.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/metadata/default_views.hpp"
#include "storage/query/run.hpp"

namespace cohort::runtime::seed {

namespace {

namespace pg = storage::pg;

std::optional<std::string> create_records(pg::pool& pool, const model::workspace_model& model,
                                          const std::string& object,
                                          const boost::json::array& inputs) {
  if (inputs.empty()) return std::nullopt;
  model::record_query q;
  q.object = object;
  q.operation = model::record_operation::create;
  q.many = true;
  q.data = inputs;
  q.actor.source = "SYSTEM";
  q.actor.name = "System";
  auto& id = q.record.items.emplace_back();
  id.key = "id";
  id.field = "id";
  auto result = storage::query::run_sync(pool, q, model);
  if (auto* e = std::get_if<storage::query::record_error>(&result)) {
    return "creating " + object + " records: " + e->message;
  }
  return std::nullopt;
}

boost::json::array member_inputs(const seed_workspace& ws) {
  boost::json::array members;
  for (const auto& u : ws.users) {
    members.push_back({{"id", u.workspace_member_id},
                       {"name", {{"firstName", u.first_name}, {"lastName", u.last_name}}},
                       {"userEmail", u.email},
                       {"userId", u.id}});
  }
  return members;
}

std::optional<std::string> create_users(pg::pool& pool, const seed_workspace& ws) {
  std::map<std::string, std::string> hashes;  // one argon2id hash per distinct password
  for (const auto& u : ws.users) {
    auto& hash = hashes[u.password];
    if (hash.empty()) {
      auto hashed = api::auth::hash_password(u.password);
      if (!hashed) return "hashing a seed password: " + hashed.error().message;
      hash = hashed.value();
    }
    // A user seeded with an earlier workspace (twenty-dev has two) is kept as it is.
    auto r = pool.query_sync(
        "INSERT INTO core.\"user\" (id, email, first_name, last_name, password_hash, "
        "is_email_verified) VALUES ($1::uuid, $2, $3, $4, $5, true) ON CONFLICT DO NOTHING",
        {u.id, u.email, u.first_name, u.last_name, hash});
    if (!r.ok()) return "creating user " + u.email + ": " + r.error().message;
  }
  return std::nullopt;
}

// The rows that make the workspace exist, in one transaction, last.
std::optional<std::string> publish_workspace(pg::pool& pool, const seed_workspace& ws,
                                             const std::string& schema) {
  std::vector<pg::statement> statements;
  statements.push_back(
      {"INSERT INTO core.workspace (id, display_name, subdomain, invite_hash, activation_status, "
       "database_schema) VALUES ($1::uuid, $2, $3, $4, 'ACTIVE', $5)",
       {ws.id, ws.display_name, ws.subdomain, ws.invite_hash, schema}});
  for (auto& s : storage::core::default_role_statements(ws.id)) statements.push_back(std::move(s));
  if (ws.with_guest_role) statements.push_back(storage::core::guest_role_statement(ws.id));
  for (const auto& u : ws.users) {
    statements.push_back(
        {"INSERT INTO core.user_workspace (id, user_id, workspace_id) "
         "VALUES ($1::uuid, $2::uuid, $3::uuid)",
         {u.user_workspace_id, u.id, ws.id}});
    statements.push_back(
        storage::core::assign_role_by_label_statement(ws.id, u.user_workspace_id, u.role));
  }
  for (const auto& k : ws.api_keys) {
    statements.push_back(
        {"INSERT INTO core.api_key (id, name, expires_at, workspace_id, role_id) SELECT "
         "$1::uuid, $2, 'infinity', $3::uuid, r.id FROM core.role r WHERE r.workspace_id = "
         "$3::uuid AND r.label = $4",
         {k.id, k.name, ws.id, k.role}});
    statements.push_back(
        {"INSERT INTO core.role_target (workspace_id, role_id, api_key_id) SELECT $1::uuid, "
         "role_id, id FROM core.api_key WHERE id = $2::uuid AND role_id IS NOT NULL",
         {ws.id, k.id}});
  }
  // The views a new workspace starts with, committed with the workspace row they belong to.
  for (auto& view : storage::metadata::workspace_default_views(
           ws.id, *model::standard::shared_standard_objects())) {
    statements.push_back(std::move(view));
  }
  auto r = pool.transaction_sync(std::move(statements));
  if (!r.ok()) return "publishing workspace " + ws.display_name + ": " + r.error->message;
  return std::nullopt;
}

std::optional<std::string> apply_workspace(pg::pool& pool, const seed_workspace& ws) {
  auto exists = pool.query_sync("SELECT 1 FROM core.workspace WHERE id = $1::uuid", {ws.id});
  if (!exists.ok()) return "reading core.workspace: " + exists.error().message;
  if (exists.rows() > 0) {
    spdlog::info("seed: workspace {} already present", ws.display_name);
    return std::nullopt;
  }
  // A schema without its core row is what an interrupted seed leaves behind.
  auto dropped = storage::ddl::drop_workspace_schema_sync(pool, ws.id);
  if (!dropped.ok()) return "dropping a half-seeded schema: " + dropped.error().message;
  auto objects = model::standard::standard_objects();
  auto provisioned = storage::ddl::provision_sync(pool, ws.id, objects);
  if (!provisioned.ok()) return "provisioning " + ws.display_name + ": " + *provisioned.error;
  model::workspace_model model(ws.id, provisioned.schema, 1,
                               std::vector<model::object_metadata>(objects.begin(), objects.end()));
  if (auto e = create_users(pool, ws)) return e;
  if (auto e = create_records(pool, model, "workspaceMember", member_inputs(ws))) return e;
  for (const auto& [object, inputs] : ws.records) {
    if (auto e = create_records(pool, model, object, inputs)) return e;
  }
  if (auto e = publish_workspace(pool, ws, provisioned.schema)) return e;
  spdlog::info("seed: created workspace {} ({} users, schema {})", ws.display_name, ws.users.size(),
               provisioned.schema);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> apply_seed(pg::pool& pool, const seed_plan& plan) {
  for (const auto& ws : plan.workspaces) {
    if (auto e = apply_workspace(pool, ws)) return "seed " + plan.name + ": " + *e;
  }
  spdlog::info("{}", plan.sign_in_hint);
  return std::nullopt;
}

std::optional<seed_plan> find_seed(const std::string& name) {
  if (name == "demo") return demo_seed();
  if (name == "twenty-dev") return twenty_dev_seed();
  return std::nullopt;
}

}  // namespace cohort::runtime::seed
