-- API keys (Twenty 1.6's core.apiKey): a named credential of one workspace. Its tokens are
-- API_KEY JWTs whose `jti` is the row id; every request made with one reads the row again, so a
-- revoked or expired key is refused on the next request on every node (no cache to go stale).
-- role_id is the key's role (Twenty keeps it in a role-target row); roles are not stored yet, so
-- it is kept as given, without a foreign key.
CREATE TABLE core.api_key (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  role_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_key_workspace_idx ON core.api_key (workspace_id, created_at);
CREATE TRIGGER api_key_touch BEFORE UPDATE ON core.api_key
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
