// GET /rest/{p}/groupBy: the {p}GroupBy statement answered as a bare array of groups, with the
// aggregates asked for, the REST filter, and records per group on request.
#include <gtest/gtest.h>

#include <map>

#include "rest_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

rest_answer group_by(rest_server& rest, const std::string& query) {
  return rest.get("/rest/companies/groupBy?" + query);
}

}  // namespace

TEST(RestGroupBy, GroupsWithTheirAggregatesAndRecordsOnRequest) {
  auto& rest = rest_server::shared();
  for (const char* body :
       {R"({"name":"Gb One","employees":10,"address":{"addressCity":"Gbville"}})",
        R"({"name":"Gb Two","employees":32,"address":{"addressCity":"Gbville"}})",
        R"({"name":"Gb Three","employees":5,"address":{"addressCity":"Gbtown"}})"}) {
    ASSERT_EQ(rest.call("POST", "/rest/companies", body).status, 201u);
  }
  const std::string only_ours = "filter=" + url_encode("name[startsWith]:Gb ");
  auto res = group_by(rest, "group_by=" + url_encode(R"([{"address":{"addressCity":true}}])") +
                                "&aggregate=" + url_encode(R"(["totalCount","sumEmployees"])") +
                                "&" + only_ours);
  ASSERT_EQ(res.status, 200u) << res.text;
  ASSERT_TRUE(res.body.is_array()) << res.text;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_city;
  for (const auto& g : res.body.as_array()) {
    by_city[std::string(g.at("groupByDimensionValues").at(0).as_string())] = {
        g.at("totalCount").as_int64(),
        g.at("aggregates").at("sumEmployees").to_number<std::int64_t>()};
    EXPECT_FALSE(g.as_object().contains("records")) << "records only with include_records_sample";
  }
  EXPECT_EQ(by_city, (std::map<std::string, std::pair<std::int64_t, std::int64_t>>{
                         {"Gbtown", {1, 5}}, {"Gbville", {2, 42}}}));

  auto sampled = group_by(rest, "group_by=" + url_encode(R"([{"address":{"addressCity":true}}])") +
                                    "&include_records_sample=true&" + only_ours);
  ASSERT_EQ(sampled.status, 200u) << sampled.text;
  for (const auto& g : sampled.body.as_array()) {
    EXPECT_EQ(static_cast<std::int64_t>(g.at("records").as_array().size()),
              g.at("totalCount").as_int64());
    EXPECT_TRUE(g.at("records").at(0).at("name").as_string().starts_with("Gb "));
  }
}

TEST(RestGroupBy, MissingOrBadParametersAreRefused) {
  auto& rest = rest_server::shared();
  auto missing = group_by(rest, "");
  EXPECT_EQ(missing.status, 400u);
  EXPECT_EQ(missing.body.at("messages").at(0),
            json::value("\"group_by\" is required, eg: group_by=[{\"city\":true}]"));
  auto not_json = group_by(rest, "group_by=" + url_encode("[{"));
  EXPECT_EQ(not_json.status, 400u);
  EXPECT_EQ(not_json.body.at("messages").at(0), json::value("\"group_by\" is not valid JSON"));
  auto unknown = group_by(rest, "group_by=" + url_encode(R"([{"name":true}])") +
                                    "&aggregate=" + url_encode(R"(["sumNope"])"));
  EXPECT_EQ(unknown.status, 400u);
  EXPECT_EQ(unknown.body.at("messages").at(0), json::value("Unknown aggregate 'sumNope'"));
}
