// {p}GroupBy compiled to one statement, on real PostgreSQL: groups by a field, a composite subfield
// and dates by day / month / quarter of the year in a time zone; groups ordered by an aggregate or
// a dimension and capped; each group's records, aggregates and groupByDimensionValues; Twenty's
// errors for a missing or unknown time zone. Its own workspace: the records it needs have fixed
// creation dates.
#include <gtest/gtest.h>

#include "query_env.hpp"

using namespace cohort::testing::query;
using V = std::vector<std::string>;

namespace {

const query_env& env() {
  static std::unique_ptr<query_env> instance = [] {
    auto e = query_env::create("storage_query_group_by");
    e->ok(create("person", R"([
      {"name": {"firstName": "Ann", "lastName": "A"}, "city": "Paris", "jobTitle": "CEO",
       "createdAt": "2024-01-15T23:30:00.000Z"},
      {"name": {"firstName": "Ben", "lastName": "B"}, "city": "Paris",
       "createdAt": "2024-01-16T10:00:00.000Z"},
      {"name": {"firstName": "Cid", "lastName": "C"}, "city": "Lyon", "jobTitle": "CTO",
       "createdAt": "2024-02-01T12:00:00.000Z"},
      {"name": {"firstName": "Dan", "lastName": "D"}, "city": "Paris",
       "createdAt": "2024-04-02T12:00:00.000Z"},
      {"name": {"firstName": "Ann", "lastName": "E"}, "city": "Oslo",
       "createdAt": "2024-05-05T08:00:00.000Z"}])",
                 record({field("id")}), true));
    return e;
  }();
  return *instance;
}

model::group_dimension dim(std::string field, std::string subfield = {},
                           std::string granularity = {}, std::string time_zone = {}) {
  return {std::move(field), std::move(subfield), std::move(granularity), std::move(time_zone), {}};
}

model::record_query group_by(
    std::vector<model::group_dimension> dims, std::vector<model::group_order> order = {},
    std::string_view records_order =
        R"([{"name": {"firstName": "AscNullsFirst"}}, {"name": {"lastName": "AscNullsFirst"}}])") {
  auto node = record({composite("name", {"firstName", "lastName"})});
  auto q = find_many("person", paged(node, page("{}", records_order)));
  q.operation = model::record_operation::group_by;
  q.group_by.dimensions = std::move(dims);
  q.group_by.order = std::move(order);
  q.group_by.dimension_value_keys = {"groupByDimensionValues"};
  return q;
}

// (dimension values joined by '|') -> "First Last" of the group's records, in group order.
std::vector<std::pair<std::string, V>> groups(const boost::json::value& answer) {
  std::vector<std::pair<std::string, V>> out;
  for (const auto& g : answer.as_array()) {
    std::string key;
    for (const auto& v : g.at("groupByDimensionValues").as_array()) {
      if (!key.empty()) key += '|';
      key += v.is_null() ? std::string("<null>") : std::string(v.as_string());
    }
    V names;
    for (const auto& e : g.at("edges").as_array()) {
      const auto& n = e.at("node").at("name");
      names.push_back(std::string(n.at("firstName").as_string()) + " " +
                      std::string(n.at("lastName").as_string()));
    }
    out.emplace_back(key, names);
  }
  return out;
}

using G = std::vector<std::pair<std::string, V>>;

}  // namespace

TEST(StorageQueryGroupBy, ByCityOrderedByCountWithEachGroupsRecordsAndTotals) {
  model::group_order by_count;
  by_count.aggregate = {"totalCount", "totalCount", {}, {}};
  by_count.direction = "DescNullsLast";
  auto answer = env().ok(group_by({dim("city")}, {by_count}));
  EXPECT_EQ(groups(answer),
            (G{{"Paris", {"Ann A", "Ben B", "Dan D"}}, {"Lyon", {"Cid C"}}, {"Oslo", {"Ann E"}}}));
  EXPECT_EQ(answer.at(0).at("totalCount").as_int64(), 3);
  EXPECT_EQ(answer.at(0).at("pageInfo").at("hasNextPage"), boost::json::value(false));
  EXPECT_EQ(answer.at(1).at("totalCount").as_int64(), 1);
}

TEST(StorageQueryGroupBy, CompositeSubfieldAndTwoDimensionsOrderedByDimension) {
  model::group_order by_name;
  by_name.dimension = 0;
  by_name.direction = "DescNullsLast";
  EXPECT_EQ(
      groups(env().ok(group_by({dim("name", "firstName")}, {by_name}))),
      (G{{"Dan", {"Dan D"}}, {"Cid", {"Cid C"}}, {"Ben", {"Ben B"}}, {"Ann", {"Ann A", "Ann E"}}}));
  EXPECT_EQ(groups(env().ok(group_by({dim("name", "firstName"), dim("city")}))),
            (G{{"Ann|Oslo", {"Ann E"}},
               {"Ann|Paris", {"Ann A"}},
               {"Ben|Paris", {"Ben B"}},
               {"Cid|Lyon", {"Cid C"}},
               {"Dan|Paris", {"Dan D"}}}));
}

TEST(StorageQueryGroupBy, DatesByDayDependOnTheTimeZone) {
  // 2024-01-15T23:30Z is the 15th in UTC and the 16th in Tokyo, with Ben's 10:00Z.
  EXPECT_EQ(groups(env().ok(group_by({dim("createdAt", {}, "DAY", "UTC")}))),
            (G{{"2024-01-15", {"Ann A"}},
               {"2024-01-16", {"Ben B"}},
               {"2024-02-01", {"Cid C"}},
               {"2024-04-02", {"Dan D"}},
               {"2024-05-05", {"Ann E"}}}));
  EXPECT_EQ(groups(env().ok(group_by({dim("createdAt", {}, "DAY", "Asia/Tokyo")}))),
            (G{{"2024-01-16", {"Ann A", "Ben B"}},
               {"2024-02-01", {"Cid C"}},
               {"2024-04-02", {"Dan D"}},
               {"2024-05-05", {"Ann E"}}}));
  EXPECT_EQ(groups(env().ok(group_by({dim("createdAt", {}, "MONTH", "Europe/Paris")}))),
            (G{{"2024-01-01", {"Ann A", "Ben B"}},
               {"2024-02-01", {"Cid C"}},
               {"2024-04-01", {"Dan D"}},
               {"2024-05-01", {"Ann E"}}}));
  EXPECT_EQ(groups(env().ok(group_by({dim("createdAt", {}, "QUARTER_OF_THE_YEAR")}))),
            (G{{"Q1", {"Ann A", "Ben B", "Cid C"}}, {"Q2", {"Ann E", "Dan D"}}}));
}

TEST(StorageQueryGroupBy, AggregatesLimitAndRecordsOffsetPerGroup) {
  auto q = group_by({dim("city")});
  q.connection.items.push_back({});
  auto& count = q.connection.items.back();
  count.k = model::connection_selection::item::kind::aggregate;
  count.key = "countNotEmptyJobTitle";
  count.aggregate = {"countNotEmptyJobTitle", "countNotEmpty", "jobTitle", {}};
  q.group_by.limit = 2;  // Lyon, Oslo (by city, ascending)
  q.group_by.offset_for_records = 0;
  auto answer = env().ok(q);
  ASSERT_EQ(answer.as_array().size(), 2u);
  EXPECT_EQ(answer.at(0).at("countNotEmptyJobTitle").as_int64(), 1);  // Cid's CTO
  EXPECT_EQ(answer.at(1).at("countNotEmptyJobTitle").as_int64(), 0);

  auto paris = group_by({dim("city")});
  paris.connection.page.filter = json(R"({"city": {"eq": "Paris"}})").as_object();
  paris.group_by.offset_for_records = 1;
  EXPECT_EQ(groups(env().ok(paris)), (G{{"Paris", {"Ben B", "Dan D"}}}));
}

TEST(StorageQueryGroupBy, TimeZoneErrorsAreTwentys) {
  auto missing = env().error(group_by({dim("createdAt", {}, "MONTH")}));
  EXPECT_EQ(missing.code, "BAD_USER_INPUT");
  EXPECT_EQ(missing.message,
            "Time zone should be specified for a group by date on Day, Week, Month, Quarter or "
            "Year");
  EXPECT_EQ(missing.sub_code, "MISSING_TIMEZONE_FOR_DATE_GROUP_BY");

  auto invalid = env().error(group_by({dim("createdAt", {}, "DAY", "Mars/Olympus_Mons")}));
  EXPECT_EQ(invalid.code, "BAD_USER_INPUT");
  EXPECT_EQ(invalid.message, "Invalid timezone: Mars/Olympus_Mons");
  EXPECT_EQ(invalid.sub_code, "INVALID_TIMEZONE");

  auto unknown = env().error(group_by({dim("shoeSize")}));
  EXPECT_EQ(unknown.message, "Object person doesn't have any \"shoeSize\" field.");
}
