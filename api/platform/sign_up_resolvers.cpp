// signUp (a user and a workspace-agnostic session), signUpInNewWorkspace (a PENDING_CREATION
// workspace and a login token for it) and checkUserExists.
#include "api/auth/password.hpp"
#include "api/platform/email_verification_mail.hpp"
#include "api/platform/platform_json.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/session_tokens.hpp"
#include "api/platform/subdomain_generator.hpp"
#include "api/platform/workspace_urls.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

bool is_unique_violation(const storage::pg::error_info& e) {
  return e.sqlstate == storage::pg::sqlstate::unique_violation;
}

void sign_up(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string email = normalize_email(string_arg(info.args(), "email").value_or(""));
  std::string password = string_arg(info.args(), "password").value_or("");
  std::string locale = string_arg(info.args(), "locale").value_or("en");
  if (email.find('@') == std::string::npos) {
    return out.error(auth_exception("Email is not valid", "INVALID_INPUT"));
  }
  // argon2id costs ~40 ms of CPU: never on the caller's (scheduler or I/O) thread.
  state->run_blocking([state, out, email, password, locale] {
    auto hash = auth::hash_password(password);
    if (!hash) return out.error(from_auth_error(hash.error()));
    core::new_user user{email, std::move(hash).value(), "", "", locale};
    core::create_user(
        *state->pool, std::move(user), [state, out](core::db_result<core::user_row> r) {
          if (!r.ok()) {
            // Twenty answers a taken address with its TypeORM constraint text (golden
            // errors.jsonl).
            if (is_unique_violation(*r.error)) {
              return out.error(internal_error(
                  "duplicate key value violates unique constraint \"UQ_USER_EMAIL\""));
            }
            return out.error(database_error(*r.error));
          }
          // With IS_EMAIL_VERIFICATION_REQUIRED the address gets its verification link; a mail
          // that could not be queued is logged, as Twenty's sign-up does not fail for it.
          send_verification_email(state, r.value->id, r.value->email, "",
                                  [](std::optional<std::string>) {});
          issue_token_pair(state,
                           {r.value->id, std::nullopt, std::nullopt, "password", std::nullopt},
                           [out](std::optional<field_error> e, json::object pair) {
                             if (e) return out.error(std::move(*e));
                             json::object result;
                             result["availableWorkspaces"] =
                                 json::object{{"availableWorkspacesForSignIn", json::array()},
                                              {"availableWorkspacesForSignUp", json::array()}};
                             result["tokens"] = std::move(pair);
                             out.value(std::move(result));
                           });
        });
  });
}

// Tries the preferred subdomain, then random ones, until one is free.
void create_workspace_with_free_subdomain(
    const state_ptr& state, std::string user_id, std::string subdomain, int attempts_left,
    std::function<void(core::db_result<core::pending_workspace>)> done) {
  core::create_pending_workspace(
      *state->pool, user_id, subdomain, std::nullopt,
      [state, user_id, attempts_left, done](core::db_result<core::pending_workspace> r) {
        if (!r.ok() && is_unique_violation(*r.error) && attempts_left > 0) {
          return create_workspace_with_free_subdomain(state, user_id, random_subdomain(),
                                                      attempts_left - 1, done);
        }
        done(std::move(r));
      });
}

void sign_up_in_new_workspace(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (!who.user_id) return out.error(forbidden_resource());
  core::find_user_by_id(
      *state->pool, *who.user_id, [state, out, who](core::db_result<core::user_row> u) {
        if (out.failed(u)) return;
        if (!u.value) return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
        std::string subdomain =
            subdomain_from_work_email(u.value->email).value_or(random_subdomain());
        std::string email = u.value->email;
        create_workspace_with_free_subdomain(
            state, u.value->id, subdomain, 10,
            [state, out, who, email](core::db_result<core::pending_workspace> r) {
              if (out.failed(r)) return;
              const auto& w = r.value->workspace;
              auth::login_token_claims claims;
              claims.email = email;
              claims.workspace_id = w.id;
              claims.auth_provider = who.auth_provider.empty() ? "password" : who.auth_provider;
              claims.jti = new_uuid();
              json::object result;
              result["loginToken"] = auth_token_json(state->tokens->mint_login(claims));
              result["workspace"] = json::object{
                  {"id", w.id}, {"workspaceUrls", workspace_urls_json(state->settings, w)}};
              out.value(std::move(result));
            });
      });
}

void check_user_exists(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string email = normalize_email(string_arg(info.args(), "email").value_or(""));
  core::find_user_by_email(
      *state->pool, email, [state, out, email](core::db_result<core::user_row> u) {
        if (out.failed(u)) return;
        bool exists = u.value.has_value();
        bool verified = exists && u.value->is_email_verified;
        // Twenty counts every workspace the address may sign in to or join (an approved domain,
        // an invitation), with or without an account.
        available_workspaces(
            state, exists ? u.value->id : std::string(), email,
            [out, exists, verified](std::optional<field_error> e, json::object lists) {
              if (e) return out.error(std::move(*e));
              std::size_t count = lists["availableWorkspacesForSignIn"].as_array().size() +
                                  lists["availableWorkspacesForSignUp"].as_array().size();
              out.value(json::object{{"exists", exists},
                                     {"availableWorkspacesCount", count},
                                     {"isEmailVerified", verified}});
            });
      });
}

}  // namespace

void add_sign_up_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Mutation", "signUp", [state](resolve_info& info, completion done) {
                   sign_up(state, info, std::move(done));
                 }});
  out.push_back({"Mutation", "signUpInNewWorkspace", [state](resolve_info& info, completion done) {
                   sign_up_in_new_workspace(state, info, std::move(done));
                 }});
  out.push_back({"Query", "checkUserExists", [state](resolve_info& info, completion done) {
                   check_user_exists(state, info, std::move(done));
                 }});
}

}  // namespace cohort::api::platform
