// The embedded server under a data directory: first start with initdb, restart, a second Cohort
// refused, recovery after the owner was killed, and clear errors.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include <gtest/gtest.h>

#include "fixtures/process.hpp"
#include "fixtures/temp_dir.hpp"
#include "pool_test_support.hpp"
#include "storage/embedded/embedded_postgres.hpp"
#include "storage/embedded/stale_postmaster.hpp"

namespace emb = cohort::storage::embedded;
namespace pg = cohort::storage::pg;
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using cohort::storage::testing::options_for;

namespace {

emb::embedded_options options_in(const fs::path& dir) {
  emb::embedded_options options;
  options.data_dir = dir;
  options.shared_buffers = "16MB";
  options.fsync = false;
  return options;
}

std::string select_one(const std::string& conninfo) {
  auto pool = pg::pool::create(options_for(conninfo));
  auto outcome = pool->query_sync("SELECT 'alive'");
  return outcome.ok() ? std::string(outcome.get(0, 0)) : pg::describe(outcome.error());
}

}  // namespace

TEST(EmbeddedPostgres, FirstStartInitialisesLaterStartsAreFast) {
  cohort::testing::temp_dir dir;
  auto data = dir.path() / "data";
  {
    emb::embedded_postgres server(options_in(data));
    auto error = server.start();
    ASSERT_FALSE(error) << error->message;
    EXPECT_TRUE(server.last_start().ran_initdb);
    EXPECT_TRUE(fs::exists(data / "postgres" / "PG_VERSION"));
    EXPECT_TRUE(fs::exists(data / "run" / ".s.PGSQL.5432"));
    EXPECT_EQ(select_one(server.conninfo()), "alive");
    std::cout << "[ measure ] embedded first start (initdb + start): "
              << server.last_start().total_time.count() << " ms, initdb "
              << server.last_start().initdb_time.count() << " ms\n";
    EXPECT_LT(server.last_start().total_time, 20s);
    server.stop();
    EXPECT_FALSE(server.running());
    EXPECT_FALSE(fs::exists(data / "postgres" / "postmaster.pid"));  // a clean shutdown

    error = server.start();  // restart in the same process
    ASSERT_FALSE(error) << error->message;
    EXPECT_FALSE(server.last_start().ran_initdb);
    EXPECT_EQ(select_one(server.conninfo()), "alive");
  }
  emb::embedded_postgres again(options_in(data));
  auto error = again.start();
  ASSERT_FALSE(error) << error->message;
  EXPECT_FALSE(again.last_start().ran_initdb);
  std::cout << "[ measure ] embedded later start: " << again.last_start().total_time.count()
            << " ms\n";
  EXPECT_LT(again.last_start().total_time, 5s);
  EXPECT_EQ(select_one(again.conninfo()), "alive");
}

TEST(EmbeddedPostgres, ListensOnlyOnItsUnixSocket) {
  cohort::testing::temp_dir dir;
  emb::embedded_postgres server(options_in(dir.path() / "data"));
  ASSERT_FALSE(server.start());
  auto pool = pg::pool::create(options_for(server.conninfo()));
  auto shown = pool->query_sync(
      "SELECT current_setting('listen_addresses'), current_setting('unix_socket_directories'), "
      "current_setting('server_encoding'), current_setting('lc_collate'), current_user");
  ASSERT_TRUE(shown.ok()) << pg::describe(shown.error());
  EXPECT_EQ(shown.get(0, 0), "");
  EXPECT_EQ(shown.get(0, 1), server.socket_dir().string());
  EXPECT_EQ(shown.get(0, 2), "UTF8");
  EXPECT_EQ(shown.get(0, 3), "C");
  EXPECT_EQ(shown.get(0, 4), "postgres");
}

TEST(EmbeddedPostgres, ASecondInstanceOnTheSameDirectoryIsRefused) {
  cohort::testing::temp_dir dir;
  emb::embedded_postgres first(options_in(dir.path() / "data"));
  ASSERT_FALSE(first.start());
  emb::embedded_postgres second(options_in(dir.path() / "data"));
  auto error = second.start();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, emb::embedded_errc::already_running);
  EXPECT_NE(error->message.find("in use by another Cohort"), std::string::npos) << error->message;
  EXPECT_NE(error->message.find(std::to_string(getpid())), std::string::npos) << error->message;
  EXPECT_EQ(select_one(first.conninfo()), "alive");  // the first one is untouched
}

// Runs in a child copy of this test binary (see OrphanedServerOfAKilledOwnerIsStopped): starts
// the embedded server, says so, and waits to be killed.
TEST(EmbeddedPostgresOwner, RunUntilKilled) {
  const char* dir = std::getenv("COHORT_TEST_EMBEDDED_OWNER_DIR");
  if (!dir) GTEST_SKIP() << "only runs as the child of another test";
  auto* server = new emb::embedded_postgres(options_in(dir));  // never destroyed: we get killed
  auto error = server->start();
  if (error) {
    std::cout << "FAILED " << error->message << std::endl;
    std::_Exit(1);
  }
  std::cout << "READY " << server->pid() << std::endl;
  for (;;) pause();
}

TEST(EmbeddedPostgres, OrphanedServerOfAKilledOwnerIsStoppedAndReplaced) {
  cohort::testing::temp_dir dir;
  auto data = dir.path() / "data";
  cohort::testing::process_options spec;
  spec.args = {fs::read_symlink("/proc/self/exe").string(),
               "--gtest_filter=EmbeddedPostgresOwner.RunUntilKilled"};
  spec.env = {{"COHORT_TEST_EMBEDDED_OWNER_DIR", data.string()}};
  cohort::testing::process owner(spec);
  ASSERT_TRUE(owner.wait_for_output("READY", 60s)) << owner.output();
  auto ready = owner.output();
  pid_t orphan = std::stoi(ready.substr(ready.find("READY ") + 6));

  owner.signal(SIGKILL);  // Cohort crashes; its postgres lives on
  ASSERT_EQ(owner.wait(10s), 128 + SIGKILL);
  std::this_thread::sleep_for(100ms);
  ASSERT_TRUE(emb::is_postmaster_of(orphan, data / "postgres"));

  emb::embedded_postgres next(options_in(data));
  auto error = next.start();
  ASSERT_FALSE(error) << error->message;
  EXPECT_EQ(next.last_start().stopped_orphan, orphan);
  EXPECT_NE(next.pid(), orphan);
  EXPECT_FALSE(emb::is_postmaster_of(orphan, data / "postgres"));
  EXPECT_EQ(select_one(next.conninfo()), "alive");
}

TEST(EmbeddedPostgres, StalePidFileNamingAnotherProcessIsIgnored) {
  cohort::testing::temp_dir dir;
  auto data = dir.path() / "data";
  {
    emb::embedded_postgres server(options_in(data));
    ASSERT_FALSE(server.start());
  }
  // A crash left postmaster.pid behind and the pid now belongs to an unrelated live process.
  cohort::testing::process unrelated(std::vector<std::string>{"sleep", "30"});
  std::ofstream(data / "postgres" / "postmaster.pid") << unrelated.pid() << "\n"
                                                      << (data / "postgres").string() << "\n";
  emb::embedded_postgres server(options_in(data));
  auto error = server.start();
  ASSERT_FALSE(error) << error->message;
  EXPECT_FALSE(server.last_start().stopped_orphan);
  EXPECT_TRUE(unrelated.running());
  EXPECT_EQ(select_one(server.conninfo()), "alive");
}

TEST(EmbeddedPostgres, StalePidFileOfADeadProcessIsCleared) {
  cohort::testing::temp_dir dir;
  auto data = dir.path() / "data";
  {
    emb::embedded_postgres server(options_in(data));
    ASSERT_FALSE(server.start());
  }
  pid_t dead;
  {
    cohort::testing::process gone(std::vector<std::string>{"true"});
    ASSERT_EQ(gone.wait(10s), 0);
    dead = gone.pid();
  }
  std::ofstream(data / "postgres" / "postmaster.pid") << dead << "\n"
                                                      << (data / "postgres").string() << "\n";
  emb::embedded_postgres server(options_in(data));
  auto error = server.start();
  ASSERT_FALSE(error) << error->message;
  EXPECT_FALSE(server.last_start().stopped_orphan);
  EXPECT_EQ(select_one(server.conninfo()), "alive");
}

TEST(EmbeddedPostgres, ABadSettingFailsWithTheEndOfTheServerLog) {
  cohort::testing::temp_dir dir;
  auto options = options_in(dir.path() / "data");
  options.settings = {{"work_mem", "plenty"}};
  emb::embedded_postgres server(options);
  auto error = server.start();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, emb::embedded_errc::start_failed);
  EXPECT_NE(error->message.find("work_mem"), std::string::npos) << error->message;
  EXPECT_NE(error->message.find("postgres.log"), std::string::npos) << error->message;
  EXPECT_FALSE(server.running());
}

TEST(EmbeddedPostgres, InitdbFailureShowsItsOutput) {
  cohort::testing::temp_dir dir;
  auto bin = dir.path() / "bin";
  fs::create_directories(bin);
  for (const char* name : {"initdb", "postgres"}) {
    std::ofstream(bin / name) << "#!/bin/sh\necho \"initdb: error: the disk is on fire\" >&2\n"
                              << "exit 1\n";
    fs::permissions(bin / name, fs::perms::owner_all | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
  }
  auto options = options_in(dir.path() / "data");
  options.bin_dir = bin;
  emb::embedded_postgres server(options);
  auto error = server.start();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, emb::embedded_errc::initdb_failed);
  EXPECT_NE(error->message.find("the disk is on fire"), std::string::npos) << error->message;
  EXPECT_NE(error->message.find("exited with code 1"), std::string::npos) << error->message;
  EXPECT_FALSE(fs::exists(dir.path() / "data" / "postgres"));  // no half-made cluster
}

TEST(EmbeddedPostgres, AsRootADirectoryThePostgresUserCannotEnterIsReported) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root";
  cohort::testing::temp_dir dir;
  auto closed = dir.path() / "closed";
  fs::create_directory(closed);
  fs::permissions(closed, fs::perms::owner_all);  // 0700 root: postgres cannot enter
  emb::embedded_postgres server(options_in(closed / "data"));
  auto error = server.start();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, emb::embedded_errc::data_dir_not_traversable);
  EXPECT_NE(error->message.find(closed.string()), std::string::npos) << error->message;
}
