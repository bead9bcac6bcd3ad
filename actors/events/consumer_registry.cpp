#include "actors/events/event_consumer.hpp"

namespace cohort::actors::events {

namespace {

class function_consumer : public event_consumer {
 public:
  explicit function_consumer(
      std::function<void(std::span<const record_event>, std::function<void(bool)>)> fn)
      : fn_(std::move(fn)) {}
  void on_events(std::span<const record_event> batch, std::function<void(bool)> done) override {
    fn_(batch, std::move(done));
  }

 private:
  std::function<void(std::span<const record_event>, std::function<void(bool)>)> fn_;
};

}  // namespace

void consumer_registry::add(consumer_registration registration) {
  std::lock_guard lock(mutex_);
  for (auto& existing : consumers_) {
    if (existing.name == registration.name) {
      existing = std::move(registration);
      return;
    }
  }
  consumers_.push_back(std::move(registration));
}

std::vector<consumer_registration> consumer_registry::all() const {
  std::lock_guard lock(mutex_);
  return consumers_;
}

std::shared_ptr<event_consumer> make_consumer(
    std::function<void(std::span<const record_event>, std::function<void(bool)>)> on_events) {
  return std::make_shared<function_consumer>(std::move(on_events));
}

}  // namespace cohort::actors::events
