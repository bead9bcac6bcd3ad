#include "permissions_server.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace cohort::testing {

namespace json = boost::json;

namespace {

std::string sql_literal(const std::string& text) {
  return "'" + text + "'";
}

std::string flag(bool value) {
  return value ? "true" : "false";
}

}  // namespace

permissions_server& permissions_server::shared() {
  static auto* instance = [] {
    auto* s = new permissions_server(
        {.database = "permissions_demo", .app_secret = "permissions-test-secret"});
    s->prepare();
    return s;
  }();
  return *instance;
}

// The demo user's Admin role, the suite's own role, and the metadata ids as a client reads them.
void permissions_server::prepare() {
  admin_role_id = sql_value("SELECT role_id FROM core.role_target WHERE user_workspace_id = " +
                            sql_literal(user_workspace_id));
  if (admin_role_id.empty()) ADD_FAILURE() << "the demo user has no role";
  restricted_role_id = sql_value(
      "INSERT INTO core.role (workspace_id, label, can_read_all_object_records) VALUES (" +
      sql_literal(workspace_id) + ", 'Permission suite', true) RETURNING id");
  auto answer = demo_workspace::graphql(
      "/metadata",
      "{ objects(paging: {first: 1000}) { edges { node { id nameSingular "
      "fields(paging: {first: 1000}) { edges { node { id name } } } } } } }");
  boost::system::error_code ec;
  const auto* edges = answer.body.find_pointer("/data/objects/edges", ec);
  if (!edges || !edges->is_array()) {
    ADD_FAILURE() << "no objects: " << answer.text;
    return;
  }
  for (const auto& edge : edges->as_array()) {
    const auto& node = edge.at("node");
    std::string name(node.at("nameSingular").as_string());
    object_ids[name] = std::string(node.at("id").as_string());
    for (const auto& f : node.at("fields").at("edges").as_array()) {
      field_ids[name + "." + std::string(f.at("node").at("name").as_string())] =
          std::string(f.at("node").at("id").as_string());
    }
  }
}

std::string permissions_server::sql_value(const std::string& statement) {
  auto r = sql(statement);
  if (!r.ok()) {
    ADD_FAILURE() << statement << ": " << storage::pg::describe(r.error());
    return {};
  }
  if (r.rows() == 0) return {};
  return std::string(r.get(0, 0));
}

void permissions_server::use_role(const role_spec& spec) {
  const std::string role = sql_literal(restricted_role_id);
  const std::string ws = sql_literal(workspace_id);
  std::vector<storage::pg::statement> statements;
  auto add = [&](std::string text) { statements.push_back({std::move(text), {}}); };
  add("UPDATE core.role SET can_read_all_object_records = " + flag(spec.read) +
      ", can_update_all_object_records = " + flag(spec.update) +
      ", can_soft_delete_all_object_records = " + flag(spec.soft_delete) +
      ", can_destroy_all_object_records = " + flag(spec.destroy) + " WHERE id = " + role);
  add("DELETE FROM core.object_permission WHERE role_id = " + role);
  add("DELETE FROM core.field_permission WHERE role_id = " + role);
  for (const auto& [name, rule] : spec.objects) {
    add("INSERT INTO core.object_permission (workspace_id, role_id, object_metadata_id, "
        "can_read_object_records, can_update_object_records, can_soft_delete_object_records, "
        "can_destroy_object_records) VALUES (" +
        ws + ", " + role + ", " + sql_literal(object_id(name)) + ", " + flag(rule.read) + ", " +
        flag(rule.update) + ", " + flag(rule.soft_delete) + ", " + flag(rule.destroy) + ")");
  }
  for (const auto& [name, rule] : spec.fields) {
    const std::string object = name.substr(0, name.find('.'));
    add("INSERT INTO core.field_permission (workspace_id, role_id, object_metadata_id, "
        "field_metadata_id, can_read_field_value, can_update_field_value) VALUES (" +
        ws + ", " + role + ", " + sql_literal(object_id(object)) + ", " +
        sql_literal(field_id(name)) + ", " + (rule.read ? "NULL" : "false") + ", " +
        (rule.update ? "NULL" : "false") + ")");
  }
  assign(restricted_role_id, std::move(statements));
}

void permissions_server::use_admin() {
  assign(admin_role_id, {});
}

// The demo user's role becomes `role_id` (after `before`), and roles_version moves on so that
// the server reloads the caller's permissions on the next request.
void permissions_server::assign(const std::string& role_id,
                                std::vector<storage::pg::statement> before) {
  before.push_back({"UPDATE core.role_target SET role_id = " + sql_literal(role_id) +
                        " WHERE user_workspace_id = " + sql_literal(user_workspace_id),
                    {}});
  before.push_back({"UPDATE core.workspace SET roles_version = roles_version + 1 WHERE id = " +
                        sql_literal(workspace_id),
                    {}});
  auto r = pool->transaction_sync(std::move(before));
  if (!r.ok()) ADD_FAILURE() << "role change: " << storage::pg::describe(*r.error);
}

std::string first_error(const http_answer& answer) {
  boost::system::error_code ec;
  const auto* error = answer.body.find_pointer("/errors/0", ec);
  if (!error || !error->is_object()) return "<none>";
  const auto* code = error->as_object().if_contains("extensions");
  std::string out = code && code->is_object() && code->as_object().if_contains("code")
                        ? std::string(code->as_object().at("code").as_string())
                        : "<no code>";
  return out + ": " + std::string(error->as_object().at("message").as_string());
}

http_answer expect_graphql_denied(permissions_server& s, const std::string& query,
                                  const std::string& root_field,
                                  const boost::json::object& variables) {
  auto answer = s.graphql(query, variables);
  EXPECT_EQ(answer.status, 200u);
  EXPECT_EQ(first_error(answer),
            "FORBIDDEN: Entity performing the request does not have permission")
      << query << "\n"
      << answer.text;
  boost::system::error_code ec;
  const auto* data = answer.body.find_pointer("/data/" + root_field, ec);
  EXPECT_TRUE(!data || data->is_null()) << query << "\n" << answer.text;
  const auto* sub = answer.body.find_pointer("/errors/0/extensions/subCode", ec);
  EXPECT_TRUE(sub && *sub == boost::json::value("PERMISSION_DENIED")) << answer.text;
  return answer;
}

void expect_rest_denied(permissions_server& s, const std::string& method, const std::string& target,
                        const std::string& body) {
  auto answer = s.call(method, target, body);
  EXPECT_EQ(answer.status, 403u) << method << " " << target << "\n" << answer.text;
  const boost::json::value expected = boost::json::object{
      {"statusCode", 403},
      {"error", "ForbiddenException"},
      {"messages", boost::json::array{"Entity performing the request does not have permission"}}};
  EXPECT_EQ(answer.body, expected) << method << " " << target << "\n" << answer.text;
}

}  // namespace cohort::testing
