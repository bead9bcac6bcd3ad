// The page a connection answers for each shape of selection: with totalCount (the page beside the
// aggregates) and without it (the page's values in the object's own query level), pageInfo alone,
// startCursor/endCursor as the first and last edge's cursor forwards, backwards and on a short
// page, and cursors of fractional positions, byte for byte what paging reads back.
#include <gtest/gtest.h>

#include "seed.hpp"
#include "storage/query/cursor.hpp"

using namespace cohort::testing::query;

namespace {

using item_t = model::connection_selection::item;

const auto person_node = [] { return record({field("id"), field("position")}); };

model::connection_selection without_total(model::connection_selection c) {
  c.items.erase(c.items.begin());  // paged() puts totalCount first
  return c;
}

boost::json::value run(const model::connection_selection& c) {
  return seed().env->ok(find_many("person", c));
}

std::string cursor_at(const boost::json::value& result, std::size_t i) {
  return std::string(result.at("edges").as_array().at(i).at("cursor").as_string());
}

// pageInfo's cursors are the first and the last edge's, whatever the page's length.
void expect_ends(const boost::json::value& result, std::size_t edges) {
  ASSERT_EQ(result.at("edges").as_array().size(), edges);
  const auto& info = result.at("pageInfo");
  if (edges == 0) {
    EXPECT_TRUE(info.at("startCursor").is_null());
    EXPECT_TRUE(info.at("endCursor").is_null());
    return;
  }
  EXPECT_EQ(info.at("startCursor").as_string(), cursor_at(result, 0));
  EXPECT_EQ(info.at("endCursor").as_string(), cursor_at(result, edges - 1));
}

model::page_request by_position(std::optional<std::int64_t> first,
                                std::optional<std::int64_t> last = std::nullopt) {
  auto p = page("{}", R"([{"position": "AscNullsFirst"}])");
  p.first = first;
  p.last = last;
  return p;
}

}  // namespace

TEST(StorageQueryPageShapes, CursorsAndFlagsAreTheSameWithAndWithoutTotalCount) {
  for (const bool total : {true, false}) {
    SCOPED_TRACE(total ? "with totalCount" : "without totalCount");
    auto shape = [&](model::page_request p) {
      auto c = paged(person_node(), std::move(p));
      return total ? c : without_total(std::move(c));
    };
    auto all = run(shape(by_position(100)));
    expect_ends(all, 10);
    EXPECT_FALSE(all.at("pageInfo").at("hasNextPage").as_bool());
    EXPECT_EQ(all.as_object().contains("totalCount"), total);

    auto forward = run(shape(by_position(3)));
    expect_ends(forward, 3);
    EXPECT_TRUE(forward.at("pageInfo").at("hasNextPage").as_bool());
    EXPECT_FALSE(forward.at("pageInfo").at("hasPreviousPage").as_bool());
    const auto first_three = edge_ids(forward);
    const auto every = edge_ids(all);
    EXPECT_EQ(first_three, (std::vector<std::string>(every.begin(), every.begin() + 3)));

    // The rest after the third: a short page of 7 in a page of 8, ending on the last record.
    auto rest = by_position(8);
    rest.after = cursor_at(forward, 2);
    auto tail = run(shape(rest));
    expect_ends(tail, 7);
    EXPECT_FALSE(tail.at("pageInfo").at("hasNextPage").as_bool());
    EXPECT_EQ(cursor_at(tail, 6), cursor_at(all, 9));

    // Backwards from the end: the nearest record first, hasPreviousPage set, hasNextPage not.
    auto backward = run(shape(by_position(std::nullopt, 3)));
    expect_ends(backward, 3);
    EXPECT_TRUE(backward.at("pageInfo").at("hasPreviousPage").as_bool());
    EXPECT_FALSE(backward.at("pageInfo").at("hasNextPage").as_bool());
    EXPECT_EQ(edge_ids(backward), (std::vector<std::string>{every[9], every[8], every[7]}));

    auto none = by_position(0);
    expect_ends(run(shape(none)), 0);
  }
}

TEST(StorageQueryPageShapes, PageInfoAloneAnswersOneObject) {
  auto only_info = [](std::vector<std::string> fields, std::int64_t first) {
    model::connection_selection c;
    c.page = by_position(first);
    item_t info;
    info.k = item_t::kind::page_info;
    info.key = "pageInfo";
    for (auto& f : fields) info.page_info_keys.emplace_back(f, f);
    c.items.push_back(info);
    return run(c);
  };
  EXPECT_EQ(only_info({"hasNextPage"}, 3), json(R"({"pageInfo": {"hasNextPage": true}})"));
  EXPECT_EQ(only_info({"hasNextPage"}, 10), json(R"({"pageInfo": {"hasNextPage": false}})"));
  EXPECT_EQ(only_info({"__typename"}, 3), json(R"({"pageInfo": {"__typename": "PageInfo"}})"));
  auto full = run(paged(person_node(), by_position(3)));
  auto start = only_info({"startCursor"}, 3);
  EXPECT_EQ(start.at("pageInfo").at("startCursor"), full.at("pageInfo").at("startCursor"));
  auto end = only_info({"endCursor", "hasPreviousPage"}, 3);
  EXPECT_EQ(end.at("pageInfo").at("endCursor"), full.at("pageInfo").at("endCursor"));
  EXPECT_FALSE(end.at("pageInfo").at("hasPreviousPage").as_bool());
}

TEST(StorageQueryPageShapes, FractionalPositionsRoundTripThroughCursors) {
  const auto& s = seed();
  const std::string people = "\"" + s.env->schema + "\".\"person\"";
  const std::string a = s.person.at("Alice Martin");
  const std::string b = s.person.at("Bob Durand");
  const std::string before_a = s.env->sql("SELECT position FROM " + people + " WHERE id = $1", {a});
  const std::string before_b = s.env->sql("SELECT position FROM " + people + " WHERE id = $1", {b});
  s.env->sql("UPDATE " + people + " SET position = -12345678.900000001 WHERE id = $1", {a});
  s.env->sql("UPDATE " + people + " SET position = -1.5e300 WHERE id = $1", {b});

  auto all = run(without_total(paged(person_node(), by_position(100))));
  auto ids = edge_ids(all);
  ASSERT_GE(ids.size(), 2u);
  ASSERT_EQ(ids[0], b);  // below every seeded position
  ASSERT_EQ(ids[1], a);
  auto decoded = cohort::storage::query::decode_cursor(cursor_at(all, 0));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->at("position").to_number<double>(), -1.5e300);
  decoded = cohort::storage::query::decode_cursor(cursor_at(all, 1));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->at("position").to_number<double>(), -12345678.900000001);

  // Paging from each of them continues exactly after it.
  for (std::size_t i : {0u, 1u}) {
    auto p = by_position(2);
    p.after = cursor_at(all, i);
    auto next = edge_ids(run(without_total(paged(person_node(), p))));
    EXPECT_EQ(next, (std::vector<std::string>{ids[i + 1], ids[i + 2]})) << "after edge " << i;
  }

  s.env->sql("UPDATE " + people + " SET position = $2::float8 WHERE id = $1", {a, before_a});
  s.env->sql("UPDATE " + people + " SET position = $2::float8 WHERE id = $1", {b, before_b});
}
