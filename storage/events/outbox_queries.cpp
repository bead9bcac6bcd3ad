#include "storage/events/outbox_queries.hpp"

namespace cohort::storage::events {

namespace {

std::string millis(std::chrono::milliseconds d) {
  return std::to_string(d.count());
}

std::optional<std::string> optional_text(const pg::result& rows, int r, int c) {
  if (rows.is_null(r, c)) return std::nullopt;
  return std::string(rows.get(r, c));
}

}  // namespace

pg::statement read_outbox_statement(const outbox_position& after, int limit) {
  // pg_snapshot_xmin(pg_current_snapshot()): the oldest transaction still running when this
  // statement's snapshot was taken. Every row below it is final (committed and visible here, or
  // rolled back and gone); rows at or above it wait for a later read.
  // Columns qualified: in ORDER BY a bare `txid` would name the output column txid::text and
  // sort the transaction ids as text ("10" before "9").
  return {
      "SELECT o.id, o.txid::text AS txid_text, o.workspace_id, o.object_name, o.action, "
      "o.record_id, o.before::text, o.after::text, to_json(o.updated_fields)::text, "
      "o.actor::text, to_char(o.created_at AT TIME ZONE 'UTC', "
      "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM core.outbox o "
      "WHERE (o.txid, o.id) > ($1::xid8, $2::bigint) AND o.txid < "
      "pg_snapshot_xmin(pg_current_snapshot()) ORDER BY o.txid, o.id LIMIT $3",
      {after.txid, std::to_string(after.id), std::to_string(limit)}};
}

std::vector<outbox_row> read_outbox_rows(const pg::result& rows) {
  std::vector<outbox_row> out;
  if (!rows) return out;
  out.reserve(static_cast<std::size_t>(rows.rows()));
  for (int r = 0; r < rows.rows(); ++r) {
    outbox_row row;
    row.id = std::stoll(std::string(rows.get(r, 0)));
    row.txid = std::string(rows.get(r, 1));
    row.workspace_id = std::string(rows.get(r, 2));
    row.object_name = std::string(rows.get(r, 3));
    row.action = std::string(rows.get(r, 4));
    row.record_id = std::string(rows.get(r, 5));
    row.before = optional_text(rows, r, 6);
    row.after = optional_text(rows, r, 7);
    row.updated_fields = optional_text(rows, r, 8);
    row.actor = optional_text(rows, r, 9);
    row.created_at = std::string(rows.get(r, 10));
    out.push_back(std::move(row));
  }
  return out;
}

pg::statement outbox_head_statement() {
  return {
      "SELECT o.txid::text AS txid_text, o.id FROM core.outbox o WHERE o.txid < "
      "pg_snapshot_xmin(pg_current_snapshot()) ORDER BY o.txid DESC, o.id DESC LIMIT 1",
      {}};
}

outbox_position read_position(const pg::result& rows) {
  outbox_position p;
  if (rows && rows.rows() > 0) {
    p.txid = std::string(rows.get(0, 0));
    p.id = std::stoll(std::string(rows.get(0, 1)));
  }
  return p;
}

pg::statement count_after_statement(const outbox_position& after, long cap) {
  return {
      "SELECT count(*) FROM (SELECT 1 FROM core.outbox o WHERE (o.txid, o.id) > ($1::xid8, "
      "$2::bigint) AND o.txid < pg_snapshot_xmin(pg_current_snapshot()) LIMIT $3) x",
      {after.txid, std::to_string(after.id), std::to_string(cap)}};
}

pg::statement claim_consumer_statement(const std::string& name, const std::string& owner,
                                       std::chrono::milliseconds lease) {
  return {
      "INSERT INTO core.event_consumer AS c (name, owner, lease_until) VALUES ($1, $2, "
      "clock_timestamp() + $3 * interval '1 millisecond') ON CONFLICT (name) DO UPDATE SET "
      "owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until, updated_at = now() "
      "WHERE c.owner IS NULL OR c.owner = EXCLUDED.owner OR c.lease_until < clock_timestamp() "
      "RETURNING position_txid::text, position",
      {name, owner, millis(lease)}};
}

pg::statement save_position_statement(const std::string& name, const std::string& owner,
                                      const outbox_position& position,
                                      std::chrono::milliseconds lease) {
  return {
      "UPDATE core.event_consumer SET position_txid = $3::xid8, position = $4, lease_until = "
      "clock_timestamp() + $5 * interval '1 millisecond', updated_at = now() WHERE name = $1 "
      "AND owner = $2",
      {name, owner, position.txid, std::to_string(position.id), millis(lease)}};
}

pg::statement renew_lease_statement(const std::string& name, const std::string& owner,
                                    std::chrono::milliseconds lease) {
  return {
      "UPDATE core.event_consumer SET lease_until = clock_timestamp() + $3 * interval '1 "
      "millisecond' WHERE name = $1 AND owner = $2",
      {name, owner, millis(lease)}};
}

pg::statement release_consumer_statement(const std::string& name, const std::string& owner) {
  // Ends the lease but keeps the owner: arriving late, after this node claimed the consumer
  // again, it costs at most one renewal, never the position.
  return {
      "UPDATE core.event_consumer SET lease_until = clock_timestamp() WHERE name = $1 AND "
      "owner = $2",
      {name, owner}};
}

pg::statement prune_outbox_statement(int limit, std::chrono::milliseconds min_age) {
  return {
      "DELETE FROM core.outbox WHERE id IN (SELECT o.id FROM core.outbox o, (SELECT "
      "position_txid, position FROM core.event_consumer ORDER BY position_txid, position "
      "LIMIT 1) low WHERE (o.txid, o.id) <= (low.position_txid, low.position) AND "
      "o.created_at < clock_timestamp() - $2 * interval '1 millisecond' LIMIT $1)",
      {std::to_string(limit), millis(min_age)}};
}

}  // namespace cohort::storage::events
