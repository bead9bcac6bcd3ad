-- Workspace invitations are core.app_token rows of type INVITATION_TOKEN, as in Twenty: `value` is
-- the personal invite token (64 hex characters), `context` is {"email": ..., "roleId"?: ...}.
-- One pending invitation per address and workspace (a concurrent second one fails, and is
-- answered "already invited"). Every workspace gets the invite hash of its public invite link
-- when created, as Twenty does; the existing ones get theirs now.
ALTER TABLE core.workspace ALTER COLUMN invite_hash SET DEFAULT gen_random_uuid()::text;
UPDATE core.workspace SET invite_hash = gen_random_uuid()::text WHERE invite_hash IS NULL;
CREATE INDEX workspace_invite_hash_idx ON core.workspace (invite_hash);

CREATE UNIQUE INDEX app_token_invitation_email_key
  ON core.app_token (workspace_id, (context ->> 'email'))
  WHERE type = 'INVITATION_TOKEN' AND deleted_at IS NULL;
CREATE UNIQUE INDEX app_token_invitation_value_key ON core.app_token (value)
  WHERE type = 'INVITATION_TOKEN';
