// `--seed twenty-dev`: Twenty's well-known development workspaces (Apple and YCombinator) with
// the fixed ids of spec/twenty-dev-seed.md, so that scripts and tokens written against a Twenty
// development instance work unchanged.
#include "runtime/seed/sample_records.hpp"
#include "runtime/seed/seed_plan.hpp"

namespace cohort::runtime::seed {

namespace {

constexpr const char* dev_password = "tim@apple.dev";

struct dev_user {
  const char* id;
  const char* email;
  const char* first_name;
  const char* last_name;
  const char* apple_user_workspace_id;
  const char* yc_user_workspace_id;
  const char* workspace_member_id;
  const char* role;
};

constexpr dev_user dev_users[] = {
    {"20202020-9e3b-46d4-a556-88b9ddc2b034", "tim@apple.dev", "Tim", "Apple",
     "20202020-9e3b-46d4-a556-88b9ddc2b035", "20202020-e10a-4c27-a90b-b08c57b02d44",
     "20202020-0687-4c41-b707-ed1bfca972a7", "Admin"},
    {"20202020-e6b5-4680-8a32-b8209737156b", "jane.austen@apple.dev", "Jane", "Austen",
     "20202020-1e7c-43d9-a5db-685b5069d816", "20202020-ae8d-41ea-9469-f74f5d4b002e",
     "20202020-463f-435b-828c-107e007a2711", "Admin"},
    {"20202020-3957-4908-9c36-2929a23f8357", "jony.ive@apple.dev", "Jony", "Ive",
     "20202020-3957-4908-9c36-2929a23f8353", "20202020-e10a-4c27-a90b-b08c57b02d45",
     "20202020-77d5-4cb6-b60a-f4a835a85d61", "Member"},
    {"20202020-7169-42cf-bc47-1cfef15264b8", "phil.schiler@apple.dev", "Phil", "Schiler",
     "20202020-7169-42cf-bc47-1cfef15264b1", "20202020-e10a-4c27-a90b-b08c57b02d46",
     "20202020-1553-45c6-a028-5a9064cce07f", "Guest"},
};

seed_workspace dev_workspace(const char* id, const char* name, const char* subdomain,
                             const char* invite_hash, bool apple) {
  seed_workspace ws;
  ws.id = id;
  ws.display_name = name;
  ws.subdomain = subdomain;
  ws.invite_hash = invite_hash;
  for (const auto& u : dev_users) {
    ws.users.push_back(
        {.id = u.id,
         .email = u.email,
         .first_name = u.first_name,
         .last_name = u.last_name,
         .password = dev_password,
         .user_workspace_id = apple ? u.apple_user_workspace_id : u.yc_user_workspace_id,
         .workspace_member_id = u.workspace_member_id,
         .role = u.role});
  }
  ws.with_guest_role = true;
  if (apple) ws.api_keys.push_back({"20202020-f401-4d8a-a731-64d007c27bad", "My api key", "Admin"});
  ws.records = sample_records(ws.id);
  return ws;
}

}  // namespace

seed_plan twenty_dev_seed() {
  seed_plan plan;
  plan.name = "twenty-dev";
  plan.workspaces.push_back(dev_workspace("20202020-1c25-4d02-bf25-6aeccf7ea419", "Apple", "apple",
                                          "apple.dev-invite-hash", true));
  plan.workspaces.push_back(dev_workspace("3b8e6458-5fc1-4e63-8563-008ccddaa6db", "YCombinator",
                                          "yc", "yc.dev-invite-hash", false));
  plan.sign_in_hint =
      "twenty-dev workspaces Apple and YCombinator: sign in as tim@apple.dev with password "
      "tim@apple.dev";
  return plan;
}

}  // namespace cohort::runtime::seed
