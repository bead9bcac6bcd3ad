#include "metadata_server.hpp"

#include <gtest/gtest.h>

#include "api/auth/token_service.hpp"
#include "fixtures/postgres_server.hpp"
#include "runtime/seed/seed_plan.hpp"
#include "storage/ddl/workspace_provisioner.hpp"

namespace cohort::testing {

namespace json = boost::json;

metadata_server& metadata_server::shared() {
  static metadata_server* instance = [] {
    auto* d = new metadata_server();
    auto& pg = postgres_server::shared();
    d->database = pg.create_database("metadata_demo");
    d->server = std::make_unique<cohort_server>(cohort_server::options{
        .args = {"--seed", "demo"},
        // No rate limit: the tests run hundreds of requests with one token on purpose.
        .env = {{"PG_DATABASE_URL", d->database},
                {"APP_SECRET", metadata_app_secret},
                {"API_RATE_LIMITING_LIMIT", "0"}},
        .data_dir = std::nullopt});
    if (!d->server->wait_ready(std::chrono::seconds(60))) {
      ADD_FAILURE() << "cohort did not start:\n" << d->server->proc().output();
    }
    auto plan = runtime::seed::demo_seed();
    const auto& ws = plan.workspaces.front();
    const auto& user = ws.users.front();
    d->workspace_id = ws.id;
    d->schema = *storage::ddl::schema_name_for(ws.id);
    api::auth::token_service_options opts;
    opts.app_secret = metadata_app_secret;
    api::auth::token_service tokens(opts);
    d->token = tokens
                   .mint_access({.user_id = user.id,
                                 .workspace_id = ws.id,
                                 .workspace_member_id = user.workspace_member_id,
                                 .user_workspace_id = user.user_workspace_id,
                                 .auth_provider = "password",
                                 .impersonation = std::nullopt})
                   .token;
    storage::pg::pool_options popts;
    popts.conninfo = d->database;
    d->pool = storage::pg::pool::create(popts);
    return d;
  }();
  return *instance;
}

raw_response metadata_server::post(const std::string& query, const json::object& variables,
                                   const std::string& path, const std::string& bearer) {
  json::object body{{"query", query}};
  if (!variables.empty()) body["variables"] = variables;
  std::string headers = "Content-Type: application/json\r\n";
  std::string t = bearer == "<demo>" ? token : bearer;
  if (!t.empty()) headers += "Authorization: Bearer " + t + "\r\n";
  raw_client client(port());
  client.send(http_post(path, json::serialize(body), headers));
  auto res = client.read_response(std::chrono::seconds(60));
  if (!res) {
    const auto& out = server->proc().output();
    ADD_FAILURE() << "no response to " << query << "\nserver output (tail):\n"
                  << out.substr(out.size() > 4000 ? out.size() - 4000 : 0);
    return {};
  }
  return *res;
}

json::value metadata_server::data(const std::string& query, const json::object& variables,
                                  const std::string& path) {
  auto res = post(query, variables, path);
  EXPECT_EQ(res.status, 200u) << res.body;
  boost::system::error_code ec;
  auto body = json::parse(res.body, ec);
  if (ec || !body.is_object()) {
    ADD_FAILURE() << "not JSON: " << res.body;
    return nullptr;
  }
  if (body.as_object().contains("errors")) {
    ADD_FAILURE() << query << "\n -> " << res.body;
    return nullptr;
  }
  return body.at("data");
}

json::object metadata_server::first_error(const std::string& query, const json::object& variables,
                                          const std::string& path) {
  auto res = post(query, variables, path);
  EXPECT_EQ(res.status, 200u) << res.body;
  boost::system::error_code ec;
  auto body = json::parse(res.body, ec);
  if (ec || !body.is_object() || !body.as_object().contains("errors")) {
    ADD_FAILURE() << "expected errors from " << query << "\n -> " << res.body;
    return {};
  }
  return body.at("errors").as_array().at(0).as_object();
}

raw_response metadata_server::rest(const std::string& method, const std::string& target,
                                   const std::string& body) {
  std::string request =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Authorization: Bearer " +
      token + "\r\n" +
      "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\nConnection: close\r\n\r\n" + body;
  raw_client client(port());
  client.send(request);
  auto res = client.read_response(std::chrono::seconds(60));
  if (!res) {
    ADD_FAILURE() << "no response to " << method << " " << target;
    return {};
  }
  return *res;
}

storage::pg::result metadata_server::sql(const std::string& statement) {
  std::string text = statement;
  for (auto at = text.find("{s}"); at != std::string::npos; at = text.find("{s}"))
    text.replace(at, 3, "\"" + schema + "\"");
  return pool->query_sync(text, {}, false);
}

std::vector<std::string> metadata_server::columns(const std::string& table) {
  auto r = pool->query_sync(
      "SELECT column_name || ':' || udt_name FROM information_schema.columns "
      "WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
      {schema, table}, false);
  std::vector<std::string> out;
  if (!r.ok()) {
    ADD_FAILURE() << r.error().message;
    return out;
  }
  for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.get(i, 0));
  return out;
}

std::string metadata_server::object_id(const std::string& name_singular) {
  auto d = data("{ objects(paging: {first: 1000}) { edges { node { id nameSingular } } } }");
  if (d.is_null()) return {};
  for (const auto& e : d.at("objects").at("edges").as_array()) {
    if (e.at("node").at("nameSingular") == json::value(name_singular)) {
      return std::string(e.at("node").at("id").as_string());
    }
  }
  ADD_FAILURE() << "no object " << name_singular;
  return {};
}

std::string metadata_server::create_object(const std::string& singular, const std::string& plural) {
  std::string label = singular;
  label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  auto d = data("mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }",
                {{"input",
                  {{"object",
                    {{"nameSingular", singular},
                     {"namePlural", plural},
                     {"labelSingular", label},
                     {"labelPlural", label + "s"}}}}}});
  if (d.is_null()) return {};
  return std::string(d.at("createOneObject").at("id").as_string());
}

std::string metadata_server::create_field(const std::string& object_id, json::object field) {
  field["objectMetadataId"] = object_id;
  auto d = data(
      "mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }",
      {{"input", {{"field", field}}}});
  if (d.is_null()) return {};
  return std::string(d.at("createOneField").at("id").as_string());
}

json::object metadata_server::update_field(const std::string& id, json::object update) {
  auto d = data(
      "mutation($input: UpdateOneFieldMetadataInput!) { updateOneField(input: $input) "
      "{ id name isActive isUnique defaultValue options } }",
      {{"input", {{"id", id}, {"update", std::move(update)}}}});
  return d.is_null() ? json::object{} : d.at("updateOneField").as_object();
}

}  // namespace cohort::testing
