// A create or update input object ({S}CreateInput / {S}UpdateInput, Twenty's shape) turned into
// column assignments: scalar fields, join columns, composite subfields spelled as columns, each
// value a parameter cast to the column type. Keys the server owns (createdBy's member and name,
// position keywords) are reported separately for the statement to fill.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "storage/query/compile_context.hpp"

namespace cohort::storage::query {

struct column_assignment {
  std::string column;
  std::string value_sql;
};

struct record_values {
  std::vector<column_assignment> columns;
  std::vector<std::string> fields;              // the input's field names (outbox updated_fields)
  std::optional<std::string> id;                // a client-chosen id (create)
  std::optional<std::string> position_keyword;  // "first" / "last"
  std::optional<std::string> actor_source;      // createdBy: {source: IMPORT}
  bool has(std::string_view column) const;
};

// `creating`: a composite given in part stores NULL in its other nullable subfields (as Twenty
// does); an update changes only the given subfields.
record_values bind_record_data(compile_context& ctx, const model::object_metadata& object,
                               const boost::json::object& data, bool creating);

// A fresh version-4 UUID for records the statement creates (ids are chosen before the INSERT so
// that the answer can be ordered by them).
std::string new_uuid();

// The acting caller as the outbox row's `actor` JSON ({source, workspaceMemberId, name,
// apiKeyId?}), written by every statement that records a change (writes and merges).
std::string actor_json(const model::record_actor& actor);

}  // namespace cohort::storage::query
