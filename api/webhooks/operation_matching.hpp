// Which webhooks an event reaches: a webhook's operations are "<object>.<action>" patterns where
// either side may be "*" (Twenty: person.created, *.created, person.*, *.*). Pure functions; the
// fan-out query asks PostgreSQL for webhooks holding any of operations_selecting(event).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cohort::api::webhooks {

// True when `pattern` selects the event `<object>.<action>`. Matching is exact and
// case-sensitive, as Twenty's ArrayContains is; a pattern without exactly one dot selects nothing.
bool operation_matches(std::string_view pattern, std::string_view object, std::string_view action);

// True when any pattern selects the event.
bool any_operation_matches(const std::vector<std::string>& patterns, std::string_view object,
                           std::string_view action);

// The four patterns that select `<object>.<action>`, most specific first.
std::vector<std::string> operations_selecting(std::string_view object, std::string_view action);

}  // namespace cohort::api::webhooks
