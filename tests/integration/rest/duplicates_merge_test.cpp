// POST /rest/{p}/duplicates and PATCH /rest/{p}/merge: the same statements as the GraphQL
// {s}Duplicates and merge{P}, answered in REST's envelopes, with the body errors REST refuses.
#include <gtest/gtest.h>

#include "rest_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

std::string create_person(rest_server& rest, const std::string& body) {
  auto created = rest.call("POST", "/rest/people", body);
  EXPECT_EQ(created.status, 201u) << created.text;
  return std::string(created.body.at("data").at("createPerson").at("id").as_string());
}

}  // namespace

TEST(RestDuplicatesAndMerge, DuplicatesListsOneConnectionPerInputRecord) {
  auto& rest = rest_server::shared();
  const std::string a = create_person(
      rest,
      R"({"name":{"firstName":"Dupont","lastName":"Twin"},"emails":{"primaryEmail":"dt@d.example"}})");
  const std::string b =
      create_person(rest, R"({"name":{"firstName":"Dupont","lastName":"Twin"},"city":"Ghent"})");

  auto found = rest.call("POST", "/rest/people/duplicates", R"({"ids":[")" + a + R"("]})");
  ASSERT_EQ(found.status, 200u) << found.text;
  const auto& entries = found.body.at("data").as_array();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].at("totalCount"), json::value(1));
  const auto& twins = entries[0].at("personDuplicates").as_array();
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].at("id"), json::value(b));
  EXPECT_EQ(twins[0].at("city"), json::value("Ghent"));

  // A would-be record is matched the same way.
  auto would_be = rest.call("POST", "/rest/people/duplicates",
                            R"({"data":[{"name":{"firstName":"Dupont","lastName":"Twin"}}]})");
  ASSERT_EQ(would_be.status, 200u) << would_be.text;
  EXPECT_EQ(would_be.body.at("data").at(0).at("totalCount"), json::value(2));
}

TEST(RestDuplicatesAndMerge, MergeKeepsThePriorityRecordAndDryRunWritesNothing) {
  auto& rest = rest_server::shared();
  const std::string keep = create_person(
      rest,
      R"({"name":{"firstName":"Mergy","lastName":"One"},"emails":{"primaryEmail":"m1@m.example"}})");
  const std::string other = create_person(
      rest, R"({"name":{"firstName":"Mergy","lastName":"Two"},"jobTitle":"Founder"})");
  const std::string body =
      R"({"ids":[")" + keep + R"(",")" + other + R"("],"conflictPriorityIndex":0)";

  auto dry = rest.call("PATCH", "/rest/people/merge", body + R"(,"dryRun":true})");
  ASSERT_EQ(dry.status, 200u) << dry.text;
  EXPECT_EQ(dry.body.at("data").at("mergePerson").at("jobTitle"), json::value("Founder"));
  auto live = rest.sql("SELECT count(*) FROM {s}.person WHERE id IN ('" + keep + "', '" + other +
                       "') AND \"deletedAt\" IS NULL");
  ASSERT_TRUE(live.ok());
  EXPECT_EQ(live.get(0, 0), "2") << "a dry run writes nothing";

  auto merged = rest.call("PATCH", "/rest/people/merge", body + "}");
  ASSERT_EQ(merged.status, 200u) << merged.text;
  const auto& person = merged.body.at("data").at("mergePerson");
  EXPECT_EQ(person.at("id"), json::value(keep));
  EXPECT_EQ(person.at("name").at("lastName"), json::value("One"));
  EXPECT_EQ(person.at("jobTitle"), json::value("Founder"));
  auto rows = rest.sql(
      "SELECT \"jobTitle\", (SELECT \"deletedAt\" IS NOT NULL FROM {s}.person "
      "WHERE id = '" +
      other + "') FROM {s}.person WHERE id = '" + keep + "'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "Founder");
  EXPECT_EQ(rows.get(0, 1), "t") << "the absorbed record is soft-deleted";
}

TEST(RestDuplicatesAndMerge, BadBodiesAreRefusedWithTwentysEnvelope) {
  auto& rest = rest_server::shared();
  auto not_list = rest.call("PATCH", "/rest/people/merge", R"({"ids":"x"})");
  EXPECT_EQ(not_list.status, 400u);
  EXPECT_EQ(not_list.body.at("error"), json::value("BadRequestException"));
  EXPECT_EQ(not_list.body.at("messages").at(0),
            json::value("\"ids\" must be an array of record ids"));

  auto neither = rest.call("POST", "/rest/people/duplicates", "{}");
  EXPECT_EQ(neither.status, 400u);
  EXPECT_EQ(neither.body.at("messages").at(0),
            json::value("You have to provide either \"data\" or \"ids\" argument"));

  auto not_json = rest.call("POST", "/rest/people/duplicates", "{ids");
  EXPECT_EQ(not_json.status, 400u) << not_json.text;

  auto unknown = rest.call("PATCH", "/rest/unicorns/merge", R"({"ids":[]})");
  EXPECT_EQ(unknown.status, 400u) << unknown.text;
}
