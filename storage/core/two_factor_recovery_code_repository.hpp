// core.two_factor_authentication_recovery_code: the one pending recovery code an admin issued a
// member (hashed; see migration 0007), its single-use redemption — which resets the member's 2FA
// and ends the member's sessions in that workspace in the same statement — and its revocation.
// Plain asynchronous SQL with bound parameters; callbacks run on a pool thread.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

struct pending_recovery_code_row {
  std::string id;
  std::string code_hash;
  std::string expires_at;  // ISO
};

struct recovery_status_row {
  bool has_verified_method = false;
  std::optional<std::string> pending_expires_at;  // ISO; none without a live pending code
};

struct new_recovery_code {
  std::string workspace_id;
  std::string user_workspace_id;
  std::string code_hash;
  std::string issued_by_user_id;
  std::chrono::seconds lifetime;
};

// Makes `code` the membership's pending code: a pending one (expired or not) is replaced in place,
// so from this statement on only the new code redeems. Answers the new code's expiresAt (ISO).
void save_recovery_code(pg::pool& pool, new_recovery_code code,
                        std::function<void(db_result<std::string>)> done);

// The membership's pending code if it has not expired; no value otherwise.
void find_pending_recovery_code(pg::pool& pool, std::string user_workspace_id,
                                std::function<void(db_result<pending_recovery_code_row>)> done);

// One statement: marks the code used if it is still pending, unexpired and has this hash; then
// deletes the membership's 2FA methods and its user's refresh tokens of that workspace. True when
// this call used the code (of two concurrent redemptions exactly one gets true: the UPDATE takes
// the row lock and the other re-reads a used row).
void redeem_recovery_code(pg::pool& pool, std::string id, std::string code_hash,
                          std::function<void(db_result<bool>)> done);

// Revokes the membership's pending code; answers how many were revoked (0 or 1).
void revoke_pending_recovery_codes(pg::pool& pool, std::string user_workspace_id,
                                   std::function<void(db_result<long>)> done);

// The same, for the user's live membership of the workspace.
void revoke_member_recovery_codes(pg::pool& pool, std::string user_id, std::string workspace_id,
                                  std::function<void(db_result<long>)> done);

// Whether the membership has a VERIFIED method, and its live pending code's expiry.
void read_recovery_status(pg::pool& pool, std::string user_workspace_id,
                          std::function<void(db_result<recovery_status_row>)> done);

}  // namespace cohort::storage::core
