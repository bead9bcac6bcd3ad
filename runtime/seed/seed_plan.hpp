// A seed as data: workspaces with their users, memberships and records (Twenty's CreateInput
// shapes), applied at start by `cohort serve --seed <name>` when the workspace is missing. The
// demo and twenty-dev seeds are two such plans.
#pragma once

#include <boost/json/array.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cohort::runtime::seed {

struct seed_user {
  std::string id;
  std::string email;
  std::string first_name;
  std::string last_name;
  std::string password;  // hashed (argon2id) when applied
  std::string user_workspace_id;
  std::string workspace_member_id;
  // The role label of the membership: Admin, Member (the default role) or the dev seed's Guest
  // (read-only on records; see storage/core/role_provisioning.hpp).
  std::string role = "Admin";
};

// An API key of a seeded workspace (never expires), with the role of that label.
struct seed_api_key {
  std::string id;
  std::string name;
  std::string role = "Admin";
};

// Records of one object, created in order: (nameSingular, one CreateInput per record).
using seed_records = std::pair<std::string, boost::json::array>;

struct seed_workspace {
  std::string id;
  std::string display_name;
  std::string subdomain;
  std::string invite_hash;
  std::vector<seed_user> users;
  std::vector<seed_api_key> api_keys;
  bool with_guest_role = false;
  std::vector<seed_records> records;
};

struct seed_plan {
  std::string name;
  std::vector<seed_workspace> workspaces;
  // Printed at start so that a newcomer can sign in at once.
  std::string sign_in_hint;
};

// nullopt for "none" or an unknown name.
std::optional<seed_plan> find_seed(const std::string& name);

seed_plan demo_seed();
seed_plan twenty_dev_seed();

}  // namespace cohort::runtime::seed
