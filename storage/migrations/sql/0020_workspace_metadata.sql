-- Per-workspace metadata: the standard model stays declared in code (model/standard); these rows
-- hold what a workspace changed — custom objects and fields (whole definitions) and changes to
-- standard ones (only the keys that differ from the declaration). `definition` is the JSON of
-- storage/metadata/metadata_codec. A workspace without rows shares the standard model.
CREATE TABLE core.object_metadata (
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  is_custom boolean NOT NULL,
  definition jsonb NOT NULL,
  seq bigserial NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE core.field_metadata (
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  object_id uuid NOT NULL,
  is_custom boolean NOT NULL,
  definition jsonb NOT NULL,
  -- Creation order: custom fields follow the declared ones in the order they were added.
  seq bigserial NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX field_metadata_object_idx ON core.field_metadata (workspace_id, object_id);
