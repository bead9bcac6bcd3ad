-- Durable jobs (actors/jobs): one row per job, claimed by workers on any node with
-- FOR UPDATE SKIP LOCKED. status: ready (waiting for run_at), running (locked_by a node until
-- locked_until: a lock that expires means that node died, and the job is claimed again), done,
-- dead (no attempt left; last_error says why). max_attempts NULL means the kind's own setting.
-- An idempotency key is unique per kind: enqueueing it again is a no-op that returns the job.
-- ordering_key: jobs sharing one run one at a time, in id order (e.g. deliveries to one webhook).
CREATE TABLE core.job (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'ready' CHECK (status IN ('ready', 'running', 'done', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer CHECK (max_attempts > 0),
  run_at timestamptz NOT NULL DEFAULT now(),
  ordering_key text,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  idempotency_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  CONSTRAINT job_idempotency_key UNIQUE (kind, idempotency_key)
);

CREATE INDEX job_ready_idx ON core.job (kind, run_at, id) WHERE status = 'ready';
CREATE INDEX job_running_idx ON core.job (kind, locked_until) WHERE status = 'running';
CREATE INDEX job_ordering_idx ON core.job (ordering_key, id)
  WHERE ordering_key IS NOT NULL AND status IN ('ready', 'running');
CREATE INDEX job_dead_idx ON core.job (kind, id) WHERE status = 'dead';
CREATE INDEX job_done_idx ON core.job (finished_at) WHERE status = 'done';

-- Wakes the workers of the kinds just enqueued (delivered at commit, once per kind per
-- statement); workers also poll, so a lost notification only costs latency.
CREATE FUNCTION core.notify_job_enqueued() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cohort_job', k.kind) FROM (SELECT DISTINCT kind FROM enqueued) k;
  RETURN NULL;
END;
$$;

CREATE TRIGGER job_enqueued AFTER INSERT ON core.job
  REFERENCING NEW TABLE AS enqueued FOR EACH STATEMENT EXECUTE FUNCTION core.notify_job_enqueued();

-- Cron schedules (5-field syntax, UTC). A schedule fires once per slot across all nodes: the node
-- that moves next_run_at from the slot it saw to the next one enqueues the job.
CREATE TABLE core.job_schedule (
  name text PRIMARY KEY,
  cron text NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  next_run_at timestamptz NOT NULL,
  last_run_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
