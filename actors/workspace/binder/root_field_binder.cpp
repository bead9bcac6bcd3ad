#include "actors/workspace/binder/root_field_binder.hpp"

namespace cohort::actors::workspace::binder {

namespace ex = graphql::execution;

model::record_actor actor_of(const caller& who) {
  model::record_actor actor;
  if (who.token_type == "API_KEY") {
    actor.source = "API";
    actor.api_key_id = who.api_key_id;
    actor.name = who.api_key_name.value_or("");
  } else {
    actor.source = "MANUAL";
  }
  actor.workspace_member_id = who.workspace_member_id;
  actor.user_id = who.user_id;
  return actor;
}

std::variant<model::record_query, field_error> bind_root_field(root_field kind,
                                                               const model::object_metadata& object,
                                                               const ex::resolve_info& info,
                                                               const request_context& context) {
  model::record_query q;
  q.object = object.name_singular;
  q.operation = kind.operation;
  q.many = kind.many;
  const boost::json::object& args = info.args();
  const ex::selection* set = info.sub_selection();
  if (set == nullptr) {
    return field_error::with_code("Field " + std::string(info.field_name()) + " needs a selection",
                                  "BAD_USER_INPUT");
  }
  const model::workspace_model& model = *context.model;

  if (kind.operation == model::record_operation::find_many) {
    auto connection = bind_connection(info, *set, args, object, model);
    if (auto* e = std::get_if<field_error>(&connection)) return std::move(*e);
    q.connection = std::move(std::get<model::connection_selection>(connection));
    return q;
  }

  auto record = bind_record_selection(info, *set, object, model);
  if (auto* e = std::get_if<field_error>(&record)) return std::move(*e);
  q.record = std::move(std::get<model::record_selection>(record));
  if (auto it = args.find("filter"); it != args.end() && it->value().is_object())
    q.connection.page.filter = it->value().as_object();
  if (auto it = args.find("id"); it != args.end() && it->value().is_string())
    q.id = std::string(it->value().as_string());
  if (auto it = args.find("data"); it != args.end()) {
    if (it->value().is_array()) q.data = it->value().as_array();
    if (it->value().is_object()) q.data.push_back(it->value());
  }
  if (auto it = args.find("upsert"); it != args.end() && it->value().is_bool())
    q.upsert = it->value().as_bool();
  if (model::writes_records(kind.operation)) q.actor = actor_of(context.who);
  return q;
}

}  // namespace cohort::actors::workspace::binder
