// JSON written as text concatenation in SQL: literal pieces (keys, punctuation, constants) merged
// at compile time and SQL expressions that yield JSON text, joined with ||. The bytes are exactly
// json_build_object's ({"k" : v, "k2" : v2}); PostgreSQL spends no per-argument type lookups,
// variadic unpacking or key escaping on them, which were about a third of a findMany's time.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/object_metadata.hpp"

namespace cohort::storage::query {

class json_text {
 public:
  // JSON text spliced as it is ("{", ", ", "\"key\" : ", a constant value).
  json_text& raw(std::string_view json);
  // A SQL expression of type text that yields JSON text (never NULL).
  json_text& sql(std::string expr);
  json_text& append(const json_text& other);
  // The whole as one SQL expression of type text.
  std::string expression() const;

 private:
  std::vector<std::pair<bool, std::string>> parts_;  // (is raw JSON, text)
};

// A JSON string for a key or a constant ("Person"), escaped as PostgreSQL's escape_json does.
std::string json_string(std::string_view text);

// {"k" : v, ...} as json_build_object writes it; past 50 members json_object_sql joins parts with
// "," instead of ", ", and so does this, so that wide objects keep their bytes.
json_text json_object_text(const std::vector<std::pair<std::string, json_text>>& members);

// A column value (already in its output form, see output_expr) as JSON text: to_json's bytes,
// null for NULL. A uuid or a date's ISO text is quoted without to_json (nothing in them escapes).
std::string value_json_text(model::field_type type, const std::string& output_sql);

}  // namespace cohort::storage::query
