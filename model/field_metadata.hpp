// One field of an object as the metadata API shows it (GraphQL type `Field` of /metadata):
// type, flags, default value, select options, settings and, for relations, the other side.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/field_type.hpp"

namespace cohort::model {

enum class relation_type { many_to_one, one_to_many };
enum class on_delete_action { cascade, set_null, restrict, no_action };

std::string_view to_string(relation_type type);       // "MANY_TO_ONE"
std::string_view to_string(on_delete_action action);  // "SET_NULL"
std::optional<relation_type> relation_type_from_string(std::string_view name);
std::optional<on_delete_action> on_delete_action_from_string(std::string_view name);

// SELECT / MULTI_SELECT / RATING option.
struct select_option {
  std::string id;
  std::string value;  // GraphQL enum value, e.g. "NEW"
  std::string label;
  std::string color = {};  // green, turquoise, sky, blue, purple, pink, red, orange, yellow, gray
  int position = 0;
};

// The Relation type of /metadata plus the relation settings Twenty keeps in `settings`.
struct field_relation {
  relation_type type = relation_type::many_to_one;
  std::string target_object_id = {};
  std::string target_object_name;  // nameSingular
  std::string target_field_id = {};
  std::string target_field_name = {};
  // Meaningful on the MANY_TO_ONE side, which owns the foreign key column.
  on_delete_action on_delete = on_delete_action::set_null;
  std::string join_column_name = {};  // "{name}Id" on MANY_TO_ONE, empty on ONE_TO_MANY
};

struct field_metadata {
  std::string id;
  std::string object_id;
  field_type type = field_type::text;
  std::string name;
  std::string label;
  std::optional<std::string> description;
  std::optional<std::string> icon;
  bool is_custom = false;
  bool is_active = true;
  bool is_system = false;
  bool is_ui_read_only = false;
  bool is_nullable = true;
  bool is_unique = false;
  bool is_label_synced_with_name = false;
  // Twenty's spelling: "'NEW'" (quoted literal), "now", "uuid", 0, false, an object per composite
  // subfield, or null when there is none.
  boost::json::value default_value;
  std::vector<select_option> options;
  // Type-specific settings as JSON: NUMBER {dataType, decimals}, TEXT {displayedMaxRows},
  // RELATION {relationType, onDelete, joinColumnName}; null when none.
  boost::json::value settings;
  std::optional<field_relation> relation;

  bool is_many_to_one() const;
  bool is_one_to_many() const;
  // "float" (default), "int" or "bigint" for NUMBER fields.
  std::string_view number_data_type() const;
  const select_option* find_option(std::string_view value) const;
  // True when a create input must carry a value: not nullable and no default.
  bool is_required_on_create() const;
};

// The relation settings JSON Twenty stores for a relation field.
boost::json::value relation_settings(const field_relation& relation);

}  // namespace cohort::model
