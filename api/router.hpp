// The HTTP handler of the public port: health is answered right here (it never waits for a
// workspace; /metrics is answered by the HTTP server itself); everything else goes to an API
// actor, spread round-robin.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "actors/supervisor.hpp"
#include "api/health.hpp"
#include "api/http/message.hpp"

namespace cohort::api {

struct router_options {
  std::shared_ptr<actors::handle_table> handles;  // finds the API actors by name
  std::vector<std::string> api_actor_names;
  std::shared_ptr<health_checks> health;
};

class router : public http::handler {
 public:
  explicit router(router_options options);
  void handle(http::request req, http::responder done) override;

 private:
  void to_api_actor(http::request&& req, http::responder&& done, const char* route);

  router_options options_;
  std::atomic<std::size_t> next_{0};
};

}  // namespace cohort::api
