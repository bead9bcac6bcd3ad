// Figures about this process read from /proc, for gauges (RSS) and benchmarks.
#pragma once

#include <cstdint>

namespace cohort::api::http {

class metrics_registry;

// Resident set size of this process in bytes (/proc/self/statm), 0 if unreadable.
std::uint64_t process_rss_bytes();

// Registers process_resident_memory_bytes (Prometheus' standard name) as a callback gauge.
void register_process_metrics(metrics_registry& registry);

}  // namespace cohort::api::http
