// core.two_factor_authentication_method: a membership's TOTP method (PENDING until its first
// accepted OTP, then VERIFIED), found by the member's user and workspace or by id within a
// workspace. Secrets are stored as given (the API layer encrypts them). Plain asynchronous SQL with
// bound parameters; callbacks run on a pool thread.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

struct two_factor_method_row {
  std::string id;
  std::string user_workspace_id;
  std::string user_id;
  std::string workspace_id;
  std::string secret;  // encrypted
  std::string status;  // PENDING or VERIFIED
  std::string strategy;
  std::string created_at;
  // A PENDING method created less than an hour ago: provisioning again shows the same secret, as
  // Twenty does, so a user who reloads the page keeps the QR code already scanned.
  bool reusable = false;
};
using two_factor_method_callback = std::function<void(db_result<two_factor_method_row>)>;

// The TOTP method of the user's live membership of the workspace.
void find_totp_method(pg::pool& pool, std::string user_id, std::string workspace_id,
                      two_factor_method_callback done);

// A method by id, only when it belongs to a membership of `workspace_id`.
void find_method_in_workspace(pg::pool& pool, std::string id, std::string workspace_id,
                              two_factor_method_callback done);

// Every method of the user's live membership of the workspace, oldest first.
void list_methods(pg::pool& pool, std::string user_id, std::string workspace_id,
                  std::function<void(db_result<std::vector<two_factor_method_row>>)> done);

// Starts (or restarts) the TOTP provisioning of a membership: a PENDING method with `secret`,
// created now. A VERIFIED method is left alone; then nothing is answered (no value, no error).
void save_pending_totp_method(pg::pool& pool, std::string user_workspace_id, std::string secret,
                              two_factor_method_callback done);

// PENDING -> VERIFIED (a verified method stays so).
void mark_method_verified(pg::pool& pool, std::string id,
                          std::function<void(db_result<bool>)> done);

// Deletes the method and revokes its membership's pending recovery code; true when there was one.
void delete_method(pg::pool& pool, std::string id, std::function<void(db_result<bool>)> done);

// The cluster's APP_SECRET as core.key_value_pair keeps it when none is configured (see
// app_secret.hpp, which creates it at start-up); no value when there is none.
void read_stored_app_secret(pg::pool& pool, std::function<void(db_result<std::string>)> done);

}  // namespace cohort::storage::core
