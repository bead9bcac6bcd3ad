#include "storage/core/role_repository.hpp"

#include <boost/json.hpp>

#include "storage/core/role_row_readers.hpp"
#include "storage/query/filter_operators.hpp"

namespace cohort::storage::core {

namespace {

using detail::role_columns;

const std::string& details_sql() {
  static const std::string sql =
      "SELECT " + role_columns() +
      ", (SELECT COALESCE(json_agg(json_build_object('id', f.id, 'flag', f.flag) ORDER BY "
      "f.flag), '[]') FROM core.permission_flag f WHERE f.role_id = r.id)"
      ", (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'objectMetadataId', "
      "o.object_metadata_id, 'read', o.can_read_object_records, 'update', "
      "o.can_update_object_records, 'softDelete', o.can_soft_delete_object_records, 'destroy', "
      "o.can_destroy_object_records) ORDER BY o.created_at, o.id), '[]') FROM "
      "core.object_permission o WHERE o.role_id = r.id)"
      ", (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'objectMetadataId', "
      "p.object_metadata_id, 'fieldMetadataId', p.field_metadata_id, 'read', "
      "p.can_read_field_value, 'update', p.can_update_field_value) ORDER BY p.created_at, p.id), "
      "'[]') FROM core.field_permission p WHERE p.role_id = r.id)"
      ", (SELECT COALESCE(json_agg(json_build_object('userId', uw.user_id, 'userWorkspaceId', "
      "uw.id) ORDER BY uw.created_at), '[]') FROM "
      "core.role_target t JOIN core.user_workspace uw ON uw.id = t.user_workspace_id AND "
      "uw.deleted_at IS NULL WHERE t.role_id = r.id)"
      ", (SELECT COALESCE(json_agg(json_build_object('id', k.id, 'name', k.name, 'expiresAt', " +
      iso_timestamp_sql("k.expires_at") + ", 'revokedAt', " + iso_timestamp_sql("k.revoked_at") +
      ") ORDER BY k.created_at), '[]') FROM core.role_target t JOIN core.api_key k ON "
      "k.id = t.api_key_id WHERE t.role_id = r.id)"
      " FROM core.role r WHERE r.workspace_id = $1::uuid";
  return sql;
}

std::optional<bool> json_bool(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (!v || !v->is_bool()) return std::nullopt;
  return v->as_bool();
}

std::string json_text(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return "";
  return std::string(v->as_string());
}

boost::json::array json_array(std::string_view text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return {};
  return std::move(v.as_array());
}

role_details read_details(const pg::result& r, int row) {
  role_details d;
  d.role = detail::read_role(r, row);
  const int base = detail::role_column_count;
  for (auto& v : json_array(r.get(row, base))) {
    const auto& o = v.as_object();
    d.flags.push_back({json_text(o, "id"), d.role.id, json_text(o, "flag")});
  }
  for (auto& v : json_array(r.get(row, base + 1))) {
    const auto& o = v.as_object();
    d.object_permissions.push_back({json_text(o, "id"), d.role.id, json_text(o, "objectMetadataId"),
                                    json_bool(o, "read"), json_bool(o, "update"),
                                    json_bool(o, "softDelete"), json_bool(o, "destroy")});
  }
  for (auto& v : json_array(r.get(row, base + 2))) {
    const auto& o = v.as_object();
    d.field_permissions.push_back({json_text(o, "id"), d.role.id, json_text(o, "objectMetadataId"),
                                   json_text(o, "fieldMetadataId"), json_bool(o, "read"),
                                   json_bool(o, "update")});
  }
  for (auto& v : json_array(r.get(row, base + 3))) {
    const auto& o = v.as_object();
    d.members.push_back({json_text(o, "userId"), json_text(o, "userWorkspaceId")});
  }
  for (auto& v : json_array(r.get(row, base + 4))) {
    const auto& o = v.as_object();
    std::optional<std::string> revoked;
    if (auto* rv = o.if_contains("revokedAt"); rv && rv->is_string())
      revoked = std::string(rv->as_string());
    d.api_keys.push_back(
        {json_text(o, "id"), json_text(o, "name"), json_text(o, "expiresAt"), std::move(revoked)});
  }
  return d;
}

std::optional<std::string> bool_param(const std::optional<bool>& b) {
  if (!b) return std::nullopt;
  return std::string(*b ? "true" : "false");
}

// The SET list and parameters of an update (or the column/value lists of an insert).
struct role_assignments {
  std::vector<std::string> columns;
  std::vector<std::string> casts;
  pg::params values;
  void add(const char* column, std::optional<std::string> value, const char* cast = "") {
    columns.emplace_back(column);
    casts.emplace_back(cast);
    values.push_back(std::move(value));
  }
};

role_assignments assignments(role_fields f) {
  role_assignments a;
  if (f.label) a.add("label", std::move(f.label));
  if (f.description) a.add("description", std::move(*f.description));
  if (f.icon) a.add("icon", std::move(*f.icon));
  auto flag = [&](const char* column, const std::optional<bool>& v) {
    if (v) a.add(column, bool_param(v), "::boolean");
  };
  flag("can_update_all_settings", f.can_update_all_settings);
  flag("can_access_all_tools", f.can_access_all_tools);
  flag("can_read_all_object_records", f.can_read_all_object_records);
  flag("can_update_all_object_records", f.can_update_all_object_records);
  flag("can_soft_delete_all_object_records", f.can_soft_delete_all_object_records);
  flag("can_destroy_all_object_records", f.can_destroy_all_object_records);
  flag("can_be_assigned_to_users", f.can_be_assigned_to_users);
  flag("can_be_assigned_to_agents", f.can_be_assigned_to_agents);
  flag("can_be_assigned_to_api_keys", f.can_be_assigned_to_api_keys);
  return a;
}

db_result<role_row> first_role(const pg::result& r) {
  return detail::first_row<role_row>(r, detail::read_role);
}

template <typename T>
db_result<T> missing() {
  return {};
}

}  // namespace

pg::statement bump_roles_version(const std::string& workspace_id) {
  return {"UPDATE core.workspace SET roles_version = roles_version + 1 WHERE id = $1::uuid",
          {workspace_id}};
}

void list_roles(pg::pool& pool, std::string workspace_id, role_list_callback done) {
  if (!query::is_uuid(workspace_id)) return done({std::vector<role_details>{}, std::nullopt});
  pool.query(details_sql() + " ORDER BY r.created_at, r.label", {std::move(workspace_id)},
             [done = std::move(done)](pg::result r) {
               if (!r.ok()) return done(db_result<std::vector<role_details>>::failure(r.error()));
               std::vector<role_details> out;
               for (int i = 0; i < r.rows(); ++i) out.push_back(read_details(r, i));
               done({std::move(out), std::nullopt});
             });
}

void find_role(pg::pool& pool, std::string workspace_id, std::string role_id,
               role_details_callback done) {
  if (!query::is_uuid(workspace_id) || !query::is_uuid(role_id))
    return done(missing<role_details>());
  pool.query(details_sql() + " AND r.id = $2::uuid", {std::move(workspace_id), std::move(role_id)},
             [done = std::move(done)](pg::result r) {
               done(detail::first_row<role_details>(r, read_details));
             });
}

void insert_role(pg::pool& pool, std::string workspace_id, std::optional<std::string> id,
                 role_fields fields, role_callback done) {
  auto a = assignments(std::move(fields));
  std::string columns = "workspace_id";
  std::string values = "$1::uuid";
  pg::params args{workspace_id};
  if (id) {
    columns += ", id";
    values += ", $2::uuid";
    args.push_back(std::move(id));
  }
  for (std::size_t i = 0; i < a.columns.size(); ++i) {
    columns += ", " + a.columns[i];
    values += ", $" + std::to_string(args.size() + 1) + a.casts[i];
    args.push_back(std::move(a.values[i]));
  }
  std::vector<pg::statement> statements;
  statements.push_back({"INSERT INTO core.role AS r (" + columns + ") VALUES (" + values +
                            ") RETURNING " + role_columns(),
                        std::move(args)});
  statements.push_back(bump_roles_version(workspace_id));
  pool.transaction(std::move(statements), [done = std::move(done)](pg::transaction_result t) {
    if (!t.ok()) return done(db_result<role_row>::failure(*t.error));
    done(first_role(t.results[0]));
  });
}

void update_role(pg::pool& pool, std::string workspace_id, std::string role_id, role_fields fields,
                 role_callback done) {
  if (!query::is_uuid(workspace_id) || !query::is_uuid(role_id)) return done(missing<role_row>());
  auto a = assignments(std::move(fields));
  pg::params args{workspace_id, std::move(role_id)};
  std::string set = "updated_at = now()";
  for (std::size_t i = 0; i < a.columns.size(); ++i) {
    set += ", " + a.columns[i] + " = $" + std::to_string(args.size() + 1) + a.casts[i];
    args.push_back(std::move(a.values[i]));
  }
  std::vector<pg::statement> statements;
  statements.push_back({"UPDATE core.role AS r SET " + set +
                            " WHERE r.workspace_id = $1::uuid AND r.id = $2::uuid RETURNING " +
                            role_columns(),
                        std::move(args)});
  statements.push_back(bump_roles_version(workspace_id));
  pool.transaction(std::move(statements), [done = std::move(done)](pg::transaction_result t) {
    if (!t.ok()) return done(db_result<role_row>::failure(*t.error));
    done(first_role(t.results[0]));
  });
}

void delete_role(pg::pool& pool, std::string workspace_id, std::string role_id,
                 std::string fallback_role_id, done_callback done) {
  if (!query::is_uuid(workspace_id) || !query::is_uuid(role_id) ||
      !query::is_uuid(fallback_role_id))
    return done({false, std::nullopt});
  std::vector<pg::statement> statements;
  statements.push_back(
      {"UPDATE core.api_key SET role_id = $3::uuid WHERE workspace_id = $1::uuid AND "
       "role_id = $2::uuid AND EXISTS (SELECT 1 FROM core.role WHERE id = $3::uuid AND "
       "workspace_id = $1::uuid)",
       {workspace_id, role_id, fallback_role_id}});
  statements.push_back(
      {"UPDATE core.role_target SET role_id = $3::uuid WHERE workspace_id = $1::uuid AND "
       "role_id = $2::uuid AND user_workspace_id IS NOT NULL AND EXISTS (SELECT 1 FROM "
       "core.role WHERE id = $3::uuid AND workspace_id = $1::uuid)",
       {workspace_id, role_id, fallback_role_id}});
  statements.push_back({"DELETE FROM core.role WHERE workspace_id = $1::uuid AND id = $2::uuid",
                        {workspace_id, role_id}});
  statements.push_back(bump_roles_version(workspace_id));
  pool.transaction(std::move(statements), [done = std::move(done)](pg::transaction_result t) {
    if (!t.ok()) return done(db_result<bool>::failure(*t.error));
    done({t.results[2].affected_rows() > 0, std::nullopt});
  });
}

void find_member_role(pg::pool& pool, std::string workspace_id, std::string user_workspace_id,
                      role_callback done) {
  if (!query::is_uuid(workspace_id) || !query::is_uuid(user_workspace_id))
    return done(missing<role_row>());
  pool.query("SELECT " + role_columns() +
                 " FROM core.role_target t JOIN core.role r ON r.id = t.role_id WHERE "
                 "t.workspace_id = $1::uuid AND t.user_workspace_id = $2::uuid",
             {std::move(workspace_id), std::move(user_workspace_id)},
             [done = std::move(done)](pg::result r) { done(first_role(r)); });
}

void find_user_workspace_id(pg::pool& pool, std::string workspace_id, std::string user_id,
                            std::function<void(db_result<std::string>)> done) {
  if (!query::is_uuid(workspace_id) || !query::is_uuid(user_id))
    return done(missing<std::string>());
  pool.query(
      "SELECT id FROM core.user_workspace WHERE workspace_id = $1::uuid AND user_id = $2::uuid "
      "AND deleted_at IS NULL",
      {std::move(workspace_id), std::move(user_id)}, [done = std::move(done)](pg::result r) {
        done(detail::first_row<std::string>(
            r, [](const pg::result& res, int row) { return std::string(res.get(row, 0)); }));
      });
}

void assign_member_role(pg::pool& pool, std::string workspace_id, std::string user_workspace_id,
                        std::string role_id, done_callback done) {
  std::vector<pg::statement> statements;
  statements.push_back(
      {"INSERT INTO core.role_target (workspace_id, role_id, user_workspace_id) SELECT "
       "$1::uuid, r.id, uw.id FROM core.role r JOIN core.user_workspace uw ON uw.workspace_id = "
       "r.workspace_id WHERE r.workspace_id = $1::uuid AND r.id = $3::uuid AND uw.id = $2::uuid "
       "ON CONFLICT (user_workspace_id) WHERE user_workspace_id IS NOT NULL DO UPDATE SET "
       "role_id = EXCLUDED.role_id",
       {workspace_id, std::move(user_workspace_id), std::move(role_id)}});
  statements.push_back(bump_roles_version(workspace_id));
  pool.transaction(std::move(statements), [done = std::move(done)](pg::transaction_result t) {
    if (!t.ok()) return done(db_result<bool>::failure(*t.error));
    done({t.results[0].affected_rows() > 0, std::nullopt});
  });
}

void count_role_members(pg::pool& pool, std::string workspace_id, std::string role_id,
                        std::function<void(db_result<long>)> done) {
  if (!query::is_uuid(workspace_id) || !query::is_uuid(role_id)) return done({0L, std::nullopt});
  pool.query(
      "SELECT count(*) FROM core.role_target t JOIN core.user_workspace uw ON uw.id = "
      "t.user_workspace_id AND uw.deleted_at IS NULL WHERE t.workspace_id = $1::uuid AND "
      "t.role_id = $2::uuid",
      {std::move(workspace_id), std::move(role_id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<long>::failure(r.error()));
        done({std::stol(std::string(r.get(0, 0))), std::nullopt});
      });
}

void assign_api_key_role(pg::pool& pool, std::string workspace_id, std::string api_key_id,
                         std::string role_id, done_callback done) {
  if (!query::is_uuid(workspace_id) || !query::is_uuid(api_key_id) || !query::is_uuid(role_id))
    return done({false, std::nullopt});
  std::vector<pg::statement> statements;
  statements.push_back(
      {"UPDATE core.api_key SET role_id = $3::uuid WHERE workspace_id = $1::uuid AND id = $2::uuid",
       {workspace_id, api_key_id, role_id}});
  statements.push_back(
      {"INSERT INTO core.role_target (workspace_id, role_id, api_key_id) SELECT $1::uuid, "
       "$3::uuid, k.id FROM core.api_key k WHERE k.workspace_id = $1::uuid AND k.id = $2::uuid "
       "ON CONFLICT (api_key_id) WHERE api_key_id IS NOT NULL DO UPDATE SET role_id = "
       "EXCLUDED.role_id",
       {workspace_id, api_key_id, role_id}});
  pool.transaction(std::move(statements), [done = std::move(done)](pg::transaction_result t) {
    if (!t.ok()) return done(db_result<bool>::failure(*t.error));
    done({t.results[0].affected_rows() > 0, std::nullopt});
  });
}

}  // namespace cohort::storage::core
