// Start-up checks of the embedded server that need no PostgreSQL: paths, locks, binaries.
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "fixtures/temp_dir.hpp"
#include "storage/embedded/data_dir_lock.hpp"
#include "storage/embedded/embedded_postgres.hpp"
#include "storage/embedded/postgres_binaries.hpp"
#include "storage/embedded/stale_postmaster.hpp"

namespace emb = cohort::storage::embedded;
namespace fs = std::filesystem;

TEST(EmbeddedChecks, SocketPathLimitIs107Bytes) {
  const std::string suffix = "/run/.s.PGSQL.5432";  // 18 bytes after the data directory
  std::string fits = "/" + std::string(107 - suffix.size() - 1, 'a');
  std::string too_long = fits + "b";
  EXPECT_EQ((fits + suffix).size(), 107u);
  EXPECT_TRUE(emb::socket_path_fits(fits));
  EXPECT_FALSE(emb::socket_path_fits(too_long));
}

TEST(EmbeddedChecks, TooLongDataDirIsRefusedBeforeAnythingIsCreated) {
  cohort::testing::temp_dir dir;
  auto data = dir.path() / std::string(120, 'x');
  emb::embedded_options options;
  options.data_dir = data;
  emb::embedded_postgres server(options);
  auto error = server.start();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, emb::embedded_errc::data_dir_path_too_long);
  EXPECT_NE(error->message.find("107"), std::string::npos) << error->message;
  EXPECT_FALSE(fs::exists(data));
}

TEST(EmbeddedChecks, DataDirBelowAFileIsNotWritable) {
  cohort::testing::temp_dir dir;
  std::ofstream(dir.path() / "file") << "x";
  emb::embedded_options options;
  options.data_dir = dir.path() / "file" / "data";
  emb::embedded_postgres server(options);
  auto error = server.start();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, emb::embedded_errc::data_dir_not_writable);
  EXPECT_NE(error->message.find((dir.path() / "file" / "data").string()), std::string::npos);
}

TEST(EmbeddedChecks, MissingBinariesAreReportedWithWhereWeLooked) {
  cohort::testing::temp_dir dir;
  emb::embedded_options options;
  options.data_dir = dir.path() / "data";
  options.bin_dir = dir.path() / "no-such-bin";
  emb::embedded_postgres server(options);
  auto error = server.start();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, emb::embedded_errc::binaries_missing);
  EXPECT_NE(error->message.find("no-such-bin"), std::string::npos) << error->message;
}

TEST(EmbeddedChecks, LockIsExclusiveUntilReleased) {
  cohort::testing::temp_dir dir;
  auto file = dir.path() / "cohort.lock";
  auto first = std::make_unique<emb::data_dir_lock>();
  ASSERT_EQ(first->acquire(file), emb::data_dir_lock::outcome::locked);
  emb::data_dir_lock second;
  EXPECT_EQ(second.acquire(file), emb::data_dir_lock::outcome::held_elsewhere);
  EXPECT_EQ(second.holder(), getpid());
  first.reset();
  EXPECT_EQ(second.acquire(file), emb::data_dir_lock::outcome::locked);
}

TEST(EmbeddedChecks, NewestVersionDirectoryComesFirst) {
  auto ordered = emb::newest_first(
      {"/usr/lib/postgresql/9.6", "/usr/lib/postgresql/15", "/usr/lib/postgresql/13"});
  ASSERT_EQ(ordered.size(), 3u);
  EXPECT_EQ(ordered[0], fs::path("/usr/lib/postgresql/15"));
  EXPECT_EQ(ordered[1], fs::path("/usr/lib/postgresql/13"));
  EXPECT_EQ(ordered[2], fs::path("/usr/lib/postgresql/9.6"));
}

TEST(EmbeddedChecks, FindsInstalledServerBinaries) {
  auto found = emb::find_postgres_binaries();
  ASSERT_TRUE(found.bin_dir) << "PostgreSQL server binaries are a test dependency";
  EXPECT_TRUE(emb::has_server_binaries(*found.bin_dir));
}

TEST(EmbeddedChecks, TailOfFileKeepsTheLastLines) {
  cohort::testing::temp_dir dir;
  std::ofstream(dir.path() / "log") << "one\ntwo\nthree\nfour\n";
  EXPECT_EQ(emb::tail_of_file(dir.path() / "log", 2), "three\nfour\n");
  EXPECT_EQ(emb::tail_of_file(dir.path() / "log", 10, 8), "three\nfour\n");
}

TEST(EmbeddedChecks, PostmasterPidIsTheFirstLine) {
  cohort::testing::temp_dir dir;
  EXPECT_EQ(emb::read_postmaster_pid(dir.path()), std::nullopt);
  std::ofstream(dir.path() / "postmaster.pid") << "4242\n/some/dir\n";
  EXPECT_EQ(emb::read_postmaster_pid(dir.path()), 4242);
  EXPECT_FALSE(emb::is_postmaster_of(getpid(), dir.path()));
}
