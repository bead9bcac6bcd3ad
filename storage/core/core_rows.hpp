// Rows of the platform's `core` tables as the sign-up / sign-in flow reads them, and the result
// every core repository answers with: a value, nothing (no such row), or the database error.
// Timestamps are ISO 8601 UTC strings with milliseconds ("2026-11-22T01:30:43.203Z"), as the
// GraphQL DateTime scalar gives them out.
#pragma once

#include <optional>
#include <string>

#include "storage/pg/result.hpp"

namespace cohort::storage::core {

template <typename T>
struct db_result {
  std::optional<T> value;  // empty without error: no such row
  std::optional<pg::error_info> error;
  bool ok() const { return !error; }
  static db_result failure(pg::error_info e) { return {std::nullopt, std::move(e)}; }
};

struct user_row {
  std::string id;
  std::string email;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> password_hash;
  std::optional<std::string> default_avatar_url;
  std::string locale;
  bool is_email_verified = false;
  bool disabled = false;
  bool can_impersonate = false;
  bool can_access_full_admin_panel = false;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> deleted_at;
};

struct workspace_row {
  std::string id;
  std::optional<std::string> display_name;
  std::string subdomain;
  std::optional<std::string> custom_domain;
  std::optional<std::string> logo;
  std::optional<std::string> invite_hash;
  std::string activation_status;  // PENDING_CREATION, ONGOING_CREATION, ACTIVE, INACTIVE, SUSPENDED
  std::string database_schema;
  int metadata_version = 1;
  bool allow_impersonation = true;
  bool is_public_invite_link_enabled = true;
  std::optional<std::string> version;
  bool is_google_auth_enabled = true;
  bool is_microsoft_auth_enabled = true;
  bool is_password_auth_enabled = true;
  bool is_two_factor_authentication_enforced = false;
  bool is_custom_domain_enabled = false;
  std::optional<std::string> default_role_id;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> deleted_at;
};

struct user_workspace_row {
  std::string id;
  std::string user_id;
  std::string workspace_id;
  std::optional<std::string> locale;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> deleted_at;
};

// The SQL expression that renders a timestamptz column as the rows above carry it.
std::string iso_timestamp_sql(std::string_view column);

}  // namespace cohort::storage::core
