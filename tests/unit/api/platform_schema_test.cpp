// The platform schema against the recorded contract: built from the embedded /metadata
// introspection, it must introspect exactly as Twenty 1.6's /metadata does (0 differences), and
// its /graphql variant must match every platform type and root field of Twenty's /graphql.
// The introspection meta-types (__Type, ...) are the engine's, graphql-js 16.15's, which has
// isOneOf and directive deprecation that Twenty's graphql-js lacks: counted apart, not asserted.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "api/platform/platform_schema.hpp"
#include "graphql/execution/execute.hpp"
#include "graphql/language/parser.hpp"

namespace {

namespace json = boost::json;
namespace platform = cohort::api::platform;
using namespace cohort::graphql;

// The selection Twenty's recorded introspection answered (graphql-js 15's getIntrospectionQuery:
// no schema description, specifiedByURL, isRepeatable or input-value deprecation).
const char* const recorded_introspection_query = R"GQL(
query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}
)GQL";

json::value golden(const char* file) {
  std::ifstream in(std::string(COHORT_SHARED_DIR) + "/spec/twenty-golden/" + file);
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

json::value introspect(std::shared_ptr<const type::schema> schema) {
  auto parsed = language::parse(recorded_introspection_query);
  EXPECT_TRUE(parsed.ok());
  execution::execution_request req;
  req.schema = std::move(schema);
  req.document = std::make_shared<const language::document>(std::move(parsed).value());
  auto result = execution::execute_sync(std::move(req));
  EXPECT_TRUE(result.has_value());
  return result ? json::parse(result->body) : json::value();
}

bool is_meta_type_path(const std::string& path) {
  return path.find("(__") != std::string::npos;
}

// Leaf differences between two JSON values (missing keys count once); the first few printed.
std::size_t differences(const json::value& a, const json::value& b, const std::string& path,
                        std::vector<std::string>& shown) {
  auto note = [&](std::size_t n) {
    if (shown.size() < 10) shown.push_back(path);
    return n;
  };
  if (a.is_object() && b.is_object()) {
    std::size_t n = 0;
    std::set<std::string> keys;
    for (const auto& kv : a.get_object()) keys.insert(std::string(kv.key()));
    for (const auto& kv : b.get_object()) keys.insert(std::string(kv.key()));
    for (const auto& k : keys) {
      const json::value* x = a.get_object().if_contains(k);
      const json::value* y = b.get_object().if_contains(k);
      if (!x || !y) {
        n += note(1);
        continue;
      }
      n += differences(*x, *y, path + "." + k, shown);
    }
    return n;
  }
  if (a.is_array() && b.is_array()) {
    std::size_t n = 0;
    const auto& x = a.get_array();
    const auto& y = b.get_array();
    for (std::size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
      if (i >= x.size() || i >= y.size()) {
        n += note(1);
        continue;
      }
      std::string name;
      if (x[i].is_object() && x[i].get_object().if_contains("name") &&
          x[i].get_object().at("name").is_string()) {
        name = "(" + std::string(x[i].get_object().at("name").get_string()) + ")";
      }
      n += differences(x[i], y[i], path + "[" + std::to_string(i) + "]" + name, shown);
    }
    return n;
  }
  return a == b ? 0 : note(1);
}

platform::platform_services no_services() {
  return {};
}

// Our introspection without the newer Twenty root fields (and the types only they answer)
// served beside 1.6.0's, after checking that each is there.
json::value without_newer_root_fields(json::value introspection) {
  auto& types = introspection.at("data").at("__schema").at("types").as_array();
  for (const auto& name : platform::newer_types()) {
    auto it = std::find_if(types.begin(), types.end(),
                           [&](const json::value& t) { return t.at("name") == json::value(name); });
    EXPECT_NE(it, types.end()) << name << " is not served";
    if (it != types.end()) types.erase(it);
  }
  for (const auto& name : platform::newer_root_fields()) {
    const auto dot = name.find('.');
    const std::string root = name.substr(0, dot), field = name.substr(dot + 1);
    for (auto& t : introspection.at("data").at("__schema").at("types").as_array()) {
      if (t.at("name") != json::value(root)) continue;
      auto& fields = t.at("fields").as_array();
      auto it = std::find_if(fields.begin(), fields.end(), [&](const json::value& f) {
        return f.at("name") == json::value(field);
      });
      EXPECT_NE(it, fields.end()) << name << " is not served";
      if (it != fields.end()) fields.erase(it);
    }
  }
  return introspection;
}

}  // namespace

TEST(PlatformSchema, MetadataIntrospectionEqualsTwentysRecordedOne) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> errors;
  auto schema =
      platform::build_platform_schema(platform::endpoint::metadata, no_services(), &errors);
  auto build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(schema) << (errors.empty() ? "" : errors[0]);

  json::value ours = without_newer_root_fields(introspect(schema));
  json::value theirs = golden("introspection-metadata.json");
  // Compare type by type so the engine's meta-types can be told apart.
  const auto& our_types = ours.at("data").at("__schema").at("types").as_array();
  const auto& their_types = theirs.at("data").at("__schema").at("types").as_array();
  ASSERT_EQ(our_types.size(), their_types.size());
  std::size_t count = 0, meta = 0;
  std::vector<std::string> shown, meta_shown;
  for (std::size_t i = 0; i < our_types.size(); ++i) {
    std::string path = "types[" + std::to_string(i) + "](" +
                       std::string(their_types[i].at("name").as_string()) + ")";
    if (is_meta_type_path(path)) {
      meta += differences(our_types[i], their_types[i], path, meta_shown);
    } else {
      count += differences(our_types[i], their_types[i], path, shown);
    }
  }
  for (const char* key : {"queryType", "mutationType", "subscriptionType", "directives"}) {
    count += differences(ours.at("data").at("__schema").at(key),
                         theirs.at("data").at("__schema").at(key), key, shown);
  }
  std::cout << "[ platform ] /metadata schema built in " << build_ms << " ms; " << count
            << " differences from the golden introspection over " << their_types.size()
            << " types, roots and directives (" << meta
            << " more in the engine's introspection meta-types)\n";
  for (const auto& p : shown) std::cout << "  differs at " << p << "\n";
  EXPECT_EQ(count, 0u);
}

TEST(PlatformSchema, GraphqlVariantMatchesEveryPlatformTypeAndRootFieldOfTwentysGraphql) {
  auto schema = platform::build_platform_schema(platform::endpoint::graphql, no_services());
  ASSERT_TRUE(schema);
  json::value ours = without_newer_root_fields(introspect(schema));
  json::value theirs = golden("introspection-graphql.json");
  std::map<std::string, json::value> golden_types;
  for (const auto& t : theirs.at("data").at("__schema").at("types").as_array()) {
    golden_types[std::string(t.at("name").as_string())] = t;
  }
  // On /graphql these names are the workspace's record types (another generator's output).
  const std::set<std::string> record_types = {"WorkspaceMember",
                                              "WorkspaceMemberDateFormatEnum",
                                              "WorkspaceMemberTimeFormatEnum",
                                              "WorkspaceMemberNumberFormatEnum",
                                              "PageInfo",
                                              "WorkflowRun",
                                              "WorkflowVersion",
                                              "FilterIs"};
  std::size_t count = 0, types = 0, root_fields = 0;
  std::vector<std::string> shown;
  for (const auto& t : ours.at("data").at("__schema").at("types").as_array()) {
    std::string name(t.at("name").as_string());
    auto it = golden_types.find(name);
    if (it == golden_types.end()) {
      ++count;
      shown.push_back("type missing from Twenty's /graphql: " + name);
      continue;
    }
    if (record_types.count(name) || name.starts_with("__")) continue;
    if (name == "Query" || name == "Mutation") {
      std::map<std::string, json::value> golden_fields;
      for (const auto& f : it->second.at("fields").as_array()) {
        golden_fields[std::string(f.at("name").as_string())] = f;
      }
      for (const auto& f : t.at("fields").as_array()) {
        auto g = golden_fields.find(std::string(f.at("name").as_string()));
        ++root_fields;
        if (g == golden_fields.end()) {
          ++count;
          continue;
        }
        count += differences(f, g->second, name + "." + g->first, shown);
      }
      continue;
    }
    ++types;
    count += differences(t, it->second, name, shown);
  }
  std::cout << "[ platform ] /graphql platform part: " << types << " types and " << root_fields
            << " root fields compared, " << count << " differences\n";
  for (const auto& p : shown) std::cout << "  differs at " << p << "\n";
  EXPECT_EQ(count, 0u);
  EXPECT_GT(root_fields, 200u);
}

namespace {

json::value run_on(const std::shared_ptr<const cohort::graphql::type::schema>& schema,
                   const std::string& query) {
  auto parsed = language::parse(query);
  EXPECT_TRUE(parsed.ok()) << query;
  execution::execution_request req;
  req.schema = schema;
  req.document = std::make_shared<const language::document>(std::move(parsed).value());
  req.options.error_locations = false;
  req.options.error_paths = false;
  auto result = execution::execute_sync(std::move(req));
  EXPECT_TRUE(result);
  return result ? json::parse(result->body) : json::value();
}

}  // namespace

TEST(PlatformSchema, EveryRootFieldHasAResolverAndUnimplementedOnesSaySo) {
  auto schema = platform::build_platform_schema(platform::endpoint::metadata, no_services());
  ASSERT_TRUE(schema);
  const auto& implemented = platform::implemented_root_fields();
  auto is_implemented = [&](const std::string& name) {
    return std::find(implemented.begin(), implemented.end(), name) != implemented.end();
  };
  // The flows every client needs first are among the implemented ones, each listed once.
  for (const char* name :
       {"Mutation.signUp", "Mutation.signIn", "Mutation.renewToken", "Query.currentUser",
        "Query.currentWorkspace", "Mutation.activateWorkspace", "Query.search"}) {
    EXPECT_TRUE(is_implemented(name)) << name;
  }
  std::set<std::string> unique(implemented.begin(), implemented.end());
  EXPECT_EQ(unique.size(), implemented.size());

  // A Query field without required arguments that is not implemented answers Twenty's error
  // shape with a message that names it.
  auto fields = run_on(schema,
                       "{ __schema { queryType { fields { name args { type { kind } } "
                       "type { kind ofType { kind ofType { kind ofType { kind } } } } } } } }");
  std::string unimplemented;
  for (const auto& f : fields.at("data").at("__schema").at("queryType").at("fields").as_array()) {
    const std::string name(f.at("name").as_string());
    bool required_arg = false;
    for (const auto& a : f.at("args").as_array()) {
      required_arg = required_arg || a.at("type").at("kind") == json::value("NON_NULL");
    }
    // Object-typed (possibly wrapped): `{ name { __typename } }` is a valid selection.
    const json::value* t = &f.at("type");
    while (t->at("kind") == json::value("NON_NULL") || t->at("kind") == json::value("LIST")) {
      t = &t->at("ofType");
    }
    if (!required_arg && t->at("kind") == json::value("OBJECT") &&
        !is_implemented("Query." + name)) {
      unimplemented = name;
      break;
    }
  }
  ASSERT_FALSE(unimplemented.empty()) << "every argument-free Query field is implemented";
  auto answer = run_on(schema, "{ " + unimplemented + " { __typename } }");
  ASSERT_EQ(answer.at("errors").as_array().size(), 1u) << answer;
  EXPECT_EQ(answer.at("errors").at(0), json::parse(R"({"message":"Query.)" + unimplemented +
                                                   R"( is not implemented by this server yet",
              "extensions":{"code":"INTERNAL_SERVER_ERROR","userFriendlyMessage":"An error occurred."}})"));
}

TEST(PlatformSchema, AnonymousCurrentUserIsAForbiddenResourceAsInTwenty) {
  auto schema = platform::build_platform_schema(platform::endpoint::graphql, no_services());
  ASSERT_TRUE(schema);
  auto parsed = language::parse("{ currentUser { id } }");
  ASSERT_TRUE(parsed.ok());
  execution::execution_request req;
  req.schema = schema;
  req.document = std::make_shared<const language::document>(std::move(parsed).value());
  req.options.error_locations = false;
  req.options.error_paths = false;
  auto result = execution::execute_sync(std::move(req));
  ASSERT_TRUE(result);
  EXPECT_EQ(json::parse(result->body),
            json::parse(R"({"errors":[{"message":"Forbidden resource","extensions":
              {"code":"INTERNAL_SERVER_ERROR","userFriendlyMessage":"An error occurred."}}],
              "data":null})"));
}
