// A one-off blocking check that a Redis server answers PING (health indicator, start-up check).
// Blocking: run it on a thread of its own, never on an actor or HTTP thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "storage/redis/redis_url.hpp"

namespace cohort::storage::redis {

// Nothing when the server answered PONG; otherwise why not.
std::optional<std::string> ping(const redis_endpoint& endpoint, std::chrono::milliseconds timeout);

}  // namespace cohort::storage::redis
