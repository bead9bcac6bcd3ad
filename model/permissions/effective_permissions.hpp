// What one caller may do in one workspace, resolved from its role (a member's role, an API key's
// role): per-object record rights, per-field restrictions and the permission flags (spec
// §3.1-§3.4). Plain data: storage/core loads it, the request gate hands it to every request in
// actors::caller::permissions, and the checks (records, metadata, platform) read it.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cohort::model {

// The record operations of an object permission (ObjectPermission's can*ObjectRecords).
enum class record_right { read, update, soft_delete, destroy };

struct object_rights {
  bool read = true;
  bool update = true;
  bool soft_delete = true;
  bool destroy = true;
  bool allows(record_right right) const;
};

// A field permission only ever restricts (Twenty's ONLY_FIELD_RESTRICTION_ALLOWED).
struct field_rights {
  bool read = true;
  bool update = true;
};

// Lets the maps below be searched with a string_view (the metadata ids the checks hold) without
// building a std::string per lookup.
struct id_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};
template <class Rights>
using rights_by_id = std::unordered_map<std::string, Rights, id_hash, std::equal_to<>>;

struct effective_permissions {
  std::string role_id;
  std::string role_label;
  // Admin-like: every right and every flag; the checks skip their work.
  bool unrestricted = false;
  // The role's can*AllObjectRecords, for objects without their own object permission.
  object_rights all_objects;
  // Object permissions keyed by objectMetadataId (they override all_objects for that object).
  rights_by_id<object_rights> objects;
  // Field permissions keyed by fieldMetadataId; fields absent here are unrestricted.
  rights_by_id<field_rights> fields;
  // Effective PermissionFlagType keys, canUpdateAllSettings / canAccessAllTools expanded.
  std::set<std::string, std::less<>> flags;

  object_rights object(std::string_view object_metadata_id) const;
  bool may(std::string_view object_metadata_id, record_right right) const;
  bool may_read_field(std::string_view field_metadata_id) const;
  bool may_update_field(std::string_view field_metadata_id) const;
  bool has_flag(std::string_view flag) const;
};

}  // namespace cohort::model
