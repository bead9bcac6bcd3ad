// UserWorkspace.twoFactorAuthenticationMethodSummary (currentUser.currentUserWorkspace, ...): the
// membership's methods as Twenty lists them, {twoFactorAuthenticationMethodId, status, strategy},
// read when a query selects the field, so the settings page shows whether 2FA is on.
#include "api/platform/platform_resolvers.hpp"
#include "storage/core/two_factor_method_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

std::string parent_string(const resolve_info& info, std::string_view key) {
  const auto* parent = info.parent().if_object();
  const auto* v = parent ? parent->if_contains(key) : nullptr;
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

void method_summary(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string user_id = parent_string(info, "userId");
  std::string workspace_id = parent_string(info, "workspaceId");
  if (user_id.empty() || workspace_id.empty()) return out.value(json::array());
  core::list_methods(
      *state->pool, user_id, workspace_id,
      [out](core::db_result<std::vector<core::two_factor_method_row>> m) {
        if (out.failed(m)) return;
        json::array summary;
        for (const auto& method : *m.value) {
          summary.push_back(json::object{{"twoFactorAuthenticationMethodId", method.id},
                                         {"status", method.status},
                                         {"strategy", method.strategy}});
        }
        out.value(std::move(summary));
      });
}

}  // namespace

void attach_two_factor_summary(graphql::type::schema_builder& builder, const state_ptr& state) {
  auto* entry = builder.find_type("UserWorkspace");
  auto* object = entry ? std::get_if<graphql::type::schema_builder::object_entry>(entry) : nullptr;
  if (!object) return;
  for (auto& f : object->config.fields) {
    if (f.name != "twoFactorAuthenticationMethodSummary") continue;
    f.extend(std::make_shared<graphql::execution::resolver_extension>(
        [state](resolve_info& info, completion done) {
          method_summary(state, info, std::move(done));
        }));
  }
}

}  // namespace cohort::api::platform
