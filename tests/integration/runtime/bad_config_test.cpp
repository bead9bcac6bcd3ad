// Each bad configuration stops Cohort with exit status 2 and one line naming the setting, the
// value and what was expected — never a stack trace.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include "fixtures/cohort_server.hpp"

using namespace cohort::testing;

namespace {

// stderr has exactly one line and it contains every fragment.
void expect_one_line(const finished_run& run, std::initializer_list<std::string> fragments) {
  EXPECT_EQ(run.status, 2) << run.err;
  std::string err = run.err;
  while (!err.empty() && err.back() == '\n') err.pop_back();
  EXPECT_EQ(err.find('\n'), std::string::npos) << "more than one line:\n" << run.err;
  for (const auto& f : fragments) EXPECT_NE(err.find(f), std::string::npos) << f << " in: " << err;
}

}  // namespace

TEST(BadConfig, NonNumericNodePort) {
  auto run = run_cohort({"serve"}, {{"NODE_PORT", "abc"}});
  expect_one_line(run, {"NODE_PORT", "\"abc\"", "integer between 1 and 65535"});
}

TEST(BadConfig, NonNumericPortFlag) {
  auto run = run_cohort({"serve", "--port", "eighty"});
  expect_one_line(run, {"--port", "\"eighty\"", "integer"});
}

TEST(BadConfig, UnknownFlag) {
  auto run = run_cohort({"serve", "--colour", "blue"});
  expect_one_line(run, {"--colour"});
}

TEST(BadConfig, UnknownVerb) {
  auto run = run_cohort({"fly"});
  expect_one_line(run, {"unknown verb", "fly"});
}

TEST(BadConfig, UnreachableDatabaseUrl) {
  temp_dir dir("cohort-e2e");
  // A port on loopback that nobody listens on.
  int port = free_loopback_port();
  auto run =
      run_cohort({"serve", "--port", std::to_string(free_loopback_port()), "--data-dir",
                  (dir.path() / "d").string()},
                 {{"PG_DATABASE_URL", "postgres://postgres@127.0.0.1:" + std::to_string(port) +
                                          "/cohort?connect_timeout=2"}});
  expect_one_line(run,
                  {"PG_DATABASE_URL", "127.0.0.1:" + std::to_string(port), "reachable PostgreSQL"});
}

TEST(BadConfig, DatabaseUrlThatIsNotPostgres) {
  auto run = run_cohort({"migrate"}, {{"PG_DATABASE_URL", "mysql://root@localhost/db"}});
  expect_one_line(run, {"PG_DATABASE_URL", "mysql://", "postgres://"});
}

TEST(BadConfig, DataDirThatCannotBeWritten) {
  temp_dir dir("cohort-e2e");
  // A regular file where a directory is needed: not even root can create the data dir under it.
  auto file = dir.path() / "not-a-directory";
  std::ofstream(file) << "x";
  auto run = run_cohort({"serve", "--port", std::to_string(free_loopback_port()), "--data-dir",
                         (file / "data").string()});
  expect_one_line(run, {"COHORT_DATA_DIR", (file / "data").string()});
}

TEST(BadConfig, PortAlreadyInUse) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_ANY);
  addr.sin_port = 0;
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 1), 0);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  temp_dir dir("cohort-e2e");
  auto run = run_cohort(
      {"serve", "--port", std::to_string(port), "--data-dir", (dir.path() / "d").string()});
  close(fd);
  expect_one_line(run, {"NODE_PORT", std::to_string(port), "free port"});
}

TEST(Cli, HelpAndVersion) {
  auto version = run_cohort({"version"});
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("cohort ", 0), 0u) << version.out;
  for (const char* verb : {"serve", "migrate"}) {
    auto help = run_cohort({verb, "--help"});
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.out.find("NODE_PORT, --port"), std::string::npos) << help.out;
    EXPECT_NE(help.out.find("PG_DATABASE_URL"), std::string::npos);
  }
  auto usage = run_cohort({"help"});
  EXPECT_EQ(usage.status, 0);
  EXPECT_NE(usage.out.find("migrate"), std::string::npos);
}
