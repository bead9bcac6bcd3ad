#include "platform_harness.hpp"

#include <gtest/gtest.h>

#include <future>

#include "actors/request_context.hpp"
#include "fixtures/postgres_server.hpp"
#include "graphql/execution/execute.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/validation/validate.hpp"
#include "storage/migrations/migrator.hpp"

namespace cohort::testing {

namespace json = boost::json;

namespace {

// What the API layer does with a bearer token: verify it, then describe the caller.
std::optional<actors::caller> caller_from(const api::auth::token_service& tokens,
                                          const std::string& bearer, json::value& refusal) {
  actors::caller who;
  if (bearer.empty()) return who;
  auto verified = tokens.authenticate(bearer);
  if (!verified) {
    refusal = json::object{
        {"errors",
         json::array{json::object{
             {"message", verified.error().message},
             {"extensions", json::object{{"userFriendlyMessage",
                                          "You must be authenticated to perform this action."},
                                         {"subCode", "UNAUTHENTICATED"},
                                         {"code", "UNAUTHENTICATED"}}}}}}};
    return std::nullopt;
  }
  auto opt = [&](std::string_view claim) -> std::optional<std::string> {
    auto v = verified->string_claim(claim);
    return v.empty() ? std::nullopt : std::optional<std::string>(std::string(v));
  };
  who.token_type = std::string(api::auth::token_type_name(*verified->type));
  who.user_id = opt("userId");
  who.workspace_id = opt("workspaceId");
  who.workspace_member_id = opt("workspaceMemberId");
  who.user_workspace_id = opt("userWorkspaceId");
  who.auth_provider = std::string(verified->string_claim("authProvider"));
  return who;
}

}  // namespace

platform_harness::platform_harness(const std::string& database,
                                   std::function<void(config::settings&)> adjust_settings,
                                   std::function<void(api::platform::platform_services&)> adjust) {
  storage::pg::pool_options options;
  options.conninfo = postgres_server::shared().create_database(database);
  options.max_connections = 4;
  pool = storage::pg::pool::create(options);
  auto migrated = storage::migrations::run_migrations(*pool);
  EXPECT_TRUE(migrated.ok()) << (migrated.error ? migrated.error->message : "");

  // The recorded server's front-end URL, so workspace URLs read as in the golden exchanges.
  settings.frontend_url = "http://localhost:3300";
  settings.app_secret = "platform-test-secret";
  if (adjust_settings) adjust_settings(settings);
  tokens = std::make_shared<const api::auth::token_service>(
      api::auth::token_service_options::from_settings(settings));

  api::platform::platform_services services;
  services.pool = pool;
  services.tokens = tokens;
  services.settings = &settings;
  if (adjust) adjust(services);
  std::vector<std::string> errors;
  schema =
      api::platform::build_platform_schema(api::platform::endpoint::graphql, services, &errors);
  EXPECT_TRUE(schema) << (errors.empty() ? "" : errors[0]);
}

json::value platform_harness::run(const std::string& query, json::object variables,
                                  const std::string& bearer) {
  json::value refusal;
  auto who = caller_from(*tokens, bearer, refusal);
  if (!who) return refusal;
  auto parsed = graphql::language::parse(query);
  if (!parsed.ok()) return json::object{{"syntax_error", parsed.error().message}};
  auto document = std::make_shared<const graphql::language::document>(std::move(parsed).value());
  auto invalid = graphql::validation::validate(*schema, *document);
  if (!invalid.empty()) return json::object{{"validation_error", invalid[0].message}};

  actors::request_context context;
  context.who = *who;
  graphql::execution::execution_request req;
  req.schema = schema;
  req.document = document;
  req.variables = std::move(variables);
  req.context = &context;
  req.options.error_locations = false;  // Twenty's formatter drops them
  req.options.error_paths = false;
  std::promise<std::string> body;
  auto answered = body.get_future();
  graphql::execution::execute(std::move(req), [&body](graphql::execution::execution_result r) {
    body.set_value(std::move(r.body));
  });
  if (answered.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
    ADD_FAILURE() << "no answer within 60 s: " << query;
    std::abort();  // the resolvers still hold references to this frame
  }
  return json::parse(answered.get());
}

std::string platform_harness::sql(const std::string& statement, storage::pg::params args) {
  auto r = pool->query_sync(statement, std::move(args), false);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : storage::pg::describe(r.error())) << "\n" << statement;
  if (!r.ok() || r.rows() == 0) return "<none>";
  if (r.is_null(0, 0)) return "<null>";
  return std::string(r.get(0, 0));
}

const json::value& at_pointer(const json::value& body, std::string_view pointer) {
  static const json::value null_value;
  boost::system::error_code ec;
  const json::value* found = body.find_pointer(pointer, ec);
  if (!found) {
    ADD_FAILURE() << "no " << pointer << " in " << json::serialize(body);
    return null_value;
  }
  return *found;
}

json::object verified_claims(const api::auth::token_service& tokens, const json::value& token,
                             api::auth::token_type type) {
  if (!token.is_string()) {
    ADD_FAILURE() << "not a token: " << json::serialize(token);
    return {};
  }
  auto verified = tokens.verify(token.get_string(), type);
  if (!verified) {
    ADD_FAILURE() << "token refused: " << verified.error().message;
    return {};
  }
  return verified->claims;
}

}  // namespace cohort::testing
