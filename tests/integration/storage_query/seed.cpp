#include "seed.hpp"

namespace cohort::testing::query {
namespace {

seeded build() {
  seeded s;
  s.env = query_env::create("query_reads");
  auto& env = *s.env;
  s.created_companies =
      env.ok(create("company", R"([
      {"name": "Acme Corp", "employees": 250, "idealCustomerProfile": true,
       "domainName": {"primaryLinkUrl": "https://acme.example"},
       "linkedinLink": {"primaryLinkUrl": "https://linkedin.com/acme"},
       "annualRecurringRevenue": {"amountMicros": 5000000000000, "currencyCode": "EUR"},
       "address": {"addressCity": "Paris"}},
      {"name": "Globex", "employees": 40, "domainName": {"primaryLinkUrl": "https://globex.example"}},
      {"name": "Initech", "employees": 12},
      {"name": "Nullco", "domainName": {"primaryLinkUrl": "https://nullco.example"}}])",
                    record({field("id"), field("name"), field("position"),
                            composite("domainName", {"primaryLinkUrl", "primaryLinkLabel"}),
                            composite("linkedinLink", {"primaryLinkUrl", "primaryLinkLabel"}),
                            composite("annualRecurringRevenue", {"amountMicros", "currencyCode"})}),
                    true));
  for (const auto& c : s.created_companies.as_array()) {
    s.company[std::string(c.at("name").as_string())] = std::string(c.at("id").as_string());
  }
  const std::string people = R"([
      {"name": {"firstName": "Alice", "lastName": "Martin"}, "city": "Paris",
       "jobTitle": "Software Engineer", "companyId": ")" +
                             s.company["Acme Corp"] + R"(",
       "emails": {"primaryEmail": "alice@acme.example", "additionalEmails": ["a@perso.example"]}},
      {"name": {"firstName": "Bob", "lastName": "Durand"}, "city": "Lyon",
       "jobTitle": "Sales Manager", "companyId": ")" +
                             s.company["Acme Corp"] + R"(",
       "emails": {"primaryEmail": "bob@acme.example"}},
      {"name": {"firstName": "Chloe", "lastName": "Bernard"}, "city": "Paris",
       "jobTitle": "Senior Engineer", "companyId": ")" +
                             s.company["Globex"] + R"(",
       "emails": {"primaryEmail": "chloe@globex.example"}},
      {"name": {"firstName": "David", "lastName": "Petit"}, "emails": {"primaryEmail": "david.petit@example.com"}, "city": "Berlin", "jobTitle": "CTO",
       "companyId": ")" + s.company["Globex"] +
                             R"("},
      {"name": {"firstName": "Emma", "lastName": "Robert"}, "emails": {"primaryEmail": "emma.robert@example.com"}, "city": "Paris",
       "jobTitle": "Engineer", "companyId": ")" +
                             s.company["Initech"] + R"("},
      {"name": {"firstName": "Farid", "lastName": "Richard"}, "emails": {"primaryEmail": "farid@example.com"}},
      {"name": {"firstName": "Sam", "lastName": "Alpha"}, "emails": {"primaryEmail": "sam.alpha@example.com"}, "city": "Oslo"},
      {"name": {"firstName": "Sam", "lastName": "Beta"}, "emails": {"primaryEmail": "sam.beta@example.com"}, "city": "Oslo"},
      {"name": {"firstName": "Sam", "lastName": "Gamma"}, "emails": {"primaryEmail": "sam.gamma@example.com"}, "city": "Oslo"},
      {"name": {"firstName": "Sam", "lastName": "Delta"}, "emails": {"primaryEmail": "sam.delta@example.com"}, "city": "Oslo"}])";
  s.created_people =
      env.ok(create("person", people,
                    record({field("id"), composite("name", {"firstName", "lastName"}),
                            composite("emails", {"primaryEmail", "additionalEmails"}),
                            composite("phones", {"primaryPhoneNumber", "primaryPhoneCountryCode"}),
                            field("jobTitle"), field("city"), field("position"), field("companyId"),
                            field("createdAt"), field("updatedAt"), field("deletedAt"),
                            composite("createdBy", {"source", "workspaceMemberId", "name"}),
                            relation("company", record({field("id"), field("name")}))}),
                    true));
  for (const auto& p : s.created_people.as_array()) {
    const auto& name = p.at("name");
    s.person[std::string(name.at("firstName").as_string()) + " " +
             std::string(name.at("lastName").as_string())] = std::string(p.at("id").as_string());
  }
  env.ok(create("opportunity", R"([
      {"name": "Big deal", "stage": "MEETING", "amount": {"amountMicros": 1000000, "currencyCode": "USD"}},
      {"name": "Small deal", "stage": "NEW"}])",
                record({field("id")}), true));
  auto pets = env.ok(create("pet", R"([
      {"name": "Rex", "traits": ["CALM", "PLAYFUL"], "rating": "RATING_3",
       "tags": ["good boy", "fluffy"], "birthday": "2020-05-01", "weight": 12.5,
       "vaccinated": true, "profile": {"color": "brown"}},
      {"name": "Tom", "traits": ["LOUD"], "tags": [], "vaccinated": false, "rating": "RATING_1"},
      {"name": "Kit", "traits": []},
      {"name": "Nib"}])",
                            record({field("id"), field("name")}), true));
  for (const auto& p : pets.as_array()) {
    s.pet[std::string(p.at("name").as_string())] = std::string(p.at("id").as_string());
  }
  return s;
}

}  // namespace

const seeded& seed() {
  static const seeded s = build();
  return s;
}

std::vector<std::string> names(const boost::json::value& connection) {
  std::vector<std::string> out;
  if (!connection.is_object()) return out;
  for (const auto& edge : connection.at("edges").as_array()) {
    const auto& name = edge.at("node").at("name");
    if (name.is_object()) {
      out.push_back(std::string(name.at("firstName").as_string()) + " " +
                    std::string(name.at("lastName").as_string()));
    } else {
      out.emplace_back(name.as_string());
    }
  }
  return out;
}

std::vector<std::string> matching(const std::string& object, std::string_view filter_json,
                                  std::string_view order_json) {
  const bool person = object == "person";
  std::string order(order_json);
  if (order.empty()) {
    order =
        person
            ? R"([{"name": {"firstName": "AscNullsFirst"}}, {"name": {"lastName": "AscNullsFirst"}}])"
            : R"([{"name": "AscNullsFirst"}])";
  }
  auto node = person ? record({field("id"), composite("name", {"firstName", "lastName"})})
                     : record({field("id"), field("name")});
  return names(seed().env->ok(find_many(object, paged(node, page(filter_json, order)))));
}

}  // namespace cohort::testing::query
