#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "model/field_metadata.hpp"
#include "storage/ddl/column_types.hpp"
#include "storage/ddl/identifier.hpp"

namespace ddl = cohort::storage::ddl;
namespace model = cohort::model;
using model::field_type;

namespace {

model::field_metadata field(field_type type, std::string name = "f", const char* def = "null") {
  model::field_metadata f;
  f.type = type;
  f.name = std::move(name);
  f.default_value = boost::json::parse(def);
  if (model::has_options(type)) {
    f.options = {{"1", "NEW", "New", "green", 0}, {"2", "DONE", "Done", "red", 1}};
  }
  return f;
}

std::vector<ddl::column_def> columns(const model::field_metadata& f) {
  return ddl::columns_for_field("ws", "person", f);
}

std::vector<std::string> names(const std::vector<ddl::column_def>& cols) {
  std::vector<std::string> out;
  for (const auto& c : cols) out.push_back(c.name);
  return out;
}

}  // namespace

TEST(DdlColumnTypes, SimpleFieldTypes) {
  const std::vector<std::pair<field_type, std::string>> expected = {
      {field_type::uuid, "uuid"},          {field_type::text, "text"},
      {field_type::number, "float8"},      {field_type::numeric, "numeric"},
      {field_type::boolean, "bool"},       {field_type::date_time, "timestamptz(3)"},
      {field_type::date, "date"},          {field_type::position, "float8"},
      {field_type::raw_json, "jsonb"},     {field_type::array, "text[]"},
      {field_type::ts_vector, "tsvector"}, {field_type::rich_text, "text"},
      {field_type::files, "jsonb"},
  };
  for (const auto& [type, sql] : expected) {
    auto cols = columns(field(type, "f"));
    ASSERT_EQ(cols.size(), 1u) << model::to_string(type);
    EXPECT_EQ(cols[0].name, "f");
    EXPECT_EQ(cols[0].type_sql, sql) << model::to_string(type);
    EXPECT_FALSE(cols[0].enum_type.has_value());
  }
}

TEST(DdlColumnTypes, NumberFollowsSettingsDataType) {
  auto f = field(field_type::number);
  f.settings = boost::json::parse(R"({"dataType":"int"})");
  EXPECT_EQ(columns(f)[0].type_sql, "int4");
  f.settings = boost::json::parse(R"({"dataType":"bigint","decimals":0})");
  EXPECT_EQ(columns(f)[0].type_sql, "int8");
  f.settings = boost::json::parse(R"({"dataType":"float","decimals":2})");
  EXPECT_EQ(columns(f)[0].type_sql, "float8");
}

TEST(DdlColumnTypes, OptionFieldsGetTwentyNamedEnums) {
  auto select = columns(field(field_type::select, "stage", R"("'NEW'")"));
  ASSERT_EQ(select.size(), 1u);
  EXPECT_EQ(select[0].type_sql, "\"ws\".\"person_stage_enum\"");
  ASSERT_TRUE(select[0].enum_type);
  EXPECT_EQ(select[0].enum_type->name, "person_stage_enum");
  EXPECT_EQ(select[0].enum_type->values, (std::vector<std::string>{"NEW", "DONE"}));
  EXPECT_EQ(select[0].default_sql, "'NEW'");

  auto multi = columns(field(field_type::multi_select, "tags", R"(["'NEW'"])"));
  EXPECT_EQ(multi[0].type_sql, "\"ws\".\"person_tags_enum\"[]");
  EXPECT_EQ(multi[0].default_sql, "ARRAY['NEW']::\"ws\".\"person_tags_enum\"[]");

  auto rating = columns(field(field_type::rating, "score"));
  EXPECT_EQ(rating[0].type_sql, "\"ws\".\"person_score_enum\"");

  auto no_options = field(field_type::select, "empty");
  no_options.options.clear();
  EXPECT_THROW(columns(no_options), ddl::ddl_error);
}

TEST(DdlColumnTypes, CompositeFieldsSpreadOverColumns) {
  EXPECT_EQ(names(columns(field(field_type::full_name, "name"))),
            (std::vector<std::string>{"nameFirstName", "nameLastName"}));
  EXPECT_EQ(names(columns(field(field_type::emails, "emails"))),
            (std::vector<std::string>{"emailsPrimaryEmail", "emailsAdditionalEmails"}));
  EXPECT_EQ(names(columns(field(field_type::phones, "phones"))),
            (std::vector<std::string>{"phonesPrimaryPhoneNumber", "phonesPrimaryPhoneCountryCode",
                                      "phonesPrimaryPhoneCallingCode", "phonesAdditionalPhones"}));
  EXPECT_EQ(names(columns(field(field_type::links, "domainName"))),
            (std::vector<std::string>{"domainNamePrimaryLinkLabel", "domainNamePrimaryLinkUrl",
                                      "domainNameSecondaryLinks"}));
  auto amount = columns(field(field_type::currency, "amount"));
  ASSERT_EQ(names(amount), (std::vector<std::string>{"amountAmountMicros", "amountCurrencyCode"}));
  EXPECT_EQ(amount[0].type_sql, "numeric");
  EXPECT_EQ(amount[1].type_sql, "text");
  auto address = columns(field(field_type::address, "address"));
  ASSERT_EQ(address.size(), 8u);
  EXPECT_EQ(address[0].name, "addressAddressStreet1");
  EXPECT_EQ(address[6].name, "addressAddressLat");
  EXPECT_EQ(address[6].type_sql, "numeric");
  auto rich = columns(field(field_type::rich_text_v2, "bodyV2"));
  EXPECT_EQ(names(rich), (std::vector<std::string>{"bodyV2Blocknote", "bodyV2Markdown"}));
  EXPECT_EQ(columns(field(field_type::emails, "emails"))[1].type_sql, "jsonb");
}

TEST(DdlColumnTypes, ActorSourceIsAnEnumAndDefaultsComeFromTheFieldObject) {
  auto f = field(field_type::actor, "createdBy",
                 R"({"name":"'System'","source":"'MANUAL'","workspaceMemberId":null})");
  f.is_nullable = false;
  auto cols = columns(f);
  ASSERT_EQ(names(cols), (std::vector<std::string>{"createdBySource", "createdByWorkspaceMemberId",
                                                   "createdByName", "createdByContext"}));
  EXPECT_EQ(cols[0].type_sql, "\"ws\".\"person_createdBySource_enum\"");
  ASSERT_TRUE(cols[0].enum_type);
  EXPECT_EQ(cols[0].enum_type->values.size(), 8u);
  EXPECT_EQ(cols[0].default_sql, "'MANUAL'");
  EXPECT_TRUE(cols[0].not_null);
  EXPECT_EQ(cols[1].type_sql, "uuid");
  EXPECT_FALSE(cols[1].default_sql);
  EXPECT_FALSE(cols[1].not_null);  // no value to fill it with
  EXPECT_EQ(cols[2].default_sql, "'System'");
  EXPECT_EQ(cols[3].type_sql, "jsonb");
}

TEST(DdlColumnTypes, RelationsOwnOnlyTheirJoinColumn) {
  auto many = field(field_type::relation, "company");
  many.relation = model::field_relation{};
  many.relation->join_column_name = "companyId";
  auto cols = columns(many);
  ASSERT_EQ(cols.size(), 1u);
  EXPECT_EQ(cols[0].name, "companyId");
  EXPECT_EQ(cols[0].type_sql, "uuid");

  auto one = field(field_type::relation, "people");
  one.relation = model::field_relation{};
  one.relation->type = model::relation_type::one_to_many;
  EXPECT_TRUE(columns(one).empty());
}

TEST(DdlColumnTypes, DefaultsAndNullability) {
  auto id = field(field_type::uuid, "id", R"("uuid")");
  id.is_nullable = false;
  auto cols = columns(id);
  EXPECT_EQ(cols[0].default_sql, "gen_random_uuid()");
  EXPECT_TRUE(cols[0].not_null);
  EXPECT_EQ(columns(field(field_type::date_time, "createdAt", R"("now")"))[0].default_sql, "now()");
  EXPECT_EQ(columns(field(field_type::boolean, "b", "true"))[0].default_sql, "true");
  EXPECT_EQ(columns(field(field_type::position, "position", "0"))[0].default_sql, "0");
  EXPECT_FALSE(columns(field(field_type::text, "t"))[0].default_sql);
  EXPECT_FALSE(columns(field(field_type::text, "t"))[0].not_null);
  EXPECT_THROW(columns(field(field_type::text, "t", R"("NEW")")), ddl::ddl_error);
}

TEST(DdlColumnTypes, RefusesBadNamesAndLegacyTypes) {
  EXPECT_THROW(columns(field(field_type::text, "x\" text); DROP TABLE person; --")),
               ddl::ddl_error);
  EXPECT_THROW(columns(field(field_type::full_name, "bad name")), ddl::ddl_error);
  for (auto legacy :
       {field_type::email, field_type::phone, field_type::link, field_type::probability}) {
    EXPECT_THROW(columns(field(legacy)), ddl::ddl_error) << model::to_string(legacy);
  }
}

TEST(DdlColumnTypes, EveryCurrentFieldTypeHasColumnsOrIsARelation) {
  for (auto type : model::all_field_types()) {
    if (model::is_legacy(type) || model::is_relation(type)) continue;
    auto cols = columns(field(type, "f"));
    EXPECT_FALSE(cols.empty()) << model::to_string(type);
    for (const auto& c : cols) EXPECT_FALSE(c.type_sql.empty()) << model::to_string(type);
  }
}
