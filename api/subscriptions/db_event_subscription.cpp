#include "api/subscriptions/db_event_subscription.hpp"

#include <boost/json.hpp>

#include "graphql/execution/values.hpp"

namespace cohort::api::subscriptions {

namespace {

namespace json = boost::json;
namespace lang = graphql::language;

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::optional<std::string> string_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

const json::object* object_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

// @skip(if:) / @include(if:) with a literal or a variable.
bool included(lang::node_span<lang::directive_node> directives, const json::object& variables) {
  for (const auto& d : directives) {
    bool skip = d.name.value == "skip";
    if (!skip && d.name.value != "include") continue;
    for (const auto& arg : d.arguments) {
      if (arg.name.value != "if") continue;
      bool value = false;
      if (auto* b = lang::as_if<lang::boolean_value_node>(arg.value)) {
        value = b->value;
      } else if (auto* var = lang::as_if<lang::variable_node>(arg.value)) {
        const json::value* v = variables.if_contains(var->name.value);
        value = v && v->is_bool() && v->as_bool();
      }
      if (skip == value) return false;
    }
  }
  return true;
}

// OnDbEventDTO's fields for one event.
json::value dto_field(std::string_view name, const json::object& event) {
  const json::object* properties = object_at(event, "properties");
  static const json::object empty;
  const json::object& props = properties ? *properties : empty;
  if (name == "__typename") return "OnDbEventDTO";
  if (name == "action") return json::value(upper(string_at(event, "action").value_or("")));
  if (name == "objectNameSingular") {
    const json::object* meta = object_at(event, "objectMetadata");
    return json::value(meta ? string_at(*meta, "nameSingular").value_or("") : "");
  }
  if (name == "eventDate") return json::value(string_at(event, "eventDate").value_or(""));
  if (name == "record") {
    if (const json::value* after = props.if_contains("after"); after && !after->is_null())
      return *after;
    if (const json::value* before = props.if_contains("before")) return *before;
    return json::object{};
  }
  if (name == "updatedFields") {
    const json::value* fields = props.if_contains("updatedFields");
    return fields && fields->is_array() ? *fields : json::value(nullptr);
  }
  return nullptr;
}

void project(const db_event_subscription& s, const lang::selection_set_node& set,
             const json::object& event, json::object& out) {
  for (const lang::selection_node* sel : set.selections) {
    if (auto* field = lang::as_if<lang::field_node>(sel)) {
      if (!included(field->directives, s.variables)) continue;
      out[field->response_key()] = dto_field(field->name.value, event);
    } else if (auto* inline_fragment = lang::as_if<lang::inline_fragment_node>(sel)) {
      if (!included(inline_fragment->directives, s.variables)) continue;
      if (inline_fragment->selection_set) project(s, *inline_fragment->selection_set, event, out);
    } else if (auto* spread = lang::as_if<lang::fragment_spread_node>(sel)) {
      if (!included(spread->directives, s.variables)) continue;
      auto it = s.fragments.find(spread->name.value);
      if (it != s.fragments.end() && it->second->selection_set)
        project(s, *it->second->selection_set, event, out);
    }
  }
}

}  // namespace

std::string db_event_subscription::topic() const {
  if (object_name && action) return *object_name + "." + lower(*action);
  return "*";
}

bool db_event_subscription::matches(const json::object& event) const {
  // Only what DatabaseEventAction can name reaches a client.
  const std::string event_action = upper(string_at(event, "action").value_or(""));
  if (event_action != "CREATED" && event_action != "UPDATED" && event_action != "DELETED" &&
      event_action != "DESTROYED" && event_action != "RESTORED")
    return false;
  if (action && event_action != *action) return false;
  if (object_name) {
    const json::object* meta = object_at(event, "objectMetadata");
    if (!meta || string_at(*meta, "nameSingular") != object_name) return false;
  }
  if (record_id && lower(string_at(event, "recordId").value_or("")) != lower(*record_id))
    return false;
  if (readable) {
    const json::object* meta = object_at(event, "objectMetadata");
    if (!readable->shows(meta ? string_at(*meta, "nameSingular").value_or("") : "")) return false;
  }
  return true;
}

std::string db_event_subscription::render(const json::object& event) const {
  json::object dto;
  if (selection) project(*this, *selection, readable ? readable->visible(event) : event, dto);
  json::object data;
  data[response_key] = std::move(dto);
  return json::serialize(json::object{{"data", std::move(data)}});
}

std::variant<db_event_subscription, std::string> plan_db_event_subscription(
    std::shared_ptr<const graphql::service::prepared_document> document,
    const lang::operation_definition_node& operation, const graphql::type::schema& schema,
    const json::object& variables) {
  const auto* root = schema.subscription_type();
  if (!root || !operation.selection_set) return std::string("Subscriptions are not supported");
  const lang::field_node* field = nullptr;
  for (const lang::selection_node* sel : operation.selection_set->selections) {
    if (auto* f = lang::as_if<lang::field_node>(sel)) {
      field = f;
      break;
    }
  }
  if (!field) return std::string("A subscription must select one root field directly");
  if (field->name.value != "onDbEvent")
    return "Subscription field \"" + std::string(field->name.value) + "\" is not supported";
  const auto* def = root->field("onDbEvent");
  if (!def) return std::string("Subscription field \"onDbEvent\" is not supported");

  const auto& doc = *document->document;
  auto coerced = graphql::execution::coerce_variable_values(schema, doc, operation, variables);
  if (!coerced.errors.empty()) return coerced.errors.front().message;
  auto args = graphql::execution::get_argument_values(def->args, field->arguments, *field, doc,
                                                      coerced.coerced);
  if (args.error) return args.error->message;

  db_event_subscription plan;
  plan.response_key = std::string(field->response_key());
  if (const json::object* input = object_at(args.values, "input")) {
    plan.action = string_at(*input, "action");
    plan.object_name = string_at(*input, "objectNameSingular");
    plan.record_id = string_at(*input, "recordId");
  }
  plan.selection = field->selection_set;
  for (const lang::definition_node* d : doc.definitions()) {
    if (auto* fragment = lang::as_if<lang::fragment_definition_node>(d))
      plan.fragments[std::string(fragment->name.value)] = fragment;
  }
  plan.variables = std::move(coerced.coerced);
  plan.document = std::move(document);
  return plan;
}

}  // namespace cohort::api::subscriptions
