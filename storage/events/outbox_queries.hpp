// The SQL of the outbox relay: reading committed core.outbox rows past a position in the relay's
// order (txid, id) — only rows of transactions older than every running one, see
// migrations/sql/0011_event_consumers.sql for why this never skips a row — consumer positions and
// their leases (one node feeds a durable consumer at a time), and pruning rows every consumer has.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/pg/pool.hpp"

namespace cohort::storage::events {

struct outbox_position {
  std::string txid = "0";
  std::int64_t id = 0;
};

struct outbox_row {
  std::int64_t id = 0;
  std::string txid;
  std::string workspace_id;
  std::string object_name;
  std::string action;
  std::string record_id;
  std::optional<std::string> before;          // JSON text
  std::optional<std::string> after;           // JSON text
  std::optional<std::string> updated_fields;  // JSON array text
  std::optional<std::string> actor;           // JSON text
  std::string created_at;                     // ISO 8601, milliseconds, UTC
};

pg::statement read_outbox_statement(const outbox_position& after, int limit);
std::vector<outbox_row> read_outbox_rows(const pg::result& rows);

// The position of the newest final row (where a consumer that wants only new events starts).
pg::statement outbox_head_statement();
outbox_position read_position(const pg::result& rows);

// How many final rows lie past `after` (counting stops at `cap`).
pg::statement count_after_statement(const outbox_position& after, long cap);

// Takes (or keeps) consumer `name` for `owner` until now + lease; answers its saved position, or
// no row while another owner's lease runs.
pg::statement claim_consumer_statement(const std::string& name, const std::string& owner,
                                       std::chrono::milliseconds lease);
// Saves the position and extends the lease; affects no row when `owner` lost the consumer.
pg::statement save_position_statement(const std::string& name, const std::string& owner,
                                      const outbox_position& position,
                                      std::chrono::milliseconds lease);
pg::statement renew_lease_statement(const std::string& name, const std::string& owner,
                                    std::chrono::milliseconds lease);
pg::statement release_consumer_statement(const std::string& name, const std::string& owner);

// Deletes up to `limit` rows that every durable consumer has handled and that are older than
// `min_age` (node-local live feeds, which hold no position, get that long to read them).
pg::statement prune_outbox_statement(int limit, std::chrono::milliseconds min_age);

}  // namespace cohort::storage::events
