// MORPH_RELATION fields are written and filtered through their per-target join columns, named as
// Twenty names them ({field}{Target}Id): a custom object's morph field created through /metadata
// points at a company, then at a person, is filtered by either column, read nested from both
// sides, and the rows are checked in SQL.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration_support/demo_workspace.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::demo_workspace;

demo_workspace& demo() {
  static auto* instance = new demo_workspace(
      {.database = "lifecycle_morph", .app_secret = "lifecycle-morph-secret", .env = {}});
  return *instance;
}

std::string cell(demo_workspace& d, const std::string& sql) {
  auto r = d.sql(sql);
  EXPECT_TRUE(r.ok()) << sql;
  if (!r.ok() || r.rows() == 0) return "<none>";
  auto v = r.get_optional(0, 0);
  return v ? std::string(*v) : "<null>";
}

const json::value& data_of(const cohort::testing::http_answer& a) {
  EXPECT_EQ(a.status, 200u) << a.text;
  EXPECT_FALSE(a.body.is_object() && a.body.as_object().contains("errors")) << a.text;
  static const json::value null_value;
  if (!a.body.is_object() || !a.body.as_object().contains("data")) return null_value;
  return a.body.at("data");
}

// A `sticker` object with a morph field `owner` to person and company, made once.
struct sticker_model {
  std::string company_id, company_name, person_id, person_first_name;
};

const sticker_model& model() {
  static const sticker_model m = [] {
    auto& d = demo();
    auto object = data_of(d.graphql("/metadata",
                                    R"(mutation { createOneObject(input: { object: {
        nameSingular: "sticker", namePlural: "stickers", labelSingular: "Sticker",
        labelPlural: "Stickers" } }) { id } })"));
    const std::string object_id(object.at_pointer("/createOneObject/id").as_string());
    auto objects = data_of(d.graphql(
        "/metadata", "{ objects(paging: { first: 200 }) { edges { node { id nameSingular } } } }"));
    auto target = [&](const std::string& name) {
      std::string id;
      for (const auto& edge : objects.at_pointer("/objects/edges").as_array()) {
        if (edge.at_pointer("/node/nameSingular") == json::value(name))
          id = std::string(edge.at_pointer("/node/id").as_string());
      }
      return json::object{{"type", "MANY_TO_ONE"},
                          {"targetObjectMetadataId", id},
                          {"targetFieldLabel", "Stickers"},
                          {"targetFieldIcon", "IconSticker"}};
    };
    data_of(d.graphql(
        "/metadata",
        "mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }",
        json::object{{"input",
                      {{"field",
                        {{"objectMetadataId", object_id},
                         {"type", "MORPH_RELATION"},
                         {"name", "owner"},
                         {"label", "Owner"},
                         {"morphRelationsCreationPayload",
                          json::array{target("company"), target("person")}}}}}}}));
    sticker_model out;
    out.company_id = cell(d, "SELECT id FROM {s}.company ORDER BY name LIMIT 1");
    out.company_name = cell(d, "SELECT name FROM {s}.company ORDER BY name LIMIT 1");
    out.person_id = cell(d, "SELECT id FROM {s}.person ORDER BY \"nameFirstName\" LIMIT 1");
    out.person_first_name =
        cell(d, "SELECT \"nameFirstName\" FROM {s}.person ORDER BY \"nameFirstName\" LIMIT 1");
    return out;
  }();
  return m;
}

TEST(MorphRelation, JoinColumnsAreInTheCreateUpdateAndFilterInputs) {
  auto& d = demo();
  model();
  auto type = [&](const std::string& name) {
    auto t = data_of(d.graphql("/graphql",
                               "query($n: String!) { __type(name: $n) { inputFields { "
                               "name type { name kind } } } }",
                               json::object{{"n", name}}));
    std::map<std::string, std::string> out;
    for (const auto& f : t.at_pointer("/__type/inputFields").as_array()) {
      std::string n(f.at("name").as_string());
      if (n.rfind("owner", 0) != 0) continue;
      const auto& ty = f.at("type");
      out[n] = ty.at("name").is_string() ? std::string(ty.at("name").as_string()) : "";
    }
    return out;
  };
  const std::map<std::string, std::string> writes{{"ownerCompany", "CompanyRelationInput"},
                                                  {"ownerCompanyId", "ID"},
                                                  {"ownerPerson", "PersonRelationInput"},
                                                  {"ownerPersonId", "ID"}};
  EXPECT_EQ(type("StickerCreateInput"), writes);
  EXPECT_EQ(type("StickerUpdateInput"), writes);
  EXPECT_EQ(type("StickerFilterInput"),
            (std::map<std::string, std::string>{{"ownerCompanyId", "UUIDFilter"},
                                                {"ownerPersonId", "UUIDFilter"}}));
}

TEST(MorphRelation, ARecordPointsAtACompanyThenAtAPersonAndIsFoundByEither) {
  auto& d = demo();
  const auto& m = model();
  auto created = data_of(d.graphql("/graphql",
                                   R"(mutation($c: ID!) { createSticker(data: { name: "S1",
      ownerCompanyId: $c }) { id ownerCompanyId ownerPersonId ownerCompany { id name } } })",
                                   json::object{{"c", m.company_id}}));
  const auto& sticker = created.at("createSticker");
  const std::string id(sticker.at("id").as_string());
  EXPECT_EQ(sticker.at("ownerCompanyId"), json::value(m.company_id));
  EXPECT_EQ(sticker.at("ownerPersonId"), json::value(nullptr));
  EXPECT_EQ(sticker.at_pointer("/ownerCompany/name"), json::value(m.company_name));
  EXPECT_EQ(cell(d,
                 "SELECT coalesce(\"ownerCompanyId\"::text, '-') || ' ' || "
                 "coalesce(\"ownerPersonId\"::text, '-') FROM {s}.\"_sticker\" WHERE id = '" +
                     id + "'"),
            m.company_id + " -");

  auto updated = data_of(d.graphql("/graphql",
                                   R"(mutation($id: UUID!, $p: ID!) { updateSticker(id: $id,
      data: { ownerCompanyId: null, ownerPersonId: $p }) { ownerCompany { id }
      ownerPerson { id name { firstName } } } })",
                                   json::object{{"id", id}, {"p", m.person_id}}));
  EXPECT_EQ(updated.at_pointer("/updateSticker/ownerCompany"), json::value(nullptr));
  EXPECT_EQ(updated.at_pointer("/updateSticker/ownerPerson/id"), json::value(m.person_id));
  EXPECT_EQ(updated.at_pointer("/updateSticker/ownerPerson/name/firstName"),
            json::value(m.person_first_name));
  EXPECT_EQ(cell(d,
                 "SELECT coalesce(\"ownerCompanyId\"::text, '-') || ' ' || "
                 "coalesce(\"ownerPersonId\"::text, '-') FROM {s}.\"_sticker\" WHERE id = '" +
                     id + "'"),
            "- " + m.person_id);

  // A second sticker connected to the company through the relation input.
  auto connected = data_of(d.graphql("/graphql",
                                     R"(mutation($c: ID!) { createSticker(data: { name: "S2",
      ownerCompany: { connect: { where: { id: $c } } } }) { id } })",
                                     json::object{{"c", m.company_id}}));
  const std::string second(connected.at_pointer("/createSticker/id").as_string());
  EXPECT_EQ(cell(d, "SELECT \"ownerCompanyId\" FROM {s}.\"_sticker\" WHERE id = '" + second + "'"),
            m.company_id);

  auto by_person = data_of(d.graphql("/graphql", R"(query($p: UUID!) {
      stickers(filter: { ownerPersonId: { eq: $p } }) { totalCount edges { node { name } } } })",
                                     json::object{{"p", m.person_id}}));
  EXPECT_EQ(by_person.at_pointer("/stickers/totalCount"), json::value(1));
  EXPECT_EQ(by_person.at_pointer("/stickers/edges/0/node/name"), json::value("S1"));
  auto by_company = data_of(d.graphql("/graphql", R"(query($c: UUID!) {
      stickers(filter: { ownerCompanyId: { eq: $c } }) { totalCount edges { node { name } } } })",
                                      json::object{{"c", m.company_id}}));
  EXPECT_EQ(by_company.at_pointer("/stickers/totalCount"), json::value(1));
  EXPECT_EQ(by_company.at_pointer("/stickers/edges/0/node/name"), json::value("S2"));
  auto without_company = data_of(d.graphql("/graphql", R"({
      stickers(filter: { ownerCompanyId: { is: NULL } }) { totalCount } })"));
  EXPECT_EQ(without_company.at_pointer("/stickers/totalCount"), json::value(1));

  // The target's side: the person lists the sticker pointing at it.
  auto person =
      data_of(d.graphql("/graphql", R"(query($p: UUID!) { person(filter: { id: { eq: $p } }) {
      stickers { edges { node { name } } } } })",
                        json::object{{"p", m.person_id}}));
  EXPECT_EQ(person.at_pointer("/person/stickers/edges/0/node/name"), json::value("S1"));
}

TEST(MorphRelation, RestWritesAndFiltersTheJoinColumnsToo) {
  auto& d = demo();
  const auto& m = model();
  auto created =
      d.call("POST", "/rest/stickers",
             json::serialize(json::object{{"name", "R1"}, {"ownerPersonId", m.person_id}}));
  ASSERT_EQ(created.status, 201u) << created.text;
  const std::string id(created.body.at_pointer("/data/createSticker/id").as_string());
  EXPECT_EQ(created.body.at_pointer("/data/createSticker/ownerPersonId"), json::value(m.person_id));
  EXPECT_EQ(cell(d, "SELECT \"ownerPersonId\" FROM {s}.\"_sticker\" WHERE id = '" + id + "'"),
            m.person_id);
  auto patched = d.call(
      "PATCH", "/rest/stickers/" + id,
      json::serialize(json::object{{"ownerPersonId", nullptr}, {"ownerCompanyId", m.company_id}}));
  ASSERT_EQ(patched.status, 200u) << patched.text;
  EXPECT_EQ(cell(d,
                 "SELECT coalesce(\"ownerCompanyId\"::text, '-') || ' ' || "
                 "coalesce(\"ownerPersonId\"::text, '-') FROM {s}.\"_sticker\" WHERE id = '" +
                     id + "'"),
            m.company_id + " -");
  auto found = d.call("GET", "/rest/stickers?filter=" +
                                 cohort::testing::url_encode(
                                     "and(ownerCompanyId[eq]:" + m.company_id + ",name[eq]:R1)"));
  ASSERT_EQ(found.status, 200u) << found.text;
  ASSERT_EQ(found.body.at_pointer("/data/stickers").as_array().size(), 1u) << found.text;
  EXPECT_EQ(found.body.at_pointer("/data/stickers/0/id"), json::value(id));
}

}  // namespace
