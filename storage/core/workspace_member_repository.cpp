#include "storage/core/workspace_member_repository.hpp"

#include "storage/ddl/identifier.hpp"

namespace cohort::storage::core {

namespace {

std::optional<std::string> member_table(std::string_view schema) {
  if (!ddl::is_valid_identifier(schema)) return std::nullopt;
  return ddl::qualified_name(schema, "workspaceMember");
}

}  // namespace

std::optional<std::string> insert_workspace_member_sql(std::string_view schema) {
  auto table = member_table(schema);
  if (!table) return std::nullopt;
  // A valid identifier ([a-z0-9_]) is safe inside a string literal.
  return "WITH member AS (INSERT INTO " + *table +
         " (\"nameFirstName\", \"nameLastName\", \"userEmail\", \"userId\", locale) "
         "VALUES ($1, $2, $3, $4::uuid, $5) RETURNING id), "
         "role AS (INSERT INTO core.role_target (workspace_id, role_id, user_workspace_id) "
         "SELECT w.id, r.id, uw.id FROM core.workspace w JOIN core.user_workspace uw ON "
         "uw.workspace_id = w.id AND uw.user_id = $4::uuid AND uw.deleted_at IS NULL JOIN "
         "core.role r ON r.workspace_id = w.id AND CASE WHEN $6::text IS NULL THEN r.id = "
         "w.default_role_id ELSE r.label = $6::text END WHERE w.database_schema = '" +
         std::string(schema) +
         "' "
         "ON CONFLICT (user_workspace_id) WHERE user_workspace_id IS NOT NULL DO NOTHING) "
         "SELECT id FROM member";
}

pg::params insert_workspace_member_params(const new_workspace_member& m) {
  return {m.first_name, m.last_name, m.email, m.user_id, m.locale, m.role_label};
}

void find_workspace_member(pg::pool& pool, std::string_view schema, std::string user_id,
                           std::function<void(db_result<workspace_member_row>)> done) {
  auto table = member_table(schema);
  if (!table) {
    return done(db_result<workspace_member_row>::failure(
        {pg::error_kind::usage, "3F000", "invalid workspace schema name", "", "", ""}));
  }
  pool.query(
      "SELECT id, \"nameFirstName\", \"nameLastName\", \"userEmail\", \"userId\", "
      "\"colorScheme\", \"avatarUrl\", locale, \"calendarStartDay\", \"timeZone\", "
      "\"dateFormat\"::text, \"timeFormat\"::text, \"numberFormat\"::text FROM " +
          *table + " WHERE \"userId\" = $1::uuid AND \"deletedAt\" IS NULL LIMIT 1",
      {std::move(user_id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<workspace_member_row>::failure(r.error()));
        if (r.rows() == 0) return done({});
        auto s = [&](int col) { return std::string(r.get(0, col)); };
        workspace_member_row m{s(0), s(1), s(2), s(3),  s(4),  s(5), s(6),
                               s(7), 7,    s(9), s(10), s(11), s(12)};
        if (!r.is_null(0, 8)) m.calendar_start_day = static_cast<int>(std::stod(s(8)));
        done({std::move(m), std::nullopt});
      });
}

}  // namespace cohort::storage::core
