// State shared by the pieces of one compilation: the workspace model, the bound parameters
// collected so far, fresh table aliases, and the PostgreSQL type of every column (taken from the
// DDL generator, so casts always match the tables it created).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/object_metadata.hpp"
#include "model/workspace_model.hpp"
#include "storage/pg/result.hpp"

namespace cohort::storage::query {

class compile_context {
 public:
  explicit compile_context(const model::workspace_model& model) : model_(model) {}

  const model::workspace_model& model() const { return model_; }

  // "$n" for a new parameter, or "$n::type" with a cast.
  std::string bind(std::optional<std::string> value);
  std::string bind(std::optional<std::string> value, std::string_view type);
  pg::params take_params() { return std::move(params_); }

  // A fresh table alias: t0, t1, ...
  std::string alias();

  // "schema"."table", or the rows set by read_rows_from.
  std::string table(const model::object_metadata& object) const;
  // Until cleared, reads of the object named `name_singular` come from `rows_sql` (a
  // parenthesised query with the table's columns): a write's answer then sees the rows its
  // data-modifying CTEs changed, which the rest of one statement reads as they were before.
  void read_rows_from(std::string name_singular, std::string rows_sql);
  void clear_row_sources() { row_sources_.clear(); }
  // The object by nameSingular; a BAD_USER_INPUT failure when the model has none.
  const model::object_metadata& object(std::string_view name_singular) const;
  // The PostgreSQL type of a column (e.g. float8, "ws"."person_stage_enum"[]); "text" if unknown.
  const std::string& column_type(const model::object_metadata& object, std::string_view column);

 private:
  const model::workspace_model& model_;
  pg::params params_;
  int next_alias_ = 0;
  std::unordered_map<std::string, std::string> row_sources_;
  std::unordered_map<const model::object_metadata*, std::unordered_map<std::string, std::string>>
      column_types_;
};

}  // namespace cohort::storage::query
