#include "storage/ddl/identifier.hpp"

#include <boost/json/serialize.hpp>
#include <cmath>
#include <cstdio>

namespace cohort::storage::ddl {
namespace {

bool is_ident_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool is_ident_char(char c) {
  return is_ident_start(c) || (c >= '0' && c <= '9');
}

// Undoes the quoting of a metadata literal "'it''s'" -> "it's"; nullopt when it is not one
// well-formed quoted literal (an unescaped quote inside would end the literal early).
std::optional<std::string> unquote_metadata_literal(std::string_view text) {
  if (text.size() < 2 || text.front() != '\'' || text.back() != '\'') return std::nullopt;
  std::string out;
  const std::string_view inner = text.substr(1, text.size() - 2);
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] == '\'') {
      if (i + 1 < inner.size() && inner[i + 1] == '\'') {
        out.push_back('\'');
        ++i;
        continue;
      }
      return std::nullopt;
    }
    out.push_back(inner[i]);
  }
  return out;
}

std::string render_scalar(const boost::json::value& value) {
  if (value.is_bool()) return value.get_bool() ? "true" : "false";
  if (value.is_int64()) return std::to_string(value.get_int64());
  if (value.is_uint64()) return std::to_string(value.get_uint64());
  if (value.is_double()) {
    const double d = value.get_double();
    if (!std::isfinite(d)) throw ddl_error("default value is not a finite number");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
  }
  if (value.is_string()) {
    const std::string_view s = value.get_string();
    if (s == "now") return "now()";
    if (s == "uuid") return "gen_random_uuid()";
    if (auto text = unquote_metadata_literal(s)) return quote_literal(*text);
    throw ddl_error("unsupported default value " + boost::json::serialize(value) +
                    ": expected a quoted literal, \"now\" or \"uuid\"");
  }
  throw ddl_error("unsupported default value " + boost::json::serialize(value));
}

}  // namespace

bool is_valid_identifier(std::string_view name) {
  if (name.empty() || name.size() > max_identifier_bytes) return false;
  if (!is_ident_start(name.front())) return false;
  for (char c : name) {
    if (!is_ident_char(c)) return false;
  }
  return true;
}

std::optional<std::string> try_quote_identifier(std::string_view name) {
  if (!is_valid_identifier(name)) return std::nullopt;
  std::string out;
  out.reserve(name.size() + 2);
  out.push_back('"');
  out.append(name);
  out.push_back('"');
  return out;
}

std::string quote_identifier(std::string_view name) {
  if (auto quoted = try_quote_identifier(name)) return *std::move(quoted);
  std::string shown(name.substr(0, 80));
  throw ddl_error("invalid SQL identifier \"" + shown + "\"" +
                  (name.size() > max_identifier_bytes ? " (longer than 63 bytes)" : ""));
}

std::string qualified_name(std::string_view schema, std::string_view name) {
  return quote_identifier(schema) + "." + quote_identifier(name);
}

std::string quote_literal(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('\'');
  for (char c : text) {
    if (c == '\0') throw ddl_error("NUL byte in SQL literal");
    if (c == '\'') out.push_back('\'');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

std::optional<std::string> render_default(const boost::json::value& value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_array()) {
    const auto& array = value.get_array();
    if (array.empty()) return std::string("'{}'");
    std::string out = "ARRAY[";
    for (std::size_t i = 0; i < array.size(); ++i) {
      if (i) out += ", ";
      out += render_scalar(array[i]);
    }
    out += "]";
    return out;
  }
  if (value.is_object()) throw ddl_error("an object default belongs to a composite field");
  return render_scalar(value);
}

}  // namespace cohort::storage::ddl
