#include "storage/core/workspace_activation.hpp"

#include <memory>

#include "storage/core/role_provisioning.hpp"
#include "storage/core/role_rows.hpp"
#include "storage/core/row_readers.hpp"
#include "storage/ddl/workspace_provisioner.hpp"

namespace cohort::storage::core {

namespace {

struct activation : std::enable_shared_from_this<activation> {
  pg::pool& pool;
  activation_request request;
  provision_fn provision;
  std::function<void(activation_result)> done;
  std::string schema;

  activation(pg::pool& p, activation_request r, provision_fn f,
             std::function<void(activation_result)> d)
      : pool(p), request(std::move(r)), provision(std::move(f)), done(std::move(d)) {}

  void finish(activation_failure failure, std::string message) {
    activation_result out;
    out.failure = failure;
    out.message = std::move(message);
    done(std::move(out));
  }

  // Claiming the workspace first makes concurrent activations of one workspace impossible.
  void claim() {
    auto self = shared_from_this();
    pool.query(
        "UPDATE core.workspace SET activation_status = 'ONGOING_CREATION' WHERE id = $1::uuid "
        "AND deleted_at IS NULL AND activation_status = 'PENDING_CREATION' RETURNING id",
        {request.workspace_id}, [self](pg::result r) {
          if (!r.ok()) return self->finish(activation_failure::database, r.error().message);
          if (r.rows() == 1) return self->create_schema();
          self->explain_refusal();
        });
  }

  void explain_refusal() {
    auto self = shared_from_this();
    pool.query(
        "SELECT activation_status FROM core.workspace WHERE id = $1::uuid AND "
        "deleted_at IS NULL",
        {request.workspace_id}, [self](pg::result r) {
          if (!r.ok()) return self->finish(activation_failure::database, r.error().message);
          if (r.rows() == 0) return self->finish(activation_failure::not_found, "");
          self->finish(activation_failure::not_pending, std::string(r.get(0, 0)));
        });
  }

  void create_schema() {
    auto self = shared_from_this();
    provision(request.workspace_id, [self](std::optional<std::string> error, std::string schema) {
      if (error) return self->release(activation_failure::provision, *error);
      self->schema = std::move(schema);
      self->commit();
    });
  }

  void commit() {
    auto insert_member = insert_workspace_member_sql(schema);
    if (!insert_member) return roll_back(activation_failure::provision, "invalid schema name");
    // Roles first, then the schema name: the member's statement finds both to give the creator
    // the Admin role.
    std::vector<pg::statement> statements = default_role_statements(request.workspace_id);
    const std::size_t workspace_at = statements.size();
    statements.push_back(
        {"UPDATE core.workspace AS w SET activation_status = 'ACTIVE', "
         "display_name = COALESCE($2, w.display_name), database_schema = $3, version = $4 "
         "WHERE w.id = $1::uuid RETURNING " +
             detail::workspace_columns(),
         {request.workspace_id, request.display_name, schema, request.version}});
    auto creator = request.creator;
    creator.role_label = admin_role_label;
    statements.push_back({*insert_member, insert_workspace_member_params(creator)});
    auto self = shared_from_this();
    pool.transaction(std::move(statements), [self, workspace_at](pg::transaction_result t) {
      if (!t.ok()) return self->roll_back(activation_failure::database, t.error->message);
      activation_result out;
      out.workspace = detail::read_workspace(t.results[workspace_at], 0);
      out.workspace_member_id = std::string(t.results[workspace_at + 1].get(0, 0));
      self->done(std::move(out));
    });
  }

  // Undo the schema, then the claim.
  void roll_back(activation_failure failure, std::string message) {
    auto self = shared_from_this();
    ddl::drop_workspace_schema(pool, request.workspace_id,
                               [self, failure, message = std::move(message)](pg::result) mutable {
                                 self->release(failure, std::move(message));
                               });
  }

  void release(activation_failure failure, std::string message) {
    auto self = shared_from_this();
    pool.query(
        // The default views provisioning made go with the schema.
        "WITH views AS (DELETE FROM core.view_entity WHERE workspace_id = $1::uuid) "
        "UPDATE core.workspace SET activation_status = 'PENDING_CREATION' WHERE "
        "id = $1::uuid AND activation_status = 'ONGOING_CREATION'",
        {request.workspace_id}, [self, failure, message = std::move(message)](pg::result) mutable {
          self->finish(failure, std::move(message));
        });
  }
};

}  // namespace

void activate_workspace(pg::pool& pool, activation_request request, provision_fn provision,
                        std::function<void(activation_result)> done) {
  std::make_shared<activation>(pool, std::move(request), std::move(provision), std::move(done))
      ->claim();
}

}  // namespace cohort::storage::core
