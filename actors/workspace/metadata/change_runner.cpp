#include "actors/workspace/metadata/change_runner.hpp"

#include <spdlog/spdlog.h>

#include "storage/metadata/metadata_repository.hpp"
#include "storage/metadata/model_from_rows.hpp"

namespace cohort::actors::metadata {

namespace {

namespace store = storage::metadata;
namespace pg = storage::pg;

std::vector<pg::statement> statements_of(const std::string& workspace_id, const change_plan& plan) {
  std::vector<pg::statement> out;
  for (const auto& sql : plan.ddl) out.push_back({sql, {}});
  for (const auto& id : plan.objects_removed) {
    out.push_back(store::delete_object_row(workspace_id, id));
    out.push_back(
        {"DELETE FROM core.field_metadata WHERE workspace_id = $1::uuid AND "
         "object_id = $2::uuid",
         {workspace_id, id}});
  }
  for (const auto& id : plan.fields_removed)
    out.push_back(store::delete_field_row(workspace_id, id));
  // In model order, so that the rows' creation order (which the model is rebuilt in) is the
  // order of the plan: a new object's fields as Twenty lists them, not sorted by id.
  for (const auto& object : plan.objects) {
    if (!plan.objects_to_write.count(object.id)) continue;
    auto definition = store::object_row_definition(object);
    out.push_back(definition ? store::upsert_object_row(workspace_id, object.id, object.is_custom,
                                                        *definition)
                             : store::delete_object_row(workspace_id, object.id));
  }
  for (const auto& object : plan.objects) {
    for (const auto& field : object.fields) {
      if (!plan.fields_to_write.count(field.id)) continue;
      auto definition = store::field_row_definition(field);
      out.push_back(definition ? store::upsert_field_row(workspace_id, field.id, field.object_id,
                                                         field.is_custom, *definition)
                               : store::delete_field_row(workspace_id, field.id));
    }
  }
  for (const auto& statement : plan.statements) out.push_back(statement);
  out.push_back(store::bump_metadata_version(workspace_id));
  return out;
}

}  // namespace

void load_model(pg::pool& pool, const std::string& workspace_id,
                std::function<void(load_model_result)> done) {
  store::load_workspace_metadata(
      pool, workspace_id, [workspace_id, done = std::move(done)](store::load_result r) {
        load_model_result out;
        if (r.error) {
          out.error = "INTERNAL_SERVER_ERROR";
          out.message = r.error->message;
        } else if (!r.metadata.found) {
          out.error = "WORKSPACE_NOT_FOUND";
          out.message = "Workspace not found";
        } else if (r.metadata.activation_status != "ACTIVE" || r.metadata.schema.empty()) {
          out.error = "WORKSPACE_NOT_ACTIVE";
          out.message = "Workspace is not active";
        } else {
          out.model = store::build_workspace_model(workspace_id, r.metadata);
        }
        done(std::move(out));
      });
}

void run_change(std::shared_ptr<pg::pool> pool, const std::string& workspace_id, change_plan plan,
                std::function<void(run_result)> done) {
  auto statements = statements_of(workspace_id, plan);
  auto* raw = pool.get();
  raw->transaction(std::move(statements), [pool, workspace_id, done = std::move(done)](
                                              pg::transaction_result r) mutable {
    if (!r.ok()) {
      spdlog::warn("workspace {}: metadata change rolled back: {}", workspace_id,
                   pg::describe(*r.error));
      return done({internal_metadata_error(r.error->message), false, nullptr});
    }
    load_model(*pool, workspace_id, [done = std::move(done)](load_model_result loaded) {
      if (!loaded.model) return done({internal_metadata_error(loaded.message), true, nullptr});
      done({std::nullopt, true, std::move(loaded.model)});
    });
  });
}

}  // namespace cohort::actors::metadata
