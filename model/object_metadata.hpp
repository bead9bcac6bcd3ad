// One object (table) of a workspace as the metadata API shows it (GraphQL type `Object` of
// /metadata): names, labels, flags, label and image identifiers, duplicate criteria, fields and
// indexes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/field_metadata.hpp"
#include "model/index_metadata.hpp"

namespace cohort::model {

struct object_metadata {
  std::string id;
  std::string name_singular;
  std::string name_plural;
  std::string label_singular;
  std::string label_plural;
  std::optional<std::string> description;
  std::optional<std::string> icon;
  std::optional<std::string> shortcut;
  bool is_custom = false;
  bool is_active = true;
  bool is_system = false;
  bool is_remote = false;
  bool is_ui_read_only = false;
  bool is_searchable = false;
  bool is_label_synced_with_name = false;
  std::optional<std::string> label_identifier_field_id;
  std::optional<std::string> image_identifier_field_id;
  // Groups of column names (composite subfields spelled as columns, e.g. "emailsPrimaryEmail");
  // two records are duplicates when every column of one group matches.
  std::vector<std::vector<std::string>> duplicate_criteria;
  // The fields a TS_VECTOR field (searchVector) is computed from, in order: the label identifier
  // unless the object names others (Twenty's search fields: person is name, emails, phones,
  // jobTitle).
  std::vector<std::string> search_fields;
  std::vector<field_metadata> fields;
  std::vector<index_metadata> indexes;

  const field_metadata* find_field(std::string_view name) const;
  const field_metadata* find_field_by_id(std::string_view id) const;
  const field_metadata* label_identifier_field() const;
  const field_metadata* image_identifier_field() const;
  // Twenty's table name: nameSingular, prefixed with "_" for custom objects.
  std::string table_name() const;
};

}  // namespace cohort::model
