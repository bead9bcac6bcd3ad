// Durations written as Twenty writes them (the `ms` library): "30m", "60d", "1h", "500ms", "10s",
// or a bare number of milliseconds.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace cohort::config {

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

}  // namespace cohort::config
