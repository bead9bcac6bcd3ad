// Relations between custom objects created from the one-to-many side, deleted with both sides,
// and unique fields whose index follows isUnique.
#include <gtest/gtest.h>

#include <algorithm>

#include "metadata_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

long index_count(metadata_server& s, const std::string& table, const std::string& column) {
  auto r = s.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + s.schema +
                 "' AND tablename = '" + table + "' AND indexdef LIKE 'CREATE UNIQUE%(" + column +
                 ")%'");
  return r.ok() ? std::stol(std::string(r.get(0, 0))) : -1;
}

}  // namespace

TEST(MetadataRelations, OneToManyFromTheSourceSideAndDeletionOfBothSides) {
  auto& s = metadata_server::shared();
  auto fleet = s.create_object("fleet", "fleets");
  auto dinghy = s.create_object("dinghy", "dinghies");
  auto field = s.create_field(fleet, {{"type", "RELATION"},
                                      {"name", "dinghies"},
                                      {"label", "Dinghies"},
                                      {"relationCreationPayload",
                                       {{"type", "ONE_TO_MANY"},
                                        {"targetObjectMetadataId", dinghy},
                                        {"targetFieldLabel", "Fleet"},
                                        {"targetFieldIcon", "IconShip"}}}});
  ASSERT_FALSE(field.empty());
  EXPECT_TRUE(has(s.columns("_dinghy"), "fleetId:uuid"));
  EXPECT_FALSE(has(s.columns("_fleet"), "dinghiesId:uuid"));
  auto inverse = s.data(
      "query($id: UUID!) { object(id: $id) { fieldsList { name type relation { "
      "type targetObjectMetadata { nameSingular } } } } }",
      {{"id", dinghy}});
  bool found = false;
  for (const auto& f : inverse.at("object").at("fieldsList").as_array()) {
    if (f.at("name") != json::value("fleet")) continue;
    found = true;
    EXPECT_EQ(f.at("relation").at("type"), json::value("MANY_TO_ONE"));
    EXPECT_EQ(f.at("relation").at("targetObjectMetadata").at("nameSingular"), json::value("fleet"));
  }
  EXPECT_TRUE(found);
  auto f1 = s.data("mutation { createFleet(data: {name: \"Blue\"}) { id } }", {}, "/graphql");
  ASSERT_FALSE(f1.is_null());
  const std::string fleet_id(f1.at("createFleet").at("id").as_string());
  ASSERT_FALSE(s.data("mutation($d: DinghyCreateInput!) { createDinghy(data: $d) { id } }",
                      {{"d", {{"name", "D1"}, {"fleetId", fleet_id}}}}, "/graphql")
                   .is_null());
  auto read = s.data(
      "{ fleets { edges { node { name dinghies { edges { node { name fleet { "
      "name } } } } } } } }",
      {}, "/graphql");
  ASSERT_FALSE(read.is_null());
  const auto& d = read.at("fleets").at("edges").at(0).at("node").at("dinghies").at("edges").at(0);
  EXPECT_EQ(d.at("node").at("name"), json::value("D1"));
  EXPECT_EQ(d.at("node").at("fleet").at("name"), json::value("Blue"));

  s.update_field(field, {{"isActive", false}});
  auto del = s.data(
      "mutation($input: DeleteOneFieldInput!) { deleteOneField(input: $input) { "
      "id } }",
      {{"input", {{"id", field}}}});
  ASSERT_FALSE(del.is_null());
  EXPECT_FALSE(has(s.columns("_dinghy"), "fleetId:uuid"));
  auto gone = s.sql("SELECT count(*) FROM core.field_metadata WHERE object_id = '" + dinghy +
                    "' AND definition->>'name' = 'fleet'");
  EXPECT_EQ(gone.get(0, 0), "0");
  s.first_error("{ dinghies { edges { node { fleet { name } } } } }", {}, "/graphql");
}

TEST(MetadataRelations, UniqueFieldsGetAndLoseTheirIndex) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("locker", "lockers");
  auto code = s.create_field(
      object, {{"type", "TEXT"}, {"name", "code"}, {"label", "Code"}, {"isUnique", true}});
  ASSERT_FALSE(code.empty());
  EXPECT_EQ(index_count(s, "_locker", "code"), 1);
  ASSERT_FALSE(
      s.data("mutation { createLocker(data: {name: \"a\", code: \"X1\"}) { id } }", {}, "/graphql")
          .is_null());
  auto dup = s.first_error("mutation { createLocker(data: {name: \"b\", code: \"X1\"}) { id } }",
                           {}, "/graphql");
  EXPECT_EQ(dup.at("extensions").at("code"), json::value("BAD_USER_INPUT"));
  EXPECT_EQ(s.update_field(code, {{"isUnique", false}}).at("isUnique"), json::value(false));
  EXPECT_EQ(index_count(s, "_locker", "code"), 0);
  EXPECT_FALSE(
      s.data("mutation { createLocker(data: {name: \"b\", code: \"X1\"}) { id } }", {}, "/graphql")
          .is_null());
}

TEST(MetadataRelations, MorphRelationHasOneFieldPerTarget) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("sticker", "stickers");
  const auto person = s.object_id("person");
  const auto company = s.object_id("company");
  auto payload = [](const std::string& target) {
    return json::object{{"type", "MANY_TO_ONE"},
                        {"targetObjectMetadataId", target},
                        {"targetFieldLabel", "Stickers"},
                        {"targetFieldIcon", "IconSticker"}};
  };
  auto d = s.data(
      "mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id name "
      "type relation { type } morphRelations { type targetObjectMetadata { nameSingular } "
      "targetFieldMetadata { name } } } }",
      {{"input",
        {{"field",
          {{"objectMetadataId", object},
           {"type", "MORPH_RELATION"},
           {"name", "owner"},
           {"label", "Owner"},
           {"morphRelationsCreationPayload", json::array{payload(person), payload(company)}}}}}}});
  ASSERT_FALSE(d.is_null());
  const auto& f = d.at("createOneField");
  EXPECT_EQ(f.at("type"), json::value("MORPH_RELATION"));
  EXPECT_EQ(f.at("name"), json::value("ownerPerson"));
  EXPECT_EQ(f.at("relation"), json::value(nullptr));
  const auto& morphs = f.at("morphRelations").as_array();
  ASSERT_EQ(morphs.size(), 2u);
  EXPECT_EQ(morphs[0].at("targetObjectMetadata").at("nameSingular"), json::value("person"));
  EXPECT_EQ(morphs[1].at("targetObjectMetadata").at("nameSingular"), json::value("company"));
  EXPECT_EQ(morphs[1].at("targetFieldMetadata").at("name"), json::value("stickers"));
  auto cols = s.columns("_sticker");
  EXPECT_TRUE(has(cols, "ownerPersonId:uuid"));
  EXPECT_TRUE(has(cols, "ownerCompanyId:uuid"));

  // Read through /graphql: a sticker pointing at a company.
  auto c = s.data("{ companies(first: 1) { edges { node { id name } } } }", {}, "/graphql");
  const auto& first = c.at("companies").at("edges").at(0).at("node");
  auto st = s.data("mutation { createSticker(data: {name: \"S1\"}) { id } }", {}, "/graphql");
  ASSERT_FALSE(st.is_null());
  const std::string sticker_id(st.at("createSticker").at("id").as_string());
  ASSERT_TRUE(s.sql("UPDATE {s}.\"_sticker\" SET \"ownerCompanyId\" = '" +
                    std::string(first.at("id").as_string()) + "' WHERE id = '" + sticker_id + "'")
                  .ok());
  auto read = s.data(
      "{ stickers { edges { node { name ownerCompany { name } ownerPerson { id } } "
      "} } }",
      {}, "/graphql");
  ASSERT_FALSE(read.is_null());
  const auto& node = read.at("stickers").at("edges").at(0).at("node");
  EXPECT_EQ(node.at("ownerCompany").at("name"), first.at("name"));
  EXPECT_EQ(node.at("ownerPerson"), json::value(nullptr));

  // Deactivating and deleting one side takes every target along.
  const std::string field(f.at("id").as_string());
  s.update_field(field, {{"isActive", false}});
  ASSERT_FALSE(s.data("mutation($input: DeleteOneFieldInput!) { deleteOneField(input: $input) { "
                      "id } }",
                      {{"input", {{"id", field}}}})
                   .is_null());
  cols = s.columns("_sticker");
  EXPECT_FALSE(has(cols, "ownerPersonId:uuid"));
  EXPECT_FALSE(has(cols, "ownerCompanyId:uuid"));
  auto left = s.sql(
      "SELECT count(*) FROM core.field_metadata WHERE definition->>'name' IN "
      "('ownerPerson', 'ownerCompany') OR (definition->>'name' = 'stickers' AND "
      "object_id IN ('" +
      person + "', '" + company + "'))");
  EXPECT_EQ(left.get(0, 0), "0");
}
