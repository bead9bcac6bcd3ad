// Issuing a session's tokens: an ACCESS token for a workspace (or a WORKSPACE_AGNOSTIC one) and a
// REFRESH token backed by a core.app_token row whose id is the token's `jti`. The access token of
// an active workspace names the caller's workspaceMember, as Twenty's does.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>

#include "api/platform/resolver_support.hpp"

namespace cohort::api::platform {

struct session_spec {
  std::string user_id;
  std::optional<std::string> workspace_id;  // none: a workspace-agnostic session
  std::optional<std::string> user_workspace_id;
  std::string auth_provider = "password";
  std::optional<std::string> family_id;  // the sign-in a renewal continues
  // An impersonation session: both tokens say so, and the refresh token lives 1 day.
  std::optional<auth::impersonation_claims> impersonation = std::nullopt;
};

// {"accessOrWorkspaceAgnosticToken": AuthToken, "refreshToken": AuthToken} (Twenty's
// AuthTokenPair), or the error to answer.
using pair_callback = std::function<void(std::optional<field_error>, json::object pair)>;

// For a workspace session, looks the member up when the workspace is active (or suspended).
void issue_token_pair(const state_ptr& state, session_spec spec, pair_callback done);

}  // namespace cohort::api::platform
