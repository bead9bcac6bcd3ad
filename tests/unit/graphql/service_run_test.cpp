// graphql_service::run: the response body and how far the request got, for each way a request
// can end (syntax error, unresolvable or refused operation, validation error or limit, invalid
// variables, execution), the document cache in between, and concurrent use from many threads
// with resolvers completing on other threads.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <future>
#include <thread>

#include "graphql/service/graphql_service.hpp"
#include "graphql/service/utf8_text.hpp"
#include "graphql/type/schema_builder.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::graphql;
using service::graphql_params;
using service::graphql_service;
using service::run_result;
using service::run_status;

std::shared_ptr<const type::schema> make_schema() {
  type::schema_builder b;
  auto& q = b.add_object("Query");
  q.field("hello", "String").arg("name", "String");
  q.field("count", "Int!").arg("by", "Int!");
  q.field("later", "String");
  for (int i = 0; i < 25; ++i) {
    std::string name = "f";  // not "f" + ...: g++ 12 warns falsely (-Wrestrict)
    name += std::to_string(i);
    q.field(name, "Int");
  }
  auto& m = b.add_object("Mutation");
  m.field("bump", "Int");
  auto built = std::move(b).build();
  EXPECT_TRUE(built) << (built.errors.empty() ? "" : built.errors[0]);
  return built.schema;
}

struct fixture {
  std::shared_ptr<const type::schema> schema = make_schema();
  std::atomic<int> bumps{0};
  std::shared_ptr<execution::resolver_map> resolvers =
      std::make_shared<execution::resolver_map>(schema);

  fixture() {
    resolvers->set("Query", "hello", [](execution::resolve_info& info, execution::completion done) {
      const auto* name = info.args().if_contains("name");
      done.resolve(json::string(
          "hello " + std::string(name && name->is_string() ? name->as_string().c_str() : "world")));
    });
    resolvers->set("Query", "count", [](execution::resolve_info& info, execution::completion done) {
      done.resolve(info.args().at("by").as_int64() + 1);
    });
    // Completes on another thread, after run() has returned.
    resolvers->set("Query", "later", [](execution::resolve_info&, execution::completion done) {
      std::thread([d = std::move(done)]() mutable { d.resolve("late"); }).detach();
    });
    resolvers->set(
        "Mutation", "bump",
        [this](execution::resolve_info&, execution::completion done) { done.resolve(++bumps); });
  }
};

run_result run(const graphql_service& svc, std::string query, json::object variables = {},
               std::optional<std::string> operation = std::nullopt,
               service::run_options options = {}) {
  graphql_params params;
  params.query = std::move(query);
  params.variables = std::move(variables);
  params.operation_name = std::move(operation);
  std::promise<run_result> promise;
  auto future = promise.get_future();
  svc.run(std::move(params), nullptr, options,
          [&promise](run_result r) { promise.set_value(std::move(r)); });
  return future.get();
}

TEST(ServiceRun, ExecutesAndThenSkipsParseAndValidate) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  auto first = run(svc, R"({ hello(name: "Ada") })");
  EXPECT_EQ(first.status, run_status::executed);
  EXPECT_EQ(first.body, R"({"data":{"hello":"hello Ada"}})");
  EXPECT_FALSE(first.cache_hit);
  EXPECT_EQ(first.operation, language::operation_type::query);
  auto second = run(svc, R"({ hello(name: "Ada") })");
  EXPECT_TRUE(second.cache_hit);
  EXPECT_EQ(second.body, first.body);
  auto stats = svc.cache_statistics();
  EXPECT_EQ(stats.hits, 1u);
  EXPECT_EQ(stats.entries, 1u);
}

TEST(ServiceRun, SyntaxErrorAsTwentyAnswersIt) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  // The golden "graphql: syntax error" exchange.
  auto r = run(svc, "query { people(first: 2) { edges { node { id } }");
  EXPECT_EQ(r.status, run_status::parse_failed);
  EXPECT_EQ(
      r.body,
      R"({"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":49}]}]})");
  EXPECT_FALSE(r.operation.has_value());
  EXPECT_TRUE(run(svc, "query { people(first: 2) { edges { node { id } }").cache_hit);
}

TEST(ServiceRun, ErrorCodesOptionAddsExtensions) {
  fixture f;
  service::service_options options;
  options.error_codes = true;
  graphql_service svc(f.schema, f.resolvers, options);
  EXPECT_EQ(
      run(svc, "{").body,
      R"({"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":2}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]})");
  EXPECT_EQ(
      run(svc, "{ nope }").body,
      R"({"errors":[{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]})");
}

TEST(ServiceRun, ValidationErrorsWithoutData) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  auto r = run(svc, "query { unicorns { totalCount } }");
  EXPECT_EQ(r.status, run_status::validation_failed);
  EXPECT_EQ(
      r.body,
      R"({"errors":[{"message":"Cannot query field \"unicorns\" on type \"Query\".","locations":[{"line":1,"column":9}]}]})");
  EXPECT_EQ(r.error_count, 1u);
  EXPECT_TRUE(run(svc, "query { unicorns { totalCount } }").cache_hit);
}

TEST(ServiceRun, SuggestionsHiddenOnRequestAreCachedApart) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  service::run_options hidden;
  hidden.execution.hide_suggestions = true;
  auto shown = run(svc, "{ hellp }");
  auto without = run(svc, "{ hellp }", {}, std::nullopt, hidden);
  EXPECT_NE(shown.body.find("Did you mean \\\"hello\\\"?"), std::string::npos) << shown.body;
  EXPECT_EQ(without.body.find("Did you mean"), std::string::npos) << without.body;
  EXPECT_FALSE(without.cache_hit);
}

TEST(ServiceRun, TwentyLimitsAreOnByDefault) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  std::string query = "{";
  for (int i = 0; i < 21; ++i) query += " f" + std::to_string(i);
  query += " }";
  auto r = run(svc, query);
  EXPECT_EQ(r.status, run_status::validation_failed);
  EXPECT_EQ(
      r.body,
      R"({"errors":[{"message":"Query too complex - Too many root resolvers requested: 21 - Maximum allowed root resolvers: 20"}]})");
  EXPECT_EQ(run(svc, "{ hello a: hello }").body,
            R"({"errors":[{"message":"Duplicate root resolver: \"hello\""}]})");
}

TEST(ServiceRun, OperationSelection) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  const char* two = "query A { hello } query B { count(by: 1) }";
  auto none = run(svc, two);
  EXPECT_EQ(none.status, run_status::operation_unresolved);
  EXPECT_EQ(
      none.body,
      R"({"errors":[{"message":"Must provide operation name if query contains multiple operations."}]})");
  auto unknown = run(svc, two, {}, "C");
  EXPECT_EQ(unknown.status, run_status::operation_unresolved);
  EXPECT_EQ(unknown.body, R"({"errors":[{"message":"Unknown operation named \"C\"."}]})");
  auto b = run(svc, two, {}, "B");
  EXPECT_EQ(b.status, run_status::executed);
  EXPECT_EQ(b.body, R"({"data":{"count":2}})");
  // An anonymous operation has no name to match, not even "".
  EXPECT_EQ(run(svc, "{ hello }", {}, "").status, run_status::operation_unresolved);
}

TEST(ServiceRun, OperationResolutionComesBeforeValidation) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  EXPECT_EQ(run(svc, "query A { nope } query B { nope }").status, run_status::operation_unresolved);
}

TEST(ServiceRun, RefusedOperationTypeRunsNothing) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  service::run_options no_mutations;
  no_mutations.allow_mutation = false;
  auto r = run(svc, "mutation { bump }", {}, std::nullopt, no_mutations);
  EXPECT_EQ(r.status, run_status::operation_not_allowed);
  EXPECT_EQ(r.operation, language::operation_type::mutation);
  EXPECT_EQ(f.bumps.load(), 0);
  // A query of the same document still runs.
  auto q = run(svc, "query Q { hello } mutation M { bump }", {}, "Q", no_mutations);
  EXPECT_EQ(q.status, run_status::executed);
  auto m = run(svc, "mutation { bump }");
  EXPECT_EQ(m.body, R"({"data":{"bump":1}})");
}

TEST(ServiceRun, InvalidVariablesRunNothing) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  auto r = run(svc, "query($by: Int!) { count(by: $by) }", {{"by", "abc"}});
  EXPECT_EQ(r.status, run_status::variables_invalid);
  EXPECT_EQ(
      r.body,
      R"({"errors":[{"message":"Variable \"$by\" got invalid value \"abc\"; Int cannot represent non-integer value: \"abc\"","locations":[{"line":1,"column":7}]}]})");
  auto ok = run(svc, "query($by: Int!) { count(by: $by) }", {{"by", 41}});
  EXPECT_EQ(ok.status, run_status::executed);
  EXPECT_EQ(ok.body, R"({"data":{"count":42}})");
  EXPECT_TRUE(ok.cache_hit);
}

TEST(ServiceRun, ResolverCompletingOnAnotherThread) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  auto r = run(svc, "{ later hello }");
  EXPECT_EQ(r.status, run_status::executed);
  EXPECT_EQ(r.body, R"({"data":{"later":"late","hello":"hello world"}})");
}

TEST(ServiceRun, ManyThreadsShareOneService) {
  fixture f;
  service::service_options options;
  options.cache.max_entries = 8;  // smaller than the set of queries: evictions under load
  graphql_service svc(f.schema, f.resolvers, options);
  constexpr int threads = 6, per_thread = 300, distinct = 12;
  std::atomic<int> wrong{0}, done{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        int k = (i + t) % distinct;
        graphql_params params;
        params.query = "query($by: Int!) { count(by: $by) later n" + std::to_string(k) +
                       ": hello(name: \"" + std::to_string(k) + "\") }";
        params.variables = {{"by", k}};
        std::string expected = R"({"data":{"count":)" + std::to_string(k + 1) +
                               R"(,"later":"late","n)" + std::to_string(k) + R"(":"hello )" +
                               std::to_string(k) + "\"}}";
        std::promise<void> finished;
        svc.run(std::move(params), nullptr, {}, [&, expected](run_result r) {
          if (r.status != run_status::executed || r.body != expected) ++wrong;
          ++done;
          finished.set_value();
        });
        finished.get_future().wait();
      }
    });
  }
  for (auto& th : pool) th.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(done.load(), threads * per_thread);
  auto stats = svc.cache_statistics();
  EXPECT_EQ(stats.hits + stats.misses, static_cast<std::uint64_t>(threads * per_thread));
  EXPECT_LE(stats.entries, 8u);
}

}  // namespace

namespace {

TEST(ServiceRun, DeeplyNestedDocumentsAreRefusedCleanly) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  const int depth = 100000;
  std::string selections;
  for (int i = 0; i < depth; ++i) selections += "{ hello ";
  for (int i = 0; i < depth; ++i) selections += "}";
  auto r = run(svc, selections);
  EXPECT_EQ(r.status, run_status::parse_failed);
  EXPECT_NE(r.body.find("Document nesting exceeds 128 levels. Parsing aborted."), std::string::npos)
      << r.body.substr(0, 200);

  std::string list_value =
      "{ hello(name: " + std::string(depth, '[') + std::string(depth, ']') + ") }";
  EXPECT_EQ(run(svc, list_value).status, run_status::parse_failed);

  // Within the parser's limit, deep but valid-looking documents are refused by validation.
  std::string nested = "{ hello";
  for (int i = 0; i < 100; ++i) nested += " { hello";
  nested += std::string(101, '}');
  EXPECT_EQ(run(svc, nested).status, run_status::validation_failed);

  // A deeply nested variable value is a coercion error, not a crash.
  json::value deep = json::array{};
  for (int i = 0; i < 3000; ++i) {
    json::array wrap;
    wrap.emplace_back(std::move(deep));
    deep = std::move(wrap);
  }
  auto v = run(svc, "query($n: String) { hello(name: $n) }", {{"n", std::move(deep)}});
  EXPECT_EQ(v.status, run_status::variables_invalid);
}

TEST(ServiceRun, InvalidUtf8IsReadAsReplacementCharacters) {
  fixture f;
  graphql_service svc(f.schema, f.resolvers);
  // The fuzzer's find: an escape of an invalid byte used to be quoted raw into the message.
  auto r = run(svc, "{ hello(name: \"\\\xfd\") }");
  EXPECT_EQ(r.status, run_status::parse_failed);
  EXPECT_EQ(
      r.body,
      "{\"errors\":[{\"message\":\"Syntax Error: Invalid character escape sequence: "
      "\\\"\\\\\xEF\xBF\xBD\\\".\",\"locations\":[{\"line\":1,\"column\":16}]}]}");
  auto ok = run(svc, "{ hello(name: \"a\xc3\") }");
  EXPECT_EQ(ok.body, "{\"data\":{\"hello\":\"hello a\xEF\xBF\xBD\"}}");
  EXPECT_EQ(service::repair_utf8("plain \xc3\xa9"), std::nullopt);
  EXPECT_EQ(service::repair_utf8("\xed\xa0\x80x"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");
}

}  // namespace
