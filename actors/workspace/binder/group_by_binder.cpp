#include "actors/workspace/binder/group_by_binder.hpp"

#include <map>

#include "actors/workspace/binder/group_by_order.hpp"
#include "model/composite_types.hpp"
#include "model/names.hpp"

namespace cohort::actors::workspace::binder {

namespace ex = graphql::execution;
namespace gt = graphql::type;

namespace {

std::string string_member(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace

std::optional<model::group_dimension> dimension_of(const boost::json::value& item) {
  if (!item.is_object()) return std::nullopt;
  for (const auto& [key, value] : item.get_object()) {
    model::group_dimension d;
    d.field = std::string(key);
    if (value.is_bool() && value.get_bool()) return d;
    if (!value.is_object()) continue;
    const auto& o = value.get_object();
    if (o.contains("granularity")) {
      d.granularity = string_member(o, "granularity");
      d.time_zone = string_member(o, "timeZone");
      d.week_start_day = string_member(o, "weekStartDay");
      return d;
    }
    for (const auto& [sub, on] : o) {
      if (on.is_bool() && on.get_bool()) {
        d.subfield = std::string(sub);
        return d;
      }
    }
  }
  return std::nullopt;
}

std::variant<model::record_query, field_error> bind_group_by_field(
    const model::object_metadata& object, const ex::resolve_info& info,
    const request_context& context) {
  model::record_query q;
  q.object = object.name_singular;
  q.operation = model::record_operation::group_by;
  const boost::json::object& args = info.args();
  const ex::selection* set = info.sub_selection();
  if (set == nullptr) {
    return field_error::with_code("Field " + std::string(info.field_name()) + " needs a selection",
                                  "BAD_USER_INPUT");
  }
  // Each group is a connection over the filtered records, ordered by orderByForRecords.
  boost::json::object records_args;
  if (const auto* f = args.if_contains("filter")) records_args["filter"] = *f;
  if (const auto* o = args.if_contains("orderByForRecords")) records_args["orderBy"] = *o;
  auto connection = bind_connection(info, *set, records_args, object, *context.model);
  if (auto* e = std::get_if<field_error>(&connection)) return std::move(*e);
  q.connection = std::move(std::get<model::connection_selection>(connection));
  // groupByDimensionValues is no aggregate: the compiler answers it per group.
  for (const auto& f : set->fields) {
    if (f.name != "groupByDimensionValues") continue;
    const std::string key(f.response_key);
    q.group_by.dimension_value_keys.push_back(key);
    std::erase_if(q.connection.items, [&](const auto& item) { return item.key == key; });
  }

  auto& request = q.group_by;
  if (const auto* list = args.if_contains("groupBy"); list && list->is_array()) {
    for (const auto& item : list->get_array()) {
      if (auto d = dimension_of(item)) request.dimensions.push_back(std::move(*d));
    }
  }
  // orderBy: dimensions ({city: AscNullsFirst}, a date's {orderBy, granularity}) or aggregates
  // ({aggregate: {totalCount: DescNullsLast}}).
  if (const auto* list = args.if_contains("orderBy"); list && !list->is_null()) {
    auto order = group_order_of(*list, object, request.dimensions);
    if (auto* message = std::get_if<std::string>(&order)) {
      return field_error::with_code(std::move(*message), "BAD_USER_INPUT");
    }
    request.order = std::move(std::get<std::vector<model::group_order>>(order));
  }
  if (const auto* v = args.if_contains("limit"); v && v->is_int64()) request.limit = v->get_int64();
  if (const auto* v = args.if_contains("offsetForRecords"); v && v->is_int64())
    request.offset_for_records = v->get_int64();
  return q;
}

void add_group_by_root_fields(
    gt::schema_builder& builder, const model::workspace_model& model,
    const std::function<ex::field_resolver(const model::object_metadata&)>& resolver) {
  // The order inputs first: adding types may move the Query entry.
  std::map<std::string, std::string> order_inputs;
  for (const auto& object : model.objects()) {
    if (object.is_active)
      order_inputs[object.name_singular] = add_group_by_order_input(builder, object);
  }
  auto* query_entry = builder.find_type("Query");
  auto* query = query_entry ? std::get_if<gt::schema_builder::object_entry>(query_entry) : nullptr;
  if (query == nullptr) return;
  for (const auto& object : model.objects()) {
    const std::string s = model::capitalize(object.name_singular);
    const auto order_input = order_inputs.find(object.name_singular);
    if (!object.is_active || builder.find_type(s + "GroupByConnection") == nullptr ||
        builder.find_type(s + "GroupByInput") == nullptr || order_input == order_inputs.end() ||
        order_input->second.empty()) {
      continue;
    }
    auto& field =
        query->config.field(object.name_plural + "GroupBy", "[" + s + "GroupByConnection!]!");
    field.arg("groupBy", "[" + s + "GroupByInput!]!");
    field.arg("filter", s + "FilterInput");
    field.arg("orderBy", "[" + order_input->second + "!]");
    field.arg("orderByForRecords", "[" + s + "OrderByInput!]");
    field.arg("limit", "Int");
    field.arg("offsetForRecords", "Int");
    if (resolver) {
      if (auto r = resolver(object)) {
        field.extend(std::make_shared<ex::resolver_extension>(std::move(r)));
      }
    }
  }
}

}  // namespace cohort::actors::workspace::binder
