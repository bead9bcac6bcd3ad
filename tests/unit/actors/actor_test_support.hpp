// A CAF actor system for one test, with Cohort's message types registered, and a blocking
// request helper that fails the test on error or timeout.
#pragma once

#include <gtest/gtest.h>
#include <caf/all.hpp>

#include <optional>

#include "actors/message_types.hpp"

namespace cohort::testing {

struct actor_config : caf::actor_system_config {
  actor_config() {
    actors::register_message_types(*this);
    set("scheduler.max-threads", 2);
  }
};

struct actor_test : ::testing::Test {
  actor_config cfg;
  caf::actor_system sys{cfg};
  caf::scoped_actor self{sys};

  template <class Result, class... Ts>
  std::optional<Result> ask(const caf::actor& dest, Ts&&... xs) {
    std::optional<Result> out;
    self->request(dest, std::chrono::seconds(5), std::forward<Ts>(xs)...)
        .receive([&](Result& r) { out = std::move(r); },
                 [&](caf::error& e) { ADD_FAILURE() << "request failed: " << sys.render(e); });
    return out;
  }
};

}  // namespace cohort::testing
