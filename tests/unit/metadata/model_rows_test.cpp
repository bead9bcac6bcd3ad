// The metadata rows a workspace stores and the model built back from them: custom entities whole,
// standard ones as the keys that differ, and a workspace without rows sharing the standard list.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "model/standard/standard_objects.hpp"
#include "storage/metadata/metadata_codec.hpp"
#include "storage/metadata/model_from_rows.hpp"

using namespace cohort;
namespace store = cohort::storage::metadata;
namespace json = boost::json;

namespace {

store::workspace_metadata rows_of(std::vector<store::metadata_row> objects,
                                  std::vector<store::metadata_row> fields) {
  store::workspace_metadata m;
  m.found = true;
  m.schema = "workspace_test";
  m.activation_status = "ACTIVE";
  m.version = 7;
  m.created_at = "2026-01-01T00:00:00.000Z";
  m.objects = std::move(objects);
  m.fields = std::move(fields);
  return m;
}

}  // namespace

TEST(MetadataRows, EveryStandardEntityRoundTripsThroughItsJson) {
  for (const auto& object : model::standard::standard_objects()) {
    model::object_metadata copy;
    store::apply_object(store::encode_object(object), copy);
    EXPECT_EQ(store::encode_object(copy), store::encode_object(object)) << object.name_singular;
    for (const auto& field : object.fields) {
      model::field_metadata f;
      store::apply_field(store::encode_field(field), f);
      EXPECT_EQ(store::encode_field(f), store::encode_field(field))
          << object.name_singular << "." << field.name;
    }
  }
}

TEST(MetadataRows, StandardEntitiesStoreOnlyWhatChanged) {
  auto person = *model::standard::find_standard_object("person");
  EXPECT_FALSE(store::object_row_definition(person).has_value());
  person.label_plural = "Humans";
  auto definition = store::object_row_definition(person);
  ASSERT_TRUE(definition.has_value());
  EXPECT_EQ(json::serialize(*definition), R"({"labelPlural":"Humans"})");
  auto city = *person.find_field("city");
  city.is_active = false;
  EXPECT_EQ(json::serialize(*store::field_row_definition(city)), R"({"isActive":false})");
}

TEST(MetadataRows, AWorkspaceWithoutRowsSharesTheStandardObjects) {
  auto model = store::build_workspace_model("w1", rows_of({}, {}));
  EXPECT_EQ(model->shared_objects(), model::standard::shared_standard_objects());
  EXPECT_EQ(model->version(), 7);
  EXPECT_EQ(model->default_time(), "2026-01-01T00:00:00.000Z");
}

TEST(MetadataRows, RowsChangeStandardObjectsAndAddCustomOnes) {
  const auto& person = *model::standard::find_standard_object("person");
  model::object_metadata rocket;
  rocket.name_singular = "rocket";
  rocket.name_plural = "rockets";
  rocket.label_singular = "Rocket";
  rocket.label_plural = "Rockets";
  rocket.is_custom = true;
  model::field_metadata thrust;
  thrust.type = model::field_type::number;
  thrust.name = "thrust";
  thrust.label = "Thrust";
  thrust.is_custom = true;
  model::field_metadata nickname;
  nickname.type = model::field_type::text;
  nickname.name = "nickname";
  nickname.label = "Nickname";
  nickname.is_custom = true;
  const std::string rocket_id = "11111111-1111-4111-8111-111111111111";
  auto model = store::build_workspace_model(
      "w1", rows_of({{person.id, "", false, {{"labelPlural", "Humans"}}, "t1", "t2"},
                     {rocket_id, "", true, store::encode_object(rocket), "t3", "t3"}},
                    {{"22222222-2222-4222-8222-222222222222", rocket_id, true,
                      store::encode_field(thrust), "t4", "t4"},
                     {"33333333-3333-4333-8333-333333333333", person.id, true,
                      store::encode_field(nickname), "t5", "t6"}}));
  EXPECT_NE(model->shared_objects(), model::standard::shared_standard_objects());
  EXPECT_EQ(model->find_object("person")->label_plural, "Humans");
  EXPECT_EQ(model->find_object("person")->fields.back().name, "nickname");
  const auto* r = model->find_object_by_plural("rockets");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->id, rocket_id);
  EXPECT_EQ(r->table_name(), "_rocket");
  ASSERT_EQ(r->fields.size(), 1u);
  EXPECT_EQ(r->fields[0].object_id, rocket_id);
  ASSERT_NE(model->times_of(person.id), nullptr);
  EXPECT_EQ(model->times_of(person.id)->updated_at, "t2");
  EXPECT_EQ(model->times_of("33333333-3333-4333-8333-333333333333")->created_at, "t5");
}
