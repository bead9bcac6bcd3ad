#include "api/platform/platform_schema.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "api/platform/api_key_resolvers.hpp"
#include "api/platform/embedded_contract.hpp"
#include "api/platform/metadata_resolvers.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/role_resolvers.hpp"
#include "api/webhooks/webhook_resolvers.hpp"
#include "graphql/execution/resolver.hpp"
#include "model/standard/standard_objects.hpp"
#include "storage/ddl/workspace_provisioner.hpp"

namespace cohort::api::platform {

namespace {

namespace gu = graphql::utilities;

// Hashing must not run on the threads that call resolvers (CAF schedulers, Asio, the pool).
std::function<void(std::function<void()>)> default_blocking_runner() {
  static boost::asio::thread_pool workers(2);
  return [](std::function<void()> task) { boost::asio::post(workers, std::move(task)); };
}

storage::core::provision_fn default_provisioner(std::shared_ptr<storage::pg::pool> pool) {
  return [pool](const std::string& workspace_id,
                std::function<void(std::optional<std::string>, std::string)> done) {
    storage::ddl::provision(*pool, workspace_id, model::standard::standard_objects(),
                            [done](storage::ddl::provision_result r) { done(r.error, r.schema); });
  };
}

state_ptr make_state(const platform_services& services) {
  auto state = std::make_shared<platform_state>();
  state->pool = services.pool;
  state->tokens = services.tokens;
  state->settings = services.settings ? *services.settings : config::settings{};
  state->provision = services.provision_workspace ? services.provision_workspace
                                                  : default_provisioner(services.pool);
  state->run_blocking = services.run_blocking ? services.run_blocking : default_blocking_runner();
  return state;
}

resolver_list implemented_resolvers(const state_ptr& state) {
  resolver_list list;
  add_sign_up_resolvers(list, state);
  add_sign_in_resolvers(list, state);
  add_token_resolvers(list, state);
  add_two_factor_resolvers(list, state);
  add_two_factor_recovery_resolvers(list, state);
  add_password_reset_resolvers(list, state);
  add_sign_out_resolvers(list, state);
  add_impersonation_resolvers(list, state);
  add_delete_user_resolvers(list, state);
  add_email_verification_resolvers(list, state);
  add_approved_access_domain_resolvers(list, state);
  add_current_user_resolvers(list, state);
  add_workspace_resolvers(list, state);
  add_search_resolvers(list, state);
  add_invitation_resolvers(list, state);
  webhooks::add_webhook_resolvers(list, state);
  add_api_key_resolvers(list, state);
  add_role_resolvers(list, state);
  add_metadata_read_resolvers(list);
  add_metadata_view_resolvers(list, state);
  return list;
}

// Every root field gets a resolver: its implementation, or a clear refusal.
void attach_resolvers(graphql::type::object_config* root, std::string_view root_type,
                      const resolver_list& list) {
  if (!root) return;
  for (auto& field : root->fields) {
    graphql::execution::field_resolver resolve;
    for (const auto& r : list) {
      if (r.root_type == root_type && r.field == field.name) resolve = r.resolve;
    }
    if (!resolve) {
      resolve = [root_type, name = field.name](resolve_info&, completion done) {
        done.fail(not_implemented(root_type, name));
      };
    }
    field.extend(std::make_shared<graphql::execution::resolver_extension>(std::move(resolve)));
  }
}

// Adds newer_types() and newer_root_fields() to the imported 1.6.0 schema.
void add_newer_root_fields(graphql::type::schema_builder& builder,
                           const gu::introspection_roots& roots) {
  if (roots.mutation) roots.mutation->field("signOut", "Boolean").arg("refreshToken", "String");
  // Two-factor recovery codes (two_factor_recovery_resolvers.cpp).
  auto& code = builder.add_object("TwoFactorAuthenticationRecoveryCode");
  code.field("recoveryCode", "String!");
  code.field("expiresAt", "DateTime!");
  auto& status = builder.add_object("TwoFactorAuthenticationRecoveryStatus");
  status.field("hasVerifiedTwoFactorAuthenticationMethod", "Boolean!");
  status.field("pendingRecoveryCodeExpiresAt", "DateTime");
  if (roots.mutation) {
    auto& redeem = roots.mutation->field("getAuthTokensFromTwoFactorAuthenticationRecoveryCode",
                                         "AuthTokens!");
    redeem.arg("recoveryCode", "String!");
    redeem.arg("loginToken", "String!");
    redeem.arg("captchaToken", "String");
    redeem.arg("origin", "String!");
    auto& issue = roots.mutation->field("generateTwoFactorAuthenticationRecoveryCode",
                                        "TwoFactorAuthenticationRecoveryCode!");
    issue.arg("userId", "UUID!");
    issue.arg("otp", "String");
    roots.mutation->field("revokeTwoFactorAuthenticationRecoveryCode", "Boolean!")
        .arg("userId", "UUID!");
  }
  if (roots.query) {
    roots.query
        ->field("twoFactorAuthenticationRecoveryStatus", "TwoFactorAuthenticationRecoveryStatus!")
        .arg("userId", "UUID!");
  }
}

}  // namespace

platform_schema_result add_platform_schema(graphql::type::schema_builder& builder, endpoint which,
                                           const platform_services& services,
                                           const platform_schema_options& options) {
  gu::introspection_import import;
  import.include_type = [ which, skip = options.skip_type ](std::string_view name) {
    if (which == endpoint::graphql && is_metadata_only_type(name)) return false;
  return !(skip && skip(name));
};
if (which == endpoint::graphql) import.include_root_field = graphql_root_field_choice;
import.directives = options.directives;
auto imported = gu::add_introspection_types(builder, metadata_introspection(), import);
platform_schema_result out{imported.roots, std::move(imported.errors)};
if (!out.ok()) return out;
auto state = make_state(services);
auto list = implemented_resolvers(state);
// The metadata mutations need the /metadata request context (the caller's workspace actor).
if (which == endpoint::metadata) add_metadata_write_resolvers(list);
add_newer_root_fields(builder, out.roots);
attach_metadata_type_resolvers(builder);
attach_two_factor_summary(builder, state);
attach_role_type_resolvers(builder, state);
attach_resolvers(out.roots.query, "Query", list);
attach_resolvers(out.roots.mutation, "Mutation", list);
attach_resolvers(out.roots.subscription, "Subscription", list);
return out;
}  // namespace cohort::api::platform

std::shared_ptr<const graphql::type::schema> build_platform_schema(
    endpoint which, const platform_services& services, std::vector<std::string>* errors) {
  graphql::type::schema_builder builder;
  auto added = add_platform_schema(builder, which, services);
  if (!added.ok()) {
    if (errors) *errors = std::move(added.errors);
    return nullptr;
  }
  auto built = std::move(builder).build();
  if (errors) *errors = std::move(built.errors);
  return built.schema;
}

const std::vector<std::string>& newer_root_fields() {
  static const std::vector<std::string> names = {
      "Mutation.signOut", "Mutation.getAuthTokensFromTwoFactorAuthenticationRecoveryCode",
      "Mutation.generateTwoFactorAuthenticationRecoveryCode",
      "Mutation.revokeTwoFactorAuthenticationRecoveryCode",
      "Query.twoFactorAuthenticationRecoveryStatus"};
  return names;
}

const std::vector<std::string>& newer_types() {
  static const std::vector<std::string> names = {"TwoFactorAuthenticationRecoveryCode",
                                                 "TwoFactorAuthenticationRecoveryStatus"};
  return names;
}

const std::vector<std::string>& implemented_root_fields() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    auto list = implemented_resolvers(std::make_shared<platform_state>());
    add_metadata_write_resolvers(list);
    for (const auto& r : list) {
      out.push_back(std::string(r.root_type) + "." + std::string(r.field));
    }
    return out;
  }();
  return names;
}

}  // namespace cohort::api::platform
