// The authgaps suite's server: `cohort serve` with IS_EMAIL_VERIFICATION_REQUIRED=true and small
// invitation quotas (INVITATION_SENDING_BY_WORKSPACE_THROTTLE_LIMIT=5, ..._BY_EMAIL_..._LIMIT=2),
// two workspaces made through the API (two_workspaces), and helpers for /metadata calls, users
// signing up and errors read the way a client reads them.
#pragma once

#include <gtest/gtest.h>

#include "integration/tokens/two_workspaces.hpp"

namespace cohort::testing {

inline constexpr const char* authgaps_password = "Authgaps-Passw0rd!";
inline constexpr int authgaps_workspace_invitations = 5;
inline constexpr int authgaps_invitations_per_email = 2;

// {message, extensions.code, extensions.subCode or userFriendlyMessage} of the first error
// ("<none>" when absent).
struct first_error {
  std::string message, code, detail;
  bool operator==(const first_error&) const = default;
};
inline std::ostream& operator<<(std::ostream& os, const first_error& e) {
  return os << "{" << e.message << ", " << e.code << ", " << e.detail << "}";
}
// `detail_field`: "subCode" or "userFriendlyMessage".
inline first_error first_error_of(const boost::json::value& v,
                                  const std::string& detail_field = "subCode") {
  return {text_or(v, "/errors/0/message", "<none>"),
          text_or(v, "/errors/0/extensions/code", "<none>"),
          text_or(v, "/errors/0/extensions/" + detail_field, "<none>")};
}

class authgaps_env : public two_workspaces_env {
 public:
  static authgaps_env& shared() {
    static auto* instance = new authgaps_env();
    return *instance;
  }

  // signUp: the user's WORKSPACE_AGNOSTIC token (unverified until verify() or the mail's link).
  std::string sign_up(const std::string& email) {
    auto up = metadata(R"(mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) {
        tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                       {{"e", email}, {"p", authgaps_password}});
    return text_at(up, "/data/signUp/tokens/accessOrWorkspaceAgnosticToken/token");
  }

  // As following the verification mail's link does.
  void verify(const std::string& email) {
    ws->sql("UPDATE core.\"user\" SET is_email_verified = true WHERE email = '" + email + "'");
  }

  // getAuthTokensFromLoginToken, answered as it is.
  boost::json::value exchange(const std::string& login, const std::string& origin) {
    return metadata(R"(mutation($t: String!, $o: String!) {
        getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
          tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })",
                    {{"t", login}, {"o", origin}});
  }

  struct joined_member {
    std::string user_id, user_workspace_id, access;
  };
  // A new user joining `workspace_id` by its public invite link (the default role), verified and
  // signed in to it.
  joined_member join_by_invite_link(const std::string& email, const std::string& workspace_id) {
    std::string hash =
        ws->sql("SELECT invite_hash FROM core.workspace WHERE id = '" + workspace_id + "'");
    auto joined = metadata(R"(mutation($e: String!, $p: String!, $h: String) {
        signUpInWorkspace(email: $e, password: $p, workspaceInviteHash: $h) {
          loginToken { token } } })",
                           {{"e", email}, {"p", authgaps_password}, {"h", hash}});
    verify(email);
    auto tokens = exchange(text_at(joined, "/data/signUpInWorkspace/loginToken/token"),
                           origin_of(workspace_id));
    joined_member m;
    m.user_id = user_id_of(email);
    m.user_workspace_id = ws->sql("SELECT id FROM core.user_workspace WHERE user_id = '" +
                                  m.user_id + "' AND workspace_id = '" + workspace_id + "'");
    m.access = text_at(
        tokens, "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token");
    return m;
  }

  std::string user_id_of(const std::string& email) {
    return ws->sql("SELECT id FROM core.\"user\" WHERE email = '" + email +
                   "' AND deleted_at IS NULL");
  }

 private:
  authgaps_env() {
    ws = std::make_unique<two_workspaces>("authgaps",
                                          std::map<std::string, std::string>{
                                              {"IS_EMAIL_VERIFICATION_REQUIRED", "true"},
                                              {"INVITATION_SENDING_BY_WORKSPACE_THROTTLE_LIMIT",
                                               std::to_string(authgaps_workspace_invitations)},
                                              {"INVITATION_SENDING_BY_EMAIL_THROTTLE_LIMIT",
                                               std::to_string(authgaps_invitations_per_email)},
                                          });
  }
};

}  // namespace cohort::testing
