-- Spare workspace schemas: fully provisioned ahead of time (every standard table, index and
-- constraint) under a neutral name, so that activating a workspace is a rename, not 200 DDL
-- statements. `fingerprint` identifies the DDL a spare was made with; only spares of the current
-- model are ever claimed.
CREATE TABLE core.spare_schema (
  name text PRIMARY KEY,
  fingerprint text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spare_schema_fingerprint_idx ON core.spare_schema (fingerprint, created_at);

-- Claims the oldest spare of `p_fingerprint` and renames it to `p_target`, atomically; false when
-- there is none. SKIP LOCKED: nodes claiming at once each get their own spare.
CREATE FUNCTION core.claim_spare_schema(p_fingerprint text, p_target text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  spare text;
BEGIN
  DELETE FROM core.spare_schema
   WHERE name = (SELECT s.name FROM core.spare_schema s
                  WHERE s.fingerprint = p_fingerprint
                  ORDER BY s.created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
  RETURNING name INTO spare;
  IF spare IS NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('ALTER SCHEMA %I RENAME TO %I', spare, p_target);
  RETURN true;
END;
$$;
