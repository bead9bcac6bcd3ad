// What every benchmark here prints about latency: percentiles of samples in milliseconds, and the
// milliseconds between two steady-clock points. Header-only: each bench is one small program.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace cohort::bench {

using clock_type = std::chrono::steady_clock;

// The p-quantile (0.5 = median) by rank; 0 for no samples.
inline double percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const auto rank = static_cast<std::size_t>(p * static_cast<double>(samples.size()));
  return samples[std::min(samples.size() - 1, rank)];
}

inline double ms_between(clock_type::time_point from, clock_type::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

}  // namespace cohort::bench
