#include "config/settings_table.hpp"

#include <cctype>
#include <charconv>
#include <sstream>

#include "config/duration.hpp"

namespace cohort::config {

namespace {

using apply_fn = std::function<std::optional<std::string>(settings&, std::string_view)>;

template <class Int>
std::optional<Int> parse_int(std::string_view text, Int lo, Int hi) {
  Int v{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || v < lo || v > hi)
    return std::nullopt;
  return v;
}

template <class Int>
apply_fn integer(Int settings::*member, Int lo, Int hi) {
  return [=](settings& s, std::string_view text) -> std::optional<std::string> {
    if (auto v = parse_int<Int>(text, lo, hi)) {
      s.*member = *v;
      return std::nullopt;
    }
    return "an integer between " + std::to_string(lo) + " and " + std::to_string(hi);
  };
}

apply_fn duration(std::chrono::milliseconds settings::*member) {
  return [=](settings& s, std::string_view text) -> std::optional<std::string> {
    if (auto v = parse_duration(text)) {
      s.*member = *v;
      return std::nullopt;
    }
    return "a duration such as 500ms, 30s, 15m, 1h or 60d";
  };
}

apply_fn text(std::string settings::*member, bool allow_empty = true) {
  return [=](settings& s, std::string_view value) -> std::optional<std::string> {
    if (!allow_empty && value.empty()) return "a non-empty value";
    s.*member = std::string(value);
    return std::nullopt;
  };
}

apply_fn one_of(std::string settings::*member, std::vector<std::string> allowed) {
  return [=](settings& s, std::string_view value) -> std::optional<std::string> {
    for (const auto& a : allowed) {
      if (a == value) {
        s.*member = a;
        return std::nullopt;
      }
    }
    std::string expected = "one of";
    for (std::size_t i = 0; i < allowed.size(); ++i) {
      expected += i ? ", " : " ";
      expected += allowed[i];
    }
    return expected;
  };
}

apply_fn boolean(bool settings::*member) {
  return [=](settings& s, std::string_view value) -> std::optional<std::string> {
    if (value == "true" || value == "1") {
      s.*member = true;
    } else if (value == "false" || value == "0") {
      s.*member = false;
    } else {
      return "true or false";
    }
    return std::nullopt;
  };
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

apply_fn http_url(std::string settings::*member) {
  return [=](settings& s, std::string_view value) -> std::optional<std::string> {
    if (!value.empty() && !starts_with(value, "http://") && !starts_with(value, "https://"))
      return "an http:// or https:// URL";
    std::string v(value);
    while (!v.empty() && v.back() == '/') v.pop_back();
    s.*member = v;
    return std::nullopt;
  };
}

std::optional<std::string> apply_pg_url(settings& s, std::string_view value) {
  // A libpq URI or a key=value connection string; empty selects the embedded server.
  if (!value.empty() && !starts_with(value, "postgres://") &&
      !starts_with(value, "postgresql://") && value.find('=') == std::string_view::npos)
    return "a postgres:// URL or a libpq connection string";
  s.pg_database_url = std::string(value);
  return std::nullopt;
}

std::optional<std::string> apply_redis_url(settings& s, std::string_view value) {
  if (!value.empty() && !starts_with(value, "redis://") && !starts_with(value, "unix://"))
    return "a redis:// or unix:// URL";
  s.redis_url = std::string(value);
  return std::nullopt;
}

std::optional<std::string> apply_log_level(settings& s, std::string_view value) {
  for (const char* level : {"trace", "debug", "info", "warn", "error", "critical", "off"}) {
    if (value == level) {
      s.log_level = std::string(value);
      return std::nullopt;
    }
  }
  return "one of trace, debug, info, warn, error, critical, off";
}

std::optional<std::string> apply_log_format(settings& s, std::string_view value) {
  if (value == "text")
    s.log_format = log_format::text;
  else if (value == "json")
    s.log_format = log_format::json;
  else
    return "text or json";
  return std::nullopt;
}

std::optional<std::string> apply_bytes(std::size_t settings::*member, std::size_t lo, settings& s,
                                       std::string_view value) {
  // Accepts a plain byte count or a count with kb/mb/gb (powers of 1024).
  std::size_t multiplier = 1;
  std::string_view digits = value;
  auto ends = [&](std::string_view suffix) {
    if (digits.size() > suffix.size() && digits.substr(digits.size() - suffix.size()) == suffix) {
      digits.remove_suffix(suffix.size());
      return true;
    }
    return false;
  };
  if (ends("kb"))
    multiplier = 1024;
  else if (ends("mb"))
    multiplier = 1024 * 1024;
  else if (ends("gb"))
    multiplier = 1024ull * 1024 * 1024;
  auto n = parse_int<std::size_t>(digits, 1, (std::size_t{1} << 40) / multiplier);
  if (!n || *n * multiplier < lo)
    return "a size in bytes of at least " + std::to_string(lo) + " (suffixes kb, mb, gb allowed)";
  s.*member = *n * multiplier;
  return std::nullopt;
}

std::vector<setting_spec> make_table() {
  using namespace std::placeholders;
  return {
      {"NODE_PORT", "--port", "3000", "TCP port the HTTP server listens on",
       integer<std::uint16_t>(&settings::node_port, 1, 65535)},
      {"SERVER_URL", "--server-url", "http://localhost:3000",
       "public base URL of this server (links, OpenAPI servers)", http_url(&settings::server_url)},
      {"FRONTEND_URL", "--frontend-url", "(empty: CORS allows any origin)",
       "origin of the web front end; CORS allows only this origin when set",
       http_url(&settings::frontend_url)},
      {"COHORT_DATA_DIR", "--data-dir", ".cohort",
       "directory for the embedded PostgreSQL, its socket and generated secrets",
       text(&settings::data_dir, false)},
      {"PG_DATABASE_URL", "--pg-url", "(empty: embedded PostgreSQL in the data dir)",
       "PostgreSQL to use instead of the embedded one", apply_pg_url},
      {"REDIS_URL", "--redis-url", "(empty: single node, in-process pub/sub)",
       "Redis for cross-node pub/sub and shared rate limits", apply_redis_url},
      {"COHORT_SEED", "--seed", "none",
       "data created at start when missing: none, demo (a demo workspace) or twenty-dev "
       "(Twenty's development workspace)",
       one_of(&settings::seed, {"none", "demo", "twenty-dev"})},
      {"COHORT_SAMPLE_RECORDS", "", "true",
       "prefill each new workspace with Twenty's five sample companies and people",
       boolean(&settings::sample_records)},
      {"COHORT_SPARE_SCHEMAS", "", "2",
       "workspace schemas provisioned ahead of time, so that activating a workspace is a rename",
       integer<int>(&settings::spare_schemas, 0, 100)},
      {"COHORT_GRAPHQL_INTROSPECTION", "", "true",
       "answer introspection (__schema, __type) on /graphql; false refuses it as graphql-js's "
       "NoSchemaIntrospectionCustomRule does",
       boolean(&settings::graphql_introspection)},
      {"COHORT_METADATA_INTROSPECTION", "", "true", "the same for /metadata",
       boolean(&settings::metadata_introspection)},
      {"APP_SECRET", "--app-secret", "(generated once, kept in the database)",
       "secret from which token signing keys are derived (Twenty's derivation)",
       text(&settings::app_secret)},
      {"ACCESS_TOKEN_EXPIRES_IN", "", "30m", "lifetime of access tokens",
       duration(&settings::access_token_expires_in)},
      {"LOGIN_TOKEN_EXPIRES_IN", "", "15m", "lifetime of login tokens",
       duration(&settings::login_token_expires_in)},
      {"REFRESH_TOKEN_EXPIRES_IN", "", "60d", "lifetime of refresh tokens",
       duration(&settings::refresh_token_expires_in)},
      {"REFRESH_TOKEN_COOL_DOWN", "", "1m",
       "grace period in which a just-rotated refresh token may be presented again",
       duration(&settings::refresh_token_cool_down)},
      {"WORKSPACE_AGNOSTIC_TOKEN_EXPIRES_IN", "", "30m", "lifetime of workspace-agnostic tokens",
       duration(&settings::workspace_agnostic_token_expires_in)},
      {"FILE_TOKEN_EXPIRES_IN", "", "1d", "lifetime of file access tokens",
       duration(&settings::file_token_expires_in)},
      {"SHORT_TERM_TOKEN_EXPIRES_IN", "", "5m", "lifetime of short-term (transient) tokens",
       duration(&settings::short_term_token_expires_in)},
      {"PASSWORD_RESET_TOKEN_EXPIRES_IN", "", "5m", "lifetime of password reset tokens",
       duration(&settings::password_reset_token_expires_in)},
      {"EMAIL_VERIFICATION_TOKEN_EXPIRES_IN", "", "1h", "lifetime of e-mail verification tokens",
       duration(&settings::email_verification_token_expires_in)},
      {"IS_EMAIL_VERIFICATION_REQUIRED", "", "false",
       "mail a verification link at sign-up and refuse password sign-in until it is followed",
       boolean(&settings::is_email_verification_required)},
      {"INVITATION_TOKEN_EXPIRES_IN", "", "30d", "lifetime of invitation tokens",
       duration(&settings::invitation_token_expires_in)},
      {"HTTP_MAX_BODY_BYTES", "", "10mb", "largest request body accepted (413 beyond)",
       std::bind(apply_bytes, &settings::http_max_body_bytes, std::size_t{1024}, _1, _2)},
      {"HTTP_MAX_HEADER_BYTES", "", "16kb", "largest request header block accepted",
       std::bind(apply_bytes, &settings::http_max_header_bytes, std::size_t{1024}, _1, _2)},
      {"HTTP_READ_TIMEOUT", "", "30s", "time allowed to receive a whole request",
       duration(&settings::http_read_timeout)},
      {"HTTP_IDLE_TIMEOUT", "", "5s", "keep-alive connections idle this long are closed",
       duration(&settings::http_idle_timeout)},
      {"HTTP_THREADS", "--http-threads", "1", "threads running the HTTP server",
       integer<int>(&settings::http_threads, 1, 64)},
      {"PG_POOL_MAX_CONNECTIONS", "", "10", "PostgreSQL connections per node",
       integer<int>(&settings::pg_pool_max_connections, 1, 1000)},
      {"PG_POOL_THREADS", "", "1",
       "threads sending statements and completing their answers (record answers are shaped "
       "and serialised there)",
       integer<int>(&settings::pg_pool_threads, 1, 64)},
      {"PG_POOL_MAX_READS", "", "0 (three times the CPU cores)",
       "record reads running on PostgreSQL at once; more wait in the pool's queue (writes are not "
       "counted: they mostly wait for the commit's flush, not the CPU)",
       integer<int>(&settings::pg_pool_max_reads, 0, 1000)},
      {"PG_STATEMENT_TIMEOUT", "", "30s", "statements running longer are cancelled",
       duration(&settings::pg_statement_timeout)},
      {"ACTOR_THREADS", "--actor-threads", "0 (cores minus HTTP threads, at least 1)",
       "threads running actors", integer<int>(&settings::actor_threads, 0, 256)},
      {"ACTOR_SCHEDULER", "--actor-scheduler", "sharing",
       "how actor threads share work: sharing (one queue; fastest on few cores, see bench/) or "
       "stealing (work-stealing queues)",
       [](settings& s, std::string_view v) -> std::optional<std::string> {
         if (v != "stealing" && v != "sharing") return "stealing or sharing";
         s.actor_scheduler = std::string(v);
         return std::nullopt;
       }},
      {"WORKSPACE_IDLE_TIMEOUT", "", "10m",
       "a workspace actor unused this long is passivated (its memory freed)",
       duration(&settings::workspace_idle_timeout)},
      {"REQUEST_TIMEOUT", "", "30s", "longest time an API request may wait for its workspace",
       duration(&settings::request_timeout)},
      {"SHUTDOWN_TIMEOUT", "", "10s", "time in-flight requests get to finish on SIGTERM",
       duration(&settings::shutdown_timeout)},
      {"ALLOW_PRIVATE_NETWORK_TARGETS", "", "false",
       "let webhooks deliver to private and loopback addresses (link-local and cloud metadata "
       "addresses stay refused)",
       boolean(&settings::allow_private_network_targets)},
      {"WEBHOOK_TIMEOUT", "", "5s", "time a webhook receiver gets to answer one delivery",
       duration(&settings::webhook_timeout)},
      {"WEBHOOK_MAX_ATTEMPTS", "", "6",
       "attempts of one webhook delivery before it is dead (network errors, timeouts, 408, 429 "
       "and 5xx are retried)",
       integer<int>(&settings::webhook_max_attempts, 1, 100)},
      {"WEBHOOK_RETRY_BASE_DELAY", "", "1s",
       "first backoff between delivery attempts; doubles each time, with jitter",
       duration(&settings::webhook_retry_base_delay)},
      {"EMAIL_DRIVER", "", "logger",
       "how e-mails (invitations, password resets) leave: logger (written to the log) or smtp",
       [](settings& s, std::string_view v) -> std::optional<std::string> {
         std::string lower(v);
         for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
         if (lower != "logger" && lower != "smtp") return "logger or smtp";
         s.email_driver = lower;
         return std::nullopt;
       }},
      {"EMAIL_FROM_ADDRESS", "", "noreply@yourdomain.com", "sender address of outgoing e-mails",
       text(&settings::email_from_address, false)},
      {"EMAIL_FROM_NAME", "", "Felix from Twenty", "sender name of outgoing e-mails",
       text(&settings::email_from_name)},
      {"EMAIL_SMTP_HOST", "", "(empty)", "SMTP server (EMAIL_DRIVER=smtp)",
       text(&settings::email_smtp_host)},
      {"EMAIL_SMTP_PORT", "", "587",
       "SMTP port; 465 speaks TLS from the start, others upgrade with STARTTLS when offered",
       integer<std::uint16_t>(&settings::email_smtp_port, 1, 65535)},
      {"EMAIL_SMTP_USER", "", "(empty: no authentication)",
       "SMTP user (AUTH PLAIN or LOGIN, as the server offers)", text(&settings::email_smtp_user)},
      {"EMAIL_SMTP_PASSWORD", "", "(empty)", "SMTP password", text(&settings::email_smtp_password)},
      {"EMAIL_SMTP_NO_TLS", "", "false",
       "never use TLS towards the SMTP server (no STARTTLS, no implicit TLS)",
       boolean(&settings::email_smtp_no_tls)},
      {"EMAIL_SMTP_TIMEOUT", "", "30s", "time one SMTP conversation may take",
       duration(&settings::email_smtp_timeout)},
      {"EMAIL_MAX_ATTEMPTS", "", "5",
       "attempts of one e-mail before it is dead (connection failures and 4xx answers are retried)",
       integer<int>(&settings::email_max_attempts, 1, 100)},
      {"API_RATE_LIMITING_TTL", "", "100",
       "seconds in which a token (or an address, without one) may make API_RATE_LIMITING_LIMIT "
       "requests; the allowance refills continuously",
       integer<int>(&settings::api_rate_limiting_ttl, 1, 86400 * 365)},
      {"API_RATE_LIMITING_LIMIT", "", "500",
       "requests per token in API_RATE_LIMITING_TTL seconds; beyond, REST answers 429 with "
       "Retry-After and GraphQL \"Too many requests.\" (0: no limit)",
       integer<int>(&settings::api_rate_limiting_limit, 0, 100'000'000)},
      {"SIGN_IN_FAILURES_LIMIT", "", "10",
       "failed sign-ins one e-mail may have in SIGN_IN_FAILURES_TTL before further attempts are "
       "refused (0: no limit)",
       integer<int>(&settings::sign_in_failures_limit, 0, 1'000'000)},
      {"SIGN_IN_FAILURES_TTL", "", "15m", "window of SIGN_IN_FAILURES_LIMIT, refilled continuously",
       duration(&settings::sign_in_failures_ttl)},
      {"INVITATION_SENDING_BY_WORKSPACE_THROTTLE_LIMIT", "", "500",
       "invitations one workspace may send in INVITATION_SENDING_BY_WORKSPACE_THROTTLE_TTL_IN_MS; "
       "a sendInvitations call beyond is refused whole",
       integer<int>(&settings::invitation_sending_by_workspace_throttle_limit, 1, 100'000'000)},
      {"INVITATION_SENDING_BY_WORKSPACE_THROTTLE_TTL_IN_MS", "", "604800000",
       "window (ms) of INVITATION_SENDING_BY_WORKSPACE_THROTTLE_LIMIT, refilled continuously",
       integer<int>(&settings::invitation_sending_by_workspace_throttle_ttl_in_ms, 1,
                    2'000'000'000)},
      {"INVITATION_SENDING_BY_EMAIL_THROTTLE_LIMIT", "", "10",
       "invitations one address may receive (from any workspace) in "
       "INVITATION_SENDING_BY_EMAIL_THROTTLE_TTL_IN_MS",
       integer<int>(&settings::invitation_sending_by_email_throttle_limit, 1, 100'000'000)},
      {"INVITATION_SENDING_BY_EMAIL_THROTTLE_TTL_IN_MS", "", "604800000",
       "window (ms) of INVITATION_SENDING_BY_EMAIL_THROTTLE_LIMIT, refilled continuously",
       integer<int>(&settings::invitation_sending_by_email_throttle_ttl_in_ms, 1, 2'000'000'000)},
      {"WORKSPACE_INACTIVE_DAYS_BEFORE_SOFT_DELETION", "", "14",
       "days a SUSPENDED or INACTIVE workspace stays before the daily cleanup soft-deletes it",
       integer<int>(&settings::workspace_inactive_days_before_soft_deletion, 1, 100'000)},
      {"WORKSPACE_INACTIVE_DAYS_BEFORE_DELETION", "", "21",
       "days of inactivity before a workspace is hard-deleted (schema dropped, rows deleted): the "
       "cleanup destroys soft-deleted workspaces once the difference with "
       "WORKSPACE_INACTIVE_DAYS_BEFORE_SOFT_DELETION has passed",
       integer<int>(&settings::workspace_inactive_days_before_deletion, 1, 100'000)},
      {"MAX_NUMBER_OF_WORKSPACES_DELETED_PER_EXECUTION", "", "5",
       "hard deletions the daily workspace cleanup queues at most",
       integer<int>(&settings::max_number_of_workspaces_deleted_per_execution, 0, 100'000)},
      {"LOG_LEVEL", "--log-level", "info", "trace, debug, info, warn, error, critical or off",
       apply_log_level},
      {"LOG_FORMAT", "--log-format", "text", "text, or json for one JSON object per line",
       apply_log_format},
  };
}

}  // namespace

const std::vector<setting_spec>& settings_table() {
  static const std::vector<setting_spec> table = make_table();
  return table;
}

std::string settings_help() {
  std::ostringstream out;
  for (const auto& spec : settings_table()) {
    out << "  " << spec.env;
    if (!spec.flag.empty()) out << ", " << spec.flag;
    out << "\n      " << spec.meaning << " (default: " << spec.default_text << ")\n";
  }
  return out.str();
}

std::string settings_markdown() {
  std::ostringstream out;
  for (const auto& spec : settings_table()) {
    out << "| `" << spec.env << "` | " << (spec.flag.empty() ? "" : "`" + spec.flag + "`") << " | "
        << spec.default_text << " | " << spec.meaning << " |\n";
  }
  return out.str();
}

}  // namespace cohort::config
