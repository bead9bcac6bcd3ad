// The declaration language of the standard objects: each standard object is written once, as
// data, in its own file under objects/ (objects/company.cpp, objects/person.cpp, ...).
// standard_objects() turns these declarations into object_metadata with stable ids.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/field_metadata.hpp"
#include "model/field_type.hpp"

namespace cohort::model::standard {

struct option_def {
  std::string_view value;
  std::string_view label;
  std::string_view color;
  int position;  // as Twenty numbers them (sync statuses start at 1)
};

struct relation_def {
  relation_type type;
  std::string_view target_object;  // nameSingular
  std::string_view target_field;   // the inverse field on the target
  // Declared on the MANY_TO_ONE side, which owns the foreign key.
  on_delete_action on_delete = on_delete_action::set_null;
};

struct field_def {
  std::string_view name;
  field_type type;
  std::string_view label;
  std::string_view description;
  std::string_view icon;
  bool nullable = true;
  bool system = false;
  bool unique = false;
  std::string_view default_value = "null";  // JSON text, Twenty's spelling ("'NEW'", "now", ...)
  std::string_view settings = "null";       // JSON text
  std::vector<option_def> options = {};
  std::optional<relation_def> relation = std::nullopt;
};

struct object_def {
  std::string_view name_singular;
  std::string_view name_plural;
  std::string_view label_singular;
  std::string_view label_plural;
  std::string_view description;
  std::string_view icon;
  std::string_view shortcut = {};
  bool system = false;
  bool searchable = false;
  std::string_view label_identifier = "id";
  std::string_view image_identifier = {};
  // The fields searchVector is computed from, in order (Twenty's SEARCH_FIELDS_FOR_<OBJECT>);
  // empty: the label identifier.
  std::vector<std::string_view> search_fields = {};
  // Column names (composite subfields as columns), e.g. {"nameFirstName", "nameLastName"}.
  std::vector<std::vector<std::string_view>> duplicate_criteria = {};
  std::vector<field_def> fields = {};
  // Unique indexes over several fields (field names; a relation stands for its join column),
  // among live rows, e.g. a view's field appears once per view: {"fieldMetadataId", "view"}.
  std::vector<std::vector<std::string_view>> unique_indexes = {};
};

// One declaration per standard object, one file each under objects/.
// crm
object_def company_object();
object_def person_object();
object_def opportunity_object();
object_def task_object();
object_def task_target_object();
object_def note_object();
object_def note_target_object();
// workspace
object_def workspace_member_object();
object_def timeline_activity_object();
object_def attachment_object();
object_def favorite_object();
object_def favorite_folder_object();
object_def blocklist_object();
// messaging
object_def connected_account_object();
object_def message_thread_object();
object_def message_object();
object_def message_channel_object();
object_def message_participant_object();
object_def message_channel_message_association_object();
object_def message_folder_object();
// calendar
object_def calendar_event_object();
object_def calendar_channel_object();
object_def calendar_channel_event_association_object();
object_def calendar_event_participant_object();
// workflow
object_def workflow_object();
object_def workflow_version_object();
object_def workflow_run_object();
object_def workflow_automated_trigger_object();
// view
object_def view_object();
object_def view_field_object();
object_def view_filter_object();
object_def view_filter_group_object();
object_def view_group_object();
object_def view_sort_object();

}  // namespace cohort::model::standard
