-- The public register (台帳) as last seen, every difference between two syncs, and every sync run.
-- kind: STAR (★3-★5 registrations) or SECURITY_ACTION (★1/★2 self-declarations), same machinery.

CREATE TABLE register_entry (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(20)   NOT NULL,
    corporate_number CHAR(13)      NOT NULL,
    name             VARCHAR(300)  NOT NULL,
    level            VARCHAR(10)   NOT NULL,
    registered_on    DATE          NULL,
    valid_until      DATE          NULL,
    status           VARCHAR(20)   NOT NULL,
    scope            VARCHAR(1000) NULL,
    assessment_body  VARCHAR(300)  NULL,
    content_hash     CHAR(64)      NOT NULL,
    source_id        VARCHAR(500)  NOT NULL,
    first_seen       DATETIME(6)   NOT NULL,
    last_seen        DATETIME(6)   NOT NULL,
    removed_at       DATETIME(6)   NULL,
    CONSTRAINT uk_register_entry UNIQUE (kind, corporate_number)
);
CREATE INDEX ix_register_entry_number ON register_entry (corporate_number);
CREATE INDEX ix_register_entry_name ON register_entry (name);
CREATE INDEX ix_register_entry_valid ON register_entry (valid_until);

CREATE TABLE register_sync_run (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(20)   NOT NULL,
    source_id       VARCHAR(500)  NOT NULL,
    trigger_type    VARCHAR(20)   NOT NULL,
    started_by      VARCHAR(100)  NOT NULL,
    started_at      DATETIME(6)   NOT NULL,
    finished_at     DATETIME(6)   NULL,
    outcome         VARCHAR(30)   NOT NULL,
    entries_total   INT           NULL,
    added           INT           NOT NULL DEFAULT 0,
    changed         INT           NOT NULL DEFAULT 0,
    removed         INT           NOT NULL DEFAULT 0,
    unchanged       INT           NOT NULL DEFAULT 0,
    error_code      VARCHAR(100)  NULL,
    error_detail    VARCHAR(1000) NULL,
    etag            VARCHAR(300)  NULL,
    last_modified   VARCHAR(100)  NULL,
    content_sha256  CHAR(64)      NULL,
    bytes           BIGINT        NULL,
    attempts        INT           NOT NULL DEFAULT 0
);
CREATE INDEX ix_register_sync_run_kind ON register_sync_run (kind, started_at);
CREATE INDEX ix_register_sync_run_outcome ON register_sync_run (kind, outcome, finished_at);

CREATE TABLE register_change (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sync_run_id      BIGINT        NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    corporate_number CHAR(13)      NOT NULL,
    name             VARCHAR(300)  NOT NULL,
    change_type      VARCHAR(20)   NOT NULL,
    old_level        VARCHAR(10)   NULL,
    new_level        VARCHAR(10)   NULL,
    old_valid_until  DATE          NULL,
    new_valid_until  DATE          NULL,
    old_status       VARCHAR(20)   NULL,
    new_status       VARCHAR(20)   NULL,
    changed_at       DATETIME(6)   NOT NULL,
    CONSTRAINT fk_register_change_run FOREIGN KEY (sync_run_id) REFERENCES register_sync_run (id)
);
CREATE INDEX ix_register_change_number ON register_change (corporate_number, changed_at);
CREATE INDEX ix_register_change_run ON register_change (sync_run_id, id);

-- A sync's parsed feed, before it is compared and applied (scratch; emptied after each run).
CREATE TABLE register_staging (
    sync_run_id      BIGINT        NOT NULL,
    corporate_number CHAR(13)      NOT NULL,
    name             VARCHAR(300)  NOT NULL,
    level            VARCHAR(10)   NOT NULL,
    registered_on    DATE          NULL,
    valid_until      DATE          NULL,
    status           VARCHAR(20)   NOT NULL,
    scope            VARCHAR(1000) NULL,
    assessment_body  VARCHAR(300)  NULL,
    content_hash     CHAR(64)      NOT NULL,
    PRIMARY KEY (sync_run_id, corporate_number)
);

-- One row per named lease: who may apply a sync now. A node takes it only when it is free or expired,
-- so two nodes (or a paused one that wakes up) never apply two syncs at once.
CREATE TABLE app_lease (
    name        VARCHAR(100)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(200)  NULL,
    expires_at  DATETIME(6)   NULL
);
INSERT INTO app_lease (name, holder, expires_at) VALUES ('register-sync', NULL, NULL);
