#include "api/rate_limit/redis_rate_limiter.hpp"

#include <hiredis/hiredis.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <vector>

namespace cohort::api::rate_limit {

namespace {

// KEYS[1] the bucket; ARGV: capacity, period in ms, "take" | "peek" | "spend", tokens at once.
// Answers {allowed (0/1), seconds until one token is back}. An idle bucket refills completely
// within the period, so it expires then: Redis holds only buckets in use.
constexpr const char* bucket_script = R"lua(
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'last')
local tokens = tonumber(state[1]) or capacity
local last = tonumber(state[2]) or now
local rate = capacity / period
local count = tonumber(ARGV[4]) or 1
if now > last then tokens = math.min(capacity, tokens + (now - last) * rate) end
local allowed = 1
if ARGV[3] == 'spend' then
  tokens = math.max(0, tokens - count)
elseif tokens < count then
  allowed = 0
elseif ARGV[3] == 'take' then
  tokens = tokens - count
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'last', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(period))
local retry = 0
if allowed == 0 then
  retry = math.ceil((count - tokens) / rate / 1000)
  if retry < 1 then retry = 1 end
end
return {allowed, retry}
)lua";

struct context_deleter {
  void operator()(redisContext* c) const { redisFree(c); }
};
using context_ptr = std::unique_ptr<redisContext, context_deleter>;

const char* op_name(bucket_op op) {
  switch (op) {
    case bucket_op::take:
      return "take";
    case bucket_op::peek:
      return "peek";
    case bucket_op::spend:
      return "spend";
  }
  return "peek";
}

context_ptr connect(const storage::redis::redis_endpoint& ep) {
  timeval tv{2, 0};
  context_ptr c(ep.socket_path.empty() ? redisConnectWithTimeout(ep.host.c_str(), ep.port, tv)
                                       : redisConnectUnixWithTimeout(ep.socket_path.c_str(), tv));
  if (!c || c->err) {
    spdlog::warn("rate limits: cannot reach Redis ({}); requests are not limited meanwhile",
                 c ? c->errstr : "no context");
    return nullptr;
  }
  redisSetTimeout(c.get(), tv);
  auto command = [&](const char* fmt, auto... args) {
    auto* r = static_cast<redisReply*>(redisCommand(c.get(), fmt, args...));
    bool ok = r && r->type != REDIS_REPLY_ERROR;
    if (r) freeReplyObject(r);
    return ok;
  };
  if (!ep.password.empty()) {
    bool ok = ep.user.empty() ? command("AUTH %s", ep.password.c_str())
                              : command("AUTH %s %s", ep.user.c_str(), ep.password.c_str());
    if (!ok) {
      spdlog::warn("rate limits: Redis refused AUTH; requests are not limited meanwhile");
      return nullptr;
    }
  }
  if (ep.db != 0 && !command("SELECT %d", ep.db)) return nullptr;
  return c;
}

decision read_decision(redisReply* r) {
  if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2) return {};
  bool allowed = r->element[0]->integer != 0;
  return decision{allowed, std::chrono::seconds(allowed ? 0 : r->element[1]->integer)};
}

}  // namespace

redis_bucket_worker::redis_bucket_worker(storage::redis::redis_endpoint endpoint)
    : endpoint_(std::move(endpoint)), thread_([this] { run(); }) {}

redis_bucket_worker::~redis_bucket_worker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void redis_bucket_worker::submit(job j) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(j));
  }
  wake_.notify_one();
}

void redis_bucket_worker::run() {
  context_ptr c;
  // After a failed connection, requests pass at once for a second instead of each batch
  // waiting for another attempt.
  auto next_attempt = std::chrono::steady_clock::time_point{};
  for (;;) {
    std::vector<job> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left to answer
      batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
      queue_.clear();
    }
    if (!c && std::chrono::steady_clock::now() >= next_attempt) {
      c = connect(endpoint_);
      if (!c) next_attempt = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    }
    std::vector<decision> decisions(batch.size());
    if (c) {
      // One round trip for the whole batch.
      for (const auto& j : batch) {
        auto capacity = std::to_string(j.options.capacity);
        auto period = std::to_string(j.options.period.count());
        auto tokens = std::to_string(j.tokens);
        redisAppendCommand(c.get(), "EVAL %s 1 %s %s %s %s %s", bucket_script, j.key.c_str(),
                           capacity.c_str(), period.c_str(), op_name(j.op), tokens.c_str());
      }
      for (std::size_t i = 0; i < batch.size(); ++i) {
        void* raw = nullptr;
        if (redisGetReply(c.get(), &raw) != REDIS_OK) {
          spdlog::warn("rate limits: Redis failed ({}); requests are not limited meanwhile",
                       c->errstr);
          c.reset();
          break;
        }
        auto* reply = static_cast<redisReply*>(raw);
        if (reply->type == REDIS_REPLY_ERROR) spdlog::warn("rate limits: {}", reply->str);
        decisions[i] = read_decision(reply);
        freeReplyObject(reply);
      }
    }
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done(decisions[i]);
  }
}

void redis_rate_limiter::apply(std::string key, bucket_op op, std::function<void(decision)> done) {
  worker_->submit({prefix_ + key, options_, op, std::move(done)});
}

void redis_rate_limiter::take_many(std::string key, double tokens,
                                   std::function<void(decision)> done) {
  worker_->submit({prefix_ + key, options_, bucket_op::take, std::move(done), tokens});
}

}  // namespace cohort::api::rate_limit
