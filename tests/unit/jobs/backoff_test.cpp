// Exponential backoff with full jitter: the ceiling doubles per attempt up to the cap, and the
// delay is a draw between zero and the ceiling.
#include <gtest/gtest.h>

#include <set>

#include "actors/jobs/backoff.hpp"

using namespace cohort::actors::jobs;
using std::chrono::milliseconds;

TEST(Backoff, TheCeilingDoublesPerAttemptUpToTheCap) {
  EXPECT_EQ(backoff_ceiling(1, milliseconds(100), milliseconds(10000)), milliseconds(100));
  EXPECT_EQ(backoff_ceiling(2, milliseconds(100), milliseconds(10000)), milliseconds(200));
  EXPECT_EQ(backoff_ceiling(5, milliseconds(100), milliseconds(10000)), milliseconds(1600));
  EXPECT_EQ(backoff_ceiling(8, milliseconds(100), milliseconds(10000)), milliseconds(10000));
  EXPECT_EQ(backoff_ceiling(1000, milliseconds(100), milliseconds(10000)), milliseconds(10000));
}

TEST(Backoff, TheDelayIsTheDrawTimesTheCeiling) {
  EXPECT_EQ(backoff_delay(3, milliseconds(100), milliseconds(10000), 0.0), milliseconds(0));
  EXPECT_EQ(backoff_delay(3, milliseconds(100), milliseconds(10000), 0.5), milliseconds(200));
  EXPECT_EQ(backoff_delay(3, milliseconds(100), milliseconds(10000), 0.999), milliseconds(399));
  EXPECT_EQ(backoff_delay(3, milliseconds(100), milliseconds(10000), 7.0), milliseconds(400));
}

TEST(Backoff, RandomDelaysSpreadOverTheWholeRange) {
  std::set<long> seen;
  for (int i = 0; i < 200; ++i) {
    auto d = backoff_delay(4, milliseconds(1000), milliseconds(60000));
    EXPECT_GE(d.count(), 0);
    EXPECT_LE(d.count(), 8000);
    seen.insert(d.count() / 1000);
  }
  EXPECT_GE(seen.size(), 6u);  // eight buckets of a second; a fixed delay would fill one
}

TEST(Backoff, NoBaseMeansNoDelay) {
  EXPECT_EQ(backoff_delay(3, milliseconds(0), milliseconds(1000)), milliseconds(0));
}
