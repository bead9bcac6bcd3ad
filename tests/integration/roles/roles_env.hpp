// What the roles suites share: the two-workspace server of the tokens suite (workspaces made by
// sign-up and activation, so their roles come from provisioning), members added to a workspace
// with a given role (rows written as a join would write them, with an ACCESS token minted with
// the server's secret), and small readers of GraphQL answers.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "api/auth/token_service.hpp"
#include "integration/tokens/two_workspaces.hpp"

namespace cohort::testing::roles {

namespace json = boost::json;

struct added_member {
  std::string user_id;
  std::string user_workspace_id;
  std::string member_id;
  std::string access;
};

// One server for the whole binary (each test makes the roles and members it needs).
inline two_workspaces& env() {
  static auto* instance = new two_workspaces("roles");
  return *instance;
}

// A user who joins `ws` holding the role of that label (none: no role at all).
inline added_member add_member(two_workspaces& e, const test_workspace& ws,
                               const std::string& email,
                               const std::optional<std::string>& role_label) {
  added_member m;
  m.user_id = e.sql("INSERT INTO core.\"user\" (email, is_email_verified) VALUES ('" + email +
                    "', true) RETURNING id");
  m.user_workspace_id = e.sql("INSERT INTO core.user_workspace (user_id, workspace_id) VALUES ('" +
                              m.user_id + "', '" + ws.id + "') RETURNING id");
  m.member_id = e.sql("INSERT INTO \"" + ws.schema +
                      "\".\"workspaceMember\" (\"nameFirstName\", \"nameLastName\", "
                      "\"userEmail\", \"userId\", locale) VALUES ('Added', 'Member', '" +
                      email + "', '" + m.user_id + "', 'en') RETURNING id");
  if (role_label) {
    e.sql("INSERT INTO core.role_target (workspace_id, role_id, user_workspace_id) SELECT '" +
          ws.id + "', id, '" + m.user_workspace_id + "' FROM core.role WHERE workspace_id = '" +
          ws.id + "' AND label = '" + *role_label + "' RETURNING id");
  }
  api::auth::token_service_options opts;
  opts.app_secret = two_workspaces_secret;
  api::auth::token_service tokens(opts);
  api::auth::access_token_claims claims;
  claims.user_id = m.user_id;
  claims.workspace_id = ws.id;
  claims.workspace_member_id = m.member_id;
  claims.user_workspace_id = m.user_workspace_id;
  m.access = tokens.mint_access(claims).token;
  return m;
}

inline const json::value& at(const json::value& v, std::string_view pointer) {
  static const json::value null;
  boost::system::error_code ec;
  const auto* found = v.find_pointer(pointer, ec);
  if (!found) {
    ADD_FAILURE() << pointer << " not in " << json::serialize(v);
    return null;
  }
  return *found;
}

inline std::string str(const json::value& v, std::string_view pointer) {
  const auto& found = at(v, pointer);
  return found.is_string() ? std::string(found.as_string()) : std::string();
}

// The first error's message and extensions.code, "data": null checked.
inline void expect_error(const json::value& answer, const std::string& message,
                         const std::string& code, const std::string& sub_code = "") {
  EXPECT_EQ(str(answer, "/errors/0/message"), message) << json::serialize(answer);
  EXPECT_EQ(str(answer, "/errors/0/extensions/code"), code) << json::serialize(answer);
  if (!sub_code.empty()) {
    EXPECT_EQ(str(answer, "/errors/0/extensions/subCode"), sub_code) << json::serialize(answer);
  }
  EXPECT_EQ(at(answer, "/data"), nullptr) << json::serialize(answer);
}

inline void expect_denied(const json::value& answer) {
  expect_error(answer, "Entity performing the request does not have permission", "FORBIDDEN",
               "PERMISSION_DENIED");
}

// The id of the workspace's role with that label.
inline std::string role_id(two_workspaces& e, const test_workspace& ws, const std::string& label) {
  return e.sql("SELECT id FROM core.role WHERE workspace_id = '" + ws.id + "' AND label = '" +
               label + "'");
}

}  // namespace cohort::testing::roles
