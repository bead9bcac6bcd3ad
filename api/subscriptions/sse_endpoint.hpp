// GraphQL over Server-Sent Events on /graphql and /metadata, as graphql-yoga serves it to a client
// that sends `Accept: text/event-stream`: a subscription (onDbEvent) becomes a stream that stays
// open and gets one `event: next` per matching record event of the caller's workspace; any other
// operation (or a refusal) is answered as one `next` event followed by `complete`.
#pragma once

#include <caf/fwd.hpp>

#include <chrono>
#include <memory>

#include "actors/supervisor.hpp"
#include "api/graphql_endpoint.hpp"
#include "api/http/message.hpp"

namespace cohort::api::subscriptions {

// A /graphql or /metadata request whose Accept header asks for text/event-stream.
bool wants_event_stream(const http::request& req);

void serve_event_stream(caf::event_based_actor* self, const graphql_endpoints& endpoints,
                        const std::shared_ptr<actors::handle_table>& handles,
                        std::chrono::milliseconds timeout, http::request req, http::responder done);

}  // namespace cohort::api::subscriptions
