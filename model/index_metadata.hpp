// An index of an object's table as the metadata API shows it (GraphQL type `Index`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cohort::model {

enum class index_type { btree, gin };
std::string_view to_string(index_type type);  // "BTREE" / "GIN"

struct index_field {
  std::string id;
  std::string field_id;
  int order = 0;
};

struct index_metadata {
  std::string id;
  std::string name;
  bool is_unique = false;
  bool is_custom = false;
  index_type type = index_type::btree;
  std::optional<std::string> where_clause;  // e.g. "\"deletedAt\" IS NULL"
  std::vector<index_field> fields;
};

}  // namespace cohort::model
