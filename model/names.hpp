// Names Twenty derives from metadata names (GraphQL types, root fields, enums, join columns) and
// the validation every metadata name must pass, with Twenty's own messages. "Capitalize" means
// upper-casing the first character only: `workspaceMember` -> `WorkspaceMember`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort::model {

std::string capitalize(std::string_view name);

// Generated GraphQL names of one object (`{S}` = capitalised singular, `{P}` = plural).
struct object_type_names {
  std::string object;           // Person
  std::string connection;       // PersonConnection
  std::string edge;             // PersonEdge
  std::string filter_input;     // PersonFilterInput
  std::string order_by_input;   // PersonOrderByInput
  std::string create_input;     // PersonCreateInput
  std::string update_input;     // PersonUpdateInput
  std::string relation_input;   // PersonRelationInput (connect / disconnect a many-to-one)
  std::string group_by_input;   // PersonGroupByInput
  std::string find_many;        // people
  std::string find_one;         // person
  std::string find_duplicates;  // personDuplicates
  std::string create_one;       // createPerson
  std::string create_many;      // createPeople
  std::string update_one;       // updatePerson
  std::string update_many;      // updatePeople
  std::string delete_one;       // deletePerson
  std::string delete_many;      // deletePeople
  std::string destroy_one;      // destroyPerson
  std::string destroy_many;     // destroyPeople
  std::string restore_one;      // restorePerson
  std::string restore_many;     // restorePeople
  std::string merge_many;       // mergePeople
};
object_type_names generated_names(std::string_view name_singular, std::string_view name_plural);

// Enum of a SELECT / MULTI_SELECT / RATING field: `{S}{Field}Enum` (OpportunityStageEnum).
std::string select_enum_name(std::string_view object_singular, std::string_view field);
// Its filter input: `{S}{Field}EnumFilter`.
std::string select_enum_filter_name(std::string_view object_singular, std::string_view field);
// Column (and GraphQL field) holding a many-to-one relation's foreign key: `{field}Id`.
std::string join_column_name(std::string_view relation_field);

// Which rule a metadata name broke; the message is Twenty's wording.
enum class name_error_code {
  not_camel_case,    // INVALID_OBJECT_INPUT / INVALID_FIELD_INPUT (Twenty: NOT_CAMEL_CASE)
  reserved_keyword,  // RESERVED_KEYWORD
  invalid_string,    // INVALID_STRING
  too_long,          // EXCEEDS_MAX_LENGTH
  too_short,         // INPUT_TOO_SHORT
  singular_equals_plural,
};

struct name_error {
  name_error_code code;
  std::string message;                // developer message, names the offending value
  std::string user_friendly_message;  // shown in Twenty's UI
};

inline constexpr std::size_t max_metadata_name_length = 63;  // PostgreSQL identifier limit

// Validates an object nameSingular/namePlural or a field name the way Twenty does, checks in
// Twenty's order: camelCase, reserved keyword, characters, length.
std::optional<name_error> validate_metadata_name(std::string_view name);
bool is_reserved_keyword(std::string_view name);
// lodash's camelCase of an ASCII name, which Twenty compares the name against.
std::string lodash_camel_case(std::string_view name);

// Object-level checks beyond the names themselves.
std::optional<name_error> validate_object_names(std::string_view name_singular,
                                                std::string_view name_plural);

}  // namespace cohort::model
