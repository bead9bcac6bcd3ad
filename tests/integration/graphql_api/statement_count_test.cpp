// One SQL statement per root field, whatever the nesting: a server of its own runs on a database
// whose sessions log every statement (log_statement = all, set on that database only), and the
// test counts the logged statements that touch the workspace's tables and build a JSON answer
// between two markers (event consumers work on the workspace in the background, after commits).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "demo_server.hpp"
#include "fixtures/postgres_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

constexpr const char* database = "graphql_api_statements";

class statement_counter {
 public:
  statement_counter() : pg_(postgres_server::shared()) {
    conninfo_ = pg_.create_database(database);
    pg_.execute(std::string("ALTER DATABASE ") + database + " SET log_statement = 'all'");
    server_ = std::make_unique<cohort_server>(cohort_server::options{
        .args = {"--seed", "demo"},
        .env = {{"PG_DATABASE_URL", conninfo_}, {"APP_SECRET", demo_app_secret}},
        .data_dir = std::nullopt});
    if (!server_->wait_ready(std::chrono::seconds(60))) {
      ADD_FAILURE() << "cohort did not start:\n" << server_->proc().output();
    }
  }

  // The statements on the workspace schema that `query` caused.
  std::vector<std::string> statements_of(const std::string& query,
                                         const json::object& variables = {}) {
    const auto begin = mark();
    auto& demo = demo_server::shared();
    json::object body{{"query", query}};
    if (!variables.empty()) body["variables"] = variables;
    raw_client client(server_->port());
    client.send(http_post(
        "/graphql", json::serialize(body),
        "Content-Type: application/json\r\nAuthorization: Bearer " + demo.access_token() + "\r\n"));
    auto res = client.read_response(std::chrono::seconds(30));
    EXPECT_TRUE(res && res->body.find("\"errors\"") == std::string::npos)
        << (res ? res->body : "no response");
    const auto end = mark();
    const std::string log = pg_.log();
    const std::string schema = "\"" + demo.schema + "\"";
    std::vector<std::string> out;
    std::size_t at = log.find(begin);
    const std::size_t stop = log.find(end);
    while ((at = log.find('\n', at)) != std::string::npos && at < stop) {
      ++at;
      const std::string line = log.substr(at, log.find('\n', at) - at);
      const bool statement = line.find("LOG:  statement: ") != std::string::npos ||
                             line.find("LOG:  execute ") != std::string::npos;
      // Event consumers (timeline, ...) also write to the workspace after a write commits, on
      // their own schedule; a root field's statement is the one that builds the JSON answer.
      // (Records are written as JSON text, storage/query/json_text.hpp: `"key" : ' || value`.)
      const bool answers = line.find("json_build_object(") != std::string::npos ||
                           line.find("json_agg(") != std::string::npos ||
                           line.find("\" : ' || ") != std::string::npos;
      if (statement && answers && line.find(schema) != std::string::npos) out.push_back(line);
    }
    return out;
  }

 private:
  // A statement that lands in the log once everything before it on this server has.
  std::string mark() {
    const std::string marker = "statement-count-marker-" + std::to_string(++markers_);
    pg_.execute("SELECT '" + marker + "'", database);
    for (int i = 0; i < 500 && pg_.log().find(marker) == std::string::npos; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return marker;
  }

  postgres_server& pg_;
  std::string conninfo_;
  std::unique_ptr<cohort_server> server_;
  int markers_ = 0;
};

statement_counter& counter() {
  static statement_counter instance;
  return instance;
}

}  // namespace

TEST(GraphqlStatementCount, OneStatementPerRootFieldWhateverTheNesting) {
  auto& c = counter();
  // The first request loads the workspace: not what is measured.
  c.statements_of("query { people(first: 1) { totalCount } }");

  EXPECT_EQ(c.statements_of("query { people(first: 5) { totalCount edges { node { id name { "
                            "firstName } company { name people(first: 3) { totalCount "
                            "edges { node { id company { id name } } } } } } } } }")
                .size(),
            1u);
  EXPECT_EQ(c.statements_of("query { companies(first: 3) { edges { node { name people { edges { "
                            "node { id company { people { totalCount } } } } } "
                            "opportunities { totalCount sumAmountAmountMicros } } } } }")
                .size(),
            1u);
  // Two root fields: two statements.
  EXPECT_EQ(c.statements_of("query { a: people(first: 2) { edges { node { id } } } "
                            "b: companies(first: 2) { totalCount edges { node { id } } } }")
                .size(),
            2u);

  auto created = c.statements_of(
      "mutation { createPerson(data: {name: {firstName: \"Stmt\", lastName: \"Count\"}, "
      "city: \"Countville\"}) { id company { name } createdBy { name } } }");
  EXPECT_EQ(created.size(), 1u);
  EXPECT_EQ(c.statements_of("mutation { updatePeople(filter: {city: {eq: \"Countville\"}}, data: "
                            "{jobTitle: \"Counter\"}) { id company { people { totalCount } } } }")
                .size(),
            1u);
  EXPECT_EQ(c.statements_of("query { personDuplicates(data: [{name: {firstName: \"Stmt\", "
                            "lastName: \"Count\"}}]) { totalCount edges { node { id company { "
                            "name } } } } }")
                .size(),
            1u);
  EXPECT_EQ(
      c.statements_of("mutation { deletePeople(filter: {city: {eq: \"Countville\"}}) { id } }")
          .size(),
      1u);
}
