// Oracle driver: reads JSON lines {"source", "mode", "maxTokens"} on stdin (mode: document,
// value, const_value, type or schema_coordinate) and writes, per line,
// what Cohort's parser makes of the source — {"print", "locs"} or {"error", "locations"} — in
// the shape run_oracle.mjs produces from graphql-js, so the two can be compared field by field.
#include <boost/json.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "graphql/language/parser.hpp"
#include "graphql/language/printer.hpp"
#include "graphql/language/schema_coordinate.hpp"
#include "graphql/language/utf8.hpp"
#include "graphql/language/visitor.hpp"

namespace lang = cohort::graphql::language;
namespace json = boost::json;

namespace {

// graphql-js offsets count UTF-16 code units; ours count bytes.
std::vector<std::uint32_t> utf16_offsets(std::string_view source) {
  std::vector<std::uint32_t> offsets(source.size() + 1);
  std::uint32_t units = 0;
  for (std::size_t i = 0; i < source.size(); ++i) {
    offsets[i] = units;
    auto b = static_cast<unsigned char>(source[i]);
    if ((b & 0xC0) != 0x80) ++units;
    if (b >= 0xF0) ++units;
  }
  offsets[source.size()] = units;
  return offsets;
}

struct location_dump {
  const std::vector<std::uint32_t>& offsets;
  std::string out;
  void enter(const lang::node& n) {
    if (!out.empty()) out += ';';
    out += lang::kind_name(n.kind);
    out += ' ' + std::to_string(offsets[n.loc.start]) + ' ' + std::to_string(offsets[n.loc.end]);
  }
};

json::object error(const lang::syntax_error& e) {
  json::array locations;
  locations.push_back(json::object{{"line", e.location.line}, {"column", e.location.column}});
  return {{"error", e.message}, {"locations", std::move(locations)}};
}

template <class Parsed>
json::object describe(const lang::parse_result<Parsed>& result) {
  if (!result) return error(result.error());
  json::object out;
  out["print"] = lang::print(result->root());
  auto offsets = utf16_offsets(result->source());
  location_dump dump{offsets, {}};
  lang::visit(result->root(), dump);
  out["locs"] = dump.out;
  return out;
}

json::object run(const json::object& request) {
  std::string source(request.at("source").as_string());
  std::string mode =
      request.contains("mode") ? std::string(request.at("mode").as_string()) : "document";
  lang::parse_options options = lang::parse_options::trusted();
  if (request.contains("maxTokens")) {
    options.max_tokens = static_cast<std::uint32_t>(request.at("maxTokens").to_number<int64_t>());
  }
  if (mode == "value") return describe(lang::parse_value(source, options));
  if (mode == "const_value") return describe(lang::parse_const_value(source, options));
  if (mode == "type") return describe(lang::parse_type(source, options));
  if (mode == "schema_coordinate") {
    auto result = lang::parse_schema_coordinate(source);
    if (!result) return error(result.error());
    return {{"print", lang::print(*result)}};
  }
  return describe(lang::parse(source, options));
}

}  // namespace

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    std::cout << json::serialize(run(json::parse(line).as_object())) << '\n';
  }
  return 0;
}
