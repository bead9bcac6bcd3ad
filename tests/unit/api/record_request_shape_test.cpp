// Which requests the request gate may pass on a remembered standing (api/record_request_shape):
// record root fields only, on the safe side of anything it cannot tell without the schema.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/record_request_shape.hpp"

namespace {

using cohort::api::is_record_only_graphql;
using cohort::api::is_record_only_request;

std::string body(std::string_view query) {
  return boost::json::serialize(boost::json::object{{"query", query}});
}

cohort::api::http::request request(std::string method, std::string path, std::string b = {}) {
  cohort::api::http::request req;
  req.method = std::move(method);
  req.path = std::move(path);
  req.body = std::move(b);
  return req;
}

TEST(RecordRequestShape, RecordQueriesAndOneRecordMutation) {
  EXPECT_TRUE(is_record_only_graphql(body("{ people(first: 2) { edges { node { id } } } }")));
  EXPECT_TRUE(
      is_record_only_graphql(body("query Q($id: UUID!) { person(filter: { id: { eq: $id } }) { id "
                                  "} companies { totalCount } }")));
  EXPECT_TRUE(is_record_only_graphql(
      body("mutation { createPerson(data: { city: \"Paris\" }) { id ...F } } "
           "fragment F on Person { city }")));
}

TEST(RecordRequestShape, EverythingElseTakesTheFullCheck) {
  // Two mutations, a subscription, two operations.
  EXPECT_FALSE(is_record_only_graphql(
      body("mutation { a: createPerson(data: {}) { id } b: createPerson(data: {}) { id } }")));
  EXPECT_FALSE(is_record_only_graphql(body("subscription { onDbEvent { type } }")));
  EXPECT_FALSE(
      is_record_only_graphql(body("query A { people { totalCount } } query B { "
                                  "companies { totalCount } }")));
  // Platform root fields, introspection, fragments and directives at the root.
  EXPECT_FALSE(is_record_only_graphql(body("{ currentUser { id } }")));
  EXPECT_FALSE(is_record_only_graphql(body("{ people { totalCount } currentWorkspace { id } }")));
  EXPECT_FALSE(is_record_only_graphql(body("mutation { signOut }")));
  EXPECT_FALSE(
      is_record_only_graphql(body("mutation { renewToken(appToken: \"x\") { tokens { "
                                  "accessOrWorkspaceAgnosticToken { token } } } }")));
  EXPECT_FALSE(is_record_only_graphql(body("{ __schema { types { name } } }")));
  EXPECT_FALSE(is_record_only_graphql(body("{ __typename }")));
  EXPECT_FALSE(
      is_record_only_graphql(body("{ ...F } fragment F on Query { people { totalCount } }")));
  EXPECT_FALSE(is_record_only_graphql(body("{ people @include(if: true) { totalCount } }")));
  // Bodies that do not parse, or batches.
  EXPECT_FALSE(is_record_only_graphql("{"));
  // Built with append: GCC 12 warns falsely (-Wrestrict) on `"[" + std::string&&`.
  std::string batch = "[";
  batch.append(body("{ people { totalCount } }")).append("]");
  EXPECT_FALSE(is_record_only_graphql(batch));
  EXPECT_FALSE(is_record_only_graphql(body("{ people {")));
}

TEST(RecordRequestShape, PathsAndMethods) {
  const auto people = body("{ people { totalCount } }");
  EXPECT_TRUE(is_record_only_request(request("POST", "/graphql", people)));
  EXPECT_FALSE(is_record_only_request(request("POST", "/metadata", people)));
  EXPECT_FALSE(is_record_only_request(request("GET", "/graphql", people)));
  EXPECT_TRUE(is_record_only_request(request("GET", "/rest/people")));
  EXPECT_TRUE(is_record_only_request(request("PATCH", "/rest/people/1b2c")));
  EXPECT_TRUE(is_record_only_request(request("POST", "/rest/people")));
  EXPECT_FALSE(is_record_only_request(request("POST", "/rest/batch/people")));
  EXPECT_FALSE(is_record_only_request(request("GET", "/rest/metadata/objects")));
  EXPECT_FALSE(is_record_only_request(request("GET", "/rest/apiKeys")));
  EXPECT_FALSE(is_record_only_request(request("GET", "/rest/webhooks")));
  EXPECT_FALSE(is_record_only_request(request("GET", "/rest/open-api/core")));
  EXPECT_FALSE(is_record_only_request(request("GET", "/rest")));
}

}  // namespace
