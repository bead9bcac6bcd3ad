#include "runtime/seed/prefill.hpp"

#include "model/standard/standard_objects.hpp"
#include "model/workspace_model.hpp"
#include "runtime/seed/sample_records.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/metadata/default_views.hpp"
#include "storage/query/run.hpp"

namespace cohort::runtime::seed {

namespace {

using done_fn = std::function<void(std::optional<std::string>, std::string)>;

// Creates the sample records object after object (people point at companies), then calls done.
void create_samples(std::shared_ptr<storage::pg::pool> pool,
                    std::shared_ptr<const model::workspace_model> model,
                    std::shared_ptr<std::vector<seed_records>> samples, std::size_t next,
                    done_fn done) {
  if (next == samples->size()) {
    done(std::nullopt, model->schema_name());
    return;
  }
  const auto& [object, inputs] = (*samples)[next];
  model::record_query q;
  q.object = object;
  q.operation = model::record_operation::create;
  q.many = true;
  q.data = inputs;
  q.actor.source = "SYSTEM";
  q.actor.name = "System";
  q.actor.context = std::nullopt;
  q.emit_events = false;
  auto& id = q.record.items.emplace_back();
  id.key = "id";
  id.field = "id";
  storage::query::run(*pool, q, *model,
                      [pool, model, samples, next, done](storage::query::run_result r) {
                        if (auto* e = std::get_if<storage::query::record_error>(&r)) {
                          done("creating the sample records: " + e->message, model->schema_name());
                          return;
                        }
                        create_samples(pool, model, samples, next + 1, done);
                      });
}

}  // namespace

storage::core::provision_fn provision_workspace(std::shared_ptr<storage::pg::pool> pool,
                                                std::shared_ptr<storage::ddl::spare_schemas> spares,
                                                bool with_samples) {
  return [pool, spares, with_samples](const std::string& workspace_id, done_fn done) {
    spares->provision(workspace_id, [pool, with_samples, workspace_id,
                                     done](storage::ddl::provision_result r) {
      if (!r.ok()) {
        done(r.error, r.schema);
        return;
      }
      // The views every workspace starts with, then (optionally) Twenty's sample records.
      auto views = storage::metadata::workspace_default_views(
          workspace_id, *model::standard::shared_standard_objects());
      pool->transaction(std::move(views), [pool, with_samples, workspace_id, schema = r.schema,
                                           done](storage::pg::transaction_result views_made) {
        if (!views_made.ok()) {
          done("creating the default views: " + storage::pg::describe(*views_made.error), schema);
          return;
        }
        if (!with_samples) {
          done(std::nullopt, schema);
          return;
        }
        auto model = std::make_shared<const model::workspace_model>(
            workspace_id, schema, 1, model::standard::shared_standard_objects());
        auto samples =
            std::make_shared<std::vector<seed_records>>(seed::sample_records(workspace_id));
        create_samples(pool, std::move(model), std::move(samples), 0, done);
      });
    });
  };
}

}  // namespace cohort::runtime::seed
