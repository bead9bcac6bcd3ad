// One `cohort serve --seed demo` for the permission suite (integration_support/demo_workspace)
// whose demo user is given a role of the test's making: the role's rows are written in SQL
// (core.role, role_target, object_permission, field_permission, then roles_version bumped, as
// every role change does), so each test states exactly what the caller may do.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "integration_support/demo_workspace.hpp"

namespace cohort::testing {

// What the test's role allows: the can*AllObjectRecords rights, then per object (nameSingular)
// and per field ("person.jobTitle") restrictions.
struct role_spec {
  bool read = true, update = true, soft_delete = true, destroy = true;
  struct object_rule {
    bool read = true, update = true, soft_delete = true, destroy = true;
  };
  std::map<std::string, object_rule> objects;
  struct field_rule {
    bool read = true, update = true;
  };
  std::map<std::string, field_rule> fields;
};

struct permissions_server : demo_workspace {
  using demo_workspace::demo_workspace;
  static permissions_server& shared();

  http_answer graphql(const std::string& query, const boost::json::object& variables = {}) {
    return demo_workspace::graphql("/graphql", query, variables);
  }
  // The first cell of `statement`'s answer ("" when none).
  std::string sql_value(const std::string& statement);

  // The demo user acts with the suite's restricted role shaped by `spec` from the next request.
  void use_role(const role_spec& spec);
  // The demo user is Admin again.
  void use_admin();

  std::string object_id(const std::string& name) const { return object_ids.at(name); }
  std::string field_id(const std::string& object_dot_field) const {
    return field_ids.at(object_dot_field);
  }

  std::string admin_role_id;
  std::string restricted_role_id;
  std::map<std::string, std::string> object_ids;  // nameSingular -> objectMetadataId
  std::map<std::string, std::string> field_ids;   // "person.jobTitle" -> fieldMetadataId

 private:
  void prepare();
  void assign(const std::string& role_id, std::vector<storage::pg::statement> before);
};

// The first error of a GraphQL answer as "CODE: message", or "<none>".
std::string first_error(const http_answer& answer);

// Asserts Twenty's refusal of `query`: FORBIDDEN PERMISSION_DENIED with `root_field` null; the
// answer, for further checks.
http_answer expect_graphql_denied(permissions_server& s, const std::string& query,
                                  const std::string& root_field,
                                  const boost::json::object& variables = {});
// Asserts Twenty's REST refusal: 403 ForbiddenException.
void expect_rest_denied(permissions_server& s, const std::string& method, const std::string& target,
                        const std::string& body = {});

}  // namespace cohort::testing
