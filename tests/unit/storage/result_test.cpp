#include "storage/pg/result.hpp"

#include <gtest/gtest.h>

namespace pg = cohort::storage::pg;

TEST(Result, DefaultIsASuccessWithoutRows) {
  pg::result empty;
  EXPECT_TRUE(empty.ok());
  EXPECT_EQ(empty.rows(), 0);
  EXPECT_EQ(empty.columns(), 0);
  EXPECT_EQ(empty.affected_rows(), 0);
  EXPECT_TRUE(empty.is_null(0, 0));
  EXPECT_EQ(empty.get(0, 0), "");
  EXPECT_EQ(empty.column_index("id"), -1);
}

TEST(Result, FailureCarriesKindSqlstateAndMessage) {
  auto failed = pg::result::failure(
      pg::error_kind::queue_full, pg::sqlstate::insufficient_resources, "too many queries waiting");
  EXPECT_FALSE(failed.ok());
  EXPECT_FALSE(static_cast<bool>(failed));
  EXPECT_EQ(failed.error().kind, pg::error_kind::queue_full);
  EXPECT_EQ(failed.error().sqlstate, "53000");
  EXPECT_EQ(pg::describe(failed.error()), "53000: too many queries waiting");
}

TEST(Result, DescribeAddsTheDetail) {
  pg::error_info error;
  error.sqlstate = "23505";
  error.message = "duplicate key value violates unique constraint \"t_pkey\"";
  error.detail = "Key (id)=(1) already exists.";
  EXPECT_EQ(pg::describe(error),
            "23505: duplicate key value violates unique constraint \"t_pkey\" (Key (id)=(1) "
            "already exists.)");
}

TEST(Result, MovesOwnership) {
  auto failed = pg::result::failure(pg::error_kind::server, "42601", "syntax error");
  pg::result moved = std::move(failed);
  EXPECT_EQ(moved.error().sqlstate, "42601");
}
