// The accounts suite's server: `cohort serve` with IS_EMAIL_VERIFICATION_REQUIRED=true and
// EMAIL_DRIVER=smtp pointed at a real SMTP sink on loopback, two workspaces made through the API
// (two_workspaces), and helpers for /metadata calls, members joining by the public invite link,
// mailed verification links and JWT payloads.
#pragma once

#include <gtest/gtest.h>

#include <regex>

#include "api/auth/crypto.hpp"
#include "fixtures/smtp_sink.hpp"
#include "integration/tokens/two_workspaces.hpp"

namespace cohort::testing {

inline constexpr const char* member_password = "Member-Passw0rd!";

// {message, extensions.code, extensions.subCode} of the first error ("<none>" when absent).
struct error_fields {
  std::string message, code, sub_code;
  bool operator==(const error_fields&) const = default;
};
inline std::ostream& operator<<(std::ostream& os, const error_fields& e) {
  return os << "{" << e.message << ", " << e.code << ", " << e.sub_code << "}";
}
inline error_fields error_of(const boost::json::value& v) {
  auto text = [&](std::string_view p) {
    boost::system::error_code ec;
    const auto* f = v.find_pointer(p, ec);
    return f && f->is_string() ? std::string(f->as_string()) : std::string("<none>");
  };
  return {text("/errors/0/message"), text("/errors/0/extensions/code"),
          text("/errors/0/extensions/subCode")};
}

// The payload of a JWT, decoded.
inline boost::json::object jwt_payload(const std::string& token) {
  auto first = token.find('.');
  auto second = token.find('.', first + 1);
  if (first == std::string::npos || second == std::string::npos) return {};
  auto bytes = api::auth::base64url_decode(token.substr(first + 1, second - first - 1));
  if (!bytes) return {};
  return boost::json::parse(*bytes).as_object();
}

struct verification_link {
  std::string token, email;
};

inline std::optional<verification_link> verification_link_in(const received_mail& mail) {
  static const std::regex link(R"(/verify-email\?emailVerificationToken=([0-9a-f]+)&email=(\S+))");
  std::smatch m;
  std::string body = mail.text_body();
  if (!std::regex_search(body, m, link)) return std::nullopt;
  std::string email = m[2];
  for (auto at = email.find("%40"); at != std::string::npos; at = email.find("%40"))
    email.replace(at, 3, "@");
  return verification_link{m[1], email};
}

class accounts_env : public two_workspaces_env {
 public:
  static accounts_env& shared() {
    static auto* instance = new accounts_env();
    return *instance;
  }

  smtp_sink sink;

  // ACCESS and REFRESH tokens from a login token.
  std::pair<std::string, std::string> tokens_from_login(const std::string& login,
                                                        const std::string& origin) {
    auto t = metadata(R"(mutation($t: String!, $o: String!) {
        getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
          tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })",
                      {{"t", login}, {"o", origin}});
    return {text_at(t,
                    "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/"
                    "token"),
            text_at(t, "/data/getAuthTokensFromLoginToken/tokens/refreshToken/token")};
  }

  struct member {
    std::string email, user_id, user_workspace_id, access, refresh;
  };

  // A new user joining `workspace_id` by its public invite link (Member role). With
  // `follow_verification_mail` the user is then verified and signed in (access, refresh); without,
  // the user stays unverified and gets no session.
  member join(const std::string& email, const std::string& workspace_id,
              bool follow_verification_mail = true) {
    std::string hash =
        ws->sql("SELECT invite_hash FROM core.workspace WHERE id = '" + workspace_id + "'");
    auto joined = metadata(R"(mutation($e: String!, $p: String!, $h: String) {
        signUpInWorkspace(email: $e, password: $p, workspaceInviteHash: $h) {
          loginToken { token } workspace { id } } })",
                           {{"e", email}, {"p", member_password}, {"h", hash}});
    member m;
    m.email = email;
    if (follow_verification_mail) {
      // Verified, the login token opens a session (Twenty's checkIsEmailVerified).
      ws->sql("UPDATE core.\"user\" SET is_email_verified = true WHERE email = '" + email + "'");
      std::tie(m.access, m.refresh) = tokens_from_login(
          text_at(joined, "/data/signUpInWorkspace/loginToken/token"), origin_of(workspace_id));
    }
    m.user_id = ws->sql("SELECT id FROM core.\"user\" WHERE email = '" + email +
                        "' AND deleted_at IS NULL");
    m.user_workspace_id = ws->sql("SELECT id FROM core.user_workspace WHERE user_id = '" +
                                  m.user_id + "' AND workspace_id = '" + workspace_id + "'");
    return m;
  }

  std::string user_id_of(const std::string& email) {
    return ws->sql("SELECT id FROM core.\"user\" WHERE email = '" + email +
                   "' AND deleted_at IS NULL");
  }
  std::string user_workspace_of(const std::string& email, const std::string& workspace_id) {
    return ws->sql("SELECT id FROM core.user_workspace WHERE user_id = '" + user_id_of(email) +
                   "' AND workspace_id = '" + workspace_id + "'");
  }

  // The next mail to `to` the sink got (waiting for it), removed from the sink's list.
  std::optional<received_mail> mail_to(const std::string& to) { return sink.take_mail_to(to); }

 private:
  accounts_env() {
    ws = std::make_unique<two_workspaces>("accounts",
                                          std::map<std::string, std::string>{
                                              {"IS_EMAIL_VERIFICATION_REQUIRED", "true"},
                                              {"EMAIL_DRIVER", "smtp"},
                                              {"EMAIL_SMTP_HOST", "127.0.0.1"},
                                              {"EMAIL_SMTP_PORT", std::to_string(sink.port())},
                                              {"EMAIL_FROM_ADDRESS", "noreply@cohort.test"},
                                          });
  }
};

}  // namespace cohort::testing
