// The invitation e-mail of sendInvitations / resendWorkspaceInvitation, as Twenty words it: from
// "<sender's name> (via Twenty)", subject "Join your team on Twenty", and the workspace's invite
// link carrying the personal token (<workspace URL>invite/<inviteHash>?inviteToken=..&email=..).
#pragma once

#include <string>

#include "api/mail/email_message.hpp"
#include "config/settings.hpp"
#include "storage/core/core_rows.hpp"
#include "storage/core/workspace_member_repository.hpp"

namespace cohort::api::platform {

std::string invitation_link(const config::settings& settings,
                            const storage::core::workspace_row& workspace, const std::string& token,
                            const std::string& email);

mail::email_message invitation_email(const config::settings& settings,
                                     const storage::core::workspace_row& workspace,
                                     const storage::core::workspace_member_row& sender,
                                     const std::string& to, const std::string& token);

}  // namespace cohort::api::platform
