// ISO 8601 / RFC 3339 date-times as JavaScript's Date reads and writes them, for the DateTime and
// Date scalars: parse "2019-12-03", "2019-12-03T09:54:33Z", "...+01:00", PostgreSQL's
// "2019-12-03 09:54:33.123+00"; print as toISOString() does ("2019-12-03T09:54:33.000Z").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cohort::graphql::utilities {

// Milliseconds since the Unix epoch; nullopt when the text is not a date-time. Without an offset
// the time is taken as UTC.
std::optional<std::int64_t> parse_iso_date_time(std::string_view text);

// Date.prototype.toISOString for milliseconds since the epoch (years 0..9999).
std::string format_iso_date_time(std::int64_t epoch_ms);

}  // namespace cohort::graphql::utilities
