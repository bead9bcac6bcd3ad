// signUpInWorkspace: joining an existing workspace through its public invite hash (when the
// workspace allows the public link) or a personal invitation token (single use, expiring), as a
// new user or an existing one (whose password is checked). Answers Twenty's SignUpOutput: a
// LOGIN token for the workspace and its URLs.
#pragma once

#include "api/platform/resolver_support.hpp"

namespace cohort::api::platform {

void sign_up_in_workspace(const state_ptr& state, resolve_info& info, completion done);

}  // namespace cohort::api::platform
