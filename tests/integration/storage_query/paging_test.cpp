// Ordering (directions, nulls, composite keys, ties) and keyset paging forwards and backwards
// across pages, with Twenty's cursor format, pageInfo and argument errors.
#include <gtest/gtest.h>

#include "seed.hpp"
#include "storage/query/cursor.hpp"

using namespace cohort::testing::query;
using V = std::vector<std::string>;

namespace {

const auto person_node = [] {
  return record({field("id"), composite("name", {"firstName", "lastName"})});
};

boost::json::value people_page(const model::page_request& p) {
  return seed().env->ok(find_many("person", paged(person_node(), p)));
}

// The ids of every page of `size` people in `order`, following endCursor forwards.
std::vector<std::string> ids_page_by_page(const char* order, std::int64_t size,
                                          bool expect_no_previous = false) {
  std::vector<std::string> seen;
  std::optional<std::string> after;
  for (int guard = 0; guard < 20; ++guard) {
    auto p = page("{}", order);
    p.first = size;
    p.after = after;
    auto result = people_page(p);
    auto ids = edge_ids(result);
    seen.insert(seen.end(), ids.begin(), ids.end());
    const auto& info = result.at("pageInfo");
    if (expect_no_previous) {
      EXPECT_FALSE(info.at("hasPreviousPage").as_bool());
    }
    if (!info.at("hasNextPage").as_bool()) break;
    after = std::string(info.at("endCursor").as_string());
  }
  return seen;
}

}  // namespace

TEST(StorageQueryOrder, DirectionsPlaceNullsWhereAsked) {
  const std::string order = R"([{"employees": "%"}])";
  auto ordered = [&](std::string direction) {
    std::string o = order;
    o.replace(o.find('%'), 1, direction);
    return matching("company", "{}", o);
  };
  EXPECT_EQ(ordered("AscNullsFirst"), (V{"Nullco", "Initech", "Globex", "Acme Corp"}));
  EXPECT_EQ(ordered("AscNullsLast"), (V{"Initech", "Globex", "Acme Corp", "Nullco"}));
  EXPECT_EQ(ordered("DescNullsFirst"), (V{"Nullco", "Acme Corp", "Globex", "Initech"}));
  EXPECT_EQ(ordered("DescNullsLast"), (V{"Acme Corp", "Globex", "Initech", "Nullco"}));
}

TEST(StorageQueryOrder, CompositeKeysAndTiesBrokenById) {
  const auto& s = seed();
  auto sams = matching("person", R"({"city": {"eq": "Oslo"}})",
                       R"([{"name": {"firstName": "AscNullsFirst"}}])");
  // Equal first names: the appended id decides, ascending.
  std::vector<std::pair<std::string, std::string>> by_id;
  for (const auto& n : V{"Sam Alpha", "Sam Beta", "Sam Gamma", "Sam Delta"}) {
    by_id.emplace_back(s.person.at(n), n);
  }
  std::sort(by_id.begin(), by_id.end());
  V expected;
  for (const auto& [id, n] : by_id) expected.push_back(n);
  EXPECT_EQ(sams, expected);

  EXPECT_EQ(matching("person", R"({"city": {"neq": "Oslo"}})",
                     R"([{"city": "AscNullsLast"}, {"name": {"lastName": "DescNullsLast"}}])"),
            (V{"Farid Richard", "David Petit", "Bob Durand", "Emma Robert", "Alice Martin",
               "Chloe Bernard"}));
  // Through a many-to-one relation: people by their company's name.
  EXPECT_EQ(
      matching(
          "person", R"({"companyId": {"is": "NOT_NULL"}})",
          R"([{"company": {"name": "DescNullsLast"}}, {"name": {"firstName": "AscNullsFirst"}}])"),
      (V{"Emma Robert", "Chloe Bernard", "David Petit", "Alice Martin", "Bob Durand"}));
}

TEST(StorageQueryOrder, ARelatedKeyThatIsNeverNullInItsTableIsNullWithoutTheRelatedRecord) {
  // company.position is NOT NULL in company, but a person without a company has none: the order
  // must still place those people where the direction asks, and pages must cross them.
  auto without = matching("person", R"({"companyId": {"is": "NULL"}})", "[]");
  ASSERT_FALSE(without.empty());
  auto with = matching("person", R"({"companyId": {"is": "NOT_NULL"}})", "[]");
  ASSERT_FALSE(with.empty());
  auto sorted = [](V v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  const auto n = without.size();
  auto first_part = [&](const V& all) { return sorted(V(all.begin(), all.begin() + n)); };
  auto last_part = [&](const V& all) { return sorted(V(all.end() - n, all.end())); };
  auto by = [&](const std::string& direction) {
    return matching("person", "{}", R"([{"company": {"position": ")" + direction + R"("}}])");
  };
  EXPECT_EQ(first_part(by("AscNullsFirst")), sorted(without));
  EXPECT_EQ(last_part(by("AscNullsLast")), sorted(without));
  EXPECT_EQ(first_part(by("DescNullsFirst")), sorted(without));
  EXPECT_EQ(last_part(by("DescNullsLast")), sorted(without));

  const auto order = R"([{"company": {"position": "AscNullsFirst"}}])";
  auto all = page("{}", order);
  all.first = 100;
  const auto expected = edge_ids(people_page(all));
  for (std::int64_t size : {1, 2, 3}) {
    EXPECT_EQ(ids_page_by_page(order, size), expected) << "page size " << size;
  }
}

TEST(StorageQueryPaging, CursorsAreTwentysBase64Json) {
  const auto& s = seed();
  auto p = page("{}", R"([{"name": {"firstName": "AscNullsFirst"}}])");
  p.first = 1;
  auto result = people_page(p);
  const auto& edge = result.at("edges").as_array().at(0);
  boost::json::object expected;
  expected["name"] = boost::json::object{{"firstName", "Alice"}, {"lastName", "Martin"}};
  expected["id"] = s.person.at("Alice Martin");
  EXPECT_EQ(edge.at("cursor").as_string(), cohort::storage::query::encode_cursor(expected));
  EXPECT_EQ(result.at("pageInfo").at("startCursor"), edge.at("cursor"));
  EXPECT_EQ(result.at("pageInfo").at("endCursor"), edge.at("cursor"));
  EXPECT_EQ(result.at("totalCount"), 10);

  // A numeric key keeps its JSON number; no orderBy means {"id": ...} only.
  auto by_position = page("{}", R"([{"position": "AscNullsFirst"}])");
  by_position.first = 1;
  auto first_by_position = people_page(by_position);
  auto decoded = cohort::storage::query::decode_cursor(
      first_by_position.at("edges").as_array().at(0).at("cursor").as_string());
  ASSERT_TRUE(decoded);
  EXPECT_TRUE(decoded->at("position").is_number());
  EXPECT_EQ(decoded->size(), 2u);
}

TEST(StorageQueryPaging, ForwardAcrossTiedCompositeKeysVisitsEveryRowOnce) {
  const auto order = R"([{"name": {"firstName": "AscNullsFirst"}}])";
  auto all = page("{}", order);
  all.first = 100;
  const auto expected = edge_ids(people_page(all));
  ASSERT_EQ(expected.size(), 10u);
  for (std::int64_t size : {1, 2, 3, 4}) {
    EXPECT_EQ(ids_page_by_page(order, size, true), expected) << "page size " << size;
  }
}

TEST(StorageQueryPaging, BackwardAcrossTiedKeysMirrorsForward) {
  const auto order = R"([{"city": "AscNullsFirst"}, {"name": {"firstName": "DescNullsLast"}}])";
  auto all = page("{}", order);
  all.first = 100;
  auto expected = edge_ids(people_page(all));
  std::reverse(expected.begin(), expected.end());
  std::vector<std::string> seen;
  std::optional<std::string> before;
  for (int guard = 0; guard < 20; ++guard) {
    auto p = page("{}", order);
    p.last = 3;
    p.before = before;
    auto result = people_page(p);
    // Twenty answers a backward page from its end: the nearest record to the cursor first.
    auto ids = edge_ids(result);
    seen.insert(seen.end(), ids.begin(), ids.end());
    const auto& info = result.at("pageInfo");
    EXPECT_FALSE(info.at("hasNextPage").as_bool());
    if (!info.at("hasPreviousPage").as_bool()) break;
    before = std::string(info.at("endCursor").as_string());
  }
  EXPECT_EQ(seen, expected);
}

TEST(StorageQueryPaging, NullKeysPageInBothDirections) {
  for (const char* direction :
       {"AscNullsFirst", "AscNullsLast", "DescNullsFirst", "DescNullsLast"}) {
    const std::string order = std::string(R"([{"employees": ")") + direction + "\"}]";
    auto node = record({field("id"), field("name")});
    auto all = page("{}", order);
    const auto expected = edge_ids(seed().env->ok(find_many("company", paged(node, all))));
    std::vector<std::string> seen;
    std::optional<std::string> after;
    for (int guard = 0; guard < 10; ++guard) {
      auto p = page("{}", order);
      p.first = 1;
      p.after = after;
      auto result = seed().env->ok(find_many("company", paged(node, p)));
      auto ids = edge_ids(result);
      seen.insert(seen.end(), ids.begin(), ids.end());
      if (!result.at("pageInfo").at("hasNextPage").as_bool()) break;
      after = std::string(result.at("pageInfo").at("endCursor").as_string());
    }
    EXPECT_EQ(seen, expected) << direction;
  }
}

TEST(StorageQueryPaging, OffsetEmptyPagesAndCaps) {
  const auto order =
      R"([{"name": {"firstName": "AscNullsFirst"}}, {"name": {"lastName": "AscNullsFirst"}}])";
  auto p = page("{}", order);
  p.first = 2;
  p.offset = 2;
  EXPECT_EQ(names(people_page(p)), (V{"Chloe Bernard", "David Petit"}));

  auto none = page(R"({"city": {"eq": "Nowhere"}})");
  auto empty = people_page(none);
  EXPECT_EQ(empty.at("edges").as_array().size(), 0u);
  EXPECT_TRUE(empty.at("pageInfo").at("startCursor").is_null());
  EXPECT_TRUE(empty.at("pageInfo").at("endCursor").is_null());
  EXPECT_FALSE(empty.at("pageInfo").at("hasNextPage").as_bool());
  EXPECT_EQ(empty.at("totalCount"), 0);

  auto huge = page();
  huge.first = 100000;  // capped, not refused
  EXPECT_EQ(edge_ids(people_page(huge)).size(), 10u);
  auto zero = page();
  zero.first = 0;
  auto z = people_page(zero);
  EXPECT_EQ(z.at("edges").as_array().size(), 0u);
  EXPECT_TRUE(z.at("pageInfo").at("hasNextPage").as_bool());
}

TEST(StorageQueryPaging, ConflictingArgumentsAndBadCursors) {
  const auto& env = *seed().env;
  auto error_for = [&](auto adjust) {
    auto p = page();
    adjust(p);
    return env.error(find_many("person", paged(person_node(), p)));
  };
  auto good = page();
  good.first = 1;
  const auto cursor = std::string(people_page(good).at("pageInfo").at("endCursor").as_string());
  auto e = error_for([](auto& p) { p.first = 1, p.last = 1; });
  EXPECT_EQ(e.message, "Cannot provide both first and last");
  EXPECT_EQ(e.sub_code, "ARGS_CONFLICT");
  e = error_for([&](auto& p) { p.before = cursor, p.after = cursor; });
  EXPECT_EQ(e.message, "Cannot provide both before and after");
  e = error_for([&](auto& p) { p.before = cursor, p.first = 1; });
  EXPECT_EQ(e.message, "Cannot provide both before and first");
  e = error_for([&](auto& p) { p.after = cursor, p.last = 1; });
  EXPECT_EQ(e.message, "Cannot provide both after and last");
  e = error_for([](auto& p) { p.first = -1; });
  EXPECT_EQ(e.sub_code, "INVALID_ARGS_FIRST");
  e = error_for([](auto& p) { p.last = -1; });
  EXPECT_EQ(e.sub_code, "INVALID_ARGS_LAST");
  e = error_for([](auto& p) { p.after = "garbage"; });
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  EXPECT_EQ(e.message, "Invalid cursor: garbage");
  EXPECT_EQ(e.sub_code, "INVALID_CURSOR");
  EXPECT_EQ(e.user_friendly_message, "An error occurred.");
  // A cursor from another order lacks this order's values.
  e = error_for([&](auto& p) {
    p.after = cursor;
    p.order_by = json(R"([{"city": "AscNullsFirst"}])").as_array();
  });
  EXPECT_EQ(e.message, "Invalid cursor");
  e = error_for([](auto& p) { p.order_by = json(R"([{"city": "Sideways"}])").as_array(); });
  EXPECT_EQ(e.sub_code, "INVALID_DIRECTION");
  e = error_for(
      [](auto& p) { p.order_by = json(R"([{"unknownField": "AscNullsFirst"}])").as_array(); });
  EXPECT_EQ(e.message, "Object person doesn't have any \"unknownField\" field.");
}
