#include "storage/core/row_readers.hpp"

namespace cohort::storage::core::detail {

namespace {

std::string text(const pg::result& r, int row, const char* column) {
  return std::string(r.get(row, r.column_index(column)));
}
std::optional<std::string> optional_text(const pg::result& r, int row, const char* column) {
  auto v = r.get_optional(row, r.column_index(column));
  return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}
bool flag(const pg::result& r, int row, const char* column) {
  return r.get(row, r.column_index(column)) == "t";
}

std::string timestamps(std::string_view alias) {
  std::string a(alias);
  return iso_timestamp_sql(a + ".created_at") + " AS created_at, " +
         iso_timestamp_sql(a + ".updated_at") + " AS updated_at, " +
         iso_timestamp_sql(a + ".deleted_at") + " AS deleted_at";
}

}  // namespace

const std::string& user_columns() {
  static const std::string columns =
      "u.id, u.email, u.first_name, u.last_name, u.password_hash, u.default_avatar_url, u.locale, "
      "u.is_email_verified, u.disabled, u.can_impersonate, u.can_access_full_admin_panel, " +
      timestamps("u");
  return columns;
}

const std::string& workspace_columns() {
  static const std::string columns =
      "w.id, w.display_name, w.subdomain, w.custom_domain, w.logo, w.invite_hash, "
      "w.activation_status, w.database_schema, w.metadata_version, w.allow_impersonation, "
      "w.is_public_invite_link_enabled, w.version, w.is_google_auth_enabled, "
      "w.is_microsoft_auth_enabled, w.is_password_auth_enabled, "
      "w.is_two_factor_authentication_enforced, w.is_custom_domain_enabled, w.default_role_id, " +
      timestamps("w");
  return columns;
}

const std::string& user_workspace_columns() {
  static const std::string columns =
      "uw.id, uw.user_id, uw.workspace_id, uw.locale, " + timestamps("uw");
  return columns;
}

user_row read_user(const pg::result& r, int row) {
  user_row u;
  u.id = text(r, row, "id");
  u.email = text(r, row, "email");
  u.first_name = text(r, row, "first_name");
  u.last_name = text(r, row, "last_name");
  u.password_hash = optional_text(r, row, "password_hash");
  u.default_avatar_url = optional_text(r, row, "default_avatar_url");
  u.locale = text(r, row, "locale");
  u.is_email_verified = flag(r, row, "is_email_verified");
  u.disabled = flag(r, row, "disabled");
  u.can_impersonate = flag(r, row, "can_impersonate");
  u.can_access_full_admin_panel = flag(r, row, "can_access_full_admin_panel");
  u.created_at = text(r, row, "created_at");
  u.updated_at = text(r, row, "updated_at");
  u.deleted_at = optional_text(r, row, "deleted_at");
  return u;
}

workspace_row read_workspace(const pg::result& r, int row) {
  workspace_row w;
  w.id = text(r, row, "id");
  w.display_name = optional_text(r, row, "display_name");
  w.subdomain = text(r, row, "subdomain");
  w.custom_domain = optional_text(r, row, "custom_domain");
  w.logo = optional_text(r, row, "logo");
  w.invite_hash = optional_text(r, row, "invite_hash");
  w.activation_status = text(r, row, "activation_status");
  w.database_schema = text(r, row, "database_schema");
  w.metadata_version = std::stoi(text(r, row, "metadata_version"));
  w.allow_impersonation = flag(r, row, "allow_impersonation");
  w.is_public_invite_link_enabled = flag(r, row, "is_public_invite_link_enabled");
  w.version = optional_text(r, row, "version");
  w.is_google_auth_enabled = flag(r, row, "is_google_auth_enabled");
  w.is_microsoft_auth_enabled = flag(r, row, "is_microsoft_auth_enabled");
  w.is_password_auth_enabled = flag(r, row, "is_password_auth_enabled");
  w.is_two_factor_authentication_enforced = flag(r, row, "is_two_factor_authentication_enforced");
  w.is_custom_domain_enabled = flag(r, row, "is_custom_domain_enabled");
  w.default_role_id = optional_text(r, row, "default_role_id");
  w.created_at = text(r, row, "created_at");
  w.updated_at = text(r, row, "updated_at");
  w.deleted_at = optional_text(r, row, "deleted_at");
  return w;
}

user_workspace_row read_user_workspace(const pg::result& r, int row) {
  user_workspace_row uw;
  uw.id = text(r, row, "id");
  uw.user_id = text(r, row, "user_id");
  uw.workspace_id = text(r, row, "workspace_id");
  uw.locale = optional_text(r, row, "locale");
  uw.created_at = text(r, row, "created_at");
  uw.updated_at = text(r, row, "updated_at");
  uw.deleted_at = optional_text(r, row, "deleted_at");
  return uw;
}

}  // namespace cohort::storage::core::detail
