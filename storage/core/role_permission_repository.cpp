#include "storage/core/role_permission_repository.hpp"

#include "storage/core/role_repository.hpp"

namespace cohort::storage::core {

namespace {

std::optional<std::string> bool_param(const std::optional<bool>& b) {
  if (!b) return std::nullopt;
  return std::string(*b ? "true" : "false");
}

std::optional<bool> read_bool(const pg::result& r, int row, int col) {
  if (r.is_null(row, col)) return std::nullopt;
  return r.get(row, col) == "t";
}

// Runs the writes, the version bump and the final SELECT (last) in one transaction.
template <typename Row, typename Reader>
void write_then_read(pg::pool& pool, std::vector<pg::statement> statements,
                     std::function<void(db_result<std::vector<Row>>)> done, Reader reader) {
  pool.transaction(std::move(statements),
                   [done = std::move(done), reader](pg::transaction_result t) {
                     if (!t.ok()) return done(db_result<std::vector<Row>>::failure(*t.error));
                     const auto& r = t.results.back();
                     std::vector<Row> out;
                     for (int i = 0; i < r.rows(); ++i) out.push_back(reader(r, i));
                     done({std::move(out), std::nullopt});
                   });
}

}  // namespace

void upsert_object_permissions(
    pg::pool& pool, std::string workspace_id, std::string role_id,
    std::vector<object_permission_input> inputs,
    std::function<void(db_result<std::vector<object_permission_row>>)> done) {
  std::vector<pg::statement> statements;
  for (auto& in : inputs) {
    // $4..$7 null: keep the stored value.
    statements.push_back(
        {"INSERT INTO core.object_permission AS o (workspace_id, role_id, object_metadata_id, "
         "can_read_object_records, can_update_object_records, can_soft_delete_object_records, "
         "can_destroy_object_records) VALUES ($1::uuid, $2::uuid, $3::uuid, $4::boolean, "
         "$5::boolean, $6::boolean, $7::boolean) ON CONFLICT (role_id, object_metadata_id) DO "
         "UPDATE SET can_read_object_records = COALESCE($4::boolean, o.can_read_object_records), "
         "can_update_object_records = COALESCE($5::boolean, o.can_update_object_records), "
         "can_soft_delete_object_records = COALESCE($6::boolean, "
         "o.can_soft_delete_object_records), can_destroy_object_records = COALESCE($7::boolean, "
         "o.can_destroy_object_records), updated_at = now()",
         {workspace_id, role_id, std::move(in.object_metadata_id), bool_param(in.can_read),
          bool_param(in.can_update), bool_param(in.can_soft_delete), bool_param(in.can_destroy)}});
  }
  statements.push_back(bump_roles_version(workspace_id));
  statements.push_back(
      {"SELECT id, role_id, object_metadata_id, can_read_object_records, "
       "can_update_object_records, can_soft_delete_object_records, can_destroy_object_records "
       "FROM core.object_permission WHERE workspace_id = $1::uuid AND role_id = $2::uuid ORDER "
       "BY created_at, id",
       {workspace_id, role_id}});
  write_then_read<object_permission_row>(
      pool, std::move(statements), std::move(done), [](const pg::result& r, int i) {
        return object_permission_row{std::string(r.get(i, 0)), std::string(r.get(i, 1)),
                                     std::string(r.get(i, 2)), read_bool(r, i, 3),
                                     read_bool(r, i, 4),       read_bool(r, i, 5),
                                     read_bool(r, i, 6)};
      });
}

void upsert_field_permissions(
    pg::pool& pool, std::string workspace_id, std::string role_id,
    std::vector<field_permission_input> inputs,
    std::function<void(db_result<std::vector<field_permission_row>>)> done) {
  std::vector<pg::statement> statements;
  for (auto& in : inputs) {
    statements.push_back(
        {"INSERT INTO core.field_permission AS p (workspace_id, role_id, object_metadata_id, "
         "field_metadata_id, can_read_field_value, can_update_field_value) VALUES ($1::uuid, "
         "$2::uuid, $3::uuid, $4::uuid, $5::boolean, $6::boolean) ON CONFLICT (role_id, "
         "field_metadata_id) DO UPDATE SET can_read_field_value = COALESCE($5::boolean, "
         "p.can_read_field_value), can_update_field_value = COALESCE($6::boolean, "
         "p.can_update_field_value), updated_at = now()",
         {workspace_id, role_id, std::move(in.object_metadata_id), std::move(in.field_metadata_id),
          bool_param(in.can_read), bool_param(in.can_update)}});
  }
  // A row that restricts nothing any more is no permission at all.
  statements.push_back(
      {"DELETE FROM core.field_permission WHERE workspace_id = $1::uuid AND role_id = $2::uuid "
       "AND COALESCE(can_read_field_value, true) AND COALESCE(can_update_field_value, true)",
       {workspace_id, role_id}});
  statements.push_back(bump_roles_version(workspace_id));
  statements.push_back(
      {"SELECT id, role_id, object_metadata_id, field_metadata_id, can_read_field_value, "
       "can_update_field_value FROM core.field_permission WHERE workspace_id = $1::uuid AND "
       "role_id = $2::uuid ORDER BY created_at, id",
       {workspace_id, role_id}});
  write_then_read<field_permission_row>(
      pool, std::move(statements), std::move(done), [](const pg::result& r, int i) {
        return field_permission_row{std::string(r.get(i, 0)), std::string(r.get(i, 1)),
                                    std::string(r.get(i, 2)), std::string(r.get(i, 3)),
                                    read_bool(r, i, 4),       read_bool(r, i, 5)};
      });
}

void replace_permission_flags(
    pg::pool& pool, std::string workspace_id, std::string role_id, std::vector<std::string> flags,
    std::function<void(db_result<std::vector<permission_flag_row>>)> done) {
  std::string list = "{";
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (i) list += ",";
    list += "\"" + flags[i] + "\"";  // PermissionFlagType values: upper-case letters and '_'
  }
  list += "}";
  std::vector<pg::statement> statements;
  statements.push_back(
      {"DELETE FROM core.permission_flag WHERE workspace_id = $1::uuid AND role_id = $2::uuid "
       "AND NOT (flag = ANY($3::text[]))",
       {workspace_id, role_id, list}});
  statements.push_back(
      {"INSERT INTO core.permission_flag (workspace_id, role_id, flag) SELECT $1::uuid, "
       "$2::uuid, f FROM unnest($3::text[]) AS f ON CONFLICT (role_id, flag) DO NOTHING",
       {workspace_id, role_id, list}});
  statements.push_back(bump_roles_version(workspace_id));
  statements.push_back(
      {"SELECT id, role_id, flag FROM core.permission_flag WHERE workspace_id = $1::uuid AND "
       "role_id = $2::uuid ORDER BY created_at, flag",
       {workspace_id, role_id}});
  write_then_read<permission_flag_row>(
      pool, std::move(statements), std::move(done), [](const pg::result& r, int i) {
        return permission_flag_row{std::string(r.get(i, 0)), std::string(r.get(i, 1)),
                                   std::string(r.get(i, 2))};
      });
}

}  // namespace cohort::storage::core
