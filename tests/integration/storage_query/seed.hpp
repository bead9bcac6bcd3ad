// The records the read tests query, created through the compiler itself (createCompanies,
// createPeople, createOpportunities, createPets) in one workspace shared by the read suites.
#pragma once

#include <map>
#include <string>

#include "query_env.hpp"

namespace cohort::testing::query {

struct seeded {
  std::unique_ptr<query_env> env;
  std::map<std::string, std::string> company;  // name -> id
  std::map<std::string, std::string> person;   // "First Last" -> id
  std::map<std::string, std::string> pet;      // name -> id
  boost::json::value created_people;           // the createPeople answer
  boost::json::value created_companies;        // the createCompanies answer
};

// Built once per test binary.
const seeded& seed();

// "First Last" of each edge (people), or `name` (companies, pets), in order.
std::vector<std::string> names(const boost::json::value& connection);
// The names matching a filter on `object` (people ordered by first then last name, others by
// name) — what a user reads in a filtered list.
std::vector<std::string> matching(const std::string& object, std::string_view filter_json,
                                  std::string_view order_json = "");

}  // namespace cohort::testing::query
