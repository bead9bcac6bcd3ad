// Workspace URLs and subdomains as Twenty makes them: the URL a workspace is reached at, the
// workspace an Origin names, the subdomain a new workspace gets and the rule for a chosen one.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "api/platform/subdomain_generator.hpp"
#include "api/platform/workspace_urls.hpp"

namespace platform = cohort::api::platform;

namespace {

cohort::config::settings front_end(const char* url) {
  cohort::config::settings s;
  s.frontend_url = url;
  return s;
}

}  // namespace

TEST(PlatformUrls, SubdomainUrlIsTheFrontEndHostWithTheSubdomainInFront) {
  EXPECT_EQ(platform::subdomain_url(front_end("http://localhost:3300"), "swift-aqua-phoenix"),
            "http://swift-aqua-phoenix.localhost:3300/");
  EXPECT_EQ(platform::subdomain_url(front_end("https://app.example.com/"), "acme"),
            "https://acme.app.example.com/");
  cohort::config::settings server_only;
  server_only.server_url = "http://localhost:3000";
  EXPECT_EQ(platform::subdomain_url(server_only, "acme"), "http://acme.localhost:3000/");
}

TEST(PlatformUrls, CustomUrlIsHttpsOnTheCustomDomainOrNull) {
  cohort::storage::core::workspace_row w;
  w.subdomain = "acme";
  auto urls = platform::workspace_urls_json(front_end("http://localhost:3300"), w);
  EXPECT_TRUE(urls.at("customUrl").is_null());
  w.custom_domain = "crm.acme.com";
  urls = platform::workspace_urls_json(front_end("http://localhost:3300"), w);
  EXPECT_EQ(urls.at("customUrl"), "https://crm.acme.com/");
  EXPECT_EQ(urls.at("subdomainUrl"), "http://acme.localhost:3300/");
}

TEST(PlatformUrls, AnOriginNamesASubdomainOrACustomDomain) {
  auto s = front_end("http://localhost:3300");
  auto sub = platform::parse_origin(s, "http://Swift-Aqua-Phoenix.localhost:3300/");
  ASSERT_TRUE(sub);
  EXPECT_EQ(sub->subdomain, "swift-aqua-phoenix");
  auto custom = platform::parse_origin(s, "https://crm.acme.com");
  ASSERT_TRUE(custom);
  EXPECT_EQ(custom->subdomain, "");
  EXPECT_EQ(custom->host, "crm.acme.com");
  auto base = platform::parse_origin(s, "http://localhost:3300");
  ASSERT_TRUE(base);
  EXPECT_EQ(base->subdomain, "");
  EXPECT_FALSE(platform::parse_origin(s, "swift.localhost:3300"));
  EXPECT_FALSE(platform::parse_origin(s, "ftp://swift.localhost"));
  EXPECT_FALSE(platform::parse_origin(s, ""));
}

TEST(PlatformSubdomains, RandomOnesAreAdjectiveColourAnimalAndValid) {
  std::regex shape("[a-z]+-[a-z]+-[a-z]+");
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto s = platform::random_subdomain();
    EXPECT_TRUE(std::regex_match(s, shape)) << s;
    EXPECT_TRUE(platform::is_valid_subdomain(s)) << s;
    seen.insert(s);
  }
  EXPECT_GT(seen.size(), 150u);  // 137,500 combinations
}

TEST(PlatformSubdomains, WorkEmailsGiveTheCompanyPersonalOnesNothing) {
  EXPECT_EQ(platform::subdomain_from_work_email("jane@acme.com"), "acme");
  EXPECT_EQ(platform::subdomain_from_work_email("jane@sales.acme.co.uk"), "sales");
  EXPECT_FALSE(platform::subdomain_from_work_email("alice.bench@gmail.com"));
  EXPECT_FALSE(platform::subdomain_from_work_email("bob@outlook.com"));
  EXPECT_FALSE(platform::subdomain_from_work_email("x@ab.com"));  // too short
  EXPECT_FALSE(platform::subdomain_from_work_email("no-at-sign"));
}

TEST(PlatformSubdomains, ChosenSubdomainsFollowTwentysRule) {
  for (const char* ok : {"acme", "acme-corp", "a1b", "abcdefghijabcdefghijabcdefghij"}) {
    EXPECT_TRUE(platform::is_valid_subdomain(ok)) << ok;
  }
  for (const char* bad : {"ab", "-acme", "acme-", "Acme", "ac_me", "api-acme",
                          "abcdefghijabcdefghijabcdefghijk", "acme.corp"}) {
    EXPECT_FALSE(platform::is_valid_subdomain(bad)) << bad;
  }
}
