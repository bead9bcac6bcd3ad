// core."user": look-ups by e-mail and id, and creation. Plain asynchronous SQL with bound
// parameters; callbacks run on a pool thread. E-mails are expected lower-cased by the caller
// (the table refuses others).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

using user_callback = std::function<void(db_result<user_row>)>;

// The live (not soft-deleted) user with this e-mail.
void find_user_by_email(pg::pool& pool, std::string email, user_callback done);
// The live user with this id.
void find_user_by_id(pg::pool& pool, std::string id, user_callback done);

struct new_user {
  std::string email;
  std::string password_hash;
  std::string first_name;
  std::string last_name;
  std::string locale = "en";
};

// A second live account with the same e-mail fails with SQLSTATE 23505 (unique_violation).
void create_user(pg::pool& pool, new_user user, user_callback done);

// What deleteUser needs to know of each live membership of a user (Twenty's
// removeUserFromWorkspaceAndPotentiallyDeleteWorkspace): how many members the workspace has and
// whether the user is its only Admin.
struct membership_standing {
  std::string workspace_id;
  std::string user_workspace_id;
  std::string database_schema;
  std::string activation_status;
  long members = 0;  // live memberships of the workspace, the user's included
  bool is_admin = false;
  long admins = 0;  // live members holding the standard Admin role
  bool only_member() const { return members <= 1; }
  bool only_admin() const { return is_admin && admins <= 1; }
};
void list_membership_standings(
    pg::pool& pool, std::string user_id,
    std::function<void(db_result<std::vector<membership_standing>>)> done);

// deleteUser in one transaction: the user's workspaceMember records (active workspaces of other
// members), every membership (their role targets cascade), every app token (refresh tokens end),
// the workspaces the user was alone in taken out of use (soft-deleted; the caller hard-deletes
// them after), and the user soft-deleted. First, in the same transaction, the Admin role targets
// of the user's workspaces are locked and the last-admin rule is checked again: of two deletions
// racing for a workspace's last two Admins, the second waits for the first and is refused.
struct user_deletion {
  std::optional<user_row> user;  // the deleted user as it was; none when there was no live user
  bool last_admin = false;       // refused: the user is the only Admin of a shared workspace
};
void delete_user_account(pg::pool& pool, std::string user_id,
                         const std::vector<membership_standing>& memberships,
                         std::function<void(db_result<user_deletion>)> done);

}  // namespace cohort::storage::core
