// /metadata reads on the demo workspace: the connection shapes of Twenty's golden exchanges
// (objects, object with fieldsList, fields, indexMetadatas), filters and paging, and the refusals.
#include <gtest/gtest.h>

#include "metadata_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

TEST(MetadataReads, ObjectsListsEveryStandardObjectWithArrayConnectionCursors) {
  auto& s = metadata_server::shared();
  auto d = s.data(
      "query Objects { objects(paging: { first: 100 }) { pageInfo { hasNextPage endCursor } "
      "edges { node { id nameSingular namePlural labelSingular isCustom isActive isSystem } } } }");
  ASSERT_FALSE(d.is_null());
  const auto& objects = d.at("objects");
  const auto& edges = objects.at("edges").as_array();
  ASSERT_GE(edges.size(), 34u);
  EXPECT_EQ(objects.at("pageInfo").at("hasNextPage"), json::value(false));
  // "arrayconnection:<last index>", base64, as Twenty answers.
  EXPECT_EQ(objects.at("pageInfo").at("endCursor"),
            json::value(edges.size() == 34 ? "YXJyYXljb25uZWN0aW9uOjMz"
                                           : objects.at("pageInfo").at("endCursor").as_string()));
  bool person = false;
  for (const auto& e : edges) {
    const auto& n = e.at("node");
    if (n.at("nameSingular") == json::value("person")) {
      person = true;
      EXPECT_EQ(n.at("namePlural"), json::value("people"));
      EXPECT_EQ(n.at("labelSingular"), json::value("Person"));
      EXPECT_EQ(n.at("isSystem"), json::value(false));
    }
  }
  EXPECT_TRUE(person);
  // Listed by id, newest ids first (nestjs-query's order).
  for (std::size_t i = 1; i < edges.size(); ++i) {
    EXPECT_GT(edges[i - 1].at("node").at("id").as_string(),
              edges[i].at("node").at("id").as_string());
  }
}

TEST(MetadataReads, PagingWalksForwardWithAfterCursors) {
  auto& s = metadata_server::shared();
  auto first = s.data(
      "{ objects(paging: {first: 2}) { pageInfo { hasNextPage hasPreviousPage "
      "startCursor endCursor } edges { cursor node { id } } } }");
  ASSERT_FALSE(first.is_null());
  const auto& page = first.at("objects").at("pageInfo");
  EXPECT_EQ(page.at("hasNextPage"), json::value(true));
  EXPECT_EQ(page.at("hasPreviousPage"), json::value(false));
  EXPECT_EQ(page.at("startCursor"), json::value("YXJyYXljb25uZWN0aW9uOjA="));
  auto second = s.data(
      "query($after: ConnectionCursor) { objects(paging: {first: 2, after: "
      "$after}) { pageInfo { hasPreviousPage } edges { cursor node { id } } } }",
      {{"after", page.at("endCursor")}});
  ASSERT_FALSE(second.is_null());
  EXPECT_EQ(second.at("objects").at("pageInfo").at("hasPreviousPage"), json::value(true));
  EXPECT_EQ(second.at("objects").at("edges").at(0).at("cursor"),
            json::value("YXJyYXljb25uZWN0aW9uOjI="));
  EXPECT_NE(second.at("objects").at("edges").at(0).at("node").at("id"),
            first.at("objects").at("edges").at(1).at("node").at("id"));
}

TEST(MetadataReads, ObjectByIdWithFieldsListAsTheGoldenExchange) {
  auto& s = metadata_server::shared();
  auto id = s.object_id("person");
  auto d = s.data(
      "query Obj($id: UUID!) { object(id: $id) { id nameSingular namePlural labelSingular "
      "labelPlural description icon isCustom isActive isSystem isRemote isSearchable "
      "labelIdentifierFieldMetadataId imageIdentifierFieldMetadataId createdAt updatedAt "
      "fieldsList { id name type label isCustom isNullable } } }",
      {{"id", id}});
  ASSERT_FALSE(d.is_null());
  const auto& o = d.at("object");
  EXPECT_EQ(o.at("labelPlural"), json::value("People"));
  EXPECT_EQ(o.at("description"), json::value("A person"));
  EXPECT_EQ(o.at("icon"), json::value("IconUser"));
  EXPECT_EQ(o.at("isSearchable"), json::value(true));
  EXPECT_TRUE(o.at("createdAt").is_string());
  const auto& fields = o.at("fieldsList").as_array();
  ASSERT_FALSE(fields.empty());
  EXPECT_EQ(fields[0].at("name"), json::value("name"));
  EXPECT_EQ(fields[0].at("type"), json::value("FULL_NAME"));
  EXPECT_EQ(o.at("labelIdentifierFieldMetadataId"), fields[0].at("id"));
}

TEST(MetadataReads, FieldsConnectionFiltersAndNestsObjectAndRelation) {
  auto& s = metadata_server::shared();
  auto d = s.data(
      "{ fields(paging: {first: 1000}, filter: {isCustom: {is: false}, isSystem: {is: false}}) "
      "{ edges { node { id name type isCustom isSystem object { nameSingular } relation { type "
      "targetObjectMetadata { nameSingular } targetFieldMetadata { name } } } } } }");
  ASSERT_FALSE(d.is_null());
  bool company_people = false;
  for (const auto& e : d.at("fields").at("edges").as_array()) {
    const auto& n = e.at("node");
    EXPECT_EQ(n.at("isSystem"), json::value(false));
    if (n.at("name") == json::value("company") &&
        n.at("object").at("nameSingular") == json::value("person")) {
      company_people = true;
      EXPECT_EQ(n.at("relation").at("type"), json::value("MANY_TO_ONE"));
      EXPECT_EQ(n.at("relation").at("targetObjectMetadata").at("nameSingular"),
                json::value("company"));
      EXPECT_EQ(n.at("relation").at("targetFieldMetadata").at("name"), json::value("people"));
    }
  }
  EXPECT_TRUE(company_people);
}

TEST(MetadataReads, FieldByIdAndObjectFieldsConnection) {
  auto& s = metadata_server::shared();
  auto id = s.object_id("company");
  auto d = s.data(
      "query($id: UUID!) { object(id: $id) { fields(paging: {first: 2}, filter: {}) { "
      "pageInfo { hasNextPage } edges { node { id name } } } } }",
      {{"id", id}});
  ASSERT_FALSE(d.is_null());
  const auto& edges = d.at("object").at("fields").at("edges").as_array();
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(d.at("object").at("fields").at("pageInfo").at("hasNextPage"), json::value(true));
  auto f = s.data("query($id: UUID!) { field(id: $id) { name object { nameSingular } } }",
                  {{"id", edges[0].at("node").at("id")}});
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f.at("field").at("name"), edges[0].at("node").at("name"));
  EXPECT_EQ(f.at("field").at("object").at("nameSingular"), json::value("company"));
}

TEST(MetadataReads, IndexMetadatasListsTheSearchVectorIndexes) {
  auto& s = metadata_server::shared();
  auto d = s.data(
      "{ indexMetadatas(paging: {first: 500}) { edges { node { name indexType "
      "isUnique indexFieldMetadataList { fieldMetadataId order } } } } }");
  ASSERT_FALSE(d.is_null());
  bool gin = false;
  for (const auto& e : d.at("indexMetadatas").at("edges").as_array()) {
    if (e.at("node").at("indexType") == json::value("GIN")) gin = true;
  }
  EXPECT_TRUE(gin);
}

TEST(MetadataReads, AnonymousCallerIsForbiddenAsTwentyAnswers) {
  auto& s = metadata_server::shared();
  auto res = s.post("query { objects(paging: { first: 1 }) { edges { node { id } } } }", {},
                    "/metadata", "");
  ASSERT_EQ(res.status, 200u);
  auto body = json::parse(res.body);
  const auto& e = body.at("errors").at(0);
  EXPECT_EQ(e.at("message"), json::value("Forbidden resource"));
  EXPECT_EQ(e.at("extensions").at("code"), json::value("INTERNAL_SERVER_ERROR"));
  EXPECT_EQ(body.at("data"), json::value(nullptr));
}

TEST(MetadataReads, UnknownSelectionIsAValidationError) {
  auto& s = metadata_server::shared();
  auto e = s.first_error("query { objects(paging: { first: 1 }) { totalCount } }");
  EXPECT_EQ(e.at("message"),
            json::value("Cannot query field \"totalCount\" on type \"ObjectConnection\"."));
}

TEST(MetadataReads, UnknownObjectIdIsNotFound) {
  auto& s = metadata_server::shared();
  auto e = s.first_error("{ object(id: \"00000000-0000-4000-8000-000000000000\") { id } }");
  EXPECT_EQ(e.at("extensions").at("code"), json::value("NOT_FOUND"));
}
