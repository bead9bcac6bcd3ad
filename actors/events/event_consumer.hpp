// The interface every consumer of record events implements (webhook fan-out, timeline, SSE, ...)
// and the list of consumers the outbox relay feeds. A consumer gets events in batches, in order,
// and says when it is done with a batch; a durable consumer's position is saved only then, so after
// a crash it sees the unfinished batch again (at-least-once).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "actors/events/record_event.hpp"

namespace cohort::actors::events {

class event_consumer {
 public:
  virtual ~event_consumer() = default;
  // Called on the relay's actor thread: start handling and return, never block. Call `done`
  // exactly once, from any thread: true moves the position past the batch, false hands the same
  // batch again after a short backoff. The span's events live until `done` is called.
  virtual void on_events(std::span<const record_event> batch,
                         std::function<void(bool ok)> done) = 0;
};

struct consumer_registration {
  std::string name;  // key of core.event_consumer for durable consumers
  std::shared_ptr<event_consumer> consumer;
  // Durable: position saved in core.event_consumer, one node at a time feeds it (lease), and rows
  // are kept until it has them. Not durable (node-local live feeds such as the event bus): each
  // node feeds its own, starting at the newest event, never holding rows back for long.
  bool durable = true;
  std::size_t batch_size = 200;
};

// Consumers by name; fill it before the node starts.
class consumer_registry {
 public:
  void add(consumer_registration registration);
  std::vector<consumer_registration> all() const;

 private:
  mutable std::mutex mutex_;
  std::vector<consumer_registration> consumers_;
};

// A consumer made of a function, for small consumers and tests.
std::shared_ptr<event_consumer> make_consumer(
    std::function<void(std::span<const record_event>, std::function<void(bool)>)> on_events);

}  // namespace cohort::actors::events
