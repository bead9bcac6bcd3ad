-- Two-factor recovery codes (newer Twenty's core.twoFactorAuthenticationRecoveryCode): a workspace
-- admin issues a member who lost their authenticator one code; signing in with it resets the
-- member's 2FA. At most one code per membership is pending (neither used nor revoked); issuing
-- another replaces it in place, so the old one is dead from that statement on.
-- `code_hash` is the lowercase hex HMAC-SHA256 of the normalized code, keyed from APP_SECRET and
-- the membership (api/platform/two_factor_recovery_code.hpp): the code itself is never stored and
-- a code hashed for one member never matches another's.
CREATE TABLE core.two_factor_authentication_recovery_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  user_workspace_id uuid NOT NULL REFERENCES core.user_workspace (id) ON DELETE CASCADE,
  code_hash text NOT NULL UNIQUE,
  issued_by_user_id uuid REFERENCES core."user" (id) ON DELETE SET NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX two_factor_recovery_code_pending_key
  ON core.two_factor_authentication_recovery_code (user_workspace_id)
  WHERE used_at IS NULL AND revoked_at IS NULL;
CREATE INDEX two_factor_recovery_code_workspace_idx
  ON core.two_factor_authentication_recovery_code (workspace_id);
CREATE TRIGGER two_factor_authentication_recovery_code_touch
  BEFORE UPDATE ON core.two_factor_authentication_recovery_code
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
