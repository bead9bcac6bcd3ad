-- Two-factor authentication (Twenty 1.6's core.twoFactorAuthenticationMethod): at most one method
-- per membership and strategy. A method is PENDING from provisioning until the first OTP it
-- accepts, VERIFIED afterwards; only a VERIFIED method makes sign-in ask for an OTP.
-- `secret` is the TOTP secret encrypted as Twenty encrypts it ("<iv hex>:<ciphertext hex>",
-- AES-256-CBC with a key derived from APP_SECRET, the user and the workspace), so rows imported
-- from Twenty keep working.
CREATE TABLE core.two_factor_authentication_method (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_workspace_id uuid NOT NULL REFERENCES core.user_workspace (id) ON DELETE CASCADE,
  secret text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'VERIFIED')),
  strategy text NOT NULL CHECK (strategy IN ('TOTP')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CONSTRAINT two_factor_authentication_method_user_workspace_strategy_key
    UNIQUE (user_workspace_id, strategy)
);
CREATE TRIGGER two_factor_authentication_method_touch
  BEFORE UPDATE ON core.two_factor_authentication_method
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
