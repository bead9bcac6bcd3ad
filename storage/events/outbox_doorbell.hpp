// Tells the outbox relays (on every node, through LISTEN "cohort_outbox") that record events were
// committed. Rung by the writer after its statement committed, never inside it: a NOTIFY in a
// transaction takes PostgreSQL's database-wide notification lock from its commit until the end of
// the transaction, WAL flush included, so writers that notify commit one at a time and never share
// a flush (createOne through pgbench on 16 connections: 754 tps with a NOTIFY per statement,
// 2,353 without). The doorbell sends its own tiny transaction instead, committed asynchronously
// (a lost notification only costs the relays' poll interval), with at most one in flight per
// pool: rings that arrive meanwhile are folded into one more.
#pragma once

#include "storage/pg/pool.hpp"

namespace cohort::storage::events {

inline constexpr const char* outbox_channel = "cohort_outbox";

// Never blocks and never fails the caller; safe from any thread, pool threads included.
void ring_outbox(pg::pool& pool);

// True when no ring of this pool is on its way (tests that count the pool's statements wait for it,
// since a ring is a statement of its own, sent after the write's answer).
bool outbox_doorbell_idle(const pg::pool& pool);

}  // namespace cohort::storage::events
