// The searchVector column: a STORED generated tsvector over an object's search fields, computed
// the way Twenty 1.6 computes it ('simple' configuration, accents folded, an e-mail also indexed by
// its domain), so that search matches the same words and records show the same searchVector text.
#pragma once

#include <optional>
#include <string>

#include "model/object_metadata.hpp"

namespace cohort::storage::ddl {

// `to_tsvector('simple', ...)` over the object's search fields, for a GENERATED ALWAYS AS column;
// nullopt when none of them can be searched (then the column stays a plain, empty tsvector).
// Column names come from validated metadata and are quoted.
std::optional<std::string> search_vector_expression(const model::object_metadata& object);

}  // namespace cohort::storage::ddl
