// Request text as a JavaScript server sees it: bytes decoded as UTF-8 with every invalid sequence
// (and every encoded surrogate) replaced by U+FFFD. Twenty's Node decodes request bodies this way
// before JSON.parse; doing the same keeps invalid bytes out of documents, messages and responses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort::graphql::service {

// nullopt when `text` is valid UTF-8 already (the common case: one scan, no copy).
std::optional<std::string> repair_utf8(std::string_view text);

}  // namespace cohort::graphql::service
