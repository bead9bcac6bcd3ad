// A batch runs its operations concurrently; the last one to finish answers with the array of
// bodies in request order (graphql-yoga's batching answers 200 with one result per operation).
#include "api/graphql_http/graphql_http.hpp"

#include <atomic>
#include <memory>
#include <mutex>

namespace cohort::api::graphql_http {

using graphql::service::run_result;

namespace {

struct batch_state {
  std::mutex mutex;
  std::vector<std::string> bodies;
  std::size_t remaining = 0;
  response_media media = response_media::json;
  http::responder done;
};

}  // namespace

void execute(graphql_request request, const graphql::service::graphql_service& service,
             void* context, const graphql::service::run_options& run, const http_options& options,
             http::responder done) {
  graphql::service::run_options effective = run;
  if (request.from_get) effective.allow_mutation = false;
  auto media = request.media;

  if (!request.batch) {
    if (request.operations.empty()) {
      done(request_error(media, 400, "Must provide query string.", true));
      return;
    }
    service.run(std::move(request.operations.front()), context, effective,
                [media, options, done = std::move(done)](run_result result) {
                  done(to_response(std::move(result), media, options));
                });
    return;
  }

  auto state = std::make_shared<batch_state>();
  state->bodies.resize(request.operations.size());
  state->remaining = request.operations.size();
  state->media = media;
  state->done = std::move(done);
  for (std::size_t i = 0; i < request.operations.size(); ++i) {
    service.run(std::move(request.operations[i]), context, effective,
                [state, i, options](run_result result) {
                  auto mapped = map_result(std::move(result), state->media, options);
                  bool last = false;
                  {
                    std::lock_guard lock(state->mutex);
                    state->bodies[i] = std::move(mapped.body);
                    last = --state->remaining == 0;
                  }
                  if (!last) return;
                  http::response res;
                  res.content_type = content_type_of(state->media);
                  res.body.push_back('[');  // (not = "[": a GCC 12 false -Wstringop-overflow)
                  for (std::size_t k = 0; k < state->bodies.size(); ++k) {
                    if (k) res.body += ',';
                    res.body += state->bodies[k];
                  }
                  res.body += ']';
                  state->done(std::move(res));
                });
  }
}

void serve(const http::request& request, const graphql::service::graphql_service& service,
           void* context, const graphql::service::run_options& run, const http_options& options,
           http::responder done) {
  auto parsed = parse_request(request, options);
  if (auto* refused = std::get_if<http::response>(&parsed)) {
    done(std::move(*refused));
    return;
  }
  execute(std::get<graphql_request>(std::move(parsed)), service, context, run, options,
          std::move(done));
}

}  // namespace cohort::api::graphql_http
