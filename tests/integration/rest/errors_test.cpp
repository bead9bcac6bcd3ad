// Every REST error a client can cause, with its status code and Twenty's body
// {"statusCode":..,"error":..,"messages":[..]}: authentication, unknown objects and fields,
// malformed filter / order_by / limit / depth / cursor / id / body, missing records, bulk writes
// without a filter. None of them is a 500.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "rest_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

json::value rest_error(unsigned status, const char* error, const std::string& message) {
  return json::object{
      {"statusCode", status}, {"error", error}, {"messages", json::array{json::value(message)}}};
}

json::value bad_request(const std::string& message) {
  return rest_error(400, "BadRequestException", message);
}

void expect_answer(const rest_answer& res, const json::value& want) {
  EXPECT_EQ(res.body, want) << res.text;
  EXPECT_EQ(res.status, want.at("statusCode").to_number<unsigned>());
}

std::string filter(const std::string& text) {
  return "?filter=" + url_encode(text);
}

}  // namespace

TEST(RestErrors, MissingTokenIs403AndABadTokenIs401) {
  auto& rest = rest_server::shared();
  auto missing = rest.call("GET", "/rest/people?limit=2", {}, "");
  ASSERT_EQ(missing.status, 403u);
  EXPECT_EQ(missing.body, json::parse(R"({"statusCode":403,"error":"FORBIDDEN_EXCEPTION",)"
                                      R"("messages":["Missing authentication token"]})"));
  auto bad = rest.call("GET", "/rest/people?limit=2", {}, "not-a-jwt");
  ASSERT_EQ(bad.status, 401u);
  EXPECT_EQ(bad.body.at("error"), json::value("UNAUTHENTICATED"));
  EXPECT_EQ(bad.body.at("messages").as_array().size(), 1u);
  // A token of another secret is refused the same way: the workspace comes only from the token.
  auto forged =
      rest.call("GET", "/rest/people", {}, rest.token.substr(0, rest.token.size() - 3) + "abc");
  EXPECT_EQ(forged.status, 401u) << forged.text;
}

TEST(RestErrors, UnknownObjectAndPathShapes) {
  auto& rest = rest_server::shared();
  expect_answer(rest.get("/rest/unicorns"),
                bad_request("object 'unicorns' not found. eg: companies"));
  expect_answer(rest.get("/rest/people/not-a-uuid"),
                bad_request("'not-a-uuid' is not a valid UUID"));
  auto deep = rest.get("/rest/people/a/b");
  EXPECT_EQ(deep.status, 400u) << deep.text;
  EXPECT_EQ(deep.body.at("error"), json::value("BadRequestException"));
  auto post_id = rest.call("POST", "/rest/people/00000000-0000-4000-8000-000000000000", "{}");
  EXPECT_EQ(post_id.status, 404u) << post_id.text;
}

TEST(RestErrors, UnknownFieldsInFilterAndOrderBy) {
  auto& rest = rest_server::shared();
  const auto unknown = bad_request("field 'unknownField' does not exist in 'person' object");
  expect_answer(rest.get("/rest/people" + filter("unknownField[eq]:\"x\"")), unknown);
  expect_answer(rest.get("/rest/people?order_by=unknownField%5BAscNullsFirst%5D"), unknown);
  expect_answer(rest.get("/rest/people" + filter("name.nickname[eq]:x")),
                bad_request("field 'name.nickname' does not exist in 'person' object"));
}

TEST(RestErrors, MalformedFilters) {
  auto& rest = rest_server::shared();
  expect_answer(rest.get("/rest/people" + filter("city[contains]:\"x\"")),
                bad_request("'filter' invalid for 'city[contains]:\"x\"', comparator contains not "
                            "in eq, neq, in, containsAny, is, gt, gte, lt, lte, startsWith, like, "
                            "ilike"));
  expect_answer(rest.get("/rest/people" + filter("and(city[eq]:\"x\"")),
                bad_request("'filter' invalid. 1 close bracket is missing in the query"));
  expect_answer(rest.get("/rest/people" + filter("city[eq]:x)")),
                bad_request("'filter' invalid. 1 open bracket is missing in the query"));
  expect_answer(rest.get("/rest/people" + filter("city:x")),
                bad_request("'filter' invalid for 'city:x'. eg: price[gte]:10"));
  auto not_a_list = rest.get("/rest/people" + filter("city[in]:Paris"));
  EXPECT_EQ(not_a_list.status, 400u) << not_a_list.text;
  // Values the compiler refuses for the field's type are 400s too.
  auto bad_number = rest.get("/rest/companies" + filter("employees[gt]:many"));
  EXPECT_EQ(bad_number.status, 400u) << bad_number.text;
  auto bad_uuid = rest.get("/rest/people" + filter("companyId[eq]:nope"));
  EXPECT_EQ(bad_uuid.status, 400u) << bad_uuid.text;
}

TEST(RestErrors, OrderByLimitDepthAndCursor) {
  auto& rest = rest_server::shared();
  expect_answer(rest.get("/rest/people?order_by=city%5BSideways%5D"),
                bad_request("'order_by' direction 'Sideways' invalid. Allowed values are "
                            "'AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. "
                            "eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3"));
  expect_answer(rest.get("/rest/people?limit=abc"),
                bad_request("limit 'abc' is invalid. Should be an integer"));
  expect_answer(rest.get("/rest/people?limit=-1"),
                bad_request("limit '-1' is invalid. Should be an integer"));
  expect_answer(rest.get("/rest/people?depth=5"),
                bad_request("'depth=5' parameter invalid. Allowed values are 0, 1"));
  expect_answer(rest.get("/rest/people?starting_after=garbage"),
                bad_request("Invalid cursor: garbage"));
  auto huge = rest.get("/rest/people?limit=100000");
  EXPECT_EQ(huge.status, 200u) << "a limit above the maximum is capped";
}

TEST(RestErrors, MissingRecords) {
  auto& rest = rest_server::shared();
  const std::string nobody = "/rest/people/00000000-0000-4000-8000-000000000000";
  expect_answer(rest.get(nobody), bad_request("Record not found"));
  const auto missing = rest_error(400, "EntityNotFoundError",
                                  "Could not find any entity of type \"person\" with id "
                                  "\"00000000-0000-4000-8000-000000000000\"");
  expect_answer(rest.call("PATCH", nobody, R"({"city":"X"})"), missing);
  expect_answer(rest.call("DELETE", nobody), missing);
}

TEST(RestErrors, BadBodies) {
  auto& rest = rest_server::shared();
  expect_answer(rest.call("POST", "/rest/people", R"({"name":{"firstName":"X"},"unknownField":1})"),
                rest_error(400, "Error",
                           "Field metadata for field \"unknownField\" is missing in object "
                           "metadata person"));
  auto not_json = rest.call("POST", "/rest/people", "{nope");
  EXPECT_EQ(not_json.status, 400u) << not_json.text;
  EXPECT_EQ(not_json.body.at("error"), json::value("BadRequestException"));
  auto no_records = rest.call("POST", "/rest/batch/people", "");
  EXPECT_EQ(no_records.status, 400u) << no_records.text;
  auto not_a_list = rest.call("POST", "/rest/batch/people", R"({"name":{"firstName":"X"}})");
  EXPECT_EQ(not_a_list.status, 400u) << not_a_list.text;
  auto bad_enum = rest.call("POST", "/rest/opportunities", R"({"name":"O","stage":"NOPE"})");
  EXPECT_EQ(bad_enum.status, 400u) << bad_enum.text;
}

TEST(RestErrors, BulkWritesNeedAFilter) {
  auto& rest = rest_server::shared();
  auto patch = rest.call("PATCH", "/rest/people", R"({"city":"Everywhere"})");
  EXPECT_EQ(patch.status, 400u) << patch.text;
  auto del = rest.call("DELETE", "/rest/people");
  EXPECT_EQ(del.status, 400u) << del.text;
  auto rows = rest.sql("SELECT count(*) FROM {s}.person WHERE city = 'Everywhere'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "0");
}
