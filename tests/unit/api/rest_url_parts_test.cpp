// The other parts of a REST URL: routes (method + path), the query string, order_by.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/rest/order_by_parser.hpp"
#include "api/rest/query_string.hpp"
#include "api/rest/rest_route.hpp"
#include "model/standard/standard_objects.hpp"

namespace rest = cohort::api::rest;
namespace json = boost::json;

namespace {

const cohort::model::object_metadata& person() {
  for (const auto& o : *cohort::model::standard::shared_standard_objects())
    if (o.name_singular == "person") return o;
  throw std::runtime_error("no person");
}

std::string order(const std::string& text) {
  auto out = rest::parse_order_by(text, person());
  if (auto* e = std::get_if<rest::rest_error>(&out)) return "error: " + e->messages.at(0);
  return json::serialize(std::get<json::array>(out));
}

std::string route(const char* method, const char* path) {
  auto out = rest::parse_route(method, path);
  if (auto* e = std::get_if<rest::rest_error>(&out)) {
    return std::to_string(e->status) + " " + e->messages.at(0);
  }
  const auto& r = std::get<rest::rest_route>(out);
  return std::to_string(static_cast<int>(r.action)) + " " + r.plural + " " + r.id.value_or("-");
}

constexpr const char* uuid = "8da4ed49-ed07-4ee0-8077-8fe86f7067c3";

}  // namespace

TEST(RestOrderBy, DirectionsSubfieldsAndDefaults) {
  EXPECT_EQ(order(""), "[]");
  EXPECT_EQ(order("city[DescNullsLast]"), R"([{"city":"DescNullsLast"}])");
  EXPECT_EQ(order("city,name.lastName[AscNullsLast]"),
            R"([{"city":"AscNullsFirst"},{"name":{"lastName":"AscNullsLast"}}])");
  EXPECT_EQ(order("city[Sideways]"),
            "error: 'order_by' direction 'Sideways' invalid. Allowed values are 'AscNullsFirst', "
            "'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. eg: "
            "?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3");
  EXPECT_EQ(order("unknownField[AscNullsFirst]"),
            "error: field 'unknownField' does not exist in 'person' object");
}

TEST(RestRoute, MethodsAndPaths) {
  using a = rest::rest_action;
  auto expect = [](a action, const std::string& plural, const std::string& id) {
    return std::to_string(static_cast<int>(action)) + " " + plural + " " + id;
  };
  EXPECT_EQ(route("GET", "/rest/people"), expect(a::find_many, "people", "-"));
  EXPECT_EQ(route("GET", "/rest/people/"), expect(a::find_many, "people", "-"));
  EXPECT_EQ(route("GET", (std::string("/rest/people/") + uuid).c_str()),
            expect(a::find_one, "people", uuid));
  EXPECT_EQ(route("POST", "/rest/people"), expect(a::create_one, "people", "-"));
  EXPECT_EQ(route("POST", "/rest/batch/people"), expect(a::create_many, "people", "-"));
  EXPECT_EQ(route("PATCH", (std::string("/rest/people/") + uuid).c_str()),
            expect(a::update_one, "people", uuid));
  EXPECT_EQ(route("PUT", (std::string("/rest/people/") + uuid).c_str()),
            expect(a::update_one, "people", uuid));
  EXPECT_EQ(route("PATCH", "/rest/people"), expect(a::update_many, "people", "-"));
  EXPECT_EQ(route("DELETE", (std::string("/rest/people/") + uuid).c_str()),
            expect(a::delete_one, "people", uuid));
  EXPECT_EQ(route("DELETE", "/rest/people"), expect(a::delete_many, "people", "-"));
  EXPECT_EQ(route("PATCH", (std::string("/rest/people/") + uuid + "/restore").c_str()),
            expect(a::restore_one, "people", uuid));
  EXPECT_EQ(route("PATCH", "/rest/people/restore"), expect(a::restore_many, "people", "-"));
  EXPECT_EQ(route("PATCH", "/rest/people/x/restore"), "400 'x' is not a valid UUID");
  EXPECT_EQ(route("GET", "/rest/people/not-a-uuid"), "400 'not-a-uuid' is not a valid UUID");
  EXPECT_EQ(route("PUT", "/rest/people"), "404 Cannot PUT /rest/people");
  EXPECT_EQ(route("GET", "/rest/a/b/c").substr(0, 31), "400 Query path '/rest/a/b/c' in");
  EXPECT_EQ(route("GET", "/rest").substr(0, 4), "400 ");
}

TEST(RestRoute, MetricsLabelsAreBounded) {
  EXPECT_STREQ(rest::route_label("/rest/people"), "/rest/{object}");
  EXPECT_STREQ(rest::route_label("/rest/people/x"), "/rest/{object}/{id}");
  EXPECT_STREQ(rest::route_label("/rest/batch/people"), "/rest/batch/{object}");
  EXPECT_STREQ(rest::route_label("/rest/people/x/restore"), "/rest/{object}/{id}/restore");
  EXPECT_STREQ(rest::route_label("/rest/a/b/c/d"), "/rest");
}

TEST(RestQueryString, DecodesValuesAndKeepsTheFirst) {
  rest::query_string q("filter=city%5Beq%5D%3A%22a+b%22&limit=2&limit=3&empty&x=%2B%zz");
  EXPECT_EQ(q.get("filter"), "city[eq]:\"a b\"");
  EXPECT_EQ(q.get("limit"), "2");
  EXPECT_EQ(q.get("empty"), "");
  EXPECT_EQ(q.get("x"), "+%zz");
  EXPECT_FALSE(q.has("depth"));
}
