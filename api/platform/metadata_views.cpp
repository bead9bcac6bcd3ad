// The view layer of /metadata (Twenty 1.6's CoreView API): views and their fields, filters,
// filter groups, sorts and groups of the caller's workspace, read and written through
// storage/metadata/view_repository. One table of kinds drives every root field: its entity name,
// its parent argument, and which of the two mutation styles of Twenty's resolvers it has.
#include <boost/json.hpp>

#include "api/platform/metadata_resolvers.hpp"
#include "storage/metadata/view_repository.hpp"
#include "storage/query/filter_operators.hpp"

namespace cohort::api::platform {

namespace {

namespace store = storage::metadata;
using store::view_kind;

struct kind_spec {
  view_kind kind;
  std::string_view entity;      // "View" -> getCoreView, getCoreViews, createCoreView, ...
  std::string_view plural;      // "Views"
  std::string_view parent_arg;  // getCoreViews(objectMetadataId) / getCoreViewFields(viewId)
  // viewField: update(input: {id, update}), delete/destroy(input: {id}) answering the entity;
  // the others: update(id, input), delete/destroy(id) answering a Boolean.
  bool input_style;
};

const kind_spec kinds[] = {
    {view_kind::view, "View", "Views", "objectMetadataId", false},
    {view_kind::view_field, "ViewField", "ViewFields", "viewId", true},
    {view_kind::view_filter, "ViewFilter", "ViewFilters", "viewId", false},
    {view_kind::view_filter_group, "ViewFilterGroup", "ViewFilterGroups", "viewId", false},
    {view_kind::view_sort, "ViewSort", "ViewSorts", "viewId", false},
    {view_kind::view_group, "ViewGroup", "ViewGroups", "viewId", false},
};

field_error view_error(std::string message, std::string_view code) {
  json::object ext{{"code", code}, {"userFriendlyMessage", "An error occurred."}};
  return field_error(std::move(message), std::move(ext));
}

field_error not_found(const kind_spec& spec) {
  return view_error(std::string(spec.entity) + " not found", "NOT_FOUND");
}

// Runs `body` with the caller's workspace id, or refuses an anonymous caller.
field_resolver in_workspace(
    std::function<void(const std::string& workspace, resolve_info&, reply)> body) {
  return [body = std::move(body)](resolve_info& info, completion done) {
    reply out(std::move(done));
    auto who = caller_of(info);
    if (!who.workspace_id) return out.error(forbidden_resource());
    body(*who.workspace_id, info, out);
  };
}

std::shared_ptr<storage::pg::pool> pool_of(const state_ptr& state) {
  return state->pool;
}

// Answers the first row (or null, or `missing` when set), the whole list, or true.
store::view_callback answer_one(reply out, std::optional<field_error> missing = std::nullopt) {
  return [out, missing](store::view_rows r) {
    if (r.error) return out.error(database_error(*r.error));
    if (r.rows.empty()) {
      if (missing) return out.error(*missing);
      return out.value(nullptr);
    }
    out.value(std::move(r.rows.front()));
  };
}

store::view_callback answer_bool(reply out, field_error missing) {
  return [out, missing](store::view_rows r) {
    if (r.error) return out.error(database_error(*r.error));
    if (r.rows.empty()) return out.error(missing);
    out.value(true);
  };
}

// The checks a new or moved entity passes: its object (views) or field exists in the model.
std::optional<field_error> check_references(const resolve_info& info, const json::object& input) {
  auto model = workspace_model_of(info);
  if (!model) return std::nullopt;
  if (auto object = string_arg(input, "objectMetadataId")) {
    if (!model->find_object_by_id(*object)) {
      return view_error("Object metadata " + *object + " not found", "NOT_FOUND");
    }
  }
  if (auto field = string_arg(input, "fieldMetadataId")) {
    bool found = false;
    for (const auto& o : model->objects()) found = found || o.find_field_by_id(*field);
    if (!found) return view_error("Field metadata " + *field + " not found", "NOT_FOUND");
  }
  return std::nullopt;
}

// The root field names of one kind, made once: root_resolver keeps string_views of them.
struct kind_names {
  std::string list, get, create, update, remove, destroy;
};

const kind_names& names_of(const kind_spec& spec) {
  static const std::vector<kind_names> all = [] {
    std::vector<kind_names> out;
    for (const auto& k : kinds) {
      const std::string core = "Core" + std::string(k.entity);
      out.push_back({"getCore" + std::string(k.plural), "get" + core, "create" + core,
                     "update" + core, "delete" + core, "destroy" + core});
    }
    return out;
  }();
  return all[static_cast<std::size_t>(&spec - kinds)];
}

void add_kind(resolver_list& out, const state_ptr& state, const kind_spec& spec) {
  const kind_names& name = names_of(spec);
  auto pool = pool_of(state);

  out.push_back({"Query", name.list,
                 in_workspace([pool, spec](const std::string& ws, resolve_info& info, reply r) {
                   auto parent = string_arg(info.args(), spec.parent_arg);
                   if (parent && !storage::query::is_uuid(*parent)) return r.value(json::array{});
                   store::list_view_entities(*pool, ws, spec.kind, parent,
                                             [r](store::view_rows rows) {
                                               if (rows.error) {
                                                 return r.error(database_error(*rows.error));
                                               }
                                               json::array list;
                                               for (auto& row : rows.rows) list.push_back(row);
                                               r.value(std::move(list));
                                             });
                 })});
  out.push_back({"Query", name.get,
                 in_workspace([pool, spec](const std::string& ws, resolve_info& info, reply r) {
                   auto id = string_arg(info.args(), "id").value_or("");
                   if (!storage::query::is_uuid(id)) return r.value(nullptr);
                   store::find_view_entity(*pool, {ws, spec.kind, id}, answer_one(r));
                 })});
  out.push_back(
      {"Mutation", name.create,
       in_workspace([pool, spec](const std::string& ws, resolve_info& info, reply r) {
         auto input = object_arg(info.args(), "input");
         if (auto e = check_references(info, input)) return r.error(*e);
         auto id = string_arg(input, "id").value_or(new_uuid());
         const char* parent_key = spec.kind == view_kind::view ? "objectMetadataId" : "viewId";
         auto parent = string_arg(input, parent_key).value_or("");
         json::object data = store::default_view_data(spec.kind);
         for (const auto& [k, v] : input) {
           if (k != "id" && k != parent_key) data[k] = v;
         }
         auto insert = [pool, ws, spec, id, parent, data, r] {
           store::insert_view_entity(*pool, {ws, spec.kind, id}, parent, data, answer_one(r));
         };
         if (spec.kind == view_kind::view) return insert();
         // A child needs its live view.
         store::find_view_entity(*pool, {ws, view_kind::view, parent},
                                 [insert, r](store::view_rows rows) {
                                   if (rows.error) return r.error(database_error(*rows.error));
                                   if (rows.rows.empty()) {
                                     return r.error(view_error("View not found", "NOT_FOUND"));
                                   }
                                   insert();
                                 });
       })});
  out.push_back({"Mutation", name.update,
                 in_workspace([pool, spec](const std::string& ws, resolve_info& info, reply r) {
                   auto input = object_arg(info.args(), "input");
                   std::string id = spec.input_style ? string_arg(input, "id").value_or("")
                                                     : string_arg(info.args(), "id").value_or("");
                   json::object patch = spec.input_style ? object_arg(input, "update") : input;
                   if (!storage::query::is_uuid(id)) return r.error(not_found(spec));
                   if (auto e = check_references(info, patch)) return r.error(*e);
                   std::optional<std::string> new_view;
                   if (spec.kind != view_kind::view) new_view = string_arg(patch, "viewId");
                   patch.erase("id");
                   patch.erase("viewId");
                   store::update_view_entity(*pool, {ws, spec.kind, id}, patch, new_view,
                                             answer_one(r, not_found(spec)));
                 })});
  for (const bool destroy : {false, true}) {
    out.push_back(
        {"Mutation", destroy ? std::string_view(name.destroy) : std::string_view(name.remove),
         in_workspace([pool, spec, destroy](const std::string& ws, resolve_info& info, reply r) {
           std::string id = spec.input_style
                                ? string_arg(object_arg(info.args(), "input"), "id").value_or("")
                                : string_arg(info.args(), "id").value_or("");
           if (!storage::query::is_uuid(id)) return r.error(not_found(spec));
           auto done =
               spec.input_style ? answer_one(r, not_found(spec)) : answer_bool(r, not_found(spec));
           if (destroy) {
             store::destroy_view_entity(*pool, {ws, spec.kind, id}, std::move(done));
           } else {
             store::delete_view_entity(*pool, {ws, spec.kind, id}, std::move(done));
           }
         })});
  }
}

}  // namespace

void add_metadata_view_resolvers(resolver_list& out, const state_ptr& state) {
  for (const auto& spec : kinds) add_kind(out, state, spec);
}

}  // namespace cohort::api::platform
