// Small helpers the metadata planners share: ids, input reading, lookups in a model being changed.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/object_metadata.hpp"

namespace cohort::actors::metadata {

// Moves `more` (DDL statements) to the end of `out`.
void append(std::vector<std::string>& out, std::vector<std::string> more);

// A random (version 4) UUID.
std::string random_uuid();

// A string input (nullopt when absent or null); `trimmed` also strips the blanks around it.
std::optional<std::string> input_string(const boost::json::object& input, std::string_view key);
std::string trim(std::string_view text);
std::optional<bool> input_bool(const boost::json::object& input, std::string_view key);
// A nested input object ("update"), empty when absent.
boost::json::object input_object(const boost::json::object& input, std::string_view key);

model::object_metadata* find_object(std::vector<model::object_metadata>& objects,
                                    std::string_view id);
model::field_metadata* find_field(model::object_metadata& object, std::string_view id);
// The object holding field `id`, or nullptr.
model::object_metadata* object_of_field(std::vector<model::object_metadata>& objects,
                                        std::string_view field_id);

}  // namespace cohort::actors::metadata
