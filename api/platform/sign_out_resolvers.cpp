// signOut(refreshToken): ends the session the refresh token belongs to — every refresh token of
// its sign-in (the token and its renewals) is deleted, so none renews again. Like Twenty's it is
// public and always answers true: it reveals nothing about the token given. This server keeps no
// session cookie (Bearer tokens only), so there is no cookie to clear.
// Twenty 1.6's schema has no signOut (its client just forgets the tokens); newer Twenty's has, and
// it is served beside 1.6's root fields (platform_schema.hpp: newer_root_fields).
#include "api/platform/platform_resolvers.hpp"
#include "storage/core/app_token_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

void sign_out(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto token = string_arg(info.args(), "refreshToken");
  if (!token) return out.value(true);
  auto verified = state->tokens->verify(*token, auth::token_type::refresh);
  if (!verified || verified->jti().empty()) return out.value(true);
  std::string user_id(verified->user_id().empty() ? verified->subject() : verified->user_id());
  core::revoke_refresh_session(*state->pool, std::string(verified->jti()), std::move(user_id),
                               [out](core::db_result<long> revoked) {
                                 if (out.failed(revoked)) return;
                                 out.value(true);
                               });
}

}  // namespace

void add_sign_out_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Mutation", "signOut", [state](resolve_info& info, completion done) {
                   sign_out(state, info, std::move(done));
                 }});
}

}  // namespace cohort::api::platform
