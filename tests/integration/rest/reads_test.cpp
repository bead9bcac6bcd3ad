// REST reads over real HTTP: GET /rest/{plural} (envelope, totalCount, pageInfo, default order by
// id, order_by, limit, paging forward with starting_after and backward with ending_before) and
// GET /rest/{plural}/{id}, at depth 0 and 1.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <vector>

#include "rest_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

// Five people in a city of their own, created once; their ids in ascending order.
const std::vector<std::string>& pagetown_ids() {
  static const std::vector<std::string> ids = [] {
    auto& rest = rest_server::shared();
    std::string body = "[";
    const char* names[] = {"Eve", "Cal", "Ada", "Bob", "Dan"};
    for (int i = 0; i < 5; ++i) {
      if (i) body += ",";
      body += R"({"name":{"firstName":")" + std::string(names[i]) +
              R"(","lastName":"Page"},"city":"Pagetown","emails":{"primaryEmail":"page)" +
              std::to_string(i) + R"(@r.example"}})";
    }
    auto res = rest.call("POST", "/rest/batch/people", body + "]");
    EXPECT_EQ(res.status, 201u) << res.text;
    std::vector<std::string> out;
    for (const auto& p : res.body.at("data").at("createPeople").as_array())
      out.emplace_back(p.at("id").as_string());
    std::sort(out.begin(), out.end());
    return out;
  }();
  return ids;
}

const std::string in_pagetown = "filter=" + url_encode("city[eq]:Pagetown");

std::vector<std::string> ids_of(const rest_answer& res) {
  std::vector<std::string> out;
  for (const auto& p : res.body.at("data").at("people").as_array())
    out.emplace_back(p.at("id").as_string());
  return out;
}

}  // namespace

TEST(RestReads, FindManyAnswersTheEnvelopeOrderedById) {
  auto& rest = rest_server::shared();
  const auto& all = pagetown_ids();
  auto res = rest.get("/rest/people?" + in_pagetown + "&limit=2");
  ASSERT_EQ(res.status, 200u) << res.text;
  EXPECT_EQ(ids_of(res), (std::vector<std::string>{all[0], all[1]}));
  EXPECT_EQ(res.body.at("totalCount"), json::value(5));
  const auto& info = res.body.at("pageInfo").as_object();
  EXPECT_EQ(info.at("hasNextPage"), json::value(true));
  EXPECT_TRUE(info.at("startCursor").is_string());
  EXPECT_TRUE(info.at("endCursor").is_string());
  EXPECT_FALSE(info.contains("hasPreviousPage")) << "only a backward page tells it";
  const auto& person = res.body.at("data").at("people").at(0).as_object();
  EXPECT_TRUE(person.contains("companyId"));
  EXPECT_FALSE(person.contains("company")) << "depth 0 embeds no relation";
}

TEST(RestReads, StartingAfterPagesForwardToTheEnd) {
  auto& rest = rest_server::shared();
  const auto& all = pagetown_ids();
  std::vector<std::string> seen;
  std::string target = "/rest/people?" + in_pagetown + "&limit=2";
  for (int page = 0; page < 3; ++page) {
    auto res = rest.get(target);
    ASSERT_EQ(res.status, 200u) << res.text;
    for (auto& id : ids_of(res)) seen.push_back(id);
    bool more = res.body.at("pageInfo").at("hasNextPage").as_bool();
    EXPECT_EQ(more, page < 2);
    target = "/rest/people?" + in_pagetown + "&limit=2&starting_after=" +
             url_encode(res.body.at("pageInfo").at("endCursor").as_string());
  }
  EXPECT_EQ(seen, all);
}

TEST(RestReads, EndingBeforePagesBackward) {
  auto& rest = rest_server::shared();
  const auto& all = pagetown_ids();
  auto second = rest.get("/rest/people?" + in_pagetown + "&limit=2&starting_after=" +
                         url_encode(rest.get("/rest/people?" + in_pagetown + "&limit=2")
                                        .body.at("pageInfo")
                                        .at("endCursor")
                                        .as_string()));
  ASSERT_EQ(second.status, 200u) << second.text;
  EXPECT_EQ(ids_of(second), (std::vector<std::string>{all[2], all[3]}));
  auto back = rest.get("/rest/people?" + in_pagetown + "&limit=2&ending_before=" +
                       url_encode(second.body.at("pageInfo").at("startCursor").as_string()));
  ASSERT_EQ(back.status, 200u) << back.text;
  EXPECT_EQ(ids_of(back), (std::vector<std::string>{all[0], all[1]}));
  EXPECT_EQ(back.body.at("pageInfo").at("hasPreviousPage"), json::value(false));
}

TEST(RestReads, OrderByCompositeSubfieldAndDirection) {
  auto& rest = rest_server::shared();
  pagetown_ids();
  auto res = rest.get("/rest/people?" + in_pagetown +
                      "&order_by=" + url_encode("name.firstName[DescNullsLast]"));
  ASSERT_EQ(res.status, 200u) << res.text;
  std::vector<std::string> names;
  for (const auto& p : res.body.at("data").at("people").as_array())
    names.emplace_back(p.at("name").at("firstName").as_string());
  EXPECT_EQ(names, (std::vector<std::string>{"Eve", "Dan", "Cal", "Bob", "Ada"}));
  // Without a direction: AscNullsFirst; two keys.
  res = rest.get("/rest/people?" + in_pagetown + "&order_by=" + url_encode("city,name.firstName"));
  ASSERT_EQ(res.status, 200u) << res.text;
  EXPECT_EQ(res.body.at("data").at("people").at(0).at("name").at("firstName"), json::value("Ada"));
}

TEST(RestReads, LimitZeroAnswersNoRecordButTheCount) {
  auto& rest = rest_server::shared();
  pagetown_ids();
  auto res = rest.get("/rest/people?" + in_pagetown + "&limit=0");
  ASSERT_EQ(res.status, 200u) << res.text;
  EXPECT_TRUE(res.body.at("data").at("people").as_array().empty());
  EXPECT_EQ(res.body.at("totalCount"), json::value(5));
}

TEST(RestReads, FindOneAtDepthZeroAndOne) {
  auto& rest = rest_server::shared();
  auto company =
      rest.call("POST", "/rest/companies",
                R"({"name":"Read Corp","domainName":{"primaryLinkUrl":"https://read.example"}})");
  ASSERT_EQ(company.status, 201u) << company.text;
  std::string company_id(company.body.at("data").at("createCompany").at("id").as_string());
  auto person =
      rest.call("POST", "/rest/people",
                R"({"name":{"firstName":"Reed"},"emails":{"primaryEmail":"reed@r.example"},)"
                R"("companyId":")" +
                    company_id + R"("})");
  ASSERT_EQ(person.status, 201u) << person.text;
  std::string id(person.body.at("data").at("createPerson").at("id").as_string());

  auto flat = rest.get("/rest/people/" + id);
  ASSERT_EQ(flat.status, 200u) << flat.text;
  EXPECT_EQ(flat.body.at("data").at("person").at("id"), json::value(id));
  EXPECT_EQ(flat.body.at("data").at("person").at("companyId"), json::value(company_id));
  EXPECT_FALSE(flat.body.at("data").at("person").as_object().contains("company"));

  auto deep = rest.get("/rest/people/" + id + "?depth=1");
  ASSERT_EQ(deep.status, 200u) << deep.text;
  const auto& p = deep.body.at("data").at("person");
  EXPECT_EQ(p.at("company").at("name"), json::value("Read Corp"));
  EXPECT_TRUE(p.at("pointOfContactForOpportunities").as_array().empty());

  // A company at depth 1 lists its people as a plain array.
  auto listed = rest.get("/rest/companies/" + company_id + "?depth=1");
  ASSERT_EQ(listed.status, 200u) << listed.text;
  const auto& people = listed.body.at("data").at("company").at("people").as_array();
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].at("id"), json::value(id));
  EXPECT_EQ(listed.body.at("data").at("company").at("accountOwner"), json::value(nullptr));
}

TEST(RestReads, FindManyAtDepthOneEmbedsRelationsInEveryRecord) {
  auto& rest = rest_server::shared();
  auto res = rest.get("/rest/companies?depth=1&limit=2");
  ASSERT_EQ(res.status, 200u) << res.text;
  for (const auto& c : res.body.at("data").at("companies").as_array()) {
    EXPECT_TRUE(c.at("people").is_array());
    EXPECT_TRUE(c.at("opportunities").is_array());
    EXPECT_TRUE(c.as_object().contains("accountOwner"));
  }
}
