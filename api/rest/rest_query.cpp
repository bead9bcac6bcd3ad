#include "api/rest/rest_query.hpp"

#include <boost/json.hpp>
#include <cctype>

#include "actors/workspace/binder/aggregate_name.hpp"
#include "actors/workspace/binder/group_by_binder.hpp"
#include "actors/workspace/binder/group_by_order.hpp"
#include "actors/workspace/binder/root_field_binder.hpp"
#include "api/rest/filter_parser.hpp"
#include "api/rest/metadata_list.hpp"
#include "api/rest/order_by_parser.hpp"
#include "api/rest/record_projection.hpp"

namespace cohort::api::rest {

namespace {

using model::record_operation;

std::string capitalized(std::string name) {
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

std::variant<int, rest_error> parse_depth(const query_string& params) {
  auto text = params.get("depth");
  if (!text || *text == "0") return 0;
  if (*text == "1") return 1;
  return bad_request("'depth=" + *text + "' parameter invalid. Allowed values are 0, 1");
}

// Every key of a create/update body must name a field (or a join column) of the object.
std::optional<rest_error> check_record_keys(const model::object_metadata& object,
                                            const boost::json::value& record) {
  if (!record.is_object()) return bad_request("A record must be a JSON object");
  for (const auto& [key, value] : record.get_object()) {
    bool known = false;
    for (const auto& field : object.fields) {
      if (!field.is_active) continue;
      known = known || field.name == key.data() ||
              (field.is_many_to_one() && field.relation->join_column_name == key.data());
      if (known) break;
    }
    if (!known) {
      // Twenty answers with its generic Error class here; the message says what is wrong.
      return rest_error{.status = 400,
                        .error = "Error",
                        .messages = {"Field metadata for field \"" + std::string(key) +
                                     "\" is missing in object metadata " + object.name_singular}};
    }
  }
  return std::nullopt;
}

std::variant<boost::json::value, rest_error> parse_body(std::string_view body, bool list) {
  // Express hands an empty body over as {}; a batch without records is then refused below.
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return list ? boost::json::value(boost::json::array())
                : boost::json::value(boost::json::object());
  }
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) return bad_request("The request body is not valid JSON: " + ec.message());
  return value;
}

model::connection_selection page_connection(model::record_selection node, bool backwards) {
  using kind = model::connection_selection::item::kind;
  model::connection_selection out;
  out.items.push_back(edges_of(std::move(node)));

  model::connection_selection::item page_info;
  page_info.k = kind::page_info;
  page_info.key = "pageInfo";
  // Twenty adds hasPreviousPage only when paging backwards.
  for (std::string_view name : {"hasNextPage", "hasPreviousPage", "startCursor", "endCursor"}) {
    if (name == "hasPreviousPage" && !backwards) continue;
    page_info.page_info_keys.emplace_back(std::string(name), std::string(name));
  }
  out.items.push_back(std::move(page_info));

  model::connection_selection::item total;
  total.k = kind::aggregate;
  total.key = "totalCount";
  total.aggregate.key = "totalCount";
  total.aggregate.operation = "totalCount";
  out.items.push_back(std::move(total));
  return out;
}

// The body of /duplicates and /merge: `ids` (record ids) and, for duplicates, `data` (records
// that would be created), read into the query the way the GraphQL arguments are.
std::optional<rest_error> read_source_records(model::record_query& q,
                                              const boost::json::value& body) {
  if (!body.is_object()) return bad_request("The request body must be a JSON object");
  const auto& args = body.get_object();
  if (const auto* ids = args.if_contains("ids"); ids && !ids->is_null()) {
    if (!ids->is_array()) return bad_request("\"ids\" must be an array of record ids");
    q.ids.emplace();
    for (const auto& id : ids->get_array()) {
      if (!id.is_string()) return bad_request("\"ids\" must be an array of record ids");
      q.ids->emplace_back(id.get_string());
    }
  }
  if (const auto* data = args.if_contains("data"); data && !data->is_null()) {
    if (!data->is_array()) return bad_request("\"data\" must be an array of records");
    q.data_given = true;
    q.data = data->get_array();
  }
  if (const auto* index = args.if_contains("conflictPriorityIndex"); index && !index->is_null()) {
    if (!index->is_int64()) return bad_request("\"conflictPriorityIndex\" must be an integer");
    q.conflict_priority_index = index->get_int64();
  }
  if (const auto* dry = args.if_contains("dryRun"); dry && !dry->is_null()) {
    if (!dry->is_bool()) return bad_request("\"dryRun\" must be a boolean");
    q.dry_run = dry->get_bool();
  }
  return std::nullopt;
}

// A query-string parameter holding JSON (group_by, aggregate): nullopt when absent.
std::variant<std::optional<boost::json::value>, rest_error> json_param(const query_string& params,
                                                                       std::string_view name) {
  auto text = params.get(name);
  if (!text) return std::optional<boost::json::value>();
  boost::system::error_code ec;
  auto value = boost::json::parse(*text, ec);
  if (ec) return bad_request("\"" + std::string(name) + "\" is not valid JSON");
  return std::optional<boost::json::value>(std::move(value));
}

// GET /rest/{p}/groupBy: group_by=[{"city":true}, {"createdAt":{"granularity":"MONTH",
// "timeZone":"Europe/Paris"}}] (required), aggregate=["totalCount", "sumEmployees"] (default
// totalCount), filter, order_by (the groups: dimensions or {"aggregate":{...}}),
// order_by_for_records (the records inside each group), limit (groups),
// include_records_sample=true (each group lists its first records).
std::optional<rest_error> build_group_by(rest_query& out, const query_string& params,
                                         const model::object_metadata& object,
                                         model::record_selection selection) {
  using kind = model::connection_selection::item::kind;
  model::record_query& q = out.query;
  q.operation = model::record_operation::group_by;
  auto dims = json_param(params, "group_by");
  if (auto* e = std::get_if<rest_error>(&dims)) return std::move(*e);
  auto& given = std::get<std::optional<boost::json::value>>(dims);
  if (!given || !given->is_array() || given->get_array().empty()) {
    return bad_request("\"group_by\" is required, eg: group_by=[{\"city\":true}]");
  }
  for (const auto& item : given->get_array()) {
    auto d = actors::workspace::binder::dimension_of(item);
    if (!d) return bad_request("Invalid group_by item " + boost::json::serialize(item));
    q.group_by.dimensions.push_back(std::move(*d));
  }
  auto aggregates = json_param(params, "aggregate");
  if (auto* e = std::get_if<rest_error>(&aggregates)) return std::move(*e);
  auto& names = std::get<std::optional<boost::json::value>>(aggregates);
  out.aggregates = {"totalCount"};
  if (names) {
    if (!names->is_array()) return bad_request("\"aggregate\" must be a JSON array of names");
    out.aggregates.clear();
    for (const auto& name : names->get_array()) {
      if (!name.is_string()) return bad_request("\"aggregate\" must be a JSON array of names");
      out.aggregates.emplace_back(name.get_string());
    }
  }
  for (const auto& name : out.aggregates) {
    auto item = actors::workspace::binder::aggregate_of(object, name);
    if (item.operation.empty()) return bad_request("Unknown aggregate '" + name + "'");
    item.key = name;
    model::connection_selection::item aggregate;
    aggregate.k = kind::aggregate;
    aggregate.key = name;
    aggregate.aggregate = std::move(item);
    q.connection.items.push_back(std::move(aggregate));
  }
  out.records_sample = params.get("include_records_sample") == "true";
  if (out.records_sample) {
    q.connection.items.push_back(edges_of(std::move(selection)));
    q.connection.page.first = 10;
  }
  q.group_by.dimension_value_keys = {"groupByDimensionValues"};
  // order_by orders the groups (JSON, newer Twenty's OrderByWithGroupBy); order_by_for_records
  // the records inside each group (REST's field[Direction] syntax).
  auto order = parse_order_by(params.get("order_by_for_records").value_or(""), object);
  if (auto* e = std::get_if<rest_error>(&order)) return std::move(*e);
  q.connection.page.order_by = std::move(std::get<boost::json::array>(order));
  if (params.get("order_by")) {
    auto groups_order = json_param(params, "order_by");
    const auto* given_order = std::get_if<std::optional<boost::json::value>>(&groups_order);
    if (given_order == nullptr || !(*given_order)->is_array()) {
      return bad_request(
          "Invalid order_by query parameter - should be a valid array of objects - ex: "
          "[{\"city\": \"AscNullsFirst\"}, {\"name\": {\"firstName\": \"DescNullsLast\"}}, "
          "{\"aggregate\": {\"totalCount\": \"DescNullsLast\"}}, {\"createdAt\": "
          "{\"orderBy\": \"AscNullsFirst\", \"granularity\": \"DAY\"}}]");
    }
    auto read =
        actors::workspace::binder::group_order_of(**given_order, object, q.group_by.dimensions);
    if (auto* message = std::get_if<std::string>(&read)) return bad_request(*message);
    q.group_by.order = std::move(std::get<std::vector<model::group_order>>(read));
  }
  if (params.get("limit")) {
    auto limit = parse_limit(params, record_limits);
    if (auto* e = std::get_if<rest_error>(&limit)) return std::move(*e);
    q.group_by.limit = std::get<std::int64_t>(limit);
  }
  return std::nullopt;
}

std::optional<rest_error> set_filter(rest_query& out, const query_string& params,
                                     const model::object_metadata& object) {
  auto filter = parse_filter(params.get("filter").value_or(""), object);
  if (auto* e = std::get_if<rest_error>(&filter)) return std::move(*e);
  out.query.connection.page.filter = std::move(std::get<boost::json::object>(filter));
  return std::nullopt;
}

std::optional<rest_error> build_find_many(rest_query& out, const query_string& params,
                                          const model::object_metadata& object,
                                          model::record_selection selection) {
  auto order = parse_order_by(params.get("order_by").value_or(""), object);
  if (auto* e = std::get_if<rest_error>(&order)) return std::move(*e);
  auto limit = parse_limit(params, record_limits);
  if (auto* e = std::get_if<rest_error>(&limit)) return std::move(*e);

  auto before = params.get("ending_before");
  out.query.connection = page_connection(std::move(selection), before.has_value());
  model::page_request& page = out.query.connection.page;
  if (auto e = set_filter(out, params, object)) return e;
  page.order_by = std::move(std::get<boost::json::array>(order));
  // Without order_by, Twenty's REST pages by id alone (its cursors hold just the id).
  if (page.order_by.empty()) page.order_by.push_back(boost::json::object{{"id", "AscNullsFirst"}});
  if (before) {
    out.backwards = true;
    page.before = *before;
    page.last = std::get<std::int64_t>(limit);
  } else {
    page.first = std::get<std::int64_t>(limit);
  }
  if (auto after = params.get("starting_after")) page.after = *after;
  return std::nullopt;
}

}  // namespace

std::variant<rest_query, rest_error> build_rest_query(const rest_route& route,
                                                      const query_string& params,
                                                      std::string_view body,
                                                      const model::workspace_model& model,
                                                      const actors::caller& who) {
  const model::object_metadata* object = model.find_object_by_plural(route.plural);
  if (object == nullptr || !object->is_active) {
    return bad_request("object '" + route.plural + "' not found. eg: companies");
  }
  rest_query out;
  out.action = route.action;
  out.object = object->name_singular;
  out.query.object = object->name_singular;
  out.query.actor = actors::workspace::binder::actor_of(who);

  auto depth = parse_depth(params);
  if (auto* e = std::get_if<rest_error>(&depth)) return std::move(*e);
  model::record_selection selection = rest_selection(*object, model, std::get<int>(depth));
  const std::string singular = capitalized(object->name_singular);
  const std::string plural = capitalized(object->name_plural);

  // The body of a create / update, checked field by field.
  boost::json::value data;
  bool takes_body =
      route.action == rest_action::create_one || route.action == rest_action::create_many ||
      route.action == rest_action::update_one || route.action == rest_action::update_many;
  if (route.action == rest_action::duplicates || route.action == rest_action::merge) {
    auto parsed = parse_body(body, false);
    if (auto* e = std::get_if<rest_error>(&parsed)) return std::move(*e);
    data = std::move(std::get<boost::json::value>(parsed));
  } else if (takes_body) {
    auto parsed = parse_body(body, route.action == rest_action::create_many);
    if (auto* e = std::get_if<rest_error>(&parsed)) return std::move(*e);
    data = std::move(std::get<boost::json::value>(parsed));
    if (route.action == rest_action::create_many) {
      if (!data.is_array()) return bad_request("The body of a batch create must be a JSON array");
      for (const auto& record : data.get_array()) {
        if (auto e = check_record_keys(*object, record)) return *e;
      }
    } else if (auto e = check_record_keys(*object, data)) {
      return *e;
    }
  }

  model::record_query& q = out.query;
  switch (route.action) {
    case rest_action::find_many:
      q.operation = record_operation::find_many;
      out.data_key = object->name_plural;
      if (auto e = build_find_many(out, params, *object, std::move(selection))) return *e;
      return out;
    case rest_action::find_one:
      q.operation = record_operation::find_one;
      out.data_key = object->name_singular;
      q.record = std::move(selection);
      q.connection.page.filter = boost::json::object{{"id", {{"eq", *route.id}}}};
      return out;
    case rest_action::create_one:
    case rest_action::create_many:
      q.operation = record_operation::create;
      q.many = route.action == rest_action::create_many;
      out.data_key = "create" + (q.many ? plural : singular);
      out.status = 201;
      q.record = std::move(selection);
      if (q.many)
        q.data = std::move(data.get_array());
      else
        q.data.push_back(std::move(data));
      q.upsert = params.get("upsert") == "true";
      return out;
    case rest_action::update_one:
    case rest_action::update_many:
      q.operation = record_operation::update;
      q.many = route.action == rest_action::update_many;
      out.data_key = "update" + (q.many ? plural : singular);
      q.record = std::move(selection);
      q.data.push_back(std::move(data));
      q.id = route.id;
      break;
    case rest_action::restore_one:
    case rest_action::restore_many:
      q.operation = record_operation::restore;
      q.many = route.action == rest_action::restore_many;
      out.data_key = "restore" + (q.many ? plural : singular);
      q.record = std::move(selection);
      q.id = route.id;
      break;
    case rest_action::duplicates:
      q.operation = record_operation::find_duplicates;
      out.data_key = object->name_singular + "Duplicates";
      q.connection = page_connection(std::move(selection), false);
      if (auto e = read_source_records(q, data)) return *e;
      return out;
    case rest_action::group_by:
      if (auto e = build_group_by(out, params, *object, std::move(selection))) return *e;
      if (auto e = set_filter(out, params, *object)) return *e;
      return out;
    case rest_action::merge:
      q.operation = record_operation::merge;
      out.data_key = "merge" + singular;
      q.record = std::move(selection);
      if (auto e = read_source_records(q, data)) return *e;
      return out;
    case rest_action::delete_one:
    case rest_action::delete_many: {
      q.operation = params.get("soft_delete") == "true" ? record_operation::soft_delete
                                                        : record_operation::destroy;
      q.many = route.action == rest_action::delete_many;
      out.data_key = "delete" + (q.many ? plural : singular);
      model::projection_item id;
      id.k = model::projection_item::kind::field;
      id.key = id.field = "id";
      q.record.items.push_back(std::move(id));
      q.id = route.id;
      break;
    }
  }
  if (q.many) {
    if (auto e = set_filter(out, params, *object)) return *e;
    if (q.connection.page.filter.empty()) {
      return bad_request(
          "Filters are mandatory for bulk operations, eg: ?filter=id[in]:[\"<id>\",\"<id>\"]");
    }
  }
  return out;
}

}  // namespace cohort::api::rest
