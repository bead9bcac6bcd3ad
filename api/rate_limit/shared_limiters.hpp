// Limiters that resolvers reach without the request gate (OTP attempts, invitation quotas): one
// per name and settings in the process, shared by every schema built in it, so a bucket's count
// survives schema rebuilds. With REDIS_URL the buckets live in Redis (shared by every node, one
// connection and worker thread per URL); without, in this process.
#pragma once

#include <memory>
#include <string>

#include "api/rate_limit/rate_limiter.hpp"

namespace cohort::api::rate_limit {

// The limiter for keys under `prefix` (e.g. "cohort:rate:otp:") with `options`; the same object
// for the same arguments. Kept for the process' lifetime.
std::shared_ptr<rate_limiter> shared_limiter(const std::string& redis_url,
                                             const std::string& prefix, bucket_options options);

}  // namespace cohort::api::rate_limit
