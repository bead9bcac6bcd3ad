// Cohort's typed settings. Every setting has a Twenty-style environment name, a command-line flag
// and a default (settings_table.cpp holds them all); load_settings() reads defaults, then the
// environment, then flags, and reports the first invalid value as a config_error.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cohort::config {

enum class log_format { text, json };

struct settings {
  // Server
  std::uint16_t node_port = 3000;
  std::string server_url = "http://localhost:3000";
  std::string frontend_url;
  std::string data_dir = ".cohort";
  std::string pg_database_url;  // empty: embedded PostgreSQL under data_dir
  std::string redis_url;        // empty: single-node, in-process pub/sub
  std::string app_secret;       // empty: generated once and kept in core.key_value_pair
  std::string seed = "none";    // none, demo, twenty-dev: data created at start when missing
  bool sample_records = true;   // new workspaces get Twenty's sample companies and people
  int spare_schemas = 2;        // workspace schemas provisioned ahead, so activation is a rename
  // Introspection (__schema, __type) answered on /graphql and on /metadata.
  bool graphql_introspection = true;
  bool metadata_introspection = true;

  // Token lifetimes (Twenty's names and defaults)
  std::chrono::milliseconds access_token_expires_in = std::chrono::minutes(30);
  std::chrono::milliseconds login_token_expires_in = std::chrono::minutes(15);
  std::chrono::milliseconds refresh_token_expires_in = std::chrono::hours(24 * 60);
  std::chrono::milliseconds refresh_token_cool_down = std::chrono::minutes(1);
  std::chrono::milliseconds workspace_agnostic_token_expires_in = std::chrono::minutes(30);
  std::chrono::milliseconds file_token_expires_in = std::chrono::hours(24);
  std::chrono::milliseconds short_term_token_expires_in = std::chrono::minutes(5);
  std::chrono::milliseconds password_reset_token_expires_in = std::chrono::minutes(5);
  std::chrono::milliseconds email_verification_token_expires_in = std::chrono::hours(1);
  // IS_EMAIL_VERIFICATION_REQUIRED: sign-up mails a verification link and password sign-in
  // waits for it (Twenty's default: false).
  bool is_email_verification_required = false;
  std::chrono::milliseconds invitation_token_expires_in = std::chrono::hours(24 * 30);

  // HTTP
  std::size_t http_max_body_bytes = 10 * 1024 * 1024;
  std::size_t http_max_header_bytes = 16 * 1024;
  std::chrono::milliseconds http_read_timeout = std::chrono::seconds(30);
  std::chrono::milliseconds http_idle_timeout = std::chrono::seconds(5);
  int http_threads = 1;

  // PostgreSQL
  int pg_pool_max_connections = 10;
  int pg_pool_threads = 1;    // threads doing the pool's libpq I/O and completing its answers
  int pg_pool_max_reads = 0;  // record reads running at once; 0: three times the CPU cores
  std::chrono::milliseconds pg_statement_timeout = std::chrono::seconds(30);

  // Actors
  int actor_threads = 0;                    // 0: cores minus HTTP threads, at least 1
  std::string actor_scheduler = "sharing";  // CAF's scheduler policy: sharing or stealing
  std::chrono::milliseconds workspace_idle_timeout = std::chrono::minutes(10);
  std::chrono::milliseconds request_timeout = std::chrono::seconds(30);
  std::chrono::milliseconds shutdown_timeout = std::chrono::seconds(10);

  // Webhooks
  bool allow_private_network_targets = false;  // deliveries may go to private/loopback addresses
  std::chrono::milliseconds webhook_timeout = std::chrono::seconds(5);
  int webhook_max_attempts = 6;
  std::chrono::milliseconds webhook_retry_base_delay = std::chrono::seconds(1);

  // Mail (Twenty's EMAIL_* names and defaults): logged, or sent through an SMTP server.
  std::string email_driver = "logger";  // logger or smtp
  std::string email_from_address = "noreply@yourdomain.com";
  std::string email_from_name = "Felix from Twenty";
  std::string email_smtp_host;
  std::uint16_t email_smtp_port = 587;
  std::string email_smtp_user;
  std::string email_smtp_password;
  bool email_smtp_no_tls = false;  // never STARTTLS (nor implicit TLS on port 465)
  std::chrono::milliseconds email_smtp_timeout = std::chrono::seconds(30);
  int email_max_attempts = 5;

  // Rate limiting: API_RATE_LIMITING_LIMIT requests per API_RATE_LIMITING_TTL seconds per token
  // (Twenty's names and defaults), refilled continuously; failed sign-ins per e-mail likewise.
  int api_rate_limiting_ttl = 100;
  int api_rate_limiting_limit = 500;  // 0: no limit
  int sign_in_failures_limit = 10;    // 0: no limit
  std::chrono::milliseconds sign_in_failures_ttl = std::chrono::minutes(15);
  // sendInvitations quotas (Twenty's names and defaults): invitations per workspace, and per
  // invited address (whatever the workspace), in their windows, refilled continuously.
  int invitation_sending_by_workspace_throttle_limit = 500;
  int invitation_sending_by_workspace_throttle_ttl_in_ms = 604'800'000;  // 7 days
  int invitation_sending_by_email_throttle_limit = 10;
  int invitation_sending_by_email_throttle_ttl_in_ms = 604'800'000;  // 7 days

  // Workspace lifecycle (Twenty's names and defaults): SUSPENDED or INACTIVE workspaces are
  // soft-deleted after this many days, and hard-deleted once the difference of the two has passed
  // since; at most so many hard deletions are queued per daily run.
  int workspace_inactive_days_before_soft_deletion = 14;
  int workspace_inactive_days_before_deletion = 21;
  int max_number_of_workspaces_deleted_per_execution = 5;

  // Logs
  std::string log_level = "info";
  config::log_format log_format = log_format::text;
};

// A value that cannot be used. what() reads: `invalid NODE_PORT "abc": expected an integer
// between 1 and 65535`.
struct config_error {
  std::string setting;   // the environment name, e.g. NODE_PORT
  std::string value;     // the rejected text
  std::string expected;  // what would have been accepted
  std::string what() const;
};

// Where a setting's value came from, for `--help` and start-up logs.
using environment = std::map<std::string, std::string>;

// Reads the process environment into a map (only names the table knows).
environment process_environment();

struct load_result {
  std::optional<settings> value;
  std::optional<config_error> error;
  std::vector<std::string> positional;  // arguments that are not flags
  bool help = false;                    // --help / -h was given
};

// Applies defaults, then `env`, then `args` (flags like `--port 3001` or `--port=3001`).
// Unknown flags are errors too.
load_result load_settings(const std::vector<std::string>& args, const environment& env);

}  // namespace cohort::config
