// The one query shape both APIs produce: a GraphQL root field (the workspace actor's binder walks
// its validated selection) and a REST call (api/rest parses its URL) each become a
// `record_query`, which storage/query compiles into ONE parameterised SQL statement that returns
// the JSON result. Filters, order and write data stay in Twenty's own input shapes (the coerced
// GraphQL argument values: `{ name: { firstName: { eq: "Ann" } } }`, `[{ createdAt: AscNullsFirst
// }]`) so that REST only has to translate its syntax into them; the compiler checks them against
// metadata and answers Twenty's errors. The projection is keyed by response key (aliases), so the
// statement's JSON can be handed to the GraphQL executor as a shaped value.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/permissions/effective_permissions.hpp"

namespace cohort::model {

struct record_selection;
struct connection_selection;

// One key of a record in the response.
struct projection_item {
  enum class kind : std::uint8_t {
    field,       // a scalar or enum field (or a join column like `companyId`): its value
    composite,   // a composite field: an object of the selected subfields
    typename_,   // `__typename`: the constant `type_name`
    relation,    // a MANY_TO_ONE relation: the target record (or null), with `nested`
    connection,  // a ONE_TO_MANY relation: a connection over the targets, with `connection`
  };
  kind k = kind::field;
  std::string key;    // response key (alias or field name)
  std::string field;  // field name on the object (empty for typename_)
  // composite: (response key, subfield name) pairs in selection order; a `__typename` subfield is
  // spelled with subfield "__typename" and answered with `type_name`.
  std::vector<std::pair<std::string, std::string>> subfields;
  std::string type_name;  // typename_ (and composite __typename): the GraphQL type name
  std::shared_ptr<record_selection> nested;
  std::shared_ptr<connection_selection> connection;
};

// The keys of one record, in response order.
struct record_selection {
  std::vector<projection_item> items;
};

// Aggregate fields of a connection (spec §3.2): `totalCount`, `countNotEmpty{Field}`,
// `min{Field}`, `avg{Field}`, ... Each names its operation and field.
struct aggregate_item {
  std::string key;        // response key
  std::string operation;  // "totalCount", "countEmpty", "countNotEmpty", "countUniqueValues",
                          // "percentageEmpty", "percentageNotEmpty", "min", "max", "avg", "sum",
                          // "countTrue", "countFalse"
  std::string field;      // empty for totalCount
  std::string subfield;   // composite subfield when the aggregate is over one (amountMicros)
};

// The window and order of a set of records.
struct page_request {
  boost::json::object filter;   // Twenty filter input; empty = all (not soft-deleted) rows
  boost::json::array order_by;  // Twenty order-by inputs, in priority order; `id` is appended
  std::optional<std::int64_t> first;
  std::optional<std::int64_t> last;
  std::optional<std::string> after;   // cursor
  std::optional<std::string> before;  // cursor
  std::optional<std::int64_t> offset;
  std::optional<std::int64_t> limit;  // a cap without paging (groupBy records, merge inputs)
};

// What a connection returns, keyed by response key in response order.
struct connection_selection {
  page_request page;
  struct item {
    enum class kind : std::uint8_t { edges, page_info, aggregate, typename_ };
    kind k = kind::edges;
    std::string key;
    std::string type_name;  // typename_
    // edges: keys of each edge: node (with `node`), cursor, __typename
    struct edge_key {
      enum class kind : std::uint8_t { node, cursor, typename_ };
      kind k = kind::node;
      std::string key;
      std::string type_name;
    };
    std::vector<edge_key> edge_keys;
    std::shared_ptr<record_selection> node;
    // page_info: (response key, PageInfo field: hasNextPage, hasPreviousPage, startCursor,
    // endCursor, __typename)
    std::vector<std::pair<std::string, std::string>> page_info_keys;
    aggregate_item aggregate;
  };
  std::vector<item> items;
};

enum class record_operation : std::uint8_t {
  find_many,        // {plural}: a connection
  find_one,         // {singular}(filter): one record or null
  create,           // create{S} / create{P} (upsert when `upsert`)
  update,           // update{S}(id) / update{P}(filter)
  soft_delete,      // delete{S}(id) / delete{P}(filter)
  destroy,          // destroy{S}(id) / destroy{P}(filter)
  restore,          // restore{S}(id) / restore{P}(filter)
  find_duplicates,  // {s}Duplicates(ids | data): one connection per input record
  merge,            // merge{P}(ids, conflictPriorityIndex, dryRun): the surviving record
  group_by,         // {p}GroupBy: one connection per group
};

// Whether the operation may change records (and so writes outbox events): creates, updates,
// deletions, restores and merges. A merge's dry run is counted too; it changes nothing.
constexpr bool writes_records(record_operation op) {
  return op != record_operation::find_many && op != record_operation::find_one &&
         op != record_operation::find_duplicates && op != record_operation::group_by;
}

// {p}GroupBy (spec §2.4): what the records are grouped by and how the groups are ordered. The
// records of each group are `connection` (its items, `page.filter` for all groups,
// `page.order_by` = orderByForRecords).
struct group_dimension {
  std::string field;           // a field, or a many-to-one join column (companyId)
  std::string subfield;        // a composite's subfield (name.firstName); empty otherwise
  std::string granularity;     // DATE / DATE_TIME: DAY, WEEK, MONTH, QUARTER, YEAR,
                               // DAY_OF_THE_WEEK, MONTH_OF_THE_YEAR, QUARTER_OF_THE_YEAR, NONE
  std::string time_zone;       // IANA name; DATE_TIME days to years need one
  std::string week_start_day;  // WEEK: MONDAY (default), SUNDAY or SATURDAY
};
struct group_order {
  int dimension = -1;        // index into the dimensions, or -1: by `aggregate`
  aggregate_item aggregate;  // totalCount, sum{F}, ...
  std::string direction = "AscNullsLast";
};
struct group_by_request {
  std::vector<group_dimension> dimensions;
  std::vector<group_order> order;     // default: the dimensions, ascending
  std::optional<std::int64_t> limit;  // groups
  std::optional<std::int64_t> offset_for_records;
  std::vector<std::string> dimension_value_keys;  // response keys of groupByDimensionValues
};

// Who makes the change (the `createdBy` / `updatedBy` actor composite).
struct record_actor {
  std::string source = "MANUAL";  // MANUAL, API, WORKFLOW, SYSTEM, ...
  std::optional<std::string> workspace_member_id;
  // The user behind the request: when the token names no member (tokens minted before the
  // workspace was activated), the member is the one whose userId this is.
  std::optional<std::string> user_id;
  std::string name;  // "Tim Apple", the API key's name, ...
  std::optional<std::string> api_key_id;
  // createdBy.context as JSON text when the input gives none: {} for requests; the records a
  // workspace is prefilled with have none (null), as Twenty's.
  std::optional<std::string> context = "{}";
};

// GraphQL reads only: the statement's JSON text goes to the response as it is (compacted), without
// being parsed and completed again. The binder sets it when every leaf of the selection is one
// whose text PostgreSQL writes exactly as its GraphQL scalar would serialize it
// (actors/workspace/binder/verbatim_answer); what cannot be known before the rows are read is
// checked on each answer's text while it is compacted (storage/query/verbatim_text), and an answer
// that fails a check takes the parsed path.
struct verbatim_answer {
  bool wanted = false;
  // UUID leaves: the UUID scalar's rule (the binder's, from the graphql layer), which every
  // UUID-shaped string of the answer must pass.
  bool (*valid_uuid)(std::string_view) = nullptr;
  bool check_date_times = false;  // DateTime leaves: no year past 9999
  bool no_nulls = false;          // non-null leaves over nullable columns: no null at all
};

struct record_query {
  std::string object;  // nameSingular
  record_operation operation = record_operation::find_many;
  // find_many: the connection; the other operations use `page.filter` to pick their rows.
  connection_selection connection;
  // find_one and every write: the keys of each returned record.
  record_selection record;
  // Writes on one record (update{S}, delete{S}, ...) name it; `many` = the plural mutation, which
  // answers a list.
  std::optional<std::string> id;
  bool many = false;
  // create: one object per record (Twenty's CreateInput shape); update: one object.
  boost::json::array data;
  bool upsert = false;
  record_actor actor;
  // create: whether the new records produce their events (outbox rows: timeline, webhooks, live
  // updates). Off only for the records a new workspace is prefilled with, which Twenty inserts
  // without its event emitter (its golden answers show them without timeline activities).
  bool emit_events = true;
  // find_duplicates and merge: the records named by `ids` (nullopt when the argument is absent);
  // find_duplicates tells an absent `data` from an empty one.
  std::optional<std::vector<std::string>> ids;
  bool data_given = false;
  // merge: the index in `ids` of the record whose values win, and whether to write at all.
  std::int64_t conflict_priority_index = 0;
  bool dry_run = false;
  group_by_request group_by;
  // The caller's rights (actors::caller::permissions); null = an internal call, unrestricted. The
  // compiler refuses what they do not allow before writing any SQL
  // (storage/query/permission_check).
  std::shared_ptr<const effective_permissions> permissions;
  verbatim_answer verbatim;
};

}  // namespace cohort::model
