-- Roles and permissions (Twenty 1.6's core.role, core.roleTargets, core.objectPermission,
-- core.fieldPermission, core.permissionFlag). A workspace starts with Admin and Member
-- (storage/core/role_provisioning); every member and every API key gets its role through one
-- role_target row. workspace.roles_version is bumped in the same transaction as every change to a
-- role or to its rows, and read by the per-request standing statement, so every node drops its
-- cached permissions of that workspace on the next request (storage/core/role_permissions.hpp).
CREATE TABLE core.role (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  label text NOT NULL,
  description text,
  icon text,
  standard_id uuid,
  is_editable boolean NOT NULL DEFAULT true,
  can_update_all_settings boolean NOT NULL DEFAULT false,
  can_access_all_tools boolean NOT NULL DEFAULT false,
  can_read_all_object_records boolean NOT NULL DEFAULT false,
  can_update_all_object_records boolean NOT NULL DEFAULT false,
  can_soft_delete_all_object_records boolean NOT NULL DEFAULT false,
  can_destroy_all_object_records boolean NOT NULL DEFAULT false,
  can_be_assigned_to_users boolean NOT NULL DEFAULT true,
  can_be_assigned_to_agents boolean NOT NULL DEFAULT true,
  can_be_assigned_to_api_keys boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT role_label_workspace_key UNIQUE (label, workspace_id)
);
CREATE INDEX role_workspace_idx ON core.role (workspace_id);
CREATE TRIGGER role_touch BEFORE UPDATE ON core.role
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();

-- Who holds a role: exactly one of a membership, an API key or an agent; each holds one role.
CREATE TABLE core.role_target (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  role_id uuid NOT NULL REFERENCES core.role (id) ON DELETE CASCADE,
  user_workspace_id uuid REFERENCES core.user_workspace (id) ON DELETE CASCADE,
  -- core.api_key comes in a later migration (0035): no foreign key; a key's row goes with its
  -- workspace, and the API-key code keeps this row and core.api_key.role_id the same.
  api_key_id uuid,
  agent_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT role_target_one_target CHECK (
    (user_workspace_id IS NOT NULL)::int + (api_key_id IS NOT NULL)::int +
    (agent_id IS NOT NULL)::int = 1)
);
CREATE UNIQUE INDEX role_target_user_workspace_key ON core.role_target (user_workspace_id)
  WHERE user_workspace_id IS NOT NULL;
CREATE UNIQUE INDEX role_target_api_key_key ON core.role_target (api_key_id)
  WHERE api_key_id IS NOT NULL;
CREATE UNIQUE INDEX role_target_agent_key ON core.role_target (agent_id)
  WHERE agent_id IS NOT NULL;
CREATE INDEX role_target_role_idx ON core.role_target (role_id);
CREATE TRIGGER role_target_touch BEFORE UPDATE ON core.role_target
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();

-- A role's rights on one object's records; absent columns (null) fall back to the role's can*All.
CREATE TABLE core.object_permission (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  role_id uuid NOT NULL REFERENCES core.role (id) ON DELETE CASCADE,
  object_metadata_id uuid NOT NULL,
  can_read_object_records boolean,
  can_update_object_records boolean,
  can_soft_delete_object_records boolean,
  can_destroy_object_records boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT object_permission_role_object_key UNIQUE (role_id, object_metadata_id)
);
CREATE TRIGGER object_permission_touch BEFORE UPDATE ON core.object_permission
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();

-- A restriction on one field (false = refused; null = not restricted).
CREATE TABLE core.field_permission (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  role_id uuid NOT NULL REFERENCES core.role (id) ON DELETE CASCADE,
  object_metadata_id uuid NOT NULL,
  field_metadata_id uuid NOT NULL,
  can_read_field_value boolean,
  can_update_field_value boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT field_permission_role_field_key UNIQUE (role_id, field_metadata_id)
);
CREATE TRIGGER field_permission_touch BEFORE UPDATE ON core.field_permission
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();

-- A PermissionFlagType a role holds beyond what canUpdateAllSettings / canAccessAllTools grant.
CREATE TABLE core.permission_flag (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  role_id uuid NOT NULL REFERENCES core.role (id) ON DELETE CASCADE,
  flag text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT permission_flag_role_flag_key UNIQUE (role_id, flag)
);

ALTER TABLE core.workspace ADD COLUMN roles_version bigint NOT NULL DEFAULT 1;

-- Workspaces that existed before roles: Admin and Member, every membership and key Admin (before
-- roles, everybody could do everything), Member the default role.
INSERT INTO core.role (workspace_id, label, description, icon, standard_id, is_editable,
                       can_update_all_settings, can_access_all_tools, can_read_all_object_records,
                       can_update_all_object_records, can_soft_delete_all_object_records,
                       can_destroy_all_object_records, can_be_assigned_to_agents)
SELECT id, 'Admin', 'Admin role', 'IconUserCog', '20202020-0001-0001-0001-000000000001', false,
       true, true, true, true, true, true, false
FROM core.workspace;
INSERT INTO core.role (workspace_id, label, description, icon, is_editable,
                       can_read_all_object_records, can_update_all_object_records,
                       can_soft_delete_all_object_records, can_destroy_all_object_records)
SELECT id, 'Member', 'Member role', 'IconUser', true, true, true, true, true FROM core.workspace;
UPDATE core.workspace w SET default_role_id = r.id
  FROM core.role r WHERE r.workspace_id = w.id AND r.label = 'Member';
INSERT INTO core.role_target (workspace_id, role_id, user_workspace_id)
SELECT uw.workspace_id, r.id, uw.id FROM core.user_workspace uw
  JOIN core.role r ON r.workspace_id = uw.workspace_id AND r.label = 'Admin';
-- Keys of a database that already had core.api_key (none on a new database).
DO $$
BEGIN
  IF to_regclass('core.api_key') IS NOT NULL THEN
    UPDATE core.api_key k SET role_id = r.id
      FROM core.role r WHERE r.workspace_id = k.workspace_id AND r.label = 'Admin';
    INSERT INTO core.role_target (workspace_id, role_id, api_key_id)
    SELECT k.workspace_id, k.role_id, k.id FROM core.api_key k WHERE k.role_id IS NOT NULL;
  END IF;
END;
$$;
