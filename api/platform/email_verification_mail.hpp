// The verification mail of Twenty's EmailVerificationService: with IS_EMAIL_VERIFICATION_REQUIRED
// a new single-use token (an EMAIL_VERIFICATION_TOKEN app token holding only its SHA-256, living
// EMAIL_VERIFICATION_TOKEN_EXPIRES_IN) is mailed as <base URL>/verify-email?
// emailVerificationToken=<token>&email=<address>; without the setting nothing is sent.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "api/platform/resolver_support.hpp"

namespace cohort::api::platform {

// `subdomain` picks the workspace URL of the link; empty: the front-end base URL. `done` gets
// nullopt once the mail is queued (or not needed), else why it was not.
void send_verification_email(const state_ptr& state, const std::string& user_id,
                             const std::string& email, const std::string& subdomain,
                             std::function<void(std::optional<std::string> error)> done);

}  // namespace cohort::api::platform
