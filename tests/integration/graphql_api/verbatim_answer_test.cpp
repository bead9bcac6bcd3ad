// Record answers written through (PostgreSQL's JSON text to the response, unparsed) must be byte
// for byte what the checked path writes. Two servers on one database: one as shipped (debug log,
// which names each answer written through), one with COHORT_CHECKED_RECORD_ANSWERS=1. A corpus of
// findMany/findOne over every field type of the demo workspace (and custom fields for the types
// it lacks) is sent to both; the bodies must be equal, and the answers that may go through must,
// while the unsafe ones (numbers, enums, JSON, dates, an invalid UUID, a year past 9999, a null
// in a non-null leaf) must not.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "demo_server.hpp"
#include "fixtures/raw_client.hpp"

namespace cohort::testing {
namespace {

namespace json = boost::json;

constexpr const char* kThrough = "answer written through";
constexpr const char* kSentinel = "record query on favorite: answer written through";

std::size_t count_of(const std::string& text, std::string_view needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

struct verbatim_env {
  demo_workspace through{{.database = "graphql_api_verbatim",
                          .app_secret = demo_app_secret,
                          .env = {{"LOG_LEVEL", "debug"}}}};
  std::unique_ptr<cohort_server> checked;
  std::string airbnb_id;

  static verbatim_env& shared() {
    static auto* instance = new verbatim_env();
    return *instance;
  }

  verbatim_env() {
    add_custom_fields();
    add_records();
    // Started after the metadata changes, so that it loads the same model.
    checked = std::make_unique<cohort_server>(
        cohort_server::options{.args = {},
                               .env = {{"PG_DATABASE_URL", through.database},
                                       {"APP_SECRET", demo_app_secret},
                                       {"COHORT_CHECKED_RECORD_ANSWERS", "1"}},
                               .data_dir = std::nullopt});
    if (!checked->wait_ready(std::chrono::seconds(60))) {
      ADD_FAILURE() << "the checked server did not start:\n" << checked->proc().output();
    }
  }

  void add_custom_fields() {
    auto objects = through.graphql("/metadata",
                                   "{ objects(paging: {first: 1000}) { edges { node { id "
                                   "nameSingular } } } }");
    std::string company;
    for (const auto& e : objects.body.at("data").at("objects").at("edges").as_array()) {
      if (e.at("node").at("nameSingular") == json::value("company")) {
        company = std::string(e.at("node").at("id").as_string());
      }
    }
    ASSERT_FALSE(company.empty()) << objects.text;
    json::array sizes{
        json::object{{"label", "Small"}, {"value", "SMALL"}, {"color", "green"}, {"position", 0}},
        json::object{{"label", "Large"}, {"value", "LARGE"}, {"color", "red"}, {"position", 1}}};
    const std::vector<json::object> fields = {
        {{"type", "RATING"}, {"name", "score"}},
        {{"type", "SELECT"}, {"name", "size"}, {"options", sizes}},
        {{"type", "MULTI_SELECT"}, {"name", "colors"}, {"options", sizes}},
        {{"type", "ARRAY"}, {"name", "tags"}},
        {{"type", "RAW_JSON"}, {"name", "payload"}},
        {{"type", "DATE"}, {"name", "bornOn"}},
        {{"type", "DATE_TIME"}, {"name", "seenAt"}},
        {{"type", "UUID"}, {"name", "externalId"}},
        {{"type", "NUMERIC"}, {"name", "ratio"}},
        {{"type", "BOOLEAN"}, {"name", "enabled"}},
        {{"type", "TEXT"}, {"name", "motto"}},
    };
    for (auto field : fields) {
      field["objectMetadataId"] = company;
      field["label"] = "Label " + std::string(field.at("name").as_string());
      auto r = through.graphql(
          "/metadata",
          "mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }",
          json::object{{"input", {{"field", field}}}});
      ASSERT_TRUE(r.body.as_object().contains("data") && !r.body.at("data").is_null()) << r.text;
    }
  }

  void add_records() {
    auto r = through.sql(
        "UPDATE {s}.company SET score = 'RATING_3', size = 'LARGE', colors = '{SMALL,LARGE}', "
        "tags = '{a,\"b c\"}', payload = '{\"k\": [1, 2.50, \"\\u00e9\"]}', \"bornOn\" = "
        "'2020-02-03', \"seenAt\" = '2026-01-02T03:04:05.678Z', \"externalId\" = "
        "'6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', ratio = 1.50, enabled = true, motto = "
        "E'Tab\\there, \"quoted\", back\\\\slash, \\u00e9t\\u00e9, line\\nbreak' WHERE name = "
        "'Airbnb' RETURNING id");
    ASSERT_TRUE(r.ok() && r.rows() == 1) << (r.ok() ? "no row" : r.error().message);
    airbnb_id = std::string(r.get(0, 0));
    auto created = through.graphql(
        "/graphql",
        "mutation { createOpportunity(data: {name: \"Deal\", amount: {amountMicros: 1500000, "
        "currencyCode: \"EUR\"}, closeDate: \"2026-01-02T03:04:05.678Z\", stage: MEETING, "
        "companyId: \"" +
            airbnb_id +
            "\"}) { id } note: createNote(data: {title: \"Hello\", bodyV2: {markdown: \"# Hi\", "
            "blocknote: \"[]\"}}) { id } task: createTask(data: {title: \"Call\", status: TODO, "
            "dueAt: \"2026-03-04T05:06:07.890Z\"}) { id } }");
    ASSERT_TRUE(created.body.as_object().contains("data") && !created.body.at("data").is_null())
        << created.text;
  }

  raw_response post_to(std::uint16_t port, const std::string& query,
                       const json::object& variables) {
    json::object body{{"query", query}};
    if (!variables.empty()) body["variables"] = variables;
    raw_client client(port);
    client.send(http_post(
        "/graphql", json::serialize(body),
        "Content-Type: application/json\r\nAuthorization: Bearer " + through.token + "\r\n"));
    auto res = client.read_response(std::chrono::seconds(30));
    if (!res) ADD_FAILURE() << "no response to " << query;
    return res.value_or(raw_response{});
  }

  // Sends `query` to both servers: the two bodies must be equal. Returns how many root fields
  // of it the first server wrote through.
  std::size_t compare(const std::string& query, const json::object& variables = {}) {
    const std::size_t before = count_of(through.server->proc().output(), kThrough);
    auto a = post_to(through.port(), query, variables);
    auto b = post_to(checked->port(), query, variables);
    EXPECT_EQ(a.status, b.status) << query;
    EXPECT_EQ(a.body, b.body) << query;
    EXPECT_EQ(a.status, 200u) << query << "\n" << a.body;
    // The log line is written before the answer leaves, but the fixture reads the server's
    // output on its own thread: a request on an object no compared query reads (favorite) logs
    // after it, so once its line is read, every line of the compared query is too.
    const std::size_t sentinels = count_of(through.server->proc().output(), kSentinel);
    post_to(through.port(), "{ favorites(first: 1) { edges { node { id } } } }", {});
    for (int i = 0; i < 500; ++i) {
      if (count_of(through.server->proc().output(), kSentinel) > sentinels) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(count_of(through.server->proc().output(), kSentinel), sentinels + 1)
        << "the sentinel request was not written through";
    return count_of(through.server->proc().output(), kThrough) - before - 1;
  }
};

struct corpus_entry {
  std::string query;
  int through;  // root fields expected written through; -1: any
  json::object variables = {};
};

TEST(VerbatimAnswers, CorpusIsByteIdenticalToTheCheckedPath) {
  auto& env = verbatim_env::shared();
  const std::string airbnb = env.airbnb_id;
  const std::vector<corpus_entry> corpus = {
      // bench/records' findMany.
      {"{ people(first: 20, filter: {city: {eq: \"San Francisco\"}}, orderBy: [{position: "
       "AscNullsFirst}]) { pageInfo { hasNextPage endCursor } edges { cursor node { id name { "
       "firstName lastName } city createdAt company { id name } } } } }",
       1},
      {"{ people { totalCount edges { node { __typename id emails { primaryEmail } phones { "
       "primaryPhoneNumber primaryPhoneCountryCode primaryPhoneCallingCode __typename } "
       "linkedinLink { primaryLinkUrl primaryLinkLabel } xLink { primaryLinkUrl } avatarUrl "
       "jobTitle city companyId createdBy { workspaceMemberId name } updatedAt deletedAt } } } }",
       1},
      // Aliases, fragments, __typename, @include/@skip, merged fields.
      {"query Q($yes: Boolean!) { list: people(first: 3, orderBy: {name: {firstName: "
       "AscNullsLast}}) { __typename edges { __typename c: cursor node { ...P i: id n: name { f: "
       "firstName __typename } city @include(if: $yes) jobTitle @skip(if: $yes) name { lastName "
       "} } } pi: pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor } "
       "total: totalCount } } fragment P on Person { id city createdAt }",
       1,
       {{"yes", true}}},
      {"query Q($yes: Boolean!) { people(first: 2) { edges { node { id city @include(if: $yes) "
       "jobTitle @skip(if: $yes) } } } }",
       1,
       {{"yes", false}}},
      {"{ people(first: 2) { edges { node { id name { firstName } name { lastName } } } edges { "
       "cursor } } }",
       1},
      // Two edges selections under different keys: the compiler builds one shape.
      {"{ people(first: 2) { a: edges { node { id } } b: edges { cursor } } }", 0},
      {"{ people(first: 2) { edges { n1: node { id } n2: node { city } } } }", 0},
      // Backwards, and a page past the end.
      {"{ people(last: 2) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges "
       "{ node { id } } } }",
       1},
      {"{ people(first: 2, filter: {city: {eq: \"Nowhere\"}}) { totalCount pageInfo { "
       "hasNextPage startCursor endCursor } edges { node { id } } } }",
       1},
      // Relations both ways, nested connections with their own arguments and aggregates.
      {"{ companies(first: 3, orderBy: {name: AscNullsFirst}) { edges { node { name "
       "idealCustomerProfile people(first: 1, orderBy: {name: {firstName: AscNullsLast}}) { "
       "totalCount countNotEmptyCity pageInfo { hasNextPage endCursor } edges { cursor node { "
       "name { firstName } company { name } } } } } } } }",
       1},
      // Address: addressStreet2 is NULL for some; Lat/Lng numeric.
      {"{ companies { edges { node { address { addressStreet1 addressStreet2 addressCity "
       "addressPostcode addressState addressCountry } } } } }",
       1},
      {"{ companies { edges { node { address { addressLat addressLng } } } } }", 0},
      {"{ companies { edges { node { domainName { primaryLinkUrl primaryLinkLabel "
       "secondaryLinks } } } } }",
       0},
      {"{ companies { edges { node { employees position annualRecurringRevenue { amountMicros "
       "currencyCode } } } } }",
       0},
      {"{ companies { edges { node { name createdBy { source workspaceMemberId name context } } "
       "} } }",
       0},
      // Custom fields: text, boolean, uuid, date-time go through; the rest do not.
      {"{ companies(orderBy: {name: AscNullsFirst}) { edges { node { name motto enabled "
       "externalId seenAt } } } }",
       1},
      {"{ companies { edges { node { name score } } } }", 0},
      {"{ companies { edges { node { name size } } } }", 0},
      {"{ companies { edges { node { name colors } } } }", 0},
      {"{ companies { edges { node { name tags } } } }", 0},
      {"{ companies { edges { node { name payload } } } }", 0},
      {"{ companies { edges { node { name bornOn } } } }", 0},
      {"{ companies { edges { node { name ratio } } } }", 0},
      {"{ people { edges { node { emails { primaryEmail additionalEmails } } } } }", 0},
      // Aggregates: counts go through, percentages and min/max do not.
      {"{ people { totalCount countNotEmptyCity countEmptyJobTitle countUniqueValuesCity } "
       "companies { countTrueIdealCustomerProfile countFalseIdealCustomerProfile } }",
       2},
      {"{ people { percentageEmptyCity } }", 0},
      {"{ people { minCreatedAt maxUpdatedAt } }", 0},
      {"{ companies { avgEmployees sumEmployees } }", 0},
      // Other objects of the seed and the records added above.
      {"{ opportunities { edges { node { name closeDate company { name } pointOfContact { id } } "
       "} } }",
       1},
      {"{ opportunities { edges { node { amount { amountMicros currencyCode } stage } } } }", 0},
      {"{ notes { edges { node { title bodyV2 { blocknote markdown } noteTargets { totalCount } } "
       "} } }",
       1},
      {"{ tasks { edges { node { title dueAt status } } } }", 0},
      {"{ workspaceMembers { edges { node { id name { firstName lastName } userEmail colorScheme "
       "locale } } } }",
       -1},
      // findOne.
      {"{ company(filter: {id: {eq: \"" + airbnb +
           "\"}}) { id name motto people { edges { node { id name { firstName } } } } } }",
       1},
      {"{ company(filter: {id: {eq: \"" + airbnb + "\"}}) { id employees } }", 0},
      {"{ person(filter: {id: {eq: \"00000000-0000-4000-8000-000000000000\"}}) { id } }", 0},
      {"query($n: Int) { people(first: $n) { edges { node { id } } } }", 1, {{"n", 1}}},
  };
  std::size_t total = 0;
  for (const auto& entry : corpus) {
    const std::size_t through = env.compare(entry.query, entry.variables);
    total += through;
    if (entry.through >= 0) {
      EXPECT_EQ(through, static_cast<std::size_t>(entry.through)) << entry.query;
    }
  }
  EXPECT_GE(total, 15u);
}

// Values that the checked path answers differently from PostgreSQL's text (a float's spelling, an
// enum value no longer among the options) or refuses (an invalid UUID, a year past 9999, a null
// first name): the answer is the checked path's, and it is not written through.
TEST(VerbatimAnswers, UnsafeValuesAnswerExactlyAsTheCheckedPath) {
  auto& env = verbatim_env::shared();
  auto sql = [&](const std::string& statement) {
    auto r = env.through.sql(statement);
    ASSERT_TRUE(r.ok()) << statement << ": " << r.error().message;
  };
  const std::string airbnb = "{ companies(filter: {id: {eq: \"" + env.airbnb_id + "\"}}) ";

  sql("UPDATE {s}.company SET employees = 1.5e-7 WHERE id = '" + env.airbnb_id + "'");
  EXPECT_EQ(env.compare(airbnb + "{ edges { node { employees } } } }"), 0u);
  auto floats = env.post_to(env.through.port(), airbnb + "{ edges { node { employees } } } }", {});
  EXPECT_NE(floats.body.find("1.5e-7"), std::string::npos) << floats.body;

  auto type = env.through.sql(
      "SELECT format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = "
      "'{s}.company'::regclass AND attname = 'size'");
  ASSERT_TRUE(type.ok() && type.rows() == 1);
  sql("ALTER TYPE " + std::string(type.get(0, 0)) + " ADD VALUE IF NOT EXISTS 'GHOST'");
  sql("UPDATE {s}.company SET size = 'GHOST' WHERE id = '" + env.airbnb_id + "'");
  EXPECT_EQ(env.compare(airbnb + "{ edges { node { name size } } } }"), 0u);

  // Checked on each answer: the same selections go through once the values are back.
  const std::string uuid_query = airbnb + "{ edges { node { name externalId } } } }";
  EXPECT_EQ(env.compare(uuid_query), 1u);
  sql("UPDATE {s}.company SET \"externalId\" = '6f1c2a3b-4d5e-0f60-8a7b-9c0d1e2f3a4b' WHERE id "
      "= '" +
      env.airbnb_id + "'");
  EXPECT_EQ(env.compare(uuid_query), 0u);
  auto invalid = env.post_to(env.through.port(), uuid_query, {});
  EXPECT_NE(invalid.body.find("Invalid UUID"), std::string::npos) << invalid.body;

  const std::string date_query = airbnb + "{ edges { node { name seenAt } } } }";
  EXPECT_EQ(env.compare(date_query), 1u);
  sql("UPDATE {s}.company SET \"seenAt\" = '10000-01-01T00:00:00Z' WHERE id = '" + env.airbnb_id +
      "'");
  EXPECT_EQ(env.compare(date_query), 0u);

  const std::string name_query =
      "{ people(orderBy: {name: {firstName: AscNullsLast}}) { edges { node { id name { "
      "firstName lastName } city } } } }";
  EXPECT_EQ(env.compare(name_query), 1u);
  sql("UPDATE {s}.person SET \"nameFirstName\" = NULL WHERE \"nameLastName\" = 'Chesky'");
  EXPECT_EQ(env.compare(name_query), 0u);
  auto nulled = env.post_to(env.through.port(), name_query, {});
  EXPECT_NE(nulled.body.find("Cannot return null for non-nullable field FullName.firstName."),
            std::string::npos)
      << nulled.body;
  // A null the selection does not read does not matter.
  EXPECT_EQ(env.compare("{ people { edges { node { id name { lastName } } } } }"), 1u);

  sql("UPDATE {s}.person SET \"nameFirstName\" = 'Brian' WHERE \"nameLastName\" = 'Chesky'");
  sql("UPDATE {s}.company SET employees = 5000, size = 'LARGE', \"externalId\" = "
      "'6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', \"seenAt\" = '2026-01-02T03:04:05.678Z' WHERE id = "
      "'" +
      env.airbnb_id + "'");
}

}  // namespace
}  // namespace cohort::testing
