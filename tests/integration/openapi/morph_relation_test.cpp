// A MORPH_RELATION field in the OpenAPI core document: a custom object's morph field `owner`
// pointing at a company and a person is written and read through its per-target join columns
// (ownerCompanyId, ownerPersonId) as the REST records are, and the documents still validate.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "openapi_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

const json::object& properties_of(const openapi_answer& doc, std::string_view schema) {
  return doc.body.at("components").at("schemas").at(schema).at("properties").as_object();
}

bool lists(const json::value& array, std::string_view value) {
  if (!array.is_array()) return false;
  for (const auto& v : array.as_array()) {
    if (v.is_string() && v.as_string() == value) return true;
  }
  return false;
}

std::string object_id(openapi_server& s, std::string_view name_singular) {
  auto objects =
      s.metadata("{ objects(paging: { first: 200 }) { edges { node { id nameSingular } } } }", {});
  if (objects.is_null()) return {};
  for (const auto& edge : objects.at("objects").at("edges").as_array()) {
    if (edge.at("node").at("nameSingular") == json::value(name_singular)) {
      return std::string(edge.at("node").at("id").as_string());
    }
  }
  return {};
}

}  // namespace

TEST(OpenApiCore, DescribesTheJoinColumnsOfAMorphRelation) {
  auto& s = openapi_server::shared();
  auto object = s.metadata(
      "mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }",
      {{"input",
        {{"object",
          {{"nameSingular", "sticker"},
           {"namePlural", "stickers"},
           {"labelSingular", "Sticker"},
           {"labelPlural", "Stickers"}}}}}});
  ASSERT_FALSE(object.is_null());
  std::string sticker_id(object.at("createOneObject").at("id").as_string());
  auto target = [&](std::string_view name) {
    return json::object{{"type", "MANY_TO_ONE"},
                        {"targetObjectMetadataId", object_id(s, name)},
                        {"targetFieldLabel", "Stickers"},
                        {"targetFieldIcon", "IconSticker"}};
  };
  ASSERT_FALSE(s.metadata("mutation($input: CreateOneFieldMetadataInput!) { "
                          "createOneField(input: $input) { id } }",
                          {{"input",
                            {{"field",
                              {{"objectMetadataId", sticker_id},
                               {"type", "MORPH_RELATION"},
                               {"name", "owner"},
                               {"label", "Owner"},
                               {"morphRelationsCreationPayload",
                                json::array{target("company"), target("person")}}}}}}})
                   .is_null());

  auto doc = s.get("/rest/open-api/core");
  ASSERT_EQ(doc.status, 200u) << doc.text;
  for (const char* schema : {"Sticker", "StickerForUpdate", "StickerForResponse"}) {
    const auto& properties = properties_of(doc, schema);
    EXPECT_TRUE(properties.contains("ownerCompanyId")) << schema;
    EXPECT_TRUE(properties.contains("ownerPersonId")) << schema;
  }
  const auto& response = doc.body.at("components").at("schemas").at("StickerForResponse");
  EXPECT_TRUE(lists(response.at("required"), "ownerCompanyId"));
  EXPECT_TRUE(lists(response.at("required"), "ownerPersonId"));
  // With depth=1 the record carries each target nested under its morph field's name.
  const auto& nested = properties_of(doc, "StickerForResponse");
  EXPECT_TRUE(nested.contains("ownerCompany"));
  EXPECT_TRUE(nested.contains("ownerPerson"));

  auto run = s.run_checks("--validate-only");
  if (!run) GTEST_SKIP() << "node is not installed: the OpenAPI tools were not run";
  EXPECT_EQ(run->status, 0) << run->output;
  EXPECT_NE(run->output.find("valid core"), std::string::npos) << run->output;
}
