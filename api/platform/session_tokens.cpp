#include "api/platform/session_tokens.hpp"

#include "storage/core/app_token_repository.hpp"
#include "storage/core/workspace_member_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

void mint_pair(const state_ptr& state, const session_spec& spec,
               std::optional<std::string> member_id, pair_callback done) {
  auto lifetime = spec.impersonation ? state->tokens->lifetimes().impersonation_refresh
                                     : state->settings.refresh_token_expires_in;
  core::new_refresh_token row{spec.user_id, spec.workspace_id, spec.family_id, lifetime};
  core::insert_refresh_token(
      *state->pool, std::move(row),
      [state, spec, member_id, done = std::move(done)](core::db_result<core::refresh_token_row> r) {
        if (!r.ok()) return done(database_error(*r.error), {});
        auth::refresh_token_claims refresh;
        refresh.user_id = spec.user_id;
        refresh.workspace_id = spec.workspace_id;
        refresh.auth_provider = spec.auth_provider;
        refresh.jti = r.value->id;
        refresh.impersonation = spec.impersonation;
        json::object pair;
        if (spec.workspace_id) {
          auth::access_token_claims access;
          access.user_id = spec.user_id;
          access.workspace_id = *spec.workspace_id;
          access.workspace_member_id = member_id;
          access.user_workspace_id = spec.user_workspace_id;
          access.auth_provider = spec.auth_provider;
          access.impersonation = spec.impersonation;
          refresh.targeted_token_type = auth::token_type::access;
          pair["accessOrWorkspaceAgnosticToken"] =
              auth_token_json(state->tokens->mint_access(access));
        } else {
          refresh.targeted_token_type = auth::token_type::workspace_agnostic;
          pair["accessOrWorkspaceAgnosticToken"] = auth_token_json(
              state->tokens->mint_workspace_agnostic({spec.user_id, spec.auth_provider}));
        }
        pair["refreshToken"] = auth_token_json(state->tokens->mint_refresh(refresh));
        done(std::nullopt, std::move(pair));
      });
}

}  // namespace

void issue_token_pair(const state_ptr& state, session_spec spec, pair_callback done) {
  if (!spec.workspace_id) return mint_pair(state, spec, std::nullopt, std::move(done));
  core::find_workspace_by_id(
      *state->pool, *spec.workspace_id,
      [state, spec, done = std::move(done)](core::db_result<core::workspace_row> w) mutable {
        if (!w.ok()) return done(database_error(*w.error), {});
        if (!w.value) return done(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"), {});
        const auto& status = w.value->activation_status;
        if (status != "ACTIVE" && status != "SUSPENDED") {
          return mint_pair(state, spec, std::nullopt, std::move(done));
        }
        core::find_workspace_member(
            *state->pool, w.value->database_schema, spec.user_id,
            [state, spec, done = std::move(done)](core::db_result<core::workspace_member_row> m) {
              if (!m.ok()) return done(database_error(*m.error), {});
              std::optional<std::string> member_id;
              if (m.value) member_id = m.value->id;
              mint_pair(state, spec, std::move(member_id), std::move(done));
            });
      });
}

}  // namespace cohort::api::platform
