#include "demo_server.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace cohort::testing {

demo_server& demo_server::shared() {
  static auto* instance =
      new demo_server({.database = "graphql_api_demo", .app_secret = demo_app_secret});
  return *instance;
}

raw_response demo_server::post(const std::string& query, const boost::json::object& variables,
                               const std::string& bearer, const std::string& path) {
  boost::json::object body{{"query", query}};
  if (!variables.empty()) body["variables"] = variables;
  std::string headers = "Content-Type: application/json\r\n";
  const std::string& t = bearer == "<demo>" ? token : bearer;
  if (!t.empty()) headers += "Authorization: Bearer " + t + "\r\n";
  raw_client client(port());
  client.send(http_post(path, boost::json::serialize(body), headers));
  auto res = client.read_response(std::chrono::seconds(30));
  if (!res) {
    ADD_FAILURE() << "no response to " << query;
    return {};
  }
  return *res;
}

}  // namespace cohort::testing
