// One `cohort serve --seed demo` for the whole binary (integration_support/demo_workspace), with
// the GraphQL helper these tests use: the raw response of a POST.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "integration_support/demo_workspace.hpp"

namespace cohort::testing {

inline constexpr const char* demo_app_secret = "graphql-api-test-secret";

struct demo_server : demo_workspace {
  using demo_workspace::demo_workspace;
  static demo_server& shared();

  // An ACCESS token of the demo user in the demo workspace.
  const std::string& access_token() const { return token; }
  // POST /graphql (or `path`) with {"query", "variables"}; the bearer token unless empty.
  raw_response post(const std::string& query, const boost::json::object& variables = {},
                    const std::string& bearer = "<demo>", const std::string& path = "/graphql");
};

}  // namespace cohort::testing
