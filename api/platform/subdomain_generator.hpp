// Subdomains of new workspaces as Twenty picks them: the company part of a work e-mail address
// ("acme" for jane@acme.com), else three random words (adjective-colour-animal, e.g.
// "swift-aqua-phoenix"); and Twenty's rule for a subdomain a user chooses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::platform {

std::string random_subdomain();

// The first label of the e-mail's domain, unless the domain is a personal mailbox provider
// (gmail.com, outlook.com, ...) or the label is not a valid subdomain.
std::optional<std::string> subdomain_from_work_email(std::string_view email);

// 3 to 30 of [a-z0-9-], not starting or ending with '-', not starting with "api-".
bool is_valid_subdomain(std::string_view subdomain);

}  // namespace cohort::api::platform
