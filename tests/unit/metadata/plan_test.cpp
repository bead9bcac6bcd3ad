// Metadata changes planned against the standard model, without a database: the DDL each one
// runs and the rows it writes, and the refusals that stop it before anything runs.
#include <gtest/gtest.h>

#include <algorithm>

#include "actors/workspace/metadata/change_plan.hpp"
#include "model/standard/standard_objects.hpp"

using namespace cohort;
namespace md = cohort::actors::metadata;
namespace json = boost::json;

namespace {

model::workspace_model standard_model() {
  return model::workspace_model("w1", "ws", 1, model::standard::shared_standard_objects());
}

bool any_contains(const std::vector<std::string>& ddl, const std::string& text) {
  return std::any_of(ddl.begin(), ddl.end(),
                     [&](const std::string& s) { return s.find(text) != std::string::npos; });
}

md::change_plan plan_ok(const model::workspace_model& m, md::metadata_change change) {
  auto planned = md::plan_change(m, change);
  if (auto* e = std::get_if<md::metadata_error>(&planned)) {
    ADD_FAILURE() << e->message;
    return {};
  }
  return std::get<md::change_plan>(std::move(planned));
}

md::metadata_error plan_error(const model::workspace_model& m, md::metadata_change change) {
  auto planned = md::plan_change(m, change);
  if (auto* e = std::get_if<md::metadata_error>(&planned)) return *e;
  ADD_FAILURE() << "planned";
  return {};
}

}  // namespace

TEST(MetadataPlan, CreateObjectMakesTheTableAndTheLinksOfTheStandardObjects) {
  auto m = standard_model();
  auto plan = plan_ok(m, {md::change_kind::create_object,
                          {{"nameSingular", "rocket"},
                           {"namePlural", "rockets"},
                           {"labelSingular", "Rocket"},
                           {"labelPlural", "Rockets"}}});
  EXPECT_TRUE(any_contains(plan.ddl, "CREATE TABLE \"ws\".\"_rocket\""));
  EXPECT_TRUE(any_contains(plan.ddl, "CREATE TYPE \"ws\".\"_rocket_createdBySource_enum\""));
  EXPECT_TRUE(any_contains(plan.ddl, "USING GIN (\"searchVector\")"));
  for (const char* t : {"favorite", "attachment", "noteTarget", "taskTarget", "timelineActivity"}) {
    EXPECT_TRUE(any_contains(
        plan.ddl, "ALTER TABLE \"ws\".\"" + std::string(t) + "\" ADD COLUMN \"rocketId\" uuid"))
        << t;
  }
  EXPECT_TRUE(any_contains(plan.ddl, "REFERENCES \"ws\".\"_rocket\" (\"id\") ON DELETE CASCADE"));
  ASSERT_EQ(plan.objects.size(), m.objects().size() + 1);
  const auto& rocket = plan.objects.back();
  EXPECT_EQ(plan.entity_id, rocket.id);
  EXPECT_TRUE(plan.objects_to_write.count(rocket.id));
  // Its own fields and the five inverse fields are written.
  EXPECT_EQ(plan.fields_to_write.size(), rocket.fields.size() + 5);
  EXPECT_EQ(rocket.label_identifier_field()->name, "name");
}

TEST(MetadataPlan, RefusalsComeBeforeAnyDdl) {
  auto m = standard_model();
  auto e = plan_error(m, {md::change_kind::create_object,
                          {{"nameSingular", "person"},
                           {"namePlural", "persons"},
                           {"labelSingular", "P"},
                           {"labelPlural", "Ps"}}});
  EXPECT_EQ(e.code, "CONFLICT");
  e = plan_error(m, {md::change_kind::create_object,
                     {{"nameSingular", "rocket"},
                      {"namePlural", "companies"},
                      {"labelSingular", "R"},
                      {"labelPlural", "Rs"}}});
  EXPECT_EQ(e.sub_code, "OBJECT_ALREADY_EXISTS");
  const auto* person = m.find_object("person");
  e = plan_error(
      m,
      {md::change_kind::create_field,
       {{"objectMetadataId", person->id}, {"type", "TEXT"}, {"name", "city"}, {"label", "City"}}});
  EXPECT_EQ(e.sub_code, "INVALID_FIELD_INPUT");
  e = plan_error(m, {md::change_kind::delete_field, {{"id", person->find_field("city")->id}}});
  EXPECT_EQ(e.code, "FORBIDDEN");
  e = plan_error(m, {md::change_kind::delete_object, {{"id", person->id}}});
  EXPECT_EQ(e.code, "FORBIDDEN");
}

TEST(MetadataPlan, RenamingACompositeFieldRenamesEachColumn) {
  auto m = standard_model();
  const auto* person = m.find_object("person");
  auto created = plan_ok(m, {md::change_kind::create_field,
                             {{"objectMetadataId", person->id},
                              {"type", "CURRENCY"},
                              {"name", "salary"},
                              {"label", "Salary"}}});
  EXPECT_TRUE(any_contains(created.ddl, "ADD COLUMN \"salaryAmountMicros\" numeric"));
  EXPECT_TRUE(any_contains(created.ddl, "ADD COLUMN \"salaryCurrencyCode\" text DEFAULT ''"));
  model::workspace_model after("w1", "ws", 2, std::move(created.objects));
  auto renamed = plan_ok(after, {md::change_kind::update_field,
                                 {{"id", created.entity_id}, {"update", {{"name", "pay"}}}}});
  EXPECT_TRUE(
      any_contains(renamed.ddl, "RENAME COLUMN \"salaryAmountMicros\" TO \"payAmountMicros\""));
  EXPECT_TRUE(
      any_contains(renamed.ddl, "RENAME COLUMN \"salaryCurrencyCode\" TO \"payCurrencyCode\""));
}

TEST(MetadataPlan, NewOptionsRewriteTheColumnThroughText) {
  auto m = standard_model();
  const auto* person = m.find_object("person");
  auto created = plan_ok(
      m, {md::change_kind::create_field,
          {{"objectMetadataId", person->id},
           {"type", "SELECT"},
           {"name", "tier"},
           {"label", "Tier"},
           {"defaultValue", "'GOLD'"},
           {"options",
            json::array{json::object{
                {"value", "GOLD"}, {"label", "Gold"}, {"color", "yellow"}, {"position", 0}}}}}});
  EXPECT_TRUE(
      any_contains(created.ddl, "CREATE TYPE \"ws\".\"person_tier_enum\" AS ENUM ('GOLD')"));
  model::workspace_model after("w1", "ws", 2, std::move(created.objects));
  const auto* tier = after.find_object("person")->find_field("tier");
  auto changed =
      plan_ok(after, {md::change_kind::update_field,
                      {{"id", tier->id},
                       {"update",
                        {{"options", json::array{json::object{{"id", tier->options[0].id},
                                                              {"value", "PLATINUM"},
                                                              {"label", "Platinum"},
                                                              {"color", "gray"},
                                                              {"position", 0}}}}}}}});
  EXPECT_TRUE(any_contains(changed.ddl, "TYPE text USING \"tier\"::text"));
  EXPECT_TRUE(any_contains(changed.ddl, "WHEN 'GOLD' THEN 'PLATINUM'"));
  EXPECT_TRUE(any_contains(changed.ddl, "AS ENUM ('PLATINUM')"));
  // The default follows its option.
  EXPECT_TRUE(any_contains(changed.ddl, "SET DEFAULT 'PLATINUM'"));
  model::workspace_model last("w1", "ws", 3, std::move(changed.objects));
  EXPECT_EQ(last.find_object("person")->find_field("tier")->default_value,
            json::value("'PLATINUM'"));
}

TEST(MetadataPlan, ANumbersDataTypeChangeRetypesItsColumn) {
  auto m = standard_model();
  const auto* person = m.find_object("person");
  auto created = plan_ok(m, {md::change_kind::create_field,
                             {{"objectMetadataId", person->id},
                              {"type", "NUMBER"},
                              {"name", "score"},
                              {"label", "Score"},
                              {"defaultValue", 0}}});
  EXPECT_TRUE(any_contains(created.ddl, "ADD COLUMN \"score\" float8 DEFAULT 0"));
  model::workspace_model after("w1", "ws", 2, std::move(created.objects));
  auto retyped = plan_ok(
      after, {md::change_kind::update_field,
              {{"id", created.entity_id}, {"update", {{"settings", {{"dataType", "int"}}}}}}});
  EXPECT_TRUE(any_contains(retyped.ddl, "ALTER COLUMN \"score\" DROP DEFAULT"));
  EXPECT_TRUE(any_contains(retyped.ddl, "ALTER COLUMN \"score\" TYPE int4 USING \"score\"::int4"));
  EXPECT_TRUE(any_contains(retyped.ddl, "ALTER COLUMN \"score\" SET DEFAULT 0"));
}
