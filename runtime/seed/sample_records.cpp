#include "runtime/seed/sample_records.hpp"

#include <boost/json.hpp>

#include "model/stable_id.hpp"

namespace cohort::runtime::seed {

namespace {

// An address part Twenty leaves NULL in its prefill.
constexpr const char* none = nullptr;

struct sample {
  const char* company_id;  // Twenty prefills its sample companies with these fixed ids
  const char* company;
  const char* domain;
  int employees;
  const char* street1;
  const char* street2;
  const char* city;
  const char* state;
  const char* postcode;
  const char* country;
  const char* first_name;
  const char* last_name;
  const char* email;
  const char* phone;
  int avatar;  // placeholder image number
};

// In Twenty's prefill order (position 1..5), with its addresses.
constexpr sample samples[] = {
    {"c776ee49-f608-4a77-8cc8-6fe96ae1e43f", "Airbnb", "https://airbnb.com", 5000, "888 Brannan St",
     none, "San Francisco", "CA", "94103", "United States", "Brian", "Chesky", "chesky@airbnb.com",
     "123456789", 3},
    {"f45ee421-8a3e-4aa5-a1cf-7207cc6754e1", "Anthropic", "https://anthropic.com", 1100,
     "548 Market Street", none, "San Francisco", "CA", "94104", "United States", "Dario", "Amodei",
     "amodei@anthropic.com", "555123456", 89},
    {"1f70157c-4ea5-4d81-bc49-e1401abfbb94", "Stripe", "https://stripe.com", 8000, "Eutaw Street",
     none, "Dublin", none, none, "Ireland", "Patrick", "Collison", "collison@stripe.com",
     "987625341", 47},
    {"9d5bcf43-7d38-4e88-82cb-d6d4ce638bf0", "Figma", "https://figma.com", 800, "760 Market St",
     "Floor 10", "San Francisco", none, "94102", "United States", "Dylan", "Field",
     "field@figma.com", "098822619", 40},
    {"06290608-8bf0-4806-99ae-a715a6a93fad", "Notion", "https://notion.com", 400,
     "2300 Harrison St", none, "San Francisco", "CA", "94110", "United States", "Ivan", "Zhao",
     "zhao@notion.com", "882261739", 68},
};

boost::json::value text_or_null(const char* text) {
  return text ? boost::json::value(text) : boost::json::value(nullptr);
}

}  // namespace

std::vector<seed_records> sample_records(std::string_view workspace_id) {
  boost::json::array companies;
  boost::json::array people;
  int position = 1;
  for (const auto& s : samples) {
    std::string company_id = s.company_id;
    std::string person_id = model::uuid_v5(workspace_id, std::string("sample-person:") + s.email);
    companies.push_back(boost::json::object{
        {"id", company_id},
        {"name", s.company},
        {"domainName", {{"primaryLinkUrl", s.domain}, {"primaryLinkLabel", ""}}},
        {"employees", s.employees},
        {"address",
         {{"addressStreet1", s.street1},
          {"addressStreet2", text_or_null(s.street2)},
          {"addressCity", s.city},
          {"addressState", text_or_null(s.state)},
          {"addressPostcode", text_or_null(s.postcode)},
          {"addressCountry", s.country}}},
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

std::string sample_company_id(std::string_view name) {
  for (const auto& s : samples) {
    if (name == s.company) return s.company_id;
  }
  return {};
}

}  // namespace cohort::runtime::seed
