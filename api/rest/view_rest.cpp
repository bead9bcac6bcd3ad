#include "api/rest/view_rest.hpp"

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/rest/metadata_list.hpp"
#include "api/rest/query_string.hpp"
#include "api/rest/rest_body.hpp"
#include "storage/query/filter_operators.hpp"

namespace cohort::api::rest {

namespace {

namespace json = boost::json;

constexpr std::string_view prefix = "/rest/metadata/";

constexpr const char* view_field_selection =
    "id fieldMetadataId isVisible size position aggregateOperation viewId workspaceId createdAt "
    "updatedAt deletedAt";
constexpr const char* view_filter_selection =
    "id fieldMetadataId operand value viewFilterGroupId positionInViewFilterGroup subFieldName "
    "viewId workspaceId createdAt updatedAt deletedAt";
constexpr const char* view_filter_group_selection =
    "id parentViewFilterGroupId logicalOperator positionInViewFilterGroup viewId workspaceId "
    "createdAt updatedAt deletedAt";
constexpr const char* view_sort_selection =
    "id fieldMetadataId direction viewId workspaceId createdAt updatedAt deletedAt";
constexpr const char* view_group_selection =
    "id fieldMetadataId isVisible fieldValue position viewId workspaceId createdAt updatedAt "
    "deletedAt";

const std::string& view_selection() {
  static const std::string text =
      std::string(
          "id name objectMetadataId type key icon position isCompact isCustom openRecordIn "
          "kanbanAggregateOperation kanbanAggregateOperationFieldMetadataId "
          "calendarFieldMetadataId workspaceId anyFieldFilterValue calendarLayout createdAt "
          "updatedAt deletedAt viewFields { ") +
      view_field_selection + " } viewFilters { " + view_filter_selection +
      " } viewFilterGroups { " + view_filter_group_selection + " } viewSorts { " +
      view_sort_selection + " } viewGroups { " + view_group_selection + " }";
  return text;
}

// One REST family and the CoreView operations of /metadata it maps to.
struct family {
  std::string_view plural;      // "viewFields": the path segment and the list key
  std::string_view singular;    // "viewField": the key of one
  std::string_view entity;      // "ViewField": getCoreViewField, createCoreViewField, ...
  std::string_view label;       // "View field": Twenty's REST not-found message
  std::string_view parent_arg;  // the list filter (a query parameter of the same name)
  // viewField: update(input: {id, update}) and delete(input: {id}); the others: update(id,
  // input) and delete(id).
  bool input_style;
  // getCoreViewFields needs its viewId: without one, the children of every view are listed.
  bool list_needs_parent;
  const char* (*selection)();
};

const family families[] = {
    {"views", "view", "View", "View", "objectMetadataId", false, false,
     [] { return view_selection().c_str(); }},
    {"viewFields", "viewField", "ViewField", "View field", "viewId", true, true,
     [] { return view_field_selection; }},
    {"viewFilters", "viewFilter", "ViewFilter", "View filter", "viewId", false, false,
     [] { return view_filter_selection; }},
    {"viewFilterGroups", "viewFilterGroup", "ViewFilterGroup", "View filter group", "viewId", false,
     false, [] { return view_filter_group_selection; }},
    {"viewSorts", "viewSort", "ViewSort", "View sort", "viewId", false, false,
     [] { return view_sort_selection; }},
    {"viewGroups", "viewGroup", "ViewGroup", "View group", "viewId", false, false,
     [] { return view_group_selection; }},
};

struct view_call {
  const family* kind = nullptr;
  std::optional<std::string> id;  // the /{id} segment
};

std::optional<view_call> parse_path(std::string_view path) {
  if (path.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string_view rest = path.substr(prefix.size());
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  const auto slash = rest.find('/');
  const std::string_view name = rest.substr(0, slash);
  for (const auto& f : families) {
    if (f.plural != name) continue;
    if (slash == std::string_view::npos) return view_call{&f, std::nullopt};
    std::string_view id = rest.substr(slash + 1);
    if (id.empty() || id.find('/') != std::string_view::npos) return std::nullopt;
    return view_call{&f, std::string(id)};
  }
  return std::nullopt;
}

std::string capitalized(std::string_view name) {
  std::string out(name);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// Permission hook for the view families. Twenty 1.6 has no VIEWS flag (its PermissionFlagType
// stops at EXPORT_CSV) and its CoreView resolvers check none, so nothing is refused here; REST runs
// those resolvers, so a guard they gain applies to REST at once. A REST-only rule (e.g. a newer
// VIEWS flag through api/platform/permission_guard's check_flag) belongs here.
std::optional<rest_error> view_rest_permission(const actors::caller& /*who*/,
                                               std::string_view /*method*/) {
  return std::nullopt;
}

rest_error not_found(const family& f, const std::string& id) {
  return {404, "NotFoundException", {std::string(f.label) + " (id: " + id + ") not found"}};
}

rest_error no_route(const http::request& req) {
  return {404, "NotFoundException", {"Cannot " + req.method + " " + req.path}};
}

// The answer's data.<field>, or null.
json::value data_of(const json::object& answer, const std::string& field) {
  const auto* data = answer.if_contains("data");
  const auto* value = data && data->is_object() ? data->as_object().if_contains(field) : nullptr;
  return value ? *value : json::value(nullptr);
}

// The GraphQL error in REST form; "<Entity> not found" about the path's id names it, as
// Twenty's REST messages do.
rest_error error_for(const family& f, const std::optional<std::string>& id, rest_error e) {
  if (id && e.status == 404 && e.messages.size() == 1 &&
      e.messages.front() == std::string(f.entity) + " not found") {
    return not_found(f, *id);
  }
  return e;
}

void list(const metadata_runner& runner, actors::caller who, const http::request& req,
          const family& f, http::responder done) {
  query_string params(req.query);
  auto page = parse_page_request(params, metadata_limits);
  if (auto* e = std::get_if<rest_error>(&page)) return done(to_response(*e));
  auto parent = params.get(f.parent_arg);
  graphql::service::graphql_params op;
  const std::string root = "getCore" + capitalized(f.plural);
  const bool through_views = f.list_needs_parent && !parent;
  if (through_views) {
    op.query = "query { getCoreViews { " + std::string(f.plural) + " { " + f.selection() + " } } }";
  } else {
    op.query = "query($parent: String" + std::string(f.list_needs_parent ? "!" : "") + ") { " +
               root + "(" + std::string(f.parent_arg) + ": $parent) { " + f.selection() + " } }";
    op.variables["parent"] = parent ? json::value(*parent) : json::value(nullptr);
  }
  auto request = std::get<page_request>(page);
  run_metadata_operation(
      runner, std::move(who), req.request_id, std::move(op),
      [&f, root, through_views, request, done](const json::object& answer) {
        if (auto e = first_graphql_error(answer)) return done(to_response(*e));
        json::array items;
        if (through_views) {
          auto views = data_of(answer, "getCoreViews");
          if (views.is_array()) {
            for (auto& view : views.as_array()) {
              auto& children = view.as_object()[f.plural];
              if (children.is_array())
                for (auto& c : children.as_array()) items.push_back(std::move(c));
            }
          }
        } else if (auto all = data_of(answer, root); all.is_array()) {
          items = std::move(all.as_array());
        }
        auto out = page_envelope(f.plural, items, request);
        if (auto* e = std::get_if<rest_error>(&out)) return done(to_response(*e));
        done(json_response(200, std::get<json::object>(out)));
      },
      done);
}

// One entity operation: its document, its variables, the field answering, the REST key.
struct one_call {
  graphql::service::graphql_params op;
  std::string field;
  std::string key;
  unsigned status = 200;
  bool id_only = false;  // deletes answer {id}
};

std::variant<one_call, rest_error> one_call_of(const family& f, const http::request& req,
                                               const std::optional<std::string>& id) {
  const std::string core = "Core" + std::string(f.entity);
  const std::string S = capitalized(f.singular);
  const std::string selection = f.selection();
  one_call out;
  const std::string& m = req.method;
  json::object body;
  if (m == "POST" || m == "PATCH" || m == "PUT") {
    auto parsed = body_object(req.body);
    if (auto* e = std::get_if<rest_error>(&parsed)) return std::move(*e);
    body = std::move(std::get<json::object>(parsed));
  }
  if (!id) {
    if (m != "POST") return no_route(req);
    out.field = "create" + core;
    out.key = "createOne" + S;
    out.status = 201;
    out.op.query = "mutation($input: Create" + std::string(f.entity) + "Input!) { " + out.field +
                   "(input: $input) { " + selection + " } }";
    out.op.variables["input"] = std::move(body);
    return out;
  }
  if (m == "GET") {
    out.field = "get" + core;
    out.key = std::string(f.singular);
    out.op.query = "query($id: String!) { " + out.field + "(id: $id) { " + selection + " } }";
    out.op.variables["id"] = *id;
    return out;
  }
  if (m == "PATCH" || m == "PUT") {
    out.field = "update" + core;
    out.key = "updateOne" + S;
    body.erase("id");  // the path names the entity
    const std::string input = "Update" + std::string(f.entity) + "Input!";
    if (f.input_style) {
      out.op.query = "mutation($input: " + input + ") { " + out.field + "(input: $input) { " +
                     selection + " } }";
      out.op.variables["input"] = json::object{{"id", *id}, {"update", std::move(body)}};
    } else {
      out.op.query = "mutation($id: String!, $input: " + input + ") { " + out.field +
                     "(id: $id, input: $input) { " + selection + " } }";
      out.op.variables["id"] = *id;
      out.op.variables["input"] = std::move(body);
    }
    return out;
  }
  if (m == "DELETE") {
    out.field = "delete" + core;
    out.key = "deleteOne" + S;
    out.id_only = true;
    if (f.input_style) {
      out.op.query = "mutation($input: Delete" + std::string(f.entity) + "Input!) { " + out.field +
                     "(input: $input) { id } }";
      out.op.variables["input"] = json::object{{"id", *id}};
    } else {
      out.op.query = "mutation($id: String!) { " + out.field + "(id: $id) }";
      out.op.variables["id"] = *id;
    }
    return out;
  }
  return no_route(req);
}

}  // namespace

bool is_view_rest_path(std::string_view path) {
  return parse_path(path).has_value();
}

const char* view_route_label(std::string_view path) {
  static const std::vector<std::string> labels = [] {
    std::vector<std::string> out;
    for (const auto& f : families) {
      out.push_back(std::string(prefix) + std::string(f.plural));
      out.push_back(std::string(prefix) + std::string(f.plural) + "/{id}");
    }
    return out;
  }();
  auto call = parse_path(path);
  if (!call) return "/rest";
  const auto index = static_cast<std::size_t>(call->kind - families) * 2 + (call->id ? 1 : 0);
  return labels[index].c_str();
}

void serve_view_rest(const metadata_runner& runner, actors::caller who, http::request req,
                     http::responder done) {
  auto call = parse_path(req.path);
  if (!call) return done(to_response(no_route(req)));
  if (auto refused = view_rest_permission(who, req.method)) return done(to_response(*refused));
  const family& f = *call->kind;
  if (!call->id && req.method == "GET") return list(runner, std::move(who), req, f, done);
  if (call->id && !storage::query::is_uuid(*call->id)) {
    // What PostgreSQL answers Twenty's lookup of such an id, as a 400.
    return done(
        to_response(bad_request("invalid input syntax for type uuid: \"" + *call->id + "\"")));
  }
  auto built = one_call_of(f, req, call->id);
  if (auto* e = std::get_if<rest_error>(&built)) return done(to_response(*e));
  auto one = std::make_shared<one_call>(std::move(std::get<one_call>(built)));
  auto id = call->id;
  auto op = one->op;
  run_metadata_operation(
      runner, std::move(who), req.request_id, std::move(op),
      [&f, one, id, done](const json::object& answer) {
        if (auto e = first_graphql_error(answer)) return done(to_response(error_for(f, id, *e)));
        json::value value = data_of(answer, one->field);
        if (value.is_null() || (value.is_bool() && !value.as_bool())) {
          return done(to_response(not_found(f, id.value_or(""))));
        }
        if (one->id_only) value = json::object{{"id", id.value_or("")}};
        done(json_response(one->status,
                           json::object{{"data", json::object{{one->key, std::move(value)}}}}));
      },
      done);
}

}  // namespace cohort::api::rest
