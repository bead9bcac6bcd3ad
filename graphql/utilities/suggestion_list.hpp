// "Did you mean ...?" as graphql-js words it: suggestionList (options within a lexical distance,
// nearest first, ties in natural order) and didYouMean (the sentence).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cohort::graphql::utilities {

std::vector<std::string> suggestion_list(std::string_view input,
                                         const std::vector<std::string_view>& options);

// " Did you mean "a", "b", or "c"?" (at most five); "" when there is no suggestion.
// `sub_message` (e.g. "the enum value") goes after "Did you mean" when not empty.
std::string did_you_mean(std::string_view sub_message, const std::vector<std::string>& suggestions);

// graphql-js naturalCompare: digit runs compare as numbers. Negative, zero or positive.
int natural_compare(std::string_view a, std::string_view b);

}  // namespace cohort::graphql::utilities
