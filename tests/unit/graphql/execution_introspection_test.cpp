// Introspection answered by execution: graphql-js's getIntrospectionQuery() (every option on, as
// introspectionFromSchema runs it) executed over Twenty's golden workspace schema must give exactly
// introspection_from_schema, key order included; and it can be switched off per execution.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "graphql/execution/execute.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/utilities/build_client_schema.hpp"
#include "graphql/utilities/introspection_from_schema.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::graphql;

// graphql-js 16.15 getIntrospectionQuery({descriptions, specifiedByUrl, directiveIsRepeatable,
// schemaDescription, inputValueDeprecation, experimentalDirectiveDeprecation, oneOf: true}).
const char* const introspection_query = R"GQL(
    query IntrospectionQuery {
      __schema {
        description
        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives(includeDeprecated: true) {
          name
          description
          isRepeatable
          isDeprecated
          deprecationReason
          locations
          args(includeDeprecated: true) {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description
      specifiedByURL
      isOneOf
      fields(includeDeprecated: true) {
        name
        description
        args(includeDeprecated: true) {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields(includeDeprecated: true) {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue
      isDeprecated
      deprecationReason
    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        name
        kind
        ofType {
          name
          kind
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  )GQL";

std::shared_ptr<const type::schema> golden_schema() {
  std::ifstream in(std::string(COHORT_SHARED_DIR) +
                   "/spec/twenty-golden/introspection-graphql.json");
  std::stringstream ss;
  ss << in.rdbuf();
  auto built = utilities::build_client_schema(json::parse(ss.str()));
  EXPECT_TRUE(built) << (built.errors.empty() ? "" : built.errors[0]);
  return built.schema;
}

execution::execution_result run(std::shared_ptr<const type::schema> schema, std::string_view query,
                                bool introspection = true) {
  auto parsed = language::parse(query);
  EXPECT_TRUE(parsed.ok());
  execution::execution_request req;
  req.schema = std::move(schema);
  req.document = std::make_shared<const language::document>(std::move(parsed).value());
  req.options.introspection = introspection;
  auto result = execution::execute_sync(std::move(req));
  EXPECT_TRUE(result.has_value());
  return result ? *result : execution::execution_result{};
}

TEST(ExecutionIntrospection, GoldenSchemaMatchesIntrospectionFromSchema) {
  auto schema = golden_schema();
  ASSERT_TRUE(schema);
  auto result = run(schema, introspection_query);
  EXPECT_EQ(result.error_count, 0u);
  auto response = json::parse(result.body).as_object();
  ASSERT_TRUE(response.contains("data"));
  EXPECT_EQ(json::serialize(response["data"]),
            json::serialize(utilities::introspection_from_schema(*schema)));
  // Big enough to be the real thing: every type of the workspace schema.
  EXPECT_GT(result.body.size(), 100000u);
}

TEST(ExecutionIntrospection, TypeLookupAndTypename) {
  auto schema = golden_schema();
  ASSERT_TRUE(schema);
  auto result = run(
      schema,
      R"({ __typename t: __type(name: "Person") { name kind } n: __type(name: "Nope") { name } })");
  EXPECT_EQ(result.body,
            R"({"data":{"__typename":"Query","t":{"name":"Person","kind":"OBJECT"},"n":null}})");
}

TEST(ExecutionIntrospection, CanBeSwitchedOff) {
  auto schema = golden_schema();
  ASSERT_TRUE(schema);
  // __schema is non-null (__Schema!): the whole data goes.
  auto result = run(schema, "{ __schema { queryType { name } } }", false);
  EXPECT_EQ(
      result.body,
      R"({"errors":[{"message":"GraphQL introspection has been disabled, but the requested query contained the field \"__schema\".","locations":[{"line":1,"column":3}],"path":["__schema"]}],"data":null})");
  // __typename stays available.
  EXPECT_EQ(run(schema, "{ __typename }", false).body, R"({"data":{"__typename":"Query"}})");
}

}  // namespace
