-- Timeline activities (actors/events/timeline_consumer): which record events have already been
-- turned into timelineActivity rows. The consumer is fed at least once, so a replayed batch finds
-- its events here and writes nothing again; only the transaction that claimed an event (txid)
-- writes its rows. Rows are pruned after a week: replays only ever repeat the last batches.
CREATE TABLE core.timeline_applied (
  outbox_id bigint PRIMARY KEY,
  workspace_id uuid NOT NULL,
  txid bigint NOT NULL DEFAULT txid_current(),
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX timeline_applied_applied_at_idx ON core.timeline_applied (applied_at);

-- Twenty's objectRecordDiffMerge: an update merged into a recent activity keeps, per field, the
-- oldest `before` and the newest `after`; the merged properties hold only the diff.
CREATE FUNCTION core.timeline_merge_properties(old_properties jsonb, new_properties jsonb)
RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('diff', coalesce(jsonb_object_agg(k.key,
    CASE
      WHEN o.diff ? k.key AND n.diff ? k.key
        THEN jsonb_build_object('before', o.diff -> k.key -> 'before',
                                'after', n.diff -> k.key -> 'after')
      WHEN o.diff ? k.key THEN o.diff -> k.key
      ELSE n.diff -> k.key
    END), '{}'::jsonb))
  FROM (SELECT CASE WHEN jsonb_typeof(old_properties -> 'diff') = 'object'
                    THEN old_properties -> 'diff' ELSE '{}'::jsonb END AS diff) o,
       (SELECT CASE WHEN jsonb_typeof(new_properties -> 'diff') = 'object'
                    THEN new_properties -> 'diff' ELSE '{}'::jsonb END AS diff) n,
       LATERAL (SELECT jsonb_object_keys(o.diff) UNION SELECT jsonb_object_keys(n.diff)) k(key)
$$;
