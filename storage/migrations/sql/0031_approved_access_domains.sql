-- Approved access domains (Twenty 1.6's core.approvedAccessDomain): an e-mail domain a workspace
-- claims, validated by a link mailed to an address of that domain. One row per domain and
-- workspace; a workspace's domains go with it.
CREATE TABLE core.approved_access_domain (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  domain text NOT NULL CHECK (domain <> ''),
  is_validated boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT approved_access_domain_domain_workspace_key UNIQUE (domain, workspace_id)
);
CREATE INDEX approved_access_domain_workspace_idx ON core.approved_access_domain (workspace_id);
CREATE TRIGGER approved_access_domain_touch BEFORE UPDATE ON core.approved_access_domain
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
