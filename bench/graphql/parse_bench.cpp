// Parse cost of typical GraphQL documents: Cohort's parser (full parse, lexing alone, printing)
// against graphql-js 16 parsing the same text in the same run, when node and the oracle's
// node_modules are present.
//   bench_graphql_parse [iterations]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "graphql/language/lexer.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/language/printer.hpp"

namespace lang = cohort::graphql::language;

namespace {

struct sample {
  const char* name;
  std::string source;
};

const char* const twenty_query =
    R"(query { people(filter: {name: {firstName: {like: "%a%"}}}, orderBy: [{createdAt: DescNullsLast}], first: 20) { edges { node { id name { firstName lastName } emails { primaryEmail } company { id name } } } pageInfo { hasNextPage endCursor } totalCount } })";

// graphql-js getIntrospectionQuery() with descriptions: what every GraphQL client sends first.
const char* const introspection_query = R"(
    query IntrospectionQuery {
      __schema {
        queryType { name }
        mutationType { name }
        subscriptionType { name }
        types {
          ...FullType
        }
        directives {
          name
          description
          locations
          args {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description
      fields(includeDeprecated: true) {
        name
        description
        args {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields {
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
    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        kind
        name
        ofType {
          kind
          name
          ofType {
            kind
            name
            ofType {
              kind
              name
              ofType {
                kind
                name
                ofType {
                  kind
                  name
                  ofType {
                    kind
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  )";

// Median of `rounds` timings of `iterations` calls, in microseconds per call.
template <class F>
double median_us(int iterations, F&& f) {
  std::vector<double> rounds;
  for (int r = 0; r < 7; ++r) {
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < iterations; ++i) f();
    std::chrono::duration<double, std::micro> elapsed = std::chrono::steady_clock::now() - start;
    rounds.push_back(elapsed.count() / iterations);
  }
  std::sort(rounds.begin(), rounds.end());
  return rounds[rounds.size() / 2];
}

// graphql-js's time for the same source, or a negative number when it cannot run here.
double graphql_js_us(const std::string& source, int iterations) {
  std::filesystem::path oracle = std::filesystem::path(COHORT_SOURCE_DIR) / "tests/oracle/graphql";
  if (!std::filesystem::exists(oracle / "node_modules/graphql/package.json")) return -1;
  auto dir = std::filesystem::temp_directory_path();
  auto script = dir / "cohort_bench_graphql_js.cjs";
  auto input = dir / "cohort_bench_graphql_js.graphql";
  std::ofstream(input) << source;
  // Paths and the count go in as arguments, which keeps quoting out of the script.
  std::ofstream js(script);
  js << "const {parse} = require(process.argv[2]);\n"
     << "const src = require('fs').readFileSync(process.argv[3], 'utf8');\n"
     << "const n = Number(process.argv[4]);\n"
     << "for (let i = 0; i < n; ++i) parse(src);  // warm up the JIT\n"
     << "const rounds = [];\n"
     << "for (let r = 0; r < 7; ++r) {\n"
     << "  const t = process.hrtime.bigint();\n"
     << "  for (let i = 0; i < n; ++i) parse(src);\n"
     << "  rounds.push(Number(process.hrtime.bigint() - t) / 1000 / n);\n"
     << "}\n"
     << "rounds.sort((a, b) => a - b);\n"
     << "console.log(rounds[3]);\n";
  js.close();
  std::string command = "node " + script.string() + " " +
                        (oracle / "node_modules/graphql").string() + " " + input.string() + " " +
                        std::to_string(iterations) + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  char line[64] = {};
  bool read = std::fgets(line, sizeof line, pipe) != nullptr;
  int status = pclose(pipe);
  return read && status == 0 ? std::atof(line) : -1;
}

}  // namespace

int main(int argc, char** argv) {
  int iterations = argc > 1 ? std::atoi(argv[1]) : 20000;
  std::vector<sample> samples = {{"twenty people query", twenty_query},
                                 {"introspection query", introspection_query}};
  std::printf("%-22s %6s %7s %9s %9s %9s %11s\n", "document", "bytes", "tokens", "parse us",
              "lex us", "print us", "graphql-js");
  for (const auto& s : samples) {
    auto parsed = lang::parse(s.source);
    if (!parsed) {
      std::fprintf(stderr, "%s: %s\n", s.name, parsed.error().message.c_str());
      return 1;
    }
    std::size_t sink = 0;
    double parse_us = median_us(iterations, [&] { sink += lang::parse(s.source)->token_count(); });
    double lex_us = median_us(iterations, [&] { sink += lang::tokenize(s.source)->tokens.size(); });
    double print_us = median_us(iterations, [&] { sink += lang::print(*parsed).size(); });
    double js_us = graphql_js_us(s.source, iterations);
    char js[32] = "n/a";
    if (js_us >= 0) std::snprintf(js, sizeof js, "%.2f us", js_us);
    std::printf("%-22s %6zu %7u %9.2f %9.2f %9.2f %11s   (arena %zu bytes)\n", s.name,
                s.source.size(), parsed->token_count(), parse_us, lex_us, print_us, js,
                parsed->memory_bytes());
    if (sink == 0) return 1;
  }
  return 0;
}
