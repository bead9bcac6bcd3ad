#include "storage/query/compile_context.hpp"

#include "storage/ddl/column_types.hpp"
#include "storage/ddl/identifier.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {

std::string compile_context::bind(std::optional<std::string> value) {
  params_.push_back(std::move(value));
  return numbered("$", params_.size());
}

std::string compile_context::bind(std::optional<std::string> value, std::string_view type) {
  std::string out = bind(std::move(value));
  out += "::";
  out += type;
  return out;
}

std::string compile_context::alias() {
  return numbered("t", next_alias_++);
}

std::string compile_context::table(const model::object_metadata& object) const {
  if (auto it = row_sources_.find(object.name_singular); it != row_sources_.end()) {
    return it->second;
  }
  return ddl::qualified_name(model_.schema_name(), object.table_name());
}

void compile_context::read_rows_from(std::string name_singular, std::string rows_sql) {
  row_sources_[std::move(name_singular)] = std::move(rows_sql);
}

const model::object_metadata& compile_context::object(std::string_view name_singular) const {
  const auto* object = model_.find_object(name_singular);
  if (!object) {
    fail(bad_user_input("Object " + std::string(name_singular) + " not found",
                        "OBJECT_METADATA_NOT_FOUND"));
  }
  return *object;
}

const std::string& compile_context::column_type(const model::object_metadata& object,
                                                std::string_view column) {
  auto& types = column_types_[&object];
  const std::string key(column);
  if (auto found = types.find(key); found != types.end()) return found->second;
  // Only the field that owns the column is rendered: its name, a composite prefix
  // (nameFirstName) or a join column (companyId).
  for (const auto& field : object.fields) {
    if (!key.starts_with(field.name)) continue;
    try {
      bool owns = false;
      for (auto& col : ddl::columns_for_field(model_.schema_name(), object.table_name(), field)) {
        owns = owns || col.name == key;
        types.emplace(std::move(col.name), std::move(col.type_sql));
      }
      if (owns) break;
    } catch (const ddl::ddl_error&) {
      // A field the DDL generator refuses has no table column to compare or cast.
    }
  }
  static const std::string text = "text";
  auto found = types.find(key);
  return found == types.end() ? text : found->second;
}

}  // namespace cohort::storage::query
