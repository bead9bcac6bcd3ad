// The security mails around recovery codes (newer Twenty sends both): the member hears when an
// admin issues them a code and when a code reset their 2FA, so neither goes unnoticed if it was
// not their doing. Queued through the e-mail job like every mail; a mail that cannot be queued is
// logged and the operation goes on, as in Twenty.
#pragma once

#include <functional>
#include <string>

#include "api/platform/resolver_support.hpp"

namespace cohort::api::platform {

struct recovery_code_issued_mail {
  std::string to;
  std::string issued_by;  // the admin's name, or e-mail when they have none
  std::string workspace_name;
  std::string expires_at;  // ISO
};

// Queues the mail, then `then` (also when it could not be queued).
void mail_recovery_code_issued(const state_ptr& state, const recovery_code_issued_mail& mail,
                               std::function<void()> then);
void mail_two_factor_reset(const state_ptr& state, const std::string& to,
                           const std::string& workspace_name, std::function<void()> then);

}  // namespace cohort::api::platform
