-- The platform's own tables in schema core: workspaces, users, memberships, key/value settings.
-- Each workspace's CRM data lives in its own schema (workspace.database_schema).

CREATE SCHEMA IF NOT EXISTS core;

CREATE OR REPLACE FUNCTION core.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TABLE core.workspace (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  display_name text,
  subdomain text NOT NULL CHECK (subdomain = lower(subdomain) AND subdomain <> ''),
  custom_domain text,
  logo text,
  invite_hash text,
  activation_status text NOT NULL DEFAULT 'PENDING_CREATION'
    CHECK (activation_status IN
           ('PENDING_CREATION', 'ONGOING_CREATION', 'ACTIVE', 'INACTIVE', 'SUSPENDED')),
  database_schema text NOT NULL DEFAULT '',
  metadata_version integer NOT NULL DEFAULT 1,
  allow_impersonation boolean NOT NULL DEFAULT true,
  is_public_invite_link_enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CONSTRAINT workspace_subdomain_key UNIQUE (subdomain)
);
CREATE UNIQUE INDEX workspace_custom_domain_key ON core.workspace (custom_domain)
  WHERE custom_domain IS NOT NULL;

-- "user" is a reserved word: always write core."user".
CREATE TABLE core."user" (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND email <> ''),
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL DEFAULT '',
  password_hash text,
  default_avatar_url text,
  locale text NOT NULL DEFAULT 'en',
  is_email_verified boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  can_impersonate boolean NOT NULL DEFAULT false,
  can_access_full_admin_panel boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
-- One live account per address; a soft-deleted account frees it.
CREATE UNIQUE INDEX user_email_key ON core."user" (email) WHERE deleted_at IS NULL;

CREATE TABLE core.user_workspace (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES core."user" (id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  locale text,
  default_avatar_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CONSTRAINT user_workspace_user_workspace_key UNIQUE (user_id, workspace_id)
);
CREATE INDEX user_workspace_workspace_idx ON core.user_workspace (workspace_id);

CREATE TABLE core.key_value_pair (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid REFERENCES core."user" (id) ON DELETE CASCADE,
  workspace_id uuid REFERENCES core.workspace (id) ON DELETE CASCADE,
  key text NOT NULL,
  value jsonb,
  text_value text,
  type text NOT NULL DEFAULT 'USER_VARIABLE'
    CHECK (type IN ('USER_VARIABLE', 'FEATURE_FLAG', 'CONFIG_VARIABLE')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CONSTRAINT key_value_pair_scope_key UNIQUE NULLS NOT DISTINCT (user_id, workspace_id, key)
);
CREATE INDEX key_value_pair_workspace_idx ON core.key_value_pair (workspace_id);

CREATE TRIGGER workspace_touch BEFORE UPDATE ON core.workspace
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
CREATE TRIGGER user_touch BEFORE UPDATE ON core."user"
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
CREATE TRIGGER user_workspace_touch BEFORE UPDATE ON core.user_workspace
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
CREATE TRIGGER key_value_pair_touch BEFORE UPDATE ON core.key_value_pair
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
