#include "storage/core/role_member_reader.hpp"

#include "storage/ddl/identifier.hpp"
#include "storage/query/filter_operators.hpp"

namespace cohort::storage::core {

namespace {

constexpr const char* member_columns =
    "m.id, m.\"nameFirstName\", m.\"nameLastName\", m.\"userEmail\", m.\"userId\", "
    "m.\"colorScheme\", m.\"avatarUrl\", m.locale, m.\"calendarStartDay\", m.\"timeZone\", "
    "m.\"dateFormat\"::text, m.\"timeFormat\"::text, m.\"numberFormat\"::text";

workspace_member_row read_member(const pg::result& r, int row) {
  auto s = [&](int col) { return std::string(r.get(row, col)); };
  workspace_member_row m{s(0), s(1), s(2), s(3),  s(4),  s(5), s(6),
                         s(7), 7,    s(9), s(10), s(11), s(12)};
  if (!r.is_null(row, 8)) m.calendar_start_day = static_cast<int>(std::stod(s(8)));
  return m;
}

std::optional<std::string> member_table(std::string_view schema) {
  if (!ddl::is_valid_identifier(schema)) return std::nullopt;
  return ddl::qualified_name(schema, "workspaceMember");
}

pg::error_info bad_schema() {
  return {pg::error_kind::usage, "3F000", "invalid workspace schema name", "", "", ""};
}

}  // namespace

void list_members_of_users(pg::pool& pool, std::string_view schema,
                           std::vector<std::string> user_ids,
                           std::function<void(db_result<std::vector<workspace_member_row>>)> done) {
  auto table = member_table(schema);
  if (!table) return done(db_result<std::vector<workspace_member_row>>::failure(bad_schema()));
  std::string list = "{";
  bool first = true;
  for (const auto& id : user_ids) {
    if (!query::is_uuid(id)) continue;
    if (!first) list += ",";
    list += id;
    first = false;
  }
  list += "}";
  if (first) return done({std::vector<workspace_member_row>{}, std::nullopt});
  pool.query(std::string("SELECT ") + member_columns + " FROM " + *table +
                 " m WHERE m.\"userId\" = ANY($1::uuid[]) AND m.\"deletedAt\" IS NULL",
             {std::move(list)}, [done = std::move(done)](pg::result r) {
               if (!r.ok())
                 return done(db_result<std::vector<workspace_member_row>>::failure(r.error()));
               std::vector<workspace_member_row> out;
               for (int i = 0; i < r.rows(); ++i) out.push_back(read_member(r, i));
               done({std::move(out), std::nullopt});
             });
}

void find_member_membership(pg::pool& pool, std::string_view schema, std::string workspace_id,
                            std::string member_id,
                            std::function<void(db_result<member_membership>)> done) {
  auto table = member_table(schema);
  if (!table) return done(db_result<member_membership>::failure(bad_schema()));
  if (!query::is_uuid(workspace_id) || !query::is_uuid(member_id)) return done({});
  pool.query(std::string("SELECT ") + member_columns + ", uw.id, t.role_id FROM " + *table +
                 " m LEFT JOIN core.user_workspace uw ON uw.user_id = m.\"userId\" AND "
                 "uw.workspace_id = $1::uuid AND uw.deleted_at IS NULL LEFT JOIN "
                 "core.role_target t ON t.user_workspace_id = uw.id WHERE m.id = $2::uuid AND "
                 "m.\"deletedAt\" IS NULL",
             {std::move(workspace_id), std::move(member_id)},
             [done = std::move(done)](pg::result r) {
               if (!r.ok()) return done(db_result<member_membership>::failure(r.error()));
               if (r.rows() == 0) return done({});
               member_membership out;
               out.member = read_member(r, 0);
               if (auto uw = r.get_optional(0, 13)) out.user_workspace_id = std::string(*uw);
               if (auto role = r.get_optional(0, 14)) out.role_id = std::string(*role);
               done({std::move(out), std::nullopt});
             });
}

}  // namespace cohort::storage::core
