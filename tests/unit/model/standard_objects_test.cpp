#include <gtest/gtest.h>

#include <set>

#include "model/select_options.hpp"
#include "model/stable_id.hpp"
#include "model/standard/standard_objects.hpp"

namespace {
using namespace cohort::model;
using cohort::model::standard::find_standard_object;
using cohort::model::standard::standard_objects;

TEST(StableId, Sha1AndUuidV5MatchTheirReferenceValues) {
  const auto d = sha1("abc");
  EXPECT_EQ(d[0], 0xa9);
  EXPECT_EQ(d[19], 0x9d);
  // RFC 4122 DNS namespace example, as computed by Python's uuid.uuid5.
  EXPECT_EQ(uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com"),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2");
}

TEST(StableId, StandardIdsAreTheSameInEveryBuildAndAllDistinct) {
  const auto again = standard::build_object(standard::standard_object_defs()[0]);
  EXPECT_EQ(again.id, standard_objects()[0].id);
  EXPECT_EQ(again.fields[0].id, standard_objects()[0].fields[0].id);
  EXPECT_EQ(find_standard_object("person")->id, standard_object_id("person"));
  EXPECT_EQ(find_standard_object("person")->find_field("emails")->id,
            standard_field_id("person", "emails"));
  std::set<std::string> ids;
  std::size_t count = 0;
  for (const auto& o : standard_objects()) {
    ids.insert(o.id);
    ++count;
    for (const auto& f : o.fields) {
      ids.insert(f.id);
      ++count;
      for (const auto& opt : f.options) {
        ids.insert(opt.id);
        ++count;
      }
    }
  }
  EXPECT_EQ(ids.size(), count);
}

TEST(StandardObjects, RelationsAreDeclaredOnBothSides) {
  for (const auto& o : standard_objects()) {
    for (const auto& f : o.fields) {
      if (!f.relation) continue;
      const std::string where = o.name_singular + "." + f.name;
      const auto* target = find_standard_object(f.relation->target_object_name);
      ASSERT_NE(target, nullptr) << where;
      EXPECT_EQ(f.relation->target_object_id, target->id) << where;
      const auto* inverse = target->find_field(f.relation->target_field_name);
      ASSERT_NE(inverse, nullptr) << where;
      ASSERT_TRUE(inverse->relation) << where;
      EXPECT_EQ(inverse->relation->target_object_name, o.name_singular) << where;
      EXPECT_EQ(inverse->relation->target_field_name, f.name) << where;
      EXPECT_NE(inverse->relation->type, f.relation->type) << where;
    }
  }
}

TEST(StandardObjects, PersonCompanyRelationAndSettings) {
  const auto* person = find_standard_object("person");
  const auto* company_field = person->find_field("company");
  ASSERT_TRUE(company_field->is_many_to_one());
  EXPECT_EQ(company_field->relation->join_column_name, "companyId");
  EXPECT_EQ(company_field->relation->on_delete, on_delete_action::set_null);
  EXPECT_EQ(company_field->settings.at("relationType"), "MANY_TO_ONE");
  EXPECT_EQ(company_field->settings.at("onDelete"), "SET_NULL");
  EXPECT_EQ(company_field->settings.at("joinColumnName"), "companyId");
  const auto* people = find_standard_object("company")->find_field("people");
  ASSERT_TRUE(people->is_one_to_many());
  EXPECT_EQ(people->relation->target_field_id, company_field->id);
  EXPECT_EQ(find_standard_object("taskTarget")->find_field("task")->relation->on_delete,
            on_delete_action::cascade);
}

TEST(StandardObjects, ObjectFlagsIdentifiersAndDuplicateCriteria) {
  const auto* person = find_standard_object("person");
  EXPECT_EQ(person->label_identifier_field()->name, "name");
  EXPECT_EQ(person->image_identifier_field()->name, "avatarUrl");
  EXPECT_TRUE(person->is_searchable);
  EXPECT_FALSE(person->is_system);
  EXPECT_EQ(person->duplicate_criteria.size(), 3u);
  EXPECT_EQ(person->find_field("emails")->is_unique, true);
  EXPECT_EQ(person->table_name(), "person");
  const auto* company = find_standard_object("company");
  EXPECT_EQ(company->duplicate_criteria[1][0], "domainNamePrimaryLinkUrl");
  EXPECT_TRUE(find_standard_object("taskTarget")->is_system);
  EXPECT_EQ(find_standard_object("task")->label_identifier_field()->name, "title");
  EXPECT_EQ(find_standard_object("dashboard"), nullptr);  // not in 1.6.0
}

TEST(StandardObjects, SystemFieldsAreOnEveryObject) {
  for (const auto& o : standard_objects()) {
    for (auto name : {"id", "createdAt", "updatedAt", "deletedAt"}) {
      EXPECT_NE(o.find_field(name), nullptr) << o.name_singular << "." << name;
    }
    EXPECT_EQ(o.find_field("id")->default_value, "uuid");
    EXPECT_EQ(o.find_field("createdAt")->default_value, "now");
  }
}

TEST(StandardObjects, OpportunityStageOptionsAndDefault) {
  const auto* stage = find_standard_object("opportunity")->find_field("stage");
  ASSERT_EQ(stage->options.size(), 5u);
  EXPECT_EQ(stage->options[0].value, "NEW");
  EXPECT_EQ(stage->options[0].color, "red");
  EXPECT_EQ(stage->options[4].label, "Customer");
  EXPECT_EQ(stage->default_value, "'NEW'");
  EXPECT_FALSE(stage->is_nullable);
  EXPECT_FALSE(validate_options(stage->options));
  EXPECT_FALSE(validate_option_default(stage->type, stage->default_value, stage->options));
}

TEST(StandardObjects, IndexesCoverForeignKeysUniqueFieldsAndSearch) {
  const auto* person = find_standard_object("person");
  bool company_fk = false, unique_email = false, search = false;
  for (const auto& i : person->indexes) {
    if (i.name == "IDX_person_companyId") company_fk = true;
    if (i.name == "IDX_person_UNIQUE_emailsPrimaryEmail" && i.is_unique) unique_email = true;
    if (i.type == index_type::gin) search = true;
  }
  EXPECT_TRUE(company_fk);
  EXPECT_TRUE(unique_email);
  EXPECT_TRUE(search);
}

TEST(SelectOptions, RulesAndMessages) {
  std::vector<select_option> ok{{"", "NEW", "New", "blue", 0}, {"", "WON", "Won", "green", 1}};
  EXPECT_FALSE(validate_options(ok));
  EXPECT_TRUE(validate_options({}));
  auto bad = ok;
  bad[1].value = "NEW";
  EXPECT_EQ(validate_options(bad), "Duplicated option value \"NEW\"");
  bad = ok;
  bad[1].position = 0;
  EXPECT_TRUE(validate_options(bad));
  bad = ok;
  bad[0].value = "OPTION 1";
  EXPECT_TRUE(validate_options(bad));
  bad = ok;
  bad[0].label = "a, b";
  EXPECT_TRUE(validate_options(bad));
  EXPECT_EQ(normalize_option({"", "  NEW ", "  A   b  ", "red", 0}).label, "A b");
  EXPECT_EQ(normalize_option({"", "  NEW ", "x", "red", 0}).value, "NEW");
  EXPECT_FALSE(validate_option_default(field_type::select, boost::json::value("'WON'"), ok));
  EXPECT_TRUE(validate_option_default(field_type::select, boost::json::value("'LOST'"), ok));
  EXPECT_TRUE(validate_option_default(field_type::select, boost::json::value("WON"), ok));
  EXPECT_FALSE(
      validate_option_default(field_type::multi_select, boost::json::array{"'NEW'", "'WON'"}, ok));
  EXPECT_EQ(unquote_literal("'NEW'"), "NEW");
}

}  // namespace

// PostgreSQL truncates (and then refuses to quote) identifiers over 63 bytes: every index name
// the standard model generates must fit, unique multi-column ones included.
TEST(StandardObjects, IndexNamesFitPostgresIdentifiersAndAreDistinct) {
  std::set<std::string> names;
  int unique_multi_column = 0;
  for (const auto& object : cohort::model::standard::standard_objects()) {
    for (const auto& index : object.indexes) {
      EXPECT_LE(index.name.size(), 63u) << index.name;
      EXPECT_TRUE(names.insert(index.name).second) << "duplicate index name " << index.name;
      if (index.is_unique && index.fields.size() > 1) ++unique_multi_column;
    }
  }
  EXPECT_EQ(unique_multi_column, 3) << "viewField, viewSort, messageChannelMessageAssociation";
}
