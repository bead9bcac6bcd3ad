// core.approved_access_domain: the e-mail domains of a workspace (Twenty's ApprovedAccessDomain),
// always read and changed within one workspace. Plain asynchronous SQL with bound parameters;
// callbacks run on a pool thread.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

struct approved_access_domain_row {
  std::string id;
  std::string workspace_id;
  std::string domain;
  bool is_validated = false;
  std::string created_at;  // ISO
};
using approved_access_domain_callback = std::function<void(db_result<approved_access_domain_row>)>;

// The workspace's domains, oldest first.
void list_approved_access_domains(
    pg::pool& pool, std::string workspace_id,
    std::function<void(db_result<std::vector<approved_access_domain_row>>)> done);
// A new, unvalidated domain; a domain the workspace already has fails with SQLSTATE 23505.
void insert_approved_access_domain(pg::pool& pool, std::string workspace_id, std::string domain,
                                   approved_access_domain_callback done);
// The domain `id` of the workspace (no value when the workspace has no such domain).
void find_approved_access_domain(pg::pool& pool, std::string workspace_id, std::string id,
                                 approved_access_domain_callback done);
// Marks it validated, only if it was not yet; answers it (no value when it already was).
void validate_approved_access_domain(pg::pool& pool, std::string workspace_id, std::string id,
                                     approved_access_domain_callback done);
// Deletes the domain `id` of the workspace; true when there was one.
void delete_approved_access_domain(pg::pool& pool, std::string workspace_id, std::string id,
                                   std::function<void(db_result<bool>)> done);

// Sign-up through a domain (Twenty's checkAccessForSignIn): whether `domain` is a validated
// approved access domain of the workspace.
void has_validated_domain(pg::pool& pool, std::string workspace_id, std::string domain,
                          std::function<void(db_result<bool>)> done);
// The live workspaces with `domain` as a validated approved access domain that the user
// (`user_id`, empty for an address without an account) is not a member of, oldest domain first:
// the workspaces that address may join (availableWorkspacesForSignUp).
void list_workspaces_joinable_by_domain(
    pg::pool& pool, std::string domain, std::string user_id,
    std::function<void(db_result<std::vector<workspace_row>>)> done);

}  // namespace cohort::storage::core
