// The invitations suite's server: `cohort serve` with EMAIL_DRIVER=smtp pointed at a real SMTP
// sink on loopback (which insists on AUTH), two workspaces made through the API
// (two_workspaces), and helpers to send invitations, read the mailed link and join with it.
#pragma once

#include <gtest/gtest.h>

#include <regex>

#include "fixtures/smtp_sink.hpp"
#include "integration/tokens/two_workspaces.hpp"

namespace cohort::testing {

inline constexpr const char* invitee_password = "Invitee-Passw0rd!";
inline constexpr const char* mail_from = "noreply@cohort.test";

// The error's message and extensions.code of a one-error answer ("<none>" when it has none).
inline std::pair<std::string, std::string> error_of(const boost::json::value& v) {
  boost::system::error_code ec;
  const auto* message = v.find_pointer("/errors/0/message", ec);
  const auto* code = v.find_pointer("/errors/0/extensions/code", ec);
  if (!message || !code) return {"<none>", "<none>"};
  return {std::string(message->as_string()), std::string(code->as_string())};
}

struct mailed_link {
  std::string hash, token, email;
};

// The invite link of a mail's text: .../invite/<hash>?inviteToken=<token>&email=<email>.
inline std::optional<mailed_link> link_in(const received_mail& mail) {
  static const std::regex link(R"(/invite/([0-9a-f-]+)\?inviteToken=([0-9a-f]+)&email=(\S+))");
  std::smatch m;
  std::string body = mail.text_body();
  if (!std::regex_search(body, m, link)) return std::nullopt;
  std::string email = m[3];
  for (auto at = email.find("%40"); at != std::string::npos; at = email.find("%40"))
    email.replace(at, 3, "@");
  return mailed_link{m[1], m[2], email};
}

class invitation_env : public two_workspaces_env {
 public:
  static invitation_env& shared() {
    static auto* instance = new invitation_env();
    return *instance;
  }

  smtp_sink sink;

  boost::json::value send(const std::vector<std::string>& emails, const std::string& bearer) {
    boost::json::array list;
    for (const auto& e : emails) list.emplace_back(e);
    return metadata(R"(mutation($e: [String!]!) { sendInvitations(emails: $e) {
        success errors result { id email expiresAt } } })",
                    {{"e", std::move(list)}}, bearer);
  }

  // The next mail to `to` the sink got (waiting for it), removed from the sink's list.
  std::optional<received_mail> mail_to(const std::string& to) { return sink.take_mail_to(to); }

  boost::json::value join(const std::string& email, const std::optional<std::string>& hash,
                          const std::optional<std::string>& token,
                          const std::optional<std::string>& workspace_id = std::nullopt,
                          const std::string& password = invitee_password) {
    boost::json::object vars{{"e", email}, {"p", password}};
    vars["h"] = hash ? boost::json::value(*hash) : boost::json::value(nullptr);
    vars["t"] = token ? boost::json::value(*token) : boost::json::value(nullptr);
    vars["w"] = workspace_id ? boost::json::value(*workspace_id) : boost::json::value(nullptr);
    return metadata(R"(mutation($e: String!, $p: String!, $h: String, $t: String, $w: UUID) {
        signUpInWorkspace(email: $e, password: $p, workspaceInviteHash: $h,
                          workspacePersonalInviteToken: $t, workspaceId: $w) {
          loginToken { token } workspace { id workspaceUrls { subdomainUrl } } } })",
                    std::move(vars));
  }

  // An ACCESS token from signUpInWorkspace's answer (getAuthTokensFromLoginToken).
  std::string access_from(const boost::json::value& joined) {
    auto tokens = metadata(R"(mutation($t: String!, $o: String!) {
        getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
          tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                           {{"t", text_at(joined, "/data/signUpInWorkspace/loginToken/token")},
                            {"o", text_at(joined,
                                          "/data/signUpInWorkspace/workspace/workspaceUrls/"
                                          "subdomainUrl")}});
    return text_at(tokens,
                   "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token");
  }

  std::string invite_hash(const std::string& workspace_id) {
    return ws->sql("SELECT invite_hash FROM core.workspace WHERE id = '" + workspace_id + "'");
  }

 private:
  invitation_env() {
    sink.require_auth(true);
    ws = std::make_unique<two_workspaces>("invitations",
                                          std::map<std::string, std::string>{
                                              {"EMAIL_DRIVER", "smtp"},
                                              {"EMAIL_SMTP_HOST", "127.0.0.1"},
                                              {"EMAIL_SMTP_PORT", std::to_string(sink.port())},
                                              {"EMAIL_SMTP_USER", "mailer"},
                                              {"EMAIL_SMTP_PASSWORD", "mail-secret"},
                                              {"EMAIL_FROM_ADDRESS", mail_from},
                                          });
  }
};

}  // namespace cohort::testing
