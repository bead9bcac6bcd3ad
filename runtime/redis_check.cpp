#include "runtime/redis_check.hpp"

#include <thread>

#include "storage/redis/redis_ping.hpp"

namespace cohort::runtime {

namespace {

constexpr std::chrono::milliseconds ping_timeout{2000};

}  // namespace

std::optional<std::string> check_redis(const config::settings& settings) {
  if (settings.redis_url.empty()) return std::nullopt;
  auto endpoint = storage::redis::parse_redis_url(settings.redis_url);
  if (!endpoint)
    return "invalid REDIS_URL \"" + settings.redis_url +
           "\": expected redis://[user:password@]host[:port][/db] or unix:///path";
  if (auto why = storage::redis::ping(*endpoint, ping_timeout))
    return "invalid REDIS_URL \"" + settings.redis_url + "\": expected a reachable Redis (" + *why +
           ")";
  return std::nullopt;
}

void add_redis_health(api::health_checks& health, const config::settings& settings) {
  auto endpoint = storage::redis::parse_redis_url(settings.redis_url);
  if (settings.redis_url.empty() || !endpoint) {
    health.add("redis", [](auto done) { done(std::nullopt); });
    return;
  }
  health.add("redis", [ep = *endpoint](auto done) {
    std::thread([ep, done] { done(storage::redis::ping(ep, ping_timeout)); }).detach();
  });
}

}  // namespace cohort::runtime
