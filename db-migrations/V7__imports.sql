-- Spreadsheet import (issue 4). Every run is recorded with its file, mapping, counts and the outcome of
-- each row; a preview and its apply are the same run. Saved column mappings are found again by the
-- signature of a file's header row.

CREATE TABLE import_run (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    file_sha256     CHAR(64)      NOT NULL,
    file_size       BIGINT        NOT NULL,
    file_format     VARCHAR(20)   NULL,
    file_details    VARCHAR(500)  NULL,
    spool_rows      INT           NULL,
    header_row      INT           NULL,
    header_signature CHAR(64)     NULL,
    mapping_json    TEXT          NULL,
    started_by      VARCHAR(100)  NOT NULL,
    via_api         BOOLEAN       NOT NULL DEFAULT FALSE,
    worker          VARCHAR(100)  NULL,
    created_at      DATETIME(6)   NOT NULL,
    previewed_at    DATETIME(6)   NULL,
    applied_at      DATETIME(6)   NULL,
    rows_total      INT           NOT NULL DEFAULT 0,
    rows_new        INT           NOT NULL DEFAULT 0,
    rows_changed    INT           NOT NULL DEFAULT 0,
    rows_unchanged  INT           NOT NULL DEFAULT 0,
    rows_error      INT           NOT NULL DEFAULT 0,
    error_code      VARCHAR(100)  NULL,
    error_args_json TEXT          NULL,
    version         INT           NOT NULL DEFAULT 0
);
CREATE INDEX ix_import_run_created ON import_run (created_at);
CREATE INDEX ix_import_run_user ON import_run (started_by, created_at);

-- One row per data row of the file: what the preview (and then the apply) found for it.
CREATE TABLE import_row (
    run_id       BIGINT        NOT NULL,
    row_no       INT           NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    entity_key   VARCHAR(300)  NULL,
    entity_id    BIGINT        NULL,
    detail_json  MEDIUMTEXT    NULL,
    PRIMARY KEY (run_id, row_no),
    CONSTRAINT fk_import_row_run FOREIGN KEY (run_id) REFERENCES import_run (id) ON DELETE CASCADE
);
CREATE INDEX ix_import_row_outcome ON import_row (run_id, outcome, row_no);

CREATE TABLE import_mapping (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(20)   NOT NULL,
    header_signature CHAR(64)      NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    mapping_json     TEXT          NOT NULL,
    saved_by         VARCHAR(100)  NOT NULL,
    saved_at         DATETIME(6)   NOT NULL,
    CONSTRAINT uk_import_mapping UNIQUE (kind, header_signature)
);
