#include "metadata_server.hpp"

#include <gtest/gtest.h>

namespace cohort::testing {

namespace json = boost::json;

metadata_server& metadata_server::shared() {
  // No rate limit: the tests run hundreds of requests with one token on purpose.
  static auto* instance = new metadata_server({.database = "metadata_demo",
                                               .app_secret = "metadata-test-secret",
                                               .env = {{"API_RATE_LIMITING_LIMIT", "0"}}});
  return *instance;
}

raw_response metadata_server::post(const std::string& query, const json::object& variables,
                                   const std::string& path, const std::string& bearer) {
  json::object body{{"query", query}};
  if (!variables.empty()) body["variables"] = variables;
  auto res = exchange("POST", path, json::serialize(body), bearer);
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
  // As before this fixture was shared: a Content-Type even on requests without a body.
  auto res = exchange(method, target, body, "<demo>",
                      body.empty() ? "Content-Type: application/json\r\n" : "");
  if (!res) {
    ADD_FAILURE() << "no response to " << method << " " << target;
    return {};
  }
  return *res;
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
