#include <gtest/gtest.h>

#include "storage/ddl/workspace_provisioner.hpp"

namespace ddl = cohort::storage::ddl;

TEST(DdlSchemaName, Base36OfTheUuidValueLikeTwenty) {
  // Twenty's seed workspace "Apple" lives in schema workspace_1wgvd1injqtife6y4rvfbu3h5.
  EXPECT_EQ(ddl::schema_name_for("20202020-1c25-4d02-bf25-6aeccf7ea419"),
            "workspace_1wgvd1injqtife6y4rvfbu3h5");
  EXPECT_EQ(ddl::uuid_to_base36("3b8e6458-5fc1-4e63-8563-008ccddaa6db"),
            "3ixj3i1a5avy16ptijtb3lae3");
  EXPECT_EQ(ddl::uuid_to_base36("3B8E6458-5FC1-4E63-8563-008CCDDAA6DB"),
            "3ixj3i1a5avy16ptijtb3lae3");
}

TEST(DdlSchemaName, EdgeValuesAreUnpadded) {
  EXPECT_EQ(ddl::uuid_to_base36("00000000-0000-0000-0000-000000000000"), "0");
  EXPECT_EQ(ddl::uuid_to_base36("00000000-0000-0000-0000-000000000024"), "10");
  EXPECT_EQ(ddl::uuid_to_base36("ffffffff-ffff-ffff-ffff-ffffffffffff"),
            "f5lxx1zz5pnorynqglhzmsp33");
}

TEST(DdlSchemaName, RefusesWhatIsNotAUuid) {
  for (const char* bad :
       {"", "20202020-1c25-4d02-bf25-6aeccf7ea41", "20202020-1c25-4d02-bf25-6aeccf7ea4190",
        "202020201c254d02bf256aeccf7ea419", "20202020-1c25-4d02-bf25-6aeccf7ea41g",
        "x\"; DROP SCHEMA public; --xxxxxxxxxxxxxxxxx"}) {
    EXPECT_FALSE(ddl::schema_name_for(bad).has_value()) << bad;
  }
}
