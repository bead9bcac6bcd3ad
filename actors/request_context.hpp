// Who is calling and on what: handed to every GraphQL resolver (resolve_info::context()) and to
// the REST handlers. The API actor fills it from the verified bearer token (the workspace comes
// ONLY from the token); the workspace actor adds its current model. Plain data.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/permissions/effective_permissions.hpp"
#include "model/workspace_model.hpp"

namespace cohort::storage::core {
struct standing_guard;  // storage/core/standing_guard.hpp
}  // namespace cohort::storage::core

namespace cohort::actors {

struct caller {
  // "ACCESS", "API_KEY", "WORKSPACE_AGNOSTIC", or empty for an anonymous request.
  std::string token_type;
  std::optional<std::string> user_id;
  std::optional<std::string> workspace_id;
  std::optional<std::string> workspace_member_id;
  std::optional<std::string> user_workspace_id;
  std::optional<std::string> api_key_id;
  std::optional<std::string> api_key_name;  // read from core.api_key by the API's request gate
  std::string auth_provider;                // "password", ... from the token
  // The caller's rights in its workspace, from its role; filled by the API's request gate. Null
  // only for calls that no request gate saw (internal jobs, the seed): they act unrestricted.
  std::shared_ptr<const model::effective_permissions> permissions;
  bool anonymous() const { return token_type.empty(); }
};

struct request_context {
  caller who;
  std::string request_id;
  std::string origin;  // the Origin header, for tokens and workspace URLs
  // The workspace's model of the schema the request runs on; null outside a workspace.
  std::shared_ptr<const model::workspace_model> model;
  // The request gate's expectation of the caller's standing when it skipped the standing
  // statement (api/request_gate.cpp): every record statement of the request carries it.
  std::shared_ptr<storage::core::standing_guard> standing_guard;
};

}  // namespace cohort::actors
