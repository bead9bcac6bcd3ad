// Approved access domains (Twenty 1.6's ApprovedAccessDomainResolver, every operation guarded by
// WORKSPACE_MEMBERS): getApprovedAccessDomains, createApprovedAccessDomain (a company domain, once
// per workspace, its validation link mailed to an address of that domain),
// validateApprovedAccessDomain (the link's token: Twenty's SHA-256 of {"id","domain","key":
// APP_SECRET}) and deleteApprovedAccessDomain. Rows are only ever looked up in the caller's
// workspace. Errors are Twenty's ApprovedAccessDomainException, all FORBIDDEN. Unlike Twenty, the
// e-mail's domain is checked before the row is written, so a refused create leaves nothing.
#include <spdlog/spdlog.h>

#include "api/auth/crypto.hpp"
#include "api/mail/mail_sender.hpp"
#include "api/platform/permission_guard.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/subdomain_generator.hpp"
#include "api/platform/workspace_urls.hpp"
#include "storage/core/approved_access_domain_repository.hpp"
#include "storage/core/workspace_member_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

field_error domain_error(std::string message, std::string_view sub_code) {
  json::object ext;
  ext["subCode"] = sub_code;
  ext["userFriendlyMessage"] = message;
  ext["code"] = "FORBIDDEN";
  return field_error(std::move(message), std::move(ext));
}

field_error not_found() {
  return domain_error("Approved access domain not found", "APPROVED_ACCESS_DOMAIN_NOT_FOUND");
}

json::object domain_json(const core::approved_access_domain_row& row) {
  return json::object{{"id", row.id},
                      {"domain", row.domain},
                      {"isValidated", row.is_validated},
                      {"createdAt", row.created_at}};
}

// Twenty's generateUniqueHash: SHA-256 (hex) of JSON.stringify({id, domain, key: APP_SECRET}).
std::string validation_token(const state_ptr& state, const core::approved_access_domain_row& row) {
  json::object o;
  o["id"] = row.id;
  o["domain"] = row.domain;
  o["key"] = state->tokens->app_secret();
  return auth::to_hex(auth::sha256(json::serialize(o)));
}

// Twenty's isWorkDomain: not a personal mailbox provider (the list subdomain_generator knows).
bool is_company_domain(const std::string& domain) {
  return domain.find('.') != std::string::npos && domain.find('@') == std::string::npos &&
         subdomain_from_work_email("x@" + domain).has_value();
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

mail::email_message validation_mail(const core::workspace_row& workspace,
                                    const core::workspace_member_row& sender, const std::string& to,
                                    const std::string& domain, const std::string& link) {
  std::string name = sender.first_name + " " + sender.last_name;
  std::string workspace_name = workspace.display_name.value_or("their workspace");
  mail::email_message m;
  m.to = to;
  m.subject = "Approve your access domain";
  m.from_name = name + " (via Twenty)";
  m.text = name + " (" + sender.user_email + ") asks you to approve " + domain +
           " as an access domain of " + workspace_name + ":\n" + link + "\n";
  m.html = "<p>" + name + " (" + sender.user_email + ") asks you to approve " + domain +
           " as an access domain of " + workspace_name + ":</p><p><a href=\"" + link + "\">" +
           link + "</a></p>";
  return m;
}

void get_domains(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "WORKSPACE_MEMBERS");
  if (!ws) return;
  core::list_approved_access_domains(
      *state->pool, *ws, [out](core::db_result<std::vector<core::approved_access_domain_row>> r) {
        if (out.failed(r)) return;
        json::array list;
        for (const auto& row : *r.value) list.push_back(domain_json(row));
        out.value(std::move(list));
      });
}

void create_domain(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "WORKSPACE_MEMBERS");
  if (!ws) return;
  auto who = caller_of(info);
  auto input = object_arg(info.args(), "input");
  std::string domain = lower(string_arg(input, "domain").value_or(""));
  std::string email = normalize_email(string_arg(input, "email").value_or(""));
  if (!is_company_domain(domain)) {
    return out.error(domain_error("Approved access domain must be a company domain",
                                  "APPROVED_ACCESS_DOMAIN_MUST_BE_A_COMPANY_DOMAIN"));
  }
  auto at = email.find('@');
  if (at == std::string::npos || email.substr(at + 1) != domain) {
    return out.error(domain_error("Approved access domain does not match email domain",
                                  "APPROVED_ACCESS_DOMAIN_DOES_NOT_MATCH_DOMAIN_EMAIL"));
  }
  std::string user_id = who.user_id.value_or("");
  core::find_workspace_by_id(
      *state->pool, *ws,
      [state, out, user_id, domain, email](core::db_result<core::workspace_row> w) {
        if (out.failed(w)) return;
        if (!w.value)
          return out.error(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"));
        core::workspace_row workspace = std::move(*w.value);
        core::find_workspace_member(
            *state->pool, workspace.database_schema, user_id,
            [state, out, workspace, domain, email](core::db_result<core::workspace_member_row> m) {
              if (out.failed(m)) return;
              if (!m.value) return out.error(internal_error("Workspace member not found"));
              core::workspace_member_row sender = std::move(*m.value);
              core::insert_approved_access_domain(
                  *state->pool, workspace.id, domain,
                  [state, out, workspace, sender,
                   email](core::db_result<core::approved_access_domain_row> r) {
                    if (!r.ok() && r.error->sqlstate == storage::pg::sqlstate::unique_violation) {
                      return out.error(domain_error("Approved access domain already registered.",
                                                    "APPROVED_ACCESS_DOMAIN_ALREADY_REGISTERED"));
                    }
                    if (out.failed(r)) return;
                    auto row = std::move(*r.value);
                    std::string link = subdomain_url(state->settings, workspace.subdomain) +
                                       "settings/domains?wtdId=" + row.id +
                                       "&validationToken=" + validation_token(state, row);
                    mail::enqueue_email(*state->pool,
                                        validation_mail(workspace, sender, email, row.domain, link),
                                        [out, row](std::optional<std::string> error) {
                                          if (error) return out.error(internal_error(*error));
                                          out.value(domain_json(row));
                                        });
                  });
            });
      });
}

void validate_domain(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "WORKSPACE_MEMBERS");
  if (!ws) return;
  auto input = object_arg(info.args(), "input");
  std::string token = string_arg(input, "validationToken").value_or("");
  std::string id = string_arg(input, "approvedAccessDomainId").value_or("");
  std::string workspace_id = *ws;
  core::find_approved_access_domain(
      *state->pool, workspace_id, id,
      [state, out, token, workspace_id](core::db_result<core::approved_access_domain_row> r) {
        if (out.failed(r)) return;
        if (!r.value) return out.error(not_found());
        auto already = [out] {
          out.error(domain_error("Approved access domain has already been validated",
                                 "APPROVED_ACCESS_DOMAIN_ALREADY_VALIDATED"));
        };
        if (r.value->is_validated) return already();
        if (validation_token(state, *r.value) != token) {
          return out.error(domain_error("Invalid approved access domain validation token",
                                        "APPROVED_ACCESS_DOMAIN_VALIDATION_TOKEN_INVALID"));
        }
        core::validate_approved_access_domain(
            *state->pool, workspace_id, r.value->id,
            [out, already](core::db_result<core::approved_access_domain_row> v) {
              if (out.failed(v)) return;
              if (!v.value) return already();  // validated meanwhile
              out.value(domain_json(*v.value));
            });
      });
}

void delete_domain(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "WORKSPACE_MEMBERS");
  if (!ws) return;
  std::string id = string_arg(object_arg(info.args(), "input"), "id").value_or("");
  core::delete_approved_access_domain(*state->pool, *ws, id, [out](core::db_result<bool> r) {
    if (out.failed(r)) return;
    if (!*r.value) return out.error(not_found());
    out.value(true);
  });
}

}  // namespace

void add_approved_access_domain_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Query", "getApprovedAccessDomains", [state](resolve_info& info, completion done) {
                   get_domains(state, info, std::move(done));
                 }});
  out.push_back(
      {"Mutation", "createApprovedAccessDomain", [state](resolve_info& info, completion done) {
         create_domain(state, info, std::move(done));
       }});
  out.push_back(
      {"Mutation", "validateApprovedAccessDomain", [state](resolve_info& info, completion done) {
         validate_domain(state, info, std::move(done));
       }});
  out.push_back(
      {"Mutation", "deleteApprovedAccessDomain", [state](resolve_info& info, completion done) {
         delete_domain(state, info, std::move(done));
       }});
}

}  // namespace cohort::api::platform
