-- Issue 18: a sync run is finished before the re-evaluation that follows it; evaluated_at says when that
-- re-evaluation completed, so an API client can wait for results that reflect the run.
ALTER TABLE register_sync_run ADD COLUMN evaluated_at DATETIME(6) NULL;
