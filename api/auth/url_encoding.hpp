// The two ways links in tokens and mails encode a value, as Twenty's JavaScript does: like
// encodeURIComponent (otpauth URIs, verification links) and like URLSearchParams
// (application/x-www-form-urlencoded: invitation links).
#pragma once

#include <string>
#include <string_view>

namespace cohort::api::auth {

// Keeps A-Z a-z 0-9 - _ . ! ~ * ' ( ) and percent-encodes every other UTF-8 byte.
std::string encode_uri_component(std::string_view text);

// Keeps A-Z a-z 0-9 - _ . *, writes a space as '+', percent-encodes every other byte.
std::string encode_form_component(std::string_view text);

}  // namespace cohort::api::auth
