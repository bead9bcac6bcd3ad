// The record API over real HTTP on a seeded demo workspace: what a client of Twenty's /graphql
// sends, what it gets back, and the rows it leaves in PostgreSQL.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

json::value body_of(const raw_response& res) {
  return json::parse(res.body);
}

}  // namespace

TEST(GraphqlRecords, PeopleConnectionListsTheSeededSamplesInPositionOrder) {
  auto& demo = demo_server::shared();
  auto res = demo.post(
      "query { people(first: 3, orderBy: [{position: AscNullsFirst}]) { totalCount "
      "pageInfo { hasNextPage hasPreviousPage } edges { node { name { firstName lastName } "
      "city company { name } } } } }");
  ASSERT_EQ(res.status, 200u) << res.body;
  auto body = body_of(res);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  const auto& people = body.at("data").at("people");
  EXPECT_EQ(people.at("totalCount").as_int64(), 5);
  EXPECT_EQ(people.at("pageInfo").at("hasNextPage"), json::value(true));
  EXPECT_EQ(people.at("pageInfo").at("hasPreviousPage"), json::value(false));
  const auto& edges = people.at("edges").as_array();
  ASSERT_EQ(edges.size(), 3u);
  EXPECT_EQ(edges[0].at("node").at("name").at("firstName"), json::value("Brian"));
  EXPECT_EQ(edges[0].at("node").at("company").at("name"), json::value("Airbnb"));
  EXPECT_EQ(edges[1].at("node").at("name").at("lastName"), json::value("Amodei"));
  EXPECT_EQ(edges[2].at("node").at("city"), json::value("San Francisco"));
}

TEST(GraphqlRecords, CreatePersonWritesTheRowAndAnswersTheSelection) {
  auto& demo = demo_server::shared();
  auto res = demo.post(
      "mutation($data: PersonCreateInput!) { createPerson(data: $data) { id name { firstName } "
      "city createdBy { source workspaceMemberId name context } } }",
      {{"data", {{"name", {{"firstName", "Ada"}, {"lastName", "Lovelace"}}}, {"city", "London"}}}});
  ASSERT_EQ(res.status, 200u) << res.body;
  auto body = body_of(res);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  const auto& person = body.at("data").at("createPerson");
  EXPECT_EQ(person.at("name").at("firstName"), json::value("Ada"));
  EXPECT_EQ(person.at("createdBy").at("source"), json::value("MANUAL"));
  // The member behind the token, named as Twenty names it, with an empty context.
  EXPECT_TRUE(person.at("createdBy").at("workspaceMemberId").is_string());
  EXPECT_EQ(person.at("createdBy").at("name"), json::value("Dana Demo"));
  EXPECT_EQ(person.at("createdBy").at("context"), json::object());
  std::string id(person.at("id").as_string());
  auto rows = demo.sql("SELECT \"nameLastName\", city FROM {s}.person WHERE id = '" + id + "'");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.rows(), 1);
  EXPECT_EQ(rows.get(0, 0), "Lovelace");
  EXPECT_EQ(rows.get(0, 1), "London");
}

TEST(GraphqlRecords, FindOneOfAnUnknownIdAnswersTwentysNotFound) {
  auto& demo = demo_server::shared();
  auto res = demo.post(
      "query { person(filter: {id: {eq: \"6a1c0f2e-0000-4000-8000-000000000000\"}}) { id } }");
  ASSERT_EQ(res.status, 200u);
  auto body = body_of(res);
  EXPECT_EQ(body.at("data").at("person"), json::value(nullptr)) << res.body;
  const auto& error = body.at("errors").at(0);
  EXPECT_EQ(error.at("message"), json::value("Record not found"));
  EXPECT_EQ(error.at("extensions").at("code"), json::value("NOT_FOUND"));
  EXPECT_EQ(error.at("extensions").at("subCode"), json::value("RECORD_NOT_FOUND"));
}

TEST(GraphqlRecords, WithoutATokenTheRecordFieldsDoNotExist) {
  auto& demo = demo_server::shared();
  auto res = demo.post("query { people { totalCount } }", {}, "");
  ASSERT_EQ(res.status, 200u);
  auto body = body_of(res);
  EXPECT_EQ(body.at("errors").at(0).at("message"),
            json::value("Cannot query field \"people\" on type \"Query\"."))
      << res.body;
}

TEST(GraphqlRecords, AGarbageTokenIsUnauthenticated) {
  auto& demo = demo_server::shared();
  auto res = demo.post("query { people { totalCount } }", {}, "not-a-token");
  ASSERT_EQ(res.status, 200u);
  auto body = body_of(res);
  EXPECT_FALSE(body.as_object().contains("data")) << res.body;
  EXPECT_EQ(body.at("errors").at(0).at("extensions").at("code"), json::value("UNAUTHENTICATED"));
}

TEST(GraphqlRecords, UpdateSoftDeleteRestoreAndDestroyAPerson) {
  auto& demo = demo_server::shared();
  auto created =
      body_of(demo.post("mutation { createPerson(data: {name: {firstName: \"Tmp\", lastName: "
                        "\"Person\"}}) { id } }"));
  std::string id(created.at("data").at("createPerson").at("id").as_string());

  auto updated = body_of(demo.post(
      "mutation($id: UUID!) { updatePerson(id: $id, data: {city: \"Paris\"}) { id city } }",
      {{"id", id}}));
  EXPECT_EQ(updated.at("data").at("updatePerson").at("city"), json::value("Paris"));

  auto deleted = body_of(
      demo.post("mutation($id: UUID!) { deletePerson(id: $id) { id deletedAt } }", {{"id", id}}));
  EXPECT_TRUE(deleted.at("data").at("deletePerson").at("deletedAt").is_string());
  auto hidden = body_of(demo.post(
      "query($id: UUID!) { people(filter: {id: {eq: $id}}) { totalCount } }", {{"id", id}}));
  EXPECT_EQ(hidden.at("data").at("people").at("totalCount").as_int64(), 0);

  auto restored = body_of(
      demo.post("mutation($id: UUID!) { restorePerson(id: $id) { id deletedAt } }", {{"id", id}}));
  EXPECT_EQ(restored.at("data").at("restorePerson").at("deletedAt"), json::value(nullptr));

  auto destroyed =
      body_of(demo.post("mutation($id: UUID!) { destroyPerson(id: $id) { id } }", {{"id", id}}));
  EXPECT_EQ(destroyed.at("data").at("destroyPerson").at("id"), json::value(id));
  auto rows = demo.sql("SELECT count(*) FROM {s}.person WHERE id = '" + id + "'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "0");
}

TEST(GraphqlRecords, DateFiltersTakeIsoTextThroughTheDateScalar) {
  auto& demo = demo_server::shared();
  const std::string query =
      "query($filter: PersonFilterInput) { people(filter: $filter) { totalCount } }";
  auto since_2020 = body_of(
      demo.post(query, {{"filter", {{"createdAt", {{"gte", "2020-01-01T00:00:00.000Z"}}}}}}));
  ASSERT_FALSE(since_2020.as_object().contains("errors")) << since_2020;
  auto before_2020 = body_of(
      demo.post(query, {{"filter", {{"createdAt", {{"lt", "2020-01-01T00:00:00.000Z"}}}}}}));
  ASSERT_FALSE(before_2020.as_object().contains("errors")) << before_2020;
  EXPECT_GT(since_2020.at("data").at("people").at("totalCount").as_int64(), 0);
  EXPECT_EQ(before_2020.at("data").at("people").at("totalCount").as_int64(), 0);
}

TEST(GraphqlRecords, AGarbageCursorIsRefusedEvenWithoutEdges) {
  auto& demo = demo_server::shared();
  auto body = body_of(demo.post("{ people(first: 2, after: \"garbage\") { totalCount } }"));
  ASSERT_TRUE(body.as_object().contains("errors")) << body;
  const auto& error = body.at("errors").at(0);
  EXPECT_EQ(error.at("message"), json::value("Invalid cursor: garbage"));
  EXPECT_EQ(error.at("extensions").at("code"), json::value("BAD_USER_INPUT"));
  EXPECT_EQ(error.at("extensions").at("subCode"), json::value("INVALID_CURSOR"));
  EXPECT_EQ(body.at("data").at("people"), json::value(nullptr));
}

TEST(GraphqlRecords, PageInfoAloneWithoutEdges) {
  auto& demo = demo_server::shared();
  auto body = body_of(demo.post("{ companies(first: 1) { pageInfo { hasNextPage } } }"));
  ASSERT_FALSE(body.as_object().contains("errors")) << body;
  EXPECT_EQ(body.at("data").at("companies").at("pageInfo").at("hasNextPage"), json::value(true));
}
