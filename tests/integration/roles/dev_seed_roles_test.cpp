// `cohort serve --seed twenty-dev`: Twenty's development users hold the roles of
// spec/twenty-dev-seed.md (Tim and Jane Admin, Jony Member, Phil Guest: read-only on records) and
// its API key the Admin role; tokens minted with the seed's APP_SECRET act with those roles.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/auth/token_service.hpp"
#include "fixtures/cohort_server.hpp"
#include "fixtures/postgres_server.hpp"
#include "fixtures/raw_client.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::testing;
namespace auth = cohort::api::auth;

constexpr const char* dev_secret = "replace_me_with_a_random_string";
constexpr const char* apple = "20202020-1c25-4d02-bf25-6aeccf7ea419";

struct dev_user {
  const char* user_id;
  const char* user_workspace_id;
  const char* member_id;
};
constexpr dev_user jane{"20202020-e6b5-4680-8a32-b8209737156b",
                        "20202020-1e7c-43d9-a5db-685b5069d816",
                        "20202020-463f-435b-828c-107e007a2711"};
constexpr dev_user jony{"20202020-3957-4908-9c36-2929a23f8357",
                        "20202020-3957-4908-9c36-2929a23f8353",
                        "20202020-77d5-4cb6-b60a-f4a835a85d61"};
constexpr dev_user phil{"20202020-7169-42cf-bc47-1cfef15264b8",
                        "20202020-7169-42cf-bc47-1cfef15264b1",
                        "20202020-1553-45c6-a028-5a9064cce07f"};

class DevSeedRoles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto database = postgres_server::shared().create_database("roles_dev_seed");
    server_ = new cohort_server(
        cohort_server::options{.args = {"--seed", "twenty-dev"},
                               .env = {{"PG_DATABASE_URL", database}, {"APP_SECRET", dev_secret}},
                               .data_dir = std::nullopt});
    if (!server_->wait_ready(std::chrono::seconds(90)))
      ADD_FAILURE() << "cohort did not start:\n" << server_->proc().output();
  }

  static std::string access(const dev_user& u) {
    auth::token_service_options opts;
    opts.app_secret = dev_secret;
    auth::access_token_claims claims;
    claims.user_id = u.user_id;
    claims.workspace_id = apple;
    claims.workspace_member_id = u.member_id;
    claims.user_workspace_id = u.user_workspace_id;
    return auth::token_service(opts).mint_access(claims).token;
  }

  static std::string api_key() {
    auth::token_service_options opts;
    opts.app_secret = dev_secret;
    auth::api_key_token_claims claims;
    claims.workspace_id = apple;
    claims.api_key_id = "20202020-f401-4d8a-a731-64d007c27bad";
    return auth::token_service(opts).mint_api_key(claims).token;
  }

  static json::value graphql(const std::string& query, const std::string& bearer,
                             const std::string& path = "/graphql") {
    std::string body = json::serialize(json::object{{"query", query}});
    std::string req = "POST " + path +
                      " HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                      "Content-Length: " +
                      std::to_string(body.size()) + "\r\nAuthorization: Bearer " + bearer +
                      "\r\n\r\n" + body;
    raw_client client(server_->port());
    client.send(req);
    auto res = client.read_response(std::chrono::seconds(30));
    if (!res) return nullptr;
    boost::system::error_code ec;
    auto v = json::parse(res->body, ec);
    return ec ? json::value(res->body) : v;
  }

  static std::string code(const json::value& v) {
    boost::system::error_code ec;
    const auto* c = v.find_pointer("/errors/0/extensions/code", ec);
    return c && c->is_string() ? std::string(c->as_string()) : "";
  }

  static inline cohort_server* server_ = nullptr;
};

TEST_F(DevSeedRoles, EachUserActsWithItsRole) {
  auto roles =
      graphql("{ getRoles { label workspaceMembers { userEmail } } }", access(jane), "/metadata");
  std::map<std::string, std::size_t> members;
  for (const auto& r : roles.at_pointer("/data/getRoles").as_array())
    members[std::string(r.at("label").as_string())] = r.at("workspaceMembers").as_array().size();
  EXPECT_EQ(members["Admin"], 2u) << json::serialize(roles);
  EXPECT_EQ(members["Member"], 1u);
  EXPECT_EQ(members["Guest"], 1u);

  // Jony (Member) and Phil (Guest) may not manage roles.
  EXPECT_EQ(code(graphql("{ getRoles { id } }", access(jony), "/metadata")), "FORBIDDEN");
  EXPECT_EQ(code(graphql("{ getRoles { id } }", access(phil), "/metadata")), "FORBIDDEN");
  // Phil reads records and writes none; Jony writes.
  auto read = graphql("{ companies(first: 1) { edges { node { id } } } }", access(phil));
  EXPECT_TRUE(read.at_pointer("/data/companies/edges").is_array()) << json::serialize(read);
  const std::string create = R"(mutation { createCompany(data: { name: "Guest Co" }) { id } })";
  EXPECT_EQ(code(graphql(create, access(phil))), "FORBIDDEN");
  auto written = graphql(create, access(jony));
  EXPECT_EQ(code(written), "") << json::serialize(written);
  // The seeded API key is an Admin: it may read the webhooks.
  auto hooks = graphql("{ webhooks { id } }", api_key(), "/metadata");
  EXPECT_TRUE(hooks.at_pointer("/data/webhooks").is_array()) << json::serialize(hooks);
}

}  // namespace
