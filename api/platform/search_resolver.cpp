// Query.search on /graphql: full-text search across the caller's workspace (storage/query/search),
// answered as Twenty's SearchResultConnection.
#include <algorithm>

#include "actors/workspace/record_resolvers.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "storage/query/search.hpp"

namespace cohort::api::platform {

namespace {

namespace query = storage::query;

std::vector<std::string> string_list(const json::value* v) {
  std::vector<std::string> out;
  if (!v || !v->is_array()) return out;
  for (const auto& item : v->get_array()) {
    if (item.is_string()) out.emplace_back(item.get_string());
  }
  return out;
}

json::object connection_json(const query::search_page& page) {
  json::array edges;
  for (std::size_t i = 0; i < page.hits.size(); ++i) {
    const auto& hit = page.hits[i];
    json::object node;
    node["recordId"] = hit.record_id;
    node["objectNameSingular"] = hit.object;
    node["label"] = hit.label;
    node["imageUrl"] = hit.image_url;
    node["tsRankCD"] = hit.rank_cd;
    node["tsRank"] = hit.rank;
    edges.push_back(json::object{{"node", std::move(node)}, {"cursor", page.cursors[i]}});
  }
  json::object page_info;
  page_info["hasNextPage"] = page.has_next_page;
  page_info["endCursor"] =
      page.cursors.empty() ? json::value(nullptr) : json::value(page.cursors.back());
  return json::object{{"edges", std::move(edges)}, {"pageInfo", std::move(page_info)}};
}

void search(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto* context = static_cast<const actors::request_context*>(info.context());
  if (!context || !context->model) return out.error(forbidden_resource());
  const json::object& args = info.args();
  query::search_request request;
  request.text = string_arg(args, "searchInput").value_or("");
  if (const auto* limit = args.if_contains("limit"); limit && limit->is_int64()) {
    request.limit =
        static_cast<int>(std::clamp<std::int64_t>(limit->get_int64(), 0, query::max_search_limit));
  }
  request.after = string_arg(args, "after");
  if (const auto* included = args.if_contains("includedObjectNameSingulars");
      included && included->is_array()) {
    request.included = string_list(included);
  }
  request.excluded = string_list(args.if_contains("excludedObjectNameSingulars"));
  request.filter = object_arg(args, "filter");
  request.permissions = context->who.permissions;
  // The model stays alive with the request's runtime until the answer is in.
  auto model = context->model;
  query::search(*state->pool, *model, request, [out, model](query::search_result r) {
    if (auto* error = std::get_if<query::record_error>(&r)) {
      return out.error(actors::workspace::record_field_error(*error));
    }
    out.value(connection_json(std::get<query::search_page>(r)));
  });
}

}  // namespace

void add_search_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Query", "search", [state](resolve_info& info, completion done) {
                   search(state, info, std::move(done));
                 }});
}

}  // namespace cohort::api::platform
