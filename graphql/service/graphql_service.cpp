// The request pipeline of graphql_service. The steps follow graphql-yoga's order, which is what
// Twenty answers: parse, then operation selection (and whether its type is allowed), then
// validation, then execution with variable coercion. Parse and validation outcomes, error bodies
// included, live in the document cache, so a repeated query, valid or not, costs a hash lookup.
#include "graphql/service/graphql_service.hpp"

#include <boost/json/serialize.hpp>

#include "graphql/service/utf8_text.hpp"
#include "graphql/utilities/js_values.hpp"

namespace cohort::graphql::service {

namespace lang = language;

namespace {

void write_locations(std::string& out, const std::vector<lang::source_location>& locations) {
  if (locations.empty()) return;
  out += ",\"locations\":[";
  for (std::size_t i = 0; i < locations.size(); ++i) {
    if (i) out += ',';
    out += "{\"line\":" + std::to_string(locations[i].line) +
           ",\"column\":" + std::to_string(locations[i].column) + "}";
  }
  out += ']';
}

// One error as graphql-js's toJSON writes it: message, locations, extensions.
void write_error(std::string& out, std::string_view message,
                 const std::vector<lang::source_location>& locations, std::string_view code) {
  out += "{\"message\":";
  out += utilities::json_stringify(message);
  write_locations(out, locations);
  if (!code.empty()) {
    out += ",\"extensions\":{\"code\":";
    out += utilities::json_stringify(code);
    out += '}';
  }
  out += '}';
}

std::string syntax_error_body(const lang::syntax_error& error, bool codes) {
  std::string out = "{\"errors\":[";
  write_error(out, error.message, {error.location}, codes ? "GRAPHQL_PARSE_FAILED" : "");
  out += "]}";
  return out;
}

std::string validation_error_body(const std::vector<validation::graphql_error>& errors,
                                  bool codes) {
  std::string out = "{\"errors\":[";
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i) out += ',';
    write_error(out, errors[i].message, errors[i].locations, codes ? errors[i].code : "");
  }
  out += "]}";
  return out;
}

std::string single_error_body(std::string_view message) {
  std::string out = "{\"errors\":[";
  write_error(out, message, {}, "");
  out += "]}";
  return out;
}

bool allowed(const run_options& options, lang::operation_type type) {
  switch (type) {
    case lang::operation_type::query:
      return options.allow_query;
    case lang::operation_type::mutation:
      return options.allow_mutation;
    case lang::operation_type::subscription:
      return options.allow_subscription;
  }
  return false;
}

}  // namespace

const lang::operation_definition_node* select_operation(
    const lang::document& document, const std::optional<std::string>& operation_name) {
  const lang::operation_definition_node* found = nullptr;
  for (const auto* def : document.definitions()) {
    const auto* op = lang::as_if<lang::operation_definition_node>(def);
    if (op == nullptr) continue;
    if (!operation_name) {
      if (found != nullptr) return nullptr;
      found = op;
    } else if (!op->name.empty() && op->name.value == *operation_name) {
      return op;
    }
  }
  return operation_name ? nullptr : found;
}

graphql_service::graphql_service(std::shared_ptr<const type::schema> schema,
                                 std::shared_ptr<const execution::resolver_map> resolvers,
                                 service_options options)
    : schema_(std::move(schema)),
      resolvers_(std::move(resolvers)),
      options_(std::move(options)),
      cache_(options_.cache) {}

std::shared_ptr<const prepared_document> graphql_service::prepare(std::string_view query,
                                                                  bool hide_suggestions) const {
  std::uint32_t variant = hide_suggestions ? 1 : 0;
  if (auto hit = cache_.find(query, variant)) return hit;
  return build(query, variant);
}

std::shared_ptr<const prepared_document> graphql_service::build(std::string_view query,
                                                                std::uint32_t variant) const {
  auto entry = std::make_shared<prepared_document>();
  entry->variant = variant;
  // Invalid UTF-8 is parsed as a JavaScript server would see it; the entry then holds the
  // repaired text, so such a query is never a cache hit (a rare, hostile case).
  auto repaired = repair_utf8(query);
  if (repaired) query = *repaired;
  auto parsed = lang::parse(query, options_.parse);
  if (!parsed) {
    entry->failed_source = std::string(query);
    entry->error_body = syntax_error_body(parsed.error(), options_.error_codes);
    entry->error_count = 1;
  } else {
    entry->document = std::make_shared<const lang::document>(std::move(parsed).value());
    auto vo = options_.validate;
    vo.hide_suggestions = vo.hide_suggestions || variant == 1;
    auto errors = validation::validate(*schema_, *entry->document, vo);
    if (!errors.empty()) {
      entry->error_body = validation_error_body(errors, options_.error_codes);
      entry->error_count = errors.size();
    }
  }
  std::shared_ptr<const prepared_document> shared = std::move(entry);
  cache_.insert(shared);
  return shared;
}

void graphql_service::run(graphql_params params, void* context, const run_options& options,
                          run_callback on_done) const {
  std::uint32_t variant = options.execution.hide_suggestions ? 1 : 0;
  auto prepared = cache_.find(params.query, variant);
  bool hit = prepared != nullptr;
  if (!hit) prepared = build(params.query, variant);

  run_result result;
  result.cache_hit = hit;
  if (!prepared->parsed()) {
    result.status = run_status::parse_failed;
    result.body = prepared->error_body;
    result.error_count = prepared->error_count;
    on_done(std::move(result));
    return;
  }
  const auto* op = select_operation(*prepared->document, params.operation_name);
  if (op == nullptr) {
    result.status = run_status::operation_unresolved;
    result.body = single_error_body(
        params.operation_name ? "Unknown operation named \"" + *params.operation_name + "\"."
                              : std::string("Must provide operation name if query contains "
                                            "multiple operations."));
    result.error_count = 1;
    on_done(std::move(result));
    return;
  }
  result.operation = op->operation;
  if (!allowed(options, op->operation)) {
    result.status = run_status::operation_not_allowed;
    result.body =
        single_error_body("Operation type \"" + std::string(lang::to_string(op->operation)) +
                          "\" is not allowed here.");
    result.error_count = 1;
    on_done(std::move(result));
    return;
  }
  if (!prepared->valid()) {
    result.status = run_status::validation_failed;
    result.body = prepared->error_body;
    result.error_count = prepared->error_count;
    on_done(std::move(result));
    return;
  }

  execution::execution_request req;
  req.schema = schema_;
  req.document = prepared->document;  // shares the cached tree
  req.operation_name = std::move(params.operation_name);
  req.variables = std::move(params.variables);
  req.context = context;
  req.resolvers = resolvers_;
  req.shared_root_value = options_.root_value;
  req.options = options.execution;
  execution::execute(std::move(req), [hit, type = op->operation, done = std::move(on_done)](
                                         execution::execution_result executed) {
    run_result out;
    out.status = executed.has_data ? run_status::executed : run_status::variables_invalid;
    out.body = std::move(executed.body);
    out.error_count = executed.error_count;
    out.operation = type;
    out.cache_hit = hit;
    done(std::move(out));
  });
}

}  // namespace cohort::graphql::service
