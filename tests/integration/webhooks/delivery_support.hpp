// Helpers of the delivery tests: the delivery log of a webhook, waiting for it to settle, and
// checking a signature the way Twenty's docs tell receivers to (HMAC-SHA256 of
// "<timestamp>:<body>" with the webhook's secret, hex).
#pragma once

#include <openssl/hmac.h>

#include <string>

#include "webhook_server.hpp"

namespace cohort::testing {

struct delivery_row {
  std::string status;
  int attempts = 0;
  std::string last_status_code;  // "" when NULL
  std::string last_error;
  std::string event_id;
};

inline std::vector<delivery_row> deliveries_of(webhook_server& s, const std::string& webhook_id) {
  auto r = s.sql(
      "SELECT status, attempts, coalesce(last_status_code::text, ''), coalesce(last_error, ''), "
      "event_id FROM core.webhook_delivery WHERE webhook_id = '" +
      webhook_id + "' ORDER BY seq");
  std::vector<delivery_row> out;
  for (int i = 0; r.ok() && i < r.rows(); ++i) {
    out.push_back({std::string(r.get(i, 0)), std::stoi(std::string(r.get(i, 1))),
                   std::string(r.get(i, 2)), std::string(r.get(i, 3)), std::string(r.get(i, 4))});
  }
  return out;
}

// Waits until the webhook has `count` deliveries and none is pending; on failure, says what the
// log holds.
inline bool wait_settled(webhook_server& s, const std::string& webhook_id, int count = 1) {
  bool settled = s.wait_sql("SELECT count(*) = " + std::to_string(count) +
                            " AND bool_and(status <> 'pending') FROM core.webhook_delivery WHERE "
                            "webhook_id = '" +
                            webhook_id + "'");
  if (!settled) {
    for (const auto& d : deliveries_of(s, webhook_id)) {
      ADD_FAILURE() << "delivery of event " << d.event_id << ": " << d.status << ", " << d.attempts
                    << " attempts, last " << d.last_status_code << " " << d.last_error;
    }
  }
  return settled;
}

inline std::string hmac_sha256_hex(const std::string& key, const std::string& message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

}  // namespace cohort::testing
