-- Workspace DATE_TIME columns (createdAt, updatedAt, deletedAt and every DATE_TIME field) hold
-- milliseconds, as the API reads and writes them: timestamptz(3). The record compiler then orders,
-- pages and compares on the column itself, so its indexes serve ORDER BY "createdAt" and keyset
-- cursors (it used date_trunc('milliseconds', column), which no index matches).
-- New workspaces get timestamptz(3) from the DDL generator. Migrations are core-only, so this one
-- alters the tables of every existing workspace schema here: one ALTER TABLE per table (one
-- rewrite, values rounded to the millisecond). Spare schemas were made with the former DDL: their
-- fingerprint can never be claimed again, so they are dropped and the pool refills with new ones.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT n.nspname AS schema_name, c.relname AS table_name,
           string_agg(format('ALTER COLUMN %I TYPE timestamptz(3)', a.attname), ', '
                      ORDER BY a.attnum) AS changes
      FROM core.workspace w
      JOIN pg_namespace n ON n.nspname = w.database_schema
      JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE w.database_schema <> ''
       AND a.atttypid = 'timestamptz'::regtype AND a.atttypmod = -1
     GROUP BY n.nspname, c.relname
  LOOP
    EXECUTE format('ALTER TABLE %I.%I %s', t.schema_name, t.table_name, t.changes);
  END LOOP;

  FOR t IN SELECT name FROM core.spare_schema LOOP
    EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', t.name);
  END LOOP;
  DELETE FROM core.spare_schema;
END;
$$;
