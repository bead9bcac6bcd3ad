// What a subscriber's role lets it see of the record events its onDbEvent stream carries (issue 8
// §5): events of objects it may not read are skipped, and fields it may not read (their join
// columns and composite columns included) are left out of before, after, diff and updatedFields.
// Computed once from the caller's permissions and the workspace model when the stream opens.
#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "model/permissions/effective_permissions.hpp"
#include "model/workspace_model.hpp"

namespace cohort::api::subscriptions {

struct readable_events {
  bool nothing = false;  // restricted, but no model to tell what: show nothing
  std::set<std::string, std::less<>> hidden_objects;  // nameSingular
  // nameSingular -> keys an event's record may carry for a hidden field (name, join column,
  // flattened composite columns).
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> hidden_fields;

  bool shows(const std::string& object_name) const;
  // The event without what the subscriber may not read of its record.
  boost::json::object visible(const boost::json::object& event) const;
};

// Null when the caller may read everything (no permissions, or unrestricted ones). `model` may be
// null: a restricted caller then sees nothing.
std::shared_ptr<const readable_events> readable_events_of(
    const std::shared_ptr<const model::effective_permissions>& permissions,
    const model::workspace_model* model);

}  // namespace cohort::api::subscriptions
