-- Webhooks (Twenty 1.6's core.webhook) and Cohort's delivery log.
--
-- core.webhook: one row per target of a workspace; `operations` are "<object>.<action>" patterns
-- with "*" wildcards (spec §6.1). Soft-deleted rows (deleted_at) are never matched or listed.
CREATE TABLE core.webhook (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  target_url text NOT NULL,
  operations text[] NOT NULL DEFAULT '{*.*}',
  description text,
  secret text NOT NULL,
  workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
  application_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX webhook_workspace_idx ON core.webhook (workspace_id, created_at)
  WHERE deleted_at IS NULL;
CREATE TRIGGER webhook_touch BEFORE UPDATE ON core.webhook
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();

-- One row per (webhook x record event): what is sent (payload: the event part of the body, as
-- JSON text so its key order survives) and how each attempt went. status: pending (not yet
-- delivered, maybe retrying), delivered (2xx), failed (refused for good: 4xx, SSRF, webhook gone),
-- dead (every attempt failed). A replayed event finds its row again (unique webhook_id, event_id).
CREATE TABLE core.webhook_delivery (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  webhook_id uuid NOT NULL REFERENCES core.webhook (id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL,
  event_id text NOT NULL,
  event_name text NOT NULL,
  payload json NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'delivered', 'failed', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  last_status_code integer,
  last_error text,
  next_attempt_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  CONSTRAINT webhook_delivery_event_key UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_delivery_log_idx ON core.webhook_delivery (webhook_id, seq DESC);
CREATE TRIGGER webhook_delivery_touch BEFORE UPDATE ON core.webhook_delivery
  FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
