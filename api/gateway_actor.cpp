#include "api/gateway_actor.hpp"

#include <caf/all.hpp>

#include <spdlog/spdlog.h>

#include "actors/atoms.hpp"
#include "api/http/server.hpp"

namespace cohort::api {

namespace {

struct gateway_state {
  gateway_options options;
  std::shared_ptr<http::server> server;  // shared with the exit hook
  std::error_code start_error;
  static inline const char* name = "http_gateway";
};

using gateway_actor = caf::stateful_actor<gateway_state>;

caf::behavior gateway(gateway_actor* self, gateway_options options) {
  auto& st = self->state;
  st.options = std::move(options);
  st.server = std::make_shared<http::server>();
  st.start_error =
      st.server->start(st.options.server, *st.options.handler, st.options.metrics.get());
  // A failure to listen is reported to whoever asks for the port (get_atom below).
  // Whatever ends the gateway, the server's threads end with it.
  self->attach_functor(
      [server = st.server](const caf::error&) { server->shutdown(std::chrono::milliseconds(0)); });
  return {
      [=](caf::get_atom) -> caf::result<std::uint16_t> {
        if (self->state.start_error)
          return caf::make_error(caf::sec::cannot_open_port, self->state.start_error.message());
        return self->state.server->port();
      },
      [=](actors::stop_atom) -> bool {
        bool drained = self->state.server->shutdown(self->state.options.drain_deadline);
        self->quit();
        return drained;
      },
  };
}

}  // namespace

caf::actor spawn_gateway(caf::actor_system& sys, gateway_options options) {
  return sys.spawn<caf::detached>(gateway, std::move(options));
}

}  // namespace cohort::api
