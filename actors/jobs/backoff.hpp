// Retry delays: exponential backoff with full jitter (a uniform draw between zero and
// min(cap, base * 2^(attempt-1))), so retries of many jobs failing together spread out instead of
// returning in waves.
#pragma once

#include <chrono>
#include <cstdint>

namespace cohort::actors::jobs {

// The ceiling of the draw after `attempt` (1-based) failed attempts.
std::chrono::milliseconds backoff_ceiling(int attempt, std::chrono::milliseconds base,
                                          std::chrono::milliseconds cap);
// `unit` is a uniform draw in [0, 1).
std::chrono::milliseconds backoff_delay(int attempt, std::chrono::milliseconds base,
                                        std::chrono::milliseconds cap, double unit);
// The same with a draw from a thread-local generator.
std::chrono::milliseconds backoff_delay(int attempt, std::chrono::milliseconds base,
                                        std::chrono::milliseconds cap);

}  // namespace cohort::actors::jobs
