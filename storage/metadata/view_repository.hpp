// Storage of the /metadata view layer (migration 0021, core.view_entity): views and their fields,
// filters, filter groups, sorts and groups. Every statement answers the entities as the API shows
// them — `data` with id, viewId or objectMetadataId, workspaceId and timestamps merged in, and a
// view with its live children — so the resolvers only pass JSON through.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/pg/pool.hpp"

namespace cohort::storage::metadata {

enum class view_kind { view, view_field, view_filter, view_filter_group, view_sort, view_group };
std::string_view kind_name(view_kind kind);  // "view", "viewField", ...

// What a new entity of `kind` holds for each property its create input leaves out (Twenty's
// defaults: a TABLE view opening records in the side panel, a visible field, an IS filter, ...).
boost::json::object default_view_data(view_kind kind);

struct view_rows {
  std::optional<pg::error_info> error;
  std::vector<boost::json::object> rows;
};
using view_callback = std::function<void(view_rows)>;

struct view_key {
  std::string workspace_id;
  view_kind kind = view_kind::view;
  std::string id;
};

// Live entities of `kind`: views of `parent` (an object id) or children of `parent` (a view id);
// every one of the workspace when `parent` is empty. In position order.
void list_view_entities(pg::pool& pool, const std::string& workspace_id, view_kind kind,
                        const std::optional<std::string>& parent, view_callback done);
void find_view_entity(pg::pool& pool, const view_key& key, view_callback done);
// `parent` is the view of a child, the object of a view.
void insert_view_entity(pg::pool& pool, const view_key& key, const std::string& parent,
                        const boost::json::object& data, view_callback done);
// Merges `patch` into the live entity's data; `new_view` moves a child to another view.
void update_view_entity(pg::pool& pool, const view_key& key, const boost::json::object& patch,
                        const std::optional<std::string>& new_view, view_callback done);
// Soft deletion (deleted_at), answering the entity as it was.
void delete_view_entity(pg::pool& pool, const view_key& key, view_callback done);
// Removal for good; a view takes its children with it.
void destroy_view_entity(pg::pool& pool, const view_key& key, view_callback done);

// Statements a metadata change runs in its own transaction: a new entity (e.g. the INDEX view of
// a new object), every view of a deleted object with its children, and every child naming a
// deleted field.
pg::statement insert_view_entity_statement(const view_key& key, const std::string& parent,
                                           const boost::json::object& data);
pg::statement destroy_views_of_object(const std::string& workspace_id,
                                      const std::string& object_id);
pg::statement destroy_view_children_of_field(const std::string& workspace_id,
                                             const std::string& field_id);
// Views follow new options of a select field. `renamed` maps each old value that changed to its
// new value, or to null when the option is gone: kanban groups are renamed or dropped, and
// filters whose value lists option values (a JSON array, or text holding one, as Twenty stores
// it) have them renamed in, or taken out of, the list. All values map at once, so swaps work.
std::vector<pg::statement> follow_options_in_views(const std::string& workspace_id,
                                                   const std::string& field_id,
                                                   const boost::json::object& renamed);

}  // namespace cohort::storage::metadata
