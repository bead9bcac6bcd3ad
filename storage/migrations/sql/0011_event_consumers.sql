-- The outbox relay (actors/events) reads committed outbox rows in a fixed order and hands them to
-- consumers, each keeping its own durable position.
--
-- Why txid: bigserial ids are taken at insert, not at commit, so a row with a lower id can become
-- visible after a higher one has been read. Every row records the id of the transaction that wrote
-- it; the relay only reads rows whose txid is below the oldest transaction still running
-- (pg_snapshot_xmin), which are all final, and reads them ordered by (txid, id). Any row that
-- becomes visible later has a txid at or above that bound, so it sorts after every row already
-- read: a position (txid, id) never skips a row.
ALTER TABLE core.outbox ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX outbox_txid_idx ON core.outbox (txid, id);

-- One row per durable consumer: the last (txid, id) it handled, and which node holds it (a lease
-- renewed with every saved position, so only one node feeds a consumer at a time).
CREATE TABLE core.event_consumer (
  name text PRIMARY KEY,
  position_txid xid8 NOT NULL DEFAULT '0',
  position bigint NOT NULL DEFAULT 0,
  owner text,
  lease_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Wakes the relays at commit; they also poll, so a lost notification only costs latency.
CREATE FUNCTION core.notify_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cohort_outbox', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_written AFTER INSERT ON core.outbox
  FOR EACH STATEMENT EXECUTE FUNCTION core.notify_outbox();
