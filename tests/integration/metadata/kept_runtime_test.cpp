// The API actors keep each workspace's runtime between requests (api/workspace_runtime_cache)
// instead of asking the workspace actor every time: a metadata change must still be in the schema
// of the very next /graphql (and /rest) request, whichever API actor serves it (the router
// alternates them).
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "integration_support/sql_session.hpp"
#include "metadata_server.hpp"

using namespace cohort::testing;

TEST(MetadataKeptRuntimes, AFieldCreatedIsSeenByTheNextRequestOnEveryApiActor) {
  auto& s = metadata_server::shared();
  const std::string before = "{ people(first: 1) { edges { node { id } } } }";
  // Every API actor has the current runtime in hand.
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(s.data(before, {}, "/graphql").is_null());
  auto person = s.object_id("person");
  ASSERT_FALSE(
      s.create_field(person, {{"type", "TEXT"}, {"name", "pagerNumber"}, {"label", "Pager"}})
          .empty());
  const std::string after = "{ people(first: 1) { edges { node { id pagerNumber } } } }";
  for (int i = 0; i < 4; ++i) {
    auto d = s.data(after, {}, "/graphql");
    ASSERT_FALSE(d.is_null()) << "request " << i << " after the change ran on an old schema";
  }
}

TEST(MetadataKeptRuntimes, AFieldDeactivatedIsGoneFromTheNextRequestOnEveryApiActor) {
  auto& s = metadata_server::shared();
  auto person = s.object_id("person");
  auto id = s.create_field(person, {{"type", "TEXT"}, {"name", "faxNumber"}, {"label", "Fax"}});
  ASSERT_FALSE(id.empty());
  const std::string query = "{ people(first: 1) { edges { node { id faxNumber } } } }";
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(s.data(query, {}, "/graphql").is_null());
  ASSERT_FALSE(s.update_field(id, {{"isActive", false}}).empty());
  for (int i = 0; i < 4; ++i) {
    auto error = s.first_error(query, {}, "/graphql");
    ASSERT_TRUE(error.contains("message")) << "request " << i << " ran on an old schema";
    EXPECT_NE(error.at("message").as_string().find("faxNumber"), std::string::npos)
        << "request " << i << ": " << boost::json::serialize(error);
  }
}

TEST(MetadataKeptRuntimes, AFieldCreatedIsInTheNextRestAnswerOnEveryApiActor) {
  auto& s = metadata_server::shared();
  for (int i = 0; i < 4; ++i) ASSERT_EQ(s.rest("GET", "/rest/people?limit=1").status, 200u);
  auto person = s.object_id("person");
  ASSERT_FALSE(
      s.create_field(person, {{"type", "TEXT"}, {"name", "mopedPlate"}, {"label", "Moped plate"}})
          .empty());
  // REST answers every readable field of a record: the new one is there, null, from now on.
  for (int i = 0; i < 4; ++i) {
    auto res = s.rest("GET", "/rest/people?limit=1");
    ASSERT_EQ(res.status, 200u) << res.body;
    EXPECT_NE(res.body.find("\"mopedPlate\""), std::string::npos)
        << "request " << i << " after the change ran on an old model: " << res.body;
  }
}

TEST(MetadataKeptRuntimes, ARuntimeStillInUseIsNotServedAfterTheChange) {
  // A request still running keeps the old runtime alive, so an API actor's weak reference to it
  // does not expire: only the runtime's superseded flag tells that API actor to ask again. The
  // request is an updateCompany waiting for a row lock the test holds (the field is added to
  // person, so its ALTER TABLE does not wait for that request).
  auto& s = metadata_server::shared();
  const std::string company = std::string(
      s.sql("SELECT id FROM {s}.company WHERE \"deletedAt\" IS NULL ORDER BY id LIMIT 1")
          .get(0, 0));
  ASSERT_FALSE(company.empty());
  for (int i = 0; i < 4; ++i) {
    ASSERT_FALSE(
        s.data("{ people(first: 1) { edges { node { id } } } }", {}, "/graphql").is_null());
  }
  cohort::testing::sql_session blocker(s.pool->options().conninfo);
  ASSERT_TRUE(blocker.ok());
  blocker.run("BEGIN");
  blocker.run("SELECT id FROM \"" + s.schema + "\".company WHERE id = '" + company +
              "' FOR UPDATE");
  auto held = std::async(std::launch::async, [&] {
    return s.post(
        "mutation($id: UUID!) { updateCompany(id: $id, data: { name: \"Held\" }) { id } }",
        {{"id", company}}, "/graphql");
  });
  if (!s.wait_sql("SELECT count(*) > 0 FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                  "AND datname = current_database()")) {
    blocker.run("COMMIT");
    FAIL() << "the update did not wait for the lock: " << held.get().body;
  }
  auto person = s.object_id("person");
  const bool created =
      !s.create_field(person, {{"type", "TEXT"}, {"name", "beeperCode"}, {"label", "Beeper"}})
           .empty();
  std::vector<std::string> stale;
  for (int i = 0; created && i < 4; ++i) {
    auto res = s.post("{ people(first: 1) { edges { node { id beeperCode } } } }", {}, "/graphql");
    if (res.body.find("\"errors\"") != std::string::npos) stale.push_back(res.body);
  }
  blocker.run("COMMIT");
  auto answer = held.get();
  EXPECT_NE(answer.body.find(company), std::string::npos) << answer.body;
  ASSERT_TRUE(created);
  EXPECT_TRUE(stale.empty()) << stale.size() << " of 4 requests ran on the old schema, e.g. "
                             << stale.front();
}
