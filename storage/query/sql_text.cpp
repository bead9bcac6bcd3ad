#include "storage/query/sql_text.hpp"

#include <boost/json/serialize.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>

#include "storage/ddl/identifier.hpp"

namespace cohort::storage::query {

std::string ident(std::string_view name) {
  return ddl::quote_identifier(name);
}

std::string column_ref(std::string_view alias, std::string_view column) {
  std::string out(alias);
  out += '.';
  out += ident(column);
  return out;
}

std::string numbered(std::string_view prefix, std::size_t n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

std::string literal(std::string_view text) {
  return ddl::quote_literal(text);
}

namespace {

constexpr std::size_t max_pairs_per_call = 50;  // json_build_object takes at most 100 arguments

std::string build_object(const std::vector<std::pair<std::string, std::string>>& pairs,
                         std::size_t begin, std::size_t end) {
  std::string out = "json_build_object(";
  for (std::size_t i = begin; i < end; ++i) {
    if (i != begin) out += ", ";
    out += literal(pairs[i].first);
    out += ", ";
    out += pairs[i].second;
  }
  out += ')';
  return out;
}

}  // namespace

std::string json_object_sql(const std::vector<std::pair<std::string, std::string>>& pairs) {
  if (pairs.empty()) return "'{}'::json";
  if (pairs.size() <= max_pairs_per_call) return build_object(pairs, 0, pairs.size());
  // {"a":1} and {"b":2} become {"a":1,"b":2}: drop the closing brace of every part but the last
  // and the opening brace of every part but the first.
  std::string out = "(";
  const std::size_t parts = (pairs.size() + max_pairs_per_call - 1) / max_pairs_per_call;
  for (std::size_t p = 0; p < parts; ++p) {
    const std::size_t begin = p * max_pairs_per_call;
    const std::size_t end = std::min(pairs.size(), begin + max_pairs_per_call);
    std::string part = build_object(pairs, begin, end) + "::text";
    if (p + 1 < parts) part = "left(" + part + ", -1)";
    if (p > 0) part = "substr(" + part + ", 2)";
    if (p > 0) out += " || ',' || ";
    out += part;
  }
  out += ")::json";
  return out;
}

std::string pg_array_literal(const std::vector<std::optional<std::string>>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    if (!items[i]) {
      out += "NULL";
      continue;
    }
    out += '"';
    for (char c : *items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

std::optional<std::string> scalar_text(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null:
      return std::nullopt;
    case boost::json::kind::string:
      return std::string(value.get_string());
    case boost::json::kind::bool_:
      return value.get_bool() ? "true" : "false";
    case boost::json::kind::int64:
      return std::to_string(value.get_int64());
    case boost::json::kind::uint64:
      return std::to_string(value.get_uint64());
    case boost::json::kind::double_: {
      const double d = value.get_double();
      char buf[64];
      if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 1e18) {
        std::snprintf(buf, sizeof buf, "%.0f", d);
      } else {
        std::snprintf(buf, sizeof buf, "%.17g", d);
      }
      return std::string(buf);
    }
    default:
      return boost::json::serialize(value);
  }
}

std::string json_text_sql(const std::string& expr) {
  return "COALESCE(to_json(" + expr + ")::text, 'null')";
}

std::optional<std::string> iso_text_of_epoch_ms(const boost::json::value& number) {
  if (!number.is_number()) return std::nullopt;
  const double ms = number.is_int64()    ? static_cast<double>(number.get_int64())
                    : number.is_uint64() ? static_cast<double>(number.get_uint64())
                                         : number.get_double();
  if (!std::isfinite(ms) || ms < -62135596800000.0 || ms > 253402300799999.0) return std::nullopt;
  const auto whole = static_cast<std::int64_t>(std::floor(ms / 1000));
  const auto millis = static_cast<int>(static_cast<std::int64_t>(ms) - whole * 1000);
  const std::time_t seconds = static_cast<std::time_t>(whole);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];  // room for any int year, so the compiler sees no truncation
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
  return std::string(text);
}

}  // namespace cohort::storage::query
