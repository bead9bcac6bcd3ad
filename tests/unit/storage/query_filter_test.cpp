// Filter validation and rendering without a database: operators per field type, Twenty's messages
// for refused ones, the empty-filter and soft-delete rules, and values that only ever travel as
// bound parameters.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "model/standard/standard_objects.hpp"
#include "storage/query/compile.hpp"
#include "storage/query/cursor.hpp"
#include "storage/query/filter_compiler.hpp"
#include "storage/query/sql_text.hpp"

namespace sq = cohort::storage::query;
namespace model = cohort::model;

namespace {

const model::workspace_model& standard_model() {
  static const model::workspace_model m(
      "20202020-1c25-4d02-bf25-6aeccf7ea419", "workspace_test", 1,
      std::vector<model::object_metadata>(model::standard::standard_objects().begin(),
                                          model::standard::standard_objects().end()));
  return m;
}

sq::compile_result count_people(std::string_view filter) {
  model::record_query q;
  q.object = "person";
  q.connection.page.filter = boost::json::parse(filter).as_object();
  model::connection_selection::item total;
  total.k = model::connection_selection::item::kind::aggregate;
  total.key = "totalCount";
  total.aggregate.operation = "totalCount";
  q.connection.items.push_back(total);
  return sq::compile(q, standard_model());
}

std::string error_of(std::string_view filter) {
  auto r = count_people(filter);
  if (auto* e = std::get_if<sq::record_error>(&r)) return e->message;
  return "<compiled>";
}

const sq::compiled_statement& statement_of(const sq::compile_result& r) {
  return std::get<sq::compiled_statement>(r);
}

}  // namespace

TEST(QueryFilter, AllowedOperatorsPerFieldType) {
  EXPECT_EQ(error_of(R"({"city": {"ilike": "%a%"}, "position": {"gte": 1}})"), "<compiled>");
  EXPECT_EQ(error_of(R"({"city": {"iregex": "a"}})"),
            "Operator \"iregex\" is not valid for field \"city\" of type TEXT - Allowed operators: "
            "eq, neq, gt, gte, lt, lte, in, is, like, ilike, startsWith, endsWith");
  EXPECT_EQ(error_of(R"({"position": {"like": "1%"}})"),
            "Operator \"like\" is not valid for field \"position\" of type POSITION - Allowed "
            "operators: eq, neq, gt, gte, lt, lte, in, is");
  EXPECT_EQ(
      error_of(R"({"createdBy": {"source": {"like": "A%"}}})"),
      "Operator \"like\" is not valid for field \"createdBy.source\" of type SELECT - Allowed "
      "operators: eq, neq, in, containsAny, is, isEmptyArray");
  EXPECT_EQ(error_of(R"({"emails": {"additionalEmails": {"eq": "x"}}})"),
            "Operator \"eq\" is not valid for field \"emails.additionalEmails\" of type RAW_JSON - "
            "Allowed operators: is, like");
  EXPECT_EQ(error_of(R"({"searchVector": {"search": "ada"}})"), "<compiled>");
  EXPECT_EQ(error_of(R"({"city": {"is": "MAYBE"}})"), "Invalid value \"MAYBE\" for field \"city\"");
  EXPECT_EQ(error_of(R"({"companyId": {"in": ["x"]}})"), "Invalid UUID");
  EXPECT_EQ(error_of(R"({"and": {"city": {"eq": "x"}}})"),
            "Logical operator \"and\" expects an array");
}

TEST(QueryFilter, ValuesAreParametersNeverText) {
  auto r = count_people(R"({"city": {"eq": "O'Brien'); DROP TABLE person; --"}})");
  const auto& s = statement_of(r);
  EXPECT_EQ(s.sql.find("O'Brien"), std::string::npos);
  EXPECT_EQ(s.params.back(), "O'Brien'); DROP TABLE person; --");
  EXPECT_NE(s.sql.find("\"deletedAt\" IS NULL"), std::string::npos);
  // Mentioning deletedAt anywhere lifts the soft-delete scope.
  auto deleted = count_people(R"({"not": {"deletedAt": {"is": "NULL"}}})");
  EXPECT_EQ(statement_of(deleted).sql.find("\"deletedAt\" IS NULL AND"), std::string::npos);
}

TEST(QueryFilter, EmptyFiltersAndDeletedAtMentions) {
  auto parse = [](std::string_view text) { return boost::json::parse(text); };
  EXPECT_TRUE(sq::is_empty_filter(parse("{}")));
  EXPECT_TRUE(sq::is_empty_filter(parse(R"({"and": [], "or": [{"and": []}], "not": {}})")));
  EXPECT_FALSE(sq::is_empty_filter(parse(R"({"or": [{"city": {"eq": "x"}}]})")));
  EXPECT_TRUE(
      sq::mentions_deleted_at(parse(R"({"or": [{"not": {"deletedAt": {"is": "NULL"}}}]})")));
  EXPECT_FALSE(sq::mentions_deleted_at(parse(R"({"city": {"eq": "deletedAt"}})")));
}

TEST(QuerySqlText, WideJsonObjectsKeepEveryKeyInOrder) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (std::size_t i = 0; i < 120; ++i)
    pairs.emplace_back(sq::numbered("k", i), sq::numbered("", i));
  const auto sql = sq::json_object_sql(pairs);
  // Three json_build_object calls of at most 50 pairs (PostgreSQL's 100-argument limit).
  std::size_t calls = 0;
  for (auto at = sql.find("json_build_object("); at != std::string::npos;
       at = sql.find("json_build_object(", at + 1)) {
    ++calls;
  }
  EXPECT_EQ(calls, 3u);
  EXPECT_NE(sql.find("'k119', 119"), std::string::npos);
  EXPECT_EQ(sq::pg_array_literal({"a", std::nullopt, "b\"c\\"}), R"({"a",NULL,"b\"c\\"})");
  EXPECT_EQ(sq::scalar_text(boost::json::value(2.0)), "2");
  EXPECT_EQ(sq::scalar_text(boost::json::value(2.5)), "2.5");
  EXPECT_EQ(sq::scalar_text(boost::json::value(nullptr)), std::nullopt);
}

TEST(QueryFilter, NestingDeeperThanFiveRelationsIsRefused) {
  // company -> people -> company -> people -> company -> people -> company: six nested levels.
  auto level = std::make_shared<model::record_selection>();
  level->items.push_back({model::projection_item::kind::field, "id", "id", {}, {}, {}, {}});
  for (int depth = 0; depth < 6; ++depth) {
    model::projection_item item;
    item.key = item.field = depth % 2 == 0 ? "company" : "people";
    if (depth % 2 == 0) {
      item.k = model::projection_item::kind::relation;
      item.nested = level;
    } else {
      item.k = model::projection_item::kind::connection;
      item.connection = std::make_shared<model::connection_selection>();
      model::connection_selection::item edges;
      edges.k = model::connection_selection::item::kind::edges;
      edges.key = "edges";
      edges.edge_keys.push_back(
          {model::connection_selection::item::edge_key::kind::node, "node", ""});
      edges.node = level;
      item.connection->items.push_back(edges);
    }
    auto next = std::make_shared<model::record_selection>();
    next->items.push_back(item);
    level = next;
  }
  model::record_query q;
  q.object = "company";
  q.operation = model::record_operation::find_one;
  q.connection.page.filter = boost::json::parse(R"({"name": {"eq": "Acme"}})").as_object();
  q.record = *level;
  auto r = sq::compile(q, standard_model());
  ASSERT_TRUE(std::holds_alternative<sq::record_error>(r));
  EXPECT_EQ(std::get<sq::record_error>(r).sub_code, "MAX_DEPTH_REACHED");
  // Five levels (the people of one company, from a person) are fine.
  q.object = "person";
  q.connection.page.filter = boost::json::parse(R"({"city": {"eq": "Paris"}})").as_object();
  q.record = *level->items.front().connection->items.front().node;
  EXPECT_TRUE(std::holds_alternative<sq::compiled_statement>(sq::compile(q, standard_model())));
}

// Cursors against a compiled statement: their values travel as parameters; a cursor that does not
// fit the order is refused.
namespace {

model::record_query people_after(std::string cursor, std::string_view order) {
  model::record_query q;
  q.object = "person";
  q.connection.page.after = std::move(cursor);
  q.connection.page.first = 2;
  q.connection.page.order_by = boost::json::parse(order).as_array();
  model::connection_selection::item edges;
  edges.k = model::connection_selection::item::kind::edges;
  edges.key = "edges";
  edges.edge_keys.push_back(
      {model::connection_selection::item::edge_key::kind::cursor, "cursor", ""});
  q.connection.items.push_back(edges);
  return q;
}

}  // namespace

TEST(QueryCursor, CursorValuesAreBoundAndMissingKeysRefused) {
  boost::json::object values{{"position", 3}, {"id", "2ab1f331-fdd8-4722-86eb-ce03158558a9"}};
  auto compiled =
      sq::compile(people_after(sq::encode_cursor(values), R"([{"position": "AscNullsFirst"}])"),
                  standard_model());
  ASSERT_TRUE(std::holds_alternative<sq::compiled_statement>(compiled));
  const auto& statement = std::get<sq::compiled_statement>(compiled);
  EXPECT_EQ(statement.sql.find("2ab1f331"), std::string::npos);  // values never in the text
  EXPECT_NE(std::find(statement.params.begin(), statement.params.end(),
                      std::optional<std::string>("2ab1f331-fdd8-4722-86eb-ce03158558a9")),
            statement.params.end());

  auto missing = sq::compile(
      people_after(sq::encode_cursor(values), R"([{"city": "AscNullsFirst"}])"), standard_model());
  ASSERT_TRUE(std::holds_alternative<sq::record_error>(missing));
  EXPECT_EQ(std::get<sq::record_error>(missing).message, "Invalid cursor");
  auto garbage = sq::compile(people_after("garbage", "[]"), standard_model());
  ASSERT_TRUE(std::holds_alternative<sq::record_error>(garbage));
  EXPECT_EQ(std::get<sq::record_error>(garbage),
            (sq::record_error{"BAD_USER_INPUT", "Invalid cursor: garbage", "INVALID_CURSOR",
                              "An error occurred."}));
}
