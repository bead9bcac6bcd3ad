// Every refusal of spec §4.4-4.5 with Twenty's error body (the golden exchanges word the first
// ones exactly), and atomicity: a change that fails half-way through its DDL leaves no column,
// no metadata row and no version bump behind.
#include <gtest/gtest.h>

#include <algorithm>

#include "metadata_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

const char* create_field =
    "mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }";

json::object field_error(metadata_server& s, const std::string& object, json::object field) {
  field["objectMetadataId"] = object;
  return s.first_error(create_field, {{"input", {{"field", std::move(field)}}}});
}

std::string sub_code(const json::object& e) {
  const auto* ext = e.if_contains("extensions");
  if (!ext || !ext->as_object().contains("subCode")) return {};
  return std::string(ext->at("subCode").as_string());
}

json::array options(std::initializer_list<std::pair<const char*, const char*>> values) {
  json::array out;
  int position = 0;
  for (const auto& [value, label] : values) {
    out.push_back(json::object{
        {"value", value}, {"label", label}, {"color", "green"}, {"position", position++}});
  }
  return out;
}

std::string version(metadata_server& s) {
  return std::string(
      s.sql("SELECT metadata_version FROM core.workspace WHERE id = '" + s.workspace_id + "'")
          .get(0, 0));
}

}  // namespace

TEST(MetadataValidation, DuplicateFieldNameAsTheGoldenExchange) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("crate", "crates");
  s.create_field(object, {{"type", "TEXT"}, {"name", "species"}, {"label", "Species"}});
  auto e = field_error(s, object, {{"type", "TEXT"}, {"name", "species"}, {"label", "Again"}});
  EXPECT_EQ(json::serialize(e),
            R"({"message":"Name \"species\" is not available, check that it is not duplicating )"
            R"(another field's name.","extensions":{"subCode":"INVALID_FIELD_INPUT",)"
            R"("userFriendlyMessage":"Name is not available, it may be duplicating another )"
            R"(field's name.","code":"BAD_USER_INPUT"}})");
  // A join column's name is taken too, and so is a composite's column.
  auto person = s.object_id("person");
  EXPECT_EQ(sub_code(field_error(
                s, person, {{"type", "TEXT"}, {"name", "companyId"}, {"label", "Company id"}})),
            "INVALID_FIELD_INPUT");
  EXPECT_EQ(sub_code(field_error(
                s, person, {{"type", "TEXT"}, {"name", "nameFirstName"}, {"label", "First"}})),
            "INVALID_FIELD_INPUT");
}

TEST(MetadataValidation, UnknownObjectAsTheGoldenExchange) {
  auto& s = metadata_server::shared();
  auto e = field_error(s, "00000000-0000-4000-8000-000000000000",
                       {{"type", "TEXT"}, {"name", "foo"}, {"label", "Foo"}});
  EXPECT_EQ(json::serialize(e),
            R"({"message":"Object metadata does not exist","extensions":{"code":)"
            R"("INTERNAL_SERVER_ERROR","userFriendlyMessage":"An error occurred."}})");
}

TEST(MetadataValidation, FieldNamesFollowTwentysRules) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("barrel", "barrels");
  auto bad = [&](const std::string& name) {
    return field_error(s, object, {{"type", "TEXT"}, {"name", name}, {"label", "Label"}});
  };
  EXPECT_EQ(bad("Bad Name").at("message"), json::value("{name} should be in camelCase"));
  EXPECT_EQ(bad("snake_case").at("message"), json::value("{name} should be in camelCase"));
  EXPECT_EQ(bad("café").at("extensions").at("code"), json::value("BAD_USER_INPUT"));
  EXPECT_EQ(bad("type").at("message"), json::value("The name \"type\" is not available"));
  EXPECT_EQ(bad(std::string(64, 'a')).at("message"),
            json::value("String \"" + std::string(64, 'a') + "\" exceeds 63 characters limit"));
  auto empty_label = field_error(s, object, {{"type", "TEXT"}, {"name", "ok"}, {"label", "  "}});
  EXPECT_EQ(sub_code(empty_label), "INVALID_FIELD_INPUT");
  auto not_creatable =
      field_error(s, object, {{"type", "TS_VECTOR"}, {"name", "vector"}, {"label", "Vector"}});
  EXPECT_EQ(sub_code(not_creatable), "INVALID_FIELD_INPUT");
  auto required = field_error(
      s, object,
      {{"type", "NUMBER"}, {"name", "count"}, {"label", "Count"}, {"isNullable", false}});
  EXPECT_EQ(required.at("message"),
            json::value("Default value is required for non nullable fields"));
}

TEST(MetadataValidation, SelectOptionsFollowTwentysRules) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("bucket", "buckets");
  auto select = [&](json::value opts, json::value default_value = nullptr) {
    json::object field{{"type", "SELECT"}, {"name", "kind"}, {"label", "Kind"}, {"options", opts}};
    if (!default_value.is_null()) field["defaultValue"] = default_value;
    return field_error(s, object, field);
  };
  EXPECT_EQ(select(json::array{}).at("message"),
            json::value("Options are required for enum fields"));
  EXPECT_EQ(sub_code(select(options({{"OPTION 1", "One"}}))), "INVALID_FIELD_INPUT");
  EXPECT_EQ(sub_code(select(options({{"OPTION_1", "One, two"}}))), "INVALID_FIELD_INPUT");
  EXPECT_EQ(select(options({{"A", "One"}, {"A", "Two"}})).at("message"),
            json::value("Duplicated option value \"A\""));
  json::array same_position = options({{"A", "One"}, {"B", "Two"}});
  same_position[1].as_object()["position"] = 0;
  EXPECT_EQ(sub_code(select(same_position)), "INVALID_FIELD_INPUT");
  EXPECT_EQ(sub_code(select(options({{"A", "One"}}), "'B'")), "INVALID_FIELD_INPUT");
  EXPECT_EQ(sub_code(select(options({{"A", "One"}}), "A")), "INVALID_FIELD_INPUT");
  // Values and labels are trimmed before they are kept.
  auto id = s.create_field(object, {{"type", "SELECT"},
                                    {"name", "kind"},
                                    {"label", "Kind"},
                                    {"options", options({{" A ", "  One   more "}})}});
  ASSERT_FALSE(id.empty());
  auto d = s.data("query($id: UUID!) { field(id: $id) { options } }", {{"id", id}});
  EXPECT_EQ(d.at("field").at("options").at(0).at("value"), json::value("A"));
  EXPECT_EQ(d.at("field").at("options").at(0).at("label"), json::value("One more"));
}

TEST(MetadataValidation, UpdatesAreCheckedToo) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("basket", "baskets");
  auto person = s.object_id("person");
  auto update = [&](const std::string& id, json::object change) {
    return s.first_error(
        "mutation($input: UpdateOneFieldMetadataInput!) { updateOneField(input: "
        "$input) { id } }",
        {{"input", {{"id", id}, {"update", std::move(change)}}}});
  };
  auto relation = s.create_field(object, {{"type", "RELATION"},
                                          {"name", "owner"},
                                          {"label", "Owner"},
                                          {"relationCreationPayload",
                                           {{"type", "MANY_TO_ONE"},
                                            {"targetObjectMetadataId", person},
                                            {"targetFieldLabel", "Baskets"},
                                            {"targetFieldIcon", "IconBasket"}}}});
  ASSERT_FALSE(relation.empty());
  EXPECT_EQ(update(relation, {{"name", "holder"}}).at("message"),
            json::value("Name cannot be changed for relation fields"));
  auto text = s.create_field(object, {{"type", "TEXT"}, {"name", "note"}, {"label", "Note"}});
  EXPECT_EQ(sub_code(update(text, {{"name", "owner"}})), "INVALID_FIELD_INPUT");
  EXPECT_EQ(sub_code(update(text, {{"name", "Note"}})), "INVALID_FIELD_INPUT");
  // Standard fields keep their names; the label identifier stays active.
  auto d = s.data(
      "query($id: UUID!) { object(id: $id) { labelIdentifierFieldMetadataId "
      "fieldsList { id name } } }",
      {{"id", person}});
  std::string city;
  for (const auto& f : d.at("object").at("fieldsList").as_array()) {
    if (f.at("name") == json::value("city")) city = std::string(f.at("id").as_string());
  }
  EXPECT_EQ(sub_code(update(city, {{"name", "town"}})), "INVALID_FIELD_INPUT");
  std::string label_id(d.at("object").at("labelIdentifierFieldMetadataId").as_string());
  EXPECT_EQ(sub_code(update(label_id, {{"isActive", false}})), "INVALID_FIELD_INPUT");
  auto missing = update("00000000-0000-4000-8000-000000000000", {{"label", "X"}});
  EXPECT_EQ(missing.at("extensions").at("code"), json::value("NOT_FOUND"));
}

TEST(MetadataValidation, AFailureHalfWayLeavesNothingBehind) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("chest", "chests");
  // A stray column the metadata does not know makes the second ADD COLUMN of FULL_NAME fail.
  ASSERT_TRUE(s.sql("ALTER TABLE {s}.\"_chest\" ADD COLUMN \"ghostLastName\" text").ok());
  const auto before = version(s);
  auto e = field_error(s, object, {{"type", "FULL_NAME"}, {"name", "ghost"}, {"label", "Ghost"}});
  EXPECT_EQ(e.at("extensions").at("code"), json::value("INTERNAL_SERVER_ERROR"));
  auto cols = s.columns("_chest");
  EXPECT_EQ(std::count(cols.begin(), cols.end(), "ghostFirstName:text"), 0);
  auto rows = s.sql("SELECT count(*) FROM core.field_metadata WHERE object_id = '" + object +
                    "' AND definition->>'name' = 'ghost'");
  EXPECT_EQ(rows.get(0, 0), "0");
  EXPECT_EQ(version(s), before);
  // The workspace goes on: the next change applies.
  EXPECT_FALSE(
      s.create_field(object, {{"type", "TEXT"}, {"name", "lid"}, {"label", "Lid"}}).empty());
}

TEST(MetadataValidation, ANameClashingWithTheApisOwnTypesIsRefusedBeforeAnyDdl) {
  auto& s = metadata_server::shared();
  const auto before = version(s);
  auto e = s.first_error(
      "mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }",
      {{"input",
        {{"object",
          {{"nameSingular", "pageInfo"},
           {"namePlural", "pageInfos"},
           {"labelSingular", "Page info"},
           {"labelPlural", "Page infos"}}}}}});
  EXPECT_EQ(e.at("extensions").at("code"), json::value("BAD_USER_INPUT"));
  EXPECT_EQ(sub_code(e), "INVALID_OBJECT_INPUT");
  EXPECT_EQ(e.at("message"), json::value("The name \"pageInfo\" is not available"));
  EXPECT_TRUE(s.columns("_pageInfo").empty());
  EXPECT_EQ(version(s), before);
  // The workspace's API still answers, connections included.
  auto d = s.data("{ companies(first: 1) { edges { node { id } } pageInfo { hasNextPage } } }", {},
                  "/graphql");
  EXPECT_FALSE(d.is_null());
}
