-- Sign-up / sign-in: refresh tokens (Twenty's core."appToken"), consumed login tokens, and the
-- workspace columns the platform API exposes.

-- Single-use tokens. A refresh token is revoked when it is renewed; `family_id` is the sign-in it
-- descends from (the first token's id), so a session can be ended as a whole.
CREATE TABLE core.app_token (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid REFERENCES core."user" (id) ON DELETE CASCADE,
  workspace_id uuid REFERENCES core.workspace (id) ON DELETE CASCADE,
  type text NOT NULL
    CHECK (type IN ('REFRESH_TOKEN', 'CODE_CHALLENGE', 'AUTHORIZATION_CODE', 'PASSWORD_RESET_TOKEN',
                    'INVITATION_TOKEN', 'EMAIL_VERIFICATION_TOKEN')),
  family_id uuid,
  value text,
  context jsonb,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX app_token_user_idx ON core.app_token (user_id, type);
CREATE INDEX app_token_family_idx ON core.app_token (family_id) WHERE family_id IS NOT NULL;
CREATE TRIGGER app_token_touch BEFORE UPDATE ON core.app_token
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();

-- Login tokens are single use: the `jti` of each one exchanged, kept until it would have expired.
CREATE TABLE core.consumed_login_token (
  jti uuid PRIMARY KEY,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consumed_login_token_expiry_idx ON core.consumed_login_token (expires_at);

-- Workspace settings of Twenty's Workspace type that core.workspace did not have yet.
ALTER TABLE core.workspace
  ADD COLUMN version text,
  ADD COLUMN is_google_auth_enabled boolean NOT NULL DEFAULT true,
  ADD COLUMN is_microsoft_auth_enabled boolean NOT NULL DEFAULT true,
  ADD COLUMN is_password_auth_enabled boolean NOT NULL DEFAULT true,
  ADD COLUMN is_two_factor_authentication_enforced boolean NOT NULL DEFAULT false,
  ADD COLUMN is_custom_domain_enabled boolean NOT NULL DEFAULT false,
  ADD COLUMN default_role_id uuid;
