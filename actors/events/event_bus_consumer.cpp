#include "actors/events/event_bus_consumer.hpp"

#include <caf/all.hpp>

#include <boost/json/serialize.hpp>

#include "actors/atoms.hpp"

namespace cohort::actors::events {

std::shared_ptr<event_consumer> make_event_bus_consumer(std::function<caf::actor()> bus) {
  return make_consumer(
      [bus = std::move(bus)](std::span<const record_event> batch, std::function<void(bool)> done) {
        if (auto target = bus()) {
          for (const auto& event : batch)
            caf::anon_send(target, publish_atom::value, event.name,
                           boost::json::serialize(event.to_json()));
        }
        done(true);  // a live feed: events nobody listens to are gone
      });
}

}  // namespace cohort::actors::events
