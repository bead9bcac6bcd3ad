#include "runtime/seed/sample_records.hpp"

#include <boost/json.hpp>

#include "model/stable_id.hpp"

namespace cohort::runtime::seed {

namespace {

struct sample {
  const char* company;
  const char* domain;
  int employees;
  const char* street;
  const char* postcode;
  const char* first_name;
  const char* last_name;
  const char* email;
  const char* phone;
  int avatar;  // placeholder image number
};

// In Twenty's prefill order (position 1..5).
constexpr sample samples[] = {
    {"Airbnb", "https://airbnb.com", 5000, "888 Brannan St", "94103", "Brian", "Chesky",
     "chesky@airbnb.com", "123456789", 3},
    {"Anthropic", "https://anthropic.com", 1100, "548 Market St", "94104", "Dario", "Amodei",
     "amodei@anthropic.com", "555123456", 89},
    {"Stripe", "https://stripe.com", 8000, "354 Oyster Point Blvd", "94080", "Patrick", "Collison",
     "collison@stripe.com", "987625341", 47},
    {"Figma", "https://figma.com", 800, "760 Market St", "94102", "Dylan", "Field",
     "field@figma.com", "098822619", 40},
    {"Notion", "https://notion.com", 400, "2300 Harrison St", "94110", "Ivan", "Zhao",
     "zhao@notion.com", "882261739", 68},
};

}  // namespace

std::vector<seed_records> sample_records(std::string_view workspace_id) {
  boost::json::array companies;
  boost::json::array people;
  int position = 1;
  for (const auto& s : samples) {
    std::string company_id =
        model::uuid_v5(workspace_id, std::string("sample-company:") + s.company);
    std::string person_id = model::uuid_v5(workspace_id, std::string("sample-person:") + s.email);
    companies.push_back(boost::json::object{
        {"id", company_id},
        {"name", s.company},
        {"domainName", {{"primaryLinkUrl", s.domain}, {"primaryLinkLabel", ""}}},
        {"employees", s.employees},
        {"address",
         {{"addressStreet1", s.street},
          {"addressCity", "San Francisco"},
          {"addressPostcode", s.postcode},
          {"addressState", "CA"},
          {"addressCountry", "United States"}}},
        {"position", position},
    });
    people.push_back(boost::json::object{
        {"id", person_id},
        {"name", {{"firstName", s.first_name}, {"lastName", s.last_name}}},
        {"emails", {{"primaryEmail", s.email}}},
        {"phones",
         {{"primaryPhoneNumber", s.phone},
          {"primaryPhoneCountryCode", ""},
          {"primaryPhoneCallingCode", "+1"}}},
        {"city", "San Francisco"},
        {"avatarUrl", "https://twentyhq.github.io/placeholder-images/people/image-" +
                          std::to_string(s.avatar) + ".png"},
        {"companyId", company_id},
        {"position", position},
    });
    ++position;
  }
  return {{"company", std::move(companies)}, {"person", std::move(people)}};
}

}  // namespace cohort::runtime::seed
