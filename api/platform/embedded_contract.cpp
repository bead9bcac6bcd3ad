#include "api/platform/embedded_contract.hpp"

#include <array>
#include <boost/json/parse.hpp>
#include <string_view>

namespace cohort::api::platform {

namespace {

constexpr std::string_view contract_json =
#include "api/platform/metadata_introspection.inc"
    ;

constexpr std::array<std::string_view, 12> metadata_only_types = {
    "RemoteServerIdInput",  "RemoteServerTypeInput",   "FindManyRemoteTablesInput",
    "CreateOneObjectInput", "CreateObjectInput",       "CreateRemoteServerInput",
    "UserMappingOptions",   "UpdateRemoteServerInput", "UserMappingOptionsUpdateInput",
    "RemoteTableInput",     "CreateOneAppTokenInput",  "CreateAppTokenInput"};

constexpr std::array<std::string_view, 9> metadata_only_root_fields = {
    "findOneRemoteServerById", "findManyRemoteServersByType", "findDistantTablesWithStatus",
    "createOneRemoteServer",   "updateOneRemoteServer",       "deleteOneRemoteServer",
    "syncRemoteTable",         "unsyncRemoteTable",           "syncRemoteTableSchemaChanges"};

// On /graphql these nestjs-query fields are listed without arguments (as Twenty 1.6 shows them).
constexpr std::array<std::string_view, 8> argless_on_graphql = {
    "object", "objects", "index",           "indexMetadatas",
    "field",  "fields",  "createOneObject", "createOneAppToken"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
  for (auto n : names) {
    if (n == name) return true;
  }
  return false;
}

}  // namespace

const boost::json::value& metadata_introspection() {
  static const boost::json::value parsed = boost::json::parse(contract_json);
  return parsed;
}

bool is_metadata_only_type(std::string_view name) {
  return contains(metadata_only_types, name);
}

graphql::utilities::root_field_choice graphql_root_field_choice(std::string_view root_type,
                                                                std::string_view field) {
  using graphql::utilities::root_field_choice;
  if (root_type == "Subscription") return root_field_choice::keep;
  if (contains(metadata_only_root_fields, field)) return root_field_choice::skip;
  if (contains(argless_on_graphql, field)) return root_field_choice::keep_without_args;
  return root_field_choice::keep;
}

}  // namespace cohort::api::platform
