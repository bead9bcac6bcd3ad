#include <gtest/gtest.h>

#include "model/composite_types.hpp"
#include "model/field_type.hpp"

namespace {
using namespace cohort::model;

TEST(FieldType, EveryValueRoundTripsThroughItsWireName) {
  for (auto t : all_field_types()) {
    auto parsed = field_type_from_string(to_string(t));
    ASSERT_TRUE(parsed) << to_string(t);
    EXPECT_EQ(*parsed, t);
  }
  EXPECT_EQ(to_string(field_type::full_name), "FULL_NAME");
  EXPECT_EQ(field_type_from_string("RICH_TEXT_V2"), field_type::rich_text_v2);
  EXPECT_FALSE(field_type_from_string("full_name"));
  EXPECT_FALSE(field_type_from_string("STRING"));
}

TEST(FieldType, LegacyValuesAreKnownButNotInTheMetadataEnum) {
  for (auto name : {"EMAIL", "PHONE", "LINK", "PROBABILITY", "RICH_TEXT_DEPRECATED"}) {
    auto t = field_type_from_string(name);
    ASSERT_TRUE(t) << name;
    EXPECT_TRUE(is_legacy(*t)) << name;
    EXPECT_FALSE(is_in_metadata_enum(*t)) << name;
  }
  EXPECT_TRUE(is_in_metadata_enum(field_type::rich_text_v2));
  EXPECT_FALSE(is_in_metadata_enum(field_type::files));  // newer than 1.6.0
}

TEST(FieldType, CompositesAreExactlyTheTypesWithSubfields) {
  for (auto t : all_field_types()) {
    EXPECT_EQ(is_composite(t), find_composite_type(t) != nullptr) << to_string(t);
  }
  EXPECT_TRUE(is_relation(field_type::relation));
  EXPECT_TRUE(is_relation(field_type::morph_relation));
  EXPECT_FALSE(is_filterable(field_type::relation));
  EXPECT_TRUE(is_filterable(field_type::raw_json));
  EXPECT_TRUE(has_options(field_type::rating));
  EXPECT_FALSE(is_writable(field_type::ts_vector));
}

TEST(CompositeTypes, ColumnsAreTheFieldNameFollowedByTheCapitalisedSubfield) {
  EXPECT_EQ(composite_column_name("name", "firstName"), "nameFirstName");
  EXPECT_EQ(composite_column_name("amount", "amountMicros"), "amountAmountMicros");
  EXPECT_EQ(composite_column_name("emails", "primaryEmail"), "emailsPrimaryEmail");
  EXPECT_EQ(composite_column_name("address", "addressCity"), "addressAddressCity");
  EXPECT_EQ(composite_column_names("name", field_type::full_name),
            (std::vector<std::string>{"nameFirstName", "nameLastName"}));
  EXPECT_EQ(composite_column_names("createdBy", field_type::actor),
            (std::vector<std::string>{"createdBySource", "createdByWorkspaceMemberId",
                                      "createdByName", "createdByContext"}));
  EXPECT_TRUE(composite_column_names("title", field_type::text).empty());
}

TEST(CompositeTypes, SubfieldsCarryTypesDefaultsAndWriteVisibility) {
  const auto* actor = find_composite_type(field_type::actor);
  ASSERT_NE(actor, nullptr);
  EXPECT_TRUE(actor->find("name")->hidden_on_write);
  EXPECT_TRUE(actor->find("workspaceMemberId")->hidden_on_write);
  EXPECT_FALSE(actor->find("source")->hidden_on_write);
  EXPECT_EQ(actor->find("source")->default_literal, "'MANUAL'");
  const auto* currency = find_composite_type(field_type::currency);
  EXPECT_EQ(currency->find("amountMicros")->type, field_type::numeric);
  EXPECT_EQ(currency->find("currencyCode")->default_literal, "''");
  EXPECT_EQ(find_composite_type(field_type::links)->primary_subfield()->name, "primaryLinkUrl");
  EXPECT_EQ(find_composite_type(field_type::emails)->primary_subfield()->name, "primaryEmail");
  EXPECT_EQ(find_composite_type(field_type::address)->subfields.size(), 8u);
  EXPECT_EQ(find_composite_type(field_type::address)->find("addressStreet3"), nullptr);
  EXPECT_EQ(find_composite_type(field_type::rich_text_v2)->graphql_name, "RichTextV2");
  EXPECT_EQ(find_composite_type(field_type::text), nullptr);
}

}  // namespace
