// signUpInWorkspace: joining an existing workspace through its public invite hash (when the
// workspace allows the public link), a personal invitation token (single use, expiring) or an
// address of one of its validated approved access domains, as a new user or an existing one
// (whose password is checked). Answers Twenty's SignUpOutput: a
// LOGIN token for the workspace and its URLs.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "api/platform/resolver_support.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

void sign_up_in_workspace(const state_ptr& state, resolve_info& info, completion done);

// Makes `user` a member of the (active) `workspace` with its default role, consuming the personal
// invitation `invitation_id` in the same transaction; `done` gets nullopt once they are a member
// (or already were), Twenty's FORBIDDEN error when the invitation was used meanwhile. Shared by
// signUpInWorkspace and by signing in to a workspace that invited the user.
void join_workspace_as_member(const state_ptr& state, const storage::core::workspace_row& workspace,
                              const storage::core::user_row& user, std::string locale,
                              std::optional<std::string> invitation_id,
                              std::function<void(std::optional<field_error>)> done);

}  // namespace cohort::api::platform
