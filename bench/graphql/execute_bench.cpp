// Execution cost of a typical Twenty record query (people with name, emails, company, pageInfo,
// totalCount; 20 records) against the golden workspace schema, next to graphql-js doing the same
// work in the same run (execute_bench.cjs, when node and the oracle's node_modules are present).
// Cohort runs it two ways: default resolvers over a root value (graphql-js's work), and the
// record-API way, a root resolver parsing the subtree's JSON text (what one SQL statement
// returns) and answering it shaped, and the latter through graphql_service::run with the
// document cache hit (what a repeated /graphql request costs). CPU µs per request, median of 7.
//   bench_graphql_execute [iterations]
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "graphql/execution/execute.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/service/graphql_service.hpp"
#include "graphql/utilities/build_client_schema.hpp"
#include "graphql/validation/validate.hpp"

namespace json = boost::json;
namespace gql = cohort::graphql;
namespace fs = std::filesystem;

namespace {

const char* const twenty_query =
    R"(query { people(filter: {name: {firstName: {like: "%a%"}}}, orderBy: [{createdAt: DescNullsLast}], first: 20) { edges { node { id name { firstName lastName } emails { primaryEmail } company { id name } } } pageInfo { hasNextPage endCursor } totalCount } })";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The people subtree as the record API's SQL would return it.
std::string people_json() {
  json::array edges;
  const char* first[] = {"Ada", "Grace", "Alan", "Barbara", "Linus"};
  const char* last[] = {"Lovelace", "Hopper", "Turing", "Liskov", "Torvalds"};
  for (int i = 0; i < 20; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "20202020-0000-4000-8000-%012d", i);
    json::object node{
        {"id", id},
        {"name", {{"firstName", first[i % 5]}, {"lastName", last[i % 5]}}},
        {"emails", {{"primaryEmail", std::string(first[i % 5]) + "@example.com"}}},
        {"company", {{"id", std::string(id) + "c"}, {"name", "Company " + std::to_string(i)}}}};
    edges.push_back(json::object{{"node", std::move(node)}});
  }
  json::object people{{"edges", std::move(edges)},
                      {"pageInfo", {{"hasNextPage", true}, {"endCursor", "eyJpZCI6MTl9"}}},
                      {"totalCount", 137}};
  return json::serialize(people);
}

double cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

template <class F>
double median_us(int iterations, F&& f) {
  for (int i = 0; i < iterations / 5 + 1; ++i) f();
  std::vector<double> rounds;
  for (int r = 0; r < 7; ++r) {
    double start = cpu_us();
    for (int i = 0; i < iterations; ++i) f();
    rounds.push_back((cpu_us() - start) / iterations);
  }
  std::sort(rounds.begin(), rounds.end());
  return rounds[3];
}

}  // namespace

int main(int argc, char** argv) {
  int iterations = argc > 1 ? std::atoi(argv[1]) : 2000;
  fs::path shared = fs::path(COHORT_SOURCE_DIR) / "../shared/spec/twenty-golden";
  fs::path introspection = shared / "introspection-graphql.json";
  auto built = gql::utilities::build_client_schema(json::parse(slurp(introspection)));
  if (!built) {
    std::fprintf(stderr, "schema: %s\n", built.errors.empty() ? "?" : built.errors[0].c_str());
    return 1;
  }
  auto schema = built.schema;
  std::string subtree = people_json();
  json::value root = json::object{{"people", json::parse(subtree)}};
  auto shared_root = std::make_shared<const json::value>(root);

  auto shaped = std::make_shared<gql::execution::resolver_map>(schema);
  shaped->set("Query", "people",
              [&subtree](gql::execution::resolve_info&, gql::execution::completion done) {
                done.resolve_shaped(json::parse(subtree));
              });

  std::size_t sink = 0;
  auto run = [&](std::shared_ptr<const gql::language::document> doc, bool use_resolver) {
    gql::execution::execution_request req;
    req.schema = schema;
    req.document = std::move(doc);
    if (use_resolver) {
      req.resolvers = shaped;
    } else {
      req.shared_root_value = shared_root;
    }
    auto result = gql::execution::execute_sync(std::move(req));
    sink += result ? result->body.size() : 0;
    return result;
  };
  auto parse_validate = [&] {
    auto parsed = gql::language::parse(twenty_query);
    auto doc = std::make_shared<const gql::language::document>(std::move(parsed).value());
    auto errors = gql::validation::validate(*schema, *doc);
    if (!errors.empty()) {
      std::fprintf(stderr, "validation: %s\n", errors[0].message.c_str());
      std::exit(1);
    }
    return doc;
  };

  auto cached = parse_validate();
  auto check = run(cached, false);
  auto check_shaped = run(cached, true);
  if (!check || !check_shaped || check->error_count != 0 || check->body != check_shaped->body) {
    std::fprintf(stderr, "unexpected response: %s\n", check ? check->body.c_str() : "none");
    return 1;
  }

  double full_default = median_us(iterations, [&] { run(parse_validate(), false); });
  double exec_default = median_us(iterations, [&] { run(cached, false); });
  double full_shaped = median_us(iterations, [&] { run(parse_validate(), true); });
  double exec_shaped = median_us(iterations, [&] { run(cached, true); });
  // graphql_service::run with the prepared document cached: the per-request path of /graphql
  // minus HTTP (cache lookup by the query text, operation selection, execute).
  gql::service::graphql_service service(schema, shaped);
  auto service_run = [&] {
    gql::service::graphql_params params;
    params.query = twenty_query;
    service.run(std::move(params), nullptr, {},
                [&sink](gql::service::run_result r) { sink += r.body.size() + r.cache_hit; });
  };
  service_run();
  double service_cached = median_us(iterations, service_run);
  double parse_only =
      median_us(iterations, [&] { sink += gql::language::parse(twenty_query)->token_count(); });

  // graphql-js in the same run.
  double js_full = -1, js_exec = -1;
  fs::path graphql_js =
      fs::path(COHORT_SOURCE_DIR) / "tests/oracle/graphql_execution/node_modules/graphql";
  if (fs::exists(graphql_js / "package.json")) {
    auto dir = fs::temp_directory_path();
    auto data_path = dir / "cohort_bench_execute_data.json";
    auto query_path = dir / "cohort_bench_execute_query.graphql";
    std::ofstream(data_path) << json::serialize(root);
    std::ofstream(query_path) << twenty_query;
    std::string base = "node " +
                       (fs::path(COHORT_SOURCE_DIR) / "bench/graphql/execute_bench.cjs").string() +
                       " " + graphql_js.string() + " " + introspection.string() + " " +
                       data_path.string() + " " + query_path.string() + " ";
    // Same response on both sides first.
    if (FILE* pipe = popen((base + "1 print 2>/dev/null").c_str(), "r")) {
      std::string out;
      char buf[4096];
      while (std::fgets(buf, sizeof buf, pipe)) out += buf;
      pclose(pipe);
      if (!out.empty() && out.back() == '\n') out.pop_back();
      std::printf("response identical to graphql-js: %s (%zu bytes)\n",
                  out == check->body ? "yes" : "NO", check->body.size());
    }
    if (FILE* pipe = popen((base + std::to_string(iterations) + " 2>/dev/null").c_str(), "r")) {
      if (std::fscanf(pipe, "%lf %lf", &js_full, &js_exec) != 2) js_full = js_exec = -1;
      pclose(pipe);
    }
  }

  std::printf("%-44s %10s %12s %14s\n", "work per request", "cpu us", "req/s", "vs graphql-js");
  auto row = [](const char* name, double us, double js) {
    char ratio[32] = "";
    if (js > 0) std::snprintf(ratio, sizeof ratio, "%.1fx faster", js / us);
    std::printf("%-44s %10.2f %12.0f %14s\n", name, us, 1e6 / us, ratio);
  };
  row("parse only (cohort)", parse_only, -1);
  row("parse+validate+execute, default resolvers", full_default, js_full);
  row("execute (cached doc), default resolvers", exec_default, js_exec);
  row("parse+validate+execute, shaped subtree", full_shaped, js_full);
  row("execute (cached doc), shaped subtree", exec_shaped, js_exec);
  row("service.run (cache hit), shaped subtree", service_cached, js_exec);
  if (js_full > 0) {
    row("graphql-js parse+validate+execute", js_full, -1);
    row("graphql-js execute (cached doc)", js_exec, -1);
  } else {
    std::printf("graphql-js: n/a (node or tests/oracle/graphql_execution/node_modules missing)\n");
  }
  return sink == 0 ? 1 : 0;
}
