-- The view layer of /metadata (Twenty 1.6's "core views": views and their fields, filters, filter
-- groups, sorts and groups), per workspace. One table for the six kinds: each row is an entity
-- whose API properties other than its keys live in `data` (named as the API names them), so the
-- API reads a row back as JSON in one expression. Soft deletion keeps the row with deleted_at.
CREATE TABLE core.view_entity (
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  kind text NOT NULL
    CHECK (kind IN ('view', 'viewField', 'viewFilter', 'viewFilterGroup', 'viewSort', 'viewGroup')),
  id uuid NOT NULL,
  view_id uuid,             -- a child's view; null for views
  object_metadata_id uuid,  -- a view's object; null for children
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX view_entity_children_idx ON core.view_entity (workspace_id, view_id, kind);
CREATE INDEX view_entity_views_idx ON core.view_entity (workspace_id, kind, object_metadata_id);
