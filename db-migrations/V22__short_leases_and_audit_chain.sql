-- Issue 15, items 2 and 7.
--
-- Register sync runs say which node runs them and when that node last showed it was alive, so a run left
-- RUNNING by a node that died is recognised and marked INTERRUPTED (docs/decisions/0019-short-leases.md).
ALTER TABLE register_sync_run ADD COLUMN holder VARCHAR(200) NULL;
ALTER TABLE register_sync_run ADD COLUMN heartbeat_at DATETIME(6) NULL;
UPDATE register_sync_run SET heartbeat_at = started_at WHERE outcome = 'RUNNING';
-- The same for import runs: their node beats while they are queued, checked or applied.
ALTER TABLE import_run ADD COLUMN heartbeat_at DATETIME(6) NULL;

-- The audit log is a hash chain: each event's hash covers its content and the previous event's hash, so
-- an edited or deleted row breaks the chain from there on (docs/decisions/0020-audit-hash-chain.md).
-- The canonical content is the one AuditChain.canonical builds in Java; the backfill below computes the
-- same in SQL, row by row in id order.
ALTER TABLE audit_event ADD COLUMN prev_hash CHAR(64) NULL;
ALTER TABLE audit_event ADD COLUMN hash CHAR(64) NULL;

-- One row: the newest chained event. Writers lock it (SELECT … FOR UPDATE) so the chain has one order.
CREATE TABLE audit_chain_head (
    id            INT          NOT NULL PRIMARY KEY,
    last_event_id BIGINT       NOT NULL,
    last_hash     CHAR(64)     NOT NULL
);

-- [jooq ignore start]
SET @audit_prev := REPEAT('0', 64);
UPDATE audit_event
   SET prev_hash = @audit_prev,
       hash = (@audit_prev := SHA2(CONCAT(
           'v1|', id, '|', DATE_FORMAT(occurred_at, '%Y-%m-%d %H:%i:%s.%f'), '|',
           CHAR_LENGTH(actor), ':', actor, '|',
           CHAR_LENGTH(entity_type), ':', entity_type, '|',
           CHAR_LENGTH(entity_id), ':', entity_id, '|',
           CHAR_LENGTH(action), ':', action, '|',
           IF(before_json IS NULL, '-1:', CONCAT(CHAR_LENGTH(before_json), ':', before_json)), '|',
           IF(after_json IS NULL, '-1:', CONCAT(CHAR_LENGTH(after_json), ':', after_json)), '|',
           @audit_prev), 256))
 ORDER BY id;
INSERT INTO audit_chain_head (id, last_event_id, last_hash)
SELECT 1, COALESCE(MAX(id), 0), COALESCE(
    (SELECT e.hash FROM audit_event e ORDER BY e.id DESC LIMIT 1), REPEAT('0', 64))
  FROM audit_event;
-- [jooq ignore stop]
