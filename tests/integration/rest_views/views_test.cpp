// /rest/metadata/views: the list envelope and its paging both ways, the ?objectMetadataId filter,
// GET/POST/PATCH/PUT/DELETE of one view with their status codes and Twenty's error bodies, and
// another workspace's view ids answering 404 while its rows stay as they were.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <vector>

#include "views_env.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

std::vector<std::string> ids_of(const json::value& list, const char* key) {
  std::vector<std::string> out;
  for (const auto& v : list.at("data").at(key).as_array()) out.push_back(text_or(v, "/id"));
  return out;
}

std::string create_view(const std::string& name) {
  json::object body{
      {"name", name}, {"objectMetadataId", object_id_of("company")}, {"icon", "IconList"}};
  auto res = rest_a("POST", "/rest/metadata/views", json::serialize(body));
  EXPECT_EQ(res.status, 201u) << res.text;
  return text_or(res.body, "/data/createOneView/id");
}

}  // namespace

TEST(RestViews, ListIsTheEnvelopeOfEveryLiveViewInGraphqlOrder) {
  auto& e = views_env();
  auto graphql = e.graphql("{ getCoreViews { id } }", {}, e.a.access, "/metadata");
  std::vector<std::string> want;
  for (const auto& v : graphql.at("data").at("getCoreViews").as_array())
    want.push_back(text_or(v, "/id"));
  ASSERT_GT(want.size(), 4u) << "sign-up gives every object its INDEX view";

  auto res = rest_a("GET", "/rest/metadata/views");
  ASSERT_EQ(res.status, 200u) << res.text;
  EXPECT_EQ(ids_of(res.body, "views"), want);
  EXPECT_EQ(res.body.at("totalCount"), json::value(want.size()));
  EXPECT_EQ(res.body.at("pageInfo"), json::value(json::object{{"hasNextPage", false},
                                                              {"startCursor", want.front()},
                                                              {"endCursor", want.back()}}));
  // A view comes with its children, as getCoreView answers it.
  const auto& first = res.body.at("data").at("views").at(0).as_object();
  for (auto key : {"viewFields", "viewFilters", "viewFilterGroups", "viewSorts", "viewGroups"})
    EXPECT_TRUE(first.at(key).is_array()) << key;
  EXPECT_EQ(first.at("workspaceId"), json::value(e.a.id));
}

TEST(RestViews, PagesForwardAndBackwardByIdCursors) {
  auto all = ids_of(rest_a("GET", "/rest/metadata/views").body, "views");
  ASSERT_GT(all.size(), 4u);
  std::vector<std::string> forward;
  std::string target = "/rest/metadata/views?limit=2";
  for (int guard = 0; guard < 100; ++guard) {
    auto page = rest_a("GET", target);
    ASSERT_EQ(page.status, 200u) << page.text;
    auto ids = ids_of(page.body, "views");
    EXPECT_LE(ids.size(), 2u);
    forward.insert(forward.end(), ids.begin(), ids.end());
    EXPECT_EQ(page.body.at("totalCount"), json::value(all.size()));
    if (!page.body.at("pageInfo").at("hasNextPage").as_bool()) break;
    target =
        "/rest/metadata/views?limit=2&starting_after=" + text_or(page.body, "/pageInfo/endCursor");
  }
  EXPECT_EQ(forward, all);

  std::vector<std::string> backward;
  std::string before = all.back();
  backward.insert(backward.begin(), before);
  for (int guard = 0; guard < 100; ++guard) {
    auto page = rest_a("GET", "/rest/metadata/views?limit=2&ending_before=" + before);
    ASSERT_EQ(page.status, 200u) << page.text;
    auto ids = ids_of(page.body, "views");
    if (ids.empty()) break;
    EXPECT_LE(ids.size(), 2u);
    backward.insert(backward.begin(), ids.begin(), ids.end());
    before = text_or(page.body, "/pageInfo/startCursor");
    EXPECT_EQ(before, ids.front());
  }
  EXPECT_EQ(backward, all);
}

TEST(RestViews, PagingErrors) {
  auto all = ids_of(rest_a("GET", "/rest/metadata/views").body, "views");
  ASSERT_GT(all.size(), 1u);
  expect_error(
      rest_a("GET", "/rest/metadata/views?starting_after=" + all[0] + "&ending_before=" + all[1]),
      400, "BadRequestException", "'starting_after' and 'ending_before' cannot be used together.");
  expect_error(rest_a("GET", "/rest/metadata/views?starting_after=nope"), 400,
               "BadRequestException", "Invalid cursor: nope");
  expect_error(rest_a("GET", "/rest/metadata/views?limit=abc"), 400, "BadRequestException",
               "limit 'abc' is invalid. Should be an integer");
  expect_error(rest_a("GET", "/rest/metadata/views?limit=-3"), 400, "BadRequestException",
               "limit '-3' is invalid. Should be an integer");
  // Twenty reads limit=0 as a page of nothing; the count is still there.
  auto none = rest_a("GET", "/rest/metadata/views?limit=0");
  ASSERT_EQ(none.status, 200u) << none.text;
  EXPECT_TRUE(none.body.at("data").at("views").as_array().empty());
  EXPECT_EQ(none.body.at("totalCount"), json::value(all.size()));
}

TEST(RestViews, FilterByObjectMetadataId) {
  const std::string company = object_id_of("company");
  auto res = rest_a("GET", "/rest/metadata/views?objectMetadataId=" + company);
  ASSERT_EQ(res.status, 200u) << res.text;
  const auto& views = res.body.at("data").at("views").as_array();
  ASSERT_FALSE(views.empty());
  for (const auto& v : views) EXPECT_EQ(text_or(v, "/objectMetadataId"), company);
  EXPECT_EQ(res.body.at("totalCount"), json::value(views.size()));
}

TEST(RestViews, CreateReadUpdateReplaceDelete) {
  auto& e = views_env();
  const std::string company = object_id_of("company");
  json::object body{{"name", "Big accounts"},
                    {"objectMetadataId", company},
                    {"icon", "IconList"},
                    {"type", "KANBAN"}};
  auto created = rest_a("POST", "/rest/metadata/views", json::serialize(body));
  ASSERT_EQ(created.status, 201u) << created.text;
  const auto& view = created.body.at("data").at("createOneView");
  const std::string id = text_or(view, "/id");
  EXPECT_EQ(text_or(view, "/name"), "Big accounts");
  EXPECT_EQ(text_or(view, "/type"), "KANBAN");
  EXPECT_EQ(text_or(view, "/openRecordIn"), "SIDE_PANEL") << "Twenty's default";
  EXPECT_TRUE(view.at("viewFields").as_array().empty());
  EXPECT_EQ(e.sql("SELECT data->>'name' FROM core.view_entity WHERE id = '" + id + "'"),
            "Big accounts");

  auto got = rest_a("GET", "/rest/metadata/views/" + id);
  ASSERT_EQ(got.status, 200u) << got.text;
  EXPECT_EQ(got.body.at("data").at("view"), view);

  auto patched = rest_a("PATCH", "/rest/metadata/views/" + id, R"({"name":"Bigger accounts"})");
  ASSERT_EQ(patched.status, 200u) << patched.text;
  EXPECT_EQ(text_or(patched.body, "/data/updateOneView/name"), "Bigger accounts");
  EXPECT_EQ(text_or(patched.body, "/data/updateOneView/type"), "KANBAN");

  auto put = rest_a("PUT", "/rest/metadata/views/" + id, R"({"isCompact":true})");
  ASSERT_EQ(put.status, 200u) << put.text;
  EXPECT_EQ(put.body.at("data").at("updateOneView").at("isCompact"), json::value(true));
  EXPECT_EQ(text_or(put.body, "/data/updateOneView/name"), "Bigger accounts");

  auto deleted = rest_a("DELETE", "/rest/metadata/views/" + id);
  ASSERT_EQ(deleted.status, 200u) << deleted.text;
  EXPECT_EQ(deleted.body, json::parse(R"({"data":{"deleteOneView":{"id":")" + id + R"("}}})"));
  EXPECT_EQ(e.sql("SELECT deleted_at IS NOT NULL FROM core.view_entity WHERE id = '" + id + "'"),
            "t");
  expect_error(rest_a("GET", "/rest/metadata/views/" + id), 404, "NotFoundException",
               "View (id: " + id + ") not found");
}

TEST(RestViews, OneViewErrors) {
  const std::string nowhere = "00000000-0000-4000-8000-00000000abcd";
  for (const char* method : {"GET", "PATCH", "PUT", "DELETE"}) {
    expect_error(rest_a(method, "/rest/metadata/views/" + nowhere, "{}"), 404, "NotFoundException",
                 "View (id: " + nowhere + ") not found");
    expect_error(rest_a(method, "/rest/metadata/views/not-a-uuid", "{}"), 400,
                 "BadRequestException", "invalid input syntax for type uuid: \"not-a-uuid\"");
  }
  // The CoreView rules: an unknown object, a missing name, a type that does not exist.
  expect_error(rest_a("POST", "/rest/metadata/views",
                      R"({"name":"X","icon":"I","objectMetadataId":")" + nowhere + R"("})"),
               404, "NotFoundException", "Object metadata " + nowhere + " not found");
  const std::string company = object_id_of("company");
  auto nameless = rest_a("POST", "/rest/metadata/views",
                         R"({"icon":"I","objectMetadataId":")" + company + R"("})");
  EXPECT_EQ(nameless.status, 400u) << nameless.text;
  EXPECT_EQ(nameless.body.at("error"), json::value("BadRequestException"));
  auto grid =
      rest_a("POST", "/rest/metadata/views",
             R"({"name":"X","icon":"I","type":"GRID","objectMetadataId":")" + company + R"("})");
  EXPECT_EQ(grid.status, 400u) << grid.text;
  expect_error(rest_a("POST", "/rest/metadata/views", "[1]"), 400, "BadRequestException",
               "The request body must be a JSON object");
  expect_error(rest_a("POST", "/rest/metadata/views/" + nowhere, "{}"), 404, "NotFoundException",
               "Cannot POST /rest/metadata/views/" + nowhere);
  auto anonymous = rest_call("GET", "/rest/metadata/views", "", "");
  EXPECT_EQ(anonymous.status, 403u) << anonymous.text;
}

TEST(RestViews, AnotherWorkspacesViewIsNotFoundAndStaysUnchanged) {
  auto& e = views_env();
  const std::string id = create_view("Only in A");
  ASSERT_FALSE(id.empty());
  const std::string row =
      "SELECT data->>'name' || '|' || coalesce(deleted_at::text, 'live') || '|' || "
      "updated_at::text FROM core.view_entity WHERE id = '" +
      id + "'";
  const std::string before = e.sql(row);
  const std::string message = "View (id: " + id + ") not found";
  auto as_b = [&](const char* method, const std::string& body = {}) {
    return rest_call(method, "/rest/metadata/views/" + id, body, e.b.access);
  };
  expect_error(as_b("GET"), 404, "NotFoundException", message);
  expect_error(as_b("PATCH", R"({"name":"Taken by B"})"), 404, "NotFoundException", message);
  expect_error(as_b("PUT", R"({"name":"Taken by B"})"), 404, "NotFoundException", message);
  expect_error(as_b("DELETE"), 404, "NotFoundException", message);
  auto b_list = rest_call("GET", "/rest/metadata/views", "", e.b.access);
  ASSERT_EQ(b_list.status, 200u);
  for (const auto& v : b_list.body.at("data").at("views").as_array()) {
    EXPECT_NE(text_or(v, "/id"), id);
    EXPECT_EQ(text_or(v, "/workspaceId"), e.b.id);
  }
  EXPECT_EQ(e.sql(row), before);
  EXPECT_EQ(text_or(rest_a("GET", "/rest/metadata/views/" + id).body, "/data/view/name"),
            "Only in A");
}
