#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "config/duration.hpp"
#include "config/settings.hpp"
#include "config/settings_table.hpp"

using namespace cohort::config;
using namespace std::chrono_literals;

TEST(Settings, DefaultsMatchTwenty) {
  auto r = load_settings({}, {});
  ASSERT_TRUE(r.value);
  EXPECT_EQ(r.value->node_port, 3000);
  EXPECT_EQ(r.value->server_url, "http://localhost:3000");
  EXPECT_EQ(r.value->access_token_expires_in, 30min);
  EXPECT_EQ(r.value->refresh_token_expires_in, std::chrono::hours(24 * 60));
  EXPECT_EQ(r.value->data_dir, ".cohort");
  EXPECT_TRUE(r.value->pg_database_url.empty());
}

TEST(Settings, FlagsOverrideEnvironment) {
  auto r = load_settings({"serve", "--port", "4001", "--data-dir=/tmp/x"},
                         {{"NODE_PORT", "4000"}, {"COHORT_DATA_DIR", "/tmp/y"}});
  ASSERT_TRUE(r.value) << r.error->what();
  EXPECT_EQ(r.value->node_port, 4001);
  EXPECT_EQ(r.value->data_dir, "/tmp/x");
  EXPECT_EQ(r.positional, std::vector<std::string>{"serve"});
}

TEST(Settings, EnvironmentOverridesDefault) {
  auto r = load_settings({}, {{"NODE_PORT", "4000"}, {"ACCESS_TOKEN_EXPIRES_IN", "2h"}});
  ASSERT_TRUE(r.value);
  EXPECT_EQ(r.value->node_port, 4000);
  EXPECT_EQ(r.value->access_token_expires_in, 2h);
}

TEST(Settings, NonNumericPortNamesSettingValueAndExpectation) {
  auto r = load_settings({}, {{"NODE_PORT", "abc"}});
  ASSERT_FALSE(r.value);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->what(), "invalid NODE_PORT \"abc\": expected an integer between 1 and 65535");
}

TEST(Settings, PortOutOfRangeIsRejected) {
  EXPECT_TRUE(load_settings({"--port", "70000"}, {}).error);
  EXPECT_TRUE(load_settings({"--port", "0"}, {}).error);
  EXPECT_TRUE(load_settings({"--port", "12x"}, {}).error);
}

TEST(Settings, UnknownFlagIsAnError) {
  auto r = load_settings({"--nope", "1"}, {});
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->setting, "--nope");
}

TEST(Settings, FlagWithoutValueIsAnError) {
  auto r = load_settings({"--port"}, {});
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->what().find("a value after --port"), std::string::npos);
}

TEST(Settings, DatabaseUrlMustLookLikePostgres) {
  EXPECT_TRUE(load_settings({}, {{"PG_DATABASE_URL", "mysql://x"}}).error);
  EXPECT_FALSE(load_settings({}, {{"PG_DATABASE_URL", "postgres://u@h:5432/db"}}).error);
  EXPECT_FALSE(load_settings({}, {{"PG_DATABASE_URL", "host=/tmp dbname=x"}}).error);
}

TEST(Settings, HelpFlagIsReported) {
  auto r = load_settings({"serve", "--help"}, {});
  EXPECT_TRUE(r.help);
}

TEST(Settings, EveryTableEntryHasEnvMeaningAndDefault) {
  for (const auto& spec : settings_table()) {
    EXPECT_FALSE(spec.env.empty());
    EXPECT_FALSE(spec.meaning.empty()) << spec.env;
    EXPECT_FALSE(spec.default_text.empty()) << spec.env;
  }
  EXPECT_NE(settings_help().find("NODE_PORT, --port"), std::string::npos);
}

TEST(Duration, ParsesTwentyStyleDurations) {
  EXPECT_EQ(parse_duration("30m"), std::chrono::milliseconds(30min));
  EXPECT_EQ(parse_duration("60d"), std::chrono::milliseconds(std::chrono::hours(24 * 60)));
  EXPECT_EQ(parse_duration("1h"), std::chrono::milliseconds(1h));
  EXPECT_EQ(parse_duration("500ms"), std::chrono::milliseconds(500));
  EXPECT_EQ(parse_duration("1500"), std::chrono::milliseconds(1500));
  EXPECT_EQ(parse_duration("2.5s"), std::chrono::milliseconds(2500));
  EXPECT_FALSE(parse_duration("soon"));
  EXPECT_FALSE(parse_duration("-1m"));
  EXPECT_FALSE(parse_duration("5 parsecs"));
}

TEST(Settings, ReadmeDocumentsEverySetting) {
  std::ifstream in(std::string(COHORT_SOURCE_DIR) + "/README.md");
  std::string readme((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(readme.empty());
  for (const auto& spec : settings_table())
    EXPECT_NE(readme.find("| `" + spec.env + "` |"), std::string::npos)
        << spec.env << " is missing from README.md (regenerate with `cohort help settings`)";
}
