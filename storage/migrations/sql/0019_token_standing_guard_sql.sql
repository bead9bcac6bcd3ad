-- The request gate's guard as plain SQL (storage/core/standing_guard.cpp) instead of 0018's
-- PL/pgSQL function: core.assert_token_standing ran four statements through SPI on every call,
-- 3-4 times the cost of the standing statement it replaces (0.07-0.10 ms against 0.024 ms per
-- execution, pgbench -M prepared on one backend), which ate the saved round trip. The guard is now
-- one prepared SELECT of the same conditions, planned once per connection like the standing
-- statement, that calls this function only when the standing differs: it raises CHST1, which
-- aborts the pipeline's record statement. Declared STABLE so that it never runs at planning time.
CREATE FUNCTION core.token_standing_changed() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'CHST1', MESSAGE = 'token standing changed';
END $$;

DROP FUNCTION core.assert_token_standing(uuid, uuid, uuid, uuid, bigint, text);
