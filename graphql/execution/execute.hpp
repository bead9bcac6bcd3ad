// Executing an operation of a parsed (and validated) document against a schema (graphql-js
// `execute`), as an explicit state machine driven by resolver completions: `execute` starts the
// work on the calling thread and returns; `on_done` is called exactly once, by whichever thread
// completes the last pending resolver (possibly the caller, before execute returns), with the
// response serialized to JSON text as graphql-js + Express put it on the wire:
// {"errors":[...],"data":...}, keys in selection order, numbers as JavaScript prints them.
// An invalid document fails cleanly (errors or omitted fields), never crashes.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "graphql/execution/resolver.hpp"
#include "graphql/language/document.hpp"
#include "graphql/type/schema.hpp"

namespace cohort::graphql::execution {

struct execution_options {
  // __schema and __type answered (Twenty turns introspection off in some contexts).
  bool introspection = true;
  bool hide_suggestions = false;
  std::size_t max_coercion_errors = 50;
  // Errors carry "locations" and "path" (Twenty's formatter drops them).
  bool error_locations = true;
  bool error_paths = true;
};

struct execution_request {
  std::shared_ptr<const type::schema> schema;
  std::shared_ptr<const language::document> document;
  std::optional<std::string> operation_name;
  boost::json::object variables;  // raw, as received
  boost::json::value root_value;  // the parent of root fields
  // Instead of root_value, shared and not copied (e.g. one fixed root for many requests).
  std::shared_ptr<const boost::json::value> shared_root_value;
  void* context = nullptr;  // opaque, handed to resolvers
  std::shared_ptr<const resolver_map> resolvers;
  execution_options options;
};

struct execution_result {
  std::string body;  // the JSON response
  std::size_t error_count = 0;
  bool has_data = false;  // false when execution stopped before running (operation/variables)
};

using result_callback = std::function<void(execution_result)>;

void execute(execution_request request, result_callback on_done);

// For resolvers that all complete inside their call (tests, oracle): the result, or nullopt when
// some completion is still pending when execute returns.
std::optional<execution_result> execute_sync(execution_request request);

}  // namespace cohort::graphql::execution
