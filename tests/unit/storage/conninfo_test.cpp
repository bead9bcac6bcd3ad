#include "storage/pg/conninfo.hpp"

#include <gtest/gtest.h>

namespace pg = cohort::storage::pg;

TEST(Conninfo, PlainWordsStayBare) {
  EXPECT_EQ(pg::quote_conninfo_value("postgres"), "postgres");
  EXPECT_EQ(pg::quote_conninfo_value("/tmp/run"), "/tmp/run");
}

TEST(Conninfo, SpacesQuotesAndBackslashesAreQuoted) {
  EXPECT_EQ(pg::quote_conninfo_value("/data dir/run"), "'/data dir/run'");
  EXPECT_EQ(pg::quote_conninfo_value("it's"), "'it\\'s'");
  EXPECT_EQ(pg::quote_conninfo_value("a\\b"), "'a\\\\b'");
  EXPECT_EQ(pg::quote_conninfo_value("k=v"), "'k=v'");
}

TEST(Conninfo, EmptyValueIsAnEmptyQuotedString) {
  EXPECT_EQ(pg::quote_conninfo_value(""), "''");
}

TEST(Conninfo, BuildsKeyValuePairsInOrder) {
  EXPECT_EQ(pg::build_conninfo({{"host", "/a b"}, {"port", "5432"}, {"dbname", "x"}}),
            "host='/a b' port=5432 dbname=x");
}

TEST(Conninfo, UnixSocketConninfoNamesDirectoryPortUserAndDatabase) {
  EXPECT_EQ(pg::unix_socket_conninfo("/srv/cohort data/run", 5432, "postgres", "postgres"),
            "host='/srv/cohort data/run' port=5432 user=postgres dbname=postgres");
}
