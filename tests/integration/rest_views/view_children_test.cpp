// /rest/metadata/viewFields, /viewFilters, /viewFilterGroups, /viewSorts, /viewGroups: every
// route of every family (list by ?viewId and without, GET, POST 201, PATCH, PUT, DELETE), the
// CoreView rules on references (unknown view, unknown field), and another workspace's ids.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "views_env.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

struct family_case {
  const char* plural;
  const char* singular;
  const char* label;    // Twenty's not-found wording
  json::object create;  // besides viewId and fieldMetadataId
  json::object update;
  const char* changed;  // the key `update` changes
  bool has_field = true;
};

std::vector<family_case> cases() {
  return {
      {"viewFields",
       "viewField",
       "View field",
       {{"position", 3}, {"size", 120}},
       {{"isVisible", false}},
       "isVisible"},
      {"viewFilters",
       "viewFilter",
       "View filter",
       {{"operand", "CONTAINS"}, {"value", "acme"}},
       {{"value", "globex"}},
       "value"},
      {"viewFilterGroups",
       "viewFilterGroup",
       "View filter group",
       {{"logicalOperator", "OR"}},
       {{"logicalOperator", "NOT"}},
       "logicalOperator",
       false},
      {"viewSorts",
       "viewSort",
       "View sort",
       {{"direction", "DESC"}},
       {{"direction", "ASC"}},
       "direction"},
      {"viewGroups",
       "viewGroup",
       "View group",
       {{"fieldValue", "NEW"}, {"position", 1}},
       {{"isVisible", false}},
       "isVisible"},
  };
}

std::string capitalized(std::string s) {
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string new_view(const std::string& name) {
  json::object body{{"name", name}, {"objectMetadataId", object_id_of("company")}, {"icon", "I"}};
  auto res = rest_a("POST", "/rest/metadata/views", json::serialize(body));
  EXPECT_EQ(res.status, 201u) << res.text;
  return text_or(res.body, "/data/createOneView/id");
}

}  // namespace

TEST(RestViewChildren, EveryRouteOfEveryFamily) {
  auto& e = views_env();
  const std::string view = new_view("Children");
  const std::string field = field_id_of("company", "name");
  for (auto& c : cases()) {
    SCOPED_TRACE(c.plural);
    const std::string base = std::string("/rest/metadata/") + c.plural;
    const std::string S = capitalized(c.singular);
    json::object body = c.create;
    body["viewId"] = view;
    if (c.has_field) body["fieldMetadataId"] = field;
    auto created = rest_a("POST", base, json::serialize(body));
    ASSERT_EQ(created.status, 201u) << created.text;
    const json::value item = created.body.at("data").at("createOne" + S);
    const std::string id = text_or(item, "/id");
    EXPECT_EQ(text_or(item, "/viewId"), view);
    EXPECT_EQ(text_or(item, "/workspaceId"), e.a.id);
    for (const auto& [k, v] : c.create) EXPECT_EQ(item.at(k), v) << k;

    auto listed = rest_a("GET", base + "?viewId=" + view);
    ASSERT_EQ(listed.status, 200u) << listed.text;
    EXPECT_EQ(listed.body.at("data").at(c.plural), json::value(json::array{item}));
    EXPECT_EQ(listed.body.at("totalCount"), json::value(1));
    // Without viewId: every view's items, page after page.
    bool found = false;
    std::string page = base + "?limit=500";
    for (int guard = 0; guard < 20 && !found; ++guard) {
      auto everywhere = rest_a("GET", page);
      ASSERT_EQ(everywhere.status, 200u) << everywhere.text.substr(0, 300);
      for (const auto& x : everywhere.body.at("data").at(c.plural).as_array())
        found = found || text_or(x, "/id") == id;
      if (!everywhere.body.at("pageInfo").at("hasNextPage").as_bool()) break;
      page = base + "?limit=500&starting_after=" + text_or(everywhere.body, "/pageInfo/endCursor");
    }
    EXPECT_TRUE(found) << "the list without viewId has every view's items";

    auto got = rest_a("GET", base + "/" + id);
    ASSERT_EQ(got.status, 200u) << got.text;
    EXPECT_EQ(got.body.at("data").at(c.singular), item);
    // The view lists it among its children too.
    auto parent = rest_a("GET", "/rest/metadata/views/" + view);
    EXPECT_EQ(parent.body.at("data").at("view").at(c.plural), json::value(json::array{item}));

    auto patched = rest_a("PATCH", base + "/" + id, json::serialize(c.update));
    ASSERT_EQ(patched.status, 200u) << patched.text;
    EXPECT_EQ(patched.body.at("data").at("updateOne" + S).at(c.changed), c.update.at(c.changed));
    auto put = rest_a("PUT", base + "/" + id, json::serialize(c.create));
    ASSERT_EQ(put.status, 200u) << put.text;
    for (const auto& [k, v] : c.create) EXPECT_EQ(put.body.at("data").at("updateOne" + S).at(k), v);

    auto deleted = rest_a("DELETE", base + "/" + id);
    ASSERT_EQ(deleted.status, 200u) << deleted.text;
    EXPECT_EQ(deleted.body,
              json::value(json::object{
                  {"data", json::object{{"deleteOne" + S, json::object{{"id", id}}}}}}));
    EXPECT_EQ(e.sql("SELECT deleted_at IS NOT NULL FROM core.view_entity WHERE id = '" + id + "'"),
              "t");
    const std::string gone = std::string(c.label) + " (id: " + id + ") not found";
    expect_error(rest_a("GET", base + "/" + id), 404, "NotFoundException", gone);
    expect_error(rest_a("PATCH", base + "/" + id, "{}"), 404, "NotFoundException", gone);
    expect_error(rest_a("DELETE", base + "/" + id), 404, "NotFoundException", gone);
    expect_error(rest_a("GET", base + "/xyz"), 400, "BadRequestException",
                 "invalid input syntax for type uuid: \"xyz\"");
  }
}

TEST(RestViewChildren, ReferencesAreCheckedAsGraphqlChecksThem) {
  const std::string view = new_view("References");
  const std::string field = field_id_of("company", "name");
  const std::string nowhere = "00000000-0000-4000-8000-00000000beef";
  json::object unknown_field{{"viewId", view}, {"fieldMetadataId", nowhere}};
  expect_error(rest_a("POST", "/rest/metadata/viewFields", json::serialize(unknown_field)), 404,
               "NotFoundException", "Field metadata " + nowhere + " not found");
  json::object unknown_view{{"viewId", nowhere}, {"fieldMetadataId", field}};
  expect_error(rest_a("POST", "/rest/metadata/viewSorts", json::serialize(unknown_view)), 404,
               "NotFoundException", "View not found");
  json::object bad_operand{
      {"viewId", view}, {"fieldMetadataId", field}, {"value", "x"}, {"operand", "SOUNDS_LIKE"}};
  auto res = rest_a("POST", "/rest/metadata/viewFilters", json::serialize(bad_operand));
  EXPECT_EQ(res.status, 400u) << res.text;
  // Nothing was written by the refused calls.
  EXPECT_EQ(views_env().sql("SELECT count(*) FROM core.view_entity WHERE view_id = '" + view + "'"),
            "0");
}

TEST(RestViewChildren, AnotherWorkspacesChildIsNotFoundAndStaysUnchanged) {
  auto& e = views_env();
  const std::string view = new_view("A's sorts");
  json::object body{
      {"viewId", view}, {"fieldMetadataId", field_id_of("company", "name")}, {"direction", "DESC"}};
  auto created = rest_a("POST", "/rest/metadata/viewSorts", json::serialize(body));
  ASSERT_EQ(created.status, 201u) << created.text;
  const std::string id = text_or(created.body, "/data/createOneViewSort/id");
  const std::string row =
      "SELECT (data->>'direction') || '|' || coalesce(deleted_at::text, 'live') || '|' || "
      "updated_at::text FROM core.view_entity WHERE id = '" +
      id + "'";
  const std::string before = e.sql(row);
  const std::string message = "View sort (id: " + id + ") not found";
  const std::string target = "/rest/metadata/viewSorts/" + id;
  expect_error(rest_call("GET", target, "", e.b.access), 404, "NotFoundException", message);
  expect_error(rest_call("PATCH", target, R"({"direction":"ASC"})", e.b.access), 404,
               "NotFoundException", message);
  expect_error(rest_call("DELETE", target, "", e.b.access), 404, "NotFoundException", message);
  auto listed = rest_call("GET", "/rest/metadata/viewSorts?viewId=" + view, "", e.b.access);
  ASSERT_EQ(listed.status, 200u) << listed.text;
  EXPECT_TRUE(listed.body.at("data").at("viewSorts").as_array().empty());
  // B cannot hang a child on A's view either, even with a field of its own.
  body["direction"] = "ASC";
  body["fieldMetadataId"] = field_id_of("company", "name", e.b.access);
  expect_error(rest_call("POST", "/rest/metadata/viewSorts", json::serialize(body), e.b.access),
               404, "NotFoundException", "View not found");
  EXPECT_EQ(e.sql(row), before);
  EXPECT_EQ(e.sql("SELECT count(*) FROM core.view_entity WHERE view_id = '" + view + "'"), "1");
}
