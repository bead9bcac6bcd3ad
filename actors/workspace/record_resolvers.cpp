#include "actors/workspace/record_resolvers.hpp"

#include "actors/workspace/binder/group_by_binder.hpp"
#include "actors/workspace/binder/source_records_binder.hpp"
#include "actors/workspace/binder/verbatim_answer.hpp"
#include "storage/query/run.hpp"

namespace cohort::actors::workspace {

namespace ex = graphql::execution;

ex::field_error record_field_error(const storage::query::record_error& e) {
  boost::json::object ext;
  if (e.sub_code) ext["subCode"] = *e.sub_code;
  ext["userFriendlyMessage"] = e.user_friendly_message.value_or("An error occurred.");
  ext["code"] = e.code;
  return ex::field_error(e.message, std::move(ext));
}

ex::field_resolver record_resolver(std::shared_ptr<storage::pg::pool> pool,
                                   const model::object_metadata& object, binder::root_field kind) {
  // The object is looked up again per request in the request's own model: the resolver outlives
  // nothing but the schema it belongs to, which was built from that same model.
  std::string object_name = object.name_singular;
  return [pool = std::move(pool), object_name, kind](ex::resolve_info& info, ex::completion done) {
    const auto* context = static_cast<const request_context*>(info.context());
    const model::object_metadata* meta =
        context && context->model ? context->model->find_object(object_name) : nullptr;
    if (meta == nullptr) {
      done.fail(ex::field_error::with_code("Object " + object_name + " not found",
                                           "INTERNAL_SERVER_ERROR"));
      return;
    }
    const bool from_sources = kind.operation == model::record_operation::find_duplicates ||
                              kind.operation == model::record_operation::merge;
    auto bound = kind.operation == model::record_operation::group_by
                     ? binder::bind_group_by_field(*meta, info, *context)
                 : from_sources ? binder::bind_source_records_field(kind, *meta, info, *context)
                                : binder::bind_root_field(kind, *meta, info, *context);
    if (auto* e = std::get_if<ex::field_error>(&bound)) {
      done.fail(std::move(*e));
      return;
    }
    auto& query = std::get<model::record_query>(bound);
    query.permissions = context->who.permissions;  // checked by the compiler, for every path
    query.verbatim = binder::verbatim_answer_for(query, *meta, info, *context->model);
    // completion is move-only and std::function needs a copyable callable.
    auto pending = std::make_shared<ex::completion>(std::move(done));
    storage::query::run(
        *pool, query, *context->model, context->standing_guard,
        [pending](storage::query::run_result result) {
          if (auto* e = std::get_if<storage::query::record_error>(&result)) {
            pending->fail(record_field_error(*e));
          } else if (auto* text = std::get_if<storage::query::verbatim_text>(&result)) {
            pending->resolve_raw(std::move(text->text));
          } else {
            pending->resolve_shaped(std::move(std::get<boost::json::value>(result)));
          }
        });
  };
}

}  // namespace cohort::actors::workspace
