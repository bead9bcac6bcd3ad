// The two-factor rule every password sign-in into a workspace goes through (Twenty's
// validateTwoFactorAuthenticationRequirement): a member with a verified method must give an OTP
// (getAuthTokensFromOTP), whether the workspace enforces 2FA or not; in a workspace that enforces
// it, a member without one must provision one first (initiateOTPProvisioning).
#include "api/platform/platform_resolvers.hpp"
#include "storage/core/two_factor_method_repository.hpp"
#include "storage/core/user_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

void require_two_factor_if_set(const state_ptr& state, const reply& out, const login_grant& login,
                               std::function<void()> next) {
  bool enforced = login.workspace.is_two_factor_authentication_enforced;
  std::string workspace_id = login.workspace.id;
  core::find_user_by_email(
      *state->pool, login.email,
      [state, out, enforced, workspace_id,
       next = std::move(next)](core::db_result<core::user_row> u) {
        if (out.failed(u)) return;
        if (!u.value) return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
        core::list_methods(
            *state->pool, u.value->id, workspace_id,
            [out, enforced, next](core::db_result<std::vector<core::two_factor_method_row>> m) {
              if (out.failed(m)) return;
              for (const auto& method : *m.value) {
                if (method.status == "VERIFIED") {
                  return out.error(
                      auth_exception("Two factor authentication verification required",
                                     "TWO_FACTOR_AUTHENTICATION_VERIFICATION_REQUIRED"));
                }
              }
              if (enforced) {
                return out.error(auth_exception("Two factor authentication setup required",
                                                "TWO_FACTOR_AUTHENTICATION_PROVISION_REQUIRED"));
              }
              next();
            });
      });
}

}  // namespace cohort::api::platform
