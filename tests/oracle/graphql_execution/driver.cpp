// Cohort side of the execution oracle: rebuilds the sample schema from graphql-js's introspection
// of it, then executes every case of cases.jsonl with data.json as the root value and writes one
// response per line to actual.jsonl. Usage: oracle_graphql_execution_driver <out-dir> <oracle-dir>
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "graphql/execution/execute.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/utilities/build_client_schema.hpp"

namespace json = boost::json;
using namespace cohort::graphql;

static std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: oracle_graphql_execution_driver <out-dir> <oracle-dir>\n";
    return 2;
  }
  std::string out = argv[1];
  std::string dir = argv[2];
  auto built = utilities::build_client_schema(json::parse(slurp(out + "/introspection.json")));
  if (!built) {
    for (const auto& e : built.errors) std::cerr << e << "\n";
    return 1;
  }
  json::value data = json::parse(slurp(dir + "/data.json"));
  std::ifstream cases(out + "/cases.jsonl");
  std::ofstream actual(out + "/actual.jsonl", std::ios::binary);
  std::string line;
  while (std::getline(cases, line)) {
    if (line.empty()) continue;
    auto c = json::parse(line).as_object();
    auto parsed = language::parse(c["query"].as_string());
    if (!parsed) {
      actual << "SYNTAX ERROR\n";
      continue;
    }
    execution::execution_request req;
    req.schema = built.schema;
    req.document = std::make_shared<const language::document>(std::move(parsed).value());
    if (c["operationName"].is_string()) {
      req.operation_name = std::string(c["operationName"].as_string());
    }
    req.variables = c["variables"].as_object();
    req.root_value = data;
    auto result = execution::execute_sync(std::move(req));
    actual << (result ? result->body : std::string("DID NOT COMPLETE")) << "\n";
  }
  return 0;
}
