-- Hard deletion of a workspace (storage/core/workspace_deletion): every core row that belongs to
-- it, found by its column rather than by a list, so that tables added later (roles, permissions,
-- whatever comes next) are covered without touching this function. Tables that reference
-- core.workspace with ON DELETE CASCADE would go with the workspace row anyway; the ones without a
-- foreign key (outbox, webhook deliveries, timeline bookkeeping) only go this way.
--
-- Rows are deleted table by table; a table whose rows are still referenced by another table's rows
-- of the same workspace (a foreign key without ON DELETE CASCADE) is tried again after the others,
-- so the order of the catalogue never matters. The workspace row goes last. Returns the number of
-- rows deleted besides the workspace row.
CREATE FUNCTION core.delete_workspace_rows(p_workspace uuid) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  target record;
  deleted bigint := 0;
  affected bigint;
  pending integer;
  pass integer := 0;
BEGIN
  LOOP
    pass := pass + 1;
    pending := 0;
    FOR target IN
      SELECT c.relname AS table_name, a.attname AS column_name
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid
       WHERE n.nspname = 'core' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         AND c.relname <> 'workspace' AND NOT a.attisdropped
         AND a.attname IN ('workspace_id', 'workspaceId')
       ORDER BY c.relname
    LOOP
      BEGIN
        EXECUTE format('DELETE FROM core.%I WHERE %I = $1', target.table_name, target.column_name)
          USING p_workspace;
        GET DIAGNOSTICS affected = ROW_COUNT;
        deleted := deleted + affected;
      EXCEPTION WHEN foreign_key_violation THEN
        pending := pending + 1;
      END;
    END LOOP;
    EXIT WHEN pending = 0 OR pass >= 8;
  END LOOP;
  -- Whatever is still referenced now goes through the workspace row's own cascades (or fails the
  -- whole deletion, which then retries as a job).
  DELETE FROM core.workspace WHERE id = p_workspace;
  RETURN deleted;
END;
$$;

-- Soft-deleted and inactive workspaces are looked up by age by the cleanup job.
CREATE INDEX IF NOT EXISTS workspace_deleted_at_idx ON core.workspace (deleted_at)
  WHERE deleted_at IS NOT NULL;
