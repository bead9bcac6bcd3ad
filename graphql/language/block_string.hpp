// Block strings (`"""..."""`): the spec's BlockStringValue (common indentation and blank
// leading/trailing lines removed) and graphql-js's printBlockString.
#pragma once

#include <string>
#include <string_view>

namespace cohort::graphql::language {

// `raw` is the text between the quotes with `\"""` already unescaped and every line terminator
// turned into \n; appends the block string's value to `out`.
void dedent_block_string(std::string_view raw, std::string& out);

// Whether `value` printed as a block string reads back as the same value.
bool is_printable_as_block_string(std::string_view value);

// graphql-js printBlockString: `"""` + value, on its own lines when that reads better.
std::string print_block_string(std::string_view value, bool minimize = false);

}  // namespace cohort::graphql::language
