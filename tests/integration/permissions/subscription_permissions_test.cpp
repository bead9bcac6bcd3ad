// onDbEvent streams carry only what the subscriber's role may read (issue 8 §5): a stream opened
// by a role without read on company never sees a company event, and a person's record arrives
// without the field the role may not read, even when the writes are made by an Admin.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>

#include "integration/subscriptions/sse_client.hpp"
#include "permissions_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

// Opens a stream on `path` as a role without read on company nor on person.jobTitle, then writes
// a company and a person as Admin, and reads the stream up to the person's event.
void expect_filtered_stream(const std::string& path, const std::string& city) {
  auto& s = permissions_server::shared();
  role_spec spec;
  spec.objects["company"] = {false, false, false, false};
  spec.fields["person.jobTitle"] = {false, false};
  s.use_role(spec);
  sse_client client(s.port(),
                    "subscription { onDbEvent(input: {}) { action objectNameSingular record "
                    "updatedFields } }",
                    s.token, {}, path);
  auto head = client.head();
  ASSERT_NE(head.find("200"), std::string::npos) << head;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (client.heartbeats() == 0 && std::chrono::steady_clock::now() < deadline)
    client.next(std::chrono::milliseconds(50));
  ASSERT_GE(client.heartbeats(), 1);

  // The stream keeps the rights it was opened with; the writes are an Admin's.
  s.use_admin();
  auto company = s.graphql(R"(mutation { createCompany(data: {name: "Streamed Co"}) { id } })");
  ASSERT_EQ(first_error(company), "<none>") << company.text;
  auto person = s.graphql(
      R"(mutation($city: String) { createPerson(data: {name: {firstName: "Streamed"}, jobTitle: "Hidden title", city: $city}) { id } })",
      {{"city", city}});
  ASSERT_EQ(first_error(person), "<none>") << person.text;
  const std::string person_id(person.body.at("data").at("createPerson").at("id").as_string());

  // Events arrive in commit order: the company's (if it were sent) comes before the person's.
  std::optional<json::object> record;
  while (auto e = client.next()) {
    boost::system::error_code ec;
    auto body = json::parse(e->data, ec);
    ASSERT_FALSE(ec) << e->data;
    const auto& dto = body.at("data").at("onDbEvent").as_object();
    EXPECT_NE(dto.at("objectNameSingular"), json::value("company")) << e->data;
    const auto& r = dto.at("record").as_object();
    if (dto.at("objectNameSingular") == json::value("person") && r.contains("id") &&
        r.at("id") == json::value(person_id)) {
      record = r;
      break;
    }
  }
  ASSERT_TRUE(record.has_value()) << "no event about the person";
  EXPECT_FALSE(record->contains("jobTitle")) << json::serialize(*record);
  EXPECT_EQ(record->at("city"), json::value(city));
  s.use_admin();
}

}  // namespace

TEST(PermissionsSubscriptions, StreamsSkipUnreadableObjectsAndFields) {
  expect_filtered_stream("/graphql", "Streamtown");
}

// /metadata serves onDbEvent from one schema for every workspace: the role still applies.
TEST(PermissionsSubscriptions, MetadataStreamsAreFilteredToo) {
  expect_filtered_stream("/metadata", "Metastreamtown");
}
