// Twenty 1.6.0 loses or repeats records when it pages over tied order keys (many records with the
// same createdAt) or a composite key (name.firstName): its cursor condition compares the order
// key alone. Cohort's keyset includes every key and the id tiebreaker, so paging forwards and
// backwards visits every record exactly once, in order. Over HTTP, as a client pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "demo_server.hpp"
#include "remove_at_end.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

constexpr int records = 23;  // not a multiple of the page size: the last page is short
constexpr int page_size = 4;

// 23 people in city `city`, all created at the same instant, first names in 5 tied groups.
void seed(demo_server& demo, const std::string& city) {
  json::array data;
  const char* names[] = {"Ines", "Bruno", "Yara", "Adele", "Milo"};
  for (int i = 0; i < records; ++i) {
    data.push_back(json::object{{"city", city},
                                {"createdAt", "2024-03-01T10:00:00.000Z"},
                                {"name", {{"firstName", names[i % 5]}, {"lastName", "Tie"}}}});
  }
  auto res = demo.post("mutation($data: [PersonCreateInput!]) { createPeople(data: $data) { id } }",
                       {{"data", data}});
  ASSERT_EQ(json::parse(res.body).at("data").at("createPeople").as_array().size(),
            static_cast<std::size_t>(records))
      << res.body;
}

struct page {
  std::vector<std::string> ids;
  json::value info;
};

page fetch(demo_server& demo, const std::string& city, const std::string& order, bool forward,
           const std::optional<std::string>& cursor) {
  std::string args = forward ? "first: $n" : "last: $n";
  if (cursor) args += forward ? ", after: $c" : ", before: $c";
  const std::string query =
      std::string("query($city: String, $n: Int") + (cursor ? ", $c: String" : "") +
      ") { people(filter: {city: {eq: $city}}, orderBy: " + order + ", " + args +
      ") { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } "
      "edges { node { id } } } }";
  json::object vars{{"city", city}, {"n", page_size}};
  if (cursor) vars["c"] = *cursor;
  auto res = demo.post(query, vars);
  auto body = json::parse(res.body);
  page out;
  if (body.as_object().contains("errors")) {
    ADD_FAILURE() << res.body;
    return out;
  }
  const auto& people = body.at("data").at("people");
  for (const auto& e : people.at("edges").as_array())
    out.ids.emplace_back(e.at("node").at("id").as_string());
  out.info = people.at("pageInfo");
  return out;
}

// Every id in one request, in the server's order: the reference the pages must reproduce.
std::vector<std::string> all_in_order(demo_server& demo, const std::string& city,
                                      const std::string& order) {
  auto res = demo.post(
      "query($city: String) { people(first: 100, filter: {city: {eq: $city}}, orderBy: " + order +
          ") { edges { node { id } } } }",
      {{"city", city}});
  const auto body = json::parse(res.body);
  std::vector<std::string> out;
  for (const auto& e : body.at("data").at("people").at("edges").as_array())
    out.emplace_back(e.at("node").at("id").as_string());
  return out;
}

void expect_pages_cover_everything_once(const std::string& city, const std::string& order) {
  auto& demo = demo_server::shared();
  const auto expected = all_in_order(demo, city, order);
  ASSERT_EQ(expected.size(), static_cast<std::size_t>(records));

  std::vector<std::string> forward;
  std::optional<std::string> cursor;
  for (int guard = 0; guard < 20; ++guard) {
    auto p = fetch(demo, city, order, true, cursor);
    forward.insert(forward.end(), p.ids.begin(), p.ids.end());
    if (!p.info.at("hasNextPage").as_bool()) break;
    cursor = std::string(p.info.at("endCursor").as_string());
  }
  EXPECT_EQ(forward, expected) << order << " forwards";

  std::vector<std::string> backward;
  cursor.reset();
  for (int guard = 0; guard < 20; ++guard) {
    auto p = fetch(demo, city, order, false, cursor);
    // As Twenty, a backward page lists the record nearest the cursor first; its endCursor is the
    // farthest one, where the next page continues.
    backward.insert(backward.end(), p.ids.begin(), p.ids.end());
    if (!p.info.at("hasPreviousPage").as_bool()) break;
    cursor = std::string(p.info.at("endCursor").as_string());
  }
  std::reverse(backward.begin(), backward.end());
  EXPECT_EQ(backward, expected) << order << " backwards";
  EXPECT_EQ(std::set<std::string>(backward.begin(), backward.end()).size(),
            static_cast<std::size_t>(records));
}

}  // namespace

TEST(GraphqlCursorPaging, TiedCreatedAtVisitsEveryRecordOnceBothWays) {
  remove_at_end cleanup{{"DELETE FROM {s}.person WHERE city = 'Tieville'"}};
  seed(demo_server::shared(), "Tieville");
  expect_pages_cover_everything_once("Tieville", "{createdAt: AscNullsFirst}");
  expect_pages_cover_everything_once("Tieville", "{createdAt: DescNullsLast}");
}

TEST(GraphqlCursorPaging, CompositeFirstNameKeyVisitsEveryRecordOnceBothWays) {
  remove_at_end cleanup{{"DELETE FROM {s}.person WHERE city = 'Namesburg'"}};
  seed(demo_server::shared(), "Namesburg");
  expect_pages_cover_everything_once("Namesburg", "{name: {firstName: AscNullsFirst}}");
  expect_pages_cover_everything_once("Namesburg", "{name: {firstName: DescNullsLast}}");
  // Two keys, the first tied everywhere: the second and the id decide.
  expect_pages_cover_everything_once(
      "Namesburg", "[{createdAt: AscNullsFirst}, {name: {firstName: DescNullsFirst}}]");
}
