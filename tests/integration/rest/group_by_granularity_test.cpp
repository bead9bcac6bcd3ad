// GET /rest/{p}/groupBy with date granularities in a client's time zone (Twenty 1.6.0's /graphql
// {S}GroupByInput types dates as Boolean, so a granularity can only be asked for here; see
// bench/records/README.md), and groups ordered by an aggregate or a date dimension.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "rest_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

using groups = std::vector<std::pair<std::string, std::int64_t>>;

// Four companies whose creation dates fall on other days, weeks, months and years in New York
// (UTC-5) than in UTC: 2024-01-01T03:00Z is still Sunday 2023-12-31 there.
struct dated_companies {
  rest_server& rest = rest_server::shared();
  dated_companies() {
    for (const char* body : {R"({"name":"Gran A","createdAt":"2024-01-01T03:00:00.000Z"})",
                             R"({"name":"Gran B","createdAt":"2024-02-15T12:00:00.000Z"})",
                             R"({"name":"Gran C","createdAt":"2024-02-15T20:00:00.000Z"})",
                             R"({"name":"Gran D","createdAt":"2024-05-06T02:00:00.000Z"})"}) {
      EXPECT_EQ(rest.call("POST", "/rest/companies", body).status, 201u);
    }
  }
  ~dated_companies() { rest.sql("DELETE FROM {s}.company WHERE name LIKE 'Gran %'"); }

  rest_answer group_by(const std::string& dimension, const std::string& order = {}) {
    std::string target = "/rest/companies/groupBy?group_by=" + url_encode("[" + dimension + "]") +
                         "&filter=" + url_encode("name[startsWith]:Gran ");
    if (!order.empty()) target += "&order_by=" + url_encode(order);
    return rest.get(target);
  }
  static std::string by(const std::string& granularity, const std::string& zone) {
    return R"({"createdAt":{"granularity":")" + granularity + "\"" +
           (zone.empty() ? "" : R"(,"timeZone":")" + zone + "\"") + "}}";
  }
  groups answered(const std::string& dimension, const std::string& order = {}) {
    auto res = group_by(dimension, order);
    EXPECT_EQ(res.status, 200u) << res.text;
    groups out;
    if (!res.body.is_array()) return out;
    for (const auto& g : res.body.as_array()) {
      out.emplace_back(std::string(g.at("groupByDimensionValues").at(0).as_string()),
                       g.at("totalCount").as_int64());
    }
    return out;
  }
};

}  // namespace

TEST(RestGroupByGranularity, EveryGranularityInTheClientsTimeZone) {
  dated_companies data;
  const std::string ny = "America/New_York";
  EXPECT_EQ(data.answered(dated_companies::by("DAY", ny)),
            (groups{{"2023-12-31", 1}, {"2024-02-15", 2}, {"2024-05-05", 1}}));
  EXPECT_EQ(data.answered(dated_companies::by("WEEK", ny)),
            (groups{{"2023-12-25", 1}, {"2024-02-12", 2}, {"2024-04-29", 1}}))
      << "weeks start on Monday";
  EXPECT_EQ(data.answered(dated_companies::by("MONTH", ny)),
            (groups{{"2023-12-01", 1}, {"2024-02-01", 2}, {"2024-05-01", 1}}));
  EXPECT_EQ(data.answered(dated_companies::by("QUARTER", ny)),
            (groups{{"2023-10-01", 1}, {"2024-01-01", 2}, {"2024-04-01", 1}}));
  EXPECT_EQ(data.answered(dated_companies::by("YEAR", ny)),
            (groups{{"2023-01-01", 1}, {"2024-01-01", 3}}));
  EXPECT_EQ(data.answered(dated_companies::by("DAY_OF_THE_WEEK", ny)),
            (groups{{"Sunday", 2}, {"Thursday", 2}}));
  EXPECT_EQ(data.answered(dated_companies::by("MONTH_OF_THE_YEAR", ny)),
            (groups{{"December", 1}, {"February", 2}, {"May", 1}}));
  EXPECT_EQ(data.answered(dated_companies::by("QUARTER_OF_THE_YEAR", ny)),
            (groups{{"Q1", 2}, {"Q2", 1}, {"Q4", 1}}));
  EXPECT_EQ(data.answered(dated_companies::by("NONE", ny)),
            (groups{{"2024-01-01T03:00:00.000Z", 1},
                    {"2024-02-15T12:00:00.000Z", 1},
                    {"2024-02-15T20:00:00.000Z", 1},
                    {"2024-05-06T02:00:00.000Z", 1}}));
  // The same rows in UTC: the first one is in 2024, on a Monday.
  EXPECT_EQ(data.answered(dated_companies::by("YEAR", "UTC")), (groups{{"2024-01-01", 4}}));
  EXPECT_EQ(data.answered(dated_companies::by("DAY_OF_THE_WEEK", "UTC")),
            (groups{{"Monday", 2}, {"Thursday", 2}}));
  // Weeks starting on Sunday: Sunday 2023-12-31 opens its own week.
  EXPECT_EQ(data.answered(R"({"createdAt":{"granularity":"WEEK","timeZone":"America/New_York",)"
                          R"("weekStartDay":"SUNDAY"}})"),
            (groups{{"2023-12-31", 1}, {"2024-02-11", 2}, {"2024-05-05", 1}}));
}

TEST(RestGroupByGranularity, GroupsOrderedByAggregateBothWaysOrByTheirDate) {
  dated_companies data;
  const std::string month = dated_companies::by("MONTH", "America/New_York");
  // Ties (one company each) keep the dimensions' ascending order.
  EXPECT_EQ(data.answered(month, R"([{"aggregate":{"totalCount":"DescNullsLast"}}])"),
            (groups{{"2024-02-01", 2}, {"2023-12-01", 1}, {"2024-05-01", 1}}));
  EXPECT_EQ(data.answered(month, R"([{"aggregate":{"totalCount":"AscNullsFirst"}}])"),
            (groups{{"2023-12-01", 1}, {"2024-05-01", 1}, {"2024-02-01", 2}}));
  EXPECT_EQ(data.answered(month, R"([{"createdAt":{"orderBy":"DescNullsLast",)"
                                 R"("granularity":"MONTH"}}])"),
            (groups{{"2024-05-01", 1}, {"2024-02-01", 2}, {"2023-12-01", 1}}));
  // Ordered by an aggregate over another field: the latest creation in each month.
  EXPECT_EQ(data.answered(month, R"([{"aggregate":{"maxCreatedAt":"DescNullsLast"}}])"),
            (groups{{"2024-05-01", 1}, {"2024-02-01", 2}, {"2023-12-01", 1}}));
}

TEST(RestGroupByGranularity, MissingOrUnknownTimeZoneAndBadOrdersAreRefused) {
  dated_companies data;
  auto missing = data.group_by(dated_companies::by("MONTH", ""));
  EXPECT_EQ(missing.status, 400u) << missing.text;
  EXPECT_EQ(missing.body.at("messages").at(0),
            json::value("Time zone should be specified for a group by date on Day, Week, Month, "
                        "Quarter or Year"));
  auto unknown = data.group_by(dated_companies::by("MONTH", "Mars/Olympus"));
  EXPECT_EQ(unknown.status, 400u) << unknown.text;
  EXPECT_EQ(unknown.body.at("messages").at(0), json::value("Invalid timezone: Mars/Olympus"));

  const std::string month = dated_companies::by("MONTH", "UTC");
  auto not_json = data.group_by(month, "createdAt[AscNullsFirst]");
  EXPECT_EQ(not_json.status, 400u) << not_json.text;
  EXPECT_TRUE(
      not_json.body.at("messages")
          .at(0)
          .as_string()
          .starts_with("Invalid order_by query parameter - should be a valid array of objects"))
      << not_json.text;
  auto no_aggregate = data.group_by(month, R"([{"aggregate":{"sumNope":"AscNullsFirst"}}])");
  EXPECT_EQ(no_aggregate.status, 400u);
  EXPECT_EQ(no_aggregate.body.at("messages").at(0), json::value("Unknown aggregate 'sumNope'"));
  // A date dimension is ordered at the granularity it is grouped by.
  auto other_granularity =
      data.group_by(month, R"([{"createdAt":{"orderBy":"AscNullsFirst","granularity":"YEAR"}}])");
  EXPECT_EQ(other_granularity.status, 400u);
  EXPECT_EQ(other_granularity.body.at("messages").at(0),
            json::value("Groups can only be ordered by a field they are grouped by: createdAt"));
  auto bad_direction = data.group_by(month, R"([{"aggregate":{"totalCount":"Up"}}])");
  EXPECT_EQ(bad_direction.status, 400u);
  EXPECT_EQ(bad_direction.body.at("messages").at(0),
            json::value("Allowed values are AscNullsFirst, AscNullsLast, DescNullsFirst, "
                        "DescNullsLast"));
}
