// Completion-driven execution: query root fields all started and completed in any order, mutation
// root fields one after another, completions from other threads, a root resolver answering a whole
// subtree with shaped (or trusted) JSON built from the merged sub-selection or with finished JSON
// text (raw), resolvers that throw or drop their completion.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <future>
#include <mutex>
#include <thread>

#include "graphql/execution/execute.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/type/schema_builder.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::graphql;
using execution::completion;
using execution::resolve_info;

std::shared_ptr<const type::schema> make_schema() {
  type::schema_builder b;
  auto& company = b.add_object("Company");
  company.field("id", "ID!");
  company.field("name", "String");
  auto& name = b.add_object("FullName");
  name.field("firstName", "String");
  name.field("lastName", "String");
  auto& person = b.add_object("Person");
  person.field("id", "ID!");
  person.field("name", "FullName");
  person.field("city", "String!");
  person.field("company", "Company");
  person.field("employer", "Company!");
  auto& edge = b.add_object("PersonEdge");
  edge.field("node", "Person!");
  edge.field("cursor", "String");
  auto& conn = b.add_object("PersonConnection");
  conn.field("edges", "[PersonEdge!]!");
  conn.field("totalCount", "Int!");
  auto& q = b.add_object("Query");
  q.field("a", "String");
  q.field("b", "String");
  q.field("c", "String");
  q.field("thrown", "String");
  q.field("dropped", "String");
  auto& people = q.field("people", "PersonConnection");
  people.arg("first", "Int");
  q.field("required", "PersonConnection!");
  q.field("list", "[Company]");
  auto& m = b.add_object("Mutation");
  m.field("first", "String");
  m.field("second", "String!");
  m.field("third", "String");
  auto built = std::move(b).build();
  EXPECT_TRUE(built) << (built.errors.empty() ? "" : built.errors[0]);
  return built.schema;
}

const std::shared_ptr<const type::schema>& schema() {
  static auto s = make_schema();
  return s;
}

// Completions parked by resolvers, answered later by the test.
struct parked {
  std::mutex mutex;
  std::vector<std::pair<std::string, completion>> items;
  std::vector<std::string> started;
  void park(resolve_info& info, completion done) {
    std::lock_guard lock(mutex);
    started.emplace_back(info.response_key());
    items.emplace_back(std::string(info.response_key()), std::move(done));
  }
  completion take(std::string_view key) {
    std::lock_guard lock(mutex);
    for (auto it = items.begin(); it != items.end(); ++it) {
      if (it->first == key) {
        completion c = std::move(it->second);
        items.erase(it);
        return c;
      }
    }
    ADD_FAILURE() << "nothing parked for " << key;
    std::abort();
  }
};

struct outcome {
  int calls = 0;
  std::string body;
};

execution::execution_request request(std::string_view query,
                                     std::shared_ptr<execution::resolver_map> map) {
  auto parsed = language::parse(query);
  EXPECT_TRUE(parsed.ok()) << query;
  execution::execution_request req;
  req.schema = schema();
  req.resolvers = std::move(map);
  req.document = std::make_shared<const language::document>(std::move(parsed).value());
  return req;
}

TEST(ExecutionAsync, QueryRootFieldsRunInParallelAndCompleteInAnyOrder) {
  parked p;
  auto map = std::make_shared<execution::resolver_map>(schema());
  for (const char* f : {"a", "b", "c"}) {
    map->set("Query", f,
             [&p](resolve_info& info, completion done) { p.park(info, std::move(done)); });
  }
  outcome out;
  execution::execute(request("{ a b c }", map), [&](execution::execution_result r) {
    ++out.calls;
    out.body = r.body;
  });
  // All three started before any answer.
  EXPECT_EQ(p.started, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(out.calls, 0);
  p.take("c").resolve("C");
  p.take("a").fail(execution::field_error::with_code("nope", "BAD_USER_INPUT"));
  EXPECT_EQ(out.calls, 0);
  p.take("b").resolve("B");
  EXPECT_EQ(out.calls, 1);
  EXPECT_EQ(
      out.body,
      R"({"errors":[{"message":"nope","locations":[{"line":1,"column":3}],"path":["a"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"a":null,"b":"B","c":"C"}})");
}

TEST(ExecutionAsync, MutationRootFieldsRunSerially) {
  parked p;
  auto map = std::make_shared<execution::resolver_map>(schema());
  for (const char* f : {"first", "second", "third"}) {
    map->set("Mutation", f,
             [&p](resolve_info& info, completion done) { p.park(info, std::move(done)); });
  }
  outcome out;
  execution::execute(request("mutation { first second third }", map),
                     [&](execution::execution_result r) {
                       ++out.calls;
                       out.body = r.body;
                     });
  EXPECT_EQ(p.started, (std::vector<std::string>{"first"}));
  p.take("first").resolve("1");
  EXPECT_EQ(p.started, (std::vector<std::string>{"first", "second"}));
  p.take("second").resolve("2");
  p.take("third").resolve("3");
  EXPECT_EQ(out.calls, 1);
  EXPECT_EQ(out.body, R"({"data":{"first":"1","second":"2","third":"3"}})");
}

TEST(ExecutionAsync, NonNullMutationFailureStopsLaterMutations) {
  parked p;
  auto map = std::make_shared<execution::resolver_map>(schema());
  for (const char* f : {"first", "second", "third"}) {
    map->set("Mutation", f,
             [&p](resolve_info& info, completion done) { p.park(info, std::move(done)); });
  }
  outcome out;
  execution::execute(request("mutation { first second third }", map),
                     [&](execution::execution_result r) {
                       ++out.calls;
                       out.body = r.body;
                     });
  p.take("first").resolve("1");
  p.take("second").resolve(nullptr);
  EXPECT_EQ(p.started, (std::vector<std::string>{"first", "second"}));
  EXPECT_EQ(out.calls, 1);
  EXPECT_EQ(
      out.body,
      R"({"errors":[{"message":"Cannot return null for non-nullable field Mutation.second.","locations":[{"line":1,"column":18}],"path":["second"]}],"data":null})");
}

TEST(ExecutionAsync, CompletionsFromOtherThreads) {
  auto map = std::make_shared<execution::resolver_map>(schema());
  std::vector<std::thread> threads;
  std::mutex threads_mutex;
  for (const char* f : {"a", "b", "c"}) {
    map->set("Query", f, [&, f](resolve_info&, completion done) {
      std::lock_guard lock(threads_mutex);
      threads.emplace_back([f, done = std::move(done)]() mutable {
        std::this_thread::sleep_for(std::chrono::milliseconds(f[0] == 'a' ? 30 : 5));
        done.resolve(json::string(std::string(f) + "!"));
      });
    });
  }
  std::promise<execution::execution_result> promise;
  auto future = promise.get_future();
  std::atomic<int> calls{0};
  execution::execute(request("{ a b c x: a }", map), [&](execution::execution_result r) {
    ++calls;
    promise.set_value(std::move(r));
  });
  ASSERT_EQ(future.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_EQ(future.get().body, R"({"data":{"a":"a!","b":"b!","c":"c!","x":"a!"}})");
  std::lock_guard lock(threads_mutex);
  for (auto& t : threads) t.join();
  EXPECT_EQ(calls.load(), 1);
}

// What a record-API resolver does: walk the merged sub-selection (aliases, fragments, @skip
// applied, arguments coerced) to build one statement, then answer the whole subtree at once.
void describe(const resolve_info& info, const execution::selection& sel, std::string& out) {
  out += "{";
  for (const auto& f : sel.fields) {
    out += std::string(f.response_key);
    if (f.response_key != f.name) out.append("=").append(f.name);
    const auto& args = info.arguments_of(f);
    if (!args.values.empty()) out += json::serialize(args.values);
    const auto* object = type::as_object(f.definition->type.named());
    if (object != nullptr) describe(info, *info.selection_of(f, *object), out);
    out += " ";
  }
  out += "}";
}

TEST(ExecutionAsync, SubtreeResolverAnswersShapedJson) {
  int nested_calls = 0;
  std::string seen;
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "people", [&](resolve_info& info, completion done) {
    describe(info, *info.sub_selection(), seen);
    seen = json::serialize(info.args()) + seen;
    // Keyed by response key; numbers and strings as the database gives them.
    done.resolve_shaped(json::parse(R"({"edges":[
        {"node":{"id":1,"n":{"firstName":"Ada","last":"Lovelace"},"city":"London","company":null}},
        {"node":{"id":"p2","n":{"firstName":"Bob","last":null},"city":null,"company":{"id":"c1"}}}],
      "total":2})"));
  });
  // Never called: the subtree answer covers nested fields.
  map->set("Person", "city", [&](resolve_info&, completion done) {
    ++nested_calls;
    done.resolve("resolver");
  });
  auto req = request(
      "query ($skip: Boolean!) { people(first: 2) { edges { node { id n: name { firstName "
      "last: lastName } ...C } } total: totalCount @skip(if: $skip) total: totalCount } } "
      "fragment C on Person { city company { id } }",
      map);
  req.variables = {{"skip", false}};
  auto result = execution::execute_sync(std::move(req));
  ASSERT_TRUE(result);
  EXPECT_EQ(nested_calls, 0);
  EXPECT_EQ(
      seen,
      R"({"first":2}{edges{node{id n=name{firstName last=lastName } city company{id } } } total=totalCount })");
  // Leaves serialized (ID 1 -> "1"), non-null enforced (city of p2), in selection order.
  EXPECT_EQ(
      result->body,
      R"({"errors":[{"message":"Cannot return null for non-nullable field Person.city.","locations":[{"line":1,"column":190}],"path":["people","edges",1,"node","city"]}],"data":{"people":null}})");
}

TEST(ExecutionAsync, SubtreeResolverShapedAndTrustedSuccess) {
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "people", [&](resolve_info& info, completion done) {
    if (info.args().at("first").as_int64() == 1) {
      done.resolve_shaped(json::parse(
          R"({"edges":[{"node":{"id":7,"city":"Paris","company":{"id":"c1","name":"Acme"}}}],"totalCount":1})"));
    } else {
      done.resolve_trusted(json::parse(R"({"totalCount":5,"edges":[]})"));
    }
  });
  auto shaped = execution::execute_sync(request(
      "{ people(first: 1) { edges { node { id city company { name } } } totalCount } }", map));
  ASSERT_TRUE(shaped);
  EXPECT_EQ(
      shaped->body,
      R"({"data":{"people":{"edges":[{"node":{"id":"7","city":"Paris","company":{"name":"Acme"}}}],"totalCount":1}}})");
  auto trusted =
      execution::execute_sync(request("{ people(first: 2) { totalCount edges { cursor } } }", map));
  ASSERT_TRUE(trusted);
  EXPECT_EQ(trusted->body, R"({"data":{"people":{"totalCount":5,"edges":[]}}})");
}

TEST(ExecutionAsync, ThrowingAndDroppingResolversFailTheirField) {
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "thrown", [](resolve_info&, completion) { throw std::runtime_error("boom"); });
  map->set("Query", "dropped", [](resolve_info&, completion) {});
  auto result = execution::execute_sync(request("{ thrown dropped a }", map));
  ASSERT_TRUE(result);
  EXPECT_EQ(
      result->body,
      R"({"errors":[{"message":"boom","locations":[{"line":1,"column":3}],"path":["thrown"]},{"message":"Resolver did not complete.","locations":[{"line":1,"column":10}],"path":["dropped"]}],"data":{"thrown":null,"dropped":null,"a":null}})");
}

TEST(ExecutionAsync, ManyNestedCompletionsFromSeveralThreads) {
  // 200 list items whose nested field answers from one of four threads, in any order.
  std::mutex mutex;
  std::vector<completion> queues[4];
  std::vector<std::string> ids[4];
  std::atomic<int> next{0};
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "people", [](resolve_info&, completion done) {
    json::array edges;
    for (int i = 0; i < 200; ++i) {
      edges.push_back(json::object{{"node", json::object{{"id", std::to_string(i)}}}});
    }
    done.resolve(json::object{{"edges", std::move(edges)}, {"totalCount", 200}});
  });
  map->set("Person", "city", [&](resolve_info& info, completion done) {
    std::lock_guard lock(mutex);
    int q = next++ % 4;
    ids[q].emplace_back(info.parent().at("id").as_string());
    queues[q].push_back(std::move(done));
  });
  std::promise<execution::execution_result> promise;
  auto future = promise.get_future();
  std::atomic<int> calls{0};
  execution::execute(request("{ people { totalCount edges { node { id city } } } }", map),
                     [&](execution::execution_result r) {
                       ++calls;
                       promise.set_value(std::move(r));
                     });
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      // Newest first: completions arrive out of order on every thread.
      for (std::size_t k = queues[t].size(); k-- > 0;) {
        queues[t][k].resolve(json::string("city-" + ids[t][k]));
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(future.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  auto body = json::parse(future.get().body);
  const auto& edges = body.at("data").at("people").at("edges").as_array();
  ASSERT_EQ(edges.size(), 200u);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto& node = edges[i].at("node");
    EXPECT_EQ(node.at("city").as_string(), "city-" + std::to_string(i));
  }
  EXPECT_EQ(calls.load(), 1);
}

TEST(ExecutionAsync, NestedResolversReadTheirParentAndContext) {
  int context_value = 41;
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "people", [](resolve_info&, completion done) {
    done.resolve(json::parse(R"({"edges":[{"node":{"id":"p1"}}],"totalCount":1})"));
  });
  map->set("Person", "city", [](resolve_info& info, completion done) {
    auto path = json::serialize(info.path());
    done.resolve(json::string(std::string(info.parent().at("id").as_string()) + "@" + path + "#" +
                              std::to_string(*static_cast<int*>(info.context()) + 1)));
  });
  auto req = request("{ people { edges { node { city } } } }", map);
  req.context = &context_value;
  auto result = execution::execute_sync(std::move(req));
  ASSERT_TRUE(result);
  EXPECT_EQ(
      result->body,
      R"({"data":{"people":{"edges":[{"node":{"city":"p1@[\"people\",\"edges\",0,\"node\",\"city\"]#42"}}]}}})");
}

// --- raw completions (completion::resolve_raw): the text lands byte for byte at the field's
// place; only its `null` is looked at.

std::string run_raw(std::string_view query, std::shared_ptr<execution::resolver_map> map) {
  auto result = execution::execute_sync(request(query, std::move(map)));
  EXPECT_TRUE(result);
  return result ? result->body : std::string();
}

// Text the writer would never produce itself (spacing, an escaped slash, an exponent): what
// arrives is what leaves.
constexpr const char* kPeopleText =
    R"({"edges":[{"node":{"id":"p1","city":"Paris\/Nord"}}],"totalCount":1e0})";

TEST(ExecutionRaw, RootFieldTextLandsUnderItsAliasBesideOtherFields) {
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "a", [](resolve_info&, completion done) { done.resolve("A"); });
  map->set("Query", "people",
           [](resolve_info&, completion done) { done.resolve_raw(kPeopleText); });
  EXPECT_EQ(run_raw("{ a p: people { edges { node { id city } } totalCount } z: a }", map),
            std::string(R"({"data":{"a":"A","p":)") + kPeopleText + R"(,"z":"A"}})");
}

TEST(ExecutionRaw, NothingBelowARawFieldIsCompletedOrResolved) {
  int nested_calls = 0;
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "people",
           [](resolve_info&, completion done) { done.resolve_raw(R"({"edges":[]})"); });
  map->set("Person", "city", [&](resolve_info&, completion done) {
    ++nested_calls;
    done.resolve("resolver");
  });
  // totalCount (Int!) is absent from the text: a raw answer is not checked against the selection.
  EXPECT_EQ(run_raw("{ people { edges { node { city } } totalCount } }", map),
            R"({"data":{"people":{"edges":[]}}})");
  EXPECT_EQ(nested_calls, 0);
}

TEST(ExecutionRaw, NestedResolverInsideAListAnswersRaw) {
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "people", [](resolve_info&, completion done) {
    done.resolve(
        json::parse(R"({"edges":[{"node":{"id":"p1"}},{"node":{"id":"p2"}}],"totalCount":2})"));
  });
  map->set("Person", "company", [](resolve_info& info, completion done) {
    const auto& id = info.parent().as_object().at("id").as_string();
    if (id == "p1") {
      done.resolve_raw(R"({"id":"c1","name":"Acme"})");
    } else {
      done.resolve_raw("null");
    }
  });
  EXPECT_EQ(
      run_raw("{ people { totalCount edges { node { id c: company { name } } } } }", map),
      R"({"data":{"people":{"totalCount":2,"edges":[{"node":{"id":"p1","c":{"id":"c1","name":"Acme"}}},{"node":{"id":"p2","c":null}}]}}})");
}

TEST(ExecutionRaw, ListFieldTextIsCopiedWhole) {
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "list", [](resolve_info&, completion done) {
    done.resolve_raw(R"([{"id":"c1"},null,{"id":"c2"}])");
  });
  EXPECT_EQ(run_raw("{ list { id } }", map), R"({"data":{"list":[{"id":"c1"},null,{"id":"c2"}]}})");
}

TEST(ExecutionRaw, NullFollowsTheNonNullRule) {
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "a", [](resolve_info&, completion done) { done.resolve("A"); });
  map->set("Query", "people", [](resolve_info&, completion done) { done.resolve_raw("null"); });
  map->set("Query", "required", [](resolve_info&, completion done) { done.resolve_raw("null"); });
  EXPECT_EQ(run_raw("{ a people { totalCount } }", map), R"({"data":{"a":"A","people":null}})");
  EXPECT_EQ(
      run_raw("{ a required { totalCount } }", map),
      R"({"errors":[{"message":"Cannot return null for non-nullable field Query.required.","locations":[{"line":1,"column":5}],"path":["required"]}],"data":null})");

  // Below a list item: the null of a non-null nested field nulls its parent object.
  map->set("Query", "people", [](resolve_info&, completion done) {
    done.resolve(json::parse(R"({"edges":[{"node":{"id":"p1"}}],"totalCount":1})"));
  });
  map->set("Person", "employer", [](resolve_info&, completion done) { done.resolve_raw("null"); });
  EXPECT_EQ(
      run_raw("{ people { edges { node { id employer { id } } } } }", map),
      R"({"errors":[{"message":"Cannot return null for non-nullable field Person.employer.","locations":[{"line":1,"column":30}],"path":["people","edges",0,"node","employer"]}],"data":{"people":null}})");
}

TEST(ExecutionRaw, TextFromAnotherThreadAndSerialMutations) {
  // first (String), second (String!) one after the other, each answered from a thread.
  auto map = std::make_shared<execution::resolver_map>(schema());
  std::vector<std::thread> threads;
  std::mutex threads_mutex;
  for (const char* f : {"first", "second"}) {
    map->set("Mutation", f, [&, f](resolve_info&, completion done) {
      std::lock_guard lock(threads_mutex);
      threads.emplace_back([f, done = std::move(done)]() mutable {
        done.resolve_raw(std::string("\"") + f + "\"");
      });
    });
  }
  std::promise<execution::execution_result> promise;
  auto future = promise.get_future();
  execution::execute(request("mutation { first s: second }", map),
                     [&](execution::execution_result r) { promise.set_value(std::move(r)); });
  ASSERT_EQ(future.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_EQ(future.get().body, R"({"data":{"first":"first","s":"second"}})");
  std::lock_guard lock(threads_mutex);
  for (auto& t : threads) t.join();
}

TEST(ExecutionRaw, OnlyTheFirstCompletionCounts) {
  auto map = std::make_shared<execution::resolver_map>(schema());
  map->set("Query", "people", [](resolve_info&, completion done) {
    done.resolve_raw(R"({"totalCount":1})");
    done.resolve_raw(R"({"totalCount":2})");
    done.fail(execution::field_error("late"));
  });
  EXPECT_EQ(run_raw("{ people { totalCount } }", map), R"({"data":{"people":{"totalCount":1}}})");
}

}  // namespace
