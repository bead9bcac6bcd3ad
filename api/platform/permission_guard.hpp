// The one check of a permission flag (spec §3.4) for every platform operation that needs one —
// roles (ROLES), API keys and webhooks (API_KEYS_AND_WEBHOOKS), metadata writes (DATA_MODEL),
// workspace settings (WORKSPACE, WORKSPACE_MEMBERS, SECURITY, ROLES per field) — and the
// FORBIDDEN answer Twenty gives when it fails (spec §3.5). The caller's rights come from its role
// (actors::caller::permissions, filled by the request gate).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "actors/request_context.hpp"
#include "api/platform/resolver_support.hpp"

namespace cohort::api::platform {

enum class guard_refusal {
  no_workspace,       // anonymous or workspace-agnostic: Twenty's "Forbidden resource"
  permission_denied,  // the role lacks the flag (FORBIDDEN, PERMISSION_DENIED)
};

// True when the caller's role grants the flag. A caller no request gate saw (null permissions:
// internal jobs, seeds, unit tests without a database) acts unrestricted.
bool holds_flag(const actors::caller& who, std::string_view flag);

// nullopt when the caller is in a workspace and holds `flag`.
std::optional<guard_refusal> check_flag(const actors::caller& who, std::string_view flag);

// {"message": "Entity performing the request does not have permission", "extensions":
// {"subCode": "PERMISSION_DENIED", "userFriendlyMessage": ..., "code": "FORBIDDEN"}}
field_error permission_denied_error();
field_error guard_error(guard_refusal why);

// The caller's workspace id when it holds `flag`; otherwise the refusal is answered on `out`.
std::optional<std::string> workspace_with_flag(const resolve_info& info, const reply& out,
                                               std::string_view flag);

// updateWorkspace is guarded per field (spec §3.4): displayName, subdomain, logo, customDomain,
// trashRetentionDays need WORKSPACE; inviteHash WORKSPACE_MEMBERS; the sign-in, impersonation,
// 2FA, invite-link and profile settings SECURITY; defaultRoleId ROLES. The first flag the input
// needs and the caller lacks, if any (Twenty does not check while the workspace is
// PENDING_CREATION: the caller decides that).
std::optional<std::string_view> missing_workspace_update_flag(const actors::caller& who,
                                                              const json::object& data);

}  // namespace cohort::api::platform
