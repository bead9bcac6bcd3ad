// Approved access domains against the real server and SMTP sink: create (row, mail with its
// validation link), list, validate with the mailed token, delete, every refusal with Twenty's
// code (personal domain, mismatching e-mail, duplicate, bad token, twice validated, unknown id),
// the WORKSPACE_MEMBERS flag, and another workspace's domain out of reach.
#include <regex>

#include "integration/accounts/accounts_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::accounts_env;
using cohort::testing::error_fields;
using cohort::testing::error_of;
using cohort::testing::text_at;

accounts_env& env() {
  return accounts_env::shared();
}

json::value create(const std::string& domain, const std::string& email, const std::string& bearer) {
  return env().metadata(R"(mutation($d: String!, $e: String!) {
      createApprovedAccessDomain(input: { domain: $d, email: $e }) { id domain isValidated createdAt } })",
                        {{"d", domain}, {"e", email}}, bearer);
}

json::value validate(const std::string& id, const std::string& token, const std::string& bearer) {
  return env().metadata(R"(mutation($i: UUID!, $t: String!) {
      validateApprovedAccessDomain(input: { approvedAccessDomainId: $i, validationToken: $t }) {
        id domain isValidated } })",
                        {{"i", id}, {"t", token}}, bearer);
}

json::value remove(const std::string& id, const std::string& bearer) {
  return env().metadata(R"(mutation($i: UUID!) { deleteApprovedAccessDomain(input: { id: $i }) })",
                        {{"i", id}}, bearer);
}

json::value list(const std::string& bearer) {
  return env().metadata("{ getApprovedAccessDomains { id domain isValidated } }", {}, bearer);
}

error_fields domain_error(std::string message, std::string sub_code) {
  return {std::move(message), "FORBIDDEN", std::move(sub_code)};
}

TEST(approved_access_domains, create_validate_list_delete) {
  auto& e = env();
  auto& a = e.ws->a;
  auto created = create("Acme-Corp.com", "it@acme-corp.com", a.access);
  ASSERT_FALSE(created.as_object().contains("errors")) << created;
  std::string id = text_at(created, "/data/createApprovedAccessDomain/id");
  EXPECT_EQ(text_at(created, "/data/createApprovedAccessDomain/domain"), "acme-corp.com");
  EXPECT_FALSE(created.at_pointer("/data/createApprovedAccessDomain/isValidated").as_bool());
  EXPECT_EQ(e.ws->sql("SELECT workspace_id::text || ' ' || is_validated FROM "
                      "core.approved_access_domain WHERE id = '" +
                      id + "'"),
            a.id + " false");

  auto mail = e.mail_to("it@acme-corp.com");
  ASSERT_TRUE(mail) << "no validation mail reached the SMTP sink";
  EXPECT_EQ(mail->header("Subject"), "Approve your access domain");
  static const std::regex link(
      R"(/settings/domains\?wtdId=([0-9a-f-]+)&validationToken=([0-9a-f]+))");
  std::smatch m;
  std::string body = mail->text_body();
  ASSERT_TRUE(std::regex_search(body, m, link)) << body;
  EXPECT_EQ(m[1], id);
  std::string token = m[2];

  auto dup = create("acme-corp.com", "boss@acme-corp.com", a.access);
  EXPECT_EQ(error_of(dup), domain_error("Approved access domain already registered.",
                                        "APPROVED_ACCESS_DOMAIN_ALREADY_REGISTERED"));
  auto bad = validate(id, std::string(64, '0'), a.access);
  EXPECT_EQ(error_of(bad), domain_error("Invalid approved access domain validation token",
                                        "APPROVED_ACCESS_DOMAIN_VALIDATION_TOKEN_INVALID"));
  // Another workspace's admin cannot reach A's domain, even with its token.
  auto foreign = validate(id, token, e.ws->b.access);
  EXPECT_EQ(error_of(foreign),
            domain_error("Approved access domain not found", "APPROVED_ACCESS_DOMAIN_NOT_FOUND"));
  EXPECT_EQ(error_of(remove(id, e.ws->b.access)).sub_code, "APPROVED_ACCESS_DOMAIN_NOT_FOUND");

  auto ok = validate(id, token, a.access);
  ASSERT_FALSE(ok.as_object().contains("errors")) << ok;
  EXPECT_TRUE(ok.at_pointer("/data/validateApprovedAccessDomain/isValidated").as_bool());
  EXPECT_EQ(
      e.ws->sql("SELECT is_validated FROM core.approved_access_domain WHERE id = '" + id + "'"),
      "t");
  auto twice = validate(id, token, a.access);
  EXPECT_EQ(error_of(twice), domain_error("Approved access domain has already been validated",
                                          "APPROVED_ACCESS_DOMAIN_ALREADY_VALIDATED"));

  auto listed = list(a.access);
  EXPECT_EQ(text_at(listed, "/data/getApprovedAccessDomains/0/domain"), "acme-corp.com") << listed;
  EXPECT_EQ(listed.at_pointer("/data/getApprovedAccessDomains").as_array().size(), 1u);
  EXPECT_EQ(list(e.ws->b.access).at_pointer("/data/getApprovedAccessDomains").as_array().size(),
            0u);

  auto removed = remove(id, a.access);
  EXPECT_TRUE(removed.at_pointer("/data/deleteApprovedAccessDomain").as_bool()) << removed;
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.approved_access_domain WHERE id = '" + id + "'"),
            "0");
  EXPECT_EQ(error_of(remove(id, a.access)),
            domain_error("Approved access domain not found", "APPROVED_ACCESS_DOMAIN_NOT_FOUND"));
}

TEST(approved_access_domains, refusals) {
  auto& e = env();
  auto& a = e.ws->a;
  EXPECT_EQ(error_of(create("gmail.com", "someone@gmail.com", a.access)),
            domain_error("Approved access domain must be a company domain",
                         "APPROVED_ACCESS_DOMAIN_MUST_BE_A_COMPANY_DOMAIN"));
  EXPECT_EQ(error_of(create("globex.com", "someone@initech.com", a.access)),
            domain_error("Approved access domain does not match email domain",
                         "APPROVED_ACCESS_DOMAIN_DOES_NOT_MATCH_DOMAIN_EMAIL"));
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.approved_access_domain WHERE domain IN "
                      "('gmail.com', 'globex.com')"),
            "0");
  // The Member role lacks WORKSPACE_MEMBERS.
  auto member = e.join("domain.curious.member@example.com", a.id);
  auto denied = list(member.access);
  EXPECT_EQ(error_of(denied),
            (error_fields{"Entity performing the request does not have permission", "FORBIDDEN",
                          "PERMISSION_DENIED"}))
      << denied;
  EXPECT_EQ(error_of(create("globex.com", "it@globex.com", member.access)).sub_code,
            "PERMISSION_DENIED");
}

}  // namespace
