// Compact JWS tokens signed HS256, the only scheme Twenty's classic tokens use. Decoding (no
// trust), signing and verification are separate steps because Twenty picks the verification key
// from the unverified payload (see token_keys.hpp). Checks follow the `jsonwebtoken` npm package
// Twenty uses: algorithm, then signature, then `nbf`, then `exp` (expired when now >= exp).
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::auth {

// A token split and parsed, not yet trusted.
struct decoded_jwt {
  boost::json::object header;
  boost::json::object payload;
  std::string signing_input;  // "<header b64>.<payload b64>", the bytes the signature covers
  std::string signature;      // the third segment, still base64url text
};

// nullopt when the text is not three base64url segments whose first two are JSON objects
// (Twenty answers such tokens with "No payload").
std::optional<decoded_jwt> decode_jwt(std::string_view token);

// `{"alg":"HS256","typ":"JWT"}` + payload (serialized in its insertion order) + HMAC-SHA256.
std::string sign_hs256(const boost::json::object& payload, std::string_view key);

enum class jwt_check {
  ok,
  bad_algorithm,  // header.alg is not "HS256" ("none", "RS256", missing, ...)
  bad_signature,  // HMAC does not match
  bad_claims,     // exp missing or not a number, nbf not a number
  not_yet_valid,  // nbf > now
  expired,        // now >= exp
};

// Verifies a decoded token with `key` at `now_seconds` (Unix time).
jwt_check verify_hs256(const decoded_jwt& token, std::string_view key, std::int64_t now_seconds);

}  // namespace cohort::api::auth
