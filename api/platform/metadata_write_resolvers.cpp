// The /metadata mutations on objects and fields. Each becomes a metadata change sent to the
// caller's workspace actor, which validates and applies changes one at a time; the answer is
// rendered from the model after the change (or, for a deletion, before it), and the rest of the
// request reads that new model too.
#include <caf/all.hpp>

#include <boost/json.hpp>

#include "actors/workspace/metadata/metadata_change.hpp"
#include "api/platform/metadata_context.hpp"
#include "api/platform/metadata_nodes.hpp"
#include "api/platform/metadata_resolvers.hpp"
#include "api/platform/permission_guard.hpp"

namespace cohort::api::platform {

namespace {

namespace md = actors::metadata;

// Twenty's shapes: {subCode, userFriendlyMessage, code} for metadata exceptions,
// {code, userFriendlyMessage} for internal errors.
field_error to_field_error(const md::metadata_error& e) {
  json::object ext;
  if (!e.sub_code.empty()) {
    ext["subCode"] = e.sub_code;
    ext["userFriendlyMessage"] = e.user_friendly_message;
    ext["code"] = e.code;
  } else {
    ext["code"] = e.code;
    ext["userFriendlyMessage"] = e.user_friendly_message;
  }
  return field_error(e.message, std::move(ext));
}

json::value render(const model::workspace_model& m, const std::string& id) {
  if (const auto* o = m.find_object_by_id(id)) return object_node(m, *o);
  for (const auto& o : m.objects()) {
    if (const auto* f = o.find_field_by_id(id)) return field_node(m, o, *f);
  }
  return nullptr;
}

// The GraphQL input of each mutation as the change carries it.
json::object change_input(md::change_kind kind, const json::object& input) {
  switch (kind) {
    case md::change_kind::create_object:
      return object_arg(input, "object");
    case md::change_kind::create_field:
      return object_arg(input, "field");
    default:
      return input;
  }
}

field_resolver submit(md::change_kind kind) {
  return [kind](resolve_info& info, completion done) {
    auto* ctx = static_cast<metadata_context*>(info.context());
    if (!ctx || !ctx->model || !ctx->workspace) return done.fail(forbidden_resource());
    if (!holds_flag(ctx->who, "DATA_MODEL")) return done.fail(permission_denied_error());
    md::metadata_change change{kind, change_input(kind, object_arg(info.args(), "input"))};
    const bool deleting =
        kind == md::change_kind::delete_object || kind == md::change_kind::delete_field;
    auto shared = std::make_shared<completion>(std::move(done));
    md::metadata_change_request request{
        std::move(change), [ctx, shared, deleting](md::metadata_change_result r) {
          if (r.error) return shared->fail(to_field_error(*r.error));
          const auto& shown = deleting ? r.before : r.runtime->model;
          auto node = shown ? render(*shown, r.entity_id) : json::value(nullptr);
          // The rest of this request (nested fields, later mutations) sees the new model; a
          // deleted entity's nested fields still read the model it was in.
          if (r.runtime && !deleting) ctx->model = r.runtime->model;
          shared->resolve(std::move(node));
        }};
    caf::anon_send(ctx->workspace, std::move(request));
  };
}

}  // namespace

void add_metadata_write_resolvers(resolver_list& out) {
  out.push_back({"Mutation", "createOneObject", submit(md::change_kind::create_object)});
  out.push_back({"Mutation", "updateOneObject", submit(md::change_kind::update_object)});
  out.push_back({"Mutation", "deleteOneObject", submit(md::change_kind::delete_object)});
  out.push_back({"Mutation", "createOneField", submit(md::change_kind::create_field)});
  out.push_back({"Mutation", "updateOneField", submit(md::change_kind::update_field)});
  out.push_back({"Mutation", "deleteOneField", submit(md::change_kind::delete_field)});
}

}  // namespace cohort::api::platform
