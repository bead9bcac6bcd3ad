-- Record writes no longer NOTIFY inside their own transaction: a transaction that notifies holds
-- PostgreSQL's database-wide notification lock from its commit to its end (WAL flush included), so
-- concurrent writers committed one at a time. The writer rings the relays after its commit instead
-- (storage/events/outbox_doorbell), and the relays still poll.
DROP TRIGGER IF EXISTS outbox_written ON core.outbox;
DROP FUNCTION IF EXISTS core.notify_outbox();
