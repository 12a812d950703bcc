-- Issue 15, items 2 and 7.
--
-- Register sync runs say which node runs them and when that node last showed it was alive, so a run left
-- RUNNING by a node that died is recognised and marked INTERRUPTED (docs/decisions/0019-short-leases.md).
ALTER TABLE register_sync_run ADD COLUMN holder VARCHAR(200) NULL;
ALTER TABLE register_sync_run ADD COLUMN heartbeat_at DATETIME(6) NULL;
UPDATE register_sync_run SET heartbeat_at = started_at WHERE outcome = 'RUNNING';
-- The same for import runs: their node beats while they are queued, checked or applied.
ALTER TABLE import_run ADD COLUMN heartbeat_at DATETIME(6) NULL;
