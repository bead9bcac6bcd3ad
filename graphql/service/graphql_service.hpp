// One GraphQL endpoint's engine, transport-free: an immutable schema (and resolvers), validation
// limits, and a cache of prepared documents. run() takes a request's query, operation name and
// variables through parse (cached), operation selection, validate (cached) and execute, and tells
// the caller how far it got so that a transport can choose its status code. Thread-safe: many
// threads may call run() on one service at once.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "graphql/execution/execute.hpp"
#include "graphql/language/ast.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/service/document_cache.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/validation/validate.hpp"

namespace cohort::graphql::service {

struct service_options {
  language::parse_options parse;
  // Twenty's protective limits (GRAPHQL_MAX_FIELDS 2000, 20 root resolvers, no duplicate roots).
  validation::validate_options validate;
  cache_limits cache;
  // extensions.code GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED on parse and validation
  // errors (Apollo, graphql-yoga 5). Off: Twenty 1.6 answers them without extensions.
  bool error_codes = false;
  // The parent value of root fields (graphql-js rootValue), shared by every request.
  std::shared_ptr<const boost::json::value> root_value;
};

// The GraphQL-over-HTTP request parameters.
struct graphql_params {
  std::string query;
  std::optional<std::string> operation_name;
  boost::json::object variables;
  boost::json::object extensions;  // carried, not interpreted
};

// How far a request got: the transport's status code depends on it.
enum class run_status : std::uint8_t {
  executed,               // the operation ran (the body has "data", maybe with errors)
  parse_failed,           // a syntax error (or a parser limit)
  operation_unresolved,   // no operation of that name, or several and no name
  operation_not_allowed,  // its type is not allowed for this call (mutation over HTTP GET)
  validation_failed,      // validation errors or a protective limit
  variables_invalid,      // variable coercion failed: nothing ran
};

struct run_result {
  run_status status = run_status::executed;
  std::string body;  // the JSON response
  std::size_t error_count = 0;
  // The selected operation's type, once one was resolved.
  std::optional<language::operation_type> operation;
  bool cache_hit = false;  // parse and validate were skipped
};

struct run_options {
  run_options() = default;
  run_options(execution::execution_options exec) : execution(exec) {}  // NOLINT: implicit

  // execution.hide_suggestions also hides them from validation messages.
  execution::execution_options execution;
  bool allow_query = true;
  bool allow_mutation = true;
  bool allow_subscription = true;
};

using run_callback = std::function<void(run_result)>;

class graphql_service {
 public:
  explicit graphql_service(std::shared_ptr<const type::schema> schema,
                           std::shared_ptr<const execution::resolver_map> resolvers = nullptr,
                           service_options options = {});
  graphql_service(const graphql_service&) = delete;
  graphql_service& operator=(const graphql_service&) = delete;

  // Calls on_done exactly once: before returning when nothing is executed or every resolver
  // completes inline, otherwise from the thread that completes the last resolver. `context` is
  // handed to resolvers (resolve_info::context) and must outlive the call.
  void run(graphql_params params, void* context, const run_options& options,
           run_callback on_done) const;

  // The prepared document for a query text (cached): parsed and validated, or why not.
  std::shared_ptr<const prepared_document> prepare(std::string_view query,
                                                   bool hide_suggestions = false) const;

  const std::shared_ptr<const type::schema>& schema() const { return schema_; }
  const service_options& options() const { return options_; }
  cache_stats cache_statistics() const { return cache_.stats(); }

 private:
  // Parses and validates (a cache miss), then caches the outcome.
  std::shared_ptr<const prepared_document> build(std::string_view query,
                                                 std::uint32_t variant) const;

  std::shared_ptr<const type::schema> schema_;
  std::shared_ptr<const execution::resolver_map> resolvers_;
  service_options options_;
  mutable document_cache cache_;
};

// graphql-js getOperationAST: the named operation, or the only one when no name is given;
// nullptr when there is no such operation or several and no name.
const language::operation_definition_node* select_operation(
    const language::document& document, const std::optional<std::string>& operation_name);

}  // namespace cohort::graphql::service
