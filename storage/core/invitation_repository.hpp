// Workspace invitations: core.app_token rows of type INVITATION_TOKEN (value: the personal invite
// token, context: {"email", "roleId"?}), always looked up within one workspace; the workspace of
// a public invite hash; and joining a workspace — the membership and its workspaceMember made by
// the same statement activation uses for the creator (it also gives the workspace's default
// role), the personal invitation consumed in the same transaction (single use).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/core/workspace_member_repository.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

struct invitation_row {
  std::string id;  // the appToken id
  std::string email;
  std::string expires_at;  // ISO
  std::optional<std::string> role_id;
  bool expired = false;
};

enum class invitation_outcome {
  created,
  already_invited,  // the workspace has an invitation for the address already
  already_member,   // the address belongs to a live member of the workspace
};

struct new_invitation {
  std::string workspace_id;
  std::string email;  // lower-cased by the caller
  std::string token;  // the personal invite token
  std::chrono::milliseconds lifetime;
  std::optional<std::string> role_id;
};

struct created_invitation {
  invitation_outcome outcome = invitation_outcome::created;
  std::optional<invitation_row> row;  // when created
};

void create_invitation(pg::pool& pool, new_invitation invitation,
                       std::function<void(db_result<created_invitation>)> done);

// Every invitation of the workspace (expired ones too, as Twenty lists them), oldest first.
void list_invitations(pg::pool& pool, std::string workspace_id,
                      std::function<void(db_result<std::vector<invitation_row>>)> done);
void find_invitation(pg::pool& pool, std::string workspace_id, std::string id,
                     std::function<void(db_result<invitation_row>)> done);
void find_invitation_by_token(pg::pool& pool, std::string workspace_id, std::string token,
                              std::function<void(db_result<invitation_row>)> done);
// True when the workspace had it.
void delete_invitation(pg::pool& pool, std::string workspace_id, std::string id,
                       std::function<void(db_result<bool>)> done);

// A pending personal invitation of one address and the workspace it invites to.
struct pending_invitation {
  workspace_row workspace;
  std::string token;  // the personal invite token
};

// Across workspaces (Twenty's findInvitationsByEmail): the unexpired invitations sent to `email`
// by live workspaces that `user_id` (empty: no account yet) is not a member of, oldest first.
// What the signed-in owner of the address may see: only invitations addressed to it.
void list_pending_invitations_for_email(
    pg::pool& pool, std::string email, std::string user_id,
    std::function<void(db_result<std::vector<pending_invitation>>)> done);

// The live workspace whose public invite hash this is.
void find_workspace_by_invite_hash(pg::pool& pool, std::string invite_hash,
                                   std::function<void(db_result<workspace_row>)> done);

struct workspace_join {
  std::string workspace_id;
  std::string schema;  // the workspace's database_schema
  new_workspace_member member;
  // A personal invitation to consume; using it marks the user's e-mail verified (it was mailed).
  std::optional<std::string> invitation_id;
};

enum class join_outcome {
  joined,
  already_member,   // nothing created (the invitation, if any, is consumed all the same)
  invitation_used,  // the invitation was consumed by someone else meanwhile: nothing done
};

struct join_result {
  join_outcome outcome = join_outcome::joined;
  std::string workspace_member_id;  // when joined
};

void join_workspace(pg::pool& pool, workspace_join join,
                    std::function<void(db_result<join_result>)> done);

}  // namespace cohort::storage::core
