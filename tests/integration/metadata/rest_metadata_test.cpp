// /rest/metadata/objects and /rest/metadata/fields: the envelopes of spec §4.8 and the golden
// REST exchanges, 201 on create, Twenty's REST errors (400 bad UUID or input, 404 unknown id,
// 409 duplicate), and the changes reaching the tables like their GraphQL twins.
#include <gtest/gtest.h>

#include <algorithm>

#include "metadata_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

json::value parse(const raw_response& res) {
  boost::system::error_code ec;
  auto v = json::parse(res.body, ec);
  if (ec) ADD_FAILURE() << "not JSON: " << res.body;
  return v;
}

}  // namespace

TEST(MetadataRest, ListsObjectsWithTheirFieldsInTheLegacyEnvelope) {
  auto& s = metadata_server::shared();
  auto res = s.rest("GET", "/rest/metadata/objects");
  ASSERT_EQ(res.status, 200u) << res.body;
  auto body = parse(res);
  const auto& objects = body.at("data").at("objects").as_array();
  ASSERT_GE(objects.size(), 34u);
  EXPECT_EQ(body.at("pageInfo").at("hasNextPage"), json::value(false));
  EXPECT_EQ(body.at("pageInfo").at("startCursor"), json::value("YXJyYXljb25uZWN0aW9uOjA="));
  const json::object* company = nullptr;
  for (const auto& o : objects) {
    if (o.at("nameSingular") == json::value("company")) company = &o.as_object();
  }
  ASSERT_NE(company, nullptr);
  std::vector<std::string> keys;
  for (const auto& [k, v] : *company) keys.emplace_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{
                "id", "nameSingular", "namePlural", "isCustom", "isActive", "isSystem", "createdAt",
                "updatedAt", "labelIdentifierFieldMetadataId", "imageIdentifierFieldMetadataId",
                "labelSingular", "labelPlural", "description", "icon", "fields"}));
  bool people = false;
  for (const auto& f : company->at("fields").as_array()) {
    if (f.at("name") != json::value("people")) continue;
    people = true;
    EXPECT_EQ(f.at("relation").at("type"), json::value("ONE_TO_MANY"));
    EXPECT_EQ(f.at("relation").at("targetObjectMetadata").at("nameSingular"),
              json::value("person"));
    EXPECT_EQ(f.at("relation").at("sourceFieldMetadata").at("name"), json::value("people"));
  }
  EXPECT_TRUE(people);
  auto page = parse(s.rest("GET", "/rest/metadata/objects?limit=2"));
  EXPECT_EQ(page.at("data").at("objects").as_array().size(), 2u);
  EXPECT_EQ(page.at("pageInfo").at("hasNextPage"), json::value(true));
}

TEST(MetadataRest, CreateGetUpdateDeleteAnObjectAndAField) {
  auto& s = metadata_server::shared();
  auto created = s.rest("POST", "/rest/metadata/objects",
                        R"({"nameSingular":"anchor","namePlural":"anchors",)"
                        R"("labelSingular":"Anchor","labelPlural":"Anchors"})");
  ASSERT_EQ(created.status, 201u) << created.body;
  auto object = parse(created).at("data").at("createOneObject");
  const std::string id(object.at("id").as_string());
  EXPECT_EQ(object.at("isCustom"), json::value(true));
  EXPECT_FALSE(object.at("fields").as_array().empty());
  EXPECT_TRUE(has(s.columns("_anchor"), "name:text"));

  auto got = s.rest("GET", "/rest/metadata/objects/" + id);
  ASSERT_EQ(got.status, 200u);
  EXPECT_EQ(parse(got).at("data").at("object").at("nameSingular"), json::value("anchor"));

  auto field = s.rest(
      "POST", "/rest/metadata/fields",
      R"({"objectMetadataId":")" + id + R"(","type":"NUMBER","name":"weight","label":"Weight"})");
  ASSERT_EQ(field.status, 201u) << field.body;
  const std::string field_id(parse(field).at("data").at("createOneField").at("id").as_string());
  EXPECT_TRUE(has(s.columns("_anchor"), "weight:float8"));

  auto patched = s.rest("PATCH", "/rest/metadata/fields/" + field_id, R"({"label":"Mass"})");
  ASSERT_EQ(patched.status, 200u) << patched.body;
  EXPECT_EQ(parse(patched).at("data").at("updateOneField").at("label"), json::value("Mass"));
  auto put = s.rest("PUT", "/rest/metadata/objects/" + id, R"({"labelPlural":"Anchors!"})");
  ASSERT_EQ(put.status, 200u) << put.body;
  EXPECT_EQ(parse(put).at("data").at("updateOneObject").at("labelPlural"), json::value("Anchors!"));

  auto field_list = parse(s.rest("GET", "/rest/metadata/fields?limit=5"));
  EXPECT_EQ(field_list.at("data").at("fields").as_array().size(), 5u);
  auto one = s.rest("GET", "/rest/metadata/fields/" + field_id);
  EXPECT_EQ(parse(one).at("data").at("field").at("label"), json::value("Mass"));

  ASSERT_EQ(s.rest("PATCH", "/rest/metadata/fields/" + field_id, R"({"isActive":false})").status,
            200u);
  auto deleted_field = s.rest("DELETE", "/rest/metadata/fields/" + field_id);
  ASSERT_EQ(deleted_field.status, 200u) << deleted_field.body;
  EXPECT_EQ(parse(deleted_field).at("data").at("deleteOneField").at("id"), json::value(field_id));
  EXPECT_FALSE(has(s.columns("_anchor"), "weight:float8"));
  auto deleted = s.rest("DELETE", "/rest/metadata/objects/" + id);
  ASSERT_EQ(deleted.status, 200u) << deleted.body;
  EXPECT_TRUE(s.columns("_anchor").empty());
}

TEST(MetadataRest, ErrorsCarryTwentysStatusesAndBodies) {
  auto& s = metadata_server::shared();
  auto bad_uuid = s.rest("GET", "/rest/metadata/objects/not-a-uuid");
  EXPECT_EQ(bad_uuid.status, 400u);
  EXPECT_EQ(parse(bad_uuid).at("error"), json::value("BadRequestException"));
  auto unknown = s.rest("GET", "/rest/metadata/objects/00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(unknown.status, 404u) << unknown.body;
  EXPECT_EQ(parse(unknown).at("statusCode"), json::value(404));
  auto invalid = s.rest("POST", "/rest/metadata/objects",
                        R"({"nameSingular":"Bad Name","namePlural":"badNames",)"
                        R"("labelSingular":"Bad","labelPlural":"Bads"})");
  EXPECT_EQ(invalid.status, 400u);
  EXPECT_EQ(parse(invalid).at("messages").at(0), json::value("{name} should be in camelCase"));
  s.rest("POST", "/rest/metadata/objects",
         R"({"nameSingular":"mooring","namePlural":"moorings","labelSingular":"Mooring",)"
         R"("labelPlural":"Moorings"})");
  auto duplicate = s.rest("POST", "/rest/metadata/objects",
                          R"({"nameSingular":"mooring","namePlural":"moorings",)"
                          R"("labelSingular":"Mooring","labelPlural":"Moorings"})");
  EXPECT_EQ(duplicate.status, 409u);
  EXPECT_EQ(parse(duplicate).at("error"), json::value("ConflictException"));
  auto both = s.rest("GET", "/rest/metadata/objects?starting_after=a&ending_before=b");
  EXPECT_EQ(both.status, 400u);
  auto not_json = s.rest("POST", "/rest/metadata/fields", "{nope");
  EXPECT_EQ(not_json.status, 400u);
}

namespace {

std::vector<std::string> keys_of(const json::value& v) {
  std::vector<std::string> keys;
  for (const auto& [k, ignored] : v.as_object()) keys.emplace_back(k);
  return keys;
}

std::vector<std::string> ids_of(const json::value& page, std::string_view key) {
  std::vector<std::string> ids;
  for (const auto& item : page.at("data").at(key).as_array())
    ids.emplace_back(item.at("id").as_string());
  return ids;
}

}  // namespace

// Twenty 1.6's recorded list answer (metadata.jsonl) is {data: {objects}, pageInfo} with
// graphql-relay cursors and no totalCount; fields answer in the same shape.
TEST(MetadataRest, ListEnvelopesHaveTheRecordedShape) {
  auto& s = metadata_server::shared();
  for (std::string_view key : {"objects", "fields"}) {
    auto res = s.rest("GET", "/rest/metadata/" + std::string(key));
    ASSERT_EQ(res.status, 200u) << res.body;
    auto body = parse(res);
    EXPECT_EQ(keys_of(body), (std::vector<std::string>{"data", "pageInfo"})) << key;
    EXPECT_EQ(keys_of(body.at("data")), (std::vector<std::string>{std::string(key)}));
    EXPECT_EQ(keys_of(body.at("pageInfo")),
              (std::vector<std::string>{"hasNextPage", "startCursor", "endCursor"}));
    const auto& items = body.at("data").at(key).as_array();
    ASSERT_FALSE(items.empty());
    // The last cursor names the last item's offset: "arrayconnection:<n-1>" in base64.
    EXPECT_EQ(body.at("pageInfo").at("hasNextPage"), json::value(false));
    EXPECT_FALSE(body.at("pageInfo").at("endCursor").as_string().empty());
  }
  auto fields = parse(s.rest("GET", "/rest/metadata/fields?limit=1"));
  EXPECT_EQ(keys_of(fields.at("data").at("fields").at(0)),
            (std::vector<std::string>{"id", "type", "name", "label", "description", "icon",
                                      "isCustom", "isActive", "isSystem", "isNullable", "createdAt",
                                      "updatedAt", "defaultValue", "options", "relation"}));
}

// Pages follow the cursors of pageInfo both ways and visit every object once.
TEST(MetadataRest, ObjectPagesFollowTheirCursorsBothWays) {
  auto& s = metadata_server::shared();
  auto all = ids_of(parse(s.rest("GET", "/rest/metadata/objects")), "objects");
  ASSERT_GT(all.size(), 10u);
  std::vector<std::string> forwards;
  std::string after;
  std::vector<std::string> end_cursors;
  for (int guard = 0; guard < 100; ++guard) {
    auto page = parse(s.rest("GET", "/rest/metadata/objects?limit=7" +
                                        (after.empty() ? "" : "&starting_after=" + after)));
    auto ids = ids_of(page, "objects");
    EXPECT_LE(ids.size(), 7u);
    forwards.insert(forwards.end(), ids.begin(), ids.end());
    if (!page.at("pageInfo").at("hasNextPage").as_bool()) break;
    after = std::string(page.at("pageInfo").at("endCursor").as_string());
    end_cursors.push_back(after);
  }
  EXPECT_EQ(forwards, all);
  // Backwards from the second page's start: the first page.
  auto second =
      parse(s.rest("GET", "/rest/metadata/objects?limit=7&starting_after=" + end_cursors.at(0)));
  auto start = std::string(second.at("pageInfo").at("startCursor").as_string());
  auto first = parse(s.rest("GET", "/rest/metadata/objects?limit=7&ending_before=" + start));
  EXPECT_EQ(ids_of(first, "objects"), std::vector<std::string>(all.begin(), all.begin() + 7));
}
