#include "storage/query/json_text.hpp"

#include <cstdio>

#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {

json_text& json_text::raw(std::string_view json) {
  if (!parts_.empty() && parts_.back().first) {
    parts_.back().second += json;
  } else {
    parts_.emplace_back(true, std::string(json));
  }
  return *this;
}

json_text& json_text::sql(std::string expr) {
  parts_.emplace_back(false, std::move(expr));
  return *this;
}

json_text& json_text::append(const json_text& other) {
  for (const auto& [is_raw, text] : other.parts_) {
    if (is_raw) {
      raw(text);
    } else {
      sql(text);
    }
  }
  return *this;
}

std::string json_text::expression() const {
  if (parts_.empty()) return "''::text";
  if (parts_.size() == 1)
    return parts_[0].first ? literal(parts_[0].second) + "::text" : parts_[0].second;
  std::string out;
  for (const auto& [is_raw, text] : parts_) {
    if (!out.empty()) out += " || ";
    out += is_raw ? literal(text) : text;
  }
  return out;
}

std::string json_string(std::string_view text) {
  // escape_json's rules: the two-character escapes, then \u00xx for the other control bytes.
  static constexpr std::string_view escaped = "\b\f\n\r\t\"\\";
  static constexpr std::string_view letters = "bfnrt\"\\";
  std::string out = "\"";
  for (const char c : text) {
    if (const auto at = escaped.find(c); at != std::string_view::npos) {
      out += '\\';
      out += letters[at];
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

json_text json_object_text(const std::vector<std::pair<std::string, json_text>>& members) {
  json_text out;
  out.raw("{");
  for (std::size_t i = 0; i < members.size(); ++i) {
    // json_object_sql splits every 50 members into json_build_object calls joined with ','.
    if (i) out.raw(i % 50 == 0 ? "," : ", ");
    out.raw(json_string(members[i].first)).raw(" : ").append(members[i].second);
  }
  return out.raw("}");
}

std::string value_json_text(model::field_type type, const std::string& output_sql) {
  using model::field_type;
  if (type == field_type::uuid || type == field_type::date_time || type == field_type::date) {
    return "COALESCE('\"' || " + output_sql + " || '\"', 'null')";
  }
  return json_text_sql(output_sql);
}

}  // namespace cohort::storage::query
