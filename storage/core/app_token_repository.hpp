// core.app_token refresh tokens and core.consumed_login_token: a refresh token is used once
// (renewing revokes it), a revoked one presented again after the cool-down is theft (every refresh
// token of the user is revoked), and a login token's `jti` is accepted once.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

struct new_refresh_token {
  std::string user_id;
  std::optional<std::string> workspace_id;  // none: a workspace-agnostic session
  std::optional<std::string> family_id;     // none: a new sign-in, the row is its own family
  std::chrono::milliseconds lifetime;
};

struct refresh_token_row {
  std::string id;  // the refresh JWT's `jti`
  std::string family_id;
  std::string expires_at;  // ISO
};

void insert_refresh_token(pg::pool& pool, new_refresh_token token,
                          std::function<void(db_result<refresh_token_row>)> done);

enum class rotation_status {
  rotated,                  // was live, now revoked by this call
  reused_within_cool_down,  // already revoked, but recently: a parallel renewal (allowed)
  reused,                   // revoked longer ago than the cool-down: every refresh token revoked
  unknown,                  // no such refresh token
};

struct rotation {
  rotation_status status = rotation_status::unknown;
  std::string user_id;
  std::optional<std::string> workspace_id;
  std::string family_id;
};

// Revokes the refresh token `id` unless it already is; tells what it found. Only the first of
// concurrent renewals sees `rotated`.
void rotate_refresh_token(pg::pool& pool, std::string id, std::chrono::milliseconds cool_down,
                          std::function<void(db_result<rotation>)> done);

// Revokes every live refresh token of the family (one sign-in and its renewals).
void revoke_refresh_family(pg::pool& pool, std::string family_id,
                           std::function<void(db_result<long>)> done);

// Ends the session `jti` belongs to (signOut): deletes every refresh token of its family, so none
// renews again, not even within the cool-down. The number deleted (0 for an unknown id, or one of
// another user).
void revoke_refresh_session(pg::pool& pool, std::string jti, std::string user_id,
                            std::function<void(db_result<long>)> done);

// Password reset tokens: rows of type PASSWORD_RESET_TOKEN whose `value` is the SHA-256 (hex) of
// the token sent to the user. A new one revokes the user's earlier ones; it is redeemed once.
struct new_password_reset_token {
  std::string user_id;
  std::string workspace_id;  // the workspace whose URL the link opens
  std::string value_hash;
  std::chrono::milliseconds lifetime;
};
// Answers the new row's expiresAt (ISO).
void replace_password_reset_token(pg::pool& pool, new_password_reset_token token,
                                  std::function<void(db_result<std::string>)> done);
// The user id of a live (unrevoked, unexpired) reset token; no value otherwise.
void find_password_reset_token(pg::pool& pool, std::string value_hash,
                               std::function<void(db_result<std::string>)> done);
// One statement: when the token is live, sets the user's password hash, revokes every reset token
// of the user and deletes its refresh tokens (a reset ends the sessions a thief may hold). Answers
// the user id; no value when the token was not live (reused, expired or unknown).
void redeem_password_reset_token(pg::pool& pool, std::string value_hash,
                                 std::string new_password_hash,
                                 std::function<void(db_result<std::string>)> done);

// E-mail verification tokens (Twenty's EmailVerificationToken): rows of type
// EMAIL_VERIFICATION_TOKEN whose `value` is the SHA-256 (hex) of the mailed token and whose
// context names the address verified ({"email": ...}).
struct new_email_verification_token {
  std::string user_id;
  std::string email;
  std::string value_hash;
  std::chrono::milliseconds lifetime;
};
void insert_email_verification_token(pg::pool& pool, new_email_verification_token token,
                                     std::function<void(db_result<std::string>)> done);
struct email_verification_token_row {
  std::string id;
  std::string user_id;
  std::optional<std::string> email;  // from the context
  bool expired = false;
  long long age_ms = 0;  // since it was created
};
// The token with this hash (no value when there is none).
void find_email_verification_token(
    pg::pool& pool, std::string value_hash,
    std::function<void(db_result<email_verification_token_row>)> done);
// The user's most recent token (no value when there is none), for the resend cool-down.
void latest_email_verification_token(
    pg::pool& pool, std::string user_id,
    std::function<void(db_result<email_verification_token_row>)> done);
// Deletes every verification token of the user; answers how many.
void delete_email_verification_tokens(pg::pool& pool, std::string user_id,
                                      std::function<void(db_result<long>)> done);
// One statement: deletes the token (single use) and marks its user's e-mail verified. Answers the
// user id; no value when the token was gone (used meanwhile).
void redeem_email_verification_token(pg::pool& pool, std::string id,
                                     std::function<void(db_result<std::string>)> done);

// Records the login token's `jti`; true the first time, false when it was already used.
void consume_login_token(pg::pool& pool, std::string jti, std::string expires_at_iso,
                         std::function<void(db_result<bool>)> done);

}  // namespace cohort::storage::core
