// The OpenAPI generator on models built in the test: how field types, nullability, select
// options, composites and relations become schemas, and which paths an object gets.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/rest/openapi/core_document.hpp"
#include "api/rest/openapi/field_schemas.hpp"
#include "api/rest/openapi/metadata_document.hpp"
#include "model/standard/standard_objects.hpp"

namespace openapi = cohort::api::rest::openapi;
namespace model = cohort::model;
namespace json = boost::json;

namespace {

model::field_metadata field(std::string name, model::field_type type, bool nullable = true) {
  model::field_metadata f;
  f.name = std::move(name);
  f.label = f.name;
  f.type = type;
  f.is_nullable = nullable;
  return f;
}

json::value schema_of(const model::field_metadata& f, openapi::field_use use) {
  auto schema = openapi::field_value_schema(f, use);
  return schema ? json::value(*schema) : json::value(nullptr);
}

}  // namespace

TEST(OpenApiFieldSchemas, ScalarsFollowTheFieldTypeAndNullability) {
  EXPECT_EQ(schema_of(field("title", model::field_type::text, false), openapi::field_use::write),
            json::parse(R"({"type":"string"})"));
  EXPECT_EQ(schema_of(field("due", model::field_type::date_time), openapi::field_use::response),
            json::parse(R"({"type":["string","null"],"format":"date-time"})"));
  auto count = field("count", model::field_type::number, false);
  count.settings = json::object{{"dataType", "int"}};
  EXPECT_EQ(schema_of(count, openapi::field_use::response), json::parse(R"({"type":"integer"})"));
  EXPECT_EQ(schema_of(field("size", model::field_type::number), openapi::field_use::response),
            json::parse(R"({"type":["number","null"]})"));
}

TEST(OpenApiFieldSchemas, SelectOptionsBecomeAnEnumThatAcceptsNullWhenTheFieldDoes) {
  auto stage = field("stage", model::field_type::select);
  stage.options = {{.id = "1", .value = "NEW", .label = "New"},
                   {.id = "2", .value = "WON", .label = "Won"}};
  EXPECT_EQ(schema_of(stage, openapi::field_use::response),
            json::parse(R"({"type":["string","null"],"enum":["NEW","WON",null]})"));
  auto tags = field("tags", model::field_type::multi_select, false);
  tags.options = stage.options;
  EXPECT_EQ(schema_of(tags, openapi::field_use::write),
            json::parse(R"({"type":"array","items":{"type":"string","enum":["NEW","WON"]}})"));
}

TEST(OpenApiFieldSchemas, CompositesAreReferencesAndAnswerAnObjectEvenWhenNullable) {
  auto name = field("name", model::field_type::full_name);
  name.description = "Who";
  EXPECT_EQ(
      schema_of(name, openapi::field_use::response),
      json::parse(R"({"$ref":"#/components/schemas/FullNameComposite","description":"Who"})"));
  EXPECT_EQ(schema_of(name, openapi::field_use::write),
            json::parse(R"({"anyOf":[{"$ref":"#/components/schemas/FullNameCompositeInput"},)"
                        R"({"type":"null"}],"description":"Who"})"));
  const auto* actor = model::find_composite_type(model::field_type::actor);
  auto written = openapi::composite_schema(*actor, openapi::field_use::write);
  EXPECT_TRUE(written.at("properties").as_object().contains("source"));
  EXPECT_FALSE(written.at("properties").as_object().contains("name"));  // the server fills it
  auto answered = openapi::composite_schema(*actor, openapi::field_use::response);
  EXPECT_TRUE(answered.at("properties").as_object().contains("workspaceMemberId"));
}

TEST(OpenApiFieldSchemas, RelationsAndGeneratedFieldsHaveNoValueSchema) {
  auto company = field("company", model::field_type::relation);
  company.relation = model::field_relation{.target_object_name = "company"};
  EXPECT_EQ(schema_of(company, openapi::field_use::response), json::value(nullptr));
  auto vector = field("searchVector", model::field_type::ts_vector);
  EXPECT_EQ(schema_of(vector, openapi::field_use::write), json::value(nullptr));
  EXPECT_NE(schema_of(vector, openapi::field_use::response), json::value(nullptr));
}

TEST(OpenApiCoreDocument, EveryActiveObjectGetsItsPathsAndSchemas) {
  model::workspace_model ws("w1", "ws", 7, model::standard::shared_standard_objects());
  auto doc = openapi::core_document(&ws, "http://example.test");
  EXPECT_EQ(doc.at("servers").at(0).at("url"), json::value("http://example.test/rest"));
  const auto& paths = doc.at("paths").as_object();
  std::size_t objects = 0;
  for (const auto& object : ws.objects()) {
    if (!object.is_active) continue;
    ++objects;
    EXPECT_TRUE(paths.contains("/" + object.name_plural)) << object.name_plural;
    EXPECT_TRUE(paths.contains("/batch/" + object.name_plural)) << object.name_plural;
    EXPECT_TRUE(paths.contains("/" + object.name_plural + "/duplicates")) << object.name_plural;
    EXPECT_TRUE(paths.contains("/" + object.name_plural + "/merge")) << object.name_plural;
    EXPECT_TRUE(paths.contains("/" + object.name_plural + "/groupBy")) << object.name_plural;
  }
  // Eight paths per object (collection, record, batch, two restores, duplicates, merge,
  // groupBy), plus the document's own.
  EXPECT_EQ(paths.size(), objects * 8 + 1);
  const auto& person = doc.at("components").at("schemas").at("PersonForResponse");
  EXPECT_TRUE(person.at("properties").as_object().contains("companyId"));
  EXPECT_EQ(doc.at("webhooks").as_object().size(), objects * 5);
}

TEST(OpenApiCoreDocument, WithoutAModelOnlyTheSkeleton) {
  auto doc = openapi::core_document(nullptr, "http://example.test");
  EXPECT_EQ(doc.at("openapi"), json::value("3.1.1"));
  EXPECT_EQ(doc.at("paths").as_object().size(), 1u);
  EXPECT_FALSE(doc.contains("webhooks"));
  auto metadata = openapi::metadata_document(false, "http://example.test");
  EXPECT_TRUE(metadata.at("paths").as_object().empty());
  EXPECT_TRUE(openapi::metadata_document(true, "http://x")
                  .at("paths")
                  .as_object()
                  .contains("/webhooks/{id}/deliveries"));
}
