-- Legal-entity watch (issue 21, docs/decisions/0028-legal-entities.md): the NTA corporate-number data.
-- legal_entity is the latest state per 法人番号; legal_entity_change every row ever applied (a difference
-- file's rows all, a full file's only where it changed a stored state); legal_entity_run every load.

CREATE TABLE legal_entity_run (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source_type     VARCHAR(10)   NOT NULL,
    file_name       VARCHAR(500)  NOT NULL,
    file_kind       VARCHAR(10)   NOT NULL,
    edition         VARCHAR(20)   NOT NULL,
    started_by      VARCHAR(100)  NOT NULL,
    started_at      DATETIME(6)   NOT NULL,
    finished_at     DATETIME(6)   NULL,
    outcome         VARCHAR(20)   NOT NULL,
    rows_read       BIGINT        NULL,
    added           BIGINT        NOT NULL DEFAULT 0,
    changed         BIGINT        NOT NULL DEFAULT 0,
    unchanged       BIGINT        NOT NULL DEFAULT 0,
    history_rows    BIGINT        NOT NULL DEFAULT 0,
    error_code      VARCHAR(40)   NULL,
    error_args      VARCHAR(1000) NULL,
    bytes           BIGINT        NULL
);
CREATE INDEX ix_legal_entity_run_started ON legal_entity_run (started_at);
CREATE INDEX ix_legal_entity_run_outcome ON legal_entity_run (outcome, file_kind, finished_at);

CREATE TABLE legal_entity (
    corporate_number           CHAR(13)      NOT NULL PRIMARY KEY,
    process                    CHAR(2)       NOT NULL,
    correct                    BOOLEAN       NOT NULL,
    update_date                DATE          NOT NULL,
    change_date                DATE          NOT NULL,
    name                       VARCHAR(300)  NOT NULL,
    name_normalized            VARCHAR(300)  NOT NULL,
    furigana                   VARCHAR(500)  NULL,
    kind                       CHAR(3)       NOT NULL,
    prefecture_name            VARCHAR(20)   NULL,
    city_name                  VARCHAR(100)  NULL,
    street_number              VARCHAR(300)  NULL,
    prefecture_code            CHAR(2)       NULL,
    city_code                  CHAR(3)       NULL,
    post_code                  CHAR(7)       NULL,
    address_outside            VARCHAR(600)  NULL,
    close_date                 DATE          NULL,
    close_cause                CHAR(2)       NULL,
    successor_corporate_number CHAR(13)      NULL,
    change_cause               VARCHAR(500)  NULL,
    assignment_date            DATE          NULL,
    en_name                    VARCHAR(300)  NULL,
    hidden                     BOOLEAN       NOT NULL,
    content_hash               CHAR(64)      NOT NULL,
    last_run_id                BIGINT        NOT NULL
);
CREATE INDEX ix_legal_entity_name ON legal_entity (name_normalized);
CREATE INDEX ix_legal_entity_furigana ON legal_entity (furigana);

CREATE TABLE legal_entity_change (
    id                         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id                     BIGINT        NOT NULL,
    corporate_number           CHAR(13)      NOT NULL,
    sequence_number            BIGINT        NOT NULL,
    process                    CHAR(2)       NOT NULL,
    correct                    BOOLEAN       NOT NULL,
    latest                     BOOLEAN       NOT NULL,
    update_date                DATE          NOT NULL,
    change_date                DATE          NOT NULL,
    name                       VARCHAR(300)  NOT NULL,
    furigana                   VARCHAR(500)  NULL,
    kind                       CHAR(3)       NOT NULL,
    prefecture_name            VARCHAR(20)   NULL,
    city_name                  VARCHAR(100)  NULL,
    street_number              VARCHAR(300)  NULL,
    address_outside            VARCHAR(600)  NULL,
    close_date                 DATE          NULL,
    close_cause                CHAR(2)       NULL,
    successor_corporate_number CHAR(13)      NULL,
    row_hash                   CHAR(64)      NOT NULL,
    CONSTRAINT uk_legal_entity_change UNIQUE (corporate_number, row_hash)
);
CREATE INDEX ix_legal_entity_change_run ON legal_entity_change (run_id);

-- A run's parsed file, before it is applied (scratch; emptied after each run).
CREATE TABLE legal_entity_staging (
    run_id                     BIGINT        NOT NULL,
    sequence_number            BIGINT        NOT NULL,
    corporate_number           CHAR(13)      NOT NULL,
    process                    CHAR(2)       NOT NULL,
    correct                    BOOLEAN       NOT NULL,
    latest                     BOOLEAN       NOT NULL,
    update_date                DATE          NOT NULL,
    change_date                DATE          NOT NULL,
    name                       VARCHAR(300)  NOT NULL,
    name_normalized            VARCHAR(300)  NOT NULL,
    furigana                   VARCHAR(500)  NULL,
    kind                       CHAR(3)       NOT NULL,
    prefecture_name            VARCHAR(20)   NULL,
    city_name                  VARCHAR(100)  NULL,
    street_number              VARCHAR(300)  NULL,
    prefecture_code            CHAR(2)       NULL,
    city_code                  CHAR(3)       NULL,
    post_code                  CHAR(7)       NULL,
    address_outside            VARCHAR(600)  NULL,
    close_date                 DATE          NULL,
    close_cause                CHAR(2)       NULL,
    successor_corporate_number CHAR(13)      NULL,
    change_cause               VARCHAR(500)  NULL,
    assignment_date            DATE          NULL,
    en_name                    VARCHAR(300)  NULL,
    hidden                     BOOLEAN       NOT NULL,
    content_hash               CHAR(64)      NOT NULL,
    row_hash                   CHAR(64)      NOT NULL,
    PRIMARY KEY (run_id, sequence_number)
);
CREATE INDEX ix_legal_entity_staging_number ON legal_entity_staging (run_id, corporate_number, latest);

-- Where the scheduled difference fetch reads from (NONE, FILE or HTTP) and its edition; one row.
CREATE TABLE legal_entity_source (
    id          INT           NOT NULL PRIMARY KEY,
    source_type VARCHAR(10)   NOT NULL,
    location    VARCHAR(1000) NULL,
    edition     VARCHAR(20)   NOT NULL,
    updated_by  VARCHAR(100)  NULL,
    updated_at  DATETIME(6)   NULL,
    version     INT           NOT NULL DEFAULT 0
);
INSERT INTO legal_entity_source (id, source_type, location, edition) VALUES (1, 'NONE', NULL, 'UNICODE');
