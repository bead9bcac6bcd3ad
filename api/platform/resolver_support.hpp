// What every platform resolver shares: the services it runs with (platform_state), the caller of
// the request, a completion that asynchronous steps can share (reply), and small argument and
// JSON helpers.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/request_context.hpp"
#include "api/auth/token_service.hpp"
#include "api/platform/platform_errors.hpp"
#include "config/settings.hpp"
#include "graphql/execution/resolver.hpp"
#include "storage/core/core_rows.hpp"
#include "storage/core/workspace_activation.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api::platform {

namespace json = boost::json;
using graphql::execution::completion;
using graphql::execution::field_resolver;
using graphql::execution::resolve_info;

// The version of Twenty this server speaks, stamped on new workspaces (Workspace.version).
inline constexpr std::string_view twenty_version = "1.6.0";

struct platform_state {
  std::shared_ptr<storage::pg::pool> pool;
  std::shared_ptr<const auth::token_service> tokens;
  config::settings settings;
  storage::core::provision_fn provision;
  std::function<void(std::function<void()>)> run_blocking;
};
using state_ptr = std::shared_ptr<const platform_state>;

// A resolver's completion, shared by the callbacks of its asynchronous steps (completions are
// move-only; pool callbacks must be copyable). The first answer wins.
class reply {
 public:
  explicit reply(completion done) : done_(std::make_shared<completion>(std::move(done))) {}
  void value(json::value v) const { done_->resolve(std::move(v)); }
  void error(field_error e) const { done_->fail(std::move(e)); }
  // Answers the database error and returns true when `r` failed.
  template <typename T>
  bool failed(const storage::core::db_result<T>& r) const {
    if (r.ok()) return false;
    error(database_error(*r.error));
    return true;
  }

 private:
  std::shared_ptr<completion> done_;
};

// The caller the API layer put in the request context; anonymous without one.
actors::caller caller_of(const resolve_info& info);
// The Origin header of the request, when known.
std::string origin_of(const resolve_info& info);

// A string argument (nullopt when absent or null).
std::optional<std::string> string_arg(const json::object& args, std::string_view name);
// The input object argument `name` (empty when absent).
json::object object_arg(const json::object& args, std::string_view name);

// Twenty lower-cases e-mails (and we trim the blanks a form leaves).
std::string normalize_email(std::string_view email);

// {"token": ..., "expiresAt": ISO}
json::object auth_token_json(const auth::minted_token& token);
std::string iso_time(auth::time_point t);

json::value optional_json(const std::optional<std::string>& v);

// True when the field's selection asks for `workspace` (ApiKey, Webhook, ...).
bool selects_workspace(const resolve_info& info);
// Answers `value` (an entity or a list of them), adding the caller's Workspace (read once) to
// each when `with_workspace`.
void answer_with_workspace(const state_ptr& state, bool with_workspace, const reply& out,
                           const std::string& workspace_id, json::value value);

// A random (version 4) UUID from OpenSSL's CSPRNG, e.g. for a login token's `jti`.
std::string new_uuid();

// One implemented root field.
struct root_resolver {
  std::string_view root_type;  // "Query" or "Mutation"
  std::string_view field;
  field_resolver resolve;
};
using resolver_list = std::vector<root_resolver>;

}  // namespace cohort::api::platform
