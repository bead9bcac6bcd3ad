// Rules for the options of SELECT / MULTI_SELECT fields (platform spec §4.4): at least one option,
// values that are GraphQL enum names, no comma in labels, no duplicate value, id or position,
// and a default that names an existing option.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/field_metadata.hpp"

namespace cohort::model {

inline constexpr std::string_view option_colors[] = {
    "green", "turquoise", "sky", "blue", "purple", "pink", "red", "orange", "yellow", "gray"};

// Trims value and label and collapses runs of whitespace inside the label, as Twenty does
// before validating.
select_option normalize_option(select_option option);

// nullopt when valid, otherwise the message a client sees (BAD_USER_INPUT).
std::optional<std::string> validate_options(const std::vector<select_option>& options);

// `default_value` is Twenty's spelling: "'VALUE'" for SELECT, ["'A'", "'B'"] for MULTI_SELECT.
std::optional<std::string> validate_option_default(field_type type,
                                                   const boost::json::value& default_value,
                                                   const std::vector<select_option>& options);

// "'NEW'" -> "NEW"; nullopt when the text is not a single-quoted literal.
std::optional<std::string> unquote_literal(std::string_view literal);

}  // namespace cohort::model
