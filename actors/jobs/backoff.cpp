#include "actors/jobs/backoff.hpp"

#include <algorithm>
#include <random>

namespace cohort::actors::jobs {

std::chrono::milliseconds backoff_ceiling(int attempt, std::chrono::milliseconds base,
                                          std::chrono::milliseconds cap) {
  if (base.count() <= 0 || cap.count() <= 0) return std::chrono::milliseconds(0);
  auto ceiling = base;
  for (int i = 1; i < attempt && ceiling < cap; ++i) ceiling *= 2;  // no overflow: stops at cap
  return std::min(ceiling, cap);
}

std::chrono::milliseconds backoff_delay(int attempt, std::chrono::milliseconds base,
                                        std::chrono::milliseconds cap, double unit) {
  unit = std::clamp(unit, 0.0, 1.0);
  auto ceiling = backoff_ceiling(attempt, base, cap);
  auto drawn = static_cast<std::int64_t>(static_cast<double>(ceiling.count()) * unit);
  return std::chrono::milliseconds(std::min<std::int64_t>(drawn, ceiling.count()));
}

std::chrono::milliseconds backoff_delay(int attempt, std::chrono::milliseconds base,
                                        std::chrono::milliseconds cap) {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  std::uniform_real_distribution<double> draw(0.0, 1.0);
  return backoff_delay(attempt, base, cap, draw(generator));
}

}  // namespace cohort::actors::jobs
