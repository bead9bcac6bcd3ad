// The platform GraphQL API of Twenty (sign-up, sign-in, tokens, current user and workspace, and
// every other hand-written /metadata root field): its types come from the recorded contract
// embedded in the binary (schema/metadata_introspection.json); the implemented root fields get
// resolvers, every other one answers a clear error in Twenty's shape.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/auth/token_service.hpp"
#include "config/settings.hpp"
#include "graphql/type/schema_builder.hpp"
#include "graphql/utilities/build_client_schema.hpp"
#include "storage/core/workspace_activation.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api::platform {

// /graphql carries the platform types and root fields too, except 12 metadata-only input types
// and the root fields that use them; a few nestjs-query root fields lose their arguments there.
enum class endpoint { graphql, metadata };

struct platform_services {
  std::shared_ptr<storage::pg::pool> pool;
  std::shared_ptr<const auth::token_service> tokens;
  const config::settings* settings = nullptr;  // null: defaults; must outlive the schema
  // Creates a workspace's schema at activation. Empty: storage::ddl::provision with the standard
  // objects (model::standard::standard_objects()).
  storage::core::provision_fn provision_workspace;
  // Runs CPU-heavy work (argon2id, ~40 ms) off the caller's thread. Empty: a shared pool of two
  // threads owned by this module.
  std::function<void(std::function<void()>)> run_blocking;
};

struct platform_schema_options {
  // True skips a platform type the caller defines itself (on /graphql: the record types
  // WorkspaceMember, PageInfo, WorkflowRun, WorkflowVersion, FilterIs, ...).
  std::function<bool(std::string_view type_name)> skip_type;
  // Take the contract's directives (Twenty's four) instead of the builder's default five.
  bool directives = true;
};

struct platform_schema_result {
  graphql::utilities::introspection_roots roots;  // Query, Mutation, Subscription: add fields here
  std::vector<std::string> errors;
  bool ok() const { return errors.empty(); }
};

// Adds the platform types and root fields of `which` to `builder`, in the contract's order, with
// resolvers (field_config::extend) for those implemented. Resolvers read the caller from
// resolve_info::context(), an actors::request_context* (null: anonymous).
platform_schema_result add_platform_schema(graphql::type::schema_builder& builder, endpoint which,
                                           const platform_services& services,
                                           const platform_schema_options& options = {});

// The platform-only schema (anonymous and workspace-agnostic requests); build it once and share
// it. Null when the contract does not build (a defect: errors are logged by the caller's test).
std::shared_ptr<const graphql::type::schema> build_platform_schema(
    endpoint which, const platform_services& services, std::vector<std::string>* errors = nullptr);

// The implemented root fields ("Mutation.signUp", ...), for documentation and tests.
const std::vector<std::string>& implemented_root_fields();

// Root fields of newer Twenty servers that 1.6.0's schema lacks, served on both endpoints in
// addition to 1.6.0's (spec §1.5 marks them [new]; the contract's schema-diff counts only what is
// missing, so clients of either version work): "Mutation.signOut", the two-factor recovery-code
// operations.
const std::vector<std::string>& newer_root_fields();
// The object types those fields answer that 1.6.0's schema lacks.
const std::vector<std::string>& newer_types();

}  // namespace cohort::api::platform
