-- Record events of every workspace write, inserted by the same statement that changes the rows
-- (storage/query's data-modifying CTEs), so an event exists exactly when its change committed.
-- Consumers (webhooks, timeline, search, workflows) read each workspace's events in id order.

CREATE TABLE core.outbox (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL,
  object_name text NOT NULL,
  action text NOT NULL
    CHECK (action IN ('created', 'updated', 'deleted', 'destroyed', 'restored', 'upserted')),
  record_id uuid NOT NULL,
  before jsonb,
  after jsonb,
  updated_fields text[],
  actor jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX outbox_workspace_id_idx ON core.outbox (workspace_id, id);

-- Lets a compiled statement refuse its own work with a Twenty-shaped error (too many records,
-- ambiguous upsert) from inside a CTE: SQLSTATE CH001, the client's message, subCode as DETAIL,
-- extensions.code as HINT. Returns true so that it can sit in a WHERE clause; it never returns
-- when it raises.
CREATE FUNCTION core.raise_record_error(message text, sub_code text, code text)
RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'CH001', MESSAGE = message, DETAIL = sub_code, HINT = code;
END;
$$;
