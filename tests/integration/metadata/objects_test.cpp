// Custom objects through /metadata: the table Twenty makes (`_<name>` with its default fields and
// the relations to the standard objects), records through /graphql right after, renames that keep
// the data, deactivation that hides, deletion that drops; and Twenty's errors.
#include <gtest/gtest.h>

#include <algorithm>

#include "metadata_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

bool table_exists(metadata_server& s, const std::string& table) {
  return !s.columns(table).empty();
}

}  // namespace

TEST(MetadataObjects, CreateOneObjectAnswersAsTwentyAndCreatesTheTable) {
  auto& s = metadata_server::shared();
  auto d = s.data(
      "mutation CreateOneObject($input: CreateOneObjectInput!) { createOneObject(input: $input) "
      "{ id nameSingular namePlural labelSingular labelPlural description icon isCustom isActive "
      "isSystem isRemote isSearchable labelIdentifierFieldMetadataId "
      "imageIdentifierFieldMetadataId createdAt updatedAt fieldsList { name type } } }",
      {{"input",
        {{"object",
          {{"nameSingular", "pet"},
           {"namePlural", "pets"},
           {"labelSingular", "Pet"},
           {"labelPlural", "Pets"},
           {"description", "A pet (bench custom object)"},
           {"icon", "IconCat"}}}}}});
  ASSERT_FALSE(d.is_null());
  const auto& o = d.at("createOneObject");
  EXPECT_EQ(o.at("nameSingular"), json::value("pet"));
  EXPECT_EQ(o.at("isCustom"), json::value(true));
  EXPECT_EQ(o.at("isActive"), json::value(true));
  EXPECT_EQ(o.at("isSearchable"), json::value(true));
  EXPECT_EQ(o.at("imageIdentifierFieldMetadataId"), json::value(nullptr));
  EXPECT_EQ(o.at("description"), json::value("A pet (bench custom object)"));
  std::vector<std::string> names;
  for (const auto& f : o.at("fieldsList").as_array()) names.emplace_back(f.at("name").as_string());
  for (const char* n : {"id", "name", "createdAt", "updatedAt", "deletedAt", "createdBy",
                        "position", "searchVector", "timelineActivities", "favorites",
                        "attachments", "noteTargets", "taskTargets"}) {
    EXPECT_TRUE(has(names, n)) << n;
  }
  auto cols = s.columns("_pet");
  for (const char* c : {"id:uuid", "name:text", "createdAt:timestamptz", "deletedAt:timestamptz",
                        "createdBySource:_pet_createdBySource_enum", "createdByName:text",
                        "position:float8", "searchVector:tsvector"}) {
    EXPECT_TRUE(has(cols, c)) << c;
  }
  // The standard objects that point at any record point at pets too, with a foreign key.
  for (const char* t : {"favorite", "attachment", "noteTarget", "taskTarget", "timelineActivity"}) {
    EXPECT_TRUE(has(s.columns(t), "petId:uuid")) << t;
  }
  auto fk = s.sql(
      "SELECT count(*) FROM information_schema.referential_constraints rc JOIN "
      "information_schema.key_column_usage k ON k.constraint_name = rc.constraint_name "
      "AND k.constraint_schema = rc.constraint_schema WHERE k.table_schema = '" +
      s.schema + "' AND k.table_name = 'favorite' AND k.column_name = 'petId'");
  ASSERT_TRUE(fk.ok());
  EXPECT_EQ(fk.get(0, 0), "1");
  // Rows in core: the object and its fields, and the workspace's version moved on.
  auto rows = s.sql("SELECT (SELECT count(*) FROM core.object_metadata WHERE id = '" +
                    std::string(o.at("id").as_string()) +
                    "'), (SELECT metadata_version FROM core.workspace WHERE id = '" +
                    s.workspace_id + "')");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "1");
  EXPECT_NE(rows.get(0, 1), "1");

  // /graphql of the workspace serves the new object at once.
  auto created = s.data(
      "mutation { createPet(data: {name: \"Rex\"}) { id name position "
      "createdBy { source } } }",
      {}, "/graphql");
  ASSERT_FALSE(created.is_null());
  EXPECT_EQ(created.at("createPet").at("name"), json::value("Rex"));
  EXPECT_EQ(created.at("createPet").at("createdBy").at("source"), json::value("MANUAL"));
  auto listed = s.data("{ pets { totalCount edges { node { name } } } }", {}, "/graphql");
  ASSERT_FALSE(listed.is_null());
  EXPECT_EQ(listed.at("pets").at("totalCount"), json::value(1));
  auto sql = s.sql("SELECT name, \"searchVector\"::text FROM {s}.\"_pet\"");
  ASSERT_TRUE(sql.ok());
  ASSERT_EQ(sql.rows(), 1);
  EXPECT_EQ(sql.get(0, 0), "Rex");
  EXPECT_EQ(sql.get(0, 1), "'rex':1");  // the search vector reads the name, as Twenty's
  // Search finds the new object's records.
  auto found = s.data(
      "{ search(searchInput: \"rex\", limit: 5) { edges { node { label "
      "objectNameSingular } } } }",
      {}, "/graphql");
  if (!found.is_null()) {
    bool pet = false;
    for (const auto& e : found.at("search").at("edges").as_array()) {
      pet = pet || e.at("node").at("objectNameSingular") == json::value("pet");
    }
    EXPECT_TRUE(pet);
  }
}

TEST(MetadataObjects, DuplicateNameIsAConflict) {
  auto& s = metadata_server::shared();
  s.create_object("parrot", "parrots");
  auto e = s.first_error(
      "mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }",
      {{"input",
        {{"object",
          {{"nameSingular", "parrot"},
           {"namePlural", "parrots"},
           {"labelSingular", "Parrot"},
           {"labelPlural", "Parrots"}}}}}});
  EXPECT_EQ(json::serialize(e),
            R"({"message":"Object already exists","extensions":{"subCode":"OBJECT_ALREADY_EXISTS",)"
            R"("userFriendlyMessage":"Object already exists","code":"CONFLICT"}})");
}

TEST(MetadataObjects, InvalidNamesAreRefusedWithTwentysMessages) {
  auto& s = metadata_server::shared();
  auto create = [&](const std::string& singular, const std::string& plural,
                    const std::string& label = "Thing") {
    return s.first_error(
        "mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }",
        {{"input",
          {{"object",
            {{"nameSingular", singular},
             {"namePlural", plural},
             {"labelSingular", label},
             {"labelPlural", label}}}}}});
  };
  auto e = create("Bad Name", "Bad Names", "Bad");
  EXPECT_EQ(json::serialize(e),
            R"({"message":"{name} should be in camelCase","extensions":{"subCode":)"
            R"("INVALID_OBJECT_INPUT","userFriendlyMessage":"{name} should be in camelCase",)"
            R"("code":"BAD_USER_INPUT"}})");
  EXPECT_EQ(create("user", "users").at("extensions").at("code"), json::value("BAD_USER_INPUT"));
  EXPECT_EQ(create("thing", "thing").at("message"),
            json::value("The singular and plural name cannot be the same for an object"));
  EXPECT_EQ(create(std::string(64, 'a'), "things").at("extensions").at("subCode"),
            json::value("INVALID_OBJECT_INPUT"));
  EXPECT_EQ(create("thing", "things", "  ").at("message"),
            json::value("Object label is too short"));
  // Nothing was created by any of them.
  auto r = s.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" +
                 s.schema + "' AND table_name IN ('_thing', '_badName')");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.get(0, 0), "0");
}

TEST(MetadataObjects, RenameKeepsTheRowsAndMovesTheApi) {
  auto& s = metadata_server::shared();
  auto id = s.create_object("boat", "boats");
  ASSERT_FALSE(s.data("mutation { createBoat(data: {name: \"Nautilus\"}) { id } }", {}, "/graphql")
                   .is_null());
  auto d = s.data(
      "mutation($input: UpdateOneObjectInput!) { updateOneObject(input: $input) { "
      "nameSingular namePlural labelSingular } }",
      {{"input",
        {{"id", id},
         {"update",
          {{"nameSingular", "ship"}, {"namePlural", "ships"}, {"labelSingular", "Ship"}}}}}});
  ASSERT_FALSE(d.is_null());
  EXPECT_EQ(d.at("updateOneObject").at("nameSingular"), json::value("ship"));
  EXPECT_FALSE(table_exists(s, "_boat"));
  EXPECT_TRUE(table_exists(s, "_ship"));
  auto ships = s.data("{ ships { edges { node { name } } } }", {}, "/graphql");
  ASSERT_FALSE(ships.is_null());
  EXPECT_EQ(ships.at("ships").at("edges").at(0).at("node").at("name"), json::value("Nautilus"));
  auto gone = s.first_error("{ boats { totalCount } }", {}, "/graphql");
  EXPECT_NE(std::string(gone.at("message").as_string()).find("boats"), std::string::npos);
}

TEST(MetadataObjects, DeactivateHidesAndDeleteDrops) {
  auto& s = metadata_server::shared();
  auto id = s.create_object("tempThing", "tempThings");
  ASSERT_FALSE(s.data("{ tempThings { totalCount } }", {}, "/graphql").is_null());
  auto d = s.data(
      "mutation($input: UpdateOneObjectInput!) { updateOneObject(input: $input) { id "
      "isActive } }",
      {{"input", {{"id", id}, {"update", {{"isActive", false}}}}}});
  ASSERT_FALSE(d.is_null());
  EXPECT_EQ(d.at("updateOneObject").at("isActive"), json::value(false));
  s.first_error("{ tempThings { totalCount } }", {}, "/graphql");
  EXPECT_TRUE(table_exists(s, "_tempThing"));  // data kept while inactive
  auto del = s.data(
      "mutation($input: DeleteOneObjectInput!) { deleteOneObject(input: $input) { "
      "id nameSingular } }",
      {{"input", {{"id", id}}}});
  ASSERT_FALSE(del.is_null());
  EXPECT_EQ(del.at("deleteOneObject").at("nameSingular"), json::value("tempThing"));
  EXPECT_FALSE(table_exists(s, "_tempThing"));
  EXPECT_FALSE(has(s.columns("favorite"), "tempThingId:uuid"));
  auto rows =
      s.sql("SELECT count(*) FROM core.object_metadata WHERE id = '" + id +
            "' UNION ALL SELECT count(*) FROM core.field_metadata WHERE object_id = '" + id + "'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "0");
  EXPECT_EQ(rows.get(1, 0), "0");
}

TEST(MetadataObjects, StandardObjectsCannotBeDeletedButTheirLabelsCanChange) {
  auto& s = metadata_server::shared();
  auto id = s.object_id("opportunity");
  auto e = s.first_error(
      "mutation($input: DeleteOneObjectInput!) { deleteOneObject(input: "
      "$input) { id } }",
      {{"input", {{"id", id}}}});
  EXPECT_EQ(e.at("extensions").at("code"), json::value("FORBIDDEN"));
  auto d = s.data(
      "mutation($input: UpdateOneObjectInput!) { updateOneObject(input: $input) { "
      "labelPlural } }",
      {{"input", {{"id", id}, {"update", {{"labelPlural", "Deals"}}}}}});
  ASSERT_FALSE(d.is_null());
  EXPECT_EQ(d.at("updateOneObject").at("labelPlural"), json::value("Deals"));
  auto row = s.sql("SELECT definition::text FROM core.object_metadata WHERE id = '" + id + "'");
  ASSERT_TRUE(row.ok());
  ASSERT_EQ(row.rows(), 1);
  // Only what changed is stored for a standard object.
  EXPECT_EQ(row.get(0, 0), R"({"labelPlural": "Deals"})");
  s.data("mutation($input: UpdateOneObjectInput!) { updateOneObject(input: $input) { id } }",
         {{"input", {{"id", id}, {"update", {{"labelPlural", "Opportunities"}}}}}});
  auto back = s.sql("SELECT count(*) FROM core.object_metadata WHERE id = '" + id + "'");
  EXPECT_EQ(back.get(0, 0), "0");
}
