-- Set-based sub-contractor link import (issues 15 and 17, docs/decisions/0035-set-based-link-import.md).
-- As import_contract_stage (V31): the file's rows are streamed in (each cell read and checked on the way),
-- classified against the master with one plain, non-locking SELECT, and the apply writes from here in one
-- short transaction. Rows belong to their import run and go with it.
CREATE TABLE import_link_stage (
    run_id           BIGINT        NOT NULL,
    row_no           INT           NOT NULL,
    contract_number  VARCHAR(2000) NULL,
    -- SHA-1 of the row's answer, level and note cells: a repeated link with other values is an error
    values_hash      CHAR(40)      NOT NULL,
    -- the parent and child cells, and what each names: a valid 法人番号, else a supplier code
    parent_ref       VARCHAR(2000) NULL,
    parent_cn        CHAR(13)      NULL,
    parent_code      VARCHAR(2000) NULL,
    child_ref        VARCHAR(2000) NULL,
    child_cn         CHAR(13)      NULL,
    child_code       VARCHAR(2000) NULL,
    confidential     BOOLEAN       NULL,
    system_access    BOOLEAN       NULL,
    business_critical BOOLEAN      NULL,
    required_level   VARCHAR(10)   NULL,
    -- the level cell as written (the preview shows it)
    level_text       VARCHAR(2000) NULL,
    note             TEXT          NULL,
    -- problems found while streaming (JSON list of FieldProblem): unreadable answers and levels
    problems_json    TEXT          NULL,
    -- the classification against the master, written by the check and again by the apply: the link as it
    -- is to be stored and as it was read (JSON), its contract, and the version it was read at
    outcome          VARCHAR(20)   NULL,
    contract_id      BIGINT        NULL,
    link_id          BIGINT        NULL,
    link_version     INT           NULL,
    form_json        TEXT          NULL,
    before_json      TEXT          NULL,
    PRIMARY KEY (run_id, row_no),
    CONSTRAINT fk_import_link_stage_run FOREIGN KEY (run_id) REFERENCES import_run (id) ON DELETE CASCADE
);
