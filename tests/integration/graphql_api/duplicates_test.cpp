// {s}Duplicates over HTTP: duplicates of existing records (ids) and of would-be records (data),
// by any group of the object's duplicate criteria, the record itself left out, one connection per
// input in input order; Twenty's argument errors.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "demo_server.hpp"
#include "remove_at_end.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

std::string create_person(demo_server& demo, const std::string& first, const std::string& last,
                          const std::string& email) {
  auto res = demo.post("mutation($data: PersonCreateInput!) { createPerson(data: $data) { id } }",
                       {{"data",
                         {{"name", {{"firstName", first}, {"lastName", last}}},
                          {"emails", {{"primaryEmail", email}}}}}});
  auto body = json::parse(res.body);
  return std::string(body.at("data").at("createPerson").at("id").as_string());
}

std::set<std::string> node_ids(const json::value& connection) {
  std::set<std::string> out;
  for (const auto& edge : connection.at("edges").as_array()) {
    out.insert(std::string(edge.at("node").at("id").as_string()));
  }
  return out;
}

const json::value& first_error(const json::value& body) {
  return body.at("errors").at(0);
}

}  // namespace

TEST(GraphqlDuplicates, ByIdsFindsEveryCriterionExceptTheRecordItselfInInputOrder) {
  remove_at_end cleanup{
      {"DELETE FROM {s}.person WHERE \"emailsPrimaryEmail\" LIKE '%@dup-ids.test'"}};
  auto& demo = demo_server::shared();
  const auto a = create_person(demo, "Zephyrine", "Quuxley", "zq@dup-ids.test");
  const auto same_name = create_person(demo, "Zephyrine", "Quuxley", "other@dup-ids.test");
  const auto same_name_too = create_person(demo, "Zephyrine", "Quuxley", "zq3@dup-ids.test");
  const auto unrelated = create_person(demo, "Wilhelmina", "Rosewood", "wr@dup-ids.test");
  const auto deleted = create_person(demo, "Zephyrine", "Quuxley", "gone@dup-ids.test");
  demo.post("mutation($id: UUID!) { deletePerson(id: $id) { id } }", {{"id", deleted}});

  auto res = demo.post(
      "query($ids: [UUID]) { personDuplicates(ids: $ids) { totalCount "
      "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } "
      "edges { cursor node { id name { firstName } } } } }",
      {{"ids", json::array{unrelated, a}}});
  ASSERT_EQ(res.status, 200u);
  auto body = json::parse(res.body);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  const auto& list = body.at("data").at("personDuplicates").as_array();
  ASSERT_EQ(list.size(), 2u) << res.body;
  // Input order: the unrelated record first, with no duplicates.
  EXPECT_EQ(list[0].at("totalCount").as_int64(), 0);
  EXPECT_TRUE(list[0].at("edges").as_array().empty());
  EXPECT_EQ(list[0].at("pageInfo").at("startCursor"), json::value(nullptr));
  // The same name; not the record itself, not the soft-deleted one.
  EXPECT_EQ(list[1].at("totalCount").as_int64(), 2);
  EXPECT_EQ(node_ids(list[1]), (std::set<std::string>{same_name, same_name_too}));
  EXPECT_EQ(list[1].at("pageInfo").at("hasNextPage"), json::value(false));
  EXPECT_TRUE(list[1].at("pageInfo").at("endCursor").is_string());
  EXPECT_EQ(list[1].at("edges").at(1).at("cursor"), list[1].at("pageInfo").at("endCursor"));
}

TEST(GraphqlDuplicates, ByDataMatchesWouldBeRecordsAndSkipsValuesShorterThanThree) {
  remove_at_end cleanup{
      {"DELETE FROM {s}.person WHERE \"emailsPrimaryEmail\" LIKE '%@dup-data.test'"}};
  auto& demo = demo_server::shared();
  const auto a = create_person(demo, "Barnabus", "Quillfeather", "bq@dup-data.test");
  create_person(demo, "Al", "Bo", "al1@dup-data.test");
  create_person(demo, "Al", "Bo", "al2@dup-data.test");

  auto res = demo.post(
      "query($data: [PersonCreateInput]) { personDuplicates(data: $data) { totalCount "
      "edges { node { id } } } }",
      json::parse(R"({"data": [{"name": {"firstName": "Barnabus", "lastName": "Quillfeather"}},
                               {"emails": {"primaryEmail": "bq@dup-data.test"}},
                               {"name": {"firstName": "Al", "lastName": "Bo"}}]})")
          .as_object());
  auto body = json::parse(res.body);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  const auto& list = body.at("data").at("personDuplicates").as_array();
  ASSERT_EQ(list.size(), 3u) << res.body;
  EXPECT_EQ(node_ids(list[0]), (std::set<std::string>{a}));
  // The e-mail alone is a criterion of its own.
  EXPECT_EQ(node_ids(list[1]), (std::set<std::string>{a}));
  // "Al" is too short to be evidence (Twenty's three-character minimum).
  EXPECT_EQ(list[2].at("totalCount").as_int64(), 0);
}

TEST(GraphqlDuplicates, CompaniesByName) {
  remove_at_end cleanup{{"DELETE FROM {s}.company WHERE name LIKE 'Dupcheck %'"}};
  auto& demo = demo_server::shared();
  auto make = [&](const std::string& name, const std::string& url) {
    auto res =
        demo.post("mutation($data: CompanyCreateInput!) { createCompany(data: $data) { id } }",
                  {{"data", {{"name", name}, {"domainName", {{"primaryLinkUrl", url}}}}}});
    return std::string(json::parse(res.body).at("data").at("createCompany").at("id").as_string());
  };
  const auto a = make("Dupcheck Holdings", "https://dupcheck-one.example");
  const auto b = make("Dupcheck Holdings", "https://dupcheck-two.example");
  make("Dupcheck Other", "https://dupcheck-three.example");
  auto res =
      demo.post("query($ids: [UUID]) { companyDuplicates(ids: $ids) { edges { node { id } } } }",
                {{"ids", json::array{a}}});
  auto body = json::parse(res.body);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  EXPECT_EQ(node_ids(body.at("data").at("companyDuplicates").at(0)), (std::set<std::string>{b}));
}

TEST(GraphqlDuplicates, ArgumentErrorsAreTwentys) {
  auto& demo = demo_server::shared();
  struct expectation {
    std::string query;
    std::string message;
  };
  const std::vector<expectation> cases = {
      {"query { personDuplicates { totalCount } }",
       "You have to provide either \"data\" or \"ids\" argument"},
      {"query { personDuplicates(ids: [], data: []) { totalCount } }",
       "You cannot provide both \"data\" and \"ids\" arguments"},
      {"query { personDuplicates(data: []) { totalCount } }",
       "The \"data\" condition can not be empty when \"ids\" input not provided"},
  };
  for (const auto& c : cases) {
    auto res = demo.post(c.query);
    ASSERT_EQ(res.status, 200u);
    auto body = json::parse(res.body);
    EXPECT_EQ(body.at("data").at("personDuplicates"), json::value(nullptr)) << res.body;
    const auto& error = first_error(body);
    EXPECT_EQ(error.at("message"), json::value(c.message)) << c.query;
    EXPECT_EQ(error.at("extensions").at("code"), json::value("BAD_USER_INPUT"));
    EXPECT_EQ(error.at("extensions").at("subCode"), json::value("INVALID_QUERY_INPUT"));
  }
  // Empty ids: no sources, an empty list (as Twenty answers).
  auto body = json::parse(demo.post("query { personDuplicates(ids: []) { totalCount } }").body);
  EXPECT_EQ(body.at("data").at("personDuplicates"), json::array()) << body;
}
