// /metadata introspection as a client's tooling reads it: graphql-js (pinned, installed by the
// script with `npm ci` when missing) fetches it with its own introspection query and builds it
// with buildClientSchema and validateSchema.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>

#include "metadata_server.hpp"

using namespace cohort::testing;

TEST(MetadataIntrospection, GraphqlJsBuildsTheClientSchema) {
  auto& s = metadata_server::shared();
  const std::string script = std::string(COHORT_SOURCE_DIR) +
                             "/tests/integration/metadata/graphql_js/build_client_schema.mjs";
  const std::string command = "node '" + script + "' http://127.0.0.1:" + std::to_string(s.port()) +
                              " '" + s.token + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) output += buffer.data();
  const int status = pclose(pipe);
  ASSERT_EQ(status, 0) << output;
  EXPECT_NE(output.find("types="), std::string::npos) << output;
  // Object keeps its 25 fields of Twenty's contract.
  EXPECT_NE(output.find("objectFields=25"), std::string::npos) << output;
}
