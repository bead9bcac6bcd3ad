// Deterministic ids for standard metadata: a name-based UUID (RFC 4122 version 5, SHA-1) of a
// path such as "person.emails", so that every workspace gives the same standard object, field
// and option the same id and clients can keep ids across workspaces and restarts.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cohort::model {

std::array<std::uint8_t, 20> sha1(std::string_view data);

// RFC 4122 §4.3 name-based UUID, version 5; `namespace_id` is a canonical UUID string.
std::string uuid_v5(std::string_view namespace_id, std::string_view name);

// The namespace of every Cohort standard id.
inline constexpr std::string_view standard_id_namespace = "6f3c0a52-6a0e-4c1b-9d3a-2b7c4e1f0d59";

std::string standard_object_id(std::string_view object);                         // "person"
std::string standard_field_id(std::string_view object, std::string_view field);  // "person.name"
std::string standard_option_id(std::string_view object, std::string_view field,
                               std::string_view value);  // "opportunity.stage.NEW"

}  // namespace cohort::model
