// deleteUser's last-admin rule holds under concurrency: the last two Admins of a workspace with
// other members delete themselves at the same moment, and exactly one wins. The test makes the
// race certain: its own connection locks the workspace's Admin role targets, both requests are
// sent and wait on that lock inside their transactions, then the lock is released.
#include <future>
#include <thread>

#include "integration/authgaps/authgaps_env.hpp"
#include "integration_support/sql_session.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::authgaps_env;
using cohort::testing::first_error;
using cohort::testing::first_error_of;
using cohort::testing::sql_session;
using cohort::testing::text_at;
using cohort::testing::text_or;

constexpr const char* admin_standard_id = "20202020-0001-0001-0001-000000000001";

json::value delete_user(const std::string& access) {
  return authgaps_env::shared().metadata("mutation { deleteUser { id email } }", {}, access);
}

TEST(DeleteUserRace, OfTheLastTwoAdminsDeletingThemselvesAtOnceExactlyOneWins) {
  auto& e = authgaps_env::shared();
  // Addresses of this run only (the test may be repeated on one server).
  static int run = 0;
  std::string tag = std::to_string(++run);
  auto owner = e.ws->create("race.owner" + tag + "@authgaps.test", "Race");
  auto second = e.join_by_invite_link("race.second" + tag + "@authgaps.test", owner.id);
  auto member = e.join_by_invite_link("race.member" + tag + "@authgaps.test", owner.id);
  ASSERT_FALSE(owner.access.empty());
  ASSERT_FALSE(second.access.empty());
  ASSERT_FALSE(member.access.empty());
  // The second user becomes an Admin too: two Admins and one Member.
  std::string admin_role = e.ws->sql("SELECT id FROM core.role WHERE workspace_id = '" + owner.id +
                                     "' AND standard_id = '" + admin_standard_id + "'");
  e.ws->sql("UPDATE core.role_target SET role_id = '" + admin_role +
            "' WHERE user_workspace_id = '" + second.user_workspace_id + "' RETURNING id");
  auto admins = [&] {
    return e.ws->sql(
        "SELECT count(*) FROM core.role_target t JOIN core.user_workspace uw ON uw.id = "
        "t.user_workspace_id AND uw.deleted_at IS NULL WHERE t.workspace_id = '" +
        owner.id + "' AND t.role_id = '" + admin_role + "'");
  };
  ASSERT_EQ(admins(), "2");

  sql_session blocker(e.ws->server_env().at("PG_DATABASE_URL"));
  ASSERT_TRUE(blocker.ok());
  blocker.run("BEGIN");
  blocker.run("SELECT count(*) FROM (SELECT id FROM core.role_target WHERE workspace_id = '" +
              owner.id + "' FOR UPDATE) locked");

  auto first_call = std::async(std::launch::async, [&] { return delete_user(owner.access); });
  auto second_call = std::async(std::launch::async, [&] { return delete_user(second.access); });
  // Both deletions are inside their transactions, waiting for the test's lock.
  sql_session watcher(e.ws->server_env().at("PG_DATABASE_URL"));
  for (int i = 0; i < 600; ++i) {
    if (watcher.run("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database() AND query LIKE '%core.role_target%'") == "2")
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  blocker.run("COMMIT");

  auto answers = std::array{first_call.get(), second_call.get()};
  int deleted = 0, refused = 0;
  for (const auto& a : answers) {
    if (!text_or(a, "/data/deleteUser/id").empty()) {
      ++deleted;
    } else {
      ++refused;
      EXPECT_EQ(first_error_of(a), (first_error{"Cannot delete account: user is the unique admin "
                                                "of a workspace",
                                                "FORBIDDEN", "CANNOT_DELETE_LAST_ADMIN_USER"}))
          << json::serialize(a);
    }
  }
  EXPECT_EQ(deleted, 1);
  EXPECT_EQ(refused, 1);
  // The workspace keeps one Admin, and both other members.
  EXPECT_EQ(admins(), "1");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.user_workspace WHERE workspace_id = '" + owner.id +
                      "' AND deleted_at IS NULL"),
            "2");
}

}  // namespace
