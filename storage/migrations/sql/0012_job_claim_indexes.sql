-- Claims read jobs without an ordering key in (run_at, id) order from job_ready_idx, and jobs with
-- one by walking the distinct keys of a kind and taking each key's first unfinished job from
-- job_ordering_idx: cost grows with the number of keys, not with the jobs queued behind them
-- (200,000 jobs behind 50 blocked keys: 1.5 s per claim with the indexes of 0010, 1 ms with these).
DROP INDEX core.job_ready_idx;
CREATE INDEX job_ready_idx ON core.job (kind, run_at, id)
  WHERE status = 'ready' AND ordering_key IS NULL;

DROP INDEX core.job_ordering_idx;
CREATE INDEX job_ordering_idx ON core.job (kind, ordering_key, id)
  WHERE ordering_key IS NOT NULL AND status IN ('ready', 'running');
