// Oracle driver: validates each case of a cases file against the schema rebuilt from an
// introspection result and prints, per case, the errors (message and locations) as JSON.
//   graphql_validation_oracle <introspection.json> <cases.json>   (cases: [{name, source,
//   maxErrors?}])
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "graphql/language/parser.hpp"
#include "graphql/utilities/build_client_schema.hpp"
#include "graphql/validation/validate.hpp"

namespace gql = cohort::graphql;

static std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: graphql_validation_oracle <introspection.json> <cases.json>\n";
    return 2;
  }
  auto built = gql::utilities::build_client_schema(boost::json::parse(read_file(argv[1])));
  if (!built) {
    for (const auto& e : built.errors) std::cerr << e << "\n";
    return 2;
  }
  boost::json::array out;
  boost::json::value cases = boost::json::parse(read_file(argv[2]));
  for (const auto& c : cases.as_array()) {
    const auto& obj = c.as_object();
    boost::json::object result;
    result["name"] = obj.at("name");
    auto parsed = gql::language::parse(obj.at("source").as_string());
    if (!parsed) {
      result["syntax"] = parsed.error().message;
      out.push_back(std::move(result));
      continue;
    }
    auto options = gql::validation::validate_options::graphql_js();
    if (const auto* m = obj.if_contains("maxErrors")) {
      options.max_errors = static_cast<std::size_t>(m->to_number<double>());
    }
    boost::json::array errors;
    for (const auto& e : gql::validation::validate(*built.schema, *parsed, options)) {
      boost::json::array locations;
      for (const auto& l : e.locations) {
        boost::json::object location;
        location["line"] = l.line;
        location["column"] = l.column;
        locations.push_back(std::move(location));
      }
      boost::json::object error;
      error["message"] = e.message;
      error["locations"] = std::move(locations);
      errors.push_back(std::move(error));
    }
    result["errors"] = std::move(errors);
    out.push_back(std::move(result));
  }
  std::cout << boost::json::serialize(out) << "\n";
  return 0;
}
