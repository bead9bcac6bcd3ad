// The workspace cleanup's settings: Twenty's names and defaults, and its rule that a workspace is
// soft-deleted strictly before it is destroyed.
#include <gtest/gtest.h>

#include "config/settings.hpp"

using namespace cohort::config;

TEST(WorkspaceLifecycleSettings, DefaultsAreTwentys) {
  auto r = load_settings({}, {});
  ASSERT_TRUE(r.value);
  EXPECT_EQ(r.value->workspace_inactive_days_before_soft_deletion, 14);
  EXPECT_EQ(r.value->workspace_inactive_days_before_deletion, 21);
  EXPECT_EQ(r.value->max_number_of_workspaces_deleted_per_execution, 5);
}

TEST(WorkspaceLifecycleSettings, ReadFromTheEnvironment) {
  auto r = load_settings({}, {{"WORKSPACE_INACTIVE_DAYS_BEFORE_SOFT_DELETION", "30"},
                              {"WORKSPACE_INACTIVE_DAYS_BEFORE_DELETION", "60"},
                              {"MAX_NUMBER_OF_WORKSPACES_DELETED_PER_EXECUTION", "0"}});
  ASSERT_TRUE(r.value) << r.error->what();
  EXPECT_EQ(r.value->workspace_inactive_days_before_soft_deletion, 30);
  EXPECT_EQ(r.value->workspace_inactive_days_before_deletion, 60);
  EXPECT_EQ(r.value->max_number_of_workspaces_deleted_per_execution, 0);
}

TEST(WorkspaceLifecycleSettings, SoftDeletionMustComeBeforeDeletion) {
  auto same = load_settings({}, {{"WORKSPACE_INACTIVE_DAYS_BEFORE_SOFT_DELETION", "21"}});
  ASSERT_TRUE(same.error);
  EXPECT_EQ(same.error->what(),
            "invalid WORKSPACE_INACTIVE_DAYS_BEFORE_SOFT_DELETION \"21\": expected fewer days than "
            "WORKSPACE_INACTIVE_DAYS_BEFORE_DELETION (21)");
  auto zero = load_settings({}, {{"WORKSPACE_INACTIVE_DAYS_BEFORE_DELETION", "0"}});
  ASSERT_TRUE(zero.error);
  EXPECT_EQ(zero.error->what(),
            "invalid WORKSPACE_INACTIVE_DAYS_BEFORE_DELETION \"0\": expected an integer between 1 "
            "and 100000");
}
