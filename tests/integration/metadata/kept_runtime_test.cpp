// The API actors keep each workspace's runtime between requests (api/workspace_runtime_cache)
// instead of asking the workspace actor every time: a metadata change must still be in the schema
// of the very next /graphql (and /rest) request, whichever API actor serves it (the router
// alternates them).
#include <gtest/gtest.h>

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
