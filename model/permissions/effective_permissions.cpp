#include "model/permissions/effective_permissions.hpp"

namespace cohort::model {

bool object_rights::allows(record_right right) const {
  switch (right) {
    case record_right::read:
      return read;
    case record_right::update:
      return update;
    case record_right::soft_delete:
      return soft_delete;
    case record_right::destroy:
      return destroy;
  }
  return false;
}

object_rights effective_permissions::object(std::string_view object_metadata_id) const {
  if (unrestricted) return {};
  auto it = objects.find(object_metadata_id);
  return it == objects.end() ? all_objects : it->second;
}

bool effective_permissions::may(std::string_view object_metadata_id, record_right right) const {
  return unrestricted || object(object_metadata_id).allows(right);
}

bool effective_permissions::may_read_field(std::string_view field_metadata_id) const {
  if (unrestricted) return true;
  auto it = fields.find(field_metadata_id);
  return it == fields.end() || it->second.read;
}

bool effective_permissions::may_update_field(std::string_view field_metadata_id) const {
  if (unrestricted) return true;
  auto it = fields.find(field_metadata_id);
  return it == fields.end() || it->second.update;
}

bool effective_permissions::has_flag(std::string_view flag) const {
  return unrestricted || flags.find(flag) != flags.end();
}

}  // namespace cohort::model
