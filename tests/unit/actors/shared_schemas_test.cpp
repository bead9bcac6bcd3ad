// Workspaces with the same model share one compiled schema; a different model gets its own; an
// entry goes away with the last workspace that used it.
#include <gtest/gtest.h>

#include "actors/workspace/shared_schemas.hpp"
#include "graphql/type/schema_builder.hpp"

using cohort::actors::shared_schemas;

namespace {

using objects_vector = std::vector<cohort::model::object_metadata>;

shared_schemas::build_result tiny_service(int& builds) {
  ++builds;
  cohort::graphql::type::schema_builder builder;
  builder.add_object("Query").field("hello", "String");
  auto built = std::move(builder).build();
  return std::make_shared<cohort::graphql::service::graphql_service>(built.schema);
}

}  // namespace

TEST(SharedSchemas, OneCompilationPerModelWhileItIsInUse) {
  shared_schemas cache;
  int builds = 0;
  auto standard = std::make_shared<const objects_vector>(1);
  auto custom = std::make_shared<const objects_vector>(2);

  auto a = cache.get_or_build(standard, [&] { return tiny_service(builds); });
  auto b = cache.get_or_build(standard, [&] { return tiny_service(builds); });
  ASSERT_TRUE(std::holds_alternative<shared_schemas::service_ptr>(a));
  EXPECT_EQ(std::get<shared_schemas::service_ptr>(a), std::get<shared_schemas::service_ptr>(b));
  EXPECT_EQ(builds, 1);

  auto c = cache.get_or_build(custom, [&] { return tiny_service(builds); });
  EXPECT_NE(std::get<shared_schemas::service_ptr>(a), std::get<shared_schemas::service_ptr>(c));
  EXPECT_EQ(builds, 2);
  EXPECT_EQ(cache.size(), 2u);

  c = {};
  EXPECT_EQ(cache.size(), 1u) << "the custom model's schema is freed with its last user";
  a = {};
  b = {};
  EXPECT_EQ(cache.size(), 0u);
  cache.get_or_build(standard, [&] { return tiny_service(builds); });
  EXPECT_EQ(builds, 3) << "a freed schema is compiled again on next use";
}

TEST(SharedSchemas, AFailedBuildIsReportedAndNotCached) {
  shared_schemas cache;
  auto objects = std::make_shared<const objects_vector>();
  auto failed = cache.get_or_build(objects, [] { return shared_schemas::build_result("bad"); });
  ASSERT_TRUE(std::holds_alternative<std::string>(failed));
  EXPECT_EQ(std::get<std::string>(failed), "bad");
  EXPECT_EQ(cache.size(), 0u);
}
