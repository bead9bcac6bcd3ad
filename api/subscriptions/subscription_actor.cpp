#include "api/subscriptions/subscription_actor.hpp"

#include <caf/all.hpp>

#include <boost/json.hpp>

#include <atomic>
#include <deque>

#include "actors/atoms.hpp"
#include "api/subscriptions/sse_format.hpp"

namespace cohort::api::subscriptions {

namespace {

std::atomic<std::int64_t> live_subscriptions{0};

// Events that arrive before the stream is open are kept, up to a bound.
constexpr std::size_t max_pending = 1000;

struct subscription_state {
  subscription_options options;
  std::shared_ptr<http::stream_writer> writer;
  std::deque<std::string> pending;
  bool subscribed = false;

  subscription_state() { ++live_subscriptions; }
  ~subscription_state() { --live_subscriptions; }
  static inline const char* name = "graphql_subscription";

  void send(std::string chunk) {
    if (writer) return writer->write(std::move(chunk));
    if (pending.size() < max_pending) pending.push_back(std::move(chunk));
  }
};

using subscription_actor = caf::stateful_actor<subscription_state>;

void leave(subscription_actor* self) {
  auto& st = self->state;
  if (st.subscribed && st.options.bus)
    self->send(st.options.bus, actors::unsub_atom::value, st.options.plan.topic());
  st.subscribed = false;
  st.writer.reset();
  self->quit();
}

caf::behavior subscription(subscription_actor* self, subscription_options options) {
  auto& st = self->state;
  st.options = std::move(options);
  if (st.options.bus) {
    self->monitor(st.options.bus);
    self->send(st.options.bus, actors::subscribe_atom::value, st.options.plan.topic());
    st.subscribed = true;
  }
  // A restarted bus does not know this subscription: end the stream (without `complete`) so that
  // the client subscribes again.
  self->set_down_handler([=](caf::down_msg&) {
    auto& s = self->state;
    s.subscribed = false;
    if (s.writer) s.writer->finish();
    leave(self);
  });
  self->delayed_send(self, st.options.heartbeat, actors::tick_atom::value);
  return {
      [=](std::shared_ptr<http::stream_writer> writer) {
        auto& s = self->state;
        s.writer = std::move(writer);
        s.writer->write(sse_heartbeat());  // tells the client the subscription is live
        for (auto& chunk : s.pending) s.writer->write(std::move(chunk));
        s.pending.clear();
      },
      [=](actors::publish_atom, const std::string&, const std::string& text) {
        auto& s = self->state;
        boost::system::error_code ec;
        auto event = boost::json::parse(text, ec);
        if (ec || !event.is_object()) return;
        const auto& o = event.as_object();
        const auto* ws = o.if_contains("workspaceId");
        if (!ws || !ws->is_string() || ws->as_string() != s.options.workspace_id) return;
        if (!s.options.plan.matches(o)) return;
        s.send(sse_next(s.options.plan.render(o)));
      },
      [=](actors::tick_atom) {
        auto& s = self->state;
        if (s.writer) s.writer->write(sse_heartbeat());
        self->delayed_send(self, s.options.heartbeat, actors::tick_atom::value);
      },
      [=](actors::stop_atom) { leave(self); },
  };
}

}  // namespace

caf::actor spawn_subscription(caf::actor_system& sys, subscription_options options) {
  return sys.spawn(subscription, std::move(options));
}

std::int64_t open_subscriptions() {
  return live_subscriptions.load();
}

}  // namespace cohort::api::subscriptions
