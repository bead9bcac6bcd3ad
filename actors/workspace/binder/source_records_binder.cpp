#include "actors/workspace/binder/source_records_binder.hpp"

namespace cohort::actors::workspace::binder {

namespace ex = graphql::execution;

std::variant<model::record_query, field_error> bind_source_records_field(
    root_field kind, const model::object_metadata& object, const ex::resolve_info& info,
    const request_context& context) {
  model::record_query q;
  q.object = object.name_singular;
  q.operation = kind.operation;
  const boost::json::object& args = info.args();
  const ex::selection* set = info.sub_selection();
  if (set == nullptr) {
    return field_error::with_code("Field " + std::string(info.field_name()) + " needs a selection",
                                  "BAD_USER_INPUT");
  }
  if (kind.operation == model::record_operation::find_duplicates) {
    auto connection = bind_connection(info, *set, args, object, *context.model);
    if (auto* e = std::get_if<field_error>(&connection)) return std::move(*e);
    q.connection = std::move(std::get<model::connection_selection>(connection));
  } else {
    auto record = bind_record_selection(info, *set, object, *context.model);
    if (auto* e = std::get_if<field_error>(&record)) return std::move(*e);
    q.record = std::move(std::get<model::record_selection>(record));
    q.actor = actor_of(context.who);
  }
  // `ids` (null entries skipped; an absent or null argument stays nullopt) and whether `data`
  // was given at all: Twenty tells "neither" from "an empty list".
  if (auto it = args.find("ids"); it != args.end() && it->value().is_array()) {
    q.ids.emplace();
    for (const auto& id : it->value().as_array()) {
      if (id.is_string()) q.ids->emplace_back(id.as_string());
    }
  }
  if (auto it = args.find("data"); it != args.end() && !it->value().is_null()) {
    q.data_given = true;
    if (it->value().is_array()) q.data = it->value().as_array();
    if (it->value().is_object()) q.data.push_back(it->value());
  }
  if (auto it = args.find("conflictPriorityIndex"); it != args.end() && it->value().is_int64())
    q.conflict_priority_index = it->value().as_int64();
  if (auto it = args.find("dryRun"); it != args.end() && it->value().is_bool())
    q.dry_run = it->value().as_bool();
  return q;
}

}  // namespace cohort::actors::workspace::binder
