// `subscription { onDbEvent(input: {action?, objectNameSingular?, recordId?}) { ... } }` planned
// once from the validated document: the filter its input sets and the selection to answer with;
// then, for every record event, whether it matches and the `{"data":{...}}` body it becomes
// (OnDbEventDTO: action, objectNameSingular, eventDate, record, updatedFields).
#pragma once

#include <boost/json/object.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "api/subscriptions/readable_events.hpp"
#include "graphql/service/graphql_service.hpp"

namespace cohort::api::subscriptions {

struct db_event_subscription {
  std::string response_key;           // "onDbEvent", or its alias
  std::optional<std::string> action;  // "CREATED", ...
  std::optional<std::string> object_name;
  std::optional<std::string> record_id;

  std::shared_ptr<const graphql::service::prepared_document> document;  // owns the nodes below
  const graphql::language::selection_set_node* selection = nullptr;
  std::map<std::string, const graphql::language::fragment_definition_node*, std::less<>> fragments;
  boost::json::object variables;  // coerced, for @skip / @include
  // What the subscriber's role may read of the events; null: everything.
  std::shared_ptr<const readable_events> readable;

  // The event bus topic that carries every event this subscription may match.
  std::string topic() const;
  // Whether a bus event (record_event::to_json()) is one this subscriber asked for.
  bool matches(const boost::json::object& event) const;
  // The result body for a matching event.
  std::string render(const boost::json::object& event) const;
};

// The plan, or the GraphQL error message to answer with (the document is valid: the operation is
// a subscription, and its root field something other than onDbEvent is refused here).
std::variant<db_event_subscription, std::string> plan_db_event_subscription(
    std::shared_ptr<const graphql::service::prepared_document> document,
    const graphql::language::operation_definition_node& operation,
    const graphql::type::schema& schema, const boost::json::object& variables);

}  // namespace cohort::api::subscriptions
