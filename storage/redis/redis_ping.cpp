#include "storage/redis/redis_ping.hpp"

#include <hiredis/hiredis.h>

#include <memory>

namespace cohort::storage::redis {

namespace {

struct context_deleter {
  void operator()(redisContext* c) const { redisFree(c); }
};
struct reply_deleter {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using context_ptr = std::unique_ptr<redisContext, context_deleter>;
using reply_ptr = std::unique_ptr<redisReply, reply_deleter>;

std::optional<std::string> expect_ok(redisContext* c, reply_ptr reply, const char* what) {
  if (!reply) return std::string(what) + ": " + (c->errstr[0] ? c->errstr : "no reply");
  if (reply->type == REDIS_REPLY_ERROR) return std::string(what) + ": " + reply->str;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> ping(const redis_endpoint& ep, std::chrono::milliseconds timeout) {
  timeval tv{static_cast<time_t>(timeout.count() / 1000),
             static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
  context_ptr c(ep.socket_path.empty() ? redisConnectWithTimeout(ep.host.c_str(), ep.port, tv)
                                       : redisConnectUnixWithTimeout(ep.socket_path.c_str(), tv));
  if (!c) return "cannot allocate a Redis context";
  if (c->err) return std::string("cannot connect: ") + c->errstr;
  redisSetTimeout(c.get(), tv);
  if (!ep.password.empty()) {
    reply_ptr auth(static_cast<redisReply*>(
        ep.user.empty()
            ? redisCommand(c.get(), "AUTH %s", ep.password.c_str())
            : redisCommand(c.get(), "AUTH %s %s", ep.user.c_str(), ep.password.c_str())));
    if (auto err = expect_ok(c.get(), std::move(auth), "AUTH")) return err;
  }
  reply_ptr pong(static_cast<redisReply*>(redisCommand(c.get(), "PING")));
  if (auto err = expect_ok(c.get(), std::move(pong), "PING")) return err;
  return std::nullopt;
}

}  // namespace cohort::storage::redis
