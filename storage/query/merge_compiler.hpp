// merge{P}(ids, conflictPriorityIndex, dryRun) as one statement (spec §2.4): the records are read,
// checked (all live, 2..9 of them) and merged by Twenty's rules — the priority record's value wins,
// else the first record (in `ids` order) that has one; e-mails, phones and links keep the winning
// primary and gather every other value, once, into the additional list; arrays and multi-selects
// are unioned. For real, the same statement re-points every many-to-one relation from the others
// to the survivor, soft-deletes the others, updates the survivor and writes the outbox events;
// a dry run answers the would-be record (a fresh id, deletedAt set, as Twenty) and writes nothing.
// The answer's nested relations are read after the merge (the others' one-to-many records are the
// survivor's): the related tables are read as their rows plus those the move CTEs returned.
#pragma once

#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "storage/query/compile.hpp"
#include "storage/query/compile_context.hpp"

namespace cohort::storage::query {

// MUTATION_MAX_MERGE_RECORDS of twenty-shared.
inline constexpr std::size_t max_merge_records = 9;

compiled_statement compile_merge(compile_context& ctx, const model::object_metadata& object,
                                 const model::record_query& query);

}  // namespace cohort::storage::query
