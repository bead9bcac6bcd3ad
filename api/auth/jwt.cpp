#include "api/auth/jwt.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/auth/crypto.hpp"

namespace cohort::api::auth {

namespace json = boost::json;

namespace {

std::optional<json::object> parse_object_segment(std::string_view segment) {
  if (segment.empty()) return std::nullopt;
  auto raw = base64url_decode(segment);
  if (!raw) return std::nullopt;
  json::error_code ec;
  auto value = json::parse(*raw, ec);
  if (ec || !value.is_object()) return std::nullopt;
  return std::move(value.as_object());
}

// A JSON number as double, for exp/nbf which may legally be fractional.
std::optional<double> number_of(const json::value& v) {
  if (v.is_int64()) return double(v.get_int64());
  if (v.is_uint64()) return double(v.get_uint64());
  if (v.is_double()) return v.get_double();
  return std::nullopt;
}

// The header every token we mint carries, serialized once.
const std::string& header_segment() {
  static const std::string segment = base64url_encode(R"({"alg":"HS256","typ":"JWT"})");
  return segment;
}

}  // namespace

std::optional<decoded_jwt> decode_jwt(std::string_view token) {
  auto first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  auto second = token.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  if (token.find('.', second + 1) != std::string_view::npos) return std::nullopt;

  auto header = parse_object_segment(token.substr(0, first));
  if (!header) return std::nullopt;
  auto payload = parse_object_segment(token.substr(first + 1, second - first - 1));
  if (!payload) return std::nullopt;
  auto signature = token.substr(second + 1);
  if (!base64url_decode(signature)) return std::nullopt;

  return decoded_jwt{std::move(*header), std::move(*payload), std::string(token.substr(0, second)),
                     std::string(signature)};
}

std::string sign_hs256(const json::object& payload, std::string_view key) {
  std::string out = header_segment();
  out += '.';
  out += base64url_encode(json::serialize(payload));
  auto signature = base64url_encode(hmac_sha256(key, out));
  out += '.';
  out += signature;
  return out;
}

jwt_check verify_hs256(const decoded_jwt& token, std::string_view key, std::int64_t now_seconds) {
  auto alg = token.header.if_contains("alg");
  if (!alg || !alg->is_string() || alg->get_string() != "HS256") return jwt_check::bad_algorithm;

  // Compare base64url texts, as jsonwebtoken does: a non-canonical encoding of the right bytes is
  // rejected too.
  auto expected = base64url_encode(hmac_sha256(key, token.signing_input));
  if (!constant_time_equal(expected, token.signature)) return jwt_check::bad_signature;

  const double now = double(now_seconds);
  if (auto nbf = token.payload.if_contains("nbf")) {
    auto value = number_of(*nbf);
    if (!value) return jwt_check::bad_claims;
    if (*value > now) return jwt_check::not_yet_valid;
  }
  // Every token Twenty mints has exp; a token without one would never end, so it is refused.
  auto exp = token.payload.if_contains("exp");
  if (!exp) return jwt_check::bad_claims;
  auto value = number_of(*exp);
  if (!value) return jwt_check::bad_claims;
  if (now >= *value) return jwt_check::expired;
  return jwt_check::ok;
}

}  // namespace cohort::api::auth
