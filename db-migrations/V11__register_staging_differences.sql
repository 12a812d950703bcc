-- Register sync (issue 5, docs/decisions/0008-register-sync.md). V9 and V10 belong to other work.
--
-- The sync compares while it parses and stages only the differences: NEW and CHANGED entries with their
-- content, REMOVED ones (in the register, missing from the feed) with their 法人番号 only.
-- A feed staged before this version holds every entry, unmarked: a run still waiting for confirmation
-- with one cannot be confirmed any more (an administrator syncs again), and the scratch rows go.
UPDATE register_sync_run SET outcome = 'FAILED', error_code = 'register.sync.stale'
    WHERE outcome = 'NEEDS_CONFIRMATION';
DELETE FROM register_staging;
ALTER TABLE register_staging ADD COLUMN change_type VARCHAR(10) NOT NULL;
ALTER TABLE register_staging MODIFY name VARCHAR(300) NULL;
ALTER TABLE register_staging MODIFY level VARCHAR(10) NULL;
ALTER TABLE register_staging MODIFY status VARCHAR(20) NULL;
ALTER TABLE register_staging MODIFY content_hash CHAR(64) NULL;

-- The name index served no query: the register is searched by name with "contains" (LIKE '%…%'), which
-- no B-tree index can answer, and never sorted by name. Every entry written paid for it.
-- [jooq ignore start]
DROP INDEX ix_register_entry_name ON register_entry;
-- [jooq ignore stop]
