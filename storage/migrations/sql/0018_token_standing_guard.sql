-- The request gate's deferred standing check (api/request_gate.cpp, storage/core/standing_guard).
-- A request whose token's standing the gate remembers skips the standing statement; instead this
-- function runs first in the same pipeline (one implicit transaction) as the record statement and
-- raises CHST1 when anything differs from what the gate remembered: the workspace deleted, the
-- API key revoked, expired, renamed or gone, the user or the membership gone, another role, or
-- another roles_version. The error aborts the record statement before it runs, so nothing it
-- would write commits; the gate then answers the request through its full check.
-- The conditions mirror the standing statement of storage/core/api_key_repository.cpp.
CREATE FUNCTION core.assert_token_standing(p_workspace uuid, p_api_key uuid,
                                           p_user_workspace uuid, p_role uuid,
                                           p_roles_version bigint, p_key_name text)
RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
  version bigint;
BEGIN
  SELECT w.roles_version INTO version FROM core.workspace w
   WHERE w.id = p_workspace AND w.deleted_at IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'CHST1', MESSAGE = 'token standing changed: workspace';
  END IF;
  IF version IS DISTINCT FROM p_roles_version THEN
    RAISE EXCEPTION USING ERRCODE = 'CHST1', MESSAGE = 'token standing changed: roles_version';
  END IF;
  IF p_api_key IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM core.api_key k
        WHERE k.id = p_api_key AND k.workspace_id = p_workspace AND k.revoked_at IS NULL
          AND k.expires_at > now() AND k.name IS NOT DISTINCT FROM p_key_name) THEN
    RAISE EXCEPTION USING ERRCODE = 'CHST1', MESSAGE = 'token standing changed: api key';
  END IF;
  IF p_user_workspace IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM core.user_workspace uw JOIN core."user" u ON u.id = uw.user_id
        WHERE uw.id = p_user_workspace AND uw.workspace_id = p_workspace
          AND uw.deleted_at IS NULL AND u.deleted_at IS NULL) THEN
    RAISE EXCEPTION USING ERRCODE = 'CHST1', MESSAGE = 'token standing changed: membership';
  END IF;
  IF (SELECT t.role_id FROM core.role_target t
       WHERE t.workspace_id = p_workspace
         AND (t.api_key_id = p_api_key OR t.user_workspace_id = p_user_workspace)
       LIMIT 1) IS DISTINCT FROM p_role THEN
    RAISE EXCEPTION USING ERRCODE = 'CHST1', MESSAGE = 'token standing changed: role';
  END IF;
  RETURN true;
END $$;
