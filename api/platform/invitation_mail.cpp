#include "api/platform/invitation_mail.hpp"

#include "api/auth/url_encoding.hpp"
#include "api/platform/workspace_urls.hpp"

namespace cohort::api::platform {

namespace {

std::string html_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string full_name(const storage::core::workspace_member_row& m) {
  std::string name = m.first_name;
  if (!m.last_name.empty()) name += (name.empty() ? "" : " ") + m.last_name;
  return name;
}

}  // namespace

std::string invitation_link(const config::settings& settings,
                            const storage::core::workspace_row& workspace, const std::string& token,
                            const std::string& email) {
  auto urls = workspace_urls_json(settings, workspace);
  std::string base;
  if (auto* custom = urls.if_contains("customUrl"); custom && custom->is_string())
    base = std::string(custom->as_string());
  else
    base = std::string(urls.at("subdomainUrl").as_string());
  if (base.empty() || base.back() != '/') base += '/';
  return base + "invite/" + workspace.invite_hash.value_or("") +
         "?inviteToken=" + auth::encode_form_component(token) +
         "&email=" + auth::encode_form_component(email);
}

mail::email_message invitation_email(const config::settings& settings,
                                     const storage::core::workspace_row& workspace,
                                     const storage::core::workspace_member_row& sender,
                                     const std::string& to, const std::string& token) {
  std::string link = invitation_link(settings, workspace, token, to);
  std::string sender_name = full_name(sender);
  std::string who =
      sender_name.empty() ? sender.user_email : sender_name + " (" + sender.user_email + ")";
  std::string workspace_name = workspace.display_name.value_or("");
  mail::email_message m;
  m.to = to;
  m.subject = "Join your team on Twenty";
  m.from_name = sender_name + " (via Twenty)";
  m.text = "Join your team on Twenty\n\n" + who + " has invited you to join a workspace called " +
           workspace_name + ".\n\nAccept invite: " + link + "\n";
  m.html = "<!DOCTYPE html><html><body><h1>Join your team on Twenty</h1><p>" + html_escaped(who) +
           " has invited you to join a workspace called <b>" + html_escaped(workspace_name) +
           "</b>.</p><p><a href=\"" + html_escaped(link) + "\">Accept invite</a></p></body></html>";
  return m;
}

}  // namespace cohort::api::platform
