// The text of GraphQL over Server-Sent Events as graphql-yoga writes it ("distinct connections"
// mode): each result is `event: next` with the JSON on one `data:` line, the end of the operation
// is `event: complete`, and comment lines keep idle connections (and proxies) awake.
#pragma once

#include <string>
#include <string_view>

namespace cohort::api::subscriptions {

inline constexpr std::string_view event_stream_type = "text/event-stream";

// "event: next\ndata: <json>\n\n" (a body with newlines is split over several data lines).
std::string sse_next(std::string_view json);
// "event: complete\ndata:\n\n"
std::string sse_complete();
// ":\n\n": a comment, ignored by clients; sent when the stream opens and as a heartbeat.
std::string sse_heartbeat();

// Whether a request asks for an event stream (its Accept header lists text/event-stream).
bool accepts_event_stream(const std::string* accept);

}  // namespace cohort::api::subscriptions
