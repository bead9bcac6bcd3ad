// One `cohort serve --seed demo` for the metadata tests (integration_support/demo_workspace), with
// helpers that post to /metadata, /graphql and /rest/metadata and read tables and columns in SQL.
#pragma once

#include <algorithm>
#include <boost/json.hpp>
#include <string>

#include "integration_support/demo_workspace.hpp"

namespace cohort::testing {

inline bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

struct metadata_server : demo_workspace {
  using demo_workspace::demo_workspace;
  static metadata_server& shared();

  // POST {"query", "variables"} to `path` with the demo token (or `bearer`; "" for none).
  raw_response post(const std::string& query, const boost::json::object& variables = {},
                    const std::string& path = "/metadata", const std::string& bearer = "<demo>");
  // The parsed body of a POST that must answer 200 without errors; fails the test otherwise.
  boost::json::value data(const std::string& query, const boost::json::object& variables = {},
                          const std::string& path = "/metadata");
  // The first error of a POST that must fail.
  boost::json::object first_error(const std::string& query,
                                  const boost::json::object& variables = {},
                                  const std::string& path = "/metadata");
  // Any REST call with the demo token.
  raw_response rest(const std::string& method, const std::string& target,
                    const std::string& body = {});
  // The demo workspace's columns of `table`, "name:type" in ordinal order.
  std::vector<std::string> columns(const std::string& table);

  // Helpers over the metadata API (each fails the test when the API refuses).
  std::string object_id(const std::string& name_singular);
  std::string create_object(const std::string& singular, const std::string& plural);
  std::string create_field(const std::string& object_id, boost::json::object field);
  // updateOneField; the answer's {id name isActive isUnique defaultValue options}, empty when
  // refused.
  boost::json::object update_field(const std::string& id, boost::json::object update);
};

}  // namespace cohort::testing
