// The plain request/response types exchanged between the HTTP server (Beast, in this folder) and
// the rest of api/ (CAF). Nothing here names Beast or Asio: the API actors see only these types,
// and answer through a `responder` that may be called from any thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Only carried here (api/http does not see model/): a shared_ptr to an incomplete type.
namespace cohort::model {
struct effective_permissions;
}  // namespace cohort::model
namespace cohort::api::auth {
struct verified_token;
}  // namespace cohort::api::auth
namespace cohort::storage::core {
struct standing_guard;
}  // namespace cohort::storage::core

namespace cohort::api::http {

struct stream_handler;  // stream.hpp

using header_list = std::vector<std::pair<std::string, std::string>>;

struct request {
  std::string method;   // "GET", "POST", ... as sent
  std::string target;   // raw target: path and query
  std::string path;     // percent-decoded path, without the query
  std::string query;    // raw query string, without '?'
  header_list headers;  // names lower-cased, values as sent, in order
  std::string body;
  std::string request_id;      // X-Request-Id when present and sane, else generated
  std::string remote_address;  // peer IP address
  // The caller's rights from its role, set only by the request gate (api/request_gate) once it
  // has read the caller's role; copied into actors::caller::permissions.
  std::shared_ptr<const model::effective_permissions> permissions;
  // The bearer token as the request gate verified it (set only there): the endpoints read the
  // caller from it instead of checking the signature a second time.
  std::shared_ptr<const auth::verified_token> verified_token;
  // Set only by the request gate when it passed the request on a remembered standing: the record
  // statements carry it as a guard (storage/core/standing_guard.hpp); copied into
  // actors::request_context::standing_guard.
  std::shared_ptr<storage::core::standing_guard> standing_guard;

  // First header of that name (case-insensitive), or nullptr.
  const std::string* header(std::string_view name) const;
};

struct response {
  unsigned status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  header_list headers;  // extra headers; the server adds Date, Content-Length, CORS, X-Request-Id
  // Route template for metrics, e.g. "/rest/{object}/{id}". Leave empty for unknown paths: they
  // are counted as "other", so that clients cannot create unbounded label sets.
  std::string route;
  // Set: the body is streamed (stream.hpp) after the head, and `body` is ignored.
  std::shared_ptr<stream_handler> stream;
};

// Answers one request. Call it exactly once, from any thread: it posts the response back to the
// connection's strand and returns at once. Later calls are ignored. If every copy is destroyed
// without a call, the client gets a 500.
using responder = std::function<void(response)>;

// What the server calls for every request that passed the HTTP-level checks (size limits,
// parse, CORS preflight). handle() runs on an HTTP thread and must not block: hand the work
// elsewhere and answer through `done`.
class handler {
 public:
  virtual ~handler() = default;
  virtual void handle(request req, responder done) = 0;
};

// A JSON error body in the shape Twenty's NestJS answers HTTP-level errors with:
// {"statusCode":413,"message":"...","error":"Payload Too Large"}.
response error_response(unsigned status, std::string_view message);

// The standard reason phrase of a status ("Not Found"), or "Unknown".
std::string_view reason_phrase(unsigned status);

}  // namespace cohort::api::http
